"""50 concurrent uploads against a real ``reviewer serve`` on 127.0.0.1; every one must be reviewed.

Run: ``.venv/bin/python bench/load.py [N] [CONCURRENCY]``. Bounded: at most CONCURRENCY requests in flight and
an overall time limit. Prints the wall time against the single-upload baseline measured in the same run.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from service_server import draft_docx, server, token  # noqa: E402

LIMIT = 600.0  # seconds for the whole run


async def one(c: httpx.AsyncClient, gate: asyncio.Semaphore, data: bytes, i: int) -> tuple[float, str]:
    t = time.perf_counter()
    async with gate:
        r = await c.post(
            "/api/submissions",
            data={"title": f"并发送审{i}"},
            files={"file": (f"draft{i}.docx", data, "application/octet-stream")},
        )
    r.raise_for_status()
    sid = r.json()["id"]
    while True:
        v = (await c.get(f"/api/submissions/{sid}/versions/1?wait=30")).json()
        if v["job"]["status"] in ("done", "failed"):
            return time.perf_counter() - t, v["job"]["status"]


async def run(url: str, files: list[bytes], concurrency: int) -> tuple[float, list[tuple[float, str]]]:
    headers = {"Authorization": f"Bearer {token(url)}"}
    limits = httpx.Limits(max_connections=concurrency * 2)
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=120, limits=limits) as c:
        gate = asyncio.Semaphore(concurrency)
        await one(c, gate, files[0], -1)  # warm-up
        t = time.perf_counter()
        single = [await one(c, gate, files[0], -2)]
        baseline = time.perf_counter() - t
        t = time.perf_counter()
        results = await asyncio.wait_for(
            asyncio.gather(*(one(c, gate, f, i) for i, f in enumerate(files))), LIMIT
        )
        wall = time.perf_counter() - t
    return baseline, [(wall, "wall")] + single + results


def main(n: int = 50, concurrency: int = 50) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        files = [draft_docx(Path(tmp) / f"d{i}.docx", tag=f"（{i}）").read_bytes() for i in range(n)]
        with server() as (url, _):
            baseline, out = asyncio.run(run(url, files, concurrency))
    wall, results = out[0][0], out[2:]
    done = sum(1 for _, s in results if s == "done")
    lat = sorted(t for t, _ in results)
    print(f"并发上传：{n} 个（同时最多 {concurrency} 个请求）")
    print(f"全部完成：{done}/{n}，失败 {n - done}")
    print(f"单个上传到出结果（基线）：{baseline * 1000:.0f} ms")
    print(f"总耗时：{wall:.2f} s = 基线的 {wall / baseline:.1f} 倍（串行需 {n} 倍）")
    print(f"单件延迟：中位数 {statistics.median(lat):.2f} s，最大 {lat[-1]:.2f} s")
    print(f"吞吐：{n / wall:.1f} 件/秒")
    return 0 if done == n else 1


if __name__ == "__main__":
    sys.exit(main(*(int(a) for a in sys.argv[1:3])))
