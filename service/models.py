"""Database tables (SQLAlchemy 2). Offsets are ``[start, end)`` into the version's canonical text."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, String, Text, TypeDecorator, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ROLES = {"admin": "管理员", "drafter": "起草单位", "advisor": "法律顾问", "judicial": "司法所"}
JOB_STATES = {"queued": "排队中", "running": "审查中", "done": "已完成", "failed": "失败"}
DECISIONS = {"open": "待处理", "accepted": "已采纳", "dismissed": "已驳回"}
CHANGES = {"new": "新增", "unchanged": "未修改", "resolved": "已修改"}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON, date: Date}


class Department(Base):
    """起草单位; ``jurisdiction`` names the 司法所 area it belongs to."""

    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    jurisdiction: Mapped[str] = mapped_column(String(100), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    jurisdiction: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    department: Mapped[Department | None] = relationship(lazy="joined")


class ApiToken(Base):
    """A bearer token; only its SHA-256 is stored."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked: Mapped[bool] = mapped_column(default=False)


class LoginAttempt(Base):
    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_user_at", "username", "at"), Index("ix_login_ip_at", "ip", "at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    ip: Mapped[str] = mapped_column(String(64))
    success: Mapped[bool]
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Submission(Base):
    """One draft sent for review (送审), with its versions."""

    __tablename__ = "submissions"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    advisor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    meeting_date: Mapped[date | None]
    deadline: Mapped[date]
    materials: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    department: Mapped[Department] = relationship(lazy="joined")
    advisor: Mapped[User | None] = relationship(foreign_keys=[advisor_id], lazy="joined")
    versions: Mapped[list[Version]] = relationship(
        back_populates="submission", order_by="Version.number", cascade="all, delete-orphan"
    )


class Version(Base):
    """An uploaded draft file (stored by SHA-256) and what the parser read from it."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("submission_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    number: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))  # display only, never a path
    format: Mapped[str] = mapped_column(String(16))
    size: Mapped[int]
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    text: Mapped[str | None] = mapped_column(Text)
    articles: Mapped[list[Any]] = mapped_column(default=list)
    warnings: Mapped[list[Any]] = mapped_column(default=list)
    catalog_version: Mapped[str | None] = mapped_column(String(64))
    signed_at: Mapped[datetime | None]
    signed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    submission: Mapped[Submission] = relationship(back_populates="versions")
    job: Mapped[Job | None] = relationship(back_populates="version", uselist=False, lazy="joined")


class Job(Base):
    """A review job. Workers claim queued rows; a crash leaves a 'running' row that is re-queued."""

    __tablename__ = "jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    heartbeat_at: Mapped[datetime | None]
    version: Mapped[Version] = relationship(back_populates="job")


class Finding(Base):
    """A finding of one version and the advisor's decision on it."""

    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    rule_id: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column("span_start")
    end: Mapped[int] = mapped_column("span_end")
    quote: Mapped[str] = mapped_column(Text, default="")
    article: Mapped[str | None] = mapped_column(String(64))
    node_id: Mapped[str | None] = mapped_column(String(128))
    message: Mapped[str] = mapped_column(Text, default="")
    suggestion: Mapped[str | None] = mapped_column(Text)
    replacement: Mapped[str | None] = mapped_column(Text)
    basis: Mapped[list[Any]] = mapped_column(default=list)
    whether: Mapped[str | None] = mapped_column(String(64))
    rule_version: Mapped[str | None] = mapped_column(String(32))
    origin: Mapped[str] = mapped_column(String(16), default="engine")  # engine / procedure / manual
    change: Mapped[str | None] = mapped_column(String(16))  # new / unchanged (re-review)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open / accepted / dismissed
    reason: Mapped[str | None] = mapped_column(Text)
    edited_message: Mapped[str | None] = mapped_column(Text)
    edited_suggestion: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]


class AuditEntry(Base):
    """Append-only: the migration installs triggers that reject UPDATE and DELETE."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(64))
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"), index=True)
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str | None] = mapped_column(String(128))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
