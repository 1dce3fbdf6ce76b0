"""A malformed rule fails at load with file, field and an error code."""

from __future__ import annotations

import pytest

from reviewer.engine import catalog
from reviewer.errors import RuleError


def _load_error(rules_dir) -> RuleError:
    with pytest.raises(RuleError) as info:
        catalog.load(rules_dir.root)
    return info.value


def test_valid_rule_loads(rules_dir, rule):
    rules_dir(rule())
    cat = catalog.load(rules_dir.root)
    assert [r.id for r in cat.rules] == ["TEST-RULE"]
    assert cat.version.startswith("1-")


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"colour": "red"}, "colour", "rule_unknown_field"),
        ({"title": None}, "title", "rule_missing_field"),
        ({"severity": "fatal"}, "severity", "rule_bad_value"),
        ({"check": "magic"}, "check", "rule_bad_value"),
        ({"category": "weather"}, "category", "rule_unknown_category"),
        ({"checklist": ["NOPE-99"]}, "checklist[0]", "rule_unknown_checklist"),
        ({"patterns": [{"regex": "(?P<m>罚款"}]}, "patterns[0].regex", "rule_bad_regex"),
        ({"patterns": [{"regex": "<<NOSUCH>>"}]}, "patterns[0].regex", "rule_unknown_macro"),
        ({"patterns": [{"regex": "a", "phrases": ["b"]}]}, "patterns.0", "rule_bad_value"),
        ({"unless": [{"sentence": "a", "before": "b"}]}, "unless.0", "rule_bad_value"),
        ({"severity": "error"}, "（整体）", "rule_bad_value"),
        ({"check": "python", "function": "no.such.check"}, "function", "rule_unknown_function"),
        (
            {"examples": {"flag": ["没有标记", "<m>罚款</m>"], "pass": ["甲", "乙"]}},
            "examples.flag",
            "rule_bad_value",
        ),
        ({"examples": {"flag": ["<m>罚款</m>"], "pass": ["甲", "乙"]}}, "examples.flag", "rule_bad_value"),
    ],
)
def test_malformed_rule_names_file_field_code(rules_dir, rule, changes, field, code):
    rules_dir(rule(**changes), folder="penalty")
    err = _load_error(rules_dir)
    assert err.code == code
    assert err.field == field
    assert err.file == "penalty/TEST-RULE.yaml"
    assert "TEST-RULE.yaml" in err.message and err.problem in err.message


def test_id_must_equal_file_name(rules_dir, rule):
    path = rules_dir(rule())
    path.rename(path.with_name("OTHER-NAME.yaml"))
    assert _load_error(rules_dir).code == "rule_id_mismatch"


def test_rule_in_wrong_category_folder(rules_dir, rule):
    rules_dir(rule(), folder="fee")
    assert _load_error(rules_dir).code == "rule_category_mismatch"


def test_yaml_syntax_error_names_line(rules_dir, rule):
    rules_dir(rule(), raw="id: TEST-RULE\ntitle: [unclosed\n")
    err = _load_error(rules_dir)
    assert err.code == "rule_yaml_syntax"
    assert err.field.startswith("第")


def test_not_a_mapping(rules_dir, rule):
    rules_dir(rule(), raw="- just\n- a list\n")
    assert _load_error(rules_dir).code == "rule_not_mapping"


def test_duplicate_id(rules_dir, rule):
    rules_dir(rule())
    rules_dir(rule(category="fee", checklist=["FEE-01"]), folder="fee")
    assert _load_error(rules_dir).code == "rule_duplicate_id"


def test_shipped_catalog_is_valid():
    cat = catalog.load()
    assert cat.rules and all(r.file.stem == r.id for r in cat.rules)
