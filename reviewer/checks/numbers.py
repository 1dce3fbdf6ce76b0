"""``statutory.numbers``: deadlines, amounts and rates that contradict the statute on the same matter."""

from __future__ import annotations

from collections.abc import Iterable

from reviewer.checks import Context, register
from reviewer.checks.citations import paraphrase
from reviewer.knowledge import numbers
from reviewer.model import Basis, Document, Hit


@register("statutory.numbers")
def statutory_numbers(doc: Document, ctx: Context) -> Iterable[Hit]:
    """The statutory-number table, then (with a law library) numbers contradicting the cited article."""
    taken = []
    for v in numbers.violations(doc.text):
        taken.append((v.start, v.end))
        e = v.entry
        yield Hit(
            start=v.start,
            end=v.end,
            message=v.message,
            suggestion=f"按照《{e.law}》{e.article}的规定表述，或删去该数字，只写“依照《{e.law}》的规定”。",
            basis=[Basis(law=e.law, article=e.article, text=e.text)],
            data={"matter": e.matter},
        )
    for hit in paraphrase(doc, ctx):
        if not any(s < hit.end and hit.start < e for s, e in taken):
            yield hit
