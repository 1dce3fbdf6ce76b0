"""The local executor: results for every document, even when a worker process dies on one of them."""

from __future__ import annotations

import os
from datetime import date

from reviewer.cleanup import executor
from reviewer.cleanup.discover import discover

TEXT = "青山县{0}管理办法\n第一条　为了规范{0}管理，制定本办法。\n第二条　县民政局负责{0}的监督管理工作。\n"


def crash_on_poison(source, as_of, settings):
    if "poison" in source.location:
        os._exit(1)  # the worker process dies, as a crashing native parser would
    return {"ok": True, "location": source.location}


def folder(tmp_path, names):
    for name in names:
        (tmp_path / f"{name}.txt").write_text(TEXT.format(name), encoding="utf-8")
    return discover(tmp_path)[0]


def test_parallel_results_match_inline(tmp_path):
    sources = folder(tmp_path, ["殡葬", "供水", "物业", "停车", "绿化"])
    inline = dict(executor.LocalExecutor(1).map(sources, date(2025, 6, 30), {}))
    pool = executor.LocalExecutor(2)
    try:
        parallel = dict(pool.map(sources, date(2025, 6, 30), {}))
    finally:
        pool.close()
    assert parallel == inline and all(r["ok"] for r in parallel.values())


def test_a_dying_worker_costs_only_its_document(tmp_path, monkeypatch):
    monkeypatch.setattr(executor, "work", crash_on_poison)
    sources = folder(tmp_path, ["a", "b", "poison", "c", "d", "e"])
    pool = executor.LocalExecutor(2)
    try:
        results = {s.location: r for s, r in pool.map(sources, date(2025, 6, 30), {})}
    finally:
        pool.close()
    assert set(results) == {s.location for s in sources}
    assert results["poison.txt"]["code"] == "crashed" and results["poison.txt"]["reason"]
    assert all(r["ok"] for loc, r in results.items() if loc != "poison.txt")
