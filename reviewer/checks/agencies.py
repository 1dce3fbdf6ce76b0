"""``agency.renamed``: agency names abolished or renamed in the 2018/2023 reforms, with the current name."""

from __future__ import annotations

from collections.abc import Iterable

from reviewer.checks import Context, register
from reviewer.knowledge import agencies
from reviewer.model import Document, Hit


@register("agency.renamed")
def renamed(doc: Document, ctx: Context) -> Iterable[Hit]:
    for h in agencies.find(doc.text, as_of=ctx.judged_at(doc)):
        yield Hit(
            start=h.start,
            end=h.end,
            replacement=h.replacement,
            message=f"“{h.term}”是已撤并或更名的机构名称（{h.outcome}）。",
            suggestion=f"改为现行机构名称“{h.replacement}”，以本地“三定”规定为准。",
            data={"term": h.term, "replacement": h.replacement, "basis": h.basis},
        )
