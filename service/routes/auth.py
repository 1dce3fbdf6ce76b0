"""Sign in and out (session cookie + CSRF token), the current user, bearer tokens for API clients."""

from __future__ import annotations

from fastapi import APIRouter, Request

from service import crud
from service.deps import DbDep, SettingsDep, UserDep, csrf_token
from service.schemas import LoginIn, SessionOut, TokenIn, TokenOut, UserOut

router = APIRouter(prefix="/api/auth", tags=["登录与令牌"])


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post("/login", response_model=SessionOut, summary="登录（设置会话 Cookie）")
def login(body: LoginIn, request: Request, db: DbDep, settings: SettingsDep) -> SessionOut:
    user = crud.authenticate(
        session=db, settings=settings, username=body.username, password=body.password, ip=client_ip(request)
    )
    db.commit()
    request.session.clear()
    request.session["uid"] = user.id
    return SessionOut(user=UserOut.of(user), csrf_token=csrf_token(request))


@router.post("/logout", status_code=204, summary="退出登录")
def logout(request: Request, user: UserDep, db: DbDep) -> None:
    from service.audit import record

    record(db, user, "logout", target=f"user:{user.id}")
    db.commit()
    request.session.clear()


@router.get("/me", response_model=SessionOut, summary="当前用户")
def me(request: Request, user: UserDep) -> SessionOut:
    return SessionOut(user=UserOut.of(user), csrf_token=csrf_token(request))


@router.post("/tokens", response_model=TokenOut, status_code=201, summary="创建 API 访问令牌")
def create_token(body: TokenIn, user: UserDep, db: DbDep) -> TokenOut:
    token = crud.create_token(session=db, user=user, name=body.name)
    db.commit()
    return TokenOut(token=token)
