"""Plain text and Markdown: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, detected."""

from __future__ import annotations

import codecs

from reviewer.errors import InputError
from reviewer.model import Document
from reviewer.parsing.readers import SUPPORTED, ReadContext

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``; raises InputError ``unsupported_type`` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise _binary() from exc
    if b"\x00" in data[:65536]:
        raise _binary()
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_textual(text):
            return text, encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or not _looks_textual(str(best)):
        raise _binary()
    return str(best), best.encoding


def _looks_textual(text: str) -> bool:
    """Few control characters: a decoded binary file is mostly noise."""
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return bad <= len(sample) * 0.01


def _binary() -> InputError:
    return InputError(
        "无法识别的文件类型（不是文本、Word 或 PDF 文件）。" + SUPPORTED, code="unsupported_type"
    )


def read_text(data: bytes, ctx: ReadContext) -> Document:
    from reviewer.parsing import assemble

    text, encoding = decode(data)
    name = (ctx.filename or "").lower()
    fmt = "md" if name.endswith((".md", ".markdown")) else "txt"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = [{"text": line, "provenance": {"line": i}} for i, line in enumerate(lines, 1)]
    return assemble(
        blocks,
        ctx.source(fmt, data),
        warnings=[] if encoding.startswith("utf") else [f"文件编码为 {encoding.upper()}，已按该编码读取。"],
    )
