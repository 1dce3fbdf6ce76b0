"""PDF: page count, encryption and scanned pages checked with pypdfium2; text pages read with pdfplumber's
text lines, scanned pages by OCR; paragraphs rebuilt by :mod:`reviewer.parsing.readers.layout`.
"""

from __future__ import annotations

import io
from typing import Any

from reviewer.errors import DependencyError, InputError, LimitError
from reviewer.model import Document
from reviewer.parsing.readers import ReadContext
from reviewer.parsing.readers.layout import Line, Page, paragraphs, split_margins

MIN_TEXT_CHARS = 10  # a page with fewer characters and an image is a scanned page


def _open_pdfium(data: bytes) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                "PDF 文件已加密（需要密码），请先解除密码保护后再提交。", code="encrypted"
            ) from exc
        raise InputError("PDF 文件已损坏，无法打开。", code="corrupt", detail=str(exc)) from exc


def _scanned_pages(pdf: Any) -> set[int]:
    """0-based indexes of pages that hold an image and (almost) no text."""
    import pypdfium2.raw as pdfium_c

    out = set()
    for i in range(len(pdf)):
        page = pdf[i]
        try:
            textpage = page.get_textpage()
            chars = textpage.count_chars()
            textpage.close()
            if chars < MIN_TEXT_CHARS and any(
                True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)
            ):
                out.add(i)
        finally:
            page.close()
    return out


def read_pdf(data: bytes, ctx: ReadContext) -> Document:
    from reviewer.parsing import assemble

    pdf = _open_pdfium(data)
    try:
        count = len(pdf)
        if count > ctx.limits.max_pages:
            raise LimitError(
                f"PDF 页数过多（{count} 页），上限为 {ctx.limits.max_pages} 页。", code="too_many_pages"
            )
        if count == 0:
            raise InputError("PDF 文件没有页面。", code="no_text")
        scanned = _scanned_pages(pdf)
    finally:
        pdf.close()
    pages = _text_pages(data, count, scanned, ctx)
    garbled = {i for i, page in enumerate(pages) if page is not None and _garbled(page)}
    warnings: list[str] = []
    ocr_pages = _ocr(data, sorted(scanned | garbled), count, ctx, warnings)
    for i in garbled:
        pages[i] = None
    for i, page in ocr_pages.items():
        pages[i] = page
    pages_list, headers, footers = split_margins([p for p in pages if p is not None])
    extras = {k: v for k, v in (("headers", headers), ("footers", footers)) if v}
    fmt = "pdf-ocr" if len(ocr_pages) == count else "pdf"
    if fmt == "pdf-ocr":
        warnings.append("本文件为扫描件，文字经 OCR 识别，请核对原文。")
    elif ocr_pages:
        warnings.append(f"第 {_page_list(ocr_pages)} 页为扫描图像或文字无法提取，已用 OCR 识别。")
    return assemble(
        paragraphs(pages_list, noisy=bool(ocr_pages)),
        ctx.source(fmt, data, pages=count),
        extras=extras,
        warnings=warnings,
    )


def _page_list(indexes) -> str:
    return "、".join(str(i + 1) for i in sorted(indexes))


def _garbled(page: Page) -> bool:
    """Fonts without a ToUnicode map come out as (cid:123): the text layer is unusable."""
    text = "".join(ln.text for ln in page.lines)
    return text.count("(cid:") * 8 > len(text) * 0.2


def _ocr(
    data: bytes, indexes: list[int], count: int, ctx: ReadContext, warnings: list[str]
) -> dict[int, Page]:
    """OCR the given pages; without the OCR extra, an error if nothing else is readable, else a warning."""
    if not indexes:
        return {}
    from reviewer.parsing.readers import ocr

    if not ocr.available():
        if len(indexes) == count:
            raise DependencyError(ocr.INSTALL_HINT, code="missing_dependency")
        warnings.append(
            f"第 {_page_list(indexes)} 页为扫描图像或文字无法提取，未安装 OCR 组件，已跳过。{ocr.INSTALL_HINT}"
        )
        return {}
    out = {}
    pdf = _open_pdfium(data)
    try:
        for i in indexes:
            ctx.deadline.check()
            out[i] = ocr.read_page(pdf[i], i + 1)
    finally:
        pdf.close()
    return out


def _text_pages(data: bytes, count: int, skip: set[int], ctx: ReadContext) -> list[Page | None]:
    """Lines of every page with a text layer (pdfplumber), None for skipped pages."""
    if len(skip) == count:
        return [None] * count
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    out: list[Page | None] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i, page in enumerate(pdf.pages):
                ctx.deadline.check()
                if i in skip:
                    out.append(None)
                    continue
                lines = [
                    Line(i + 1, ln["x0"], ln["top"], ln["x1"], ln["bottom"], ln["text"])
                    for ln in page.extract_text_lines(return_chars=False)
                ]
                out.append(Page(i + 1, float(page.width), float(page.height), lines))
                page.close()
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise InputError("PDF 文件已损坏，无法读取文字。", code="corrupt", detail=str(exc)) from exc
    return out
