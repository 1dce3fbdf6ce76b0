"""The project's own labeled evaluation set (tests/eval): scores for the floor test and ``rules list --stats``.

Clauses: every ``tests/eval/clauses_*.jsonl`` line is ``{"id", "text", "labels": [codes], "note"}``.
Drafts: ``tests/eval/drafts/*.md`` with ``key.jsonl`` lines ``{"draft", "article", "labels", "quote"}``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer.engine.catalog import rules_dir


def eval_dir() -> Path:
    return rules_dir().parent / "tests" / "eval"


def load_clauses(root: Path | None = None) -> list[dict[str, Any]]:
    out = []
    for path in sorted((root or eval_dir()).glob("clauses_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    return out


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    lookalikes: int = 0
    lookalikes_clean: int = 0
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def precision(self) -> float:
        return self._ratio(sum(self.tp.values()), sum(self.tp.values()) + sum(self.fp.values()))

    @property
    def recall(self) -> float:
        return self._ratio(sum(self.tp.values()), sum(self.tp.values()) + sum(self.fn.values()))

    def category_recall(self, code: str) -> float:
        return self._ratio(self.tp[code], self.tp[code] + self.fn[code])

    @property
    def lookalike_rate(self) -> float:
        return self._ratio(self.lookalikes_clean, self.lookalikes)


def score_clauses(cases: list[dict[str, Any]]) -> Score:
    from reviewer.api import review_text

    sc = Score()
    for case in cases:
        got = {f.category for f in review_text(case["text"]).findings}
        want = set(case["labels"])
        for c in got & want:
            sc.tp[c] += 1
        for c in got - want:
            sc.fp[c] += 1
            sc.errors.append(f"误报 {c}：{case['id']} {case['text'][:60]}")
        for c in want - got:
            sc.fn[c] += 1
            sc.errors.append(f"漏报 {c}：{case['id']} {case['text'][:60]}")
        if not want:
            sc.lookalikes += 1
            sc.lookalikes_clean += not got
    return sc


@dataclass
class DraftScore:
    planted: int = 0
    found: int = 0
    others: dict[str, int] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 1.0


def score_drafts(root: Path | None = None) -> DraftScore:
    from reviewer.api import review_file

    base = (root or eval_dir()) / "drafts"
    key = [json.loads(x) for x in (base / "key.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    ds = DraftScore()
    for name in sorted({k["draft"] for k in key}):
        findings = review_file(base / name).findings
        explained: set[int] = set()
        for k in (k for k in key if k["draft"] == name):
            ds.planted += 1
            hit = [
                i
                for i, f in enumerate(findings)
                if f.category in k["labels"]
                and (
                    f.article == k["article"]
                    or (f.quote and (f.quote in k["quote"] or k["quote"] in f.quote))
                )
            ]
            if hit:
                ds.found += 1
                explained.update(hit)
            else:
                ds.missed.append(f"{name} {k['article']} {k['labels']}「{k['quote'][:30]}」")
        ds.others[name] = len(findings) - len(explained)
    return ds


def rule_stats(cases: list[dict[str, Any]] | None = None) -> dict[str, dict[str, int]]:
    """Per rule: hits on the labeled clauses and how many of them carry the finding's category."""
    from reviewer.api import review_text

    out: dict[str, dict[str, int]] = {}
    for case in cases if cases is not None else load_clauses():
        for f in review_text(case["text"]).findings:
            st = out.setdefault(f.rule_id, {"hits": 0, "tp": 0})
            st["hits"] += 1
            st["tp"] += f.category in case["labels"]
    return out
