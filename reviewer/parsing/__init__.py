"""Parsing: readers (by content type) → body blocks → canonical text → clause tree → metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from reviewer.errors import InputError
from reviewer.model import Document, SourceInfo
from reviewer.parsing.limits import Limits
from reviewer.parsing.metadata import extract as extract_metadata
from reviewer.parsing.structure import build_tree


def assemble(
    blocks: list[dict[str, Any]],
    source: SourceInfo,
    extras: dict[str, list[str]] | None = None,
    warnings: list[str] | None = None,
) -> Document:
    """One Document from body blocks ``{"text": str, "provenance": {...}}`` in reading order.

    A block holding line breaks becomes one span per line; every line after the first gets
    ``block_offset`` (its start within the block's text) in a copy of the block's provenance.
    """
    parts: list[str] = []
    spans: list[tuple[int, int, dict[str, Any]]] = []
    pos = 0
    for block in blocks:
        prov = block.get("provenance", {})
        t = block["text"]
        if "\r" in t:
            t = t.replace("\r\n", "\n").replace("\r", "\n")
        offset = 0
        for line in t.split("\n"):
            spans.append((pos, pos + len(line), {**prov, "block_offset": offset} if offset else prov))
            parts.append(line)
            pos += len(line) + 1
            offset += len(line) + 1
    text = "\n".join(parts)
    root = build_tree(text, spans)
    doc = Document(
        text=text,
        root=root,
        source=source,
        extras=extras or {},
        blocks=[{"start": s, "end": e, "provenance": p} for s, e, p in spans],
        warnings=list(warnings or []),
    )
    doc.metadata = extract_metadata(text, root)
    return doc


def parse_text(text: str, *, filename: str | None = None, fmt: str = "text") -> Document:
    """A Document from plain text (one paragraph per line)."""
    if not isinstance(text, str):
        raise InputError("输入必须是文本。", code="bad_input")
    data = text.encode("utf-8", "surrogatepass")
    source = SourceInfo(
        format=fmt, filename=filename, sha256=hashlib.sha256(data).hexdigest(), size=len(data)
    )
    return assemble([{"text": text, "provenance": {}}], source)


def parse(
    source: str | Path | bytes, filename: str | None = None, *, limits: Limits | None = None
) -> Document:
    """Parse a path or bytes; the format is chosen by content (magic bytes), not by the file name.

    ``limits`` bounds size, inflation, pages and time (default: :meth:`Limits.from_env`).
    """
    from reviewer.parsing.readers import read

    return read(source, filename, limits)
