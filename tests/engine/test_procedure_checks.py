"""Document-level form and time checks (reviewer/checks/procedure.py) through the public API."""

from __future__ import annotations

from datetime import date

from reviewer.api import review_text
from reviewer.checks import Context, procedure

WHOLE = """某县城区停车管理办法
第一条　为规范停车秩序，根据《中华人民共和国道路交通安全法》，制定本办法。
第二条　县公安局负责停车秩序管理。
第三条　本办法自2026年5月1日起施行，有效期{years}。
"""


def _rules(text: str, **opts) -> set[str]:
    return {f.rule_id for f in review_text(text, **opts).findings}


def test_ceiling_default_and_provisional():
    assert "PROCEDURE-VALIDITY-CEILING" not in _rules(WHOLE.format(years="五年"))
    assert "PROCEDURE-VALIDITY-CEILING" in _rules(WHOLE.format(years="六年"))
    provisional = WHOLE.replace("管理办法", "管理暂行办法").format(years="三年")
    assert "PROCEDURE-VALIDITY-CEILING" in _rules(provisional)


def test_ceiling_reads_other_validity_wordings():
    assert "PROCEDURE-VALIDITY-CEILING" in _rules(WHOLE.format(years="暂定八年"))
    assert "PROCEDURE-VALIDITY-CEILING" not in _rules(WHOLE.format(years="暂定五年"))
    span = WHOLE.replace("有效期{years}", "有效期自2026年5月1日至{until}")
    assert "PROCEDURE-VALIDITY-CEILING" in _rules(span.format(until="2033年4月30日"))
    assert "PROCEDURE-VALIDITY-CEILING" not in _rules(span.format(until="2031年4月30日"))


def test_ceiling_from_settings_and_province(monkeypatch):
    assert "PROCEDURE-VALIDITY-CEILING" in _rules(WHOLE.format(years="五年"), settings={"validity_years": 3})
    monkeypatch.setattr(
        procedure,
        "_provinces",
        lambda: {"default": {"general": 5, "provisional": 2}, "provinces": {"测试省": {"general": 4}}},
    )
    assert procedure.ceiling(Context(province="测试省"), provisional=False) == 4
    assert procedure.ceiling(Context(province="测试省"), provisional=True) == 2
    assert procedure.ceiling(Context(), provisional=False) == 5


def test_missing_parts_only_on_whole_drafts():
    bare = "某县城区停车管理办法\n第一条　县公安局负责停车秩序管理。\n第二条　停车应当有序。\n第三条　车辆应当停放在泊位内。\n"
    findings = review_text(bare).findings
    assert [(f.rule_id, f.quote) for f in findings] == [
        ("PROCEDURE-MISSING-BASIS", "某县城区停车管理办法"),
        ("PROCEDURE-MISSING-EFFECTIVE-DATE", "第三条　车辆应当停放在泊位内。"),
    ]
    assert (
        "施行日期" in findings[1].message and "有效期" in findings[1].message
    )  # same words: messages joined
    fragment = "第三条　车辆应当停放在泊位内。"
    assert not {r for r in _rules(fragment) if r.startswith("PROCEDURE-MISSING")}


def test_effective_before_issue():
    text = WHOLE.format(years="五年") + "某县人民政府\n2026年6月1日\n"
    assert "RETRO-EFFECTIVE-BEFORE-ISSUE" in _rules(text)
    assert "RETRO-EFFECTIVE-BEFORE-ISSUE" not in _rules(
        WHOLE.format(years="五年") + "某县人民政府\n2026年3月1日\n"
    )


def test_past_date_is_judged_against_the_reference_date():
    clause = "第九条　2025年1月1日以来享受补贴的企业，不符合本办法条件的，按照本办法追回。"
    assert "RETRO-PAST-DATE" in _rules(clause, as_of=date(2026, 1, 1))
    assert "RETRO-PAST-DATE" not in _rules(clause, as_of=date(2024, 6, 1))
