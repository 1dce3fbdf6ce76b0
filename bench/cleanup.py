"""Benchmark of ``reviewer cleanup`` (numbers are ratios against baselines measured in the same run).

    .venv/bin/python bench/cleanup.py [--docs 1000] [--jobs 2] [--cross 10000] [--dir /tmp/fashen-bench-docx]

1. 1,000 generated .docx of 5–20 pages: the bare sequential parse time ``P`` of all files (and the bare parse
   in ``--jobs`` processes, which shows the real speed-up of this machine's cores), then the whole
   clean-up run with ``--jobs 2`` (discovery, hashing, parse + review in 2 processes, dispositions,
   cross-document pass, .xlsx) ``C``. Target: C ≤ 1.3 × P / 2. Also the review time of a sample, so that
   the clean-up overhead can be told apart from the rule engine's own cost.
2. The cross-document pass (supersession, references, dispositions, duplicates and conflicts) over the
   provisions of 10,000 synthetic documents. Target ≤ 60 s.
3. Peak memory (max RSS) of this process and of the largest worker process. Target ≤ 2 GB.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cleanup_corpus as gen  # noqa: E402

from reviewer.cleanup import Options, crossdoc, disposition, run, xlsx  # noqa: E402
from reviewer.cleanup.entry import Entry, record  # noqa: E402
from reviewer.cleanup.pipeline import families, provisions  # noqa: E402


def bench_files(folder: Path, n: int) -> list[Path]:
    files = sorted(folder.glob("*.docx")) if folder.is_dir() else []
    if len(files) != n:
        print(f"生成 {n} 份 .docx 到 {folder} …", flush=True)
        for f in files:
            f.unlink()
        files = gen.write_bench(folder, n)
    return sorted(files)


def bare_parse(files: list[Path]) -> float:
    from reviewer.api import parse

    parse(files[0])  # warm-up: imports, readers
    started = time.perf_counter()
    for f in files:
        parse(f)
    return time.perf_counter() - started


def _parse_size(path: Path) -> int:
    from reviewer.api import parse

    return len(parse(path).text)


def parallel_parse(files: list[Path], jobs: int) -> float:
    """Bare parse in ``jobs`` processes: what this machine's cores really give (2 vCPUs may share a core)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_parse_size, files[:jobs]))
        started = time.perf_counter()
        list(pool.map(_parse_size, files, chunksize=8))
        return time.perf_counter() - started


def review_share(files: list[Path]) -> tuple[float, float]:
    """Per-document parse and review seconds on a sample (the rule engine's own cost)."""
    from reviewer.api import parse, review

    review(parse(files[0]))
    docs, t0 = [], time.perf_counter()
    for f in files:
        docs.append(parse(f))
    t1 = time.perf_counter()
    for d in docs:
        review(d)
    t2 = time.perf_counter()
    return (t1 - t0) / len(files), (t2 - t1) / len(files)


def synthetic_entries(n: int, seed: int = 3) -> list[Entry]:
    """Records of ``n`` documents, ~20 provisions each, with planned duplicates and conflicts."""
    rng = random.Random(seed)
    combos = [(i, t) for t in gen.TOPICS for i in gen.ISSUERS]
    entries = []
    for k in range(n):
        issuer, topic = combos[k % len(combos)]
        provs = [
            {"id": f"art{j}", "label": f"第{j}条", "text": gen._provision(rng, topic)} for j in range(2, 20)
        ]
        if k % 50 == 0:
            template, variants = gen.SHARED[(k // 50) % len(gen.SHARED)]
            provs.append(
                {
                    "id": "art20",
                    "label": "第20条",
                    "text": template.format(n=rng.choice(variants)) if variants else template,
                }
            )
        year = 2015 + k % 10
        rec = record(
            title=f"{issuer}{topic}办法（{k}）",
            issuer=issuer,
            doc_number=f"{gen.ISSUERS[issuer]}〔{year}〕{k}号",
            issue_date=f"{year}-0{1 + k % 9}-01",
            validity={"text": "有效期5年", "years": 5, "until": None, "indefinite": False},
            provisions=provs,
        )
        entries.append(Entry(k, f"syn/{k:05d}.docx", f"{k:064x}", rec))
    return entries


def cross_pass(entries: list[Entry]) -> tuple[float, int]:
    started = time.perf_counter()
    disposition.dispose(entries, date(2025, 6, 30))
    pairs = crossdoc.compare(provisions(entries), families(entries))
    return time.perf_counter() - started, len(pairs)


def mb(kb: int) -> float:
    return round(kb / 1024, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description="规范性文件清理基准测试")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cross", type=int, default=10_000)
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "fashen-bench-docx")
    args = ap.parse_args()

    files = bench_files(args.dir, args.docs)
    pages = sum(len(f.read_bytes()) for f in files) / len(files)
    print(f"语料：{len(files)} 份 .docx（平均 {pages / 1024:.0f} KB）")

    parse_s = bare_parse(files)
    parallel_s = parallel_parse(files, args.jobs)
    per_parse, per_review = review_share(files[:100])
    out = Path(tempfile.mkdtemp()) / "清理目录.xlsx"
    started = time.perf_counter()
    result = run(args.dir, Options(as_of=date(2025, 6, 30), jobs=args.jobs, cache_path=None))
    xlsx.write(result, out)
    cleanup_s = time.perf_counter() - started
    ideal = parse_s / args.jobs
    print(
        f"基线：顺序解析 {parse_s:.1f} s（{parse_s / len(files) * 1000:.1f} ms/份）；"
        f"抽样 100 份：解析 {per_parse * 1000:.1f} ms/份，审查 {per_review * 1000:.1f} ms/份"
    )
    print(
        f"清理（--jobs {args.jobs}，含 .xlsx）：{cleanup_s:.1f} s，{len(result.entries)} 份，"
        f"失败 {len(result.failures)} 份"
    )
    print(f"比值 清理 / (解析 ÷ {args.jobs}) = {cleanup_s / ideal:.2f}（目标 ≤ 1.30）")
    print(
        f"本机 {args.jobs} 进程并行解析 {parallel_s:.1f} s（加速 {parse_s / parallel_s:.2f} 倍）；"
        f"比值 清理 / 并行解析 = {cleanup_s / parallel_s:.2f}"
    )
    analysis_ideal = len(files) * (per_parse + per_review) / args.jobs
    print(
        f"比值 清理 / ((解析 + 审查) ÷ {args.jobs}) = {cleanup_s / analysis_ideal:.2f}"
        "（扣除规则引擎本身耗时后的清理开销）"
    )

    entries = synthetic_entries(args.cross)
    n_prov = sum(len(e.record["provisions"]) for e in entries)
    cross_s, n_pairs = cross_pass(entries)
    print(
        f"跨文件比对：{args.cross} 份、{n_prov} 条款，{cross_s:.1f} s，{n_pairs} 对"
        f"（目标 ≤ 60 s，比值 {cross_s / 60:.2f}）"
    )

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"峰值内存：主进程 {mb(own)} MB，最大工作进程 {mb(child)} MB（目标 ≤ 2048 MB）")


if __name__ == "__main__":
    main()
