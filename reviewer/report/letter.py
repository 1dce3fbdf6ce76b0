"""The opinion letter (合法性审查意见书): a .docx rendered from a docxtpl template in GB/T 9704 layout."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reviewer.errors import InputError
from reviewer.model import SEVERITY_LABELS, Finding, Review
from reviewer.report.decisions import Decision, apply_decisions, check_conclusion, conclusion_of
from reviewer.report.labels import (
    CHECK_STATUS_LABELS,
    WHETHERS,
    article_of,
    category_name,
    checklist_status,
    cite,
    cn_date,
    doc_title,
    finding_whether,
    suggestion_text,
)

TEMPLATE = Path(__file__).parent / "templates" / "letter_template.docx"
GENERAL_BASIS = (
    "《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）",
    "《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）",
)
ORDINALS = "一二三四五六七八九十"
PENDING = "（待填写）"
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(slots=True)
class LetterContext:
    """What the letter needs besides the review: who sent it, who reviewed it, and overrides."""

    submitter: str | None = None
    addressee: str | None = None
    received: date | None = None
    review_date: date | None = None
    reviewer: str | None = None
    reviewer_org: str | None = None
    letter_number: str | None = None
    materials: list[str] = field(default_factory=list)
    conclusion: str | None = None
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        check_conclusion(self.conclusion)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _XML_BAD.sub("", value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _laws(kept: list[Finding]) -> list[str]:
    """审查依据: the general documents, then each law cited by a finding with its articles, in order."""
    arts: dict[str, list[str]] = {}
    for f in kept:
        for b in f.basis:
            lst = arts.setdefault(b.law.strip("《》"), [])
            if b.article and b.article not in lst:
                lst.append(b.article)
    return list(GENERAL_BASIS) + [f"《{law}》" + "、".join(a) for law, a in arts.items()]


def _basics(review: Review, ctx: LetterContext, title: str) -> list[str]:
    doc, md = review.document, review.document.metadata
    arts = len(doc.articles())
    lines = [
        f"送审单位：{ctx.submitter or PENDING}。",
        f"文件名称：《{title}》" + (f"（{md.doc_number}）" if md.doc_number else "") + "。",
        f"收文日期：{cn_date(ctx.received) if ctx.received else PENDING}。",
    ]
    facts = [
        f"制定机关为{md.issuer}" if md.issuer else None,
        f"全文共{arts}条" if arts else None,
        f"约{len(doc.text)}字",
        f"施行日期为{cn_date(md.effective_date)}" if md.effective_date else None,
        "自发布之日起施行" if md.effective_on_publication else None,
        (md.validity.text if "有效期" in md.validity.text else f"有效期{md.validity.text}")
        if md.validity
        else None,
    ]
    lines.append("文件概况：" + "，".join(x for x in facts if x) + "。")
    lines.append("送审材料：" + ("、".join(ctx.materials) if ctx.materials else "送审稿") + "。")
    how = "审查方式：书面审查。对照审查事项清单逐项审查，并运用“法审”审查规则库辅助比对"
    if review.catalog_version:
        how += f"（规则库版本{review.catalog_version}"
        how += f"，法规库截至{review.knowledge_date}）" if review.knowledge_date else "）"
    if review.as_of:
        how += f"，以{cn_date(review.as_of)}为判断时点"
    lines.append(how + "。")
    return lines


def _finding(review: Review, f: Finding, d: Decision | None, no: int) -> dict[str, Any]:
    return {
        "no": no,
        "heading": f"{article_of(review, f)}　【{SEVERITY_LABELS.get(f.severity, f.severity)}】"
        f"{f.title or category_name(f.category)}",
        "quote": f.quote.replace("\n", " "),
        "message": f.message or f.title or category_name(f.category),
        "basis": [cite(b) for b in f.basis],
        "suggestion": suggestion_text(f),
        "note": d.note if d else None,
    }


def _conclusion_text(conclusion: str, title: str, kept: list[Finding]) -> str:
    if conclusion == "同意提交":
        return f"经审查，《{title}》未发现合法性问题，同意提交集体审议（印发）。"
    if conclusion == "不予提交":
        return f"经审查，《{title}》的制定主体、权限或主要内容不合法，建议不予提交审议。"
    counts = "、".join(
        f"{SEVERITY_LABELS[s]}{n}处"
        for s in ("error", "warning", "info")
        if (n := sum(1 for f in kept if f.severity == s))
    )
    return f"经审查，《{title}》存在{len(kept)}处问题（{counts}），建议按本意见修改完善后提交集体审议。"


def letter_values(
    review: Review, context: LetterContext | None = None, decisions: Mapping[str, Decision] | None = None
) -> dict[str, Any]:
    """Everything the template shows, as plain values (usable by other templates too)."""
    ctx = context or LetterContext()
    title = doc_title(review)
    pairs = sorted(apply_decisions(review.findings, decisions), key=lambda p: (p[0].start, p[0].end))
    kept = [f for f, _ in pairs]
    conclusion = ctx.conclusion or conclusion_of(kept)
    groups, no = [], 0
    for code, heading in WHETHERS.items():
        items = [(f, d) for f, d in pairs if finding_whether(f) == code]
        if items:
            rows = []
            for f, d in items:
                no += 1
                rows.append(_finding(review, f, d, no))
            groups.append({"ordinal": ORDINALS[len(groups)], "title": heading, "findings": rows})
    items = [
        {
            "no": i,
            "title": it.title,
            "category": category_name(it.category),
            "status": CHECK_STATUS_LABELS[status],
        }
        for i, (it, status) in enumerate(checklist_status(review.checked), 1)
    ]
    tally = {label: sum(1 for it in items if it["status"] == label) for label in CHECK_STATUS_LABELS.values()}
    summary = (
        f"审查事项清单共{len(items)}项："
        + "，".join(f"{label}{n}项" for label, n in tally.items() if n)
        + "。"
    )
    return _clean(
        {
            "doc_title": title,
            "letter_number": ctx.letter_number,
            "addressee": ctx.addressee or ctx.submitter or PENDING,
            "opening": f"你单位送审的《{title}》收悉。经审查，现提出如下合法性审查意见：",
            "basics": _basics(review, ctx, title),
            "laws": _laws(kept),
            "groups": groups,
            "conclusion": conclusion,
            "conclusion_text": _conclusion_text(conclusion, title, kept),
            "coverage_summary": summary,
            "checklist": items,
            "notes": list(ctx.notes),
            "reviewer_org": ctx.reviewer_org or "（审查机构）",
            "reviewer": ctx.reviewer or "　　　　",
            "sign_date": cn_date(ctx.review_date),
        }
    )


def write_letter(
    review: Review,
    out_path: str | Path,
    *,
    context: LetterContext | None = None,
    decisions: Mapping[str, Decision] | None = None,
    template: str | Path | None = None,
) -> Path:
    """Render the opinion letter to ``out_path`` from the package template or a county's own."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    tpl_path = Path(template) if template else TEMPLATE
    if not tpl_path.is_file():
        raise InputError(f"找不到意见书模板：{tpl_path}", code="template_missing")
    try:
        tpl = DocxTemplate(str(tpl_path))
        tpl.render(letter_values(review, context, decisions), autoescape=True)
    except TemplateError as exc:
        raise InputError(f"意见书模板有误：{exc}", code="template_invalid") from exc
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tpl.save(str(out))
    return out
