"""Readers: pick the format from the content (magic bytes), never from the file name, and read it.

Every reader turns the file into body blocks and calls :func:`reviewer.parsing.assemble`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from reviewer.errors import InputError, LimitError, ReviewerError
from reviewer.model import Document, SourceInfo
from reviewer.parsing.limits import Deadline, Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SUPPORTED = "支持的格式：.docx、.doc、.wps、.pdf（含扫描件）、.txt、.md。"


@dataclass(slots=True)
class ReadContext:
    """What a reader gets besides the bytes: the name given, the limits and the running deadline."""

    filename: str | None
    limits: Limits
    deadline: Deadline

    def source(self, fmt: str, data: bytes, pages: int | None = None) -> SourceInfo:
        return SourceInfo(
            format=fmt,
            filename=self.filename,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            pages=pages,
        )


def sniff(data: bytes) -> str:
    """The container type by magic bytes: pdf, zip, ole, rtf or text."""
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    return "text"


def _load(source: str | Path | bytes, filename: str | None, limits: Limits) -> tuple[bytes, str | None]:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    elif isinstance(source, str | Path):
        path = Path(source)
        filename = filename or path.name
        try:
            size = path.stat().st_size
            if size > limits.max_bytes:
                raise _too_big(size, limits)
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise InputError(f"找不到文件：{path}", code="not_found") from exc
        except IsADirectoryError as exc:
            raise InputError(f"这是一个文件夹，不是文件：{path}", code="unreadable") from exc
        except OSError as exc:
            raise InputError(f"无法读取文件：{exc.strerror or exc}", code="unreadable") from exc
    else:
        raise InputError("输入必须是文件路径或文件内容（bytes）。", code="bad_input")
    if len(data) > limits.max_bytes:
        raise _too_big(len(data), limits)
    return data, filename


def _too_big(size: int, limits: Limits) -> LimitError:
    return LimitError(
        f"文件过大（{size / 1048576:.1f} MB），上限为 {limits.max_bytes / 1048576:.0f} MB。", code="too_large"
    )


def read(source: str | Path | bytes, filename: str | None = None, limits: Limits | None = None) -> Document:
    """Read a path or bytes into a Document within ``limits`` (default: :meth:`Limits.from_env`)."""
    limits = limits or Limits.from_env()
    data, filename = _load(source, filename, limits)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise InputError("文件为空。", code="empty")
    ctx = ReadContext(filename, limits, Deadline(limits.max_seconds))
    try:
        doc = _dispatch(data, ctx)
    except ReviewerError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise LimitError("文件结构过于复杂，超出处理能力，已停止。", code="too_complex") from exc
    except Exception as exc:  # a third-party parser choking on malformed input: never a crash
        raise InputError(
            "文件内容无法解析，可能已损坏。", code="corrupt", detail=f"{type(exc).__name__}: {exc}"
        ) from exc
    if not doc.text.strip():
        raise InputError("文件中没有可识别的文字。", code="no_text")
    return doc


def _dispatch(data: bytes, ctx: ReadContext) -> Document:
    kind = sniff(data)
    if kind == "pdf":
        from reviewer.parsing.readers.pdf import read_pdf

        return read_pdf(data, ctx)
    elif kind == "zip":
        from reviewer.parsing.readers.docx import read_zip

        return read_zip(data, ctx)
    elif kind in ("ole", "rtf"):
        from reviewer.parsing.readers.legacy import read_legacy

        return read_legacy(data, ctx, kind)
    else:
        from reviewer.parsing.readers.text import read_text

        return read_text(data, ctx)
