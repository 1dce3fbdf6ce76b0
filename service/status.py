"""A submission's status and deadline as users see them."""

from __future__ import annotations

from datetime import UTC, datetime

from service.models import Submission
from service.schemas import SubmissionOut, VersionOut


def status_of(sub: Submission) -> str:
    latest = sub.versions[-1] if sub.versions else None
    if latest is None:
        return "无文件"
    if latest.signed_at is not None:
        return "已签发"
    job = latest.job
    return {"queued": "排队中", "running": "审查中", "failed": "审查失败"}.get(
        job.status if job else "", "待审核"
    )


def overdue(sub: Submission) -> bool:
    signed = bool(sub.versions) and sub.versions[-1].signed_at is not None
    return not signed and datetime.now(UTC).date() > sub.deadline


def submission_out(sub: Submission) -> SubmissionOut:
    out = SubmissionOut.model_validate(sub)
    out.versions = [VersionOut.of(v) for v in sub.versions]
    out.status, out.overdue = status_of(sub), overdue(sub)
    return out
