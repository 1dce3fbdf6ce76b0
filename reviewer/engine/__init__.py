"""The rule engine (interface). ``run(doc, ctx) -> Review``; ``catalog_version()``."""

from __future__ import annotations

from reviewer.checks import Context
from reviewer.model import Document, Review


def run(doc: Document, ctx: Context) -> Review:
    """Placeholder until the rule engine lands: no rules, no findings."""
    return Review(document=doc, findings=[], as_of=ctx.as_of)
