"""Annotated dependencies: settings, database session, the signed-in user (cookie + CSRF, or bearer)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

from service import crud
from service.errors import Forbidden, Unauthorized
from service.jobs import WorkerPool
from service.models import User
from service.security import new_csrf, same
from service.settings import Settings
from service.storage import FileStore

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_db(request: Request) -> Iterator[Session]:
    """A session per request; routes commit explicitly, anything uncommitted is rolled back."""
    session = request.app.state.sessions()
    try:
        yield session
    finally:
        session.rollback()
        session.close()


def get_store(request: Request) -> FileStore:
    return request.app.state.store


def get_pool(request: Request) -> WorkerPool:
    return request.app.state.pool


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = new_csrf()
    return token


async def check_csrf(request: Request) -> None:
    """Unsafe requests authenticated by the session cookie must echo the CSRF token."""
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get("x-csrf-token")
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        sent = (await request.form()).get("csrf_token")
    if not same(request.session.get("csrf"), sent if isinstance(sent, str) else None):
        raise Forbidden("页面已过期或请求来源无效（CSRF 校验失败），请刷新页面后重试。", code="csrf_failed")


async def current_user(request: Request, db: Annotated[Session, Depends(get_db)]) -> User:
    """The user, detached from the session so that no connection is held while the request awaits."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        user = crud.user_for_token(session=db, token=auth[7:].strip())
        if user is None:
            raise Unauthorized("访问令牌无效或已停用。", code="bad_token")
    else:
        uid = request.session.get("uid")
        user = db.get(User, uid) if isinstance(uid, int) else None
        if user is None or not user.active:
            request.session.pop("uid", None)
            raise Unauthorized("请先登录。", code="login_required")
    db.expunge(user)
    db.rollback()
    if not auth.lower().startswith("bearer "):
        await check_csrf(request)
    return user


class Page:
    """Pagination parameters: ``page`` from 1, ``size`` up to 100."""

    def __init__(
        self,
        page: Annotated[int, Query(ge=1, description="页码，从 1 开始")] = 1,
        size: Annotated[int, Query(ge=1, le=100, description="每页条数")] = 20,
    ):
        self.page, self.size = page, size

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


SettingsDep = Annotated[Settings, Depends(get_settings)]
DbDep = Annotated[Session, Depends(get_db)]
UserDep = Annotated[User, Depends(current_user)]
StoreDep = Annotated[FileStore, Depends(get_store)]
PoolDep = Annotated[WorkerPool, Depends(get_pool)]
PageDep = Annotated[Page, Depends()]
