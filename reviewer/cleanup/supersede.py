"""Which documents of the folder a later one replaces: an explicit 「原《…》同时废止」, or the same subject
from the same issuer with a later date (a re-issue, a 暂行 made permanent, a 修订)."""

from __future__ import annotations

import re
from collections import defaultdict

from reviewer.cleanup.entry import Entry

_PUNCT = re.compile(r"[\s\u3000《》〈〉“”\"'（）()【】\[\]、，,。·．.]+")
_VERSION_WORDS = re.compile(r"暂行|试行|（?修订）?|（?修正）?|\d{4}年(?:修订|版)?|[〔\[]\d{4}[〕\]]")


def title_key(title: str | None) -> str:
    """A title compared exactly: whitespace and punctuation removed."""
    return _PUNCT.sub("", title or "")


def subject_key(entry: Entry) -> str:
    """The subject a document governs: its title without version words (暂行, 试行, 修订, years)."""
    return title_key(_VERSION_WORDS.sub("", entry.record.get("subject") or entry.record.get("title") or ""))


def issuer_key(entry: Entry) -> str:
    """The issuer, else the organ code of the 文号 (青政办规〔2019〕3号 → 青政办规)."""
    rec = entry.record
    if rec.get("issuer"):
        return title_key(rec["issuer"])
    number = rec.get("doc_number") or ""
    return number.split("〔", 1)[0] if "〔" in number else ""


def find(entries: list[Entry]) -> None:
    """Mark superseded documents (``superseded_by``) and give them a 废止 reason."""
    by_title: dict[str, list[Entry]] = defaultdict(list)
    by_number: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        for t in {e.record.get("title"), e.record.get("subject")} - {None}:
            by_title[title_key(t)].append(e)
        if e.record.get("doc_number"):
            by_number[e.record["doc_number"]].append(e)
    for later in entries:
        rec = later.record
        targets = [e for t in rec.get("repeal_titles", []) for e in by_title.get(title_key(t), [])]
        targets += [e for n in rec.get("repeal_numbers", []) for e in by_number.get(n, [])]
        for old in dict.fromkeys(targets):
            if old is not later and old.superseded_by is None:
                old.superseded_by = later.index
                old.add("superseded", "废止", f"已被{later.cite()}明确宣布废止（「原《…》同时废止」）。")
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in entries:
        key = (issuer_key(e), subject_key(e))
        if all(key) and e.sort_date():
            groups[key].append(e)
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda e: (e.sort_date(), e.index))
        latest = members[-1]
        for old in members[:-1]:
            if old.sort_date() < latest.sort_date() and old.superseded_by is None:
                old.superseded_by = latest.index
                old.add(
                    "superseded",
                    "废止",
                    f"同一制定机关就同一事项已制发更新的{latest.cite()}（{latest.sort_date().isoformat()}），"
                    "本文件已被替代。",
                )


def related(a: Entry, b: Entry) -> bool:
    """True when one of the two documents supersedes the other (their overlap is expected)."""
    return a.superseded_by == b.index or b.superseded_by == a.index
