"""Fixtures: the app on SQLite and on PostgreSQL (own database, dropped afterwards), users of two departments."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service import crud
from service.db import session_scope
from service.main import create_app
from service.settings import Settings

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PASSWORD = "correct-horse-1"

DRAFT = """青山镇农村人居环境整治管理办法（送审稿）
第一条　为改善农村人居环境，根据有关规定，结合本镇实际，制定本办法。
第二条　本办法适用于本镇行政区域内的农村人居环境整治工作。
第三条　村民应当保持房前屋后整洁。
第四条　违反本办法乱堆乱放的，由镇综合执法队处五千元罚款。
第五条　本办法自2025年3月1日起施行，有效期5年。
"""
REVISED = DRAFT.replace("由镇综合执法队处五千元罚款", "由镇综合执法队依照有关法律法规处理")
GOOD_MATERIALS = {
    "explanation": "为落实农村人居环境整治要求，规范本镇整治工作，起草本办法。" * 3,
    "legal_basis": "《中华人民共和国环境保护法》",
    "consultation_held": True,
    "consultation_start": "2025-01-06",
    "consultation_end": "2025-01-24",
    "consultation_result": "收到意见3条，采纳2条。",
    "collective": "scheduled",
}


def _pg_available() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=2):
            return None
    except Exception as exc:
        return f"PostgreSQL 不可用（127.0.0.1:5432）：{exc}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> Iterator[str | None]:
    if request.param == "sqlite":
        yield None
        return
    reason = _pg_available()
    if reason:
        pytest.skip(reason)
    import psycopg

    name = f"fashen_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def make_settings(tmp_path, database_url: str | None, **extra: Any) -> Settings:
    values = {"worker_mode": "thread", "workers": 1} | extra
    return Settings(
        _env_file=None,
        FASHEN_DATA_DIR=tmp_path / "var",
        database_url=database_url,
        secret_key="test-secret",
        **values,
    )


@dataclass
class World:
    app: Any
    client: TestClient

    def login(self, username: str) -> TestClient:
        """A client with its own cookie jar, signed in as ``username``, sending the CSRF header."""
        c = TestClient(self.app)
        r = c.post("/api/auth/login", json={"username": username, "password": PASSWORD})
        assert r.status_code == 200, r.text
        c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
        return c

    def upload(
        self,
        c: TestClient,
        text: str = DRAFT,
        title: str = "青山镇农村人居环境整治管理办法",
        materials: dict | None = None,
        filename: str = "草稿.txt",
    ):
        import json

        return c.post(
            "/api/submissions",
            data={
                "title": title,
                "meeting_date": "2025-02-20",
                "materials": json.dumps(materials or GOOD_MATERIALS),
            },
            files={"file": (filename, text.encode("utf-8"), "text/plain")},
        )

    def wait(self, c: TestClient, sid: int, number: int = 1, timeout: float = 60) -> dict:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            v = c.get(f"/api/submissions/{sid}/versions/{number}?wait=5").json()
            if v["job"]["status"] in ("done", "failed"):
                return v
        raise AssertionError("审查任务超时")


def seed(app: Any) -> None:
    with session_scope(app.state.sessions) as s:
        a = crud.create_department(session=s, actor=None, name="青山镇农业办", jurisdiction="青山司法所")
        b = crud.create_department(session=s, actor=None, name="白水镇城建办", jurisdiction="白水司法所")
        for username, role, dept, jur in (
            ("admin", "admin", None, None),
            ("draft_a", "drafter", a.id, None),
            ("draft_b", "drafter", b.id, None),
            ("adv_a", "advisor", None, "青山司法所"),
            ("adv_b", "advisor", None, "白水司法所"),
            ("jud_a", "judicial", None, "青山司法所"),
            ("jud_b", "judicial", None, "白水司法所"),
        ):
            crud.create_user(
                session=s,
                actor=None,
                username=username,
                password=PASSWORD,
                role=role,
                department=dept,
                jurisdiction=jur,
                display_name=username.upper(),
            )


@pytest.fixture
def world(tmp_path, database_url) -> Iterator[World]:
    app = create_app(make_settings(tmp_path, database_url))
    with TestClient(app) as client:
        seed(app)
        yield World(app, client)
