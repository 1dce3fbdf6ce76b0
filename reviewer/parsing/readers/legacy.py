"""Old and other word-processor formats (.doc, .wps, .rtf, .odt): converted to .docx with LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from reviewer.errors import DependencyError, InputError, LimitError
from reviewer.model import Document
from reviewer.parsing.readers import ReadContext

_NAMES = {
    "doc": "Word 97-2003（.doc）",
    "wps": "WPS 文字（.wps）",
    "rtf": "RTF",
    "odt": "OpenDocument（.odt）",
}


def soffice() -> str | None:
    """The LibreOffice executable, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _format(kind: str, filename: str | None) -> str:
    if kind == "ole":
        return "wps" if (filename or "").lower().endswith((".wps", ".wpt")) else "doc"
    return kind


def convert_to_docx(data: bytes, suffix: str, timeout: float) -> bytes:
    """Convert with ``soffice --headless --convert-to docx`` in a private profile; the .docx bytes."""
    exe = soffice()
    if exe is None:
        raise DependencyError(
            "读取该格式需要安装 LibreOffice（例如 apt-get install libreoffice-writer-nogui），"
            "或先在 Word/WPS 中另存为 .docx 后再提交。",
            code="missing_dependency",
        )
    with tempfile.TemporaryDirectory(prefix="fashen-soffice-") as tmp:
        src = Path(tmp) / f"input.{suffix}"
        src.write_bytes(data)
        out_dir = Path(tmp) / "out"
        cmd = [
            exe,
            f"-env:UserInstallation=file://{tmp}/profile",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out_dir),
            str(src),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=max(timeout, 1), check=False)
        except subprocess.TimeoutExpired as exc:
            raise LimitError("LibreOffice 转换超时，已停止。", code="timeout") from exc
        result = out_dir / "input.docx"
        if not result.exists():
            raise InputError("LibreOffice 无法转换该文件，文件可能已损坏或已加密。", code="corrupt")
        return result.read_bytes()


def read_legacy(data: bytes, ctx: ReadContext, kind: str) -> Document:
    from reviewer.parsing.readers.docx import read_zip

    fmt = _format(kind, ctx.filename)
    converted = convert_to_docx(data, fmt, ctx.deadline.remaining())
    doc = read_zip(converted, ctx)
    doc.source = ctx.source(fmt, data)
    doc.warnings.append(f"{_NAMES[fmt]} 文件已用 LibreOffice 转换为 .docx 后读取。")
    return doc
