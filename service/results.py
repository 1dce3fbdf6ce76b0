"""Review results in the database: store a job's output, match findings across versions, compare versions."""

from __future__ import annotations

import difflib
import hashlib
from bisect import bisect_right
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.materials import parse_materials, procedure_findings
from service.models import Finding, Version
from service.settings import Settings

FINDING_FIELDS = (
    "key",
    "rule_id",
    "title",
    "category",
    "severity",
    "start",
    "end",
    "quote",
    "article",
    "node_id",
    "message",
    "suggestion",
    "replacement",
    "basis",
    "whether",
    "rule_version",
)


def manual_key(quote: str) -> str:
    return "manual:" + hashlib.sha1(quote.encode("utf-8")).hexdigest()[:16]


def article_at(articles: list[dict[str, Any]], offset: int) -> dict[str, Any] | None:
    starts = [a["start"] for a in articles]
    i = bisect_right(starts, offset) - 1
    return articles[i] if i >= 0 and offset < articles[i]["end"] else None


def previous(session: Session, ver: Version) -> Version | None:
    return session.scalar(
        select(Version).where(Version.submission_id == ver.submission_id, Version.number == ver.number - 1)
    )


def store_result(session: Session, settings: Settings, ver: Version, result: dict[str, Any]) -> None:
    """Write the parsed text, articles and findings of a finished review; carry over earlier dismissals."""
    ver.text, ver.articles = result["text"], result["articles"]
    ver.warnings, ver.catalog_version = result["warnings"], result["catalog_version"]
    session.execute(
        Finding.__table__.delete().where(Finding.version_id == ver.id, Finding.origin != "manual")
    )
    prev = previous(session, ver)
    old = (
        {f.key: f for f in session.scalars(select(Finding).where(Finding.version_id == prev.id))}
        if prev
        else {}
    )
    rows = [dict(f, origin="engine") for f in result["findings"]]
    rows += procedure_findings(parse_materials(ver.submission.materials), settings)
    for row in rows:
        f = Finding(version_id=ver.id, **{k: row.get(k) for k in FINDING_FIELDS}, origin=row["origin"])
        f.quote, f.message, f.basis = f.quote or "", f.message or "", f.basis or []
        _carry(f, old.get(f.key), prev is not None)
        session.add(f)
    for f in old.values():
        if f.origin == "manual" and (pos := ver.text.find(f.quote)) >= 0:
            art = article_at(ver.articles, pos) or {}
            fields = {k: getattr(f, k) for k in FINDING_FIELDS} | {
                "start": pos,
                "end": pos + len(f.quote),
                "article": art.get("label"),
                "node_id": art.get("id"),
            }
            session.add(
                Finding(
                    version_id=ver.id,
                    **fields,
                    origin="manual",
                    change="unchanged",
                    status=f.status,
                    decided_by=f.decided_by,
                    decided_at=f.decided_at,
                )
            )


def _carry(f: Finding, before: Finding | None, revised: bool) -> None:
    if not revised:
        return
    f.change = "unchanged" if before else "new"
    if before is not None and before.status == "dismissed":
        f.status, f.reason = "dismissed", before.reason
        f.edited_message, f.edited_suggestion = before.edited_message, before.edited_suggestion
        f.decided_by, f.decided_at = before.decided_by, before.decided_at


def resolved(session: Session, ver: Version) -> list[Finding]:
    """Findings of the previous version that the revision no longer has (已修改)."""
    prev = previous(session, ver)
    if prev is None or ver.text is None:
        return []
    now = set(session.scalars(select(Finding.key).where(Finding.version_id == ver.id)))
    return [
        f
        for f in session.scalars(select(Finding).where(Finding.version_id == prev.id).order_by(Finding.start))
        if f.key not in now
    ]


def _article_texts(ver: Version) -> dict[str, tuple[str, str]]:
    text = ver.text or ""
    return {a.get("label") or a["id"]: (a["id"], text[a["start"] : a["end"]]) for a in ver.articles}


def changed_articles(old: Version, new: Version) -> list[dict[str, Any]]:
    """Side-by-side pairs of articles whose text changed, with marked differences."""
    before, after = _article_texts(old), _article_texts(new)
    labels = list(after) + [k for k in before if k not in after]
    out = []
    for label in labels:
        a, b = before.get(label, (None, ""))[1], after.get(label, (None, ""))[1]
        if a == b:
            continue
        ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        out.append(
            {
                "label": label,
                "old": [(tag in ("delete", "replace"), a[i1:i2]) for tag, i1, i2, _, _ in ops if a[i1:i2]],
                "new": [(tag in ("insert", "replace"), b[j1:j2]) for tag, _, _, j1, j2 in ops if b[j1:j2]],
                "status": "新增条款" if label not in before else "删除条款" if label not in after else "修改",
            }
        )
    return out
