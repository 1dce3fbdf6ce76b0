"""Discovery: recursion, .zip archives (GBK names, nesting, bombs, encryption), duplicates, odd names."""

from __future__ import annotations

import os
import zipfile

import pytest

from reviewer.cleanup.discover import Limits, discover

TEXT = "青山县测试管理办法\n第一条　为了测试，制定本办法。\n"


def _codes(rejected):
    return {r.location: r.code for r in rejected}


def test_walks_recursively_and_rejects_what_is_not_a_document(tmp_path):
    (tmp_path / "子目录" / "深层").mkdir(parents=True)
    (tmp_path / "子目录" / "深层" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "照片.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "~$锁定.docx").write_bytes(b"lock")
    (tmp_path / ".hidden.txt").write_text("x")
    sources, rejected = discover(tmp_path)
    assert [s.location for s in sources] == [os.path.join("子目录", "深层", "a.txt")]
    assert _codes(rejected) == {"照片.jpg": "unsupported", "~$锁定.docx": "lock_file"}


def test_same_content_twice_is_analysed_once(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    sources, rejected = discover(tmp_path)
    assert [s.location for s in sources] == ["a.txt"]
    assert rejected[0].code == "duplicate" and "a.txt" in rejected[0].reason


def test_odd_file_names_are_kept_and_shown_readably(tmp_path):
    odd = os.fsdecode(b"bad\xffname \xe6\x96\x87\nline.txt")
    (tmp_path / odd).write_text(TEXT, encoding="utf-8")
    (tmp_path / "空 格 & 符号#%.txt").write_text(TEXT + "二", encoding="utf-8")
    sources, rejected = discover(tmp_path)
    assert not rejected and len(sources) == 2
    shown = {s.location for s in sources}
    assert "空 格 & 符号#%.txt" in shown
    assert any("\\xff" in s and "\\n" in s for s in shown)
    assert all(s.read().startswith("青山县".encode()) for s in sources)


def test_zip_members_nested_zips_and_gbk_names(tmp_path):
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("内层.txt", TEXT + "内")
    archive = tmp_path / "档案.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("XXXX.txt", TEXT)
        zf.writestr("目录/说明.xls", b"x")
        zf.write(inner, "inner.zip")
    inner.unlink()
    # a Windows archive: the name in GBK bytes, without the UTF-8 flag
    archive.write_bytes(archive.read_bytes().replace(b"XXXX.txt", "办法.txt".encode("gbk")))
    sources, rejected = discover(tmp_path)
    locations = {s.location: s for s in sources}
    assert set(locations) == {"档案.zip!/办法.txt", "档案.zip!/inner.zip!/内层.txt"}
    assert locations["档案.zip!/inner.zip!/内层.txt"].read().decode() == TEXT + "内"
    assert locations["档案.zip!/办法.txt"].name == "办法.txt"
    assert _codes(rejected) == {"档案.zip!/目录/说明.xls": "unsupported"}


def test_zip_bomb_and_too_many_members_are_refused(tmp_path):
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.txt", "零" * 3_000_000)
    sources, rejected = discover(tmp_path, Limits(max_zip_ratio=50))
    assert not sources and rejected[0].code == "too_large"
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w") as zf:
        for i in range(5):
            zf.writestr(f"{i}.txt", TEXT + str(i))
    sources, rejected = discover(tmp_path, Limits(max_zip_members=3))
    assert not sources and "过多" in rejected[0].reason


def test_encrypted_and_corrupt_archives(tmp_path):
    with zipfile.ZipFile(tmp_path / "locked.zip", "w") as zf:
        zf.writestr("a.txt", TEXT)
    raw = bytearray((tmp_path / "locked.zip").read_bytes())
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):  # set the "encrypted" flag bit in both headers
        at = raw.find(sig)
        flag = at + (6 if sig == b"PK\x03\x04" else 8)
        raw[flag] |= 0x1
    (tmp_path / "locked.zip").write_bytes(bytes(raw))
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    sources, rejected = discover(tmp_path)
    assert not sources
    assert _codes(rejected) == {"broken.zip": "bad_zip", "locked.zip!/a.txt": "encrypted"}


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_missing_or_empty_folder(tmp_path, make):
    target = tmp_path / "无此目录" if make == "missing" else tmp_path
    sources, rejected = discover(target)
    assert not sources and len(rejected) == 1
    assert rejected[0].code == ("not_found" if make == "missing" else "empty")
