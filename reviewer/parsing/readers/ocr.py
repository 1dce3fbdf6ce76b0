"""OCR of scanned PDF pages with rapidocr (the ``[ocr]`` extra; its models ship inside the wheel)."""

from __future__ import annotations

import functools
import importlib.util
from typing import Any

from reviewer.parsing.readers.layout import Line, Page, fullwidth_punct

INSTALL_HINT = "识别扫描件需要安装 OCR 组件：pip install 'fashen[ocr]'（即 rapidocr 与 onnxruntime）。"
DPI = 200


def available() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in ("rapidocr", "onnxruntime"))


@functools.cache
def _engine() -> Any:
    from rapidocr import RapidOCR

    return RapidOCR(params={"Global.log_level": "error"})


def read_page(page: Any, number: int) -> Page:
    """OCR one pypdfium2 page into positioned lines (PDF points, like pdfplumber's)."""
    scale = DPI / 72
    width, height = page.get_size()
    image = page.render(scale=scale).to_numpy()
    result = _engine()(image)
    boxes = [] if result.boxes is None else result.boxes
    pieces = []
    for box, text in zip(boxes, result.txts or (), strict=False):
        xs = [float(pt[0]) / scale for pt in box]
        ys = [float(pt[1]) / scale for pt in box]
        pieces.append(Line(number, min(xs), min(ys), max(xs), max(ys), fullwidth_punct(text)))
    return Page(number, float(width), float(height), _rows(pieces))


def _rows(pieces: list[Line]) -> list[Line]:
    """Merge text boxes that sit on one row (vertical overlap) into lines, left to right."""
    rows: list[list[Line]] = []
    for piece in sorted(pieces, key=lambda p: (p.top, p.x0)):
        row = rows[-1] if rows else None
        if row:
            top, bottom = min(p.top for p in row), max(p.bottom for p in row)
            overlap = min(bottom, piece.bottom) - max(top, piece.top)
            if overlap > 0.5 * min(bottom - top, piece.size):
                row.append(piece)
                continue
        rows.append([piece])
    out = []
    for row in rows:
        row.sort(key=lambda p: p.x0)
        text = "\u3000".join(p.text for p in row)
        out.append(
            Line(
                row[0].page,
                row[0].x0,
                min(p.top for p in row),
                max(p.x1 for p in row),
                max(p.bottom for p in row),
                text,
            )
        )
    return out
