"""The statutory-number table (``data/numbers.yaml``) and the comparison of a text's numbers against it.

``violations(text)`` yields every number that clearly contradicts the statute on the same matter:
a shorter appeal period, a longer seizure, a fine above the on-the-spot limit, a higher surcharge rate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from reviewer.knowledge import quantities
from reviewer.knowledge.unwrap import span, unwrap
from reviewer.numerals import int_to_cn

REACH = 30
_SENT = re.compile(r"[^。；！？\n]+")
_CLAUSE = re.compile(r"[^，,。；！？\n]+")
_ORG = re.compile(r"单位|(?<!执)法人|其他组织|企业|经营者|公司")
_EXTENSION = re.compile(r"延长")


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    matter: str
    kind: str
    law: str
    article: str
    text: str
    keywords: re.Pattern | None = None
    sentence: re.Pattern | None = None
    pattern: re.Pattern | None = None
    requires: re.Pattern | None = None
    skip: re.Pattern | None = None
    suffix: re.Pattern | None = None
    eq: float | None = None
    max: float | None = None
    min: float | None = None
    org_max: float | None = None
    extension_max: float | None = None


@dataclass(slots=True)
class Violation:
    entry: Entry
    start: int
    end: int
    message: str


_REGEX_FIELDS = ("keywords", "sentence", "pattern", "requires", "skip", "suffix")


@cache
def table() -> tuple[Entry, ...]:
    raw = yaml.safe_load((files("reviewer.knowledge") / "data" / "numbers.yaml").read_text(encoding="utf-8"))
    out = []
    for e in raw["entries"]:
        kw = {k: re.compile(e[k]) for k in _REGEX_FIELDS if e.get(k)}
        rest = {k: v for k, v in e.items() if k not in _REGEX_FIELDS}
        out.append(Entry(**rest, **kw))
    return tuple(out)


def _fmt(v: float, kind: str) -> str:
    n = int(v) if float(v).is_integer() else v
    if kind == "period":
        return f"{int_to_cn(int(n) // 30)}个月" if n >= 90 and n % 30 == 0 else f"{int_to_cn(int(n))}日"
    if kind == "rate":
        return f"百分之{int_to_cn(int(n))}" if isinstance(n, int) else f"{n}%"
    return f"{n}元"


def _limit(entry: Entry, value: float, clause: str) -> tuple[str, float] | None:
    """The violated bound as (relation, statutory value), or None when ``value`` complies."""
    if entry.extension_max is not None and _EXTENSION.search(clause):
        return ("max", entry.extension_max) if value > entry.extension_max else None
    top = entry.org_max if entry.org_max is not None and _ORG.search(clause) else entry.max
    if entry.eq is not None and value != entry.eq:
        return "eq", entry.eq
    if top is not None and value > top:
        return "max", top
    if entry.min is not None and value < entry.min:
        return "min", entry.min
    return None


def _message(entry: Entry, stated: str, relation: str, bound: float) -> str:
    want = _fmt(bound, entry.kind)
    rule = {"eq": f"为{want}", "max": f"不得超过{want}", "min": f"不少于{want}"}[relation]
    return f"{entry.matter}写为“{stated}”，与《{entry.law}》{entry.article}（{rule}）不一致。"


def _clause_at(sentence: str, offset: int) -> str:
    return next((m[0] for m in _CLAUSE.finditer(sentence) if m.start() <= offset < m.end()), sentence)


def _nearest_entry(entries: list[Entry], sent: str, q: quantities.Quantity, base: int) -> Entry | None:
    best: tuple[float, Entry] | None = None
    qs, qe = q.start - base, q.end - base
    for entry in entries:
        if entry.suffix is not None and not entry.suffix.search(sent[qe:]):
            continue
        for m in entry.keywords.finditer(sent):
            dist = m.start() - qe if m.start() >= qe else (qs - m.end()) * 1.5
            if 0 <= dist <= REACH and (best is None or dist < best[0]):
                best = (dist, entry)
    return best[1] if best else None


def violations(text: str) -> Iterator[Violation]:
    """Numbers contradicting the table; lines wrapped by a PDF are joined first."""
    joined, index = unwrap(text)
    for v in _violations(joined):
        v.start, v.end = span(index, v.start, v.end)
        yield v


def _violations(text: str) -> Iterator[Violation]:
    entries = table()
    for sm in _SENT.finditer(text):
        sent, base = sm[0], sm.start()
        live = [
            e
            for e in entries
            if (e.requires is None or e.requires.search(sent)) and (e.skip is None or not e.skip.search(sent))
        ]
        if not live:
            continue
        qs = quantities.find(sent)
        for q in qs:
            q.start += base
            q.end += base
        periods = [e for e in live if e.kind == "period"]
        for q in qs:
            if q.kind == "period" and periods and (entry := _nearest_entry(periods, sent, q, base)):
                clause = _clause_at(sent, q.start - base)
                if hit := _limit(entry, q.days or q.value, clause):
                    yield Violation(entry, q.start, q.end, _message(entry, q.text, *hit))
        for entry in live:
            if entry.kind in ("amount", "rate") and entry.sentence.search(sent):
                for q in qs:
                    if q.kind == entry.kind and (
                        hit := _limit(entry, q.value, _clause_at(sent, q.start - base))
                    ):
                        yield Violation(entry, q.start, q.end, _message(entry, q.text, *hit))
            elif entry.kind == "phrase":
                for m in entry.pattern.finditer(sent):
                    yield Violation(
                        entry,
                        base + m.start(),
                        base + m.end(),
                        f"“{m[0]}”与《{entry.law}》{entry.article}的规定不一致。",
                    )
