"""The opinion letter: GB/T 9704 layout, every finding with its basis, conclusion, coverage, decisions."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from report_helpers import finding

from reviewer.errors import InputError
from reviewer.model import Review
from reviewer.parsing import parse_text
from reviewer.report import Decision, LetterContext, write_letter
from reviewer.report.labels import checklist, cite

DRAFT = (
    "某县集贸市场管理办法（征求意见稿）\n第一条　为了规范集贸市场秩序，制定本办法。\n"
    "第二条　进场经营须经镇人民政府审批。\n第三条　违反本办法的，由镇人民政府处一千元罚款。\n"
    "第四条　市场管理人员应当及时处置有关问题。\n第五条　本办法自发布之日起施行。"
)


def _review(**kw) -> Review:
    doc = parse_text(DRAFT)
    findings = [
        finding(doc, "须经镇人民政府审批", category="permit", message="自行设定行政许可"),
        finding(doc, "处一千元罚款", message="自行设定罚款", replacement="依照有关法律规定处罚"),
        finding(doc, "及时处置有关问题", severity="info", category="vague", message="表述模糊"),
    ]
    return Review(document=doc, findings=findings, as_of=date(2025, 6, 1), catalog_version="t-1", **kw)


def _font(style, attr: str = "w:eastAsia") -> str | None:
    while style is not None:
        rpr = style.element.rPr
        rfonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if rfonts is not None and rfonts.get(qn(attr)):
            return rfonts.get(qn(attr))
        style = style.base_style
    return None


def _size(style) -> Pt | None:
    while style is not None:
        if style.font.size:
            return style.font.size
        style = style.base_style
    return None


@pytest.fixture()
def letter(tmp_path):
    rv = _review(checked={"PERMIT-01": "found", "PENALTY-01": "found", "COERCION-01": "clean"})
    out = write_letter(
        rv,
        tmp_path / "l.docx",
        context=LetterContext(
            submitter="某县市场监督管理局",
            received=date(2025, 5, 20),
            reviewer="张三",
            reviewer_org="某县司法局",
            review_date=date(2025, 5, 26),
        ),
    )
    return rv, docx.Document(str(out))


def _text(d) -> str:
    return "\n".join(p.text for p in d.paragraphs)


def test_page_and_margins(letter):
    _, d = letter
    s = d.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert [round(x.mm) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)] == [
        37,
        35,
        28,
        26,
    ]


def test_fonts_sizes_and_line_spacing(letter):
    _, d = letter
    by_text = {p.text: p for p in d.paragraphs}
    title = d.paragraphs[0]
    assert title.text == "关于《某县集贸市场管理办法（征求意见稿）》的合法性审查意见"
    assert (_font(title.style), _size(title.style)) == ("方正小标宋简体", Pt(22))
    body = by_text[
        "经审查，《某县集贸市场管理办法（征求意见稿）》存在3处问题（违法2处、提示1处），建议按本意见修改完善后提交集体审议。"
    ]
    assert (_font(body.style), _size(body.style)) == ("仿宋_GB2312", Pt(16))
    assert _font(body.style, "w:ascii") == "仿宋_GB2312"
    assert (_font(by_text["一、基本情况"].style), _size(by_text["一、基本情况"].style)) == ("黑体", Pt(16))
    assert _font(by_text["（一）是否符合法律政策"].style) == "楷体_GB2312"
    pf = d.styles["Normal"].paragraph_format
    assert pf.line_spacing_rule == WD_LINE_SPACING.EXACTLY and 28 <= pf.line_spacing.pt <= 29


def test_page_numbers(letter):
    _, d = letter
    for footer in (d.sections[0].footer, d.sections[0].even_page_footer):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml and footer.paragraphs[0].text.replace("1", "N") == "— N —"


def test_sections_and_every_finding_with_basis(letter):
    rv, d = letter
    text = _text(d)
    for heading in ("一、基本情况", "二、审查依据", "三、审查意见", "四、审查结论", "五、已审查事项"):
        assert heading in text
    assert "送审单位：某县市场监督管理局。" in text and "收文日期：2025年5月20日。" in text
    assert "以2025年6月1日为判断时点" in text
    for f in rv.findings:
        assert f"原文：“{f.quote}”" in text and f"问题：{f.message}" in text
        for b in f.basis:
            assert f"依据：{cite(b)}" in text
    assert "《中华人民共和国行政处罚法》第十六条" in text  # 审查依据 gathers the cited laws
    assert "建议将“处一千元罚款”修改为“依照有关法律规定处罚”。" in text
    assert text.index("（一）是否符合法律政策") < text.index("（二）是否符合群众利益")
    assert "某县司法局" in text and "审查人：张三" in text and "2025年5月26日" in text


def test_coverage_table_lists_every_checklist_item(letter):
    _, d = letter
    rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
    assert rows[0] == ["序号", "审查事项", "类别", "结果"]
    items = checklist()
    assert [r[1] for r in rows[1:]] == [it.title for it in items]
    status = {r[1]: r[3] for r in rows[1:]}
    titles = {it.id: it.title for it in items}
    assert status[titles["PERMIT-01"]] == "发现问题" and status[titles["COERCION-01"]] == "未发现问题"
    assert set(status.values()) <= {"发现问题", "未发现问题", "不适用", "需人工审查"}


def test_no_findings_letter_still_states_review(tmp_path):
    rv = Review(document=parse_text(DRAFT), findings=[], checked={"PERMIT-01": "clean"})
    d = docx.Document(str(write_letter(rv, tmp_path / "l.docx")))
    text = _text(d)
    assert "经逐项审查，未发现合法性问题。" in text and "同意提交集体审议" in text
    assert "审查事项清单共" in text and len(d.tables[0].rows) == len(checklist()) + 1


def test_decisions_dismiss_reword_and_override(tmp_path):
    rv = _review()
    permit, fine, vague = rv.findings
    decisions = {
        permit.key: Decision(status="dismissed"),
        fine.key: Decision(message="顾问改写的问题", suggestion="顾问的建议", note="已与起草单位沟通"),
    }
    ctx = LetterContext(conclusion="不予提交")
    text = _text(docx.Document(str(write_letter(rv, tmp_path / "l.docx", context=ctx, decisions=decisions))))
    assert permit.quote not in text.split("三、审查意见")[1]
    assert (
        "问题：顾问改写的问题" in text
        and "修改建议：顾问的建议" in text
        and "审查人意见：已与起草单位沟通" in text
    )
    assert "建议不予提交审议" in text


def test_conclusion_derived_from_findings(tmp_path):
    rv = _review()
    rv.findings = [f for f in rv.findings if f.severity == "info"]
    text = _text(docx.Document(str(write_letter(rv, tmp_path / "l.docx"))))
    assert "同意提交集体审议" in text
    rv = _review()
    rv.findings[0].category = "authority"
    text = _text(docx.Document(str(write_letter(rv, tmp_path / "l.docx"))))
    assert "建议不予提交审议" in text


def test_bad_input_is_typed(tmp_path):
    with pytest.raises(InputError) as e:
        LetterContext(conclusion="随便")
    assert e.value.code == "bad_conclusion"
    with pytest.raises(InputError) as e:
        Decision(status="maybe")
    assert e.value.code == "bad_decision"
    with pytest.raises(InputError) as e:
        write_letter(_review(), tmp_path / "l.docx", template=tmp_path / "none.docx")
    assert e.value.code == "template_missing"
    bad = docx.Document()
    bad.add_paragraph("{{ 未闭合")
    bad.save(str(tmp_path / "bad.docx"))
    with pytest.raises(InputError) as e:
        write_letter(_review(), tmp_path / "l.docx", template=tmp_path / "bad.docx")
    assert e.value.code == "template_invalid"


def test_county_template_without_code(tmp_path):
    """A county edits the template in Word (letterhead line added) and the letter uses it."""
    from reviewer.report.letter import TEMPLATE

    tpl = docx.Document(str(TEMPLATE))
    tpl.paragraphs[0].insert_paragraph_before("某县人民政府办公室")
    tpl.save(str(tmp_path / "county.docx"))
    d = docx.Document(str(write_letter(_review(), tmp_path / "l.docx", template=tmp_path / "county.docx")))
    assert d.paragraphs[0].text == "某县人民政府办公室"
    assert d.paragraphs[1].text.startswith("关于《")


def test_hostile_text_is_escaped(tmp_path):
    doc = parse_text("某办法\n第一条　处<b>五百</b>元&罚款\x0b。")
    f = finding(doc, "处<b>五百</b>元&罚款", message="含<标记>&符号")
    d = docx.Document(str(write_letter(Review(document=doc, findings=[f]), tmp_path / "l.docx")))
    text = _text(d)
    assert "原文：“处<b>五百</b>元&罚款”" in text and "问题：含<标记>&符号" in text


def test_finding_without_quote_has_no_empty_original(tmp_path):
    """Procedure findings (a missing 起草说明 …) carry no quote: no empty 原文 line anywhere."""
    from reviewer.report import to_html, to_markdown

    rv = _review()
    missing = finding(rv.document, "第五条", category="procedure", message="未提交起草说明")
    missing.quote, missing.start, missing.end, missing.article = "", 0, 0, "送审材料"
    rv.findings.append(missing)
    text = _text(docx.Document(str(write_letter(rv, tmp_path / "l.docx"))))
    assert "送审材料　【违法】测试规则" in text and "问题：未提交起草说明" in text
    assert "原文：“”" not in text and "原文：“”" not in to_markdown(rv) and "原文：“”" not in to_html(rv)
