"""The statutory-number table (``data/numbers.yaml``) and the comparison of a text's numbers against it.

``violations(text, group)`` lists every number or phrase that clearly contradicts the statute on the same
matter: a shorter appeal period, a longer seizure, a fine outside the range a statute sets for the same
conduct, a wrong review body, self-enforcement of a fine. Entries are grouped by the rule that reports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib.resources import files

import yaml

from reviewer.knowledge import laws, quantities
from reviewer.knowledge.unwrap import span, unwrap
from reviewer.numerals import int_to_cn

REACH = 30
_SENT = re.compile(r"[^。；！？\n]+")
_FULL = re.compile(r"[^。！？\n]+")
_CLAUSE = re.compile(r"[^，,。；！？\n]+")
_TITLE = re.compile(r"《([^《》]{2,40})》")
_ORG = re.compile(r"单位|(?<!执)法人|其他组织|企业|经营者|公司")
_PERSON = re.compile(r"个人|自然人|公民|行为人|燃放人|驾驶人")
_EXTENSION = re.compile(r"延长")


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    matter: str
    kind: str
    law: str
    article: str
    text: str
    group: str = "number"
    full: bool = False
    since: date | None = None
    keywords: re.Pattern | None = None
    sentence: re.Pattern | None = None
    pattern: re.Pattern | None = None
    requires: re.Pattern | None = None
    skip: re.Pattern | None = None
    suffix: re.Pattern | None = None
    escalate: re.Pattern | None = None
    clause: re.Pattern | None = None
    eq: float | None = None
    max: float | None = None
    min: float | None = None
    org_max: float | None = None
    org_min: float | None = None
    escalated_max: float | None = None
    extension_max: float | None = None


@dataclass(slots=True)
class Violation:
    entry: Entry
    start: int
    end: int
    message: str


_REGEX_FIELDS = ("keywords", "sentence", "pattern", "requires", "skip", "suffix", "escalate", "clause")


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


def _is_org(subject: str) -> bool:
    """Whether the nearest subject named before a number is an organisation (the last one named wins)."""
    org = [m.end() for m in _ORG.finditer(subject)]
    person = [m.end() for m in _PERSON.finditer(subject)]
    return bool(org) and (not person or org[-1] > person[-1])


def _limit(entry: Entry, value: float, clause: str, subject: str, sentence: str) -> tuple[str, float] | None:
    """The violated bound as (relation, statutory value), or None when ``value`` complies."""
    if entry.extension_max is not None and _EXTENSION.search(clause):
        return ("max", entry.extension_max) if value > entry.extension_max else None
    org = _is_org(subject)
    if org and entry.group == "fine" and entry.org_max is None:
        return None  # the statute's range is for individuals only
    top = entry.org_max if entry.org_max is not None and org else entry.max
    bottom = entry.org_min if entry.org_min is not None and org else entry.min
    if entry.escalate is not None and entry.escalate.search(sentence):
        top = entry.escalated_max
    if entry.eq is not None and value != entry.eq:
        return "eq", entry.eq
    if top is not None and value > top:
        return "max", top
    if bottom is not None and value < bottom:
        return "min", bottom
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


def _cites_other_law(entry: Entry, sent: str) -> bool:
    """Whether the sentence rests on another national law (then its range is not this entry's to judge)."""
    for m in _TITLE.finditer(sent):
        res = laws.resolve(m[1])
        if res.law is not None and res.how in ("exact", "fuzzy") and res.law.title != entry.law:
            return True
    return False


def violations(text: str, group: str = "number", as_of: date | None = None) -> list[Violation]:
    """Contradictions found by the entries of ``group``; lines wrapped by a PDF are joined first."""
    return _all_violations(text, as_of).get(group, [])


@lru_cache(maxsize=8)
def _all_violations(text: str, as_of: date | None) -> dict[str, list[Violation]]:
    """Every group's contradictions in one pass (cached: the checks of one review share it)."""
    entries = [e for e in table() if as_of is None or e.since is None or e.since <= as_of]
    joined, index = unwrap(text)
    out: dict[str, list[Violation]] = {}
    for full in (False, True):
        scoped = [e for e in entries if e.full == full]
        if scoped:
            for v in _violations(joined, scoped, _FULL if full else _SENT):
                v.start, v.end = span(index, v.start, v.end)
                out.setdefault(v.entry.group, []).append(v)
    return out


def _violations(text: str, entries: list[Entry], splitter: re.Pattern) -> Iterator[Violation]:
    for sm in splitter.finditer(text):
        sent, base = sm[0], sm.start()
        live = [
            e
            for e in entries
            if (e.requires is None or e.requires.search(sent))
            and (e.skip is None or not e.skip.search(sent))
            and (e.group != "fine" or not _cites_other_law(e, sent))
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
                if hit := _limit(entry, q.days or q.value, clause, clause, sent):
                    yield Violation(entry, q.start, q.end, _message(entry, q.text, *hit))
        for entry in live:
            if entry.kind in ("amount", "rate") and entry.sentence.search(sent):
                for q in qs:
                    if q.kind != entry.kind:
                        continue
                    offset = q.start - base
                    clause = _clause_at(sent, offset)
                    if entry.clause is not None and not entry.clause.search(clause):
                        continue
                    if hit := _limit(entry, q.value, clause, sent[:offset], sent):
                        yield Violation(entry, q.start, q.end, _message(entry, q.text, *hit))
            elif entry.kind == "phrase":
                for m in entry.pattern.finditer(sent):
                    yield Violation(
                        entry,
                        base + m.start(),
                        base + m.end(),
                        f"“{m[0]}”与《{entry.law}》{entry.article}的规定不一致。",
                    )
