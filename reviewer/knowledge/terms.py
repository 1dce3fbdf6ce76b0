"""Outdated-term lists (agencies, systems) as data, matched leftmost-longest with Aho-Corasick.

A mention is not reported when it is historical: 原××局, （原××局）, or a sentence that tells of the
reform or forbids the system (the list's ``historical`` regex).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from importlib.resources import files

import ahocorasick
import yaml

from reviewer.knowledge.unwrap import span, unwrap

_ORIGINAL = re.compile(r"原[\u4e00-\u9fff]{0,8}$")
_SENTENCE_END = "。；！？\n"


@dataclass(frozen=True, slots=True)
class TermHit:
    start: int
    end: int
    term: str
    replacement: str | None  # the term to write instead (None: the passage must go)
    outcome: str  # what became of it: 2018年…组建市场监督管理部门 / 暂住证已由居住证取代
    basis: str


class TermList:
    def __init__(self, data: dict):
        self.kind = data["kind"]
        self.historical = re.compile(data["historical"])
        self.automaton = ahocorasick.Automaton()
        for group in data["groups"]:
            not_before = re.compile(group["not_before"]) if group.get("not_before") else None
            for term, repl in group["terms"].items():
                self.automaton.add_word(term, (term, repl, group, not_before))
        self.automaton.make_automaton()

    @classmethod
    def load(cls, name: str) -> TermList:
        path = files("reviewer.knowledge") / "data" / name
        return cls(yaml.safe_load(path.read_text(encoding="utf-8")))

    def find(
        self, text: str, *, as_of: date | None = None, include_historical: bool = False
    ) -> list[TermHit]:
        """Mentions in ``text`` outdated at ``as_of`` (default: all); lines wrapped by a PDF are joined."""
        joined, index = unwrap(text)
        return [
            TermHit(*span(index, h.start, h.end), h.term, h.replacement, h.outcome, h.basis)
            for h in self._find(joined, as_of, include_historical)
        ]

    def _find(self, text: str, as_of: date | None, include_historical: bool) -> list[TermHit]:
        out = []
        for end_idx, (term, repl, group, not_before) in self.automaton.iter_long(text):
            if as_of is not None and group["since"] > as_of:
                continue
            start, end = end_idx - len(term) + 1, end_idx + 1
            before = text[max(0, start - 10) : start]
            if not_before is not None and not_before.search(before):
                continue
            if not include_historical and (_ORIGINAL.search(before) or self._historical(text, start, end)):
                continue
            outcome = (
                group["outcome"]
                if "reform" not in group
                else f"{group['reform']}年机构改革：{group['outcome']}"
            )
            out.append(TermHit(start, end, term, repl, outcome, group["basis"]))
        return out

    def _historical(self, text: str, start: int, end: int) -> bool:
        a = max(text.rfind(ch, 0, start) for ch in _SENTENCE_END) + 1
        b = min((i for i in (text.find(ch, end) for ch in _SENTENCE_END) if i >= 0), default=len(text))
        return bool(self.historical.search(text[a:b]))
