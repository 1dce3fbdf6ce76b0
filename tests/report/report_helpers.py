"""Shared helpers of the report tests: tricky .docx fixtures, findings on quotes, anchor read-back."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from reviewer.model import Basis, Document, Finding
from reviewer.parsing.readers.docx import body_paragraphs
from reviewer.report.anchor import iter_runs, run_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BASIS = Basis(
    "中华人民共和国行政处罚法", "第十六条", "除法律、法规、规章外，其他规范性文件不得设定行政处罚。"
)


def finding(
    doc: Document,
    quote: str,
    *,
    nth: int = 0,
    severity: str = "error",
    category: str = "penalty",
    replacement: str | None = None,
    message: str | None = None,
    rule_id: str = "TEST-RULE",
) -> Finding:
    """A Finding on the ``nth`` occurrence of ``quote`` in ``doc.text``."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(quote, start + 1)
    f = Finding(
        rule_id=rule_id,
        category=category,
        severity=severity,
        start=start,
        end=start + len(quote),
        quote=quote,
        message=message or f"测试问题：{quote}",
        suggestion="建议删除或改写。",
        replacement=replacement,
        basis=[BASIS],
        title="测试规则",
    )
    f.key = f.make_key() + str(start)
    return f


def _run(text: str, rpr: str = "") -> str:
    return f'<w:r {nsdecls("w")}>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def tricky_docx(path: Path) -> Path:
    """A draft with formatting runs, a hyperlink, a content control, fields, a text box, a table,
    a tab and a line break: everything a real draft throws at the annotator."""
    d = docx.Document()
    d.add_paragraph("某县农贸市场管理办法")
    p = d.add_paragraph()
    p.add_run("第一条").bold = True
    p.add_run("　为了规范市场秩序，")
    r = p.add_run("根据有关法律")
    r.italic = True
    p.add_run("，制定本办法。")
    p = d.add_paragraph("第二条　经营者应当遵守")
    link = parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} w:anchor="x">'
        + _run("市场管理规定", '<w:rPr><w:u w:val="single"/></w:rPr>')
        + "</w:hyperlink>"
    )
    p._p.append(link)
    p._p.append(parse_xml(_run("，违者处五百元罚款。")))
    p = d.add_paragraph("第三条　摊位费标准为")
    p._p.append(
        parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="金额"/></w:sdtPr><w:sdtContent>'
            + _run("每月二百元")
            + "</w:sdtContent></w:sdt>"
        )
    )
    p._p.append(parse_xml(_run("，由市场服务中心收取。")))
    p = d.add_paragraph("第四条　本办法共")
    p._p.append(
        parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" NUMPAGES ">' + _run("3") + "</w:fldSimple>")
    )
    p._p.append(parse_xml(_run("页，附表见第")))
    for xml in (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        _run("2"),
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p._p.append(parse_xml(xml))
    p._p.append(parse_xml(_run("页。")))
    p = d.add_paragraph("第五条　违反本办法的，")
    box = (
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:100pt;height:30pt"><v:textbox>'
        f"<w:txbxContent><w:p><w:r><w:t>文本框里的说明</w:t></w:r></w:p></w:txbxContent>"
        f"</v:textbox></v:shape></w:pict></w:r>"
    )
    p._p.append(parse_xml(box))
    p._p.append(parse_xml(_run("由镇人民政府予以查封。")))
    p = d.add_paragraph("第六条　名单\t如下")
    p.add_run().add_break()
    p.add_run("第二行由村委会收取押金。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "收费项目"
    table.cell(0, 1).text = "卫生费每户五十元"
    d.add_paragraph("第七条　本办法自发布之日起施行。")
    d.save(str(path))
    return path


def comment_anchors(path: Path) -> dict[str, str]:
    """Comment text → the visible text between its range markers (paragraphs joined by newlines)."""
    d = docx.Document(str(path))
    texts = {str(c.comment_id): c.text for c in d.comments}
    open_ids: list[str] = []
    got: dict[str, list[str]] = {}
    for i, p in enumerate(body_paragraphs(d.element.body)):
        if i:
            for cid in open_ids:
                got[cid].append("\n")
        runs = set(iter_runs(p))
        for el in p.iter():
            if el.tag == f"{W}commentRangeStart":
                cid = el.get(f"{W}id")
                open_ids.append(cid)
                got[cid] = []
            elif el.tag == f"{W}commentRangeEnd":
                open_ids.remove(el.get(f"{W}id"))
            elif el.tag == f"{W}r" and el in runs:
                for cid in open_ids:
                    got[cid].append(run_text(el))
    return {texts[cid]: "".join(parts) for cid, parts in got.items()}


def _strip(el: etree._Element) -> None:
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for m in el.iter(f"{W}{tag}"):
            m.getparent().remove(m)
    for ref in list(el.iter(f"{W}commentReference")):
        ref.getparent().getparent().remove(ref.getparent())


def _token(el: etree._Element) -> str:
    """A non-text run child as a comparable token: tag, attributes and text of its subtree."""
    return "".join(f"<{etree.QName(e).localname}{sorted(e.attrib.items())}{e.text or ''}>" for e in el.iter())


def formatted_runs(path: Path) -> list[list[tuple[str, str]]]:
    """Per body paragraph: (run properties XML, text) with neighbouring equal-format runs merged and
    comment markers removed, so a file and its annotated copy compare equal when only anchors differ."""
    body = docx.Document(str(path)).element.body
    body = etree.fromstring(etree.tostring(body))
    _strip(body)
    out = []
    for p in body_paragraphs(body):
        merged: list[tuple[str, str]] = []
        for r in p.iter(f"{W}r"):
            rpr = r.find(qn("w:rPr"))
            key = etree.tostring(rpr).decode() if rpr is not None else ""
            content = "".join(
                (c.text or "") if c.tag == f"{W}t" else _token(c) for c in r if c.tag != qn("w:rPr")
            )
            if merged and merged[-1][0] == key:
                merged[-1] = (key, merged[-1][1] + content)
            else:
                merged.append((key, content))
        out.append(merged)
    return out


def other_parts(path: Path) -> dict[str, bytes]:
    """Every part of the package except those annotating touches."""
    touched = {
        "word/document.xml",
        "word/comments.xml",
        "[Content_Types].xml",
        "word/_rels/document.xml.rels",
        "word/settings.xml",
        "docProps/core.xml",
    }
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n not in touched}
