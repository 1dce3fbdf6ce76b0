"""A clean .docx of a parsed Document (for PDF or text input): one paragraph per line of ``doc.text``."""

from __future__ import annotations

import re

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from reviewer.model import Document
from reviewer.report import gbt9704 as g

_LABEL = re.compile(r"^第[〇零一二三四五六七八九十百千0-9０-９]+条")


def _line_kinds(doc: Document) -> dict[int, str]:
    """Offset of a line start → "title" | "heading" (chapter/section/part) for lines styled apart."""
    kinds: dict[int, str] = {}
    for node in doc.root.walk():
        if node.kind == "title":
            pos = node.start
            for line in doc.text[node.start : node.end].split("\n"):
                kinds[pos] = "title"
                pos += len(line) + 1
        elif node.kind in ("part", "chapter", "section"):
            kinds[node.start] = "heading"
    return kinds


def render_docx(doc: Document) -> docx.document.Document:
    """GB/T 9704-styled paragraphs whose texts joined by newlines equal ``doc.text`` exactly."""
    out = docx.Document()
    g.setup_styles(out)
    g.setup_page(out.sections[0])
    g.add_page_numbers(out, out.sections[0])
    kinds = _line_kinds(doc)
    pos = 0
    for line in doc.text.split("\n"):
        kind = kinds.get(pos)
        pos += len(line) + 1
        p = out.add_paragraph()
        if kind in ("title", "heading"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            g.no_indent(p)
            if line:
                run = p.add_run(line)
                if kind == "title":
                    g.set_font(run, g.TITLE_FONT, g.TITLE_SIZE)
                    g.no_grid_snap(p._p.get_or_add_pPr())
                else:
                    g.set_font(run, g.H1_FONT)
            continue
        m = _LABEL.match(line)
        if m:
            g.set_font(p.add_run(m.group()), g.H1_FONT)
            line = line[m.end() :]
        if line:
            p.add_run(line)
    return out
