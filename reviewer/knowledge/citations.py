"""Find law citations in a text: 《title》, an optional version note and the articles cited after it.

Robust to PDF line breaks inside titles, one level of nesting (《××省实施〈《…》〉办法》), stray or
unbalanced 《 and long runs of citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
