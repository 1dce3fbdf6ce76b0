"""Agencies renamed or abolished in the 2018 and 2023 reforms (``data/agencies.yaml``)."""

from __future__ import annotations

from datetime import date
from functools import cache

from reviewer.knowledge.terms import TermHit, TermList


@cache
def table() -> TermList:
    return TermList.load("agencies.yaml")


def find(text: str, *, as_of: date | None = None, include_historical: bool = False) -> list[TermHit]:
    """Old agency names in ``text`` with their successors; 原××局 and reform narratives are skipped."""
    return table().find(text, as_of=as_of, include_historical=include_historical)
