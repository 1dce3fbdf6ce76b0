"""Citation parsing and the citation checks, called directly on parsed documents."""

from datetime import date

import pytest

from reviewer.checks import Context
from reviewer.checks.citations import article_range, outdated, unknown
from reviewer.knowledge import citations
from reviewer.parsing import parse_text


def _quotes(check, text, as_of=None):
    doc = parse_text(text)
    return [doc.text[h.start : h.end] for h in check(doc, Context(as_of=as_of, fragment=True))]


def test_articles_after_a_title():
    text = "依照《中华人民共和国行政许可法》第十七条、第二十条第一款和第30条的规定"
    (cit,) = citations.find(text)
    assert cit.title == "中华人民共和国行政许可法"
    assert [a.number for a in cit.articles] == [17, 20, 30]
    assert text[cit.articles[1].start : cit.articles[1].end] == "、第二十条第一款"[1:]


def test_version_note_after_the_brackets():
    (cit,) = citations.find("依照《行政复议法》（2017年修正）第十二条")
    assert cit.note == "（2017年修正）" and [a.number for a in cit.articles] == [12]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("根据《合同法的规定，以及《民法典》第五条", ["民法典"]),  # unbalanced 《
        ("根据《《民法典》》", ["民法典"]),  # nested 《《》》
        ("根据《中华人民共和国\n行政许可法》", ["中华人民共和国行政许可法"]),  # PDF line break
        ("《河北省实施《中华人民共和国种子法》办法》", ["河北省实施《中华人民共和国种子法》办法"]),
        ("文中只有》和《，没有书名", []),
    ],
)
def test_bad_input_titles(text, titles):
    assert [c.title for c in citations.find(text)] == titles


def test_two_hundred_citations_in_one_paragraph():
    text = "、".join(["《中华人民共和国合同法》第五百条", "《行政许可法》第十七条"] * 100) + "。"
    found = citations.find(text)
    assert len(found) == 200
    assert len(_quotes(outdated, text)) == 100
    assert len(_quotes(article_range, text, as_of=date(2019, 1, 1))) == 100  # 合同法 had 428 articles


def test_repealed_law_is_outdated_with_successor():
    doc = parse_text("第一条　根据《中华人民共和国物权法》《中华人民共和国土地管理法》，制定本办法。")
    (hit,) = outdated(doc, Context(fragment=True))
    assert doc.text[hit.start : hit.end] == "《中华人民共和国物权法》"
    assert hit.replacement == "《中华人民共和国民法典》" and "民法典" in hit.message


def test_time_aware_for_older_documents():
    text = "第一条　根据《中华人民共和国合同法》，制定本办法。"
    assert _quotes(outdated, text, as_of=date(2019, 5, 1)) == []
    assert _quotes(outdated, text, as_of=date(2021, 5, 1)) == ["《中华人民共和国合同法》"]


def test_judged_at_the_drafts_effective_date():
    text = "关于村集体合同管理的办法\n第一条　根据《中华人民共和国合同法》，制定本办法。\n第二条　本办法自2019年5月1日起施行。"
    doc = parse_text(text)
    assert doc.metadata.effective_date == date(2019, 5, 1)
    assert list(outdated(doc, Context())) == []


@pytest.mark.parametrize(
    "text",
    [
        "第十五条　本办法施行前依据原《中华人民共和国合同法》签订的合同，继续有效。",
        "第十六条　《中华人民共和国合同法》（已废止）的相关规定不再适用。",
        "第十七条　县城市房屋拆迁安置办法同时废止，原依据《城市房屋拆迁管理条例》作出的决定继续有效。",
    ],
)
def test_historical_mentions_are_not_outdated(text):
    assert _quotes(outdated, text) == []


def test_superseded_version_is_outdated():
    text = "第九条　依照《中华人民共和国行政复议法（2017年修正）》第十二条申请复议。"
    (q,) = _quotes(outdated, text, as_of=date(2024, 6, 1))
    assert q == "《中华人民共和国行政复议法（2017年修正）》"


def test_article_beyond_the_count_of_the_version_in_force():
    text = "第十条　依照《中华人民共和国行政许可法》第八十三条、第八十四条的规定处理。"
    assert _quotes(article_range, text) == ["第八十四条"]
    # 治安管理处罚法: 119 articles until 2025, 144 from 2026-01-01
    police = "第三条　依照《治安管理处罚法》第一百三十条处理。"
    assert _quotes(article_range, police, as_of=date(2025, 6, 1)) == ["第一百三十条"]
    assert _quotes(article_range, police, as_of=date(2026, 6, 1)) == []


def test_article_range_uses_the_cited_version():
    text = "第九条　依照《行政复议法》（2017年修正）第四十五条。"
    assert _quotes(article_range, text, as_of=date(2024, 6, 1)) == ["第四十五条"]


def test_unknown_titles_are_info_and_near_twins_are_named():
    doc = parse_text(
        "第三条　依据《野生植物保护法》《农村宅基地审批管理法》《野生植物保护法》和《关于加强管理的通知》。"
    )
    hits = list(unknown(doc, Context(fragment=True)))
    assert [doc.text[h.start : h.end] for h in hits] == ["《野生植物保护法》", "《农村宅基地审批管理法》"]
    assert hits[0].data["candidate"] == "中华人民共和国野生动物保护法" and "请核对名称" in hits[0].message
    assert list(outdated(doc, Context(fragment=True))) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("第三条　依据合同法和物权法的有关规定签订承包合同。", ["合同法", "物权法"]),
        ("第四条　依照中华人民共和国担保法办理抵押登记。", ["中华人民共和国担保法"]),
        ("第五条　用人单位应当依照劳动合同法签订劳动合同。", []),
        ("第六条　坚持物权法定原则。", []),
        ("第七条　依据原合同法于2018年签订的合同继续履行。", []),
        ("第八条　依照噪声污染防治法处理。", []),
    ],
)
def test_repealed_law_named_without_brackets(text, want):
    assert _quotes(outdated, text) == want


def test_bare_names_are_time_aware():
    assert _quotes(outdated, "第三条　依据合同法签订合同。", as_of=date(2019, 6, 1)) == []
