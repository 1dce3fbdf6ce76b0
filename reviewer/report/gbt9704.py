"""GB/T 9704-2012 (党政机关公文格式) page and font settings for python-docx documents."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

TITLE_FONT, BODY_FONT, H1_FONT, H2_FONT, PAGE_NUMBER_FONT = (
    "方正小标宋简体",
    "仿宋_GB2312",
    "黑体",
    "楷体_GB2312",
    "宋体",
)
TITLE_SIZE, BODY_SIZE, PAGE_NUMBER_SIZE = 22, 16, 14  # 二号, 三号, 四号 (pt)
LINE_PITCH = Pt(28.95)  # 22 lines in the 225 mm type area
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}


def set_font(obj, name: str, size: float | None = None, bold: bool | None = None) -> None:
    """Font of a Run or Style, East Asian name included (w:eastAsia), which Word needs for 汉字."""
    obj.font.name = name
    rpr = obj.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)
    if size is not None:
        obj.font.size = Pt(size)
    if bold is not None:
        obj.font.bold = bold


def setup_page(section) -> None:
    """A4, margins 37/35/28/26 mm, 22 lines × 28 characters grid."""
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(28)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), "579")
    grid.set(qn("w:charSpace"), "0")


def setup_styles(document) -> None:
    """Normal = 仿宋_GB2312 三号, exact 28.95 pt lines, first-line indent of two characters."""
    normal = document.styles["Normal"]
    set_font(normal, BODY_FONT, BODY_SIZE)
    pf = normal.paragraph_format
    pf.line_spacing = LINE_PITCH
    pf.space_before = pf.space_after = Pt(0)
    pf.first_line_indent = Pt(BODY_SIZE * 2)
    pf.widow_control = False
    ind = normal.element.get_or_add_pPr().find(qn("w:ind"))
    ind.set(qn("w:firstLineChars"), "200")


def no_grid_snap(ppr) -> None:
    """Keep a paragraph (a large title) off the 22-line document grid so its lines are not doubled."""
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    ppr.insert_element_before(snap, "w:spacing", "w:ind", "w:jc", "w:rPr")


def no_indent(paragraph) -> None:
    """Cancel the inherited first-line indent (titles, headings set flush, signature lines)."""
    paragraph.paragraph_format.first_line_indent = Pt(0)
    ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
    if ind is not None:
        ind.set(qn("w:firstLineChars"), "0")


def _field_part(run, kind: str) -> None:
    if kind == "instr":
        el = OxmlElement("w:instrText")
        el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        el.text = " PAGE "
    else:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
    run._r.append(el)


def _page_number(paragraph, align) -> None:
    paragraph.alignment = align
    no_indent(paragraph)
    paragraph.paragraph_format.line_spacing = None
    for piece in ("— ", "begin", "instr", "separate", "1", "end", " —"):
        run = paragraph.add_run(piece if piece in ("— ", "1", " —") else "")
        set_font(run, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
        if piece in ("begin", "instr", "separate", "end"):
            _field_part(run, piece)


def add_page_numbers(document, section) -> None:
    """「— N —」 in 宋体 四号: right on odd pages, left on even pages."""
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
