"""Join lines that a PDF wrapped mid-sentence, keeping a map back to the original offsets."""

from __future__ import annotations

import re
from functools import lru_cache

_HARD_END = set("。；：！？:;」』”")
_NEWLINE = re.compile("\n")
_NEW_BLOCK = re.compile(
    r"\s*(?:第[一二三四五六七八九十百千零〇0-9]+[条章节编]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.、．])"
)


@lru_cache(maxsize=8)
def unwrap(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` without soft line breaks, and for every kept character its offset in ``text``.

    Cached: every knowledge check of one review unwraps the same document text.
    """
    pieces: list[str] = []
    index: list[int] = []
    start = 0
    for m in _NEWLINE.finditer(text):
        i = m.start()
        if i and text[i - 1] not in _HARD_END and text[i - 1] != "\n" and not _NEW_BLOCK.match(text, i + 1):
            pieces.append(text[start:i])
            index.extend(range(start, i))
            start = i + 1
    pieces.append(text[start:])
    index.extend(range(start, len(text)))
    return "".join(pieces), tuple(index)


def span(index: tuple[int, ...], start: int, end: int) -> tuple[int, int]:
    """Map a ``[start, end)`` span of the unwrapped text back to the original."""
    return index[start], index[end - 1] + 1
