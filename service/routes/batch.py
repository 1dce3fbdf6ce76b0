"""Batch clean-up (规范性文件清理) in the service: upload a .zip, follow its progress, download the .xlsx.

A batch lives in ``<data_dir>/batches/<id>/`` (``batch.json`` with its state, the upload, the outputs) and runs
in a background thread, one batch at a time, through ``reviewer.cleanup`` — with a local process pool, or with
Dramatiq workers when ``BROKER_URL`` is set. Results are cached by content hash in
``<data_dir>/cleanup-cache.sqlite3``, so a batch interrupted by a restart resumes where it stopped when it is
next looked at. Who may start and see a batch follows single reviews: drafters (for their department) and
administrators start them; a batch is visible to its owner, its department, the 司法所 of that department's
jurisdiction and administrators.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from reviewer.errors import InputError, ReviewerError
from service import access
from service.deps import SettingsDep, UserDep
from service.errors import NotFound
from service.models import Department, User
from service.routes.submissions import download
from service.routes.ui import back, page
from service.settings import Settings
from service.storage import read_upload

router = APIRouter(tags=["规范性文件清理"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATES = {"queued": "排队中", "running": "处理中", "done": "已完成", "failed": "失败"}
_ONE_AT_A_TIME = threading.Semaphore(1)
_THREADS: dict[str, threading.Thread] = {}
_THREADS_LOCK = threading.Lock()


def _root(settings: Settings) -> Path:
    return settings.data_dir / "batches"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _load(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "batch.json").read_text(encoding="utf-8"))


def _save(folder: Path, meta: dict[str, Any]) -> None:
    tmp = folder / "batch.json.tmp"
    tmp.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, folder / "batch.json")


def _visible(user: User, meta: dict[str, Any]) -> bool:
    return (
        user.role == "admin"
        or meta["owner_id"] == user.id
        or (
            user.role == "drafter"
            and meta["department_id"] is not None
            and meta["department_id"] == user.department_id
        )
        or (
            user.role == "judicial"
            and bool(meta["jurisdiction"])
            and meta["jurisdiction"] == user.jurisdiction
        )
    )


def _batch(settings: Settings, user: User, batch_id: str) -> tuple[Path, dict[str, Any]]:
    folder = _root(settings) / batch_id
    if not batch_id.isalnum() or not (folder / "batch.json").is_file():
        raise NotFound("清理任务不存在或无权查看。")
    meta = _load(folder)
    if not _visible(user, meta):
        raise NotFound("清理任务不存在或无权查看。")
    _resume(settings, folder, meta)
    return folder, meta


def _all(settings: Settings, user: User) -> list[dict[str, Any]]:
    root = _root(settings)
    metas = [_load(f) for f in root.iterdir() if (f / "batch.json").is_file()] if root.is_dir() else []
    for meta in metas:
        _resume(settings, root / meta["id"], meta)
    return sorted((m for m in metas if _visible(user, m)), key=lambda m: m["created_at"], reverse=True)


def _run(settings: Settings, folder: Path) -> None:
    """The batch thread: wait for its turn, clean up the extracted upload, write the outputs."""
    from reviewer.cleanup import Options, jsonout, run, xlsx

    with _ONE_AT_A_TIME:
        meta = _load(folder)
        meta.update(status="running", updated_at=_now())
        _save(folder, meta)
        last = [0.0]

        def progress(done: int, total: int, location: str) -> None:
            if time.monotonic() - last[0] > 0.5 or done == total:
                last[0] = time.monotonic()
                meta.update(done=done, total=total, updated_at=_now())
                _save(folder, meta)

        options = Options(
            as_of=date.fromisoformat(meta["as_of"]),
            warn_months=meta["warn_months"],
            jobs=settings.workers,
            cache_path=settings.data_dir / "cleanup-cache.sqlite3",
            broker_url=os.environ.get("BROKER_URL") or None,
        )
        try:
            result = run(folder / "input", options, progress=progress)
            xlsx.write(result, folder / "清理目录.xlsx")
            jsonout.write(result, folder / "result.json")
            meta.update(status="done", counts=result.counts(), failures=len(result.failures), error=None)
        except ReviewerError as exc:
            meta.update(status="failed", error=exc.message)
        except Exception as exc:  # the thread must record why, never die silently
            meta.update(status="failed", error=f"内部错误：{type(exc).__name__}: {exc}")
        meta["updated_at"] = _now()
        _save(folder, meta)
    with _THREADS_LOCK:
        _THREADS.pop(meta["id"], None)


def _resume(settings: Settings, folder: Path, meta: dict[str, Any]) -> None:
    """Start the batch's thread if it is unfinished and nothing in this process runs it (after a restart)."""
    if meta["status"] not in ("queued", "running"):
        return
    with _THREADS_LOCK:
        if meta["id"] in _THREADS:
            return
        thread = threading.Thread(
            target=_run, args=(settings, folder), name=f"fashen-batch-{meta['id']}", daemon=True
        )
        _THREADS[meta["id"]] = thread
        thread.start()


def _create(
    settings: Settings, user: User, data: bytes, filename: str | None, as_of: str | None, warn_months: int
) -> dict[str, Any]:
    access.may_submit(user)
    if not data.startswith(b"PK\x03\x04"):
        raise InputError("请上传 .zip 压缩包（内含待清理的规范性文件）。", code="not_zip")
    try:
        day = date.fromisoformat(as_of) if as_of else date.today()
    except ValueError:
        raise InputError(f"判断日期格式应为 YYYY-MM-DD：{as_of}", code="bad_date") from None
    if not 0 <= warn_months <= 60:
        raise InputError("即将到期的月数应在 0 到 60 之间。", code="bad_months")
    dept = user.department
    batch_id = uuid.uuid4().hex[:16]
    folder = _root(settings) / batch_id
    folder.mkdir(parents=True)
    (folder / "input").mkdir()
    (folder / "input" / _zip_name(filename)).write_bytes(data)
    meta = {
        "id": batch_id,
        "owner_id": user.id,
        "owner": user.display_name,
        "department_id": dept.id if isinstance(dept, Department) else None,
        "jurisdiction": dept.jurisdiction if isinstance(dept, Department) else user.jurisdiction,
        "filename": filename or "upload.zip",
        "as_of": day.isoformat(),
        "warn_months": warn_months,
        "status": "queued",
        "done": 0,
        "total": None,
        "counts": None,
        "failures": None,
        "error": None,
        "created_at": _now(),
        "updated_at": _now(),
    }
    _save(folder, meta)
    _resume(settings, folder, meta)
    return meta


def _zip_name(filename: str | None) -> str:
    """The upload's own name (shown in the 文件位置 column), without folders or unsafe characters."""
    stem = Path((filename or "").replace("\\", "/")).stem
    stem = "".join(ch for ch in stem if ch.isalnum() or ch in "-_（）() ")[:80].strip()
    return f"{stem or '上传文件'}.zip"


def _out(meta: dict[str, Any]) -> dict[str, Any]:
    public = {k: v for k, v in meta.items() if k not in ("owner_id", "department_id", "jurisdiction")}
    return {
        **public,
        "status_label": STATES[meta["status"]],
        "xlsx": f"/api/batches/{meta['id']}/xlsx" if meta["status"] == "done" else None,
    }


# ---- JSON API ----


@router.post("/api/batches", status_code=201, summary="新建清理任务：上传 .zip")
async def create_batch(
    user: UserDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="内含规范性文件的 .zip 压缩包")],
    as_of: Annotated[str | None, Form(description="判断日期 YYYY-MM-DD，默认今天")] = None,
    warn_months: Annotated[int, Form(description="即将到期的月数")] = 6,
) -> dict[str, Any]:
    data = await read_upload(file, settings.max_upload_bytes)
    return _out(_create(settings, user, data, file.filename, as_of, warn_months))


@router.get("/api/batches", summary="我的清理任务")
def list_batches(user: UserDep, settings: SettingsDep) -> list[dict[str, Any]]:
    return [_out(m) for m in _all(settings, user)]


@router.get("/api/batches/{batch_id}", summary="清理任务状态与进度")
def get_batch(batch_id: str, user: UserDep, settings: SettingsDep) -> dict[str, Any]:
    return _out(_batch(settings, user, batch_id)[1])


@router.get("/api/batches/{batch_id}/xlsx", summary="下载清理目录（.xlsx）")
def batch_xlsx(batch_id: str, user: UserDep, settings: SettingsDep) -> Response:
    folder, meta = _batch(settings, user, batch_id)
    if meta["status"] != "done":
        raise NotFound("清理尚未完成，暂无清理目录。", code="not_ready")
    stem = Path(meta["filename"]).stem or "清理"
    return download((folder / "清理目录.xlsx").read_bytes(), f"{stem}_清理目录.xlsx", XLSX)


@router.get("/api/batches/{batch_id}/json", summary="下载清理结果（JSON）")
def batch_json(batch_id: str, user: UserDep, settings: SettingsDep) -> Response:
    folder, meta = _batch(settings, user, batch_id)
    if meta["status"] != "done":
        raise NotFound("清理尚未完成，暂无结果。", code="not_ready")
    return Response((folder / "result.json").read_bytes(), media_type="application/json")


# ---- web pages ----


@router.get("/batches", response_class=HTMLResponse, include_in_schema=False)
def batches_page(request: Request, user: UserDep, settings: SettingsDep) -> Response:
    return page(
        request,
        "batch.html",
        user,
        batches=[_out(m) for m in _all(settings, user)],
        may_create=user.role in ("admin", "drafter"),
        today=date.today().isoformat(),
    )


@router.post("/batches/new", include_in_schema=False)
async def batches_create(
    request: Request,
    user: UserDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File()],
    as_of: Annotated[str | None, Form()] = None,
    warn_months: Annotated[int, Form()] = 6,
) -> RedirectResponse:
    try:
        data = await read_upload(file, settings.max_upload_bytes)
        _create(settings, user, data, file.filename, as_of or None, warn_months)
    except ReviewerError as exc:
        return back(request, "/batches", exc)
    return RedirectResponse("/batches", status_code=303)
