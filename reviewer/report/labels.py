"""What the outputs call things: category and "whether" names, checklist items, comment text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reviewer.model import SEVERITY_LABELS, Basis, Finding, Review

CHECK_STATUS_LABELS = {"found": "发现问题", "clean": "未发现问题", "n/a": "不适用", "unchecked": "需人工审查"}
WHETHERS = {"law": "是否符合法律政策", "public": "是否符合群众利益", "need": "是否符合现实需要"}


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    id: str
    title: str
    category: str


def _catalog():
    from reviewer.engine import catalog

    return catalog.get()


def checklist() -> tuple[ChecklistItem, ...]:
    """Every checklist item (已审查事项) of the rule catalog, in category order."""
    return tuple(
        ChecklistItem(item, title, code)
        for code, cat in _catalog().categories.items()
        for item, title in cat.items.items()
    )


def checklist_status(checked: dict[str, str]) -> list[tuple[ChecklistItem, str]]:
    """Each checklist item with found / clean / n/a as the engine says, or unchecked when no rule of
    the catalog covers the item (the advisor must look at it by hand)."""
    covered = {item for rule in _catalog().rules for item in rule.spec.checklist}
    out = []
    for it in checklist():
        status = checked.get(it.id)
        out.append((it, "unchecked" if status in (None, "n/a") and it.id not in covered else status or "n/a"))
    return out


def whether_code(value: str | list[str] | None) -> str:
    """Normalise a whether given as a code or a Chinese phrase (or a list: the first one counts)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not value:
        return "law"
    if value in WHETHERS:
        return value
    if "群众" in value:
        return "public"
    if "现实" in value:
        return "need"
    return "law"


def category_name(code: str) -> str:
    cat = _catalog().categories.get(code)
    return cat.name if cat else code


def finding_whether(f: Finding) -> str:
    """The whether a finding is reported under: its own, else its category's."""
    cat = _catalog().categories.get(f.category)
    return whether_code(f.whether or (cat.whether if cat else None))


def cite(basis: Basis) -> str:
    """《法》第×条“原文”."""
    law = basis.law.strip("《》")
    return f"《{law}》{basis.article or ''}" + (f"“{basis.text}”" if basis.text else "")


def suggestion_text(f: Finding) -> str | None:
    """The suggestion, with the literal replacement spelt out when there is one."""
    parts = [f.suggestion] if f.suggestion else []
    if f.replacement is not None:
        parts.append(
            f"建议将“{f.quote}”修改为“{f.replacement}”。" if f.replacement else f"建议删除“{f.quote}”。"
        )
    return "".join(parts) or None


def comment_text(f: Finding) -> str:
    """【违法/风险/提示】问题；依据：《…》第×条“…”；建议：…"""
    out = f"【{SEVERITY_LABELS.get(f.severity, f.severity)}】{f.message or f.title or ''}".rstrip("。；")
    if f.basis:
        out += "；依据：" + "；".join(cite(b) for b in f.basis)
    sug = suggestion_text(f)
    if sug:
        out += "；建议：" + sug
    return out


def cn_date(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else "　　年　　月　　日"


def doc_title(review: Review) -> str:
    md, src = review.document.metadata, review.document.source
    title = md.title or (Path(src.filename).stem if src.filename else "送审文件")
    title = title.strip("《》")
    if md.draft_marker and md.draft_marker not in title:
        title += f"（{md.draft_marker}）"
    return title


def article_of(review: Review, f: Finding) -> str:
    """The clause a finding sits in: its article label, else the document part."""
    if f.article:
        return f.article
    node = review.document.article_at(f.start)
    if node is not None and node.label:
        return node.label
    part = review.document.part_of(f.start)
    return {
        "title": "标题",
        "preamble": "序言",
        "attachment": "附件",
        "explanation": "起草说明",
        "closing": "结尾",
    }.get(part, "全文")
