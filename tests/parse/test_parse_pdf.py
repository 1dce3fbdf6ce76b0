"""PDF with a text layer and scanned PDF (OCR): paragraphs rebuilt, margins kept apart, provenance."""

from __future__ import annotations

import io
import re
import sys

import pytest
from parse_helpers import HAS_SOFFICE, SAMPLES

from reviewer.errors import DependencyError
from reviewer.parsing import parse
from reviewer.parsing.readers import ocr
from reviewer.parsing.readers.layout import PAGE_NUMBER, Line, Page, clean
from reviewer.parsing.readers.pdf import _garbled

sys.path.insert(0, str(SAMPLES))
from make_samples import (  # noqa: E402
    expected_text,
    new_document,  # noqa: E402
)

from reviewer.report.pdf import docx_to_pdf  # noqa: E402


def _lines(text: str) -> list[str]:
    return [re.sub(r"\s", "", line) for line in text.split("\n") if line.strip()]


@pytest.fixture(scope="module")
def pdf_doc():
    return parse(SAMPLES / "billboards.pdf")


def test_text_pdf_rebuilds_the_paragraphs_of_its_source(pdf_doc):
    assert _lines(pdf_doc.text) == _lines(expected_text("billboards.txt"))
    assert pdf_doc.source.format == "pdf" and pdf_doc.source.pages == 4


def test_text_pdf_has_no_page_furniture_or_stray_spaces(pdf_doc):
    assert "清河县城市管理局" not in pdf_doc.text.split("\n")[0]
    assert pdf_doc.extras["headers"] == ["清河县城市管理局"]
    assert not re.search(r"—\s*\d+\s*—", pdf_doc.text)
    assert not re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]", pdf_doc.text)
    assert "第一条\u3000为加强户外广告设施设置管理" in pdf_doc.text


@pytest.mark.libreoffice
@pytest.mark.skipif(not HAS_SOFFICE, reason="未安装 LibreOffice（soffice）")
def test_paragraph_spanning_a_page_break_is_one_block(tmp_path):
    long = "第二条　" + "本条规定的事项应当依法办理，不得增加申请人的义务。" * 60
    doc = new_document("某县人民政府文件")  # GB/T 9704 page with a header and a page-number footer
    doc.add_paragraph("第一条　为了测试跨页段落，制定本办法。")
    doc.add_paragraph(long)
    doc.add_paragraph("第三条　本办法自发布之日起施行。")
    doc.save(tmp_path / "long.docx")
    pdf = docx_to_pdf(tmp_path / "long.docx", tmp_path, notes=False)
    parsed = parse(pdf)
    assert parsed.source.pages >= 2
    assert parsed.text.split("\n") == [
        "第一条　为了测试跨页段落，制定本办法。",
        long,
        "第三条　本办法自发布之日起施行。",
    ]
    assert parsed.blocks[1]["provenance"]["end_page"] >= 2
    assert parsed.extras["headers"] == ["某县人民政府文件"]


def test_provenance_gives_page_and_box(pdf_doc):
    article = pdf_doc.articles()[0]
    prov = article.provenance
    assert prov["page"] == 1 and len(prov["bbox"]) == 4
    x0, top, x1, bottom = prov["bbox"]
    assert 0 <= x0 < x1 <= 600 and 0 <= top < bottom <= 842


@pytest.mark.parametrize(
    ("line", "is_number"),
    [
        ("— 3 —", True),
        ("- 12 -", True),
        ("第3页 共9页", True),
        ("3/9", True),
        ("第三条", False),
        ("2025年", False),
    ],
)
def test_page_number_pattern(line, is_number):
    assert bool(PAGE_NUMBER.match(line)) is is_number


def test_spaces_next_to_chinese_removed_but_label_gap_kept():
    assert clean("第 65 条 规定 的 ABC 事项") == "第65条规定的ABC事项"
    assert clean("第四条 县 人民政府") == "第四条\u3000县人民政府"


@pytest.mark.slow
@pytest.mark.skipif(not ocr.available(), reason="OCR 组件（rapidocr、onnxruntime）未安装")
def test_scanned_pdf_is_read_by_ocr():
    doc = parse(SAMPLES / "market_scanned.pdf")
    assert doc.source.format == "pdf-ocr"
    expected, got = _lines(expected_text("market.txt")), _lines(doc.text)
    same = sum(a == b for a, b in zip(expected, got, strict=False))
    assert len(got) == len(expected) and same >= len(expected) - 2
    assert [a.label for a in doc.articles()][-1] == "第十九条"
    assert any("OCR" in w for w in doc.warnings)


def test_scanned_pdf_without_ocr_says_how_to_install(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(DependencyError) as err:
        parse(SAMPLES / "market_scanned.pdf")
    assert err.value.code == "missing_dependency" and "pip install" in err.value.message


def test_mixed_pdf_without_ocr_keeps_text_pages_and_warns(monkeypatch):
    import pypdfium2 as pdfium

    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(str(SAMPLES / "billboards.pdf")), [0])
    mixed.import_pages(pdfium.PdfDocument(str(SAMPLES / "market_scanned.pdf")), [0])
    buf = io.BytesIO()
    mixed.save(buf)
    monkeypatch.setattr(ocr, "available", lambda: False)
    doc = parse(buf.getvalue())
    assert doc.source.format == "pdf" and doc.articles()[0].label == "第一条"
    assert "农贸市场" not in doc.text and "第 2 页为扫描图像" in doc.warnings[0]


def test_garbled_text_layer_detected():
    lines = [Line(1, 0, 0, 100, 10, "(cid:12)(cid:34)(cid:56)") for _ in range(5)]
    assert _garbled(Page(1, 595, 842, lines))
    assert not _garbled(Page(1, 595, 842, [Line(1, 0, 0, 100, 10, "第一条　正文。")]))
