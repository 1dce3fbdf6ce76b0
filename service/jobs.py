"""In-process review workers. Jobs are database rows; worker threads claim queued rows and run the review
in a process pool (or threads). A crash or restart leaves 'running' rows that are re-queued with an attempt
counter; after ``job_max_attempts`` they are marked failed with the reason.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from service.audit import record
from service.db import session_scope
from service.models import Job, Version, utcnow
from service.results import store_result
from service.settings import Settings
from service.storage import FileStore

log = logging.getLogger("fashen.jobs")
HEARTBEAT = 5.0


def run_review(path: str, options: dict[str, Any]) -> dict[str, Any]:
    """Parse and review one stored file (runs in a worker process). Input problems come back as data."""
    from reviewer.api import parse, review
    from reviewer.errors import ReviewerError

    try:
        doc = parse(path, options.get("filename"))
        rv = review(doc, issuer_level=options.get("issuer_level"), province=options.get("province"))
    except ReviewerError as exc:
        return {"error": exc.code, "message": exc.message}
    findings = []
    for f in rv.findings:
        row = f.to_dict()
        row["key"] = f.key or f.make_key()
        findings.append(row)
    return {
        "text": doc.text,
        "format": doc.source.format,
        "warnings": list(doc.warnings),
        "catalog_version": rv.catalog_version,
        "findings": findings,
        "articles": [{"id": n.id, "label": n.label, "start": n.start, "end": n.end} for n in doc.articles()],
    }


def init_worker(server_pid: int) -> None:
    """Per worker process: exit when the server process is gone (a killed server must not leave workers
    behind), then import the library and load the rule catalog."""
    from reviewer.api import review_text

    def watch() -> None:
        while True:
            time.sleep(2)
            try:
                os.kill(server_pid, 0)
            except ProcessLookupError:
                os._exit(0)

    threading.Thread(target=watch, name="fashen-watchdog", daemon=True).start()
    review_text("第一条　为规范管理，制定本办法。")


def _terminate(executor: Executor) -> None:
    """Terminate a process pool's workers (the executor API has no way to stop a running task)."""
    for proc in list((getattr(executor, "_processes", None) or {}).values()):
        proc.terminate()


class WorkerPool:
    """Claims queued jobs from the database and runs them; survives worker crashes and restarts."""

    def __init__(
        self,
        settings: Settings,
        sessions: sessionmaker[Session],
        store: FileStore,
        task: Callable[[str, dict[str, Any]], dict[str, Any]] = run_review,
    ):
        self.settings, self.sessions, self.store, self.task = settings, sessions, store, task
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._listeners: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self._threads: list[threading.Thread] = []
        self._executor: Executor | None = None
        self._last_reap = 0.0

    # ---- life cycle ----
    def start(self) -> None:
        self.recover(all_running=True)
        self._executor = self._new_executor()
        for _ in range(
            self.settings.workers
        ):  # start (and warm) the worker processes now, not on the first job
            self._executor.submit(int)
        for i in range(self.settings.workers):
            thread = threading.Thread(target=self._loop, name=f"fashen-worker-{i}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout=5)
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            _terminate(self._executor)

    def notify(self) -> None:
        self._wake.set()

    async def wait_for(self, done: Callable[[], bool], timeout: float) -> bool:
        """Wait without holding a thread until ``done()`` holds or ``timeout`` seconds pass; re-checked when a
        job of this process finishes and every quarter second (for jobs finished by other processes)."""
        loop = asyncio.get_running_loop()
        event = asyncio.Event()
        listener = (loop, event)
        with self._lock:
            self._listeners.add(listener)
        try:
            end = loop.time() + timeout
            while not done():
                left = end - loop.time()
                if left <= 0:
                    return False
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(event.wait(), min(left, 0.25))
                event.clear()
            return True
        finally:
            with self._lock:
                self._listeners.discard(listener)

    def _announce(self) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for loop, event in listeners:
            with contextlib.suppress(RuntimeError):  # the loop may have closed
                loop.call_soon_threadsafe(event.set)

    def _new_executor(self) -> Executor:
        if self.settings.worker_mode == "thread":
            return ThreadPoolExecutor(self.settings.workers, thread_name_prefix="fashen-review")
        return ProcessPoolExecutor(
            self.settings.workers,
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=init_worker,
            initargs=(os.getpid(),),
        )

    def _replace_executor(self, broken: Executor) -> None:
        with self._lock:
            if self._executor is broken:
                broken.shutdown(wait=False, cancel_futures=True)
                self._executor = self._new_executor()

    # ---- recovery ----
    def recover(self, *, all_running: bool = False) -> None:
        """Re-queue running jobs left by a crash (all at startup, stale ones later); fail exhausted ones."""
        stale = utcnow() - timedelta(seconds=self.settings.job_lease)
        with session_scope(self.sessions) as s:
            query = select(Job).where(Job.status == "running")
            if not all_running:
                query = query.where(Job.heartbeat_at < stale)
            for job in s.scalars(query):
                self._retry_or_fail(s, job, "审查过程中服务中断")

    def _retry_or_fail(self, s: Session, job: Job, why: str) -> None:
        ver = s.get(Version, job.version_id)
        if job.attempts >= self.settings.job_max_attempts:
            job.status, job.finished_at = "failed", utcnow()
            job.error = f"{why}，已重试 {job.attempts} 次仍未完成。"
            record(
                s,
                None,
                "review_failed",
                submission_id=ver.submission_id,
                target=f"job:{job.id}",
                after={"error": job.error},
            )
        else:
            job.status, job.error = "queued", f"{why}，已重新排队（第 {job.attempts} 次尝试中断）。"
            record(
                s,
                None,
                "review_retried",
                submission_id=ver.submission_id,
                target=f"job:{job.id}",
                after={"attempts": job.attempts, "reason": why},
            )
        self._wake.set()

    # ---- the loop ----
    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                if time.monotonic() - self._last_reap > 30:
                    self._last_reap = time.monotonic()
                    self.recover()
                claimed = self._claim()
                if claimed is None:
                    self._wake.wait(1.0)
                    self._wake.clear()
                    continue
                self._run(*claimed)
            except Exception:  # a database hiccup must not kill the worker thread
                log.exception("worker loop error")
                self._stop.wait(1.0)

    def _claim(self) -> tuple[int, str, dict[str, Any]] | None:
        with session_scope(self.sessions) as s:
            for job_id in s.scalars(select(Job.id).where(Job.status == "queued").order_by(Job.id).limit(5)):
                now = utcnow()
                won = s.execute(
                    update(Job)
                    .where(Job.id == job_id, Job.status == "queued")
                    .values(status="running", attempts=Job.attempts + 1, started_at=now, heartbeat_at=now)
                )
                if won.rowcount == 1:
                    job = s.get(Job, job_id)
                    ver = s.get(Version, job.version_id)
                    record(
                        s,
                        None,
                        "review_started",
                        submission_id=ver.submission_id,
                        target=f"job:{job_id}",
                        after={"attempt": job.attempts},
                    )
                    options = {
                        "filename": ver.filename,
                        "issuer_level": self.settings.issuer_level,
                        "province": self.settings.province,
                    }
                    return job_id, str(self.store.path(ver.sha256)), options
        return None

    def _run(self, job_id: int, path: str, options: dict[str, Any]) -> None:
        executor = self._executor
        deadline = time.monotonic() + self.settings.job_timeout
        try:
            future = executor.submit(self.task, path, options)
            while True:
                try:
                    result = future.result(timeout=HEARTBEAT)
                    break
                except FutureTimeout:
                    if time.monotonic() > deadline:
                        self._kill(executor)
                        self._finish(job_id, error=f"审查超时（超过 {self.settings.job_timeout} 秒）。")
                        return
                    self._heartbeat(job_id)
        except BrokenProcessPool:
            self._replace_executor(executor)
            with session_scope(self.sessions) as s:
                job = s.get(Job, job_id)
                if job.status == "running":
                    self._retry_or_fail(s, job, "审查工作进程异常终止")
            return
        except Exception as exc:
            log.exception("review job %s failed", job_id)
            self._finish(job_id, error=f"审查程序内部错误（{type(exc).__name__}）。")
            return
        if "error" in result:
            self._finish(job_id, error=f"文件无法审查：{result['message']}")
        else:
            self._finish(job_id, result=result)

    def _kill(self, executor: Executor) -> None:
        """Stop a review that ran past its time: terminate the pool's processes and start a new pool."""
        _terminate(executor)
        self._replace_executor(executor)

    def _heartbeat(self, job_id: int) -> None:
        with session_scope(self.sessions) as s:
            s.execute(
                update(Job).where(Job.id == job_id, Job.status == "running").values(heartbeat_at=utcnow())
            )

    def _finish(self, job_id: int, *, result: dict[str, Any] | None = None, error: str | None = None) -> None:
        try:
            with session_scope(self.sessions) as s:
                job = s.get(Job, job_id)
                if job is None or job.status != "running":
                    return
                ver = s.get(Version, job.version_id)
                if result is not None:
                    store_result(s, self.settings, ver, result)
                job.status, job.error, job.finished_at = (
                    ("done" if error is None else "failed"),
                    error,
                    utcnow(),
                )
                record(
                    s,
                    None,
                    "review_done" if error is None else "review_failed",
                    submission_id=ver.submission_id,
                    target=f"job:{job_id}",
                    after={"error": error} if error else {"findings": len(result["findings"])},
                )
        except Exception as exc:
            if error is not None:
                raise
            log.exception("storing the result of job %s failed", job_id)
            self._finish(job_id, error=f"保存审查结果失败（{type(exc).__name__}）。")
        self._announce()
