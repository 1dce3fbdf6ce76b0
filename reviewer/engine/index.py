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
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        ends = [s - 1 for s in self.line_starts[1:]] + [len(self.text)]
        self.line_spans = list(
            zip(self.line_starts, ends, strict=True)
        )  # [start, end) of each line, newline excluded
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
        self._merged = {k: self._merge(v) for k, v in self.regions.items()}
        self._cache: dict[tuple[int, int, int], bool] = {}

    def scope_lines(self, scope: str) -> int | None:
        """Lines touching a small scope (title, preamble), where alone its rules can fire, as a bit mask (bit
        ``i`` for line ``i``); ``None`` for the rest."""
        if scope not in ("title", "preamble"):
            return None
        mask = 0
        for s, e in self.regions[scope]:
            for i in range(self.line_of(s), self.line_of(max(s, e - 1)) + 1):
                mask |= 1 << i
        return mask

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

    def line(self, i: int) -> tuple[int, int]:
        """``[start, end)`` of line ``i`` (newline excluded)."""
        return self.line_spans[i]

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset) - 1

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

    @staticmethod
    def _merge(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
        """Sorted, merged regions (touching or newline-separated regions join) as start and end lists."""
        starts: list[int] = []
        ends: list[int] = []
        for s, e in sorted(spans):
            if ends and s <= ends[-1] + 1:
                ends[-1] = max(ends[-1], e)
            else:
                starts.append(s)
                ends.append(e)
        return starts, ends

    def in_scope(self, scope: str, start: int, end: int) -> bool:
        starts, ends = self._merged.get(scope, ([], []))
        i = bisect_right(starts, start) - 1
        return i >= 0 and end <= ends[i]

    def node_at(self, offset: int) -> Node | None:
        """The deepest node holding ``offset``."""
        node = self.article(offset)
        if node is None:
            return self.doc.node_at(offset)
        while True:
            nxt = next((c for c in node.children if c.start <= offset < c.end), None)
            if nxt is None:
                return node
            node = nxt

    def search(self, regex: re.Pattern[str], start: int, end: int) -> bool:
        """``regex.search`` on ``text[start:end]``, memoised per document."""
        key = (id(regex), start, end)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = regex.search(self.text[start:end]) is not None
        return hit
