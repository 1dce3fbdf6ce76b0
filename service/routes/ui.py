"""The Chinese web UI: server-rendered pages over the same crud functions as the JSON API."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from sqlalchemy import func, select

from reviewer.errors import ReviewerError
from reviewer.model import SEVERITY_LABELS
from service import access, crud
from service.audit import ACTIONS
from service.deps import DbDep, PageDep, PoolDep, SettingsDep, StoreDep, UserDep, check_csrf, csrf_token
from service.intake import parse_date, submit_draft, submit_revision
from service.materials import Materials, parse_materials
from service.models import (
    CHANGES,
    DECISIONS,
    JOB_STATES,
    ROLES,
    AuditEntry,
    Department,
    Finding,
    Submission,
    User,
    Version,
)
from service.render import diff_html, draft_html
from service.results import changed_articles, previous, resolved
from service.routes.auth import client_ip
from service.status import overdue, status_of
from service.storage import read_upload

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent.parent / "templates")
templates.env.globals.update(
    SEVERITY=SEVERITY_LABELS,
    ROLES=ROLES,
    DECISIONS=DECISIONS,
    CHANGES=CHANGES,
    JOBS=JOB_STATES,
    ACTIONS=ACTIONS,
)
templates.env.filters["marked"] = lambda s: Markup(
    str(escape(s)).replace("&lt;m&gt;", "<mark>").replace("&lt;/m&gt;", "</mark>")
)
Html = HTMLResponse


def page(
    request: Request, name: str, user: User | None = None, status_code: int = 200, **ctx: Any
) -> Response:
    flash = request.session.pop("flash", None)
    return templates.TemplateResponse(
        request,
        name,
        {"user": user, "csrf": csrf_token(request), "flash": flash, **ctx},
        status_code=status_code,
    )


def error_page(request: Request, status: int, message: str) -> Response:
    return page(request, "error.html", status_code=status, status=status, message=message)


def back(request: Request, url: str, error: ReviewerError | None = None) -> RedirectResponse:
    if error is not None:
        request.session["flash"] = error.message
    return RedirectResponse(url, status_code=303)


def _local(url: str | None) -> str:
    return url if url and url.startswith("/") and not url.startswith("//") else "/submissions"


# ---- sign in ----


@router.get("/", response_class=Html)
def home() -> RedirectResponse:
    return RedirectResponse("/submissions", status_code=303)


@router.get("/login", response_class=Html)
def login_form(request: Request, next: str | None = None) -> Response:
    return page(request, "login.html", next=_local(next))


@router.post("/login", response_class=Html)
async def login(
    request: Request,
    db: DbDep,
    settings: SettingsDep,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str | None, Form()] = None,
) -> Response:
    await check_csrf(request)
    try:
        user = crud.authenticate(
            session=db, settings=settings, username=username, password=password, ip=client_ip(request)
        )
    except ReviewerError as exc:
        return page(
            request,
            "login.html",
            status_code=exc.http_status,
            next=_local(next),
            error=exc.message,
            username=username,
        )
    db.commit()
    request.session.clear()
    request.session["uid"] = user.id
    return RedirectResponse(_local(next), status_code=303)


@router.post("/logout", response_class=Html)
def logout(request: Request, user: UserDep) -> RedirectResponse:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


# ---- submissions ----


@router.get("/submissions", response_class=Html)
def submissions(request: Request, user: UserDep, db: DbDep, pg: PageDep) -> Response:
    query = access.visible(user)
    total = db.scalar(select(func.count()).select_from(query.subquery()))
    rows = list(db.scalars(query.order_by(Submission.id.desc()).offset(pg.offset).limit(pg.size)).unique())
    items = [{"sub": s, "status": status_of(s), "overdue": overdue(s)} for s in rows]
    return page(
        request, "submissions.html", user, items=items, total=total, pg=pg, pages=max(1, -(-total // pg.size))
    )


@router.get("/submissions/new", response_class=Html)
def new_submission(request: Request, user: UserDep, db: DbDep) -> Response:
    access.may_submit(user)
    departments = (
        list(db.scalars(select(Department).order_by(Department.name))) if user.role == "admin" else []
    )
    return page(request, "upload.html", user, departments=departments, m=Materials())


def _materials_form(form: Any) -> Materials:
    def flag(name: str) -> bool:
        return form.get(name) in ("on", "true", "1")

    data = {k: form.get(k) or "" for k in ("explanation", "legal_basis", "consultation_result")}
    data |= {
        k: flag(k) for k in ("market_related", "consultation_held", "stability_required", "stability_done")
    }
    data |= {k: form.get(k) or None for k in ("consultation_start", "consultation_end")}
    data["fair_competition"] = form.get("fair_competition") or "not_applicable"
    data["collective"] = form.get("collective") or "missing"
    return parse_materials(data)


@router.post("/submissions/new", response_class=Html)
async def create_submission(
    request: Request,
    user: UserDep,
    db: DbDep,
    store: StoreDep,
    pool: PoolDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File()],
    title: Annotated[str, Form()],
) -> Response:
    form = await request.form()
    try:
        access.may_submit(user)
        data = await read_upload(file, settings.max_upload_bytes)
        mats = _materials_form(form)
        day = parse_date(form.get("meeting_date") or None, "拟提交会议日期")
        dept = int(form["department_id"]) if str(form.get("department_id") or "").isdigit() else None
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
            department_id=dept,
        )
    except ReviewerError as exc:
        return page(
            request,
            "upload.html",
            user,
            status_code=exc.http_status,
            error=exc.message,
            m=Materials(),
            departments=list(db.scalars(select(Department))) if user.role == "admin" else [],
        )
    return RedirectResponse(f"/submissions/{sub.id}", status_code=303)


@router.get("/submissions/{sid}", response_class=Html)
def submission(sid: int, user: UserDep, db: DbDep) -> RedirectResponse:
    sub = access.submission(db, user, sid)
    return RedirectResponse(f"/submissions/{sid}/v/{sub.versions[-1].number}", status_code=303)


def _by_article(findings: list[Finding]) -> OrderedDict[str, list[Finding]]:
    groups: OrderedDict[str, list[Finding]] = OrderedDict()
    for f in sorted(findings, key=lambda f: (f.origin != "procedure", f.start, f.id)):
        label = "送审材料" if f.origin == "procedure" else (f.article or "全文")
        groups.setdefault(label, []).append(f)
    return groups


@router.get("/submissions/{sid}/v/{number}", response_class=Html)
def review_page(request: Request, sid: int, number: int, user: UserDep, db: DbDep) -> Response:
    ver = access.version(db, user, sid, number)
    sub = ver.submission
    findings = list(db.scalars(select(Finding).where(Finding.version_id == ver.id)))
    can_decide = (
        user.role in ("admin", "advisor", "judicial")
        and ver.signed_at is None
        and number == sub.versions[-1].number
    )
    advisors = list(
        db.scalars(
            select(User).where(
                User.role == "advisor",
                User.active.is_(True),
                User.jurisdiction == sub.department.jurisdiction,
            )
        )
    )
    return page(
        request,
        "review.html",
        user,
        sub=sub,
        ver=ver,
        job=ver.job,
        groups=_by_article(findings),
        draft=draft_html(ver.text or "", findings, ver.articles),
        can_decide=can_decide,
        can_upload=user.role == "admin"
        or (user.role == "drafter" and user.department_id == sub.department_id),
        can_sign=user.role in ("admin", "judicial")
        and ver.signed_at is None
        and ver.job is not None
        and ver.job.status == "done"
        and number == sub.versions[-1].number,
        can_assign=user.role in ("admin", "judicial"),
        advisors=advisors,
        fixed=resolved(db, ver),
        status=status_of(sub),
        overdue=overdue(sub),
        open_count=sum(f.status == "open" for f in findings),
    )


@router.post("/findings/{fid}/decision", response_class=Html)
def decide(
    request: Request,
    fid: int,
    user: UserDep,
    db: DbDep,
    action: Annotated[str, Form()],
    reason: Annotated[str | None, Form()] = None,
    message: Annotated[str | None, Form()] = None,
    suggestion: Annotated[str | None, Form()] = None,
) -> RedirectResponse:
    f = access.finding(db, user, fid)
    ver = db.get(Version, f.version_id)
    url = f"/submissions/{ver.submission_id}/v/{ver.number}#f-{fid}"
    try:
        crud.decide(
            session=db, actor=user, f=f, action=action, reason=reason, message=message, suggestion=suggestion
        )
        db.commit()
    except ReviewerError as exc:
        return back(request, url, exc)
    return back(request, url)


@router.post("/submissions/{sid}/v/{number}/findings", response_class=Html)
def add_finding(
    request: Request,
    sid: int,
    number: int,
    user: UserDep,
    db: DbDep,
    start: Annotated[int, Form()],
    end: Annotated[int, Form()],
    message: Annotated[str, Form()],
    suggestion: Annotated[str | None, Form()] = None,
    severity: Annotated[str, Form()] = "warning",
) -> RedirectResponse:
    ver = access.version(db, user, sid, number)
    url = f"/submissions/{sid}/v/{number}"
    try:
        f = crud.add_finding(
            session=db,
            actor=user,
            ver=ver,
            start=start,
            end=end,
            message=message,
            suggestion=suggestion,
            severity=severity,
        )
        db.commit()
    except ReviewerError as exc:
        return back(request, url, exc)
    return back(request, f"{url}#f-{f.id}")


@router.post("/submissions/{sid}/v/{number}/sign", response_class=Html)
def sign(request: Request, sid: int, number: int, user: UserDep, db: DbDep) -> RedirectResponse:
    ver = access.version(db, user, sid, number)
    try:
        crud.sign_off(session=db, actor=user, ver=ver)
        db.commit()
    except ReviewerError as exc:
        return back(request, f"/submissions/{sid}/v/{number}", exc)
    return back(request, f"/submissions/{sid}/v/{number}")


@router.post("/submissions/{sid}/advisor", response_class=Html)
def assign(
    request: Request, sid: int, user: UserDep, db: DbDep, advisor_id: Annotated[int, Form()]
) -> RedirectResponse:
    sub = access.submission(db, user, sid)
    try:
        crud.assign_advisor(session=db, actor=user, sub=sub, advisor_id=advisor_id)
        db.commit()
    except ReviewerError as exc:
        return back(request, f"/submissions/{sid}", exc)
    return back(request, f"/submissions/{sid}")


@router.post("/submissions/{sid}/versions", response_class=Html)
async def upload_version(
    request: Request,
    sid: int,
    user: UserDep,
    db: DbDep,
    store: StoreDep,
    pool: PoolDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File()],
) -> RedirectResponse:
    sub = access.submission(db, user, sid)
    try:
        access.may_upload(user, sub)
        data = await read_upload(file, settings.max_upload_bytes)
        ver = submit_revision(db, store, pool, data, actor=user, sub=sub, filename=file.filename)
    except ReviewerError as exc:
        return back(request, f"/submissions/{sid}", exc)
    return back(request, f"/submissions/{sid}/v/{ver.number}")


@router.get("/submissions/{sid}/v/{number}/compare", response_class=Html)
def compare(request: Request, sid: int, number: int, user: UserDep, db: DbDep) -> Response:
    ver = access.version(db, user, sid, number)
    prev = previous(db, ver)
    rows = list(db.scalars(select(Finding).where(Finding.version_id == ver.id).order_by(Finding.start)))
    changes = changed_articles(prev, ver) if prev and prev.text and ver.text else []
    for c in changes:
        c["old_html"], c["new_html"] = diff_html(c["old"], "del"), diff_html(c["new"], "ins")
    return page(
        request,
        "compare.html",
        user,
        sub=ver.submission,
        ver=ver,
        prev=prev,
        changes=changes,
        fixed=resolved(db, ver),
        unchanged=[f for f in rows if f.change == "unchanged"],
        new=[f for f in rows if f.change == "new"],
    )


@router.get("/submissions/{sid}/audit", response_class=Html)
def audit(request: Request, sid: int, user: UserDep, db: DbDep) -> Response:
    sub = access.submission(db, user, sid)
    entries = list(
        db.scalars(select(AuditEntry).where(AuditEntry.submission_id == sid).order_by(AuditEntry.id))
    )
    return page(request, "audit.html", user, sub=sub, entries=entries)


# ---- rules ----


@router.get("/rules", response_class=Html)
def rules(request: Request, user: UserDep, category: str | None = None, q: str | None = None) -> Response:
    from service.routes.rules import catalog, search

    cat = catalog()
    return page(
        request,
        "rules.html",
        user,
        rules=search(category, q),
        categories=cat.categories,
        category=category,
        q=q or "",
        version=cat.version,
    )


@router.get("/rules/{rule_id}", response_class=Html)
def rule(request: Request, rule_id: str, user: UserDep) -> Response:
    from service.errors import NotFound
    from service.routes.rules import catalog

    found = catalog().by_id.get(rule_id)
    if found is None:
        raise NotFound(f"规则 {rule_id} 不存在。")
    return page(request, "rule.html", user, rule=found)


# ---- administration ----


@router.get("/admin", response_class=Html)
def admin(request: Request, user: UserDep, db: DbDep) -> Response:
    access.admin_only(user)
    return page(
        request,
        "admin.html",
        user,
        users=list(db.scalars(select(User).order_by(User.id))),
        departments=list(db.scalars(select(Department).order_by(Department.id))),
    )


@router.post("/admin/departments", response_class=Html)
def admin_department(
    request: Request,
    user: UserDep,
    db: DbDep,
    name: Annotated[str, Form()],
    jurisdiction: Annotated[str, Form()],
) -> RedirectResponse:
    access.admin_only(user)
    try:
        crud.create_department(session=db, actor=user, name=name, jurisdiction=jurisdiction)
        db.commit()
    except ReviewerError as exc:
        return back(request, "/admin", exc)
    return back(request, "/admin")


@router.post("/admin/users", response_class=Html)
def admin_user(
    request: Request,
    user: UserDep,
    db: DbDep,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    role: Annotated[str, Form()],
    display_name: Annotated[str | None, Form()] = None,
    department_id: Annotated[str | None, Form()] = None,
    jurisdiction: Annotated[str | None, Form()] = None,
) -> RedirectResponse:
    access.admin_only(user)
    try:
        crud.create_user(
            session=db,
            actor=user,
            username=username,
            password=password,
            role=role,
            display_name=display_name,
            jurisdiction=jurisdiction,
            department=int(department_id) if (department_id or "").isdigit() else None,
        )
        db.commit()
    except ReviewerError as exc:
        return back(request, "/admin", exc)
    return back(request, "/admin")
