"""JSON (validated against its schema), Markdown and the standalone HTML report."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import jsonschema
from report_helpers import finding

from reviewer.model import Review
from reviewer.parsing import parse_text
from reviewer.report import SCHEMA_PATH, Decision, report_dict, to_html, to_json, to_markdown
from reviewer.report.html_report import segments

DRAFT = "某县摊点管理办法\n第一条　摊主须缴纳保证金五百元。\n第二条　违者处二百元罚款并予以通报。"


def _review() -> Review:
    doc = parse_text(DRAFT)
    return Review(
        document=doc,
        findings=[
            finding(doc, "须缴纳保证金五百元", category="fee", severity="warning", message="收取保证金"),
            finding(doc, "处二百元罚款并予以通报", message="设定处罚"),
            finding(doc, "予以通报", message="通报批评", replacement=""),
        ],
    )


def test_json_validates_against_schema():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    rv = _review()
    data = json.loads(to_json(rv))
    jsonschema.validate(data, schema)
    assert data["schema"] == "fashen.report/1"
    assert [f["quote"] for f in data["findings"]] == [
        "须缴纳保证金五百元",
        "处二百元罚款并予以通报",
        "予以通报",
    ]
    for f in data["findings"]:
        assert data["document"]["text"][f["start"] : f["end"]] == f["quote"]
    assert data["summary"] == {
        "total": 3,
        "by_severity": {"error": 2, "warning": 1},
        "by_category": {"fee": 1, "penalty": 2},
    }
    empty = report_dict(Review(document=parse_text(DRAFT)))
    jsonschema.validate(empty, schema)
    assert empty["review"]["conclusion"] == "同意提交" and len(empty["checked"]) > 50


def test_json_applies_decisions():
    rv = _review()
    key = rv.findings[0].key
    data = report_dict(
        rv, decisions={key: Decision(status="dismissed"), rv.findings[1].key: Decision(note="确认")}
    )
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert data["dismissed"] == [key] and data["summary"]["total"] == 2
    assert data["findings"][0]["decision"] == {"status": "accepted", "note": "确认"}


def test_markdown_lists_findings_and_coverage():
    md = to_markdown(_review())
    assert md.startswith("# 《某县摊点管理办法》合法性审查结果")
    assert "- 审查结论：修改后提交" in md and "- 问题数：3（违法2处，风险1处）" in md
    assert "原文：“处二百元罚款并予以通报”" in md and "依据：《中华人民共和国行政处罚法》第十六条" in md
    assert "建议删除“予以通报”。" in md
    assert "## 已审查事项" in md and "| 1 |" in md


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.marks, self._in = set(), [], [], None
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.append(a["href"][1:])
        if tag == "a" and "hl" in a.get("class", ""):
            self._in = a
            self.marks.append([a["href"], ""])

    def handle_endtag(self, tag):
        if tag == "a":
            self._in = None

    def handle_data(self, data):
        if self._in is not None:
            self.marks[-1][1] += data


def test_html_highlights_link_both_ways():
    page = to_html(_review())
    parser = _Links()
    parser.feed(page)
    assert all(h in parser.ids for h in parser.hrefs)  # every link has a target
    for n in (1, 2, 3):
        assert f"f-{n}" in parser.ids and f"i-{n}" in parser.ids
    highlighted = "".join(t for _, t in parser.marks)
    assert highlighted == "须缴纳保证金五百元处二百元罚款并予以通报"
    assert ("#i-3", "予以通报") in [tuple(m) for m in parser.marks]
    assert "<script" not in page and "http" not in page.split("<body>")[1]  # standalone


def test_html_escapes_draft_text():
    doc = parse_text("办法\n第一条　<script>alert(1)</script>处罚款。")
    page = to_html(Review(document=doc, findings=[finding(doc, "处罚款")]))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_segments_overlap_adjacent_and_pins():
    findings = [
        {"start": 0, "end": 4, "severity": "warning", "message": "a"},
        {"start": 2, "end": 6, "severity": "error", "message": "b"},
        {"start": 6, "end": 8, "severity": "info", "message": "c"},
        {"start": 9, "end": 9, "severity": "info", "message": "d"},
    ]
    segs = segments("0123456789", findings)
    assert [(s.get("text"), s.get("nos"), s.get("severity")) for s in segs if "pin" not in s] == [
        ("01", [1], "warning"),
        ("23", [1, 2], "error"),
        ("45", [2], "error"),
        ("67", [3], "info"),
        ("8", [], None),
        ("9", [], None),
    ]
    assert [s["pin"] for s in segs if "pin" in s] == [4]
    assert "".join(s.get("text", "") for s in segs) == "0123456789"
