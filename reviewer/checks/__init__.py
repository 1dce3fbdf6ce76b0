"""Registry of Python checks. Rules name a check with ``check: python`` and ``function: <name>``.

A check is ``fn(doc: Document, ctx: Context) -> Iterable[Hit]``; built-in checks register through the same
decorator an extension would use::

    @register("citation.repealed")
    def repealed(doc, ctx): ...
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import entry_points
from typing import Any

from reviewer.model import Document, Hit

CheckFn = Callable[[Document, "Context"], Iterable[Hit]]
_REGISTRY: dict[str, CheckFn] = {}
_loaded = False


@dataclass
class Context:
    """What checks may consult besides the document: the date judged at and the configuration."""

    as_of: date | None = None
    issuer_level: str | None = None  # county / township / department …
    province: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    fragment: bool = False  # a lone clause, not a whole draft: no "missing X" checks

    def judged_at(self, doc: Document) -> date:
        md = doc.metadata
        return self.as_of or md.effective_date or md.issue_date or date.today()


def register(name: str) -> Callable[[CheckFn], CheckFn]:
    def deco(fn: CheckFn) -> CheckFn:
        if name in _REGISTRY and _REGISTRY[name] is not fn:
            raise ValueError(f"check {name!r} registered twice")
        _REGISTRY[name] = fn
        return fn

    return deco


def get(name: str) -> CheckFn | None:
    load_builtins()
    return _REGISTRY.get(name)


def names() -> list[str]:
    load_builtins()
    return sorted(_REGISTRY)


def load_builtins() -> None:
    """Import every module of this package (built-in checks) and the ``fashen.checks`` entry points."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    for ep in entry_points(group="fashen.checks"):
        ep.load()
