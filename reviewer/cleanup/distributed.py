"""Dramatiq backend: documents go as messages through Redis (``BROKER_URL``) to ``reviewer worker``
processes on any number of machines; records come back through the Redis result backend.

A message carries the document's bytes, so workers need no shared file system. Messages are acknowledged
only after the analysis finished: when a worker dies mid-task, Redis keeps the message in that worker's
unacknowledged set and another worker's queue maintenance puts it back on the queue once the dead worker's
heartbeat is older than ``FASHEN_BROKER_HEARTBEAT_MS`` (default 60 s).
"""

from __future__ import annotations

import base64
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.results import Results
from dramatiq.results.backends import RedisBackend
from dramatiq.results.errors import ResultFailure, ResultTimeout

from reviewer.cleanup.analyze import analyze
from reviewer.cleanup.discover import Source
from reviewer.errors import DependencyError

QUEUE = "fashen_cleanup"
RESULT_TTL_MS = 6 * 3600 * 1000
DEFAULT_URL = "redis://127.0.0.1:6379/0"


def make_broker(url: str) -> RedisBroker:
    heartbeat = int(os.environ.get("FASHEN_BROKER_HEARTBEAT_MS", "60000"))
    maintenance = int(os.environ.get("FASHEN_BROKER_MAINTENANCE_CHANCE", "1000"))
    broker = RedisBroker(
        url=url, namespace="fashen-cleanup", heartbeat_timeout=heartbeat, maintenance_chance=maintenance
    )
    broker.add_middleware(
        Results(
            backend=RedisBackend(url=url, namespace="fashen-cleanup-results", use_namespace_prefix_keys=True),
            result_ttl=RESULT_TTL_MS,
        )
    )
    return broker


URL = os.environ.get("BROKER_URL") or DEFAULT_URL
broker = make_broker(URL)  # the actor's broker (what `reviewer worker` consumes); not made global


@dramatiq.actor(broker=broker, queue_name=QUEUE, store_results=True, max_retries=3, time_limit=3_600_000)
def analyze_document(payload: dict[str, Any]) -> dict[str, Any]:
    """Worker side: the record of one document (never raises for a bad document)."""
    as_of = date.fromisoformat(payload["as_of"])
    return analyze(
        base64.b64decode(payload["data"]),
        payload["filename"],
        as_of=as_of,
        settings=payload.get("settings") or {},
    )


class DramatiqExecutor:
    """Coordinator side: keeps a window of messages in flight and yields records in submission order."""

    def __init__(self, url: str, window: int = 64, stall_seconds: float = 1800.0):
        self.window, self.stall_seconds = window, stall_seconds
        self.broker = broker if url == URL else make_broker(url)
        self.backend = next(m.backend for m in self.broker.middleware if isinstance(m, Results))
        try:
            self.broker.client.ping()
        except Exception as exc:
            raise DependencyError(f"无法连接任务队列 {url}：{exc}", code="broker_unavailable") from exc

    def map(
        self, sources: Iterable[Source], as_of: date, settings: dict[str, Any]
    ) -> Iterator[tuple[Source, dict[str, Any]]]:
        pending: deque[tuple[Source, Any]] = deque()
        todo = iter(sources)
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < self.window:
                source = next(todo, None)
                if source is None:
                    exhausted = True
                    break
                pending.append((source, self._send(source, as_of, settings)))
            if not pending:
                break
            source, message = pending[0]
            if isinstance(message, dict):  # could not be read: nothing was sent
                pending.popleft()
                yield source, message
                continue
            yield source, self._wait(message)
            pending.popleft()

    def _send(self, source: Source, as_of: date, settings: dict[str, Any]) -> Any:
        try:
            data = source.read()
        except (OSError, KeyError, ValueError) as exc:
            return {"ok": False, "code": "unreadable", "cacheable": False, "reason": f"无法读取文件：{exc}"}
        payload = {
            "data": base64.b64encode(data).decode("ascii"),
            "filename": source.name,
            "as_of": as_of.isoformat(),
            "settings": settings,
        }
        return self.broker.enqueue(analyze_document.message(payload))

    def _wait(self, message: Any) -> dict[str, Any]:
        started = time.monotonic()
        while True:
            try:
                return message.get_result(backend=self.backend, block=True, timeout=2000)
            except ResultFailure as exc:  # the actor itself failed (time limit, retries used up)
                return {
                    "ok": False,
                    "code": "worker_failed",
                    "cacheable": False,
                    "reason": f"工作进程未能完成该文件：{exc}",
                }
            except ResultTimeout:
                if time.monotonic() - started > self.stall_seconds:
                    raise DependencyError(
                        "分布式任务长时间无结果，请检查 reviewer worker 是否在运行。", code="broker_stalled"
                    ) from None

    def close(self) -> None:
        self.broker.close()
