"""The optional law library: import (bad files skipped and listed), article lookup, CLI, paraphrase check."""

import json
import time
from pathlib import Path

import pytest

from reviewer.checks import Context
from reviewer.checks.numbers import statutory_numbers
from reviewer.cli import main
from reviewer.errors import InputError
from reviewer.knowledge.library import Library, article_basis, import_folder
from reviewer.parsing import parse_text

SHARED = Path(__file__).resolve().parents[3] / "shared" / "lawlib"

PENALTY_LAW = """# 中华人民共和国行政处罚法

2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议修订

<!-- INFO END -->

## 第四章 行政处罚的管辖和适用

第三十六条 违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。法律另有规定的除外。

前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "laws"
    (root / "行政法").mkdir(parents=True)
    (root / "行政法" / "行政处罚法(2021-01-22).md").write_text(PENALTY_LAW, encoding="utf-8")
    (root / "行政法" / "_index.md").write_text("索引", encoding="utf-8")
    (root / "行政法" / "缺少标记(2020-01-01).md").write_text("# 某法\n\n第一条 内容", encoding="utf-8")
    (root / "行政法" / "乱码(2020-01-01).md").write_bytes(b"\xff\xfe\x00garbage\xc3")
    (root / "行政法" / "不是文件.md").mkdir()
    (root / "行政法" / "无条文(2020-01-01).md").write_text(
        "# 某规定\n<!-- INFO END -->\n只有说明。", encoding="utf-8"
    )
    return root


@pytest.fixture()
def db(folder: Path, tmp_path: Path) -> Path:
    path = tmp_path / "lawlib.sqlite3"
    import_folder(folder, path)
    return path


def test_import_skips_and_lists_bad_files(folder, tmp_path):
    report = import_folder(folder, tmp_path / "x.sqlite3")
    assert (report.laws, report.articles) == (1, 1)
    reasons = dict(report.skipped)
    assert set(reasons) == {
        "行政法/缺少标记(2020-01-01).md",
        "行政法/乱码(2020-01-01).md",
        "行政法/不是文件.md",
        "行政法/无条文(2020-01-01).md",
    }
    assert "INFO END" in reasons["行政法/缺少标记(2020-01-01).md"]
    assert "UTF-8" in reasons["行政法/乱码(2020-01-01).md"]


def test_import_of_a_missing_folder_is_a_typed_error(tmp_path):
    with pytest.raises(InputError) as exc:
        import_folder(tmp_path / "nope", tmp_path / "x.sqlite3")
    assert exc.value.code == "lawlib_missing"


def test_article_lookup_by_full_or_short_title(db):
    lib = Library(db)
    art = lib.article("行政处罚法", 36)
    assert art.title == "中华人民共和国行政处罚法" and art.label == "第三十六条"
    assert art.text.count("\n") == 1 and "二年" in art.text
    assert lib.article("中华人民共和国行政处罚法", 37) is None
    assert article_basis("中华人民共和国行政处罚法", 36, db).article == "第三十六条"


def test_missing_library_is_a_typed_error(tmp_path):
    with pytest.raises(InputError):
        Library(tmp_path / "absent.sqlite3")
    assert article_basis("行政处罚法", 36, tmp_path / "absent.sqlite3") is None


def test_paraphrase_contradicting_the_cited_article(db):
    text = "第九条　依照《中华人民共和国行政处罚法》第三十六条的规定，超过三年的违法行为不再给予行政处罚。"
    doc = parse_text(text)
    (hit,) = statutory_numbers(doc, Context(settings={"lawlib_db": str(db)}, fragment=True))
    assert doc.text[hit.start : hit.end] == "三年" and hit.basis[0].article == "第三十六条"
    faithful = parse_text(text.replace("三年", "二年"))
    assert list(statutory_numbers(faithful, Context(settings={"lawlib_db": str(db)}, fragment=True))) == []
    assert (
        list(statutory_numbers(doc, Context(settings={"lawlib_db": str(db) + ".none"}, fragment=True))) == []
    )


def test_cli_import_show_status_list(folder, tmp_path, capsys):
    path = tmp_path / "cli.sqlite3"
    assert main(["laws", "import", str(folder), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "已导入 1 个文本" in out and "跳过 4 个文件" in out
    assert main(["laws", "show", "行政处罚法", "第三十六条", "--db", str(path)]) == 0
    assert "违法行为在二年内未被发现的" in capsys.readouterr().out
    assert main(["laws", "show", "《中华人民共和国行政处罚法》第36条", "--db", str(path)]) == 0
    assert "第三十六条" in capsys.readouterr().out
    assert main(["laws", "show", "行政处罚法", "第九十条", "--db", str(path)]) == 3
    assert main(["laws", "status", "合同法", "--as-of", "2022-01-01", "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["status"] == "已废止" and st["successor"] == "中华人民共和国民法典"
    assert main(["laws", "status", "没有这部法"]) == 3
    assert main(["laws", "list", "--status", "已废止"]) == 0
    assert "中华人民共和国合同法" in capsys.readouterr().out
    assert main(["laws", "show", "行政处罚法", "第一条", "--db", str(tmp_path / "absent.sqlite3")]) == 3


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/lawlib 不存在")
def test_shared_lawlib_imports_fast_and_answers_show(tmp_path):
    report = import_folder(SHARED, tmp_path / "shared.sqlite3")
    assert report.seconds < 30 and report.laws > 900 and report.articles > 40_000
    lib = Library(tmp_path / "shared.sqlite3")
    t0 = time.perf_counter()
    art = lib.article("行政许可法", 17)
    assert time.perf_counter() - t0 < 0.05
    assert "其他规范性文件一律不得设定行政许可" in art.text
    doc = parse_text(
        "第三条　依照《中华人民共和国行政许可法》第四十二条的规定，应当自受理之日起二十日内作出决定。"
    )
    ctx = Context(settings={"lawlib_db": str(tmp_path / "shared.sqlite3")}, fragment=True)
    assert list(statutory_numbers(doc, ctx)) == []
