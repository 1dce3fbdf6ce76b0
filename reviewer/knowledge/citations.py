"""Find law citations in a text: 《title》, an optional version note and the articles cited after it.

Robust to PDF line breaks inside titles, one level of nesting (《××省实施〈《…》〉办法》), stray or
unbalanced 《 and long runs of citations. ``bare`` finds titles written without brackets ("依据合同法").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from reviewer.numerals import CN_NUM, cn_to_int

MAX_TITLE = 80
_TITLE = re.compile(
    rf"《((?:[^《》。；]{{0,{MAX_TITLE}}}?《[^《》。；]{{1,60}}》)?[^《》。；]{{1,{MAX_TITLE}}}?)》"
)
_NOTE = re.compile(r"[ \t\u3000]*[（(][^（）()\n]{0,20}(?:修正|修订|修改|年)[^（）()\n]{0,10}[）)]")
_N = rf"[{CN_NUM}0-9]+"
_REF = re.compile(
    rf"\s*(?:、|，|,|和|及|以及|或者|或|至|到|—|-|～|~)?\s*第\s*({_N})\s*条(?:之[{CN_NUM}]+)?"
    rf"(?:第\s*{_N}\s*款)?(?:第\s*[（(]?{_N}[)）]?\s*项)?"
)


@dataclass(slots=True)
class ArticleRef:
    number: int
    start: int
    end: int


@dataclass(slots=True)
class Citation:
    start: int  # span of 《title》, brackets included
    end: int
    title: str  # the text between the outer brackets, line breaks removed
    note: str | None = None  # a version note written after the brackets: （2019年修正）
    note_end: int | None = None
    articles: list[ArticleRef] = field(default_factory=list)

    @property
    def ref_end(self) -> int:
        return self.articles[-1].end if self.articles else self.end


def find(text: str) -> list[Citation]:
    out = []
    for m in _TITLE.finditer(text):
        raw = m[1]
        title = re.sub(r"\s+", "", raw)
        if not title or len(title) > MAX_TITLE:
            continue
        cit = Citation(start=m.start(), end=m.end(), title=title)
        pos = m.end()
        if nm := _NOTE.match(text, pos):
            cit.note, cit.note_end = nm[0].strip(), nm.end()
            pos = nm.end()
        while rm := _REF.match(text, pos):
            if (n := cn_to_int(rm[1])) is None:
                break
            cit.articles.append(ArticleRef(number=n, start=rm.start() + rm[0].index("第"), end=rm.end()))
            pos = rm.end()
        out.append(cit)
    return out


# A bare title must stand alone: not the tail of a longer name (劳动合同法) nor the head of a word (物权法定).
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FREE_BEFORE = set("和与及、据照按循反用或并的等在（(将入")
_FREE_AFTER = set("的第和、及等或规中相与有办处执实》（(，。；")


@cache
def _automaton(titles: tuple[str, ...]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for t in titles:
        auto.add_word(t, t)
    auto.make_automaton()
    return auto


def bare(text: str, titles: Iterable[str]) -> list[Citation]:
    """Mentions of ``titles`` written without 《》 (leftmost-longest), each standing alone as a name."""
    inside = [(m.start(), m.end()) for m in _TITLE.finditer(text)]
    out = []
    for end_idx, title in _automaton(tuple(sorted(set(titles)))).iter_long(text):
        start, end = end_idx - len(title) + 1, end_idx + 1
        if any(a <= start < b for a, b in inside):
            continue
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if (_CJK.match(before) and before not in _FREE_BEFORE) or (
            _CJK.match(after) and after not in _FREE_AFTER
        ):
            continue
        out.append(Citation(start=start, end=end, title=title))
    return out
