"""Both .docx outputs open in LibreOffice, convert to PDF, and read back right (comments as PDF notes)."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from report_helpers import finding, tricky_docx

from reviewer.model import Review
from reviewer.parsing import parse
from reviewer.report import write_annotated, write_letter
from reviewer.report.pdf import docx_to_pdf, soffice

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(soffice() is None, reason="需要 LibreOffice（soffice），未安装则跳过"),
]


def _pdf_text_and_notes(path) -> tuple[str, int]:
    pdf = pdfium.PdfDocument(str(path))
    text, notes = [], 0
    for page in pdf:
        text.append(page.get_textpage().get_text_range())
        for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
            annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
            notes += pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_TEXT
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return re.sub(r"\s+", "", "".join(text)), notes


def test_outputs_convert_and_read_back(tmp_path):
    src = tricky_docx(tmp_path / "tricky.docx")
    doc = parse(src)
    findings = [
        finding(doc, "予以查封", replacement="依法处理"),
        finding(doc, "市场管理规定"),
        finding(doc, "每月二百元", severity="warning", category="fee"),
    ]
    write_annotated(src, findings, tmp_path / "annotated.docx", doc=doc, tracked_changes=True)
    write_letter(Review(document=doc, findings=findings), tmp_path / "letter.docx")

    text, notes = _pdf_text_and_notes(docx_to_pdf(tmp_path / "annotated.docx", tmp_path / "pdf"))
    assert notes == 3
    for quote in ("市场管理规定", "每月二百元", "依法处理", "卫生费每户五十元"):
        assert quote in text

    text, _ = _pdf_text_and_notes(docx_to_pdf(tmp_path / "letter.docx", tmp_path / "pdf"))
    for part in (
        "关于《某县农贸市场管理办法》的合法性审查意见",
        "一、基本情况",
        "三、审查意见",
        "原文：“市场管理规定”",
        "依据：《中华人民共和国行政处罚法》第十六条",
        "四、审查结论",
        "五、已审查事项",
        "—1—",
    ):
        assert part in text, part
