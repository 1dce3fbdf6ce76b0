"""The annotated draft: comments on exactly the finding's characters, nothing else changed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from report_helpers import W, comment_anchors, finding, formatted_runs, other_parts, tricky_docx

from reviewer.parsing import parse, parse_text
from reviewer.parsing.readers.docx import body_paragraphs, paragraph_text
from reviewer.report import write_annotated
from reviewer.report.anchor import Para
from reviewer.report.labels import comment_text

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
# Quotes in tricky_docx: mid-run, across formatting runs, inside and across a hyperlink, inside a content
# control, around a simple field and a complex field, next to a text box, across a tab and a line break,
# inside a table cell, across two paragraphs.
QUOTES = [
    "市场秩序",
    "第一条　为了",
    "有关法律，制定",
    "市场管理规定",
    "规定，违者处五百元罚款",
    "每月二百元",
    "标准为每月",
    "共3页",
    "第2页",
    "予以查封",
    "名单\t如下",
    "如下\n第二行",
    "卫生费每户五十元",
    "制定本办法。\n第二条",
]


@pytest.fixture(scope="module")
def tricky(tmp_path_factory) -> Path:
    return tricky_docx(tmp_path_factory.mktemp("src") / "tricky.docx")


def test_reader_and_annotator_count_the_same_text(tricky):
    body = docx.Document(str(tricky)).element.body
    for p in body_paragraphs(body):
        assert Para.read(p).text == paragraph_text(p)


@pytest.mark.parametrize("quote", QUOTES)
def test_comment_sits_on_exact_quote(tricky, tmp_path, quote):
    doc = parse(tricky)
    f = finding(doc, quote)
    out = tmp_path / "a.docx"
    result = write_annotated(tricky, [f], out, doc=doc)
    assert (result.anchored, result.relocated, result.unanchored) == (1, 0, [])
    assert comment_anchors(out) == {comment_text(f): quote}


def test_everything_else_unchanged(tricky, tmp_path):
    doc = parse(tricky)
    findings = [finding(doc, q) for q in QUOTES]
    out = tmp_path / "a.docx"
    write_annotated(tricky, findings, out, doc=doc)
    assert len(comment_anchors(out)) == len(QUOTES)
    assert formatted_runs(out) == formatted_runs(tricky)
    assert other_parts(out) == other_parts(tricky)
    again = parse(out)
    assert again.text == doc.text
    box = docx.Document(str(out)).element.body.xpath(".//w:txbxContent//w:t")
    assert [t.text for t in box] == ["文本框里的说明"]


def test_overlapping_and_adjacent_spans(tricky, tmp_path):
    doc = parse(tricky)
    quotes = ["为了规范市场秩序", "规范市场", "秩序，", "根据有关法律"]  # nested, overlapping, adjacent
    findings = [finding(doc, q, message=f"问题{i}") for i, q in enumerate(quotes)]
    out = tmp_path / "a.docx"
    write_annotated(tricky, findings, out, doc=doc)
    got = comment_anchors(out)
    assert got == {comment_text(f): f.quote for f in findings}
    assert formatted_runs(out) == formatted_runs(tricky)


def test_numbering_prefix_is_skipped():
    path = SAMPLES / "rental_autonum.docx"
    if not path.exists():
        pytest.skip("samples/rental_autonum.docx 尚未生成")
    doc = parse(path)
    block = next(b for b in doc.blocks if b["provenance"].get("numbering_prefix"))
    n = block["provenance"]["numbering_prefix"]
    f = finding(doc, doc.text[block["start"] : block["start"] + n + 4])
    out = Path(pytest.importorskip("tempfile").mkdtemp()) / "a.docx"
    write_annotated(path, [f], out, doc=doc)
    assert list(comment_anchors(out).values()) == [doc.text[block["start"] + n : block["start"] + n + 4]]


def test_samples_findings_anchor_exactly(tmp_path):
    from reviewer.api import review

    paths = sorted(SAMPLES.glob("*.docx"))
    if not paths:
        pytest.skip("samples 尚未生成")
    for path in paths:
        doc = parse(path)
        rv = review(doc)
        out = tmp_path / path.name
        result = write_annotated(path, rv.findings, out, doc=doc)
        assert result.unanchored == [] and result.relocated == 0, path.name
        anchors = comment_anchors(out)
        for f in rv.findings:
            if f.end > f.start:
                assert anchors[comment_text(f)] == f.quote, (path.name, f.rule_id)


def test_tracked_change_replaces_the_quote(tricky, tmp_path):
    doc = parse(tricky)
    f = finding(doc, "予以查封", replacement="依法处理")
    g = finding(doc, "处五百元罚款", replacement="")
    out = tmp_path / "a.docx"
    result = write_annotated(tricky, [f, g], out, doc=doc, tracked_changes=True)
    assert result.tracked == 2
    body = docx.Document(str(out)).element.body
    dels = ["".join(t.text for t in d.iter(f"{W}delText")) for d in body.xpath(".//w:del")]
    ins = ["".join(t.text for t in i.iter(f"{W}t")) for i in body.xpath(".//w:ins")]
    assert dels == ["处五百元罚款", "予以查封"] and ins == ["依法处理"]
    accepted = parse(out).text  # the reader accepts tracked changes
    assert "由镇人民政府依法处理。" in accepted and "违者。" in accepted
    assert comment_anchors(out)[comment_text(f)] == "依法处理"


def test_tracked_change_skipped_when_spans_overlap(tricky, tmp_path):
    doc = parse(tricky)
    f = finding(doc, "予以查封", replacement="依法处理")
    g = finding(doc, "查封", message="另一个问题")
    result = write_annotated(tricky, [f, g], tmp_path / "a.docx", doc=doc, tracked_changes=True)
    assert result.tracked == 0 and result.anchored == 2


def test_relocates_when_offsets_do_not_line_up(tricky, tmp_path):
    doc = parse(tricky)
    f = finding(doc, "予以查封")
    f.start, f.end = f.start + 3, f.end + 3  # stale offsets, quote still right
    out = tmp_path / "a.docx"
    result = write_annotated(tricky, [f], out, doc=parse_text("无关的文本\n" * 3))
    assert result.relocated == 1
    assert list(comment_anchors(out).values()) == ["予以查封"]


def test_text_input_rendered_and_commented(tmp_path):
    text = "某镇养犬管理办法\n第一章　总则\n第一条　养犬人应当办理登记。\n第二条　违者由镇政府处二百元罚款。"
    doc = parse_text(text)
    f = finding(doc, "处二百元罚款")
    empty = finding(doc, "办法")
    empty.end = empty.start  # a "missing …" finding without characters
    out = tmp_path / "a.docx"
    result = write_annotated(doc, [f, empty], out)
    assert result.anchored == 2
    d = docx.Document(str(out))
    assert "\n".join(p.text for p in d.paragraphs) == text
    assert comment_anchors(out)[comment_text(f)] == "处二百元罚款"
    assert comment_anchors(out)[comment_text(empty)] == "某镇养犬管理办法"


def test_500_findings_and_a_5000_char_paragraph(tmp_path):
    long = "第一条　" + "经营者应当依法经营并处一百元罚款，" * 294
    text = "某县测试办法\n" + long + "\n第二条　本办法自发布之日起施行。"
    d = docx.Document()
    for line in text.split("\n"):
        p = d.add_paragraph()
        for i in range(0, len(line), 37):  # many small runs
            p.add_run(line[i : i + 37]).bold = (i // 37) % 2 == 0
    src = tmp_path / "long.docx"
    d.save(str(src))
    doc = parse(src)
    assert len(long) > 5000
    findings = [finding(doc, "处一百元罚款", nth=i, message=f"问题{i}") for i in range(294)]
    findings += [finding(doc, "依法经营", nth=i, message=f"另{i}", severity="info") for i in range(206)]
    out = tmp_path / "a.docx"
    result = write_annotated(src, findings, out, doc=doc)
    assert result.anchored == 500
    anchors = comment_anchors(out)
    assert len(anchors) == 500 and set(anchors.values()) == {"处一百元罚款", "依法经营"}
    assert formatted_runs(out) == formatted_runs(src)
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None


def test_pdf_like_source_without_provenance(tmp_path):
    doc = parse_text("某县办法\n第一条　处三百元罚款。")
    doc.blocks = [{**b, "provenance": {"page": 1}} for b in doc.blocks]
    f = finding(doc, "处三百元罚款")
    out = tmp_path / "a.docx"
    assert write_annotated(doc, [f], out).anchored == 1
    assert list(comment_anchors(out).values()) == ["处三百元罚款"]


def test_unreadable_source_is_a_typed_error(tmp_path):
    from reviewer.errors import InputError

    with pytest.raises(InputError):
        write_annotated(tmp_path / "missing.docx", [], tmp_path / "a.docx")
