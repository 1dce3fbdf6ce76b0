"""API input and output schemas (pydantic), documented in OpenAPI."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from service.models import CHANGES, DECISIONS, JOB_STATES, ROLES

T = TypeVar("T")


class Orm(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class PageOf(BaseModel, Generic[T]):
    items: list[T]
    total: int
    page: int
    size: int


class ErrorOut(BaseModel):
    code: str = Field(description="稳定的错误代码")
    message: str = Field(description="中文错误信息")
    detail: Any | None = None


class LoginIn(BaseModel):
    username: str = Field(max_length=64)
    password: str = Field(max_length=256)


class DepartmentIn(BaseModel):
    name: str = Field(max_length=100, description="起草单位名称")
    jurisdiction: str = Field(max_length=100, description="所属司法所辖区")


class DepartmentOut(Orm):
    id: int
    name: str
    jurisdiction: str


class UserIn(BaseModel):
    username: str = Field(max_length=64)
    password: str = Field(max_length=256)
    role: Literal["admin", "drafter", "advisor", "judicial"]
    display_name: str | None = Field(None, max_length=100)
    department_id: int | None = None
    jurisdiction: str | None = Field(None, max_length=100)


class UserPatch(BaseModel):
    active: bool


class UserOut(Orm):
    id: int
    username: str
    display_name: str
    role: str
    role_name: str = ""
    department_id: int | None
    jurisdiction: str | None
    active: bool

    @classmethod
    def of(cls, user: Any) -> UserOut:
        out = cls.model_validate(user)
        out.role_name = ROLES.get(user.role, user.role)
        return out


class SessionOut(BaseModel):
    user: UserOut
    csrf_token: str = Field(description="会话 Cookie 方式调用时，修改类请求须在 X-CSRF-Token 头中回传")


class TokenIn(BaseModel):
    name: str = Field("API", max_length=100)


class TokenOut(BaseModel):
    token: str = Field(description="只显示一次；调用时放在 Authorization: Bearer 头中")


class JobOut(Orm):
    status: str
    status_name: str = ""
    attempts: int
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @classmethod
    def of(cls, job: Any) -> JobOut:
        out = cls.model_validate(job)
        out.status_name = JOB_STATES.get(job.status, job.status)
        return out


class VersionOut(Orm):
    id: int
    number: int
    filename: str
    format: str
    size: int
    sha256: str
    created_at: datetime
    signed_at: datetime | None
    catalog_version: str | None
    job: JobOut | None

    @classmethod
    def of(cls, ver: Any) -> VersionOut:
        out = cls.model_validate(ver, from_attributes=True)
        out.job = JobOut.of(ver.job) if ver.job else None
        return out


class SubmissionOut(Orm):
    id: int
    title: str
    department: DepartmentOut
    advisor_id: int | None
    meeting_date: date | None
    deadline: date
    overdue: bool = False
    status: str = ""
    materials: dict[str, Any]
    created_at: datetime
    versions: list[VersionOut]


class AssignIn(BaseModel):
    advisor_id: int


class BasisOut(BaseModel):
    law: str
    article: str | None = None
    text: str | None = None


class FindingOut(Orm):
    id: int
    key: str
    rule_id: str
    title: str | None
    category: str
    severity: str
    start: int
    end: int
    quote: str
    article: str | None
    message: str
    suggestion: str | None
    basis: list[BasisOut]
    origin: str
    change: str | None
    change_name: str | None = None
    status: str
    status_name: str = ""
    reason: str | None
    edited_message: str | None
    edited_suggestion: str | None

    @classmethod
    def of(cls, f: Any) -> FindingOut:
        out = cls.model_validate(f)
        out.status_name = DECISIONS.get(f.status, f.status)
        out.change_name = CHANGES.get(f.change) if f.change else None
        return out


class DecisionIn(BaseModel):
    action: Literal["accept", "dismiss", "reopen", "edit"]
    reason: str | None = Field(None, max_length=2000, description="驳回理由（驳回时必填）")
    message: str | None = Field(None, max_length=5000, description="修改后的问题描述")
    suggestion: str | None = Field(None, max_length=5000, description="修改后的修改建议")


class ManualFindingIn(BaseModel):
    start: int = Field(ge=0)
    end: int = Field(ge=1)
    message: str = Field(max_length=5000)
    suggestion: str | None = Field(None, max_length=5000)
    severity: Literal["error", "warning", "info"] = "warning"
    category: str = Field("other", max_length=32)


class ChangedArticle(BaseModel):
    label: str
    status: str
    old: list[tuple[bool, str]]
    new: list[tuple[bool, str]]


class ComparisonOut(BaseModel):
    previous: int | None
    resolved: list[FindingOut] = Field(description="已修改：上一版本有、本版本已不存在的问题")
    unchanged: list[FindingOut] = Field(description="未修改")
    new: list[FindingOut] = Field(description="新增")
    changed_articles: list[ChangedArticle]


class AuditOut(Orm):
    id: int
    at: datetime
    username: str
    action: str
    action_name: str = ""
    target: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
