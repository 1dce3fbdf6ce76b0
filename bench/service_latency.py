"""Upload-to-findings latency of the service vs the library's own review time of the same 5-page draft.

Run: ``.venv/bin/python bench/service_latency.py [RUNS] [ARTICLES]`` (28 articles ≈ 5 pages of GB/T 9704 at
22 lines × 28 characters). Prints medians and the ratio (target ≤ 1.5×).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from service_server import draft_docx, server, token  # noqa: E402


def library_time(path: Path, runs: int) -> float:
    from reviewer.api import parse, review

    review(parse(path))  # warm: imports and the rule catalog
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        review(parse(path))
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def service_time(url: str, path: Path, runs: int) -> float:
    headers = {"Authorization": f"Bearer {token(url)}"}
    data = path.read_bytes()
    times = []
    with httpx.Client(base_url=url, headers=headers, timeout=120) as c:
        for i in range(runs + 1):  # the first upload warms the worker processes
            t = time.perf_counter()
            r = c.post(
                "/api/submissions",
                data={"title": f"基准{i}"},
                files={"file": ("draft.docx", data + b"", "application/octet-stream")},
            )
            r.raise_for_status()
            sid = r.json()["id"]
            while c.get(f"/api/submissions/{sid}/versions/1?wait=60").json()["job"]["status"] not in (
                "done",
                "failed",
            ):
                pass
            c.get(f"/api/submissions/{sid}/versions/1/findings").raise_for_status()
            if i:
                times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(runs: int = 7, articles: int = 28) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = draft_docx(Path(tmp) / "draft.docx", articles=articles)
        from reviewer.api import parse

        doc = parse(path)
        lib = library_time(path, runs)
        with server() as (url, _):
            svc = service_time(url, path, runs)
    print(f"草稿：{len(doc.text)} 字，{len(doc.articles())} 条（约 {len(doc.text) / 616:.0f} 页）")
    print(f"库审查时间（parse + review，中位数）：{lib * 1000:.0f} ms")
    print(f"服务上传到出结果（中位数，{runs} 次）：{svc * 1000:.0f} ms")
    print(f"比值（服务 / 库）：{svc / lib:.2f}×（目标 ≤ 1.5×）")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
