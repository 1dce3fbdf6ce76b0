"""Database operations with keyword-only arguments; every change writes an audit entry."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service import access
from service.audit import record
from service.errors import Conflict, Invalid, NotFound, Throttled, Unauthorized
from service.materials import Materials, add_working_days
from service.models import (
    ROLES,
    ApiToken,
    Department,
    Finding,
    Job,
    LoginAttempt,
    Submission,
    User,
    Version,
    utcnow,
)
from service.security import (
    MIN_PASSWORD,
    dummy_verify,
    hash_password,
    new_token,
    token_digest,
    verify_password,
)
from service.settings import Settings
from service.storage import FileStore, check_integrity, display_name, sniff

# ---- people -------------------------------------------------------------------------------------------


def create_department(*, session: Session, actor: User | None, name: str, jurisdiction: str) -> Department:
    name, jurisdiction = name.strip(), jurisdiction.strip()
    if not name or not jurisdiction:
        raise Invalid("起草单位名称和所属司法所辖区不能为空。", code="invalid_department")
    if session.scalar(select(Department).where(Department.name == name)):
        raise Conflict(f"起草单位“{name}”已存在。", code="duplicate")
    dept = Department(name=name, jurisdiction=jurisdiction)
    session.add(dept)
    session.flush()
    record(
        session,
        actor,
        "department_created",
        target=f"department:{dept.id}",
        after={"name": name, "jurisdiction": jurisdiction},
    )
    return dept


def create_user(
    *,
    session: Session,
    actor: User | None,
    username: str,
    password: str,
    role: str,
    display_name: str | None = None,
    department: str | int | None = None,
    jurisdiction: str | None = None,
) -> User:
    """A user; drafters need a department, advisors and 司法所 reviewers a jurisdiction."""
    username = username.strip()
    if not username or len(username) > 64:
        raise Invalid("用户名不能为空且不超过 64 个字符。", code="invalid_user")
    if role not in ROLES:
        raise Invalid(f"角色无效，应为：{'、'.join(ROLES)}。", code="invalid_role")
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"密码至少 {MIN_PASSWORD} 位。", code="weak_password")
    if session.scalar(select(User).where(User.username == username)):
        raise Conflict(f"用户名“{username}”已存在。", code="duplicate")
    dept = None
    if department is not None:
        dept = (
            session.get(Department, department)
            if isinstance(department, int)
            else session.scalar(select(Department).where(Department.name == department))
        )
        if dept is None:
            raise NotFound(f"起草单位“{department}”不存在。")
    if role == "drafter" and dept is None:
        raise Invalid("起草单位用户必须指定所属单位。", code="invalid_user")
    if role in ("advisor", "judicial") and not (jurisdiction or "").strip():
        raise Invalid("法律顾问和司法所用户必须指定辖区。", code="invalid_user")
    user = User(
        username=username,
        display_name=(display_name or username).strip(),
        password_hash=hash_password(password),
        role=role,
        department_id=dept.id if dept else None,
        jurisdiction=(jurisdiction or "").strip() or None,
    )
    session.add(user)
    session.flush()
    record(
        session,
        actor,
        "user_created",
        target=f"user:{user.id}",
        after={
            "username": username,
            "role": role,
            "department_id": user.department_id,
            "jurisdiction": user.jurisdiction,
        },
    )
    return user


def set_user_active(*, session: Session, actor: User, user_id: int, active: bool) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("用户不存在。")
    record(
        session,
        actor,
        "user_updated",
        target=f"user:{user.id}",
        before={"active": user.active},
        after={"active": active},
    )
    user.active = active
    return user


def authenticate(*, session: Session, settings: Settings, username: str, password: str, ip: str) -> User:
    """Check a password; too many recent failures for the name or the address is a 429."""
    since = utcnow() - timedelta(minutes=settings.login_window_minutes)
    for column, value in ((LoginAttempt.username, username), (LoginAttempt.ip, ip)):
        failures = session.scalar(
            select(func.count())
            .select_from(LoginAttempt)
            .where(column == value, LoginAttempt.success.is_(False), LoginAttempt.at >= since)
        )
        if failures >= settings.login_max_failures:
            raise Throttled(f"登录失败次数过多，请 {settings.login_window_minutes} 分钟后再试。")
    user = session.scalar(select(User).where(User.username == username))
    ok = verify_password(user.password_hash, password) if user else (dummy_verify() or False)
    ok = ok and user is not None and user.active
    session.add(LoginAttempt(username=username[:64], ip=ip[:64], success=bool(ok)))
    if not ok:
        record(session, None, "login_failed", target=f"username:{username[:64]}")
        session.commit()
        raise Unauthorized("用户名或密码错误。", code="bad_credentials")
    record(session, user, "login", target=f"user:{user.id}")
    return user


def create_token(*, session: Session, user: User, name: str) -> str:
    token = new_token()
    session.add(ApiToken(user_id=user.id, name=name.strip()[:100] or "API", token_hash=token_digest(token)))
    record(session, user, "token_created", target=f"user:{user.id}", after={"name": name})
    return token


def user_for_token(*, session: Session, token: str) -> User | None:
    row = session.scalar(
        select(ApiToken).where(ApiToken.token_hash == token_digest(token), ApiToken.revoked.is_(False))
    )
    user = session.get(User, row.user_id) if row else None
    return user if user and user.active else None


# ---- submissions and versions ---------------------------------------------------------------------------


def _pick_advisor(session: Session, dept: Department) -> int | None:
    """The advisor of the department's jurisdiction with the fewest submissions."""
    load = (
        select(User.id, func.count(Submission.id).label("n"))
        .outerjoin(Submission, Submission.advisor_id == User.id)
        .where(User.role == "advisor", User.active.is_(True), User.jurisdiction == dept.jurisdiction)
        .group_by(User.id)
        .order_by("n", User.id)
    )
    row = session.execute(load).first()
    return row[0] if row else None


def _store_version(
    *, session: Session, store: FileStore, actor: User, sub: Submission, data: bytes, filename: str | None
) -> tuple[Version, str, bool]:
    fmt = sniff(data)
    check_integrity(data, fmt)
    digest, created = store.put(data)
    number = max((v.number for v in sub.versions), default=0) + 1
    ver = Version(
        submission=sub,
        number=number,
        sha256=digest,
        filename=display_name(filename, fmt),
        format=fmt,
        size=len(data),
        created_by=actor.id,
    )
    session.add(ver)
    session.flush()
    session.add(Job(version_id=ver.id))
    return ver, digest, created


def discard_unreferenced(*, session: Session, store: FileStore, digest: str) -> None:
    """Remove a stored file that no version refers to (clean-up after a failed upload)."""
    if not session.scalar(select(func.count()).select_from(Version).where(Version.sha256 == digest)):
        store.discard(digest)


def create_submission(
    *,
    session: Session,
    store: FileStore,
    settings: Settings,
    actor: User,
    title: str,
    data: bytes,
    filename: str | None,
    materials: Materials,
    meeting_date: date | None = None,
    department_id: int | None = None,
) -> Submission:
    access.may_submit(actor)
    title = title.strip()
    if not title or len(title) > 200:
        raise Invalid("文件名称不能为空且不超过 200 个字符。", code="invalid_title")
    dept_id = actor.department_id if actor.role == "drafter" else department_id
    dept = session.get(Department, dept_id) if dept_id else None
    if dept is None:
        raise Invalid("请指定起草单位。", code="invalid_department")
    today = datetime.now(UTC).date()
    sub = Submission(
        title=title,
        department_id=dept.id,
        created_by=actor.id,
        meeting_date=meeting_date,
        deadline=add_working_days(today, settings.review_days),
        materials=materials.model_dump(mode="json"),
        advisor_id=_pick_advisor(session, dept),
    )
    session.add(sub)
    session.flush()
    ver, digest, _ = _store_version(
        session=session, store=store, actor=actor, sub=sub, data=data, filename=filename
    )
    record(
        session,
        actor,
        "submission_created",
        submission_id=sub.id,
        target=f"submission:{sub.id}",
        after={
            "title": title,
            "department": dept.name,
            "file": ver.filename,
            "sha256": digest,
            "meeting_date": meeting_date.isoformat() if meeting_date else None,
            "advisor_id": sub.advisor_id,
        },
    )
    return sub


def add_version(
    *,
    session: Session,
    store: FileStore,
    actor: User,
    sub: Submission,
    data: bytes,
    filename: str | None,
    materials: Materials | None = None,
) -> Version:
    access.may_upload(actor, sub)
    ver, digest, _ = _store_version(
        session=session, store=store, actor=actor, sub=sub, data=data, filename=filename
    )
    before = dict(sub.materials)
    if materials is not None:
        sub.materials = materials.model_dump(mode="json")
    record(
        session,
        actor,
        "version_uploaded",
        submission_id=sub.id,
        target=f"version:{ver.id}",
        before={"materials": before} if materials is not None else None,
        after={
            "number": ver.number,
            "file": ver.filename,
            "sha256": digest,
            **({"materials": sub.materials} if materials is not None else {}),
        },
    )
    return ver


def assign_advisor(*, session: Session, actor: User, sub: Submission, advisor_id: int) -> Submission:
    access.may_assign(actor)
    advisor = session.get(User, advisor_id)
    if advisor is None or advisor.role != "advisor" or not advisor.active:
        raise NotFound("法律顾问不存在。")
    record(
        session,
        actor,
        "advisor_assigned",
        submission_id=sub.id,
        target=f"submission:{sub.id}",
        before={"advisor_id": sub.advisor_id},
        after={"advisor_id": advisor.id},
    )
    sub.advisor_id = advisor.id
    return sub


def sign_off(*, session: Session, actor: User, ver: Version) -> Version:
    access.may_sign(actor)
    if ver.signed_at is not None:
        raise Conflict("该版本已签发。", code="locked")
    if ver.job is None or ver.job.status != "done":
        raise Conflict("审查尚未完成，不能签发。", code="not_ready")
    if ver.number != max(v.number for v in ver.submission.versions):
        raise Conflict("只能签发最新版本。", code="not_latest")
    ver.signed_at, ver.signed_by = utcnow(), actor.id
    record(
        session,
        actor,
        "signed_off",
        submission_id=ver.submission_id,
        target=f"version:{ver.id}",
        after={"number": ver.number, "signed_at": ver.signed_at.isoformat()},
    )
    return ver


# ---- findings and decisions -----------------------------------------------------------------------------

DECISION_FIELDS = ("status", "reason", "edited_message", "edited_suggestion")


def _state(f: Finding) -> dict[str, Any]:
    return {k: getattr(f, k) for k in DECISION_FIELDS}


def decide(
    *,
    session: Session,
    actor: User,
    f: Finding,
    action: str,
    reason: str | None = None,
    message: str | None = None,
    suggestion: str | None = None,
) -> Finding:
    """accept / dismiss (reason required) / reopen / edit (message, suggestion)."""
    ver = session.get(Version, f.version_id)
    access.may_decide(actor, ver)
    before = _state(f)
    if action == "accept":
        f.status, f.reason = "accepted", None
    elif action == "dismiss":
        if not (reason or "").strip():
            raise Invalid("驳回问题必须填写理由。", code="reason_required")
        f.status, f.reason = "dismissed", reason.strip()
    elif action == "reopen":
        f.status, f.reason = "open", None
    elif action == "edit":
        if message is None and suggestion is None:
            raise Invalid("请填写修改后的问题描述或修改建议。", code="nothing_to_edit")
        if message is not None:
            f.edited_message = message.strip() or None
        if suggestion is not None:
            f.edited_suggestion = suggestion.strip() or None
    else:
        raise Invalid("操作无效，应为 accept、dismiss、reopen 或 edit。", code="invalid_action")
    f.decided_by, f.decided_at = actor.id, utcnow()
    verb = {
        "accept": "finding_accepted",
        "dismiss": "finding_dismissed",
        "reopen": "finding_reopened",
        "edit": "finding_edited",
    }[action]
    record(
        session,
        actor,
        verb,
        submission_id=ver.submission_id,
        target=f"finding:{f.id}",
        before=before,
        after=_state(f),
    )
    return f


def add_finding(
    *,
    session: Session,
    actor: User,
    ver: Version,
    start: int,
    end: int,
    message: str,
    suggestion: str | None = None,
    severity: str = "warning",
    category: str = "other",
) -> Finding:
    """An advisor's own finding on a selected span of the draft text."""
    from service.results import article_at, manual_key

    access.may_decide(actor, ver)
    text = ver.text or ""
    if not (0 <= start < end <= len(text)):
        raise Invalid("所选文字范围无效。", code="invalid_span")
    if not message.strip():
        raise Invalid("请填写问题描述。", code="message_required")
    if severity not in ("error", "warning", "info"):
        raise Invalid("严重程度应为 error、warning 或 info。", code="invalid_severity")
    quote = text[start:end]
    art = article_at(ver.articles, start)
    f = Finding(
        version_id=ver.id,
        key=manual_key(quote),
        rule_id="MANUAL",
        title="审查人员添加",
        category=category[:32],
        severity=severity,
        start=start,
        end=end,
        quote=quote,
        article=art.get("label") if art else None,
        node_id=art.get("id") if art else None,
        message=message.strip(),
        suggestion=(suggestion or "").strip() or None,
        origin="manual",
        status="accepted",
        decided_by=actor.id,
        decided_at=utcnow(),
    )
    session.add(f)
    session.flush()
    record(
        session,
        actor,
        "finding_added",
        submission_id=ver.submission_id,
        target=f"finding:{f.id}",
        after={
            "quote": quote,
            "start": start,
            "end": end,
            "message": f.message,
            "suggestion": f.suggestion,
            "severity": severity,
        },
    )
    return f
