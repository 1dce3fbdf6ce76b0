"""One review: match every active rule in one pass, filter (scope, unless, requires), build findings, merge."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from reviewer import checks
from reviewer.checks import Context
from reviewer.engine import kinds
from reviewer.engine.catalog import Catalog, CompiledCondition, Rule
from reviewer.engine.index import DocIndex
from reviewer.engine.merge import merge
from reviewer.model import Basis, Document, Finding, Hit, Review


def applies(rule: Rule, doc: Document, ctx: Context) -> bool:
    """Whether the rule's ``when`` holds for this document and context."""
    w = rule.spec.when
    if w is None:
        return True
    md = doc.metadata
    return not (
        (w.whole_document is not None and w.whole_document == ctx.fragment)
        or (w.issuer_level is not None and ctx.issuer_level not in w.issuer_level)
        or (w.doc_type is not None and md.doc_type not in w.doc_type)
        or (w.provisional is not None and md.provisional != w.provisional)
        or (w.province is not None and ctx.province not in w.province)
    )


SENTENCE_REACH = 300  # a run-on "sentence" is looked at only this far either side of the hit


def _sentence(ix: DocIndex, start: int, end: int) -> tuple[int, int]:
    s, e = ix.sentence(start)
    return max(s, start - SENTENCE_REACH), min(max(e, end), end + SENTENCE_REACH)


def _region(ix: DocIndex, cond: CompiledCondition, start: int, end: int) -> tuple[int, int]:
    if cond.key == "sentence":
        return _sentence(ix, start, end)
    if cond.key == "before":
        return _sentence(ix, start, end)[0], start
    if cond.key == "after":
        return end, max(end, _sentence(ix, max(start, end - 1), end)[1])
    if cond.key == "article":
        return ix.article_span(start)
    if cond.key == "window":  # never reaches into the next article
        lo, hi = ix.article_span(start)
        return max(lo, start - cond.chars), min(hi, end + cond.chars)
    return 0, len(ix.text)


class _Filter:
    """Scope, ``unless`` and ``requires`` for one document; remembers what ``unless`` suppressed."""

    def __init__(self, ix: DocIndex):
        self.ix = ix
        self.suppressed: list[dict[str, Any]] = []

    def __call__(self, rule: Rule, start: int, end: int, *, scoped: bool = True) -> bool:
        ix = self.ix
        if scoped and not ix.in_scope(rule.spec.scope, start, end):
            return False
        for cond in rule.unless:
            if ix.search(cond.regex, *_region(ix, cond, start, end)):
                self._note(rule, start, end, f"unless {cond.key}: {cond.source}")
                return False
        for cond in rule.requires:
            if not ix.search(cond.regex, *_region(ix, cond, start, end)):
                self._note(rule, start, end, f"requires {cond.key} 未满足: {cond.source}")
                return False
        return True

    def _note(self, rule: Rule, start: int, end: int, reason: str) -> None:
        art = self.ix.article(start)
        self.suppressed.append(
            {
                "rule": rule.id,
                "start": start,
                "end": end,
                "quote": self.ix.text[start:end],
                "article": art.label if art else None,
                "reason": reason,
            }
        )


def _literal_pass(catalog: Catalog, ix: DocIndex, active: set[int]):
    """One Aho-Corasick pass: (rule, group) → phrase spans for active rules, and for every necessary literal
    of a regex the lines holding it, as a bit mask (bit ``i`` for line ``i``)."""
    spans: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)
    present = [0] * catalog.literals
    auto, text = catalog.automaton, ix.text
    if auto is None or not text:
        return spans, present
    for li, (lo, hi) in enumerate(ix.line_spans):  # line by line: the line of a literal comes for free
        bit = 1 << li
        for end_idx, (length, targets, lit) in auto.iter(text, lo, hi):
            if targets:
                start = end_idx - length + 1
                for ri, group, _pi in targets:
                    if ri in active:
                        spans[(ri, group)].append((start, end_idx + 1))
            if lit >= 0:
                present[lit] |= bit
    return spans, present


def _format(template: str | None, quote: str, article: str | None, title: str) -> str | None:
    if template is None:
        return None
    return template.replace("{quote}", quote).replace("{article}", article or "").replace("{title}", title)


def _finding(
    rule: Rule, ix: DocIndex, start: int, end: int, hit: Hit | None, extra: dict[str, Any]
) -> Finding:
    spec = rule.spec
    text = ix.text
    quote = text[start:end]
    art = ix.article(start)
    node = ix.node_at(start)
    label = art.label if art else None
    category = (hit and hit.category) or spec.category
    basis = (
        hit.basis if hit and hit.basis is not None else [Basis(b.law, b.article, b.text) for b in spec.basis]
    )
    f = Finding(
        rule_id=spec.id,
        category=category,
        severity=(hit and hit.severity) or spec.severity,
        start=start,
        end=end,
        quote=quote,
        article=label,
        node_id=node.id if node else None,
        message=_format((hit and hit.message) or spec.message, quote, label, spec.title) or "",
        suggestion=_format((hit and hit.suggestion) or spec.suggestion, quote, label, spec.title),
        replacement=(hit and hit.replacement) or extra.get("replacement") or spec.replacement,
        basis=list(basis),
        whether=rule.category.whether,
        title=spec.title,
        rule_version=str(spec.version),
    )
    f.key = f.make_key()
    return f


def review(doc: Document, ctx: Context, catalog: Catalog, only: set[str] | None = None) -> Review:
    """Run the catalog (or only the rules named in ``only``) over ``doc``."""
    ix = DocIndex(doc, ctx.fragment)
    accept = _Filter(ix)
    active = {
        i for i, r in enumerate(catalog.rules) if (only is None or r.id in only) and applies(r, doc, ctx)
    }
    phrases, present = _literal_pass(catalog, ix, active)
    findings: list[Finding] = []
    for ri in sorted(active):
        rule = catalog.rules[ri]
        spec = rule.spec
        if spec.check == "python":
            fn = checks.get(spec.function or "")
            try:
                hits = list(fn(doc, ctx)) if fn else []
            except Exception as exc:  # a faulty extension must not sink the whole review
                doc.warnings.append(f"检查 {spec.function} 运行出错：{type(exc).__name__}")
                continue
            for s, e, hit in kinds.python(rule, ix, hits, lambda r, a, b: accept(r, a, b, scoped=False)):
                findings.append(_finding(rule, ix, s, e, hit, {}))
            continue
        spans = sorted(
            set(
                kinds.regex_spans(rule.patterns, ix, present, ix.scope_lines(spec.scope))
                + phrases.get((ri, "patterns"), [])
                + phrases.get((ri, "swap"), [])
            )
        )
        if spec.check == "conditional":
            then = kinds.regex_spans(rule.then, ix, present) + phrases.get((ri, "then"), [])
            matches = kinds.conditional(rule, ix, spans, accept, ctx, then)
        else:
            matches = kinds.KINDS[spec.check](rule, ix, spans, accept, ctx)
        for s, e, extra in matches:
            findings.append(_finding(rule, ix, s, e, None, extra))
    fired = {f.rule_id for f in findings}
    merged = merge(_dedupe(findings))
    return Review(
        document=doc,
        findings=merged,
        as_of=ctx.as_of,
        catalog_version=catalog.version,
        suppressed=accept.suppressed,
        checked=_checked(catalog, active, fired),
    )


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for f in findings:
        k = (f.rule_id, f.start, f.end)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


def _checked(catalog: Catalog, active: set[int], fired: set[str]) -> dict[str, str]:
    """Checklist item → found / clean / n/a."""
    status = dict.fromkeys(catalog.items(), "n/a")
    for i, rule in enumerate(catalog.rules):
        if i not in active:
            continue
        for item in rule.spec.checklist:
            if rule.id in fired:
                status[item] = "found"
            elif status.get(item) != "found":
                status[item] = "clean"
    return status
