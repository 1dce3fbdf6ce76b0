"""Committing an upload: database rows and the stored file succeed together or leave nothing behind."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from service import crud
from service.crud import discard_unreferenced
from service.errors import Invalid
from service.jobs import WorkerPool
from service.materials import Materials, parse_materials
from service.storage import FileStore

T = TypeVar("T")


def commit_upload(db: Session, store: FileStore, pool: WorkerPool, data: bytes, make: Callable[[], T]) -> T:
    """Run ``make`` (which stores the file and adds rows) and commit; on any failure undo both."""
    digest = hashlib.sha256(data).hexdigest()
    existed = store.path(digest).exists()
    try:
        out = make()
        db.commit()
    except BaseException:
        db.rollback()
        if not existed:
            discard_unreferenced(session=db, store=store, digest=digest)
        raise
    pool.notify()
    return out


def submit_draft(db: Session, store: FileStore, pool: WorkerPool, data: bytes, **fields):
    """A new submission from an uploaded draft (``fields`` as for crud.create_submission), all or nothing."""
    return commit_upload(
        db, store, pool, data, lambda: crud.create_submission(session=db, store=store, data=data, **fields)
    )


def submit_revision(db: Session, store: FileStore, pool: WorkerPool, data: bytes, **fields):
    """A revised draft as a new version (``fields`` as for crud.add_version), all or nothing."""
    return commit_upload(
        db, store, pool, data, lambda: crud.add_version(session=db, store=store, data=data, **fields)
    )


def materials_from_json(raw: str | None) -> Materials | None:
    if raw is None or not raw.strip():
        return None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise Invalid("送审材料须为 JSON 对象。", code="invalid_materials") from exc
    if not isinstance(data, dict):
        raise Invalid("送审材料须为 JSON 对象。", code="invalid_materials")
    return parse_materials(data)


def parse_date(raw: str | None, what: str) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError as exc:
        raise Invalid(f"{what}格式应为 YYYY-MM-DD。", code="invalid_date") from exc
