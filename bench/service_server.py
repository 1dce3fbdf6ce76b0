"""A real ``reviewer serve`` process on 127.0.0.1 with a temporary data directory, for the service benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
import httpx

from reviewer.numerals import int_to_cn

PASSWORD = "bench-password-1"
REVIEWER = str(Path(sys.executable).with_name("reviewer"))
ARTICLE = (
    "第{n}条　本镇辖区内从事农贸市场经营的单位和个人，应当遵守市场管理规定，按照划定区域经营，"
    "保持摊位整洁，不得占道经营。镇市场管理办公室负责日常巡查，对发现的问题及时督促整改，"
    "并将整改情况记入管理台账，每季度向镇人民政府报告一次工作情况。"
)
FLAGGED = (
    "第{n}条　违反本办法规定占道经营的，由镇市场管理办公室处二千元罚款；"
    "经营者申请摊位时，须提交居民委员会出具的无违法犯罪记录证明。"
)


def draft_docx(path: Path, articles: int = 28, tag: str = "") -> Path:
    """A draft written for this benchmark; 28 articles fill about five A4 pages in GB/T 9704 density."""
    d = docx.Document()
    d.add_paragraph(f"青山镇农贸市场管理办法（征求意见稿）{tag}")
    for i in range(1, articles + 1):
        n = int_to_cn(i)
        d.add_paragraph((FLAGGED if i % 6 == 0 else ARTICLE).format(n=n))
    d.add_paragraph("本办法自2026年3月1日起施行，有效期5年。")
    d.save(str(path))
    return path


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(workers: int = 2) -> Iterator[tuple[str, Path]]:
    """Start the service (default settings: SQLite, process workers), bootstrap users, yield (url, tmp dir)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ, FASHEN_DATA_DIR=str(Path(tmp) / "var"), FASHEN_PASSWORD=PASSWORD, WORKERS=str(workers)
        )
        env.pop("DATABASE_URL", None)
        run = lambda *a: subprocess.run([REVIEWER, "users", *a], env=env, check=True, capture_output=True)  # noqa: E731
        run("add-department", "青山镇农业办", "--jurisdiction", "青山司法所")
        run("add", "drafter", "--role", "drafter", "--department", "青山镇农业办")
        port = _port()
        proc = subprocess.Popen(
            [REVIEWER, "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            end = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"{url}/login", timeout=1)
                    break
                except httpx.TransportError:
                    if time.monotonic() > end or proc.poll() is not None:
                        raise RuntimeError("服务未能启动") from None
                    time.sleep(0.1)
            yield url, Path(tmp)
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def token(url: str) -> str:
    with httpx.Client(base_url=url) as c:
        c.post("/api/auth/login", json={"username": "drafter", "password": PASSWORD}).raise_for_status()
        csrf = c.get("/api/auth/me").json()["csrf_token"]
        r = c.post("/api/auth/tokens", json={"name": "bench"}, headers={"X-CSRF-Token": csrf})
        r.raise_for_status()
        return r.json()["token"]
