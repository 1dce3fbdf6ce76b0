"""The document model every layer shares: one canonical text, a clause tree, findings.

Every offset anywhere is a ``[start, end)`` code-point span into ``Document.text``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

SEVERITIES = ("error", "warning", "info")
SEVERITY_LABELS = {"error": "违法", "warning": "风险", "info": "提示"}

# Node kinds, outermost first. "body" parts hold the structure; the others are appended parts.
STRUCTURE_KINDS = ("part", "chapter", "section", "article", "paragraph", "item", "subitem")
PART_KINDS = ("document", "title", "preamble", "attachment", "explanation", "closing")


@dataclass(slots=True)
class Node:
    """One element of the clause tree (编/章/节/条/款/项/目, or a document part)."""

    kind: str
    id: str
    start: int
    end: int
    label: str | None = None
    heading: str | None = None
    children: list[Node] = field(default_factory=list)
    provenance: dict[str, Any] = field(default_factory=dict)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "id": self.id,
            "label": self.label,
            "start": self.start,
            "end": self.end,
        }
        if self.heading:
            out["heading"] = self.heading
        if self.provenance:
            out["provenance"] = self.provenance
        if text is not None and not self.children:
            out["text"] = text[self.start : self.end]
        if self.children:
            out["children"] = [c.to_dict(text) for c in self.children]
        return out


@dataclass(slots=True)
class Span:
    """A located piece of metadata: its value and where it was read."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Validity:
    """有效期 as written: a number of years or an end date (or 长期有效)."""

    text: str
    start: int
    end: int
    years: float | None = None
    until: date | None = None
    indefinite: bool = False


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    title_span: tuple[int, int] | None = None
    draft_marker: str | None = None  # 征求意见稿 / 送审稿 / 草案 …
    doc_type: str | None = None  # 办法 / 规定 / 细则 / 通知 / 意见 …
    provisional: bool = False  # 暂行 / 试行
    issuer: str | None = None
    doc_number: str | None = None  # 文号, e.g. X政规〔2024〕3号
    issue_date: date | None = None  # 成文/印发日期
    effective_date: date | None = None  # 施行日期
    effective_on_publication: bool = False  # 自发布（印发）之日起施行
    effective_span: Span | None = None
    validity: Validity | None = None
    basis_laws: list[str] = field(default_factory=list)  # 制定依据: titles named in 根据《…》
    basis_span: Span | None = None
    repeals: list[str] = field(default_factory=list)  # 原《…》同时废止
    dates: list[tuple[date, int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def conv(v: Any) -> Any:
            if isinstance(v, date):
                return v.isoformat()
            if isinstance(v, dict):
                return {k: conv(x) for k, x in v.items()}
            if isinstance(v, list | tuple):
                return [conv(x) for x in v]
            return v

        return conv(asdict(self))


@dataclass(slots=True)
class SourceInfo:
    format: str  # docx / pdf / pdf-ocr / txt / md / doc / wps / text
    filename: str | None = None
    sha256: str | None = None
    size: int = 0
    pages: int | None = None


@dataclass(slots=True)
class Document:
    """A parsed draft: one canonical ``text``, the clause tree ``root`` and metadata.

    ``extras`` keeps text that is not body: page headers, footers, footnotes and Word comments.
    ``blocks`` maps every body paragraph to its span and provenance (docx paragraph index, PDF page/box).
    """

    text: str
    root: Node
    metadata: Metadata = field(default_factory=Metadata)
    source: SourceInfo = field(default_factory=lambda: SourceInfo(format="text"))
    extras: dict[str, list[str]] = field(default_factory=dict)
    blocks: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def nodes(self, kind: str | None = None) -> Iterator[Node]:
        for node in self.root.walk():
            if kind is None or node.kind == kind:
                yield node

    def articles(self) -> list[Node]:
        return list(self.nodes("article"))

    def path_at(self, offset: int) -> list[Node]:
        """The chain of nodes (outermost first, root excluded) containing ``offset``."""
        chain: list[Node] = []
        node = self.root
        while True:
            nxt = next((c for c in node.children if c.start <= offset < c.end), None)
            if nxt is None:
                return chain
            chain.append(nxt)
            node = nxt

    def node_at(self, offset: int) -> Node | None:
        chain = self.path_at(offset)
        return chain[-1] if chain else None

    def article_at(self, offset: int) -> Node | None:
        return next((n for n in reversed(self.path_at(offset)) if n.kind == "article"), None)

    def part_of(self, offset: int) -> str:
        """Which part of the document an offset lies in: body, title, attachment, explanation …"""
        chain = self.path_at(offset)
        for node in chain:
            if node.kind in ("title", "preamble", "attachment", "explanation", "closing"):
                return node.kind
        return "body"

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": asdict(self.source),
            "metadata": self.metadata.to_dict(),
            "text": self.text,
            "tree": self.root.to_dict(),
            "extras": self.extras,
            "warnings": self.warnings,
        }


@dataclass(slots=True)
class Basis:
    """The legal basis of a finding: law title, article label and the article's verbatim text."""

    law: str
    article: str | None = None
    text: str | None = None

    def cite(self) -> str:
        out = f"《{self.law}》" + (self.article or "")
        return out + (f"“{self.text}”" if self.text else "")


@dataclass(slots=True)
class Hit:
    """What a check reports before the engine turns it into a Finding.

    Fields left ``None`` take the rule's value (category, severity, message, suggestion …).
    """

    start: int
    end: int
    message: str | None = None
    suggestion: str | None = None
    replacement: str | None = None
    basis: list[Basis] | None = None
    category: str | None = None
    severity: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Finding:
    rule_id: str
    category: str
    severity: str
    start: int
    end: int
    quote: str
    article: str | None = None
    node_id: str | None = None
    message: str = ""
    suggestion: str | None = None
    replacement: str | None = None
    basis: list[Basis] = field(default_factory=list)
    whether: str | None = None
    title: str | None = None
    rule_version: str | None = None
    key: str = ""

    def make_key(self) -> str:
        """Hash of rule, article path and quote: stable across re-runs and revised drafts."""
        raw = f"{self.rule_id}|{self.node_id or ''}|{self.quote}"
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Review:
    document: Document
    findings: list[Finding] = field(default_factory=list)
    as_of: date | None = None
    catalog_version: str | None = None
    knowledge_date: str | None = None
    suppressed: list[dict[str, Any]] = field(default_factory=list)
    checked: dict[str, str] = field(default_factory=dict)  # checklist item -> found / clean / n/a

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "catalog_version": self.catalog_version,
            "knowledge_date": self.knowledge_date,
            "findings": [f.to_dict() for f in self.findings],
            "checked": self.checked,
        }
