"""Executors run the per-document analysis and yield ``(source, record)`` as results arrive.

``LocalExecutor`` uses a process pool on this machine (or runs inline with one job);
``reviewer.cleanup.distributed.DramatiqExecutor`` sends the same work to ``reviewer worker`` processes.
Both call ``work``, so their records are identical.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import Any, Protocol

from reviewer.cleanup.analyze import analyze
from reviewer.cleanup.discover import Source

MAX_ATTEMPTS = 2  # a document whose worker process dies twice is reported, not retried forever


class Executor(Protocol):
    def map(
        self, sources: Iterable[Source], as_of: date, settings: dict[str, Any]
    ) -> Iterator[tuple[Source, dict[str, Any]]]: ...

    def close(self) -> None: ...


def work(source: Source, as_of: date, settings: dict[str, Any]) -> dict[str, Any]:
    """Read and analyse one document (in a worker process)."""
    try:
        data = source.read()
    except (OSError, KeyError, ValueError) as exc:
        return {"ok": False, "code": "unreadable", "cacheable": False, "reason": f"无法读取文件：{exc}"}
    return analyze(data, source.name, as_of=as_of, settings=settings)


def _warm() -> None:
    """Load the rule catalog and law knowledge once per worker process."""
    from reviewer.cleanup.cache import analysis_version

    analysis_version()


class LocalExecutor:
    def __init__(self, jobs: int | None = None):
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.pool: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.jobs, initializer=_warm)
        return self.pool

    def map(
        self, sources: Iterable[Source], as_of: date, settings: dict[str, Any]
    ) -> Iterator[tuple[Source, dict[str, Any]]]:
        if self.jobs == 1:
            for source in sources:
                yield source, work(source, as_of, settings)
            return
        queue = list(sources)
        queue.reverse()
        attempts: dict[Source, int] = {}
        running: dict[Future, tuple[Source, ProcessPoolExecutor]] = {}
        window = self.jobs * 4
        while queue or running:
            while queue and len(running) < window:
                source = queue.pop()
                attempts[source] = attempts.get(source, 0) + 1
                pool = self._pool()
                running[pool.submit(work, source, as_of, settings)] = (source, pool)
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in done:
                source, pool = running.pop(fut)
                try:
                    yield source, fut.result()
                except BrokenProcessPool:
                    if pool is self.pool:
                        self._restart()
                    if attempts[source] < MAX_ATTEMPTS:
                        queue.append(source)
                    else:
                        yield (
                            source,
                            {
                                "ok": False,
                                "code": "crashed",
                                "cacheable": False,
                                "reason": "处理该文件的进程异常退出（可能是文件触发了解析器故障）。",
                            },
                        )

    def _restart(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None
