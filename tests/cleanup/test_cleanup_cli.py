"""``reviewer cleanup``: bad input goes to 无法处理 with its reason, the exit code tells, the cache resumes."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from reviewer.cli import main

DOC = """青山县{name}管理办法
青政规〔2023〕{n}号
第一条　为了规范{name}管理工作，根据《中华人民共和国城乡规划法》等有关规定，结合本县实际，制定本办法。
第二条　县住房和城乡建设局负责全县{name}的监督管理工作，各乡镇人民政府做好本辖区相关工作。
第三条　本办法自2023年3月1日起施行，有效期五年。
青山县人民政府
2023年2月1日
"""


def write_docs(folder, names):
    folder.mkdir(parents=True, exist_ok=True)
    for n, name in enumerate(names, start=1):
        (folder / f"{name}.txt").write_text(DOC.format(name=name, n=n), encoding="utf-8")


def cleanup_args(folder, out, *extra: str, as_of: str = "2025-06-30") -> list[str]:
    """``reviewer cleanup`` arguments for one quiet, single-process run."""
    return ["cleanup", str(folder), "--as-of", as_of, "-o", str(out), "--quiet", "--jobs", "1", *extra]


def sheet_rows(path, name):
    return list(load_workbook(path)[name].iter_rows(min_row=2, values_only=True))


def test_bad_files_are_listed_and_do_not_stop_the_run(tmp_path, capsys):
    folder = tmp_path / "in"
    write_docs(folder, ["户外广告", "城市绿化"])
    (folder / "加密.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    (folder / "空白.txt").write_bytes(b"")
    (folder / "损坏.pdf").write_bytes(b"%PDF-1.4 broken")
    (folder / "照片.png").write_bytes(b"\x89PNG\r\n")
    shutil.copy(folder / "户外广告.txt", folder / "户外广告 副本.txt")
    out = tmp_path / "清理目录.xlsx"
    code = main(
        [
            "cleanup",
            str(folder),
            "--as-of",
            "2025-06-30",
            "-o",
            str(out),
            "--no-cache",
            "--jobs",
            "2",
            "--quiet",
        ]
    )
    assert code == 1
    failed = {r[1]: (r[2], r[3]) for r in sheet_rows(out, "无法处理")}
    copies = {"户外广告.txt", "户外广告 副本.txt"}
    duplicate = (set(failed) & copies).pop()  # whichever of the two copies comes second
    assert set(failed) == {"加密.docx", "空白.txt", "损坏.pdf", "照片.png", duplicate}
    assert failed["空白.txt"][0] == "empty" and failed["照片.png"][0] == "unsupported"
    assert failed[duplicate][0] == "duplicate" and (copies - {duplicate}).pop() in failed[duplicate][1]
    assert all(reason for _, reason in failed.values())
    kept = sorted(r[10] for r in sheet_rows(out, "清理目录"))
    assert kept == sorted(["城市绿化.txt", *(copies - {duplicate})])
    err = capsys.readouterr().err
    assert "无法处理 5 个文件" in err and "空白.txt" in err


def test_clean_folder_exits_zero_and_shows_progress(tmp_path, capsys):
    write_docs(tmp_path / "in", ["户外广告", "城市绿化", "集贸市场"])
    out = tmp_path / "o.xlsx"
    assert (
        main(
            [
                "cleanup",
                str(tmp_path / "in"),
                "--as-of",
                "2025-06-30",
                "-o",
                str(out),
                "--no-cache",
                "--jobs",
                "1",
                "--json",
                str(tmp_path / "o.json"),
            ]
        )
        == 0
    )
    captured = capsys.readouterr()
    assert "3/3" in captured.err and "份/秒" in captured.err
    assert "已处理 3 份" in captured.out
    assert (tmp_path / "o.json").exists()
    assert [r[7] for r in sheet_rows(out, "清理目录")] == ["保留"] * 3


@pytest.mark.parametrize("target", ["empty", "missing"])
def test_empty_or_missing_folder(tmp_path, target):
    folder = tmp_path / "空目录"
    if target == "empty":
        folder.mkdir()
    else:
        folder = tmp_path / "不存在"
    out = tmp_path / "o.xlsx"
    assert main(["cleanup", str(folder), "-o", str(out), "--no-cache", "--quiet"]) == 1
    rows = sheet_rows(out, "无法处理")
    assert len(rows) == 1 and rows[0][2] == ("empty" if target == "empty" else "not_found")


def test_usage_errors(tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["cleanup", str(tmp_path), "--as-of", "2025/06/30"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["cleanup", str(tmp_path), "--jobs", "0"])
    assert exc.value.code == 2


def test_rerun_only_analyses_new_work(tmp_path, capsys):
    folder, cache = tmp_path / "in", tmp_path / "cache.sqlite3"
    write_docs(folder, ["户外广告", "城市绿化"])
    args = cleanup_args(folder, tmp_path / "o.xlsx", "--cache", str(cache))
    assert main(args) == 0
    assert "本次分析 2 份，缓存 0 份" in capsys.readouterr().out
    assert main(args) == 0
    assert "本次分析 0 份，缓存 2 份" in capsys.readouterr().out
    write_docs(folder, ["户外广告", "城市绿化", "集贸市场"])
    assert main(args) == 0
    assert "本次分析 1 份，缓存 2 份" in capsys.readouterr().out
    again = cleanup_args(folder, tmp_path / "o.xlsx", "--cache", str(cache), as_of="2025-07-01")
    assert main(again) == 0  # another judging date: analysed again
    assert "本次分析 3 份，缓存 0 份" in capsys.readouterr().out


def test_unusable_cache_is_a_typed_error(tmp_path, capsys):
    write_docs(tmp_path / "in", ["户外广告"])
    bad = tmp_path / "cache.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    assert (
        main(
            ["cleanup", str(tmp_path / "in"), "--cache", str(bad), "-o", str(tmp_path / "o.xlsx"), "--quiet"]
        )
        == 3
    )
    assert "缓存" in capsys.readouterr().err


def test_letters_for_documents_with_findings(tmp_path, capsys):
    folder = tmp_path / "in"
    write_docs(folder, ["户外广告"])
    bad = DOC.format(name="集贸市场", n=9).replace(
        "第三条", "第三条　违反本办法规定乱设摊点的，由县住房和城乡建设局处五千元罚款。\n第四条"
    )
    (folder / "集贸市场.txt").write_text(bad, encoding="utf-8")
    letters = tmp_path / "意见书"
    args = cleanup_args(folder, tmp_path / "o.xlsx", "--no-cache", "--letters", str(letters))
    assert main(args) == 0
    assert sorted(p.suffix for p in letters.iterdir()) == [".docx", ".docx"]
    assert all(p.name.startswith("集贸市场") for p in letters.iterdir())
    assert sorted(r[7] for r in sheet_rows(tmp_path / "o.xlsx", "清理目录")) == ["保留", "修改"]
    assert main([*args, "--letter-formats", "pdf"]) == 3
    assert "不支持的输出格式" in capsys.readouterr().err


def test_unreachable_broker_is_a_typed_error(tmp_path, capsys):
    write_docs(tmp_path / "in", ["户外广告"])
    args = [
        "cleanup",
        str(tmp_path / "in"),
        "-o",
        str(tmp_path / "o.xlsx"),
        "--no-cache",
        "--quiet",
        "--broker",
        "redis://127.0.0.1:1/0",
    ]
    assert main(args) == 3
    assert "无法连接任务队列" in capsys.readouterr().err


def test_odd_paths_reach_the_workbook(tmp_path):
    import os

    folder = tmp_path / "目 录#1"
    folder.mkdir()
    odd = os.fsdecode("换\n行\x01名称\xff".encode("utf-8", "surrogateescape") + b"\xfe.txt")
    (folder / odd).write_text(
        DOC.format(name="户外广告", n=1).replace("青山县人民政府", "青山县人民政府\x0b"), encoding="utf-8"
    )
    out = tmp_path / "o.xlsx"
    assert main(["cleanup", str(folder), "-o", str(out), "--no-cache", "--quiet", "--jobs", "1"]) == 0
    (row,) = sheet_rows(out, "清理目录")
    assert "\\n" in row[10] and "\\xfe" in row[10] and "\n" not in row[10]
