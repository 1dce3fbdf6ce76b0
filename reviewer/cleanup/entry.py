"""One document of a clean-up run as the folder-wide passes see it: its record and what they conclude."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Proposed dispositions, strongest first; a document takes the strongest one any reason calls for.
DISPOSITIONS = ("宣布失效", "废止", "修改", "保留")
STATUSES = ("现行有效", "即将到期", "已过有效期", "尚未施行")


# Fields of a document record that the folder-wide passes read, with their empty values.
_EMPTY_RECORD: dict[str, Any] = {
    "ok": True,
    "title": None,
    "subject": None,
    "doc_number": None,
    "issuer": None,
    "issue_date": None,
    "effective_date": None,
    "validity": None,
    "laws": [],
    "terms": [],
    "findings": [],
    "repeal_titles": [],
    "repeal_numbers": [],
    "cited_titles": [],
    "cited_numbers": [],
    "provisions": [],
}


def record(**fields: Any) -> dict[str, Any]:
    """A record with every field the folder-wide passes read: ``fields`` set, the rest empty.

    For documents that were not analysed from a file (synthetic corpora in tests and benchmarks)."""
    return {k: (list(v) if isinstance(v, list) else v) for k, v in _EMPTY_RECORD.items()} | fields


@dataclass(slots=True)
class Reason:
    """Why a disposition is proposed: a stable ``code``, the disposition it calls for, Chinese text."""

    code: str
    disposition: str
    text: str


@dataclass(slots=True, eq=False)
class Entry:
    index: int
    location: str
    sha256: str
    record: dict[str, Any]
    status: str = "现行有效"
    until: date | None = None
    disposition: str = "保留"
    reasons: list[Reason] = field(default_factory=list)
    superseded_by: int | None = None

    @property
    def title(self) -> str:
        return self.record.get("title") or self.location.rsplit("/", 1)[-1]

    def sort_date(self) -> date | None:
        """The date that orders versions of one document: 成文, else 施行, else the 文号 year."""
        rec = self.record
        for key in ("issue_date", "effective_date"):
            if rec.get(key):
                return date.fromisoformat(rec[key])
        number = rec.get("doc_number") or ""
        if "〔" in number:
            return date(int(number.split("〔", 1)[1][:4]), 1, 1)
        return None

    def cite(self) -> str:
        """《标题》（文号） as used in reasons."""
        number = self.record.get("doc_number")
        return f"《{self.title}》" + (f"（{number}）" if number else "")

    def add(self, code: str, disposition: str, text: str) -> None:
        self.reasons.append(Reason(code, disposition, text))

    def decide(self) -> None:
        """The strongest disposition among the reasons; 保留 when there is none."""
        ranks = [DISPOSITIONS.index(r.disposition) for r in self.reasons]
        self.disposition = DISPOSITIONS[min(ranks)] if ranks else "保留"

    def issue_count(self) -> int:
        """问题条款数: distinct articles with a finding (findings outside any article count once)."""
        return len({f.get("article") or "" for f in self.record.get("findings", [])})
