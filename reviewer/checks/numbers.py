"""Checks over the statutory table: deadlines, amounts, review bodies and enforcement that contradict the statute.

``statutory.numbers`` (periods, amounts, rates), ``statutory.fines`` (a fine outside the range a statute sets
for the same conduct), ``statutory.remedies`` (review body, invented review-first), ``statutory.enforcement``
(self-enforcement of money obligations) and ``statutory.licences`` (valid licences cancelled by new rules).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reviewer.checks import Context, register
from reviewer.checks.citations import paraphrase
from reviewer.knowledge import numbers
from reviewer.model import Basis, Document, Hit

_SUGGESTIONS = {
    "number": "按照《{law}》{article}的规定表述，或删去该数字，只写“依照《{law}》的规定”。",
    "fine": "删去自设的罚款，或改为“依照《{law}》{article}的规定处罚”，不要另定金额。",
    "remedy": "按照《{law}》{article}的规定写明救济途径，例如“可以依法向××县人民政府申请行政复议，或者依法向人民法院提起行政诉讼”。",
    "enforcement": "没有法律授予行政强制执行权的，改为“依法申请人民法院强制执行”（《{law}》{article}）。",
    "licence": "已经依法取得的许可继续有效；确需变更或者撤回的，依照《{law}》{article}的规定办理并依法给予补偿。",
}


def _hits(doc: Document, ctx: Context, group: str) -> Iterator[Hit]:
    for v in numbers.violations(doc.text, group, as_of=ctx.judged_at(doc)):
        e = v.entry
        yield Hit(
            start=v.start,
            end=v.end,
            message=v.message,
            suggestion=_SUGGESTIONS[group].format(law=e.law, article=e.article),
            basis=[Basis(law=e.law, article=e.article, text=e.text)],
            data={"matter": e.matter},
        )


@register("statutory.numbers")
def statutory_numbers(doc: Document, ctx: Context) -> Iterable[Hit]:
    """The statutory-number table, then (with a law library) numbers contradicting the cited article."""
    taken = []
    for hit in _hits(doc, ctx, "number"):
        taken.append((hit.start, hit.end))
        yield hit
    for hit in paraphrase(doc, ctx):
        if not any(s < hit.end and hit.start < e for s, e in taken):
            yield hit


@register("statutory.fines")
def statutory_fines(doc: Document, ctx: Context) -> Iterable[Hit]:
    """Fines whose amount lies outside the range a statute sets for the same conduct."""
    return _hits(doc, ctx, "fine")


@register("statutory.remedies")
def statutory_remedies(doc: Document, ctx: Context) -> Iterable[Hit]:
    """A wrong review body, or review made a precondition of a lawsuit where no statute requires it."""
    return _hits(doc, ctx, "remedy")


@register("statutory.enforcement")
def statutory_enforcement(doc: Document, ctx: Context) -> Iterable[Hit]:
    """An agency enforcing a fine itself where the statute requires court enforcement."""
    return _hits(doc, ctx, "enforcement")


@register("statutory.licences")
def statutory_licences(doc: Document, ctx: Context) -> Iterable[Hit]:
    """Valid licences cancelled or voided because new rules apply."""
    return _hits(doc, ctx, "licence")
