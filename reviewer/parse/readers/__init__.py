"""Readers: pick the format from the content and turn a file into body blocks."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reviewer.errors import InputError
from reviewer.model import Document, SourceInfo


def read(source: str | Path | bytes, filename: str | None = None) -> Document:
    from reviewer.parse import parse_text

    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        filename = filename or path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"无法读取文件：{exc.strerror or exc}", code="unreadable") from exc
    if not data.strip():
        raise InputError("文件为空。", code="empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    doc = parse_text(text, filename=filename, fmt="txt")
    doc.source = SourceInfo(format="txt", filename=filename, sha256=hashlib.sha256(data).hexdigest(),
                            size=len(data))
    return doc
