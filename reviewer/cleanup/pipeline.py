"""One clean-up run: discover → analyse (cached, in parallel) → status and disposition → across documents."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reviewer.cleanup import crossdoc, disposition
from reviewer.cleanup.cache import Cache, default_path
from reviewer.cleanup.discover import Limits, Rejected, Source, discover
from reviewer.cleanup.entry import DISPOSITIONS, STATUSES, Entry
from reviewer.cleanup.executor import Executor, LocalExecutor

# progress(done, total, location): called after every document (cached ones included)
Progress = Callable[[int, int, str], None]


@dataclass
class Options:
    as_of: date
    warn_months: int = 6
    jobs: int | None = None  # None: all cores
    cache_path: str | Path | None = field(default_factory=default_path)  # None: no cache
    broker_url: str | None = None  # redis://… : distribute to `reviewer worker`
    settings: dict[str, Any] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)


@dataclass
class Result:
    as_of: date
    folder: str
    entries: list[Entry]
    failures: list[Rejected]
    pairs: list[crossdoc.Pair]
    analysed: int = 0
    from_cache: int = 0
    seconds: float = 0.0
    sources: dict[str, Source] = field(default_factory=dict)  # location → where to read the document

    def counts(self) -> dict[str, dict[str, int]]:
        return {
            "处理建议": {d: sum(e.disposition == d for e in self.entries) for d in DISPOSITIONS},
            "现状": {s: sum(e.status == s for e in self.entries) for s in STATUSES},
            "跨文件": {k: sum(p.kind == k for p in self.pairs) for k in ("重复", "冲突")},
            "文件": {
                "已处理": len(self.entries),
                "无法处理": len(self.failures),
                "本次分析": self.analysed,
                "来自缓存": self.from_cache,
            },
        }


def make_executor(options: Options) -> Executor:
    url = options.broker_url
    if url:
        from reviewer.cleanup.distributed import DramatiqExecutor

        return DramatiqExecutor(url)
    return LocalExecutor(options.jobs)


def run(
    folder: str | Path, options: Options, progress: Progress | None = None, executor: Executor | None = None
) -> Result:
    """Clean up every document under ``folder`` as of ``options.as_of``."""
    started = time.monotonic()
    sources, failures = discover(folder, options.limits)
    cache = Cache(options.cache_path)
    records: dict[Source, dict[str, Any]] = {}
    total, done = len(sources), 0
    todo: list[Source] = []
    for source in sources:
        rec = cache.get(source.sha256, options.as_of)
        if rec is None:
            todo.append(source)
            continue
        records[source] = rec
        done += 1
        if progress:
            progress(done, total, source.location)
    from_cache = done
    own = executor is None and bool(todo)
    executor = make_executor(options) if own else executor
    try:
        for source, rec in executor.map(todo, options.as_of, options.settings) if todo else ():
            records[source] = rec
            if rec.get("ok") or rec.get("cacheable"):
                cache.put(source.sha256, options.as_of, {k: v for k, v in rec.items() if k != "trace"})
            done += 1
            if done % 50 == 0:
                cache.commit()
            if progress:
                progress(done, total, source.location)
    finally:
        cache.close()
        if own:
            executor.close()
    entries: list[Entry] = []
    for source in sources:
        rec = records[source]
        if rec.get("ok"):
            entries.append(Entry(len(entries), source.location, source.sha256, rec))
        else:
            failures.append(Rejected(source.location, rec.get("code", "error"), rec.get("reason", "")))
    disposition.dispose(entries, options.as_of, options.warn_months)
    pairs = crossdoc.compare(provisions(entries), families(entries))
    return Result(
        options.as_of,
        os.fspath(folder),
        entries,
        failures,
        pairs,
        analysed=len(todo),
        from_cache=from_cache,
        seconds=round(time.monotonic() - started, 2),
        sources={s.location: s for s in sources},
    )


def provisions(entries: list[Entry]) -> list[crossdoc.Provision]:
    """Every provision of every document, oldest document first (so groups are led by the earliest)."""
    ordered = sorted(entries, key=lambda e: (e.sort_date() or date.max, e.index))
    return [
        crossdoc.Provision(e.index, p["id"], p["label"], p["text"])
        for e in ordered
        for p in e.record.get("provisions", [])
    ]


def families(entries: list[Entry]) -> dict[int, int]:
    """Document index → the newest document of its supersession chain."""
    by_index = {e.index: e for e in entries}
    out = {}
    for e in entries:
        cur, seen = e, set()
        while cur.superseded_by is not None and cur.index not in seen:
            seen.add(cur.index)
            cur = by_index[cur.superseded_by]
        out[e.index] = cur.index
    return out
