"""The clause tree: labels, path ids, offsets, items, attachments, 起草说明 and 落款 as separate parts."""

from __future__ import annotations

from reviewer.parsing import parse_text

DRAFT = """某县农村公路养护管理办法
（征求意见稿）
第一章　总　则
第一条　为了加强农村公路养护，根据《公路法》，制定本办法。
第二条
本办法适用于下列公路：
（一）县道；
1.主干线；
（2）支线；
（二）乡道。
村道参照执行。
第二章　附　则
第一节　一般规定
第三条　本办法自发布之日起施行。
某县交通运输局
2025年1月2日
附件：1.养护标准
一、路面保持完好。
关于《某县农村公路养护管理办法》的起草说明
一、起草背景。
"""


def test_tree_labels_ids_and_spans():
    doc = parse_text(DRAFT)
    kinds = [(n.kind, n.id, n.label) for n in doc.root.walk()][1:]
    assert kinds == [
        ("title", "title1", None),
        ("chapter", "ch1", "第一章"),
        ("article", "ch1/art1", "第一条"),
        ("paragraph", "ch1/art1/p1", None),
        ("article", "ch1/art2", "第二条"),
        ("paragraph", "ch1/art2/p1", None),
        ("item", "ch1/art2/p1/i1", "（一）"),
        ("subitem", "ch1/art2/p1/i1/s1", "1."),
        ("subitem", "ch1/art2/p1/i1/s2", "（2）"),
        ("item", "ch1/art2/p1/i2", "（二）"),
        ("paragraph", "ch1/art2/p2", None),
        ("chapter", "ch2", "第二章"),
        ("section", "ch2/sec1", "第一节"),
        ("article", "ch2/sec1/art3", "第三条"),
        ("paragraph", "ch2/sec1/art3/p1", None),
        ("closing", "close1", None),
        ("closing", "close2", None),
        ("attachment", "att1", "附件：1.养护标准"),
        ("explanation", "expl1", "关于《某县农村公路养护管理办法》的起草说明"),
    ]


def test_full_width_spaces_and_headings():
    doc = parse_text(DRAFT)
    chapter = next(doc.nodes("chapter"))
    assert chapter.heading == "总则"
    first = doc.articles()[0]
    assert doc.text[first.children[0].start : first.children[0].end].startswith("为了加强农村公路养护")


def test_spans_nest_and_quote_text():
    doc = parse_text(DRAFT)
    for node in doc.root.walk():
        for child in node.children:
            assert node.start <= child.start <= child.end <= node.end
    item = next(doc.nodes("item"))
    assert doc.text[item.start : item.end] == "（一）县道；\n1.主干线；\n（2）支线；"


def test_parts_and_lookup_by_offset():
    doc = parse_text(DRAFT)
    assert doc.part_of(doc.text.index("路面保持完好")) == "attachment"
    assert doc.part_of(doc.text.index("起草背景")) == "explanation"
    assert doc.part_of(doc.text.index("某县交通运输局")) == "closing"
    assert doc.article_at(doc.text.index("乡道")).label == "第二条"
    assert len(doc.articles()) == 3


def test_ids_are_stable_when_text_before_changes():
    before = {n.id for n in parse_text(DRAFT).root.walk()}
    after = {
        n.id
        for n in parse_text(
            DRAFT.replace("为了加强农村公路养护", "为加强和改进农村公路日常养护工作")
        ).root.walk()
    }
    assert before == after


def test_duplicate_labels_stay_unique():
    doc = parse_text("第一条　甲。\n第一条　乙。\n第二条　丙。")
    assert [a.id for a in doc.articles()] == ["art1", "art1_2", "art2"]


def test_notice_without_articles_uses_outline_numbers():
    doc = parse_text("某县关于做好防汛工作的通知\n各乡镇：\n一、提高认识。\n二、落实责任。\n")
    assert [a.label for a in doc.articles()] == ["一、", "二、"]
