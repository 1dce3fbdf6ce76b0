"""Build the clause tree (编/章/节/条/款/项/目) over the canonical text.

Input is a list of body blocks (one per paragraph) from any reader; the canonical text is the blocks
joined by ``\\n``. Every node gets a printed label, a stable path id and a ``[start, end)`` span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reviewer.model import Node
from reviewer.numerals import CN_NUM, cn_to_int

_N = f"[{CN_NUM}0-9０-９]+"
_SP = "[ \t\u3000\u00a0]"
_MD = r"(?:#{1,6}\s*)?"  # Markdown heading marks in .md sources

PART_RE = re.compile(rf"^{_MD}(第{_N}编){_SP}*(.*)$")
CHAPTER_RE = re.compile(rf"^{_MD}(第{_N}章){_SP}*(.*)$")
SECTION_RE = re.compile(rf"^{_MD}(第{_N}节){_SP}*(.*)$")
ARTICLE_RE = re.compile(rf"^{_MD}(?:\*\*)?(第{_N}条)(?:\*\*)?(?:{_SP}+|(?=[^\s])|$)")
ITEM_RE = re.compile(rf"^(（[{CN_NUM}]+）|\([{CN_NUM}]+\))")
SUBITEM_RE = re.compile(r"^([0-9０-９]{1,3}[\.．、](?![0-9０-９])|（[0-9０-９]{1,3}）|\([0-9０-９]{1,3}\))")
OUTLINE_RE = re.compile(rf"^([{CN_NUM}]{{1,3}}、)")  # 一、 in notices without 第X条
ATTACHMENT_RE = re.compile(rf"^{_MD}附件{_SP}*[0-9０-９{CN_NUM}]*{_SP}*[:：]?")
EXPLANATION_RE = re.compile(rf"^{_MD}(?:关于.{{0,60}}的)?(?:起草|编制|制定)说明{_SP}*$")
TITLE_HINT_RE = re.compile(
    r"(办法|规定|细则|规则|意见|通知|决定|方案|制度|公约|章程|措施|标准|规范|条例|公告|通告)"
)
DRAFT_MARK_RE = re.compile(r"^[（(](?:征求意见稿|送审稿|草案|讨论稿|代拟稿|修订稿|修改稿)[）)]$")
DOC_NUMBER_RE = re.compile(r"^\S{1,20}[〔\[［(（]\d{4}[〕\]］)）]\d+号$")
# 落款: the issuing body or the date on a line of its own, after the last article
CLOSING_RE = re.compile(
    rf"^(?:[\u4e00-\u9fa5（）()]{{2,40}}(?:人民政府|办事处|委员会|局|厅|办公室|中心|所|院)|"
    rf"[0-9０-９〇零○一二三四五六七八九]{{4}}{_SP}*年{_SP}*[{CN_NUM}0-9０-９]{{1,3}}{_SP}*月"
    rf"{_SP}*[{CN_NUM}0-9０-９]{{1,3}}{_SP}*日|[（(]此件[^）)]*[）)]|抄送[:：].*|.{{2,30}}印发)$"
)

_ABBR = {
    "part": "pt",
    "chapter": "ch",
    "section": "sec",
    "article": "art",
    "paragraph": "p",
    "item": "i",
    "subitem": "s",
    "attachment": "att",
    "explanation": "expl",
    "title": "title",
    "preamble": "pre",
    "closing": "close",
}
_DEPTH = {"part": 0, "chapter": 1, "section": 2, "article": 3}


@dataclass
class _Open:
    node: Node
    counters: dict[str, int] = field(default_factory=dict)


def _label_number(label: str) -> int | None:
    digits = re.sub(r"[^" + CN_NUM + "0-9０-９]", "", label)
    return cn_to_int(digits) if digits else None


class _Builder:
    def __init__(self, text: str):
        self.text = text
        self.root = Node(kind="document", id="", start=0, end=len(text))
        self.stack: list[_Open] = [_Open(self.root)]

    def _new_id(self, parent: _Open, kind: str, label: str | None) -> str:
        n = (
            _label_number(label)
            if label and kind in ("part", "chapter", "section", "article", "item")
            else None
        )
        if n is None:
            parent.counters[kind] = parent.counters.get(kind, 0) + 1
            n = parent.counters[kind]
        own = f"{_ABBR[kind]}{n}"
        base = parent.node.id
        candidate = f"{base}/{own}" if base else own
        existing = {c.id for c in parent.node.children}
        k = 2
        while candidate in existing:  # duplicate labels (typos in drafts) stay unique
            candidate = f"{base}/{own}_{k}" if base else f"{own}_{k}"
            k += 1
        return candidate

    def open(
        self,
        kind: str,
        start: int,
        end: int,
        label: str | None = None,
        heading: str | None = None,
        provenance: dict[str, Any] | None = None,
    ) -> Node:
        parent = self.stack[-1]
        node = Node(
            kind=kind,
            id=self._new_id(parent, kind, label),
            start=start,
            end=end,
            label=label,
            heading=heading or None,
            provenance=dict(provenance or {}),
        )
        parent.node.children.append(node)
        self.stack.append(_Open(node))
        return node

    def close_to(self, predicate) -> None:
        """Pop open nodes until the top satisfies ``predicate`` (the root always does)."""
        while len(self.stack) > 1 and not predicate(self.stack[-1].node):
            self.stack.pop()

    def extend(self, end: int) -> None:
        for entry in self.stack[1:]:
            entry.node.end = max(entry.node.end, end)


def build_tree(text: str, spans: list[tuple[int, int, dict[str, Any]]]) -> Node:
    """Tree over ``text`` from paragraph spans ``(start, end, provenance)`` in document order."""
    b = _Builder(text)
    article_lines = [i for i, (s, e, _) in enumerate(spans) if ARTICLE_RE.match(text[s:e].lstrip())]
    has_articles = bool(article_lines)
    last_article = article_lines[-1] if article_lines else len(spans)
    state = "head"  # head → body → attachment/explanation
    for idx, (s, e, prov) in enumerate(spans):
        raw = text[s:e]
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        s0 = s + lead
        e0 = s0 + len(stripped)
        line = stripped

        if ATTACHMENT_RE.match(line) and state != "head" and len(line) <= 80:
            b.close_to(lambda n: n.kind == "document")
            b.open("attachment", s0, e0, label=line.lstrip("#").strip(), provenance=prov)
            state = "attachment"
            continue
        if EXPLANATION_RE.match(line) and state != "head":
            b.close_to(lambda n: n.kind == "document")
            b.open("explanation", s0, e0, label=line.lstrip("#").strip(), provenance=prov)
            state = "explanation"
            continue
        if state in ("attachment", "explanation"):
            b.extend(e0)
            continue
        if state == "closing" or (idx > last_article and len(line) <= 40 and CLOSING_RE.match(line)):
            b.close_to(lambda n: n.kind == "document")
            b.open("closing", s0, e0, provenance=prov)
            b.stack.pop()
            state = "closing"
            continue

        m_part, m_ch, m_sec = PART_RE.match(line), CHAPTER_RE.match(line), SECTION_RE.match(line)
        m_art = ARTICLE_RE.match(line)
        heading_m = m_part or m_ch or m_sec
        if heading_m and len(line) <= 40 and not m_art:
            kind = "part" if m_part else "chapter" if m_ch else "section"
            depth = _DEPTH[kind]
            b.close_to(lambda n, d=depth: n.kind == "document" or _DEPTH.get(n.kind, 9) < d)
            heading = re.sub(f"{_SP}+", "", heading_m.group(2)) if heading_m.group(2) else None
            b.open(kind, s0, e0, label=heading_m.group(1), heading=heading, provenance=prov)
            state = "body"
            continue
        if m_art:
            b.close_to(lambda n: n.kind == "document" or _DEPTH.get(n.kind, 9) < 3)
            label = m_art.group(1)
            art = b.open("article", s0, e0, label=label, provenance=prov)
            body_start = s0 + m_art.end()
            if body_start < e0:
                b.open("paragraph", body_start, e0, provenance=prov)
            art.end = e0
            state = "body"
            continue
        m_out = None if has_articles else OUTLINE_RE.match(line)
        if m_out:
            b.close_to(lambda n: n.kind == "document" or _DEPTH.get(n.kind, 9) < 3)
            b.open("article", s0, e0, label=m_out.group(1), provenance=prov)
            body_start = s0 + m_out.end()
            if body_start < e0:
                b.open("paragraph", body_start, e0, provenance=prov)
            state = "body"
            continue

        in_article = any(o.node.kind == "article" for o in b.stack)
        if state == "head" and not in_article:
            _head_block(b, idx, s0, e0, line, prov)
            continue
        if not in_article:
            # text between structure elements outside any article (e.g. 落款, 抄送)
            b.close_to(lambda n: n.kind == "document")
            b.open("closing", s0, e0, provenance=prov)
            b.stack.pop()
            continue
        m_item = ITEM_RE.match(line)
        m_sub = SUBITEM_RE.match(line)
        if m_item:
            b.close_to(lambda n: n.kind in ("paragraph", "article"))
            if b.stack[-1].node.kind == "article":
                # an article whose first line is only its label: items hang on an implicit paragraph
                b.open("paragraph", s0, e0, provenance=prov)
            b.open("item", s0, e0, label=m_item.group(1), provenance=prov)
            b.extend(e0)
            continue
        if m_sub:
            if any(o.node.kind == "item" for o in b.stack):
                b.close_to(lambda n: n.kind == "item")
                b.open("subitem", s0, e0, label=m_sub.group(1), provenance=prov)
            else:
                b.close_to(lambda n: n.kind in ("paragraph", "article"))
                if b.stack[-1].node.kind == "article":
                    b.open("paragraph", s0, e0, provenance=prov)
                b.open("item", s0, e0, label=m_sub.group(1), provenance=prov)
            b.extend(e0)
            continue
        # a new 款 of the current article
        b.close_to(lambda n: n.kind == "article")
        b.open("paragraph", s0, e0, provenance=prov)
        b.extend(e0)
    _fix_ends(b.root)
    return b.root


def _head_block(b: _Builder, idx: int, s0: int, e0: int, line: str, prov: dict[str, Any]) -> None:
    """Blocks before the first structure element: title lines, 文号, draft marker, preamble."""
    children = b.root.children
    title = children[0] if children and children[0].kind == "title" else None
    is_title_like = (
        len(line) <= 60
        and not line.endswith(("。", "；", "：", ":"))
        and (TITLE_HINT_RE.search(line) or DRAFT_MARK_RE.match(line) or DOC_NUMBER_RE.match(line))
    )
    preamble = next((c for c in children if c.kind == "preamble"), None)
    if is_title_like and preamble is None:
        if title is None:
            b.open("title", s0, e0, provenance=prov)
            b.stack.pop()
        else:
            title.end = e0
        return
    if preamble is None:
        b.open("preamble", s0, e0, provenance=prov)
        b.stack.pop()
    else:
        preamble.end = e0


def _fix_ends(node: Node) -> None:
    for child in node.children:
        _fix_ends(child)
    if node.children and node.kind != "document":
        node.end = max(node.end, max(c.end for c in node.children))
