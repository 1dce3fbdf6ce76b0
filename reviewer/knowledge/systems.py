"""Abolished systems and terms: 暂住证, 社会抚养费, 劳动教养 … (``data/systems.yaml``)."""

from __future__ import annotations

from datetime import date
from functools import cache

from reviewer.knowledge.terms import TermHit, TermList


@cache
def table() -> TermList:
    return TermList.load("systems.yaml")


def find(text: str, *, as_of: date | None = None, include_historical: bool = False) -> list[TermHit]:
    """Abolished systems named in ``text``; sentences that abolish or forbid them are skipped."""
    return table().find(text, as_of=as_of, include_historical=include_historical)
