"""The public API: parse a draft, review it. Stable: the evaluation tooling uses exactly this."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reviewer.checks import Context
from reviewer.model import Document, Review
from reviewer.parsing import parse, parse_text


def is_fragment(doc: Document) -> bool:
    """A lone clause or a few, rather than a whole draft: checks for missing parts must not fire."""
    has_title = any(c.kind == "title" for c in doc.root.children)
    return not has_title and len(doc.articles()) < 3


def review(
    doc: Document,
    *,
    as_of: date | None = None,
    issuer_level: str | None = None,
    province: str | None = None,
    settings: dict[str, Any] | None = None,
    fragment: bool | None = None,
) -> Review:
    """Run every rule over a parsed Document."""
    from reviewer import engine

    ctx = Context(
        as_of=as_of,
        issuer_level=issuer_level,
        province=province,
        settings=dict(settings or {}),
        fragment=is_fragment(doc) if fragment is None else fragment,
    )
    return engine.run(doc, ctx)


def review_text(text: str, **options: Any) -> Review:
    return review(parse_text(text), **options)


def review_file(path: str | Path, **options: Any) -> Review:
    return review(parse(path), **options)


__all__ = ["parse", "parse_text", "review", "review_text", "review_file"]
