"""``reviewer review FILE -o OUTDIR``: writes the chosen outputs; stdout behaviour kept without -o."""

from __future__ import annotations

import json

import docx
import pytest

from reviewer.cli import main

DRAFT = "某县摊点管理办法\n第一条　为了规范摊点，制定本办法。\n第二条　违者由镇人民政府处二百元罚款。\n"


@pytest.fixture()
def draft(tmp_path):
    path = tmp_path / "摊点办法.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_writes_all_outputs(draft, tmp_path, capsys):
    out = tmp_path / "out"
    assert (
        main(["review", str(draft), "-o", str(out), "--as-of", "2025-01-01", "--submitter", "某镇人民政府"])
        == 0
    )
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [
            "摊点办法.批注.docx",
            "摊点办法.审查意见书.docx",
            "摊点办法.审查结果.json",
            "摊点办法.审查结果.md",
            "摊点办法.审查结果.html",
        ]
    )
    data = json.loads((out / "摊点办法.审查结果.json").read_text(encoding="utf-8"))
    assert data["review"]["as_of"] == "2025-01-01"
    letter = "\n".join(p.text for p in docx.Document(str(out / "摊点办法.审查意见书.docx")).paragraphs)
    assert "送审单位：某镇人民政府。" in letter
    annotated = docx.Document(str(out / "摊点办法.批注.docx"))
    assert len(list(annotated.comments)) == len(data["findings"])
    assert "已写出" in capsys.readouterr().out


def test_format_selects(draft, tmp_path):
    out = tmp_path / "out"
    assert main(["review", str(draft), "-o", str(out), "--format", "json,md"]) == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".json", ".md"]


def test_stdout_json_kept(draft, capsys):
    assert main(["review", str(draft), "--format", "json"]) == 0
    assert "findings" in json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "argv",
    [
        ["--format", "pdf", "-o", "x"],
        ["--format", "md"],
        ["--as-of", "2025-02-30"],
        ["--issuer-level", "city"],
    ],
)
def test_usage_errors_exit_2(draft, argv, capsys):
    with pytest.raises(SystemExit) as e:
        main(["review", str(draft), *argv])
    assert e.value.code == 2
    assert "参数错误" in capsys.readouterr().err


def test_bad_file_exit_3(tmp_path, capsys):
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    assert main(["review", str(empty), "-o", str(tmp_path / "out")]) == 3
    assert "错误" in capsys.readouterr().err
