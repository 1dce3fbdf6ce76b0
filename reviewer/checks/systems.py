"""``system.abolished``: abolished systems and terms (暂住证, 社会抚养费, 劳动教养 …)."""

from __future__ import annotations

from collections.abc import Iterable

from reviewer.checks import Context, register
from reviewer.knowledge import systems
from reviewer.model import Document, Hit


@register("system.abolished")
def abolished(doc: Document, ctx: Context) -> Iterable[Hit]:
    for h in systems.find(doc.text, as_of=ctx.judged_at(doc)):
        fix = f"改为“{h.replacement}”" if h.replacement else "删除相关内容"
        yield Hit(
            start=h.start,
            end=h.end,
            replacement=h.replacement,
            message=f"“{h.term}”属于已废止的制度或术语：{h.outcome}（{h.basis}）。",
            suggestion=f"{fix}，并核对相关规定是否仍有依据。",
            data={"term": h.term, "replacement": h.replacement},
        )
