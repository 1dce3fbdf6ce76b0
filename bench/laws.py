"""Benchmark the law knowledge layer: library import, article lookup (show), title resolution.

Usage: .venv/bin/python bench/laws.py [LAWLIB_DIR]   (default ../shared/lawlib)
Every number is printed with a ratio against a baseline measured in the same run.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reviewer.knowledge import laws
from reviewer.knowledge.library import Library, import_folder


def _median(fn, n: int) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    root = Path(
        sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "lawlib"
    )
    if not root.is_dir():
        sys.exit(f"法律文本目录不存在：{root}")
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "lawlib.sqlite3"

    t0 = time.perf_counter()
    size = sum(
        len(p.read_text(encoding="utf-8", errors="replace")) for p in root.rglob("*.md") if p.is_file()
    )
    read = time.perf_counter() - t0
    report = import_folder(root, db)
    print(
        f"import: {report.laws} texts, {report.articles} articles, {len(report.skipped)} skipped, "
        f"{report.seconds:.2f} s (target < 30 s) = {report.seconds / read:.1f}x reading the {size:,} chars"
    )

    lib = Library(db)
    rows = lib.con.execute(
        "SELECT l.title, a.number FROM articles a JOIN laws l ON l.id = a.law_id"
    ).fetchall()
    rng = random.Random(7)
    sample = [rng.choice(rows) for _ in range(500)]
    it = iter(sample * 2)
    show = _median(lambda: lib.article(*next(it)), 500)
    raw = sqlite3.connect(db)
    base = _median(lambda: raw.execute("SELECT 1").fetchone(), 500)
    print(
        f"show (lookup): median {show * 1000:.3f} ms (target < 50 ms) = {show / base:.1f}x a bare SQLite query"
    )

    env_db = {"FASHEN_LAWLIB_DB": str(db), "PATH": ""}
    exe = [sys.executable, "-m", "reviewer", "laws", "show", "行政许可法", "第十七条"]
    cli = _median(lambda: subprocess.run(exe, env=env_db, capture_output=True, check=True), 5)
    py = _median(lambda: subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=True), 5)
    print(f"show (CLI process): median {cli * 1000:.0f} ms = {cli / py:.1f}x starting Python")

    cat = laws.catalog()
    titles = list(cat.laws)
    mentions = [f"《{t}》" for t in rng.sample(titles, 300)] + [
        t.removeprefix("中华人民共和国") for t in titles[:300]
    ]
    mentions += [t[:-2] + "x" + t[-1] for t in rng.sample(titles, 300)]  # typos
    t0 = time.perf_counter()
    for m in mentions:
        cat.resolve(m)
    per = (time.perf_counter() - t0) / len(mentions)
    keys = cat.keys
    t0 = time.perf_counter()
    for m in mentions:
        keys.get(laws.normalise(m)[0])
    base = (time.perf_counter() - t0) / len(mentions)
    print(
        f"resolve: {per * 1e6:.0f} µs per mention over {len(mentions)} (incl. 300 typos) "
        f"= {per / base:.1f}x an exact normalised lookup"
    )


if __name__ == "__main__":
    main()
