"""Join lines that a PDF wrapped mid-sentence, keeping a map back to the original offsets."""

from __future__ import annotations

import re

_HARD_END = set("。；：！？:;」』”")
_NEW_BLOCK = re.compile(
    r"\s*(?:第[一二三四五六七八九十百千零〇0-9]+[条章节编]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.、．])"
)


def unwrap(text: str) -> tuple[str, list[int]]:
    """``text`` without soft line breaks, and for every kept character its offset in ``text``."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if (
            ch == "\n"
            and i
            and text[i - 1] not in _HARD_END
            and text[i - 1] != "\n"
            and not _NEW_BLOCK.match(text, i + 1)
        ):
            continue
        chars.append(ch)
        index.append(i)
    return "".join(chars), index


def span(index: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a ``[start, end)`` span of the unwrapped text back to the original."""
    return index[start], index[end - 1] + 1
