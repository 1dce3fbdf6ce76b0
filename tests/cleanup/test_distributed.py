"""Dramatiq + Redis: two ``reviewer worker`` processes give the same result as the local run, even when one
of them is killed mid-run (its unacknowledged messages are redelivered). Skipped without Redis."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from reviewer.cleanup import Options, jsonout, run
from reviewer.cleanup.distributed import DramatiqExecutor

pytestmark = pytest.mark.redis
URL = "redis://127.0.0.1:6379/11"
ENV = {"BROKER_URL": URL, "FASHEN_BROKER_HEARTBEAT_MS": "1500", "FASHEN_BROKER_MAINTENANCE_CHANCE": "1000000"}


@pytest.fixture
def redis_db():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis 不可用（127.0.0.1:6379）")
    for key in client.scan_iter("fashen-cleanup*"):
        client.delete(key)
    return client


def start_worker(tmp_path: Path, name: str) -> subprocess.Popen:
    log = tmp_path / f"{name}.log"
    reviewer = Path(sys.executable).with_name("reviewer")
    proc = subprocess.Popen(
        [str(reviewer), "worker", "--processes", "1"],
        env={**os.environ, **ENV},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while "ready for action" not in log.read_text(errors="replace"):
        assert proc.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")
        time.sleep(0.2)
    return proc


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
        proc.wait(timeout=30)


def test_two_workers_match_the_local_run_even_when_one_dies(
    tmp_path, corpus, corpus_result, redis_db, monkeypatch
):
    folder, key = corpus
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    executor = DramatiqExecutor(URL, stall_seconds=90)  # fail instead of waiting for pytest's timeout
    workers = [start_worker(tmp_path, "a"), start_worker(tmp_path, "b")]
    killed = []

    def progress(done: int, total: int, location: str) -> None:
        if done == 10 and not killed:
            stop(workers[0], signal.SIGKILL)  # dies mid-run, holding unacknowledged messages
            killed.append(done)

    try:
        options = Options(as_of=date.fromisoformat(key["as_of"]), cache_path=None, broker_url=URL)
        distributed = run(folder, options, progress=progress, executor=executor)
    finally:
        for proc in workers:
            stop(proc)
        executor.close()
    assert killed, "worker a was killed during the run"
    assert distributed.analysed == len(key["documents"])
    assert jsonout.to_dict(distributed) == jsonout.to_dict(corpus_result)
