"""``create_app()``: the FastAPI application — database, workers, routes, error handlers, web UI."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from reviewer.errors import LimitError, ReviewerError
from service.db import make_engine, make_sessionmaker, upgrade
from service.jobs import WorkerPool
from service.routes import admin, auth, batch, findings, rules, submissions, ui
from service.settings import Settings
from service.storage import FileStore

HERE = Path(__file__).parent
ROUTERS = [
    auth.router,
    admin.router,
    submissions.router,
    findings.router,
    rules.router,
    batch.router,
    ui.router,
]
HTTP_MESSAGES = {
    404: ("not_found", "页面或资源不存在。"),
    405: ("method_not_allowed", "不支持该请求方法。"),
    401: ("unauthorized", "请先登录。"),
    403: ("forbidden", "无权访问。"),
}


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def _error(request: Request, status: int, body: dict[str, Any]) -> Response:
    if _wants_html(request):
        if status == 401:
            return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
        return ui.error_page(request, status, body["message"])
    return JSONResponse(body, status_code=status)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ReviewerError)
    async def reviewer_error(request: Request, exc: ReviewerError) -> Response:
        return _error(request, exc.http_status, exc.to_dict())

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        return _error(
            request, 422, {"code": "invalid_request", "message": "请求参数不正确。", "detail": detail}
        )

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        return _error(
            request, 500, {"code": "internal", "message": "服务器内部错误，请稍后重试或联系管理员。"}
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code, message = HTTP_MESSAGES.get(exc.status_code, ("http_error", "请求无法处理。"))
        return _error(request, exc.status_code, {"code": code, "message": message})


def create_app(
    settings: Settings | None = None,
    *,
    start_workers: bool = True,
    task: Callable[[str, dict[str, Any]], dict[str, Any]] | None = None,
) -> FastAPI:
    """The app. ``start_workers=False`` leaves jobs queued (tests drive ``app.state.pool`` themselves)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = make_engine(settings.db_url)
        upgrade(engine)
        app.state.engine, app.state.sessions = engine, make_sessionmaker(engine)
        app.state.store = FileStore(settings.files_dir)
        pool = WorkerPool(settings, app.state.sessions, app.state.store, **({"task": task} if task else {}))
        app.state.pool = pool
        if start_workers:
            pool.start()
        try:
            yield
        finally:
            pool.stop()
            engine.dispose()

    app = FastAPI(
        title="法审 · 规范性文件合法性审查服务",
        version="0.1.0",
        lifespan=lifespan,
        description="起草单位送审、法律顾问审查、司法所签发。错误以 JSON 返回：{code, message}。",
    )
    app.state.settings = settings

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Callable) -> Response:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > settings.max_upload_bytes + (1 << 20):
            exc = LimitError(f"文件超过大小上限（{int(settings.max_upload_mb)} MB）。")
            return _error(request, 413, exc.to_dict())
        return await call_next(request)

    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.session_secret,
        session_cookie="fashen_session",
        max_age=8 * 3600,
        same_site="lax",
        https_only=settings.cookie_secure,
    )
    _handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
