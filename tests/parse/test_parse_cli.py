"""``reviewer parse``: tree and metadata as text or JSON; documented exit codes; Chinese errors."""

from __future__ import annotations

import json

from parse_helpers import SAMPLES

from reviewer.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main


def test_parse_text_output(capsys):
    assert main(["parse", str(SAMPLES / "stalls.docx")]) == EXIT_OK
    out = capsys.readouterr().out
    assert "标题：清河县城区临时摊点管理办法" in out and "有效期：有效期5年" in out
    assert "第十七条 [" in out and "ch5/art17" in out


def test_parse_json_output(capsys):
    assert main(["parse", "--json", str(SAMPLES / "rental_autonum.docx")]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["metadata"]["draft_marker"] == "送审稿"
    assert data["tree"]["children"][1]["children"][0]["label"] == "第一条"
    assert data["source"]["format"] == "docx"


def test_bad_input_exit_code_and_message(tmp_path, capsys):
    empty = tmp_path / "空.docx"
    empty.write_bytes(b"")
    assert main(["parse", str(empty)]) == EXIT_INPUT
    assert "错误［empty］：文件为空。" in capsys.readouterr().err


def test_usage_error(capsys):
    try:
        main(["parse"])
    except SystemExit as exc:
        assert exc.code == EXIT_USAGE
    assert "参数错误" in capsys.readouterr().err


def test_review_runs_on_a_sample(capsys):
    assert main(["review", str(SAMPLES / "billboards.docx"), "--format", "json"]) == EXIT_OK
    assert "findings" in json.loads(capsys.readouterr().out)
