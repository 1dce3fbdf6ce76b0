"""The clean-up result as JSON: the same content as the workbook, for machines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reviewer.cleanup.pipeline import Result

FORMAT_VERSION = 1


def to_dict(result: Result) -> dict[str, Any]:
    by_index = {e.index: e for e in result.entries}

    def side(p: Any) -> dict[str, Any]:
        return {
            "location": by_index[p.doc].location,
            "title": by_index[p.doc].title,
            "article": p.label,
            "node_id": p.id,
            "text": p.text,
        }

    return {
        "format_version": FORMAT_VERSION,
        "as_of": result.as_of.isoformat(),
        "folder": result.folder,
        "counts": result.counts(),
        "documents": [
            {
                "location": e.location,
                "sha256": e.sha256,
                "title": e.title,
                "doc_number": e.record.get("doc_number"),
                "issuer": e.record.get("issuer"),
                "issue_date": e.record.get("issue_date"),
                "effective_date": e.record.get("effective_date"),
                "validity": e.record.get("validity"),
                "valid_until": e.until.isoformat() if e.until else None,
                "status": e.status,
                "disposition": e.disposition,
                "reasons": [
                    {"code": r.code, "disposition": r.disposition, "text": r.text} for r in e.reasons
                ],
                "superseded_by": by_index[e.superseded_by].location if e.superseded_by is not None else None,
                "issue_articles": e.issue_count(),
                "findings": e.record.get("findings", []),
            }
            for e in result.entries
        ],
        "pairs": [
            {
                "kind": p.kind,
                "similarity": p.similarity,
                "difference": p.difference,
                "a": side(p.a),
                "b": side(p.b),
            }
            for p in result.pairs
        ],
        "failures": [{"location": f.location, "code": f.code, "reason": f.reason} for f in result.failures],
    }


def write(result: Result, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(to_dict(result), ensure_ascii=False, indent=1), encoding="utf-8")
    return path
