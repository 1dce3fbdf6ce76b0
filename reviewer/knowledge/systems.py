"""Abolished systems and terms: 暂住证, 社会抚养费, 劳动教养 … (``data/systems.yaml``)."""

from __future__ import annotations

from functools import cache

from reviewer.knowledge.terms import TermHit, TermList


@cache
def table() -> TermList:
    return TermList.load("systems.yaml")


def find(text: str, *, include_historical: bool = False) -> list[TermHit]:
    """Abolished systems named in ``text``; sentences that abolish or forbid them are skipped."""
    return table().find(text, include_historical=include_historical)
