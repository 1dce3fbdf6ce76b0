"""Bad input: every case gets a typed error with a code and a Chinese message, quickly and within limits."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from parse_helpers import SAMPLES, docx_bytes, para, pdf_pages

from reviewer.errors import InputError, LimitError, ReviewerError
from reviewer.parsing import parse
from reviewer.parsing.limits import Limits

GOOD = docx_bytes(para("第一条　为了规范管理，制定本办法。"))


def _error(data, code, limits=None, filename=None):
    with pytest.raises(ReviewerError) as err:
        parse(data, filename=filename, limits=limits)
    assert err.value.code == code, err.value.message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message)
    return err.value


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_empty_file(tmp_path):
    _error(b"", "empty")
    _error(b" \r\n\t ", "empty")
    (tmp_path / "empty.docx").write_bytes(b"")
    _error(tmp_path / "empty.docx", "empty")


def test_missing_file_and_folder(tmp_path):
    _error(tmp_path / "nope.docx", "not_found")
    _error(tmp_path, "unreadable")


def test_document_with_no_text():
    _error(docx_bytes(para() + para("   ")), "no_text")
    _error(pdf_pages(3), "no_text")


def test_corrupt_zip():
    _error(GOOD[: len(GOOD) // 2], "corrupt")
    _error(b"PK\x03\x04" + b"\x00" * 100, "corrupt")


def test_docx_missing_parts():
    members = {"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<x/>"}
    _error(_zip(members), "corrupt")
    broken = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document><w:body>"}
    _error(_zip(broken), "corrupt")


def test_other_zip_is_unsupported():
    _error(_zip({"xl/workbook.xml": b"<workbook/>", "data.csv": b"a,b"}), "unsupported_type")


def test_encrypted_pdf():
    _error(SAMPLES / "bad" / "encrypted.pdf", "encrypted")


def test_corrupt_pdf():
    data = (SAMPLES / "billboards.pdf").read_bytes()
    _error(data[:2000], "corrupt")
    _error(b"%PDF-1.7\n" + b"garbage" * 100, "corrupt")


def test_zip_bomb_rejected_before_inflating():
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * (60 * 1024 * 1024)})
    assert len(bomb) < 200_000
    start = time.monotonic()
    err = _error(bomb, "zip_bomb")
    assert isinstance(err, LimitError) and time.monotonic() - start < 2
    _error(GOOD, "zip_bomb", limits=Limits(max_unzipped_bytes=100))


def test_xml_entity_tricks_are_refused():
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    )
    err = _error(docx_bytes(para("&lol3;"), prolog=laughs), "unsafe_xml")
    assert "DOCTYPE" in err.message
    xxe = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    with pytest.raises(InputError) as exc:
        parse(docx_bytes(para("&x;"), prolog=xxe))
    assert exc.value.code in ("unsafe_xml", "corrupt") and "root:" not in str(exc.value.to_dict())


def test_two_thousand_page_pdf_rejected_quickly():
    data = pdf_pages(2000)
    start = time.monotonic()
    err = _error(data, "too_many_pages")
    assert isinstance(err, LimitError) and time.monotonic() - start < 3
    assert "2000" in err.message


def test_size_and_time_limits():
    _error(GOOD, "too_large", limits=Limits(max_bytes=100))
    _error(SAMPLES / "billboards.pdf", "timeout", limits=Limits(max_seconds=1e-9))


def test_limits_from_environment(monkeypatch):
    monkeypatch.setenv("FASHEN_MAX_PAGES", "2")
    monkeypatch.setenv("FASHEN_MAX_FILE_MB", "0.5")
    assert Limits.from_env() == Limits(max_pages=2, max_bytes=512 * 1024)
    _error(SAMPLES / "billboards.pdf", "too_many_pages")
    monkeypatch.setenv("FASHEN_MAX_PAGES", "many")
    _error(GOOD, "bad_config")


def test_wrong_extension_is_read_by_content():
    assert parse(GOOD, filename="draft.pdf").source.format == "docx"
    assert parse((SAMPLES / "billboards.pdf").read_bytes(), filename="draft.docx").source.format == "pdf"
    assert parse("第一条　内容。".encode(), filename="draft.docx").source.format == "txt"


def test_unknown_binary_type():
    _error(bytes(range(256)) * 40, "unsupported_type", filename="a.docx")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf"]))
def test_arbitrary_bytes_never_crash(data, magic):
    try:
        parse(magic + data, limits=Limits(max_seconds=20))
    except ReviewerError as exc:
        assert exc.code and exc.message
