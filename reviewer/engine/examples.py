"""Run a rule's own examples: every ``<m>…</m>`` span must be found exactly, pass examples give nothing."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.checks import Context
from reviewer.engine.catalog import Catalog, Rule
from reviewer.engine.runner import review
from reviewer.engine.schema import MARK_RE


@dataclass(frozen=True, slots=True)
class Outcome:
    rule: str
    kind: str  # flag / pass
    index: int
    text: str
    problem: str | None  # None when the example behaves as written

    @property
    def ok(self) -> bool:
        return self.problem is None


def strip_marks(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Plain text and the expected spans of a ``<m>``-marked example."""
    out, spans, pos = [], [], 0
    for m in MARK_RE.finditer(marked):
        out.append(marked[pos : m.start()])
        start = sum(len(x) for x in out)
        out.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def _spans(catalog: Catalog, rule: Rule, text: str) -> list[tuple[int, int]]:
    from reviewer.parsing import parse_text

    whole = bool(rule.spec.when and rule.spec.when.whole_document)
    doc = parse_text(text)
    rv = review(doc, Context(fragment=not whole), catalog, only={rule.id})
    return sorted((f.start, f.end) for f in rv.findings if f.rule_id == rule.id)


def run_examples(catalog: Catalog, rule: Rule) -> list[Outcome]:
    out: list[Outcome] = []
    ex = rule.spec.examples
    for i, marked in enumerate(ex.flag):
        text, want = strip_marks(marked)
        got = _spans(catalog, rule, text)
        problem = None
        if got != sorted(want):
            show = "、".join(f"「{text[s:e]}」" for s, e in got) or "无"
            problem = f"期望标出 {'、'.join(f'「{text[s:e]}」' for s, e in want)}，实际标出 {show}"
        out.append(Outcome(rule.id, "flag", i, marked, problem))
    for i, text in enumerate(ex.pass_):
        got = _spans(catalog, rule, text)
        problem = None if not got else "不应命中，实际标出 " + "、".join(f"「{text[s:e]}」" for s, e in got)
        out.append(Outcome(rule.id, "pass", i, text, problem))
    return out
