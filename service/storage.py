"""Uploaded files: size limit, type by content, a quick integrity check, storage by SHA-256.

User file names never reach the file system: a file lives at ``files/<sha[:2]>/<sha>``.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from fastapi import UploadFile

from reviewer.errors import InputError, LimitError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FORMAT_NAMES = {"docx": "Word 文档", "pdf": "PDF", "doc": "Word 97-2003 / WPS 文档", "txt": "纯文本"}


async def read_upload(upload: UploadFile, limit: int) -> bytes:
    """The upload's bytes; more than ``limit`` bytes is a LimitError (413)."""
    chunks, total = [], 0
    while chunk := await upload.read(1 << 20):
        total += len(chunk)
        if total > limit:
            raise LimitError(f"文件超过大小上限（{limit // (1024 * 1024)} MB）。", code="too_large")
        chunks.append(chunk)
    return b"".join(chunks)


def sniff(data: bytes) -> str:
    """The format by content: docx / pdf / doc (also .wps) / txt; anything else is rejected."""
    if not data.strip():
        raise InputError("文件为空。", code="empty")
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(OLE_MAGIC):
        return "doc"
    if b"\x00" not in data[:8192]:
        for enc in ("utf-8", "gb18030"):
            try:
                data.decode(enc)
                return "txt"
            except UnicodeDecodeError:
                continue
    raise InputError(
        "不支持的文件类型：请上传 .docx、.pdf、.doc、.wps 或 .txt 文件。", code="unsupported_type"
    )


def check_integrity(data: bytes, fmt: str) -> None:
    """Reject corrupt files before anything is stored (the full parse runs in the review job)."""
    try:
        if fmt == "docx":
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" not in zf.namelist():
                    raise InputError("该压缩文件不是 Word 文档（缺少 word/document.xml）。", code="corrupt")
                if zf.testzip() is not None:
                    raise InputError("Word 文档已损坏。", code="corrupt")
        elif fmt == "pdf":
            import pypdfium2

            pdf = pypdfium2.PdfDocument(data)
            try:
                if len(pdf) == 0:
                    raise InputError("PDF 文件没有页面。", code="corrupt")
            finally:
                pdf.close()
    except InputError:
        raise
    except Exception as exc:  # zipfile / pdfium raise many kinds on damaged input
        raise InputError(f"文件已损坏，无法打开（{FORMAT_NAMES[fmt]}）。", code="corrupt") from exc


def display_name(filename: str | None, fmt: str) -> str:
    """A safe name for display and downloads: no path, no control characters, bounded length."""
    name = unicodedata.normalize("NFC", (filename or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = re.sub(r"[\x00-\x1f\x7f<>:\"|?*]", "", name).strip(" .")
    return (name or f"draft.{fmt}")[:200]


class FileStore:
    """Content-addressed files under ``root``."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, sha256: str) -> Path:
        if not re.fullmatch(r"[0-9a-f]{64}", sha256):
            raise ValueError("invalid digest")
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> tuple[str, bool]:
        """Store ``data``; returns its SHA-256 and whether the file is new (for clean-up on failure)."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest, False
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest, True

    def discard(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)
