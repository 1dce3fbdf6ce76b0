"""The advisor's decision on one finding: accept, dismiss with a reason, reopen, or edit."""

from __future__ import annotations

from fastapi import APIRouter

from service import access, crud
from service.deps import DbDep, UserDep
from service.schemas import DecisionIn, FindingOut

router = APIRouter(prefix="/api/findings", tags=["送审与审查"])


@router.get("/{finding_id}", response_model=FindingOut, summary="问题详情")
def get_finding(finding_id: int, user: UserDep, db: DbDep) -> FindingOut:
    return FindingOut.of(access.finding(db, user, finding_id))


@router.post(
    "/{finding_id}/decision", response_model=FindingOut, summary="采纳、驳回（须填理由）、恢复或修改问题"
)
def decide(finding_id: int, body: DecisionIn, user: UserDep, db: DbDep) -> FindingOut:
    f = access.finding(db, user, finding_id)
    crud.decide(
        session=db,
        actor=user,
        f=f,
        action=body.action,
        reason=body.reason,
        message=body.message,
        suggestion=body.suggestion,
    )
    db.commit()
    return FindingOut.of(f)
