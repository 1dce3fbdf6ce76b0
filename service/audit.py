"""The append-only audit log: who did what, when, with the state before and after."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from service.models import AuditEntry, User


def record(
    session: Session,
    user: User | None,
    action: str,
    *,
    submission_id: int | None = None,
    target: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEntry(
            user_id=user.id if user else None,
            username=user.username if user else "系统",
            submission_id=submission_id,
            action=action,
            target=target,
            before=before,
            after=after,
        )
    )


ACTIONS = {
    "login": "登录",
    "login_failed": "登录失败",
    "logout": "退出",
    "token_created": "创建访问令牌",
    "user_created": "创建用户",
    "user_updated": "修改用户",
    "department_created": "创建起草单位",
    "submission_created": "送审",
    "version_uploaded": "上传修改稿",
    "advisor_assigned": "指派法律顾问",
    "review_started": "开始审查",
    "review_done": "审查完成",
    "review_failed": "审查失败",
    "review_retried": "审查重试",
    "finding_accepted": "采纳问题",
    "finding_dismissed": "驳回问题",
    "finding_reopened": "恢复待处理",
    "finding_edited": "修改问题",
    "finding_added": "新增问题",
    "signed_off": "签发",
    "letter_downloaded": "下载意见书",
    "annotated_downloaded": "下载批注稿",
    "audit_exported": "导出审计日志",
}
