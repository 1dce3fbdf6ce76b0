"""The closed set of check kinds: each turns a rule's raw matches into candidate hits ``(start, end, extra)``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from reviewer.checks import Context
from reviewer.engine.catalog import CompiledPattern, Rule
from reviewer.engine.index import DocIndex
from reviewer.model import Hit
from reviewer.numerals import CN_NUM, cn_to_int

Span = tuple[int, int]
Match = tuple[int, int, dict[str, Any]]
Accept = Callable[[Rule, int, int], bool]  # scope + unless + requires, records suppressions
_XREF_RE = re.compile(rf"本(?:办法|规定|细则|规则|意见|通知|决定|方案|制度|措施|条例)第([{CN_NUM}0-9]+)条")


def regex_spans(
    pats: list[CompiledPattern], ix: DocIndex, present: list[int], only: int | None = None
) -> list[Span]:
    """Spans of every regex pattern: group ``m`` when it took part in the match, else the whole match.

    A match never crosses a line (paragraph) break; a regex with known necessary literals runs only on the
    lines holding a literal of each of its sets (``present[literal]``: a bit mask of lines), and every regex
    only on the lines in the mask ``only`` when given (the lines of a title- or preamble-scoped rule).
    """
    out: list[Span] = []
    text = ix.text
    every = ix.line_spans
    for p in pats:
        if p.regex is None:
            continue
        has_m = "m" in p.regex.groupindex
        mask = (1 << len(every)) - 1 if only is None else only
        for need in p.needs:
            lines = 0
            for lit in need:
                lines |= present[lit]
            mask &= lines
        while mask:
            low = mask & -mask
            mask ^= low
            lo, hi = every[low.bit_length() - 1]
            for m in _matches(p, text, lo, hi):
                s, e = m.span("m") if has_m and m.group("m") is not None else m.span()
                if e > s:
                    out.append((s, e))
    return out


def _matches(p: CompiledPattern, text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """``p.regex.finditer(text, lo, hi)``; for a regex whose every match starts with one of a few characters
    that ``re`` cannot skip to by itself, a match is tried only where one of them stands (no match is empty,
    so the matches are the same)."""
    if p.starts is None:
        yield from p.regex.finditer(text, lo, hi)
        return
    find, match = p.starts.search, p.regex.match
    while (c := find(text, lo, hi)) is not None:
        m = match(text, c.start(), hi)
        if m is None:
            lo = c.start() + 1
        else:
            yield m
            lo = m.end()


def existence(rule: Rule, ix: DocIndex, spans: list[Span], accept: Accept, ctx: Context) -> Iterable[Match]:
    for s, e in spans:
        if accept(rule, s, e):
            yield s, e, {}


def substitution(
    rule: Rule, ix: DocIndex, spans: list[Span], accept: Accept, ctx: Context
) -> Iterable[Match]:
    swap = rule.spec.swap or {}
    for s, e in spans:
        right = swap.get(ix.text[s:e])
        if right is not None and accept(rule, s, e):
            yield s, e, {"replacement": right}


def occurrence(rule: Rule, ix: DocIndex, spans: list[Span], accept: Accept, ctx: Context) -> Iterable[Match]:
    kept = [(s, e) for s, e in spans if accept(rule, s, e)]
    lo, hi = rule.spec.min, rule.spec.max
    if lo is not None and len(kept) < lo:
        anchor = _anchor(ix, rule.spec.anchor or "title")
        if anchor:
            yield anchor[0], anchor[1], {"count": len(kept)}
    if hi is not None and len(kept) > hi:
        for s, e in kept[hi:]:
            yield s, e, {"count": len(kept)}


def _anchor(ix: DocIndex, where: str) -> Span | None:
    """Where a "missing X" finding sits: the title (else the first line) or the last non-empty line."""
    text = ix.text
    if where == "title" and ix.regions["title"]:
        return ix.regions["title"][0]
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    if not lines:
        return None
    s, e = lines[0] if where == "title" else lines[-1]
    stripped = text[s:e]
    lead = len(stripped) - len(stripped.lstrip())
    return s + lead, s + len(stripped.rstrip())


def conditional(
    rule: Rule,
    ix: DocIndex,
    spans: list[Span],
    accept: Accept,
    ctx: Context,
    then_spans: list[Span] | None = None,
) -> Iterable[Match]:
    within = rule.spec.within or "sentence"
    then_spans = then_spans or []
    for s, e in spans:
        if within == "sentence":
            lo, hi = ix.sentence(s)
        elif within == "article":
            lo, hi = ix.article_span(s)
        else:
            lo, hi = 0, len(ix.text)
        if any(lo <= ts and te <= hi for ts, te in then_spans):
            continue
        if accept(rule, s, e):
            yield s, e, {}


def consistency(rule: Rule, ix: DocIndex, spans: list[Span], accept: Accept, ctx: Context) -> Iterable[Match]:
    for group in rule.spec.variants or []:
        found = {v: [(m.start(), m.end()) for m in re.finditer(re.escape(v), ix.text)] for v in group}
        found = {v: [sp for sp in sps if ix.in_scope(rule.spec.scope, *sp)] for v, sps in found.items()}
        used = [v for v in group if found[v]]
        if len(used) < 2:
            continue
        major = max(used, key=lambda v: (len(found[v]), -group.index(v)))
        for v in used:
            if v == major:
                continue
            for s, e in found[v]:
                if _inside_longer(s, e, v, found) or not accept(rule, s, e):
                    continue
                yield s, e, {"replacement": major}


def _inside_longer(s: int, e: int, v: str, found: dict[str, list[Span]]) -> bool:
    return any(len(w) > len(v) and ws <= s and e <= we for w, sps in found.items() for ws, we in sps)


def cross_reference(
    rule: Rule, ix: DocIndex, spans: list[Span], accept: Accept, ctx: Context
) -> Iterable[Match]:
    if ix.fragment:
        return
    numbers = {cn_to_int(re.sub(r"[第条\s#*]", "", n.label or "")) for n in ix.articles}
    for m in _XREF_RE.finditer(ix.text):
        if cn_to_int(m.group(1)) not in numbers and accept(rule, m.start(), m.end()):
            yield m.start(), m.end(), {}


def python(rule: Rule, ix: DocIndex, hits: Iterable[Hit], accept: Accept) -> Iterable[tuple[int, int, Hit]]:
    for hit in hits:
        s, e = max(0, hit.start), min(len(ix.text), hit.end)
        if e > s and accept(rule, s, e):
            yield s, e, hit


KINDS = {
    "existence": existence,
    "substitution": substitution,
    "occurrence": occurrence,
    "conditional": conditional,
    "consistency": consistency,
    "cross-reference": cross_reference,
}
