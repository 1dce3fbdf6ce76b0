"""Engine behaviour on small catalogs written by the tests: kinds, filters, merging, order, coverage."""

from __future__ import annotations

from reviewer.checks import Context, register
from reviewer.engine import catalog, run
from reviewer.engine.runner import review
from reviewer.model import Basis, Hit
from reviewer.parsing import parse_text

BASIS = [
    {
        "law": "中华人民共和国行政处罚法",
        "article": "第十六条",
        "text": "除法律、法规、规章外，其他规范性文件不得设定行政处罚。",
    }
]
DRAFT = "某县测试管理办法\n第一条　违反本办法的，处一百元罚款。\n第二条　依照《某法》第三条处二百元罚款。\n附件\n罚款标准表\n"


def _review(rules_dir, text, *, fragment=False, **ctx):
    return review(parse_text(text), Context(fragment=fragment, **ctx), catalog.load(rules_dir.root))


def test_finding_fields(rules_dir, rule):
    rules_dir(
        rule(
            severity="error",
            basis=BASIS,
            patterns=[{"regex": "(?P<m>处[一二]百元罚款)"}],
            message="设定「{quote}」于{article}",
            replacement="依法处罚",
        )
    )
    rv = _review(rules_dir, DRAFT)
    f = rv.findings[0]
    assert f.quote == rv.document.text[f.start : f.end] == "处一百元罚款"
    assert (f.article, f.node_id, f.category, f.severity) == ("第一条", "art1/p1", "penalty", "error")
    assert f.whether == "是否符合法律政策" and f.message == "设定「处一百元罚款」于第一条"
    assert f.basis == [Basis(**BASIS[0])] and f.replacement == "依法处罚"
    assert f.key == f.make_key() and len(f.key) == 16
    assert rv.catalog_version == catalog.load(rules_dir.root).version


def test_scope_body_skips_title_and_attachment(rules_dir, rule):
    rules_dir(rule())
    rv = _review(rules_dir, DRAFT)
    assert [f.article for f in rv.findings] == ["第一条", "第二条"]
    rules_dir(rule(scope="document"))
    assert len(_review(rules_dir, DRAFT).findings) == 3


def test_unless_suppresses_and_is_recorded(rules_dir, rule):
    rules_dir(rule(unless=[{"sentence": "<<STATUTE>>"}, {"before": "依照$"}]))
    rv = _review(rules_dir, DRAFT)
    assert [f.article for f in rv.findings] == ["第一条"]
    [s] = rv.suppressed
    assert s["rule"] == "TEST-RULE" and s["article"] == "第二条" and "<<STATUTE>>" in s["reason"]


def test_requires_before_after_window(rules_dir, rule):
    rules_dir(
        rule(
            requires=[
                {"before": "处[一二]百元$"},
                {"after": "^。"},
                {"window": {"chars": 12, "regex": "违反"}},
            ]
        )
    )
    assert [f.article for f in _review(rules_dir, DRAFT).findings] == ["第一条"]


def test_when_whole_document_and_issuer(rules_dir, rule):
    rules_dir(rule(when={"whole_document": True, "issuer_level": ["township"]}))
    assert _review(rules_dir, DRAFT, issuer_level="township").findings
    assert not _review(rules_dir, DRAFT, issuer_level="county").findings
    assert not _review(rules_dir, DRAFT, fragment=True, issuer_level="township").findings


def test_phrases_use_one_automaton(rules_dir, rule):
    rules_dir(rule(patterns=[{"phrases": ["通报批评", "通报"]}]))
    rv = _review(rules_dir, "第一条　予以通报批评。", fragment=True)
    assert [f.quote for f in rv.findings] == ["通报批评"]  # overlapping hits of one category merge


def test_merge_keeps_most_severe_and_unions_basis(rules_dir, rule):
    other = [{"law": "中华人民共和国行政处罚法", "article": "第九条"}]
    rules_dir(rule(id="A-WARN", patterns=[{"regex": "一百元罚款"}], basis=other))
    rules_dir(rule(id="B-ERR", severity="error", basis=BASIS, patterns=[{"regex": "处一百元"}]))
    rules_dir(
        rule(id="C-FEE", category="fee", checklist=["FEE-01"], patterns=[{"regex": "一百元"}]), folder="fee"
    )
    rv = _review(rules_dir, "第一条　处一百元罚款。", fragment=True)
    assert [(f.rule_id, f.category) for f in rv.findings] == [("B-ERR", "penalty"), ("C-FEE", "fee")]
    assert [b.article for b in rv.findings[0].basis] == ["第十六条", "第九条"]


def test_substitution_offers_replacement(rules_dir, rule):
    rules_dir(rule(check="substitution", patterns=None, swap={"工商局": "市场监督管理局"}))
    [f] = _review(rules_dir, "第一条　由县工商局负责。", fragment=True).findings
    assert (f.quote, f.replacement) == ("工商局", "市场监督管理局")


def test_occurrence_missing_anchors_on_title(rules_dir, rule):
    rules_dir(rule(check="occurrence", patterns=[{"regex": "起施行"}], min=1, anchor="title"))
    [f] = _review(rules_dir, DRAFT).findings
    assert f.quote == "某县测试管理办法"
    rules_dir(rule(check="occurrence", patterns=[{"regex": "罚款"}], max=1))
    assert [f.article for f in _review(rules_dir, DRAFT).findings] == ["第二条"]


def test_conditional_needs_then_within_sentence(rules_dir, rule):
    rules_dir(
        rule(
            check="conditional",
            patterns=[{"regex": "罚款"}],
            then=[{"phrases": ["《某法》"]}],
            within="sentence",
        )
    )
    assert [f.article for f in _review(rules_dir, DRAFT).findings] == ["第一条"]


def test_consistency_flags_minority_variant(rules_dir, rule):
    rules_dir(rule(check="consistency", patterns=None, variants=[["县政府", "县人民政府"]]))
    text = "第一条　县人民政府负责。\n第二条　县人民政府监督。\n第三条　县政府协调。"
    [f] = _review(rules_dir, text, fragment=True).findings
    assert (f.article, f.quote, f.replacement) == ("第三条", "县政府", "县人民政府")


def test_cross_reference_to_missing_article(rules_dir, rule):
    rules_dir(rule(check="cross-reference", patterns=None))
    text = "某县测试办法\n第一条　见本办法第二条。\n第二条　见本办法第九条。"
    assert [f.quote for f in _review(rules_dir, text).findings] == ["本办法第九条"]
    assert not _review(rules_dir, text, fragment=True).findings


@register("tests.engine.sample")
def _sample(doc, ctx):
    i = doc.text.find("罚款")
    yield Hit(i, i + 2, message="来自检查", category="fee")


def test_python_check_hits_take_rule_defaults(rules_dir, rule):
    rules_dir(rule(check="python", function="tests.engine.sample", patterns=None))
    [f] = _review(rules_dir, DRAFT).findings
    assert (f.rule_id, f.category, f.severity, f.message, f.article) == (
        "TEST-RULE",
        "fee",
        "warning",
        "来自检查",
        "第一条",
    )


def test_checked_reports_found_clean_na(rules_dir, rule):
    rules_dir(rule(checklist=["PENALTY-01"]))
    rules_dir(rule(id="NEVER", checklist=["PENALTY-02"], patterns=[{"regex": "不会出现的字样"}]))
    rules_dir(rule(id="WHOLE", checklist=["PENALTY-03"], when={"whole_document": True}))
    rv = _review(rules_dir, "第一条　处一百元罚款。", fragment=True)
    assert (rv.checked["PENALTY-01"], rv.checked["PENALTY-02"], rv.checked["PENALTY-03"]) == (
        "found",
        "clean",
        "n/a",
    )
    assert set(rv.checked) == set(catalog.load(rules_dir.root).items())


def test_order_is_stable(rules_dir, rule):
    rules_dir(rule())
    rules_dir(rule(id="FEE-X", category="fee", checklist=["FEE-01"]), folder="fee")
    a = _review(rules_dir, DRAFT).findings
    b = _review(rules_dir, DRAFT).findings
    assert [(f.start, f.category) for f in a] == [(f.start, f.category) for f in b]
    assert [f.start for f in a] == sorted(f.start for f in a)


def test_shipped_catalog_through_public_run():
    doc = parse_text("第十条　在广场放风筝的，处五十元罚款。")
    rv = run(doc, Context(fragment=True))
    assert [(f.category, f.quote) for f in rv.findings] == [("penalty", "处五十元罚款")]
    assert all(rv.document.text[f.start : f.end] == f.quote for f in rv.findings)
