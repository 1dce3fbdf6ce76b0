"""``reviewer rules list|show|test|coverage`` and ``reviewer explain`` on the shipped catalog."""

from __future__ import annotations

from reviewer.cli import main


def test_rules_list_and_show(capsys):
    assert main(["rules", "list", "--category", "penalty"]) == 0
    out = capsys.readouterr().out
    assert "PENALTY-FINE-CREATED" in out and "COERCION-" not in out
    assert main(["rules", "show", "PENALTY-FINE-CREATED"]) == 0
    assert "id: PENALTY-FINE-CREATED" in capsys.readouterr().out


def test_rules_show_unknown_is_input_error(capsys):
    assert main(["rules", "show", "NO-SUCH-RULE"]) == 3
    assert "没有规则" in capsys.readouterr().err


def test_rules_test_runs_examples(capsys):
    assert main(["rules", "test", "PENALTY-FINE-CREATED", "FEE-DEPOSIT"]) == 0
    assert "2 条规则" in capsys.readouterr().out


def test_rules_list_stats(capsys):
    assert main(["rules", "list", "--stats", "--category", "coercion"]) == 0
    assert "精确率" in capsys.readouterr().out


def test_coverage_lists_every_item(capsys):
    assert main(["rules", "coverage"]) == 0
    out = capsys.readouterr().out
    assert "PERMIT-01" in out and "PENALTY-FINE-CREATED" in out


def test_explain_shows_hits_and_suppressions(tmp_path, capsys):
    path = tmp_path / "draft.txt"
    path.write_text(
        "第十条　在广场放风筝的，处五十元罚款。\n"
        "第十一条　违反规定的，依照《中华人民共和国道路交通安全法》第九十条处五十元罚款。\n",
        encoding="utf-8",
    )
    assert main(["explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert "第十条\n  命中 PENALTY-FINE-CREATED" in out
    assert "第十一条\n  排除 PENALTY-FINE-CREATED" in out and "unless sentence" in out
