"""Word .docx: body paragraphs and table cells in document order, tracked changes accepted, auto-numbering
rendered; headers, footers, footnotes, endnotes, comments and text boxes kept apart in ``Document.extras``.

Offset mapping (for writers that annotate the user's own file): every block's provenance holds
``paragraph`` — the index of its ``w:p`` in :func:`body_paragraphs` — and ``numbering_prefix``, the number
of leading characters rendered from Word numbering. The rest of the block's text is the paragraph's visible
run text in order (:func:`paragraph_text`), so ``doc.text[block.start + numbering_prefix + k]`` is character
``k`` of that run text. Table cells add ``table``, ``row`` and ``cell`` (indexes of the top-level w:tbl,
its w:tr and the w:tc in that row).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import Any

from lxml import etree

from reviewer.errors import InputError
from reviewer.model import Document
from reviewer.parsing.readers import SUPPORTED, ReadContext
from reviewer.parsing.readers.numbering import Numbering, W
from reviewer.parsing.readers.safezip import SafeZip

PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
MAIN_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
ODT_MIME = b"application/vnd.oasis.opendocument.text"

# Containers whose runs Word shows; w:del, w:moveFrom, text boxes and math are not body text.
TRANSPARENT = {
    f"{W}{t}"
    for t in (
        "hyperlink",
        "ins",
        "moveTo",
        "smartTag",
        "sdt",
        "sdtContent",
        "customXml",
        "fldSimple",
        "dir",
        "bdo",
    )
}
_P, _R, _TBL, _TR, _TC = f"{W}p", f"{W}r", f"{W}tbl", f"{W}tr", f"{W}tc"
_SKIP_ANCESTOR = {f"{W}txbxContent", f"{W}del", f"{W}moveFrom"}


def _run_text(r: etree._Element) -> str:
    """Visible text of one w:r, as python-docx's ``Run.text`` renders it (hidden runs are skipped)."""
    rpr = r.find(f"{W}rPr")
    if rpr is not None:
        vanish = rpr.find(f"{W}vanish")
        if vanish is not None and vanish.get(f"{W}val", "true") not in ("0", "false", "off"):
            return ""
    out = []
    for child in r:
        tag = child.tag
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            out.append("\t")
        elif tag == f"{W}br":
            if child.get(f"{W}type", "textWrapping") == "textWrapping":
                out.append("\n")
        elif tag == f"{W}cr":
            out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
    return "".join(out)


def paragraph_text(p: etree._Element) -> str:
    """The visible run text of a w:p: runs directly or inside hyperlink/ins/smartTag/sdt …, not w:del."""
    out: list[str] = []
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag == _R:
            out.append(_run_text(child))
        elif tag in TRANSPARENT:
            stack.append(iter(child))
    return "".join(out)


def body_paragraphs(body: etree._Element) -> list[etree._Element]:
    """Every w:p of the body that the reader reads, in order; ``provenance["paragraph"]`` indexes this list.

    Works on python-docx's ``document.element.body`` as well.
    """
    return [p for p in body.iter(_P) if not _skipped(p)]


def _rels(sz: SafeZip, part: str) -> dict[str, tuple[str, str]]:
    """rId → (relationship type suffix, target part name) for ``part``."""
    folder, name = posixpath.split(part)
    root = sz.xml(posixpath.join(folder, "_rels", name + ".rels"))
    out: dict[str, tuple[str, str]] = {}
    if root is None:
        return out
    for rel in root.iter(PKG_REL):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], target)
    return out


def _main_part(sz: SafeZip) -> str | None:
    for kind, target in _rels(sz, "").values():
        if kind == "officeDocument" and target in sz.names:
            return target
    return "word/document.xml" if "word/document.xml" in sz.names else None


def read_zip(data: bytes, ctx: ReadContext) -> Document:
    """A zip container: .docx read here, an OpenDocument text converted, anything else refused."""
    sz = SafeZip(data, ctx.limits)
    if sz.read("mimetype") == ODT_MIME:
        from reviewer.parsing.readers.legacy import read_legacy

        return read_legacy(data, ctx, "odt")
    main = _main_part(sz)
    if main is None:
        if "[Content_Types].xml" in sz.names or "word/" in {n[:5] for n in sz.names}:
            raise InputError("Word 文档缺少正文部件（word/document.xml），文件可能已损坏。", code="corrupt")
        raise InputError(
            "这是一个压缩包或其他 Office 文件，不是 Word 文档。" + SUPPORTED, code="unsupported_type"
        )
    return read_docx(sz, main, data, ctx)


def read_docx(sz: SafeZip, main: str, data: bytes, ctx: ReadContext) -> Document:
    from reviewer.parsing import assemble

    root = sz.xml(main)
    if root is None or root.tag.split("}")[0].lstrip("{") not in (MAIN_NS, STRICT_NS):
        raise InputError("Word 文档的正文部件无法识别，文件可能已损坏。", code="corrupt")
    if root.tag.startswith("{" + STRICT_NS):
        raise InputError(
            "暂不支持 Strict Open XML 格式的 Word 文档，请另存为普通 .docx 后重试。", code="unsupported_type"
        )
    body = root.find(f"{W}body")
    if body is None:
        raise InputError("Word 文档缺少正文（w:body），文件可能已损坏。", code="corrupt")
    rels = _rels(sz, main)
    by_kind: dict[str, list[str]] = {}
    for kind, target in rels.values():
        by_kind.setdefault(kind, []).append(target)
    numbering = Numbering(_first_xml(sz, by_kind.get("numbering")), _first_xml(sz, by_kind.get("styles")))
    blocks = list(_blocks(body, numbering, ctx))
    extras = _extras(sz, by_kind)
    boxes = list(dict.fromkeys(t for box in body.iter(f"{W}txbxContent") if (t := _box_text(box))))
    if boxes:
        extras["textboxes"] = boxes
    return assemble(blocks, ctx.source("docx", data), extras=extras)


def _first_xml(sz: SafeZip, names: list[str] | None) -> etree._Element | None:
    return sz.xml(names[0]) if names else None


def _blocks(body: etree._Element, numbering: Numbering, ctx: ReadContext) -> Iterator[dict[str, Any]]:
    """Body blocks in document order; table cells carry their coordinates."""
    index = -1
    table_index = -1
    cell_of: dict[etree._Element, dict[str, int]] = {}
    for el in body.iter(_P, _TBL):
        if el.tag == _TBL:
            if not any(a.tag == _TBL for a in el.iterancestors()) and not _skipped(el):
                table_index += 1
                for r, tr in enumerate(el.iterchildren(_TR)):
                    for c, tc in enumerate(tr.iterchildren(_TC)):
                        cell_of[tc] = {"table": table_index, "row": r, "cell": c}
            continue
        if _skipped(el):
            continue
        index += 1
        if index % 500 == 0:
            ctx.deadline.check()
        p_pr = el.find(f"{W}pPr")
        prefix = numbering.label(p_pr)
        prov: dict[str, Any] = {"paragraph": index}
        if prefix:
            prov["numbering_prefix"] = len(prefix)
        tc = next((a for a in el.iterancestors(_TC)), None)
        if tc is not None and tc in cell_of:
            prov.update(cell_of[tc])
        yield {"text": prefix + paragraph_text(el), "provenance": prov}


def _box_text(box: etree._Element) -> str:
    return "\n".join(t for t in (paragraph_text(p).strip() for p in box.iter(_P)) if t)


def _skipped(el: etree._Element) -> bool:
    return any(a.tag in _SKIP_ANCESTOR for a in el.iterancestors())


def _extras(sz: SafeZip, by_kind: dict[str, list[str]]) -> dict[str, list[str]]:
    """Text that is not body: headers, footers, footnotes, endnotes and comments."""
    out: dict[str, list[str]] = {}
    for kind, key, item in (
        ("header", "headers", None),
        ("footer", "footers", None),
        ("footnotes", "footnotes", "footnote"),
        ("endnotes", "endnotes", "endnote"),
        ("comments", "comments", "comment"),
    ):
        texts: list[str] = []
        for name in sorted(by_kind.get(kind, [])):
            root = sz.xml(name)
            if root is None:
                continue
            units = root.iterfind(f"{W}{item}") if item else [root]
            for unit in units:
                if unit.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = "\n".join(t for t in (paragraph_text(p).strip() for p in unit.iter(_P)) if t)
                if text and text not in texts:
                    texts.append(text)
        if texts:
            out[key] = texts
    return out
