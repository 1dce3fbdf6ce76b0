"""Build ``letter_template.docx``, the opinion letter's docxtpl template, in GB/T 9704 layout.

Run ``python -m reviewer.report.templates.build_template`` after changing this file; the result is
committed. A county may instead edit the .docx in Word (letterhead, wording) and keep the ``{{ }}`` tags.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from reviewer.report import gbt9704 as g

TEMPLATE = Path(__file__).with_name("letter_template.docx")

# Paragraph styles: (name, font, size, alignment, indent in characters)
STYLES = {
    "公文标题": (g.TITLE_FONT, g.TITLE_SIZE, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "一级标题": (g.H1_FONT, g.BODY_SIZE, None, 2),
    "二级标题": (g.H2_FONT, g.BODY_SIZE, None, 2),
    "顶格正文": (g.BODY_FONT, g.BODY_SIZE, None, 0),
    "落款": (g.BODY_FONT, g.BODY_SIZE, WD_ALIGN_PARAGRAPH.RIGHT, 0),
    "表格文字": (g.BODY_FONT, 12, None, 0),
}

# The letter, one paragraph per entry: (style, text). docxtpl "{%p %}" tags sit in their own paragraphs.
BODY: list[tuple[str, str]] = [
    ("公文标题", "关于《{{ doc_title }}》的合法性审查意见"),
    ("{%p", "{%p if letter_number %}"),
    ("顶格正文", "{{ letter_number }}"),
    ("{%p", "{%p endif %}"),
    ("顶格正文", ""),
    ("顶格正文", "{{ addressee }}："),
    ("Normal", "{{ opening }}"),
    ("一级标题", "一、基本情况"),
    ("{%p", "{%p for line in basics %}"),
    ("Normal", "{{ line }}"),
    ("{%p", "{%p endfor %}"),
    ("一级标题", "二、审查依据"),
    ("{%p", "{%p for law in laws %}"),
    ("Normal", "{{ loop.index }}．{{ law }}"),
    ("{%p", "{%p endfor %}"),
    ("一级标题", "三、审查意见"),
    ("{%p", "{%p if not groups %}"),
    ("Normal", "经逐项审查，未发现合法性问题。"),
    ("{%p", "{%p endif %}"),
    ("{%p", "{%p for group in groups %}"),
    ("二级标题", "（{{ group.ordinal }}）{{ group.title }}"),
    ("{%p", "{%p for f in group.findings %}"),
    ("Normal", "{{ f.no }}．{{ f.heading }}"),
    ("{%p", "{%p if f.quote %}"),
    ("Normal", "原文：“{{ f.quote }}”"),
    ("{%p", "{%p endif %}"),
    ("Normal", "问题：{{ f.message }}"),
    ("{%p", "{%p for b in f.basis %}"),
    ("Normal", "依据：{{ b }}"),
    ("{%p", "{%p endfor %}"),
    ("{%p", "{%p if f.suggestion %}"),
    ("Normal", "修改建议：{{ f.suggestion }}"),
    ("{%p", "{%p endif %}"),
    ("{%p", "{%p if f.note %}"),
    ("Normal", "审查人意见：{{ f.note }}"),
    ("{%p", "{%p endif %}"),
    ("{%p", "{%p endfor %}"),
    ("{%p", "{%p endfor %}"),
    ("一级标题", "四、审查结论"),
    ("Normal", "{{ conclusion_text }}"),
    ("一级标题", "五、已审查事项"),
    ("Normal", "{{ coverage_summary }}"),
    ("TABLE", ""),
    ("{%p", "{%p if notes %}"),
    ("一级标题", "六、其他提示"),
    ("{%p", "{%p for n in notes %}"),
    ("Normal", "{{ n }}"),
    ("{%p", "{%p endfor %}"),
    ("{%p", "{%p endif %}"),
    ("顶格正文", ""),
    ("落款", "{{ reviewer_org }}"),
    ("落款", "审查人：{{ reviewer }}"),
    ("落款", "{{ sign_date }}"),
]
TABLE_HEADER = ("序号", "审查事项", "类别", "结果")
TABLE_ROW = ("{{ item.no }}", "{{ item.title }}", "{{ item.category }}", "{{ item.status }}")
TABLE_WIDTHS_MM = (12, 72, 44, 28)


def _styles(document) -> None:
    g.setup_styles(document)
    for name, (font, size, align, indent) in STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        g.set_font(style, font, size)
        pf = style.paragraph_format
        if align is not None:
            pf.alignment = align
        pf.first_line_indent = Pt(size * indent)
        style.element.get_or_add_pPr().get_or_add_ind().set(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}firstLineChars", str(indent * 100)
        )
        if name == "表格文字":
            pf.line_spacing = Pt(20)
            g.no_grid_snap(style.element.get_or_add_pPr())
    title = document.styles["公文标题"]
    title.paragraph_format.space_after = Pt(g.BODY_SIZE * 1.8)
    title.paragraph_format.line_spacing = Pt(36)
    g.no_grid_snap(title.element.get_or_add_pPr())


def _table(document) -> None:
    table = document.add_table(rows=4, cols=len(TABLE_HEADER))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, TABLE_WIDTHS_MM, strict=True):
        column.width = Mm(width)
    rows = (
        TABLE_HEADER,
        ("{%tr for item in checklist %}", "", "", ""),
        TABLE_ROW,
        ("{%tr endfor %}", "", "", ""),
    )
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text, width in zip(row.cells, texts, TABLE_WIDTHS_MM, strict=True):
            cell.width = Mm(width)
            p = cell.paragraphs[0]
            p.style = document.styles["表格文字"]
            p.add_run(text).bold = row is table.rows[0] or None


def build(path: Path = TEMPLATE) -> Path:
    document = docx.Document()
    _styles(document)
    section = document.sections[0]
    g.setup_page(section)
    g.add_page_numbers(document, section)
    for style, text in BODY:
        if style == "TABLE":
            _table(document)
        else:
            document.add_paragraph(text, style="Normal" if style == "{%p" else style)
    core = document.core_properties
    core.title, core.author, core.comments = (
        "合法性审查意见书模板",
        "法审",
        "docxtpl 模板：修改版头和文字时请保留花括号标记",
    )
    document.save(str(path))
    return path


if __name__ == "__main__":
    sys.stdout.write(f"已生成 {build()}\n")
