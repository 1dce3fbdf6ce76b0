"""Submissions (送审), versions, findings, comparison, sign-off, downloads and the audit log."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Query, Response, UploadFile
from sqlalchemy import func, select

from service import access, crud
from service.audit import ACTIONS, record
from service.deps import DbDep, PageDep, PoolDep, SettingsDep, StoreDep, UserDep
from service.intake import materials_from_json, parse_date, submit_draft, submit_revision
from service.materials import Materials
from service.models import AuditEntry, Finding, Job, Submission, Version
from service.outputs import annotated_bytes, letter_bytes
from service.results import previous, resolved
from service.schemas import (
    AssignIn,
    AuditOut,
    ComparisonOut,
    FindingOut,
    ManualFindingIn,
    PageOf,
    SubmissionOut,
    VersionOut,
)
from service.status import submission_out
from service.storage import read_upload

router = APIRouter(prefix="/api/submissions", tags=["送审与审查"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MEDIA = {
    "docx": DOCX,
    "pdf": "application/pdf",
    "doc": "application/msword",
    "txt": "text/plain; charset=utf-8",
}


def download(data: bytes, filename: str, media_type: str) -> Response:
    """A download with an RFC 5987 file name (the user's name never touches the disk)."""
    return Response(
        data,
        media_type=media_type,
        headers={
            "Content-Disposition": f"attachment; filename=\"download\"; filename*=UTF-8''{quote(filename)}"
        },
    )


@router.get("", response_model=PageOf[SubmissionOut], summary="我的送审（按权限过滤，分页）")
def list_submissions(user: UserDep, db: DbDep, page: PageDep) -> PageOf[SubmissionOut]:
    query = access.visible(user)
    total = db.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.scalars(query.order_by(Submission.id.desc()).offset(page.offset).limit(page.size)).unique()
    return PageOf(items=[submission_out(s) for s in rows], total=total, page=page.page, size=page.size)


@router.post("", response_model=SubmissionOut, status_code=201, summary="送审：上传草稿及送审材料")
async def create_submission(
    user: UserDep,
    db: DbDep,
    store: StoreDep,
    pool: PoolDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description=".docx/.pdf/.doc/.wps/.txt")],
    title: Annotated[str, Form(max_length=200, description="文件名称")],
    meeting_date: Annotated[str | None, Form(description="拟提交会议日期")] = None,
    department_id: Annotated[int | None, Form(description="起草单位（管理员代送时）")] = None,
    materials: Annotated[str | None, Form(description="送审材料（JSON）")] = None,
) -> SubmissionOut:
    access.may_submit(user)
    data = await read_upload(file, settings.max_upload_bytes)
    mats = materials_from_json(materials) or Materials()
    day = parse_date(meeting_date, "拟提交会议日期")
    sub = submit_draft(
        db,
        store,
        pool,
        data,
        settings=settings,
        actor=user,
        title=title,
        filename=file.filename,
        materials=mats,
        meeting_date=day,
        department_id=department_id,
    )
    db.refresh(sub)
    return submission_out(sub)


@router.get("/{submission_id}", response_model=SubmissionOut, summary="送审件详情")
def get_submission(submission_id: int, user: UserDep, db: DbDep) -> SubmissionOut:
    return submission_out(access.submission(db, user, submission_id))


@router.post(
    "/{submission_id}/versions", response_model=VersionOut, status_code=201, summary="上传修改稿（新版本）"
)
async def upload_version(
    submission_id: int,
    user: UserDep,
    db: DbDep,
    store: StoreDep,
    pool: PoolDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File()],
    materials: Annotated[str | None, Form(description="更新后的送审材料（JSON，可选）")] = None,
) -> VersionOut:
    sub = access.submission(db, user, submission_id)
    access.may_upload(user, sub)
    data = await read_upload(file, settings.max_upload_bytes)
    mats = materials_from_json(materials)
    ver = submit_revision(db, store, pool, data, actor=user, sub=sub, filename=file.filename, materials=mats)
    db.refresh(ver)
    return VersionOut.of(ver)


@router.post("/{submission_id}/advisor", response_model=SubmissionOut, summary="指派法律顾问")
def assign(submission_id: int, body: AssignIn, user: UserDep, db: DbDep) -> SubmissionOut:
    sub = access.submission(db, user, submission_id)
    crud.assign_advisor(session=db, actor=user, sub=sub, advisor_id=body.advisor_id)
    db.commit()
    return submission_out(sub)


@router.get("/{submission_id}/versions/{number}", response_model=VersionOut, summary="版本详情与审查任务状态")
async def get_version(
    submission_id: int,
    number: int,
    user: UserDep,
    db: DbDep,
    pool: PoolDep,
    wait: Annotated[float, Query(ge=0, le=60, description="最多等待审查结束的秒数（长轮询）")] = 0,
) -> VersionOut:
    ver = access.version(db, user, submission_id, number)
    if wait and ver.job is not None and ver.job.status in ("queued", "running"):
        job_id = ver.job.id
        db.rollback()  # hold no connection while waiting

        def finished() -> bool:
            with db.get_bind().connect() as conn:
                return conn.scalar(select(Job.status).where(Job.id == job_id)) in ("done", "failed")

        await pool.wait_for(finished, wait)
        db.expire_all()
        ver = access.version(db, user, submission_id, number)
    return VersionOut.of(ver)


@router.get("/{submission_id}/versions/{number}/text", summary="版本的规范化全文与条款偏移")
def get_text(submission_id: int, number: int, user: UserDep, db: DbDep) -> dict:
    ver = access.version(db, user, submission_id, number)
    return {"text": ver.text, "articles": ver.articles, "warnings": ver.warnings}


@router.get(
    "/{submission_id}/versions/{number}/findings",
    response_model=PageOf[FindingOut],
    summary="版本的审查问题（分页）",
)
def list_findings(
    submission_id: int, number: int, user: UserDep, db: DbDep, page: PageDep
) -> PageOf[FindingOut]:
    ver = access.version(db, user, submission_id, number)
    query = select(Finding).where(Finding.version_id == ver.id)
    total = db.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.scalars(query.order_by(Finding.start, Finding.id).offset(page.offset).limit(page.size))
    return PageOf(items=[FindingOut.of(f) for f in rows], total=total, page=page.page, size=page.size)


@router.post(
    "/{submission_id}/versions/{number}/findings",
    response_model=FindingOut,
    status_code=201,
    summary="在选中文字上新增问题",
)
def add_finding(
    submission_id: int, number: int, body: ManualFindingIn, user: UserDep, db: DbDep
) -> FindingOut:
    ver = access.version(db, user, submission_id, number)
    f = crud.add_finding(
        session=db,
        actor=user,
        ver=ver,
        start=body.start,
        end=body.end,
        message=body.message,
        suggestion=body.suggestion,
        severity=body.severity,
        category=body.category,
    )
    db.commit()
    return FindingOut.of(f)


@router.get(
    "/{submission_id}/versions/{number}/comparison",
    response_model=ComparisonOut,
    summary="与上一版本比较：已修改 / 未修改 / 新增，及改动条款",
)
def comparison(submission_id: int, number: int, user: UserDep, db: DbDep) -> ComparisonOut:
    from service.results import changed_articles

    ver = access.version(db, user, submission_id, number)
    prev = previous(db, ver)
    rows = list(db.scalars(select(Finding).where(Finding.version_id == ver.id).order_by(Finding.start)))
    return ComparisonOut(
        previous=prev.number if prev else None,
        resolved=[FindingOut.of(f) for f in resolved(db, ver)],
        unchanged=[FindingOut.of(f) for f in rows if f.change == "unchanged"],
        new=[FindingOut.of(f) for f in rows if f.change == "new"],
        changed_articles=changed_articles(prev, ver) if prev and prev.text and ver.text else [],
    )


@router.post("/{submission_id}/versions/{number}/sign", response_model=VersionOut, summary="签发并锁定版本")
def sign(submission_id: int, number: int, user: UserDep, db: DbDep) -> VersionOut:
    ver = access.version(db, user, submission_id, number)
    crud.sign_off(session=db, actor=user, ver=ver)
    db.commit()
    return VersionOut.of(ver)


def _ready(ver: Version) -> None:
    from service.errors import Conflict

    if ver.job is None or ver.job.status != "done":
        raise Conflict("审查尚未完成。", code="not_ready")


@router.get("/{submission_id}/versions/{number}/letter.docx", summary="下载合法性审查意见书")
def letter(submission_id: int, number: int, user: UserDep, db: DbDep, store: StoreDep) -> Response:
    ver = access.version(db, user, submission_id, number)
    _ready(ver)
    data = letter_bytes(db, store, ver, user)
    record(db, user, "letter_downloaded", submission_id=submission_id, target=f"version:{ver.id}")
    db.commit()
    return download(data, f"{ver.submission.title}.第{number}稿.审查意见书.docx", DOCX)


@router.get("/{submission_id}/versions/{number}/annotated.docx", summary="下载批注稿")
def annotated(submission_id: int, number: int, user: UserDep, db: DbDep, store: StoreDep) -> Response:
    ver = access.version(db, user, submission_id, number)
    _ready(ver)
    data = annotated_bytes(db, store, ver)
    record(db, user, "annotated_downloaded", submission_id=submission_id, target=f"version:{ver.id}")
    db.commit()
    return download(data, f"{ver.submission.title}.第{number}稿.批注稿.docx", DOCX)


@router.get("/{submission_id}/versions/{number}/file", summary="下载原始上传文件")
def original(submission_id: int, number: int, user: UserDep, db: DbDep, store: StoreDep) -> Response:
    ver = access.version(db, user, submission_id, number)
    return download(
        store.path(ver.sha256).read_bytes(), ver.filename, MEDIA.get(ver.format, "application/octet-stream")
    )


def audit_out(e: AuditEntry) -> AuditOut:
    out = AuditOut.model_validate(e)
    out.action_name = ACTIONS.get(e.action, e.action)
    return out


@router.get("/{submission_id}/audit", response_model=PageOf[AuditOut], summary="审计日志（分页）")
def audit(submission_id: int, user: UserDep, db: DbDep, page: PageDep) -> PageOf[AuditOut]:
    access.submission(db, user, submission_id)
    query = select(AuditEntry).where(AuditEntry.submission_id == submission_id)
    total = db.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.scalars(query.order_by(AuditEntry.id).offset(page.offset).limit(page.size))
    return PageOf(items=[audit_out(e) for e in rows], total=total, page=page.page, size=page.size)


@router.get("/{submission_id}/audit.csv", summary="导出审计日志（CSV）")
def audit_csv(submission_id: int, user: UserDep, db: DbDep) -> Response:
    sub = access.submission(db, user, submission_id)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["序号", "时间（UTC）", "用户", "操作", "对象", "修改前", "修改后"])
    for e in db.scalars(
        select(AuditEntry).where(AuditEntry.submission_id == submission_id).order_by(AuditEntry.id)
    ):
        writer.writerow(
            [
                e.id,
                e.at.isoformat(),
                e.username,
                ACTIONS.get(e.action, e.action),
                e.target or "",
                json.dumps(e.before, ensure_ascii=False) if e.before else "",
                json.dumps(e.after, ensure_ascii=False) if e.after else "",
            ]
        )
    record(db, user, "audit_exported", submission_id=submission_id, target=f"submission:{submission_id}")
    db.commit()
    return download(
        ("\ufeff" + buf.getvalue()).encode("utf-8"), f"{sub.title}.审计日志.csv", "text/csv; charset=utf-8"
    )
