"""The review as versioned JSON (schema: ``schema/report.schema.json``); Markdown and HTML build on it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from reviewer.model import SEVERITY_LABELS, Review
from reviewer.report.decisions import Decision, apply_decisions, conclusion_of, finding_key
from reviewer.report.labels import (
    CHECK_STATUS_LABELS,
    WHETHERS,
    article_of,
    category_name,
    checklist_status,
    doc_title,
    finding_whether,
    suggestion_text,
)

SCHEMA_ID = "fashen.report/1"
SCHEMA_PATH = Path(__file__).parent / "schema" / "report.schema.json"


def _generator() -> str:
    try:
        return f"fashen {version('fashen')}"
    except PackageNotFoundError:
        return "fashen"


def report_dict(
    review: Review, *, decisions: Mapping[str, Decision] | None = None, conclusion: str | None = None
) -> dict[str, Any]:
    """The review as plain data: document, summary, findings (advisor's decisions applied), coverage."""
    doc = review.document
    pairs = sorted(apply_decisions(review.findings, decisions), key=lambda p: (p[0].start, p[0].end))
    kept = [f for f, _ in pairs]
    findings = []
    for f, d in pairs:
        w = finding_whether(f)
        findings.append(
            {
                "key": finding_key(f),
                "rule_id": f.rule_id,
                "rule_version": f.rule_version,
                "title": f.title,
                "category": f.category,
                "category_name": category_name(f.category),
                "whether": w,
                "whether_name": WHETHERS[w],
                "severity": f.severity,
                "severity_label": SEVERITY_LABELS.get(f.severity, f.severity),
                "start": f.start,
                "end": f.end,
                "quote": f.quote,
                "article": article_of(review, f),
                "node_id": f.node_id,
                "message": f.message,
                "suggestion": f.suggestion,
                "replacement": f.replacement,
                "suggestion_text": suggestion_text(f),
                "basis": [asdict(b) for b in f.basis],
                "decision": {"status": d.status, "note": d.note} if d else None,
            }
        )
    kept_keys = {x["key"] for x in findings}
    return {
        "schema": SCHEMA_ID,
        "generator": _generator(),
        "document": {
            "title": doc_title(review),
            "filename": doc.source.filename,
            "format": doc.source.format,
            "sha256": doc.source.sha256,
            "chars": len(doc.text),
            "articles": len(doc.articles()),
            "metadata": doc.metadata.to_dict(),
            "text": doc.text,
        },
        "review": {
            "as_of": review.as_of.isoformat() if review.as_of else None,
            "catalog_version": review.catalog_version,
            "knowledge_date": review.knowledge_date,
            "conclusion": conclusion or conclusion_of(kept),
        },
        "summary": {
            "total": len(kept),
            "by_severity": {s: n for s in SEVERITY_LABELS if (n := sum(1 for f in kept if f.severity == s))},
            "by_category": dict(Counter(f.category for f in kept)),
        },
        "findings": findings,
        "dismissed": [finding_key(f) for f in review.findings if finding_key(f) not in kept_keys],
        "checked": [
            {
                "id": it.id,
                "title": it.title,
                "category": it.category,
                "status": status,
                "status_label": CHECK_STATUS_LABELS[status],
            }
            for it, status in checklist_status(review.checked)
        ],
    }


def to_json(
    review: Review,
    *,
    decisions: Mapping[str, Decision] | None = None,
    conclusion: str | None = None,
    indent: int | None = 2,
) -> str:
    return json.dumps(
        report_dict(review, decisions=decisions, conclusion=conclusion), ensure_ascii=False, indent=indent
    )
