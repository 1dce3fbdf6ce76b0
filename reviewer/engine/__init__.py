"""The rule engine: ``run(doc, ctx) -> Review`` over the compiled catalog; ``catalog_version()``."""

from __future__ import annotations

from reviewer.checks import Context
from reviewer.engine import catalog as _catalog
from reviewer.engine.runner import review as _review
from reviewer.model import Document, Review


def run(doc: Document, ctx: Context, *, only: set[str] | None = None) -> Review:
    """Review ``doc`` with every rule of the catalog (or only the rule ids in ``only``).

    The review records the rule-catalog version and the law-knowledge snapshot date, so that the same draft
    gives the same letter later."""
    from reviewer.knowledge import laws

    rv = _review(doc, ctx, _catalog.get(), only)
    rv.knowledge_date = laws.catalog().snapshot
    return rv


def catalog_version() -> str:
    """Number of rules and a hash of every rule file: the same version gives the same findings."""
    return _catalog.get().version


__all__ = ["run", "catalog_version"]
