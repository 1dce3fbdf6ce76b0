"""The .docx reader: order, tables, numbering, tracked changes, parts kept apart, offset mapping."""

from __future__ import annotations

import docx
import pytest
from parse_helpers import SAMPLES, W_NS, docx_bytes, numbering_part, para, run, wrap

from reviewer.parsing import parse
from reviewer.parsing.readers.docx import body_paragraphs, paragraph_text
from reviewer.parsing.readers.numbering import format_number

ARTICLES = numbering_part(
    ("chineseCounting", "第%1条\u3000"), ("chineseCounting", "（%2）"), ("decimal", "%3.")
)


def test_paragraphs_and_tables_in_document_order():
    table = (
        "<w:tbl><w:tr><w:tc>" + para("甲") + "</w:tc><w:tc>" + para("乙") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + para("丙") + "</w:tc><w:tc>" + para("丁") + "</w:tc></w:tr></w:tbl>"
    )
    doc = parse(docx_bytes(para("第一条　前文。") + table + para("第二条　后文。")))
    assert doc.text.split("\n") == ["第一条　前文。", "甲", "乙", "丙", "丁", "第二条　后文。"]
    cells = [b["provenance"] for b in doc.blocks if "table" in b["provenance"]]
    assert cells[3] == {"paragraph": 4, "table": 0, "row": 1, "cell": 1}
    assert doc.source.format == "docx"


def test_auto_numbering_rendered_into_labels():
    body = "".join(para(f"正文{i}。", num=(1, 0)) for i in range(1, 12))
    body += para("有下列情形：", num=(1, 0)) + para("甲；", num=(1, 1)) + para("乙。", num=(1, 1))
    body += para("细目", num=(1, 2)) + para("第十三条后又一条", num=(1, 0)) + para("新项", num=(1, 1))
    doc = parse(docx_bytes(body, {"numbering": ARTICLES}))
    labels = [a.label for a in doc.articles()]
    assert labels[:3] == ["第一条", "第二条", "第三条"] and labels[9:] == [
        "第十条",
        "第十一条",
        "第十二条",
        "第十三条",
    ]
    items = [n.label for n in doc.nodes("item")]
    assert items == ["（一）", "（二）", "（一）"]  # items restart under a new article
    assert "（二）乙。\n1.细目" in doc.text
    first = doc.blocks[0]["provenance"]
    assert first == {"paragraph": 0, "numbering_prefix": 4}


def test_numbering_from_style_start_override_and_shared_list():
    styles = wrap(
        "styles",
        '<w:style w:type="paragraph" w:styleId="Art"><w:pPr><w:numPr><w:ilvl w:val="0"/>'
        '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Art2"><w:basedOn w:val="Art"/></w:style>',
    )
    numbering = numbering_part(("decimal", "%1、"), num_id=1, extra_num=2, start_override=5)
    body = (
        para("一", style="Art") + para("二", style="Art2") + para("五", num=(2, 0)) + para("六", num=(2, 0))
    )
    body += para("无编号", num=(0, 0))
    doc = parse(docx_bytes(body, {"numbering": numbering, "styles": styles}))
    assert doc.text.split("\n") == ["1、一", "2、二", "5、五", "6、六", "无编号"]


@pytest.mark.parametrize(
    ("n", "fmt", "out"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (21, "chineseCountingThousand", "二十一"),
        (105, "chineseCounting", "一百零五"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "ideographTraditional", "乙"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (7, "decimalZero", "07"),
        (12, "decimalFullWidth", "１２"),
        (3, "chineseLegalSimplified", "叁"),
        (5, "mystery", "5"),
    ],
)
def test_number_formats(n, fmt, out):
    assert format_number(n, fmt) == out


def test_tracked_changes_read_as_accepted():
    body = para(
        "应救尽救、",
        f'<w:ins w:id="1" w:author="a">{run("精准施救、")}</w:ins>',
        '<w:del w:id="2" w:author="a"><w:r><w:delText>资金优先</w:delText></w:r></w:del>',
        '<w:moveFrom w:id="3"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>',
        f'<w:moveTo w:id="4">{run("新位置")}</w:moveTo>',
    )
    assert parse(docx_bytes(body)).text == "应救尽救、精准施救、新位置"


def test_runs_inside_links_tags_and_fields_but_not_hidden_or_instructions():
    body = para(
        f'<w:hyperlink r:id="rId99">{run("《行政许可法》")}</w:hyperlink>',
        f"<w:smartTag>{run('第十二条')}</w:smartTag>",
        f"<w:sdt><w:sdtContent>{run('规定')}</w:sdtContent></w:sdt>",
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        run("3"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>",
        "<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>",
    )
    doc = parse(docx_bytes(body))
    assert doc.text == "《行政许可法》第十二条规定3甲\t乙\n丙"
    assert doc.blocks[1]["provenance"] == {"paragraph": 0, "block_offset": 18}


def test_headers_footers_notes_and_comments_kept_apart():
    parts = {
        "header": wrap("hdr", para("某县人民政府文件")),
        "footer": wrap("ftr", para("— 1 —")),
        "footnotes": wrap(
            "footnotes",
            '<w:footnote w:type="separator" w:id="-1">'
            + para("—")
            + "</w:footnote>"
            + '<w:footnote w:id="1">'
            + para("脚注：参见有关规定。")
            + "</w:footnote>",
        ),
        "comments": wrap(
            "comments", '<w:comment w:id="0" w:author="审">' + para("请核实依据。") + "</w:comment>"
        ),
    }
    box = '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
    box += para("文本框内容") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    body = para("第一条　正文", '<w:r><w:footnoteReference w:id="1"/></w:r>', box, "内容。")
    doc = parse(docx_bytes(body, parts))
    assert doc.text == "第一条　正文内容。"
    assert doc.extras == {
        "headers": ["某县人民政府文件"],
        "footers": ["— 1 —"],
        "footnotes": ["脚注：参见有关规定。"],
        "comments": ["请核实依据。"],
        "textboxes": ["文本框内容"],
    }


def test_sample_with_word_auto_numbering():
    doc = parse(SAMPLES / "rental_autonum.docx")
    labels = [a.label for a in doc.articles()]
    assert labels[0] == "第一条" and labels[-1] == "第二十条" and len(labels) == 20
    assert [
        n.label
        for n in doc.article_at(doc.text.index("办理房屋租赁登记备案，应当提交")).walk()
        if n.kind == "item"
    ] == ["（一）", "（二）", "（三）", "（四）"]
    assert "第四条　房屋租赁合同订立后三十日内" in doc.text


def test_sample_with_tracked_changes_and_comment():
    doc = parse(SAMPLES / "relief_tracked.docx")
    assert "公开公平公正、及时高效的原则" in doc.text and "资金优先" not in doc.text
    assert "自受理申请之日起十个工作日内" in doc.text and "无犯罪记录证明" not in doc.text
    assert doc.extras["comments"] == ["请核实该证明事项是否有法律法规依据。"]
    assert "柳溪镇人民政府" in doc.extras["headers"]


@pytest.mark.parametrize(
    "name", ["stalls.docx", "rental_autonum.docx", "relief_tracked.docx", "billboards.docx"]
)
def test_offsets_map_back_to_docx_paragraph_characters(name):
    """doc.text[block.start + numbering_prefix:] is the paragraph's run text, found from python-docx's body."""
    doc = parse(SAMPLES / name)
    paragraphs = body_paragraphs(docx.Document(str(SAMPLES / name)).element.body)
    for block in doc.blocks:
        prov = block["provenance"]
        own = paragraph_text(paragraphs[prov["paragraph"]])
        start = block["start"] + prov.get("numbering_prefix", 0) - prov.get("block_offset", 0)
        assert doc.text[start : start + len(own)] == own
    assert paragraphs[0].tag == f"{{{W_NS}}}p"
