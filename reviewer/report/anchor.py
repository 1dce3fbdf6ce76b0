"""Find Document offsets in a .docx body and make them whole runs, without changing text or formatting.

Paragraphs and their text are counted exactly as the .docx reader counts them (``body_paragraphs`` is
the reader's; see its module docstring for the offset mapping): visible runs in order, inside hyperlinks,
insertions, smart tags, content controls and simple fields; never deleted or hidden text, never text boxes.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

from reviewer.model import Document
from reviewer.parsing.readers.docx import TRANSPARENT

_TEXT_TAGS = {qn(t) for t in ("w:t", "w:tab", "w:br", "w:cr", "w:noBreakHyphen", "w:ptab")}
_R, _RPR, _T, _VANISH = qn("w:r"), qn("w:rPr"), qn("w:t"), qn("w:vanish")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _child_text(el: etree._Element) -> str:
    return str(el) if el.tag in _TEXT_TAGS else ""


def _hidden(r: etree._Element) -> bool:
    rpr = r.find(_RPR)
    vanish = rpr.find(_VANISH) if rpr is not None else None
    return vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false", "off")


def run_text(r: etree._Element) -> str:
    """Visible text of a run (hidden runs have none), as the .docx reader counts it."""
    return "" if _hidden(r) else "".join(_child_text(c) for c in r)


def iter_runs(p: etree._Element) -> Iterator[etree._Element]:
    """The runs of a paragraph that Word shows, in order (not deleted text, not text boxes)."""
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == _R:
            yield child
        elif child.tag in TRANSPARENT:
            stack.append(iter(child))


@dataclass(slots=True)
class Para:
    """One body paragraph with its runs and their ``[start, end)`` in the paragraph's text."""

    p: etree._Element
    runs: list[tuple[etree._Element, int, int]] = field(default_factory=list)
    text: str = ""

    @classmethod
    def read(cls, p: etree._Element) -> Para:
        para, pos, parts = cls(p), 0, []
        for r in iter_runs(p):
            t = run_text(r)
            para.runs.append((r, pos, pos + len(t)))
            parts.append(t)
            pos += len(t)
        para.text = "".join(parts)
        return para

    def split_at(self, cuts: Iterable[int]) -> None:
        """Make every offset in ``cuts`` a run boundary (formatting copied to both halves)."""
        wanted = sorted({c for c in cuts if 0 < c < len(self.text)})
        if not wanted:
            return
        out: list[tuple[etree._Element, int, int]] = []
        for r, s, e in self.runs:
            inner = [c for c in wanted if s < c < e]
            for c in inner:
                right = _split_run(r, c - s)
                out.append((r, s, c))
                r, s = right, c
            out.append((r, s, e))
        self.runs = out

    def runs_in(self, start: int, end: int) -> list[etree._Element]:
        """Runs lying inside ``[start, end)`` (boundaries must already be split); empty runs excluded."""
        return [r for r, s, e in self.runs if e > s and s >= start and e <= end]


def _split_run(r: etree._Element, k: int) -> etree._Element:
    """Split run ``r`` at text offset ``k``: ``r`` keeps ``[0, k)``, the returned copy holds the rest.

    Children without text (field characters, drawings, note references …) go to exactly one side.
    """
    right = copy.deepcopy(r)
    r.addnext(right)
    _trim(r, 0, k)
    _trim(right, k, None)
    return right


def _trim(r: etree._Element, a: int, b: int | None) -> None:
    pos = 0
    for child in list(r):
        if child.tag == _RPR:
            continue
        n = len(_child_text(child))
        lo, hi = pos, pos + n
        pos = hi
        keep_empty = (lo >= a) and (b is None or lo < b)
        if n == 0:
            if not keep_empty:
                r.remove(child)
            continue
        if hi <= a or (b is not None and lo >= b):
            r.remove(child)
        elif child.tag == _T and (lo < a or (b is not None and hi > b)):
            text = child.text or ""
            child.text = text[max(a - lo, 0) : (b - lo) if b is not None else None]
            child.set(_XML_SPACE, "preserve")


@dataclass(slots=True)
class Piece:
    """Part of a span that lies in one paragraph: paragraph index and offsets in its text."""

    para: int
    start: int
    end: int


@dataclass(slots=True)
class Located:
    pieces: list[Piece]
    exact: bool


class Locator:
    """Maps ``[start, end)`` spans of ``doc.text`` to pieces in the docx body paragraphs ``paras``."""

    def __init__(self, doc: Document, paras: list[Para], *, sequential: bool = False):
        self.doc, self.paras = doc, paras
        self.groups = self._groups(sequential)

    def _groups(self, sequential: bool) -> list[tuple[int, int, int, int]]:
        """(doc start, doc end, paragraph index, numbering prefix) for every verified paragraph.

        ``sequential``: paragraph i is line i of ``doc.text`` (a rendering), whatever the provenance says.
        """
        raw: list[list] = []
        for b in [] if sequential else self.doc.blocks:
            prov = b.get("provenance") or {}
            i = prov.get("paragraph")
            if not isinstance(i, int):
                continue
            if raw and raw[-1][2] == i and raw[-1][1] + 1 == b["start"]:
                raw[-1][1] = b["end"]
            else:
                raw.append([b["start"], b["end"], i, int(prov.get("numbering_prefix") or 0)])
        if not raw and "\n".join(p.text for p in self.paras) == self.doc.text:
            pos = 0
            for i, p in enumerate(self.paras):
                raw.append([pos, pos + len(p.text), i, 0])
                pos += len(p.text) + 1
        by_text: dict[str, list[int]] = {}
        for i, p in enumerate(self.paras):
            by_text.setdefault(p.text, []).append(i)
        out = []
        for s, e, i, n in raw:
            want = self.doc.text[s + n : e]
            if not (0 <= i < len(self.paras) and self.paras[i].text == want):
                same = by_text.get(want)
                if not same or not want:
                    continue
                i = min(same, key=lambda j: abs(j - i))
            out.append((s, e, i, n))
        return out

    def _group_span(self, start: int, end: int) -> Iterator[Piece]:
        for s, e, i, n in self.groups:
            lo, hi = max(start, s + n), min(end, e)
            if hi > lo:
                yield Piece(i, lo - s - n, hi - s - n)

    def locate(self, start: int, end: int, quote: str) -> Located | None:
        """Where a span is: the verified block mapping first, else a search for the quote near it."""
        pieces = list(self._group_span(start, end))
        if pieces:
            got = "\n".join(self.paras[p.para].text[p.start : p.end] for p in pieces)
            return Located(pieces, exact=got == self.doc.text[start:end])
        return self._search(start, quote)

    def _search(self, start: int, quote: str) -> Located | None:
        needle = quote.split("\n", 1)[0]
        if not needle:
            return None
        near = self._nearest_para(start)
        order = sorted(range(len(self.paras)), key=lambda j: abs(j - near))
        for j in order:
            k = self.paras[j].text.find(needle)
            if k >= 0:
                return Located([Piece(j, k, k + len(needle))], exact=False)
        return None

    def _nearest_para(self, offset: int) -> int:
        best = 0
        for s, _e, i, _n in self.groups:
            if s <= offset:
                best = i
        return best

    def paragraph_at(self, offset: int) -> int | None:
        """The nearest paragraph with text at or after ``offset`` (for findings without characters)."""
        for _s, e, i, _n in self.groups:
            if e >= offset and self.paras[i].text:
                return i
        return next((i for i in range(len(self.paras) - 1, -1, -1) if self.paras[i].text), None)
