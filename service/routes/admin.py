"""Users and departments (admins only)."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import func, select

from service import access, crud
from service.deps import DbDep, PageDep, UserDep
from service.models import Department, User
from service.schemas import DepartmentIn, DepartmentOut, PageOf, UserIn, UserOut, UserPatch

router = APIRouter(prefix="/api", tags=["用户与单位管理"])


@router.get("/departments", response_model=PageOf[DepartmentOut], summary="起草单位列表")
def departments(user: UserDep, db: DbDep, page: PageDep) -> PageOf[DepartmentOut]:
    access.admin_only(user)
    total = db.scalar(select(func.count()).select_from(Department))
    rows = db.scalars(select(Department).order_by(Department.id).offset(page.offset).limit(page.size))
    return PageOf(
        items=[DepartmentOut.model_validate(d) for d in rows], total=total, page=page.page, size=page.size
    )


@router.post("/departments", response_model=DepartmentOut, status_code=201, summary="新建起草单位")
def create_department(body: DepartmentIn, user: UserDep, db: DbDep) -> DepartmentOut:
    access.admin_only(user)
    dept = crud.create_department(session=db, actor=user, name=body.name, jurisdiction=body.jurisdiction)
    db.commit()
    return DepartmentOut.model_validate(dept)


@router.get("/users", response_model=PageOf[UserOut], summary="用户列表")
def users(user: UserDep, db: DbDep, page: PageDep) -> PageOf[UserOut]:
    access.admin_only(user)
    total = db.scalar(select(func.count()).select_from(User))
    rows = db.scalars(select(User).order_by(User.id).offset(page.offset).limit(page.size))
    return PageOf(items=[UserOut.of(u) for u in rows], total=total, page=page.page, size=page.size)


@router.post("/users", response_model=UserOut, status_code=201, summary="新建用户")
def create_user(body: UserIn, user: UserDep, db: DbDep) -> UserOut:
    access.admin_only(user)
    created = crud.create_user(
        session=db,
        actor=user,
        username=body.username,
        password=body.password,
        role=body.role,
        display_name=body.display_name,
        department=body.department_id,
        jurisdiction=body.jurisdiction,
    )
    db.commit()
    return UserOut.of(created)


@router.patch("/users/{user_id}", response_model=UserOut, summary="启用或停用用户")
def patch_user(user_id: int, body: UserPatch, user: UserDep, db: DbDep) -> UserOut:
    access.admin_only(user)
    changed = crud.set_user_active(session=db, actor=user, user_id=user_id, active=body.active)
    db.commit()
    return UserOut.of(changed)
