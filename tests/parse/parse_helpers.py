"""Build small .docx and PDF files for parser tests (raw WordprocessingML, so every feature is explicit)."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
HAS_SOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PKG_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*content: str, num: tuple[int, int] | None = None, style: str | None = None) -> str:
    """A w:p; ``content`` items are raw XML or plain text (wrapped in a run)."""
    ppr = ""
    if num or style:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if num:
            inner += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    body = "".join(c if c.startswith("<") else run(c) for c in content)
    return f"<w:p>{ppr}{body}</w:p>"


def wrap(tag: str, body: str) -> str:
    return f'<w:{tag} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{body}</w:{tag}>'


def docx_bytes(body: str, parts: dict[str, str] | None = None, prolog: str = "") -> bytes:
    """A minimal .docx: ``body`` is the content of w:body; ``parts`` maps a relationship type (numbering,
    styles, header, footer, footnotes, endnotes, comments) to the full XML of that part."""
    parts = parts or {}
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL}{kind}" Target="{kind}{i}.xml"/>'
        for i, kind in enumerate(parts, 10)
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", PKG_RELS)
        zf.writestr("word/document.xml", prolog + wrap("document", f"<w:body>{body}</w:body>"))
        zf.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{rels}</Relationships>",
        )
        for i, (kind, xml) in enumerate(parts.items(), 10):
            zf.writestr(f"word/{kind}{i}.xml", xml)
    return buf.getvalue()


def numbering_part(
    *levels: tuple[str, str], num_id: int = 1, start_override: int | None = None, extra_num: int | None = None
) -> str:
    """numbering.xml with one abstract list whose levels are ``(numFmt, lvlText)``; optional second w:num."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="nothing"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    nums = f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="0"/></w:num>'
    if extra_num is not None:
        override = (
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>'
            if start_override
            else ""
        )
        nums += f'<w:num w:numId="{extra_num}"><w:abstractNumId w:val="0"/>{override}</w:num>'
    return wrap("numbering", f'<w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>{nums}')


def pdf_pages(count: int) -> bytes:
    """An empty PDF with ``count`` pages."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(count):
        pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()
