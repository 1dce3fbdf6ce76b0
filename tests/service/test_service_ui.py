"""The HTML pages over HTTP: sign-in, lists, upload form, review page and its forms, comparison, audit, rules."""

from __future__ import annotations

import re

from conftest import DRAFT, PASSWORD, REVISED
from fastapi.testclient import TestClient


def _browser(world, username: str) -> tuple[TestClient, str]:
    """A cookie-only client (like a browser): returns it and the page's CSRF token."""
    c = TestClient(world.app, follow_redirects=False)
    token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/login").text).group(1)
    r = c.post(
        "/login",
        data={"username": username, "password": PASSWORD, "csrf_token": token, "next": "/submissions"},
    )
    assert r.status_code == 303 and r.headers["location"] == "/submissions"
    return c, re.search(r'name="csrf_token" value="([^"]+)"', c.get("/submissions").text).group(1)


def _upload(world, c, token, text=DRAFT) -> int:
    r = c.post(
        "/submissions/new",
        data={
            "title": "青山镇农村人居环境整治管理办法",
            "csrf_token": token,
            "explanation": "",
            "consultation_held": "on",
            "consultation_start": "2025-01-06",
            "consultation_end": "2025-01-08",
            "collective": "done",
        },
        files={"file": ("草稿.txt", text.encode(), "text/plain")},
    )
    assert r.status_code == 303, r.text
    sid = int(r.headers["location"].rsplit("/", 1)[1])
    world.wait(world.login("draft_a"), sid)
    return sid


def test_login_page_and_errors(world):
    c = TestClient(world.app, follow_redirects=False)
    page = c.get("/login")
    assert page.status_code == 200 and "登录法审" in page.text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    bad = c.post("/login", data={"username": "draft_a", "password": "nope-nope", "csrf_token": token})
    assert bad.status_code == 401 and "用户名或密码错误" in bad.text
    forged = c.post("/login", data={"username": "draft_a", "password": PASSWORD, "csrf_token": "x"})
    assert forged.status_code == 403 and "CSRF" in forged.text
    r = c.get("/submissions", headers={"accept": "text/html"})
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/submissions"
    assert c.get("/", headers={"accept": "text/html"}).headers["location"] == "/submissions"


def test_offsite_next_is_ignored(world):
    c = TestClient(world.app, follow_redirects=False)
    token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/login").text).group(1)
    r = c.post(
        "/login",
        data={"username": "draft_a", "password": PASSWORD, "csrf_token": token, "next": "//evil.example/"},
    )
    assert r.headers["location"] == "/submissions"


def test_upload_review_and_decide_in_the_browser_forms(world):
    drafter, token = _browser(world, "draft_a")
    assert "送审新文件" in drafter.get("/submissions/new").text
    sid = _upload(world, drafter, token)
    assert "青山镇农村人居环境整治管理办法" in drafter.get("/submissions").text
    assert drafter.get(f"/submissions/{sid}").headers["location"] == f"/submissions/{sid}/v/1"
    page = drafter.get(f"/submissions/{sid}/v/1").text
    assert '<mark class="sev-error"' in page and "处五千元罚款" in page
    assert "征求意见期限不足" in page and "采纳</button>" not in page  # drafters cannot decide

    adv, atoken = _browser(world, "adv_a")
    page = adv.get(f"/submissions/{sid}/v/1").text
    fid = int(
        re.search(r'id="f-(\d+)"[^>]*>\s*<div class="line1"><span class="badge sev">违法', page).group(1)
    )
    no_reason = adv.post(
        f"/findings/{fid}/decision", data={"action": "dismiss", "reason": "", "csrf_token": atoken}
    )
    assert no_reason.status_code == 303
    assert "驳回问题必须填写理由" in adv.get(no_reason.headers["location"]).text
    r = adv.post(
        f"/findings/{fid}/decision",
        data={"action": "dismiss", "reason": "上位法有授权", "csrf_token": atoken},
    )
    assert r.headers["location"].endswith(f"#f-{fid}")
    assert "驳回理由：上位法有授权" in adv.get(f"/submissions/{sid}/v/1").text
    adv.post(
        f"/findings/{fid}/decision",
        data={"action": "edit", "message": "改写的问题", "suggestion": "改写的建议", "csrf_token": atoken},
    )
    assert "改写的问题" in adv.get(f"/submissions/{sid}/v/1").text
    text = drafter.get(f"/api/submissions/{sid}/versions/1/text").json()["text"]
    start = text.index("房前屋后")
    r = adv.post(
        f"/submissions/{sid}/v/1/findings",
        data={
            "start": start,
            "end": start + 4,
            "message": "表述笼统",
            "severity": "info",
            "csrf_token": atoken,
        },
    )
    assert r.status_code == 303 and "表述笼统" in adv.get(f"/submissions/{sid}/v/1").text


def test_draft_html_keeps_the_text_exact(world):
    drafter, token = _browser(world, "draft_a")
    sid = _upload(world, drafter, token)
    page = drafter.get(f"/submissions/{sid}/v/1").text
    inner = re.search(r'<article class="draft"[^>]*>(.*?)</article>', page, re.S).group(1)
    plain = (
        re.sub(r"<[^>]+>", "", inner)
        .replace("&#34;", '"')
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
    )
    assert plain == drafter.get(f"/api/submissions/{sid}/versions/1/text").json()["text"]


def test_revision_compare_sign_and_audit_pages(world):
    drafter, token = _browser(world, "draft_a")
    sid = _upload(world, drafter, token)
    r = drafter.post(
        f"/submissions/{sid}/versions",
        data={"csrf_token": token},
        files={"file": ("修改稿.txt", REVISED.encode(), "text/plain")},
    )
    assert r.headers["location"] == f"/submissions/{sid}/v/2"
    world.wait(world.login("draft_a"), sid, 2)
    page = drafter.get(f"/submissions/{sid}/v/2/compare").text
    assert "已修改" in page and "<del>" in page and "<ins>" in page and "第四条" in page
    bad = drafter.post(
        f"/submissions/{sid}/versions",
        data={"csrf_token": token},
        files={"file": ("x.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")},
    )
    assert "不支持的文件类型" in drafter.get(bad.headers["location"], follow_redirects=True).text
    jud, jtoken = _browser(world, "jud_a")
    assert jud.post(f"/submissions/{sid}/v/2/sign", data={"csrf_token": jtoken}).status_code == 303
    assert "（已签发）" in jud.get(f"/submissions/{sid}/v/2").text
    adv_b = next(
        u for u in world.login("admin").get("/api/users").json()["items"] if u["username"] == "adv_a"
    )
    jud.post(f"/submissions/{sid}/advisor", data={"advisor_id": adv_b["id"], "csrf_token": jtoken})
    audit = jud.get(f"/submissions/{sid}/audit").text
    assert "上传修改稿" in audit and "签发" in audit and "指派法律顾问" in audit


def test_upload_form_errors_are_shown(world):
    drafter, token = _browser(world, "draft_a")
    r = drafter.post(
        "/submissions/new",
        data={"title": "x", "csrf_token": token},
        files={"file": ("a.docx", b"PK\x03\x04broken", "application/octet-stream")},
    )
    assert r.status_code == 422 and "文件已损坏" in r.text


def test_rules_pages(world):
    c, _ = _browser(world, "adv_a")
    page = c.get("/rules").text
    assert "PENALTY-FINE-CREATED" in page and "规则库" in page
    assert "PENALTY-FINE-CREATED" in c.get("/rules?q=罚款").text
    detail = c.get("/rules/PENALTY-FINE-CREATED").text
    assert "中华人民共和国行政处罚法" in detail and "<mark>" in detail and "不应提示的写法" in detail
    assert c.get("/rules/NO-SUCH-RULE", headers={"accept": "text/html"}).status_code == 404


def test_admin_pages(world):
    admin, token = _browser(world, "admin")
    assert "新建起草单位" in admin.get("/admin").text
    admin.post(
        "/admin/departments", data={"name": "绿水村委会", "jurisdiction": "青山司法所", "csrf_token": token}
    )
    r = admin.post(
        "/admin/users",
        data={
            "username": "lv",
            "password": "long-enough-1",
            "role": "drafter",
            "department_id": "",
            "csrf_token": token,
        },
    )
    assert "必须指定所属单位" in admin.get(r.headers["location"]).text
    assert "绿水村委会" in admin.get("/admin").text


def test_logout(world):
    c, token = _browser(world, "draft_a")
    assert c.post("/logout", data={"csrf_token": token}).headers["location"] == "/login"
    assert c.get("/submissions", headers={"accept": "text/html"}).status_code == 303
