"""The advisor's word on findings (keep, dismiss, reword) and the conclusion that follows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from reviewer.errors import InputError
from reviewer.model import Finding

CONCLUSIONS = ("同意提交", "修改后提交", "不予提交")
STATUSES = ("accepted", "dismissed")


@dataclass(slots=True)
class Decision:
    """An advisor's decision on one finding (keyed by ``Finding.key``)."""

    status: str = "accepted"
    message: str | None = None
    suggestion: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise InputError(
                f"审查决定“{self.status}”无效，应为 accepted 或 dismissed。", code="bad_decision"
            )


def finding_key(f: Finding) -> str:
    return f.key or f.make_key()


def apply_decisions(
    findings: Iterable[Finding], decisions: Mapping[str, Decision] | None
) -> list[tuple[Finding, Decision | None]]:
    """Findings the advisor kept, with the advisor's rewording applied, paired with their decision."""
    out: list[tuple[Finding, Decision | None]] = []
    for f in findings:
        d = (decisions or {}).get(finding_key(f))
        if d is not None and d.status == "dismissed":
            continue
        if d is not None and (d.message or d.suggestion):
            f = replace(f, message=d.message or f.message, suggestion=d.suggestion or f.suggestion)
        out.append((f, d))
    return out


def conclusion_of(findings: Iterable[Finding]) -> str:
    """同意提交 / 修改后提交 / 不予提交 from the (kept) findings' severities and categories."""
    findings = list(findings)
    if any(f.severity == "error" and f.category == "authority" for f in findings):
        return "不予提交"
    if any(f.severity in ("error", "warning") for f in findings):
        return "修改后提交"
    return "同意提交"


def check_conclusion(value: str | None) -> str | None:
    if value is not None and value not in CONCLUSIONS:
        raise InputError(f"审查结论“{value}”无效，应为：{'、'.join(CONCLUSIONS)}。", code="bad_conclusion")
    return value
