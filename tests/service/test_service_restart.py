"""A real ``reviewer serve`` killed with SIGKILL during a review: after a restart the job completes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

REVIEWER = str(Path(sys.executable).with_name("reviewer"))
PASSWORD = "restart-pass-1"
ARTICLE = "第{n}条　经营者应当遵守市场管理规定，不得占道经营，违反的由镇市场管理办公室处二千元罚款。\n"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(env: dict[str, str], port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [REVIEWER, "serve", "--port", str(port)],
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    end = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/login", timeout=1)
            return proc
        except httpx.TransportError:
            if time.monotonic() > end or proc.poll() is not None:
                raise RuntimeError("服务未能启动") from None
            time.sleep(0.1)


def _alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
        return True
    except ProcessLookupError:
        return False


@pytest.mark.slow
def test_server_killed_mid_review_finishes_after_restart(tmp_path):
    env = dict(os.environ, FASHEN_DATA_DIR=str(tmp_path / "var"), FASHEN_PASSWORD=PASSWORD, WORKERS="1")
    env.pop("DATABASE_URL", None)
    for args in (
        ["add-department", "青山镇农业办", "--jurisdiction", "青山司法所"],
        ["add", "d", "--role", "drafter", "--department", "青山镇农业办"],
    ):
        subprocess.run([REVIEWER, "users", *args], env=env, check=True, capture_output=True)
    big = "青山镇市场管理办法\n" + "".join(ARTICLE.format(n=i) for i in range(1, 4001))
    port = _port()
    proc = _start(env, port)
    try:
        c = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
        csrf = c.post("/api/auth/login", json={"username": "d", "password": PASSWORD}).json()["csrf_token"]
        r = c.post(
            "/api/submissions",
            data={"title": "大文件"},
            headers={"X-CSRF-Token": csrf},
            files={"file": ("big.txt", big.encode(), "text/plain")},
        )
        sid = r.json()["id"]
        end = time.monotonic() + 30
        while c.get(f"/api/submissions/{sid}/versions/1").json()["job"]["status"] != "running":
            assert time.monotonic() < end, "审查没有开始"
            time.sleep(0.02)
    finally:
        proc.kill()  # SIGKILL to the server alone: its worker processes must not outlive it
        proc.wait()
    end = time.monotonic() + 20
    while _alive(proc.pid):
        assert time.monotonic() < end, "服务被杀后仍有工作进程残留"
        time.sleep(0.2)
    proc = _start(env, port)
    try:
        c = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
        c.post("/api/auth/login", json={"username": "d", "password": PASSWORD})
        job = c.get(f"/api/submissions/{sid}/versions/1?wait=60").json()["job"]
        while job["status"] in ("queued", "running"):
            job = c.get(f"/api/submissions/{sid}/versions/1?wait=60").json()["job"]
        assert job["status"] == "done" and job["attempts"] == 2
        assert c.get(f"/api/submissions/{sid}/versions/1/findings").json()["total"] >= 4000
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
