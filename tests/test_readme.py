"""The README's checklist → rules table is the catalog's: regenerate it with `reviewer rules coverage --markdown`."""

from __future__ import annotations

from pathlib import Path

from reviewer.cli.rules import coverage_markdown

README = Path(__file__).resolve().parents[1] / "README.md"
BEGIN, END = "<!-- coverage:begin -->", "<!-- coverage:end -->"


def test_readme_lists_the_current_rule_coverage():
    text = README.read_text(encoding="utf-8")
    assert BEGIN in text and END in text, "README.md lacks the coverage markers"
    table = text.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert table == coverage_markdown().strip(), (
        "README coverage table is stale: run `reviewer rules coverage --markdown` and paste it between the markers"
    )


def test_the_quick_start_commands_exist_and_are_executable():
    root = README.parent
    text = README.read_text(encoding="utf-8")
    for script in ("scripts/run", "scripts/test"):
        assert f"./{script}" in text.split("---", 1)[0]
        assert (root / script).stat().st_mode & 0o111
