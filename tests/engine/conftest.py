"""Helpers: a throw-away rules directory with the real categories and macros plus the rules a test writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from reviewer.engine.catalog import DEFAULT_DIR

BASE_RULE = {
    "id": "TEST-RULE",
    "title": "测试规则",
    "category": "penalty",
    "severity": "warning",
    "version": 1,
    "checklist": ["PENALTY-01"],
    "check": "existence",
    "patterns": [{"regex": "(?P<m>罚款)"}],
    "message": "测试「{quote}」",
    "examples": {"flag": ["<m>罚款</m>", "x<m>罚款</m>"], "pass": ["甲", "乙"]},
}


@pytest.fixture
def rules_dir(tmp_path: Path):
    """``write(rule_dict, folder=None)`` adds a rule file; returns the directory."""
    shutil.copy(DEFAULT_DIR / "categories.yaml", tmp_path / "categories.yaml")
    shutil.copy(DEFAULT_DIR / "macros.yaml", tmp_path / "macros.yaml")

    def write(rule: dict, folder: str | None = None, raw: str | None = None) -> Path:
        folder = folder or rule.get("category", "penalty")
        (tmp_path / folder).mkdir(exist_ok=True)
        path = tmp_path / folder / f"{rule['id']}.yaml"
        path.write_text(
            raw if raw is not None else yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8"
        )
        return path

    write.root = tmp_path
    return write


@pytest.fixture
def rule():
    """``rule(**changes)``: the base test rule with fields changed (``None`` removes a field)."""

    def make(**changes) -> dict:
        out = {**BASE_RULE, **changes}
        return {k: v for k, v in out.items() if v is not None}

    return make
