"""The annotated draft: the user's .docx with one native Word comment per finding on its exact words.

Optionally, findings with a literal replacement become tracked changes (``w:del`` + ``w:ins``) that the
drafter can accept in Word or WPS. Input that is not a .docx is rendered to a clean .docx first.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.opc.exceptions import OpcError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from reviewer.errors import InputError
from reviewer.model import Document, Finding
from reviewer.parsing.readers.docx import body_paragraphs
from reviewer.report.anchor import Locator, Para, Piece
from reviewer.report.decisions import finding_key
from reviewer.report.labels import comment_text
from reviewer.report.render import render_docx

_TRACKABLE_PARENTS = {qn("w:p"), qn("w:hyperlink"), qn("w:smartTag")}


@dataclass(slots=True)
class AnnotateResult:
    """What happened to each finding: anchored exactly, relocated by quote search, or unanchored."""

    path: Path
    anchored: int = 0
    relocated: int = 0
    unanchored: list[str] = field(default_factory=list)
    tracked: int = 0


@dataclass(slots=True)
class _Placed:
    finding: Finding
    pieces: list[Piece]
    exact: bool
    runs: list[etree._Element] = field(default_factory=list)


def _load(
    source: str | Path | bytes | Document, doc: Document | None
) -> tuple[docx.document.Document, Document, bool]:
    """(python-docx document to annotate, the parsed Document, whether it is the user's own file)."""
    if isinstance(source, Document):
        return render_docx(source), source, False
    if isinstance(source, bytes):
        data, name = source, None
    else:
        try:
            data, name = Path(source).read_bytes(), Path(source).name
        except OSError as exc:
            raise InputError(f"无法读取文件：{exc.strerror or exc}", code="unreadable") from exc
    if doc is None:
        from reviewer.parsing import parse

        doc = parse(data, name)
    if data[:2] == b"PK":
        try:
            return docx.Document(io.BytesIO(data)), doc, True
        except (KeyError, ValueError, OpcError, zipfile.BadZipFile, etree.XMLSyntaxError):
            pass
    return render_docx(doc), doc, False


def _place(findings: list[Finding], locator: Locator) -> tuple[list[_Placed], list[Finding]]:
    placed, lost = [], []
    for f in findings:
        loc = locator.locate(f.start, f.end, f.quote) if f.end > f.start else None
        if loc is not None:
            placed.append(_Placed(f, loc.pieces, loc.exact))
            continue
        i = locator.paragraph_at(f.start)
        if i is None:
            lost.append(f)
        else:  # no characters to anchor on (a missing clause …): comment on the whole paragraph
            placed.append(_Placed(f, [Piece(i, 0, len(locator.paras[i].text))], f.end == f.start))
    return placed, lost


def _next_revision_id(body: etree._Element, reserved: int) -> int:
    """A revision id above every annotation id in the body and the ``reserved`` comment ids to come."""
    ids = [int(x) for x in body.xpath(".//@w:id") if x.lstrip("-").isdigit()]
    return max(ids, default=0) + reserved + 1


def _contiguous(runs: list[etree._Element]) -> bool:
    parent = runs[0].getparent()
    if parent.tag not in _TRACKABLE_PARENTS:
        return False
    return all(b.getprevious() is a for a, b in zip(runs, runs[1:], strict=False))


def _track(p: _Placed, rev_id: int, author: str, when: str) -> tuple[etree._Element, etree._Element]:
    """Wrap the runs in ``w:del`` and add ``w:ins`` with the replacement; return the new first/last."""
    runs = p.runs
    attrs = {qn("w:id"): str(rev_id), qn("w:author"): author, qn("w:date"): when}
    dele = OxmlElement("w:del", attrs=attrs)
    runs[0].addprevious(dele)
    for r in runs:
        dele.append(r)
        for t in r.iter(qn("w:t")):
            t.tag = qn("w:delText")
        for t in r.iter(qn("w:instrText")):
            t.tag = qn("w:delInstrText")
    if not p.finding.replacement:
        return dele, dele
    ins = OxmlElement("w:ins", attrs={**attrs, qn("w:id"): str(rev_id + 1)})
    r = OxmlElement("w:r")
    rpr = runs[0].find(qn("w:rPr"))
    if rpr is not None:
        r.append(etree.fromstring(etree.tostring(rpr)))
    t = OxmlElement("w:t")
    t.text = p.finding.replacement
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    ins.append(r)
    dele.addnext(ins)
    return dele, ins


def _mark(first: etree._Element, last: etree._Element, cid: int) -> None:
    first.addprevious(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(cid)}))
    ref = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    ref.append(rpr)
    ref.append(OxmlElement("w:commentReference", attrs={qn("w:id"): str(cid)}))
    last.addnext(ref)
    last.addnext(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(cid)}))


def _trackable(placed: list[_Placed]) -> list[_Placed]:
    """Findings with a replacement, exactly located in one paragraph, overlapping no other finding."""
    spans = [(p.pieces[0].para, p.pieces[0].start, p.pieces[-1].end) for p in placed if len(p.pieces) == 1]
    out = []
    for p in placed:
        if p.finding.replacement is None or not p.exact or len(p.pieces) != 1 or not p.runs:
            continue
        me = (p.pieces[0].para, p.pieces[0].start, p.pieces[0].end)
        clash = sum(1 for s in spans if s[0] == me[0] and s[1] < me[2] and me[1] < s[2])
        if clash == 1 and _contiguous(p.runs):
            out.append(p)
    return out


def write_annotated(
    source: str | Path | bytes | Document,
    findings: Iterable[Finding],
    out_path: str | Path,
    *,
    doc: Document | None = None,
    tracked_changes: bool = False,
    author: str = "合法性审查",
    initials: str = "审",
) -> AnnotateResult:
    """Write ``source`` with one Word comment per finding to ``out_path``.

    ``doc`` is the Document the findings' offsets refer to; it is parsed from ``source`` when omitted.
    """
    findings = sorted(findings, key=lambda f: (f.start, f.end))
    wdoc, doc, own = _load(source, doc)
    body = wdoc.element.body
    paras = [Para.read(p) for p in body_paragraphs(body)]
    locator = Locator(doc, paras, sequential=not own)
    placed, lost = _place(findings, locator)
    cuts: dict[int, list[int]] = {}
    for p in placed:
        for pc in p.pieces:
            cuts.setdefault(pc.para, []).extend((pc.start, pc.end))
    for i, c in cuts.items():
        paras[i].split_at(c)
    for p in placed:
        p.runs = [r for pc in p.pieces for r in paras[pc.para].runs_in(pc.start, pc.end)]

    result = AnnotateResult(Path(out_path), unanchored=[finding_key(f) for f in lost])
    ends: dict[int, tuple[etree._Element, etree._Element]] = {}
    if tracked_changes:
        when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        rev = _next_revision_id(body, len(placed) + len(wdoc.comments))
        for p in _trackable(placed):
            ends[id(p)] = _track(p, rev, author, when)
            rev += 2
            result.tracked += 1
    for p in placed:
        if not p.runs:
            result.unanchored.append(finding_key(p.finding))
            continue
        comment = wdoc.comments.add_comment(text=comment_text(p.finding), author=author, initials=initials)
        first, last = ends.get(id(p), (p.runs[0], p.runs[-1]))
        _mark(first, last, comment.comment_id)
        if p.exact:
            result.anchored += 1
        else:
            result.relocated += 1
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    wdoc.save(str(out))
    return result
