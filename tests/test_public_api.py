"""The public API the evaluation tooling relies on: names, types and the span invariant."""

from __future__ import annotations

import importlib

import reviewer
from reviewer.model import Document, Finding, Review


def test_parse_stays_a_function_after_the_parsing_package_is_imported(tmp_path):
    importlib.import_module("reviewer.parsing.readers")  # importing submodules must not shadow the API
    path = tmp_path / "draft.txt"
    path.write_text("某县养犬管理办法\n第一条　为了规范养犬行为，制定本办法。\n", encoding="utf-8")
    assert callable(reviewer.parse)
    doc = reviewer.parse(path)
    assert isinstance(doc, Document)
    assert [a.label for a in doc.articles()] == ["第一条"]
    assert isinstance(reviewer.parse(path.read_bytes(), filename="draft.txt"), Document)


def test_review_text_and_review_file_return_findings_with_exact_quotes(tmp_path):
    text = "第十条　违反本办法规定的，由县城市管理局处五千元罚款。"
    rv = reviewer.review_text(text)
    assert isinstance(rv, Review) and rv.document.text == text
    assert rv.catalog_version and rv.knowledge_date  # the same draft gives the same letter later
    assert rv.findings and all(isinstance(f, Finding) for f in rv.findings)
    for f in rv.findings:
        assert rv.document.text[f.start : f.end] == f.quote
        assert f.article == "第十条"
        assert f.severity in ("error", "warning", "info") and f.rule_id and f.message
    path = tmp_path / "clause.txt"
    path.write_text(text, encoding="utf-8")
    assert {f.category for f in reviewer.review_file(path).findings} == {f.category for f in rv.findings}


def test_a_lawful_referral_gives_no_finding():
    rv = reviewer.review_text(
        "第十条　违反本办法规定的，依照《中华人民共和国食品安全法》第一百二十二条的规定处罚。"
    )
    assert rv.findings == []
