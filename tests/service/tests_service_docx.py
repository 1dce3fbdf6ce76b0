"""Reading downloaded .docx files in tests."""

from __future__ import annotations

import io

import docx


def docx_text(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def docx_comments(data: bytes) -> list[str]:
    return [c.text for c in docx.Document(io.BytesIO(data)).comments]
