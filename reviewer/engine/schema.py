"""The strict rule schema (docs/rules.md): pydantic models; every problem becomes a ``RuleError``."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from reviewer.errors import RuleError

CHECK_KINDS = (
    "existence",
    "substitution",
    "occurrence",
    "conditional",
    "consistency",
    "cross-reference",
    "python",
)
SCOPES = ("body", "document", "title", "article", "preamble")
ID_RE = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")
MARK_RE = re.compile(r"<m>(.*?)</m>", re.S)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Pattern(_Strict):
    """One entry of ``patterns`` / ``then``: a regex (flagged span = group ``m`` or the match) or phrases."""

    regex: str | None = None
    phrases: list[str] | None = None

    @model_validator(mode="after")
    def _one_key(self) -> Pattern:
        if (self.regex is None) == (self.phrases is None):
            raise ValueError("每个模式必须且只能有 regex 或 phrases 之一")
        if self.phrases is not None and (not self.phrases or any(not p for p in self.phrases)):
            raise ValueError("phrases 不能为空，也不能包含空字符串")
        return self


class Window(_Strict):
    chars: int = Field(gt=0, le=2000)
    regex: str


class Condition(_Strict):
    """One ``unless``/``requires`` entry: exactly one key."""

    sentence: str | None = None
    before: str | None = None
    after: str | None = None
    article: str | None = None
    document: str | None = None
    window: Window | None = None

    @model_validator(mode="after")
    def _one_key(self) -> Condition:
        set_keys = [k for k in type(self).model_fields if getattr(self, k) is not None]
        if len(set_keys) != 1:
            raise ValueError("每个条件必须且只能有一个键（sentence/before/after/article/document/window）")
        return self

    @property
    def key(self) -> str:
        return next(k for k in type(self).model_fields if getattr(self, k) is not None)

    @property
    def regex(self) -> str:
        value = getattr(self, self.key)
        return value.regex if isinstance(value, Window) else value


class When(_Strict):
    whole_document: bool | None = None
    issuer_level: list[str] | None = None
    doc_type: list[str] | None = None
    provisional: bool | None = None
    province: list[str] | None = None


class BasisSpec(_Strict):
    law: str = Field(min_length=2)
    article: str | None = None
    text: str | None = None


class Examples(_Strict):
    flag: list[str] = Field(min_length=2)
    pass_: list[str] = Field(alias="pass", min_length=2)

    @field_validator("flag")
    @classmethod
    def _marked(cls, v: list[str]) -> list[str]:
        for ex in v:
            if not MARK_RE.search(ex):
                raise ValueError(f"flag 示例缺少 <m>…</m> 标记：{ex[:40]}")
        return v

    @field_validator("pass_")
    @classmethod
    def _unmarked(cls, v: list[str]) -> list[str]:
        for ex in v:
            if "<m>" in ex:
                raise ValueError(f"pass 示例不应含 <m> 标记：{ex[:40]}")
        return v


class RuleSpec(_Strict):
    id: str
    title: str = Field(min_length=2)
    category: str
    severity: Literal["error", "warning", "info"]
    version: int = Field(ge=1)
    checklist: list[str] = Field(default_factory=list)
    check: Literal[
        "existence", "substitution", "occurrence", "conditional", "consistency", "cross-reference", "python"
    ]
    scope: Literal["body", "document", "title", "article", "preamble"] = "body"
    when: When | None = None
    patterns: list[Pattern] = Field(default_factory=list)
    unless: list[Condition] = Field(default_factory=list)
    requires: list[Condition] = Field(default_factory=list)
    basis: list[BasisSpec] = Field(default_factory=list)
    message: str = Field(min_length=2)
    suggestion: str | None = None
    replacement: str | None = None
    examples: Examples
    # kind-specific fields
    swap: dict[str, str] | None = None
    min: int | None = None
    max: int | None = None
    anchor: Literal["title", "end"] | None = None
    then: list[Pattern] | None = None
    within: Literal["sentence", "article", "document"] | None = None
    variants: list[list[str]] | None = None
    function: str | None = None

    @field_validator("id")
    @classmethod
    def _id_form(cls, v: str) -> str:
        if not ID_RE.match(v):
            raise ValueError("id 须为大写字母、数字和连字符（UPPER-KEBAB）")
        return v

    @model_validator(mode="after")
    def _kind_fields(self) -> RuleSpec:
        need = {
            "existence": ["patterns"],
            "occurrence": ["patterns"],
            "conditional": ["patterns", "then"],
            "substitution": ["swap"],
            "consistency": ["variants"],
            "python": ["function"],
            "cross-reference": [],
        }[self.check]
        for name in need:
            if not getattr(self, name):
                raise ValueError(f"检查类型 {self.check} 需要字段 {name}")
        if self.check == "occurrence" and self.min is None and self.max is None:
            raise ValueError("检查类型 occurrence 需要 min 或 max")
        if self.severity == "error" and not self.basis:
            raise ValueError("严重程度为 error 的规则必须给出 basis（法律、条款、原文）")
        if self.variants and any(len(v) < 2 for v in self.variants):
            raise ValueError("variants 的每一组至少有两个写法")
        return self


def _loc(err: dict[str, Any]) -> str:
    return ".".join(str(p) for p in err.get("loc", ())) or "（整体）"


_CODES = {"extra_forbidden": "rule_unknown_field", "missing": "rule_missing_field"}


def validate(data: Any, file: str) -> RuleSpec:
    """A ``RuleSpec`` from parsed YAML, or a ``RuleError`` naming file, field, problem and a code."""
    if not isinstance(data, dict):
        raise RuleError(file, "（整体）", "规则文件必须是一个 YAML 映射", code="rule_not_mapping")
    try:
        return RuleSpec.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        problem = err.get("msg", "")
        if err["type"] == "extra_forbidden":
            problem = "未知字段"
        elif err["type"] == "missing":
            problem = "缺少必填字段"
        problem = problem.removeprefix("Value error, ")
        raise RuleError(file, _loc(err), problem, code=_CODES.get(err["type"], "rule_bad_value")) from None
