"""Metadata: title, draft marker, issuer, 文号, dates, 施行日期, 有效期, 制定依据."""

from __future__ import annotations

from datetime import date

import pytest
from parse_helpers import SAMPLES

from reviewer.numerals import cn_to_int, find_dates
from reviewer.parsing import parse, parse_text

NOTICE = """某县人民政府关于印发《某县城区停车管理暂行办法》的通知
某政规〔2024〕3号
各乡镇人民政府，县政府各部门：
现将《某县城区停车管理暂行办法》印发给你们，请认真贯彻执行。
某县城区停车管理暂行办法
第一条　为了规范停车秩序，根据《中华人民共和国道路交通安全法》《城市道路管理条例》等法律法规，结合本县实际，制定本办法。
第二条　停车泊位使用证有效期为一年。
第三条　本办法自二〇二五年一月一日起施行，有效期三年。
某县人民政府
二〇二四年十二月二十日
"""


def test_notice_wrapping_a_measure():
    md = parse_text(NOTICE).metadata
    assert md.title == "某县城区停车管理暂行办法" and md.doc_type == "办法" and md.provisional
    assert md.issuer == "某县人民政府" and md.doc_number == "某政规〔2024〕3号"
    assert md.issue_date == date(2024, 12, 20)
    assert md.effective_date == date(2025, 1, 1) and not md.effective_on_publication
    assert md.validity.years == 3 and md.validity.until == date(2028, 1, 1)
    assert md.basis_laws == ["中华人民共和国道路交通安全法", "城市道路管理条例"]
    text = parse_text(NOTICE).text
    assert text[md.basis_span.start : md.basis_span.end] == md.basis_span.text
    assert text[md.effective_span.start : md.effective_span.end] == "自二〇二五年一月一日起施行"


@pytest.mark.parametrize(
    ("clause", "years", "until", "indefinite"),
    [
        ("本办法自2025年1月1日起施行，有效期5年。", 5, date(2030, 1, 1), False),
        ("本办法自2025年1月1日起施行，有效期至2029年12月31日。", 5.0, date(2029, 12, 31), False),
        ("本规定自2025年1月1日起施行，有效期为两年。", 2, date(2027, 1, 1), False),
        ("本办法自2025年1月1日起施行，长期有效。", None, None, True),
    ],
)
def test_validity_forms(clause, years, until, indefinite):
    md = parse_text(f"某县办法\n第一条　许可证有效期为一年。\n第二条　{clause}").metadata
    assert (md.validity.years, md.validity.until, md.validity.indefinite) == (years, until, indefinite)


def test_effective_on_publication_and_markers():
    md = parse_text("某镇养犬管理规定（送审稿）\n第一条　本规定自印发之日起施行。").metadata
    assert md.effective_on_publication and md.effective_date is None and md.validity is None
    assert md.draft_marker == "送审稿" and md.title == "某镇养犬管理规定" and md.doc_type == "规定"


def test_chinese_and_arabic_dates():
    found = [
        d
        for d, _, _ in find_dates("二〇二四年三月一日、2024年3月1日、二○二四年十二月三十一日、2024年2月30日")
    ]
    assert found == [date(2024, 3, 1), date(2024, 3, 1), date(2024, 12, 31)]
    assert cn_to_int("一百零五") == 105 and cn_to_int("二〇二四") == 2024 and cn_to_int("十") == 10


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "stalls.docx",
            {
                "title": "清河县城区临时摊点管理办法",
                "draft_marker": "征求意见稿",
                "effective_date": "2025-03-01",
                "years": 5,
            },
        ),
        (
            "rental_autonum.docx",
            {
                "title": "清河县住房租赁登记备案管理规定",
                "draft_marker": "送审稿",
                "issuer": "清河县住房和城乡建设局",
                "issue_date": "2025-03-10",
                "until": "2030-04-30",
            },
        ),
        (
            "relief_tracked.docx",
            {
                "title": "柳溪镇困难群众临时救助实施细则",
                "issuer": "柳溪镇人民政府",
                "issue_date": "2025-04-08",
                "years": 10,
                "effective_on_publication": True,
            },
        ),
        (
            "billboards.pdf",
            {
                "title": "清河县户外广告设施设置管理办法",
                "effective_date": "2025-03-01",
                "until": "2030-12-31",
            },
        ),
        (
            "dogs_gb18030.txt",
            {
                "title": "清河县文明养犬管理暂行办法",
                "issuer": "清河县人民政府",
                "doc_number": "清政规〔2024〕5号",
                "issue_date": "2024-11-08",
                "years": 2,
            },
        ),
    ],
)
def test_sample_metadata(name, expected):
    md = parse(SAMPLES / name).metadata.to_dict()
    validity = md.pop("validity") or {}
    got = {**md, "years": validity.get("years"), "until": validity.get("until")}
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "number", "effective", "years"),
    [
        (
            "某县办法\n某政发[2024]7号\n第一条　本办法从2025年2月1日起施行，试行期2年。",
            "某政发[2024]7号",
            date(2025, 2, 1),
            2,
        ),
        (
            "某县办法\n某政办（2023）12号\n第一条　本办法于2024年6月1日起实施，有效期限为3年。",
            "某政办（2023）12号",
            date(2024, 6, 1),
            3,
        ),
    ],
)
def test_variant_forms(text, number, effective, years):
    md = parse_text(text).metadata
    assert (md.doc_number, md.effective_date, md.validity.years) == (number, effective, years)
