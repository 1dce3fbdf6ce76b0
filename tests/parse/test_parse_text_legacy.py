"""Text encodings detected; .doc/.wps converted with LibreOffice (skipped where it is not installed)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest
from parse_helpers import HAS_SOFFICE, SAMPLES

from reviewer.errors import DependencyError, InputError
from reviewer.parsing import parse
from reviewer.parsing.readers import legacy

DRAFT = "某镇管理办法\n第一条　为了规范管理，制定本办法。\n第二条　本办法自2025年1月1日起施行。\n"


@pytest.mark.parametrize(
    "data",
    [
        DRAFT.encode("utf-8"),
        b"\xef\xbb\xbf" + DRAFT.encode("utf-8"),
        DRAFT.encode("gb18030"),
        DRAFT.encode("gbk"),
        DRAFT.encode("utf-16"),
        DRAFT.replace("\n", "\r\n").encode("gb18030"),
    ],
)
def test_text_encodings_detected(data):
    doc = parse(data, filename="x.txt")
    assert doc.text.rstrip("\n") == DRAFT.rstrip("\n")
    assert [a.label for a in doc.articles()] == ["第一条", "第二条"]


def test_gb18030_sample():
    doc = parse(SAMPLES / "dogs_gb18030.txt")
    assert doc.source.format == "txt" and "GB18030" in doc.warnings[0]
    assert doc.metadata.doc_number == "清政规〔2024〕5号" and len(doc.articles()) == 20


def test_markdown_headings():
    doc = parse("# 某县办法\n\n## 第一章　总　则\n\n第一条　内容。\n".encode(), filename="a.md")
    assert doc.source.format == "md" and doc.articles()[0].label == "第一条"
    assert next(doc.nodes("chapter")).heading == "总则"


def test_binary_is_unsupported():
    with pytest.raises(InputError) as err:
        parse(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, filename="a.txt")
    assert err.value.code == "unsupported_type"


def test_legacy_without_libreoffice_says_so(monkeypatch):
    monkeypatch.setattr(legacy, "soffice", lambda: None)
    with pytest.raises(DependencyError) as err:
        parse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, filename="a.doc")
    assert "LibreOffice" in err.value.message


def _convert(target: str) -> bytes:
    """stalls.docx converted by LibreOffice to ``target`` (doc, rtf, odt)."""
    if not HAS_SOFFICE:
        pytest.skip("未安装 LibreOffice（soffice）")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            "soffice",
            f"-env:UserInstallation=file://{tmp}/p",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            tmp,
            str(SAMPLES / "stalls.docx"),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=180)
        return (Path(tmp) / f"stalls.{target}").read_bytes()


@pytest.fixture(scope="module")
def original():
    return parse(SAMPLES / "stalls.docx")


@pytest.mark.libreoffice
@pytest.mark.parametrize(
    ("target", "name", "fmt"),
    [
        ("doc", "草案.doc", "doc"),
        ("doc", "草案.wps", "wps"),
        ("rtf", "草案.docx", "rtf"),
        ("odt", "草案.odt", "odt"),
    ],
)
def test_other_word_processor_formats_converted(original, target, name, fmt):
    doc = parse(_convert(target), filename=name)
    assert doc.source.format == fmt and "LibreOffice" in doc.warnings[-1]
    assert [a.label for a in doc.articles()] == [a.label for a in original.articles()]
    assert doc.metadata.title == original.metadata.title
