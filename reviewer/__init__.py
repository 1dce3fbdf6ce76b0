"""法审 fashen — legality review of draft administrative normative documents.

Public API (stable)::

    reviewer.parse(source, filename=None) -> Document        # path or bytes
    reviewer.review_text(text) -> Review
    reviewer.review_file(path) -> Review
    Review.document, Review.findings: list[Finding]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "parse": "reviewer.api",
    "parse_text": "reviewer.api",
    "review": "reviewer.api",
    "review_text": "reviewer.api",
    "review_file": "reviewer.api",
    "Document": "reviewer.model",
    "Node": "reviewer.model",
    "Finding": "reviewer.model",
    "Review": "reviewer.model",
    "Basis": "reviewer.model",
    "Metadata": "reviewer.model",
    "ReviewerError": "reviewer.errors",
    "InputError": "reviewer.errors",
}

if TYPE_CHECKING:
    from reviewer.api import parse, parse_text, review, review_file, review_text  # noqa: F401
    from reviewer.errors import InputError, ReviewerError  # noqa: F401
    from reviewer.model import Basis, Document, Finding, Metadata, Node, Review  # noqa: F401


def __getattr__(name: str) -> Any:
    """Import lazily so that ``reviewer --help`` starts fast."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'reviewer' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = sorted(_LAZY)
