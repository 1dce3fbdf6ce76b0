"""The opinion letter and the annotated draft of a version, built from the advisor's decisions.

The writers are the library's (``reviewer.report``); this module only turns database rows into a Review.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.model import Basis, Review
from reviewer.model import Finding as LibFinding
from service.materials import Materials, working_days_between
from service.models import Finding, Submission, User, Version
from service.results import resolved
from service.storage import FileStore


def _lib_finding(f: Finding) -> LibFinding:
    return LibFinding(
        rule_id=f.rule_id,
        category=f.category,
        severity=f.severity,
        start=f.start,
        end=f.end,
        quote=f.quote,
        article=f.article or ("送审材料" if f.origin == "procedure" else None),
        node_id=f.node_id,
        message=f.message,
        suggestion=f.suggestion,
        replacement=f.replacement,
        basis=[Basis(**b) for b in f.basis],
        whether=f.whether,
        title=f.title,
        rule_version=f.rule_version,
        key=f"{f.id}",
    )


def _decisions(rows: list[Finding]) -> dict[str, Any]:
    from reviewer.report import Decision

    return {
        str(f.id): Decision(
            status="dismissed" if f.status == "dismissed" else "accepted",
            message=f.edited_message,
            suggestion=f.edited_suggestion,
        )
        for f in rows
    }


def _review(
    session: Session, store: FileStore, ver: Version, *, procedure: bool
) -> tuple[Review, list[Finding]]:
    from reviewer.api import parse

    doc = parse(store.path(ver.sha256), ver.filename)
    rows = list(session.scalars(select(Finding).where(Finding.version_id == ver.id).order_by(Finding.start)))
    rows = [f for f in rows if procedure or f.origin != "procedure"]
    return Review(
        document=doc, findings=[_lib_finding(f) for f in rows], catalog_version=ver.catalog_version
    ), rows


def materials_list(m: Materials) -> list[str]:
    """送审材料 for the letter's 基本情况, naming what is missing."""
    out = ["送审稿", "起草说明" if m.explanation.strip() else "起草说明（未提交）"]
    if m.consultation_held and m.consultation_start and m.consultation_end:
        span = (m.consultation_end - m.consultation_start).days + 1
        out.append(
            f"公开征求意见情况（{m.consultation_start.isoformat()}至{m.consultation_end.isoformat()}，"
            f"{span}日，{working_days_between(m.consultation_start, m.consultation_end)}个工作日）"
        )
    else:
        out.append(
            "公开征求意见情况（未提供）" if not m.consultation_held else "公开征求意见情况（起止日期不明）"
        )
    if m.fair_competition == "done":
        out.append("公平竞争审查结论")
    elif m.market_related:
        out.append("公平竞争审查结论（未提供）")
    if m.stability_required:
        out.append("社会稳定风险评估报告" + ("" if m.stability_done else "（未提供）"))
    out.append(
        {"done": "集体讨论记录", "scheduled": "集体讨论安排（已安排）"}.get(
            m.collective, "集体讨论（未安排）"
        )
    )
    return out


def _revision_notes(session: Session, ver: Version) -> list[str]:
    fixed = [f for f in resolved(session, ver) if f.origin != "procedure"]
    if not fixed:
        return []
    items = "；".join(
        f"{f.article or '全文'}「{f.quote[:30]}」（{f.title or f.rule_id}）" for f in fixed[:20]
    )
    return [f"与第{ver.number - 1}稿相比，本稿已修改{len(fixed)}处问题：{items}。"]


def letter_bytes(session: Session, store: FileStore, ver: Version, reviewer: User | None) -> bytes:
    from reviewer.report import LetterContext, write_letter

    sub: Submission = ver.submission
    review, rows = _review(session, store, ver, procedure=True)
    ctx = LetterContext(
        submitter=sub.department.name,
        received=sub.created_at.date(),
        review_date=ver.signed_at.date() if ver.signed_at else datetime.now(UTC).date(),
        reviewer=(sub.advisor.display_name if sub.advisor else None)
        or (reviewer.display_name if reviewer else None),
        reviewer_org=sub.department.jurisdiction,
        materials=materials_list(Materials.model_validate(sub.materials)),
        notes=_revision_notes(session, ver),
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "letter.docx"
        write_letter(review, out, context=ctx, decisions=_decisions(rows))
        return out.read_bytes()


def annotated_bytes(session: Session, store: FileStore, ver: Version) -> bytes:
    from reviewer.report import apply_decisions, write_annotated

    review, rows = _review(session, store, ver, procedure=False)
    kept = [f for f, _ in apply_decisions(review.findings, _decisions(rows))]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "annotated.docx"
        write_annotated(store.path(ver.sha256), kept, out, doc=review.document)
        return out.read_bytes()
