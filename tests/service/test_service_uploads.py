"""Corrupt, oversize, empty or foreign uploads are refused and leave no rows and no files behind."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import DRAFT, make_settings, seed
from fastapi.testclient import TestClient

from service.main import create_app


def _files(world) -> list[Path]:
    root = world.app.state.settings.files_dir
    return [p for p in root.rglob("*") if p.is_file()]


def _rows(world) -> dict[str, int]:
    from sqlalchemy import text

    with world.app.state.engine.connect() as conn:
        return {
            t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar()
            for t in ("submissions", "versions", "jobs", "findings")
        }


def _zip(names: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in names.items():
            zf.writestr(name, data)
    return buf.getvalue()


BAD = [
    ("broken.docx", b"PK\x03\x04" + b"\x00garbage" * 50, "corrupt"),
    ("not-word.docx", _zip({"hello.txt": b"hi"}), "corrupt"),
    ("broken.pdf", b"%PDF-1.7\n" + b"\x00\xff" * 100, "corrupt"),
    ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "unsupported_type"),
    ("empty.txt", b"   \n", "empty"),
]


@pytest.mark.parametrize("name,data,code", BAD, ids=[b[0] for b in BAD])
def test_bad_uploads_are_422_without_leftovers(world, name, data, code):
    c = world.login("draft_a")
    r = c.post(
        "/api/submissions", data={"title": "测试"}, files={"file": (name, data, "application/octet-stream")}
    )
    assert r.status_code == 422 and r.json()["code"] == code, r.text
    assert r.json()["message"]
    assert _rows(world) == {"submissions": 0, "versions": 0, "jobs": 0, "findings": 0}
    assert _files(world) == []


def test_oversize_upload_is_413_without_leftovers(tmp_path, database_url):
    app = create_app(make_settings(tmp_path, database_url, max_upload_mb=0.01))
    with TestClient(app):
        seed(app)
        from conftest import World

        world = World(app, TestClient(app))
        c = world.login("draft_a")
        r = world.upload(c, text="第一条　" + "很长的条文。" * 3000)
        assert r.status_code == 413 and r.json()["code"] == "too_large"
        assert "大小上限" in r.json()["message"]
        huge = c.post(
            "/api/submissions",
            data={"title": "x"},
            files={"file": ("a.txt", b"a" * (2 * 1024 * 1024), "text/plain")},
        )
        assert huge.status_code == 413
        assert _rows(world)["submissions"] == 0 and _files(world) == []


def test_failed_database_step_removes_the_new_file(world, monkeypatch):
    from service import crud

    def boom(*args, **kw):
        raise RuntimeError("database down")

    c = world.login("draft_a")
    monkeypatch.setattr(crud, "record", boom)
    with pytest.raises(RuntimeError):
        world.upload(c)
    assert _files(world) == [] and _rows(world)["submissions"] == 0


def test_filenames_never_reach_the_filesystem(world):
    c = world.login("draft_a")
    r = world.upload(c, filename="..\\..\\etc/../pass:wd<x>.txt")
    assert r.status_code == 201
    version = r.json()["versions"][0]
    assert version["filename"] == "passwdx.txt"
    files = _files(world)
    assert [p.name for p in files] == [version["sha256"]]
    assert all(p.is_relative_to(world.app.state.settings.files_dir) for p in files)
    # the same content uploaded again is stored once
    world.upload(c, filename="副本.txt")
    assert len(_files(world)) == 1


def test_gb18030_text_is_accepted(world):
    c = world.login("draft_a")
    r = c.post(
        "/api/submissions",
        data={"title": "GBK 文本"},
        files={"file": ("gbk.txt", DRAFT.encode("gb18030"), "text/plain")},
    )
    assert r.status_code == 201 and world.wait(c, r.json()["id"])["job"]["status"] == "done"
