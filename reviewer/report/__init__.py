"""What the legal advisor receives: annotated draft, opinion letter, and JSON / Markdown / HTML reports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from reviewer.errors import InputError
from reviewer.model import Document, Review
from reviewer.report.annotate import AnnotateResult, write_annotated
from reviewer.report.decisions import CONCLUSIONS, Decision, apply_decisions, conclusion_of
from reviewer.report.html_report import to_html
from reviewer.report.json_report import SCHEMA_ID, SCHEMA_PATH, report_dict, to_json
from reviewer.report.letter import LetterContext, letter_values, write_letter
from reviewer.report.markdown_report import to_markdown

FORMATS = ("docx", "letter", "json", "md", "html")
SUFFIXES = {
    "docx": ".批注.docx",
    "letter": ".审查意见书.docx",
    "json": ".审查结果.json",
    "md": ".审查结果.md",
    "html": ".审查结果.html",
}


def output_names(stem: str) -> dict[str, str]:
    """File name of each output for a draft named ``stem``."""
    return {fmt: stem + suffix for fmt, suffix in SUFFIXES.items()}


def write_outputs(
    review: Review,
    outdir: str | Path,
    *,
    source: str | Path | bytes | Document | None = None,
    formats: Iterable[str] | None = None,
    tracked_changes: bool = False,
    context: LetterContext | None = None,
    decisions: Mapping[str, Decision] | None = None,
    template: str | Path | None = None,
    stem: str | None = None,
) -> dict[str, Path]:
    """Write the chosen outputs into ``outdir``; ``source`` is the uploaded file (else the parsed text)."""
    formats = list(formats or FORMATS)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise InputError(
            f"不支持的输出格式：{'、'.join(unknown)}（可选：{'、'.join(FORMATS)}）。", code="bad_format"
        )
    doc = review.document
    stem = stem or (Path(doc.source.filename).stem if doc.source.filename else "审查文件")
    names = output_names(stem)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    conclusion = context.conclusion if context else None
    written: dict[str, Path] = {}
    for fmt in formats:
        path = out / names[fmt]
        if fmt == "docx":
            kept = [f for f, _ in apply_decisions(review.findings, decisions)]
            write_annotated(
                source if source is not None else doc, kept, path, doc=doc, tracked_changes=tracked_changes
            )
        elif fmt == "letter":
            write_letter(review, path, context=context, decisions=decisions, template=template)
        else:
            render = {"json": to_json, "md": to_markdown, "html": to_html}[fmt]
            path.write_text(render(review, decisions=decisions, conclusion=conclusion), encoding="utf-8")
        written[fmt] = path
    return written


__all__ = [
    "AnnotateResult",
    "CONCLUSIONS",
    "Decision",
    "FORMATS",
    "LetterContext",
    "SCHEMA_ID",
    "SCHEMA_PATH",
    "apply_decisions",
    "conclusion_of",
    "letter_values",
    "output_names",
    "report_dict",
    "to_html",
    "to_json",
    "to_markdown",
    "write_annotated",
    "write_letter",
    "write_outputs",
]
