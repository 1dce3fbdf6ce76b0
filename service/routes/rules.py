"""The rule catalog, read through the engine's loader: each rule with its basis and examples."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from service.deps import PageDep, UserDep
from service.errors import NotFound
from service.schemas import BasisOut, PageOf

router = APIRouter(prefix="/api/rules", tags=["规则库"])


class RuleOut(BaseModel):
    id: str
    title: str
    category: str
    category_name: str
    whether: str
    severity: str
    version: int
    check: str
    message: str
    suggestion: str | None
    basis: list[BasisOut]
    flag: list[str]
    passing: list[str]


def catalog() -> Any:
    from reviewer.engine import catalog as cat

    return cat.get()


def rule_out(rule: Any) -> RuleOut:
    spec = rule.spec
    return RuleOut(
        id=spec.id,
        title=spec.title,
        category=spec.category,
        category_name=rule.category.name,
        whether=rule.category.whether,
        severity=spec.severity,
        version=spec.version,
        check=spec.check,
        message=spec.message,
        suggestion=spec.suggestion,
        basis=[BasisOut(**b.model_dump()) for b in spec.basis],
        flag=list(spec.examples.flag),
        passing=list(spec.examples.pass_),
    )


def search(category: str | None, q: str | None) -> list[Any]:
    rules = catalog().rules
    if category:
        rules = [r for r in rules if r.spec.category == category]
    if q:
        rules = [r for r in rules if q in r.spec.id or q in r.spec.title or q in r.spec.message]
    return sorted(rules, key=lambda r: (r.spec.category, r.spec.id))


@router.get("", response_model=PageOf[RuleOut], summary="规则列表（可按类别、关键词筛选）")
def list_rules(
    user: UserDep,
    page: PageDep,
    category: Annotated[str | None, Query(max_length=32)] = None,
    q: Annotated[str | None, Query(max_length=50)] = None,
) -> PageOf[RuleOut]:
    rules = search(category, q)
    return PageOf(
        items=[rule_out(r) for r in rules[page.offset : page.offset + page.size]],
        total=len(rules),
        page=page.page,
        size=page.size,
    )


@router.get("/{rule_id}", response_model=RuleOut, summary="规则详情：依据与示例")
def get_rule(rule_id: str, user: UserDep) -> RuleOut:
    rule = catalog().by_id.get(rule_id)
    if rule is None:
        raise NotFound(f"规则 {rule_id} 不存在。")
    return rule_out(rule)
