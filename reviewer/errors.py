"""Typed errors with a stable code and a Chinese message for the user."""

from __future__ import annotations


class ReviewerError(Exception):
    """Base class: ``code`` is stable for machines, ``message`` is Chinese for people."""

    code = "error"
    http_status = 422

    def __init__(self, message: str, *, code: str | None = None, detail: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.detail = detail

    def to_dict(self) -> dict[str, str]:
        out = {"code": self.code, "message": self.message}
        if self.detail:
            out["detail"] = self.detail
        return out


class InputError(ReviewerError):
    """The file cannot be read as a draft (wrong type, corrupt, encrypted, empty …)."""

    code = "bad_input"


class LimitError(InputError):
    """The file exceeds a configured size, page, inflation or time limit."""

    code = "too_large"
    http_status = 413


class DependencyError(ReviewerError):
    """An optional component (OCR, LibreOffice) is needed but not installed."""

    code = "missing_dependency"


class RuleError(ReviewerError):
    """A rule file is malformed: names file, field and problem."""

    code = "rule_invalid"

    def __init__(self, file: str, field: str, problem: str, code: str = "rule_invalid"):
        super().__init__(f"规则文件 {file} 字段 {field}：{problem}", code=code)
        self.file, self.field, self.problem = file, field, problem
