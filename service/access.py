"""Who sees and may change what. Invisible resources are 404; visible but not allowed is 403."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from service.errors import Conflict, Forbidden, NotFound
from service.models import Department, Finding, Submission, User, Version


def visible(user: User) -> Select:
    """Submissions the user may see: own department / assigned / jurisdiction / everything (admin)."""
    query = select(Submission)
    if user.role == "admin":
        return query
    if user.role == "drafter":
        return query.where(Submission.department_id == (user.department_id or -1))
    if user.role == "advisor":
        return query.where(Submission.advisor_id == user.id)
    if user.role == "judicial":
        return query.join(Department, Submission.department_id == Department.id).where(
            Department.jurisdiction == (user.jurisdiction or "")
        )
    return query.where(False)


def submission(session: Session, user: User, submission_id: int) -> Submission:
    sub = session.scalar(visible(user).where(Submission.id == submission_id))
    if sub is None:
        raise NotFound("送审件不存在或无权查看。")
    return sub


def version(session: Session, user: User, submission_id: int, number: int) -> Version:
    sub = submission(session, user, submission_id)
    ver = next((v for v in sub.versions if v.number == number), None)
    if ver is None:
        raise NotFound("该版本不存在。")
    return ver


def finding(session: Session, user: User, finding_id: int) -> Finding:
    row = session.get(Finding, finding_id)
    if row is None:
        raise NotFound("问题不存在或无权查看。")
    ver = session.get(Version, row.version_id)
    submission(session, user, ver.submission_id)  # 404 when not visible
    return row


def may_upload(user: User, sub: Submission) -> None:
    if not (user.role == "admin" or (user.role == "drafter" and user.department_id == sub.department_id)):
        raise Forbidden("只有本起草单位可以上传修改稿。")


def may_decide(user: User, ver: Version) -> None:
    if user.role not in ("admin", "advisor", "judicial"):
        raise Forbidden("只有法律顾问或司法所可以处理审查问题。")
    if ver.signed_at is not None:
        raise Conflict("该版本已签发锁定，不能再修改。", code="locked")
    latest = max(v.number for v in ver.submission.versions)
    if ver.number != latest:
        raise Conflict("只能处理最新版本的问题。", code="not_latest")


def may_sign(user: User) -> None:
    if user.role not in ("admin", "judicial"):
        raise Forbidden("只有司法所审查人员可以签发。")


def may_assign(user: User) -> None:
    if user.role not in ("admin", "judicial"):
        raise Forbidden("只有司法所或管理员可以指派法律顾问。")


def admin_only(user: User) -> None:
    if user.role != "admin":
        raise Forbidden("只有管理员可以管理用户和起草单位。")


def may_submit(user: User) -> None:
    if user.role not in ("admin", "drafter"):
        raise Forbidden("只有起草单位可以送审。")
