"""Per-document precomputation: sentences, scope regions, enclosing articles, condition cache."""

from __future__ import annotations

import re
from bisect import bisect_right

from reviewer.model import Document, Node

SENTENCE_END = "。；！？!?;\n"
_NON_BODY = ("title", "attachment", "explanation", "closing")


class DocIndex:
    """Everything the engine asks about a document more than once, computed once."""

    def __init__(self, doc: Document, fragment: bool):
        self.doc = doc
        self.text = doc.text
        self.fragment = fragment
        self.starts, self.ends = self._sentences(self.text)
        tops = doc.root.children
        self.articles = sorted((n for n in doc.root.walk() if n.kind == "article"), key=lambda n: n.start)
        self._article_starts = [n.start for n in self.articles]
        whole = [(0, len(self.text))]
        body = [(n.start, n.end) for n in tops if n.kind not in _NON_BODY]
        self.regions: dict[str, list[tuple[int, int]]] = {
            "document": whole,
            "body": whole if fragment else body,
            "title": [(n.start, n.end) for n in tops if n.kind == "title"],
            "preamble": [(n.start, n.end) for n in tops if n.kind == "preamble"],
            "article": [(n.start, n.end) for n in self.articles] or (whole if fragment else []),
        }
        self._tops = [(n.start, n.end, n) for n in tops]
        self._cache: dict[tuple[int, int, int], bool] = {}

    @staticmethod
    def _sentences(text: str) -> tuple[list[int], list[int]]:
        starts, ends = [], []
        pos = 0
        for m in re.finditer(f"[{re.escape(SENTENCE_END)}]", text):
            starts.append(pos)
            ends.append(m.end())
            pos = m.end()
        if pos < len(text) or not starts:
            starts.append(pos)
            ends.append(len(text))
        return starts, ends

    def sentence(self, offset: int) -> tuple[int, int]:
        """``[start, end)`` of the sentence holding ``offset`` (terminator included)."""
        i = max(0, bisect_right(self.starts, offset) - 1)
        return self.starts[i], self.ends[i]

    def article(self, offset: int) -> Node | None:
        i = bisect_right(self._article_starts, offset) - 1
        while i >= 0:
            node = self.articles[i]
            if node.start <= offset < node.end:
                return node
            i -= 1
        return None

    def article_span(self, offset: int) -> tuple[int, int]:
        """The enclosing article, else the enclosing top-level part, else the whole text."""
        node = self.article(offset)
        if node:
            return node.start, node.end
        for s, e, _ in self._tops:
            if s <= offset < e:
                return s, e
        return 0, len(self.text)

    def in_scope(self, scope: str, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.regions.get(scope, ()))

    def search(self, regex: re.Pattern[str], start: int, end: int) -> bool:
        """``regex.search`` on ``text[start:end]``, memoised per document."""
        key = (id(regex), start, end)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = regex.search(self.text[start:end]) is not None
        return hit
