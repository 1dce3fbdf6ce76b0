"""Rebuild paragraphs from positioned text lines (PDF text layer or OCR), across line and page breaks.

Heuristics (see design/tech-notes §2): lines in the top/bottom band of a page that are page numbers
("— 3 —", "第3页 共9页") or repeat on at least half of the pages are headers/footers; a new paragraph starts
at an indented, centred, larger or right-aligned line, after a vertical gap, or after a short line that ends
a sentence or before a line that starts with 第X条/（一）/一、; anything else continues the paragraph, also
on the next page. Spaces next to Chinese characters are removed.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

_CJK = "\u2014\u2026\u2018-\u201d\u00b7\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?=[{_CJK}])")
_LEAD_LABEL = re.compile(r"^(第[一二三四五六七八九十百千零〇0-9０-９]+[编章节条])[ \t\u00a0\u3000]+(?=\S)")
_STARTS_STRUCTURE = re.compile(
    r"^(第[一二三四五六七八九十百千零〇0-9]+[编章节条]|[（(][一二三四五六七八九十]+[）)]|"
    r"[一二三四五六七八九十]+、|[0-9]{1,2}[\.．、](?![0-9])|附件|附：)"
)
PAGE_NUMBER = re.compile(
    r"^[—\-–－~·\s]*(?:第\s*)?[0-9]{1,4}\s*(?:页)?(?:\s*[/／]\s*[0-9]{1,4}|\s*共\s*[0-9]{1,4}\s*页)?"
    r"[—\-–－~·\s]*$"
)
_ENDS_SENTENCE = ("。", "；", "：", "！", "？", ".", ";", ":", "!", "?", "”")
_HALF_PARENS = str.maketrans({"(": "（", ")": "）", ",": "，", ";": "；", ":": "："})


@dataclass(slots=True)
class Line:
    page: int  # 1-based
    x0: float
    top: float
    x1: float
    bottom: float
    text: str

    @property
    def size(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]


def clean(text: str) -> str:
    """Spaces next to Chinese characters removed; one U+3000 kept after a leading 第X条/章/节 label."""
    m = _LEAD_LABEL.match(text)
    if m:
        return m.group(1) + "\u3000" + _SPACE_NEAR_CJK.sub("", text[m.end() :])
    return _SPACE_NEAR_CJK.sub("", text)


def fullwidth_punct(text: str) -> str:
    """OCR reads （）,;: as ASCII: next to Chinese text use the full-width forms."""
    out = []
    for i, ch in enumerate(text):
        if ch in "(),;:":
            near = text[max(0, i - 1) : i] + text[i + 1 : i + 2]
            if re.search(f"[{_CJK}]", near):
                ch = ch.translate(_HALF_PARENS)
        out.append(ch)
    return "".join(out)


def split_margins(pages: list[Page]) -> tuple[list[Page], list[str], list[str]]:
    """Remove header/footer lines; return the pages and the distinct header and footer texts."""
    repeat: Counter[str] = Counter()
    for page in pages:
        seen = {re.sub(r"[0-9]+", "#", ln.text.strip()) for ln in page.lines if _in_band(ln, page)}
        repeat.update(seen)
    need = max(2, (len(pages) + 1) // 2)
    headers: list[str] = []
    footers: list[str] = []
    out = []
    for page in pages:
        kept = []
        for ln in page.lines:
            text = ln.text.strip()
            band = _in_band(ln, page)
            if band and (PAGE_NUMBER.match(text) or repeat[re.sub(r"[0-9]+", "#", text)] >= need):
                target = headers if band == "top" else footers
                if not PAGE_NUMBER.match(text) and text not in target:
                    target.append(text)
                continue
            kept.append(ln)
        out.append(Page(page.number, page.width, page.height, kept))
    return out, headers, footers


def _in_band(ln: Line, page: Page) -> str | None:
    if ln.bottom <= page.height * 0.1:
        return "top"
    if ln.top >= page.height * 0.9:
        return "bottom"
    return None


def paragraphs(pages: list[Page], noisy: bool = False) -> list[dict[str, Any]]:
    """Blocks ``{"text", "provenance": {"page", "bbox"[, "end_page"]}}`` rebuilt from the pages' lines.

    ``noisy``: OCR boxes, whose heights vary with the glyphs, so font size does not mark headings.
    """
    lines = [ln for page in pages for ln in page.lines if ln.text.strip()]
    if not lines:
        return []
    size = statistics.median(ln.size for ln in lines) or 1.0
    left, right = (
        _edge([ln.x0 for ln in lines], size, low=True),
        _edge([ln.x1 for ln in lines], size, low=False),
    )
    centre = (left + right) / 2
    gaps = [
        b.top - a.bottom
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and b.top > a.bottom
    ]
    gap = statistics.median(gaps) if gaps else size
    blocks: list[dict[str, Any]] = []
    prev: Line | None = None
    for ln in lines:
        if prev is None or _starts_paragraph(prev, ln, left, right, centre, size, gap, noisy):
            blocks.append(
                {
                    "parts": [ln.text.strip()],
                    "page": ln.page,
                    "bbox": [ln.x0, ln.top, ln.x1, ln.bottom],
                    "end_page": ln.page,
                }
            )
        else:
            block = blocks[-1]
            block["parts"].append(ln.text.strip())
            if ln.page == block["page"]:
                bb = block["bbox"]
                block["bbox"] = [min(bb[0], ln.x0), bb[1], max(bb[2], ln.x1), ln.bottom]
            block["end_page"] = ln.page
        prev = ln
    out = []
    for block in blocks:
        prov: dict[str, Any] = {"page": block["page"], "bbox": [round(v, 1) for v in block["bbox"]]}
        if block["end_page"] != block["page"]:
            prov["end_page"] = block["end_page"]
        out.append({"text": clean(_join(block["parts"])), "provenance": prov})
    return out


def _edge(values: list[float], size: float, low: bool) -> float:
    """The body's left (or right) edge: the outermost cluster of line starts (ends) that holds at least a
    tenth of the lines; robust to OCR jitter and to a few stray lines beyond the margin."""
    ordered = sorted(values, reverse=not low)
    need = max(1, len(ordered) // 10)
    for i, v in enumerate(ordered):
        cluster = [w for w in ordered[i:] if abs(w - v) <= size * 0.5]
        if len(cluster) >= need:
            return statistics.median(cluster)
    return ordered[0]


def _join(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        sep = (
            " "
            if text[-1:].isascii() and text[-1:].isalnum() and part[:1].isascii() and part[:1].isalnum()
            else ""
        )
        text += sep + part
    return text


def _centred(ln: Line, left: float, right: float, centre: float, size: float) -> bool:
    """A short line with (nearly) equal margins: a title or heading."""
    return (
        ln.x0 - left > size * 0.8
        and right - ln.x1 > size * 0.8
        and abs((ln.x0 + ln.x1) / 2 - centre) < size * 0.5
        and ln.x1 - ln.x0 < 0.85 * (right - left)
    )


def _wrapped_heading(prev: Line, ln: Line, left: float, right: float, size: float) -> bool:
    """A long centred heading that wrapped: a near-full-width line, then a centred line of the same size."""
    wide = prev.x1 - prev.x0 >= 0.85 * (right - left)
    same = abs(prev.size - ln.size) <= 0.1 * max(prev.size, ln.size)
    close = ln.page == prev.page and ln.top - prev.bottom < size
    return (
        wide
        and same
        and close
        and not prev.text.rstrip().endswith(_ENDS_SENTENCE)
        and not _STARTS_STRUCTURE.match(ln.text.lstrip())
        and not ln.text.lstrip().startswith(("（", "("))
    )


def _starts_paragraph(
    prev: Line, ln: Line, left: float, right: float, centre: float, size: float, gap: float, noisy: bool
) -> bool:
    indented = ln.x0 - left > size
    centred = _centred(ln, left, right, centre, size)
    if centred and _wrapped_heading(prev, ln, left, right, size):
        return False
    right_aligned = prev.x0 - left > (right - left) * 0.3 and right - prev.x1 < size
    if indented or right_aligned or _centred(prev, left, right, centre, size):
        return True
    if not noisy and (ln.size > size * 1.25 or prev.size > size * 1.25):
        return True
    if ln.page == prev.page and ln.top - prev.bottom > max(gap * 1.8, size * 0.9):
        return True
    short = right - prev.x1 > size * 1.5
    text = prev.text.rstrip()
    return short and (text.endswith(_ENDS_SENTENCE) or bool(_STARTS_STRUCTURE.match(ln.text.lstrip())))
