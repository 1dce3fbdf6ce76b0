"""The service's batch clean-up: upload a .zip, follow progress, download the .xlsx; who may see what."""

from __future__ import annotations

import io
import time
import zipfile

from fastapi.testclient import TestClient
from openpyxl import load_workbook

DOC = """青山县{name}管理办法
青政规〔2023〕{n}号
第一条　为了规范{name}管理工作，根据《中华人民共和国城乡规划法》等有关规定，结合本县实际，制定本办法。
第二条　县住房和城乡建设局负责全县{name}的监督管理工作。
第三条　本办法自{year}年3月1日起施行，有效期两年。
青山县人民政府
{year}年2月1日
"""


def archive() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("现行/户外广告.txt", DOC.format(name="户外广告", n=1, year=2024))
        zf.writestr("过期/城市绿化.txt", DOC.format(name="城市绿化", n=2, year=2019))
        zf.writestr("说明.xls", b"not a document")
    return buf.getvalue()


def wait(c: TestClient, batch_id: str) -> dict:
    end = time.monotonic() + 60
    while time.monotonic() < end:
        b = c.get(f"/api/batches/{batch_id}").json()
        if b["status"] in ("done", "failed"):
            return b
        time.sleep(0.2)
    raise AssertionError("清理任务超时")


def test_batch_from_upload_to_workbook(world):
    c = world.login("draft_a")
    r = c.post("/api/batches", data={"as_of": "2025-06-30"}, files={"file": ("县政府文件.zip", archive())})
    assert r.status_code == 201, r.text
    b = wait(c, r.json()["id"])
    assert b["status"] == "done" and b["done"] == b["total"] == 2 and b["failures"] == 1
    assert b["counts"]["处理建议"]["宣布失效"] == 1
    x = c.get(b["xlsx"])
    assert x.status_code == 200 and "filename*=UTF-8''" in x.headers["content-disposition"]
    wb = load_workbook(io.BytesIO(x.content))
    rows = {r[10]: r for r in wb["清理目录"].iter_rows(min_row=2, values_only=True)}
    assert rows["县政府文件.zip!/过期/城市绿化.txt"][7] == "宣布失效"
    assert rows["县政府文件.zip!/现行/户外广告.txt"][7] == "保留"
    assert [r[1] for r in wb["无法处理"].iter_rows(min_row=2, values_only=True)] == [
        "县政府文件.zip!/说明.xls"
    ]
    page = c.get("/batches", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "下载清理目录" in page.text and "县政府文件.zip" in page.text


def test_permissions_follow_single_reviews(world):
    owner = world.login("draft_a")
    batch_id = owner.post("/api/batches", files={"file": ("a.zip", archive())}).json()["id"]
    wait(owner, batch_id)
    assert world.login("jud_a").get(f"/api/batches/{batch_id}").status_code == 200
    assert world.login("draft_b").get(f"/api/batches/{batch_id}").status_code == 404
    assert world.login("draft_b").get("/api/batches").json() == []
    advisor = world.login("adv_a")
    assert advisor.get(f"/api/batches/{batch_id}/xlsx").status_code == 404
    r = advisor.post("/api/batches", files={"file": ("a.zip", archive())})
    assert r.status_code == 403
    assert TestClient(world.app).get("/api/batches").status_code == 401


def test_bad_uploads_are_refused(world):
    c = world.login("draft_a")
    r = c.post("/api/batches", files={"file": ("a.docx", b"not a zip")})
    assert r.status_code == 422 and r.json()["code"] == "not_zip"
    r = c.post("/api/batches", data={"as_of": "2025/06/30"}, files={"file": ("a.zip", archive())})
    assert r.status_code == 422 and r.json()["code"] == "bad_date"
    bad = c.post(
        "/batches/new",
        data={"csrf_token": "wrong"},
        files={"file": ("a.zip", archive())},
        headers={"X-CSRF-Token": ""},
        follow_redirects=False,
    )
    assert bad.status_code == 403
