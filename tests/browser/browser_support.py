"""Serving the app on 127.0.0.1 in a thread and launching Debian's Chromium through Playwright."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from service import crud
from service.db import session_scope
from service.main import create_app
from service.settings import Settings

PASSWORD = "correct-horse-1"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
USERS = (
    ("admin", "admin", None, None, "系统管理员"),
    ("draft_a", "drafter", "青山镇农业办", None, "青山镇农业办 李明"),
    ("draft_b", "drafter", "白水镇城建办", None, "白水镇城建办 王芳"),
    ("adv_a", "advisor", None, "青山司法所", "法律顾问 赵律师"),
    ("jud_a", "judicial", None, "青山司法所", "青山司法所 陈所长"),
)


def chromium() -> str | None:
    return shutil.which("chromium") or (
        str(Path("/usr/bin/chromium")) if Path("/usr/bin/chromium").exists() else None
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(data_dir: Path) -> Iterator[str]:
    """The app with seeded departments and users, on a free port; yields the base URL."""
    settings = Settings(
        _env_file=None, FASHEN_DATA_DIR=data_dir, secret_key="browser-test", worker_mode="thread", workers=1
    )
    app = create_app(settings)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    end = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > end or not thread.is_alive():
            raise RuntimeError("服务未能启动")
        time.sleep(0.05)
    with session_scope(app.state.sessions) as s:
        for name, area in (("青山镇农业办", "青山司法所"), ("白水镇城建办", "白水司法所")):
            crud.create_department(session=s, actor=None, name=name, jurisdiction=area)
        for username, role, dept, area, display in USERS:
            crud.create_user(
                session=s,
                actor=None,
                username=username,
                password=PASSWORD,
                role=role,
                department=dept,
                jurisdiction=area,
                display_name=display,
            )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def login(page, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('登录')")
    page.wait_for_url(f"{base}/submissions")


def logout(page, base: str) -> None:
    page.goto(f"{base}/submissions")
    page.click("button:has-text('退出')")
    page.wait_for_url(f"{base}/login")
