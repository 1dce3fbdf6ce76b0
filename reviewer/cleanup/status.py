"""现状 as of a date: 现行有效, 即将到期 (within ``warn_months``), 已过有效期, 尚未施行."""

from __future__ import annotations

from datetime import date, timedelta

from reviewer.cleanup.entry import Entry
from reviewer.numerals import find_dates


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(d)


def valid_until(entry: Entry) -> date | None:
    """有效期的最后一日: a written end date, or the day before 施行日 (else 成文日) plus the term."""
    rec = entry.record
    start = rec.get("effective_date") or rec.get("issue_date")
    begin = date.fromisoformat(start) if start else None
    validity = rec.get("validity") or {}
    if validity.get("indefinite"):
        return None
    if validity.get("until") and find_dates(validity.get("text") or ""):
        return date.fromisoformat(validity["until"])
    if validity.get("years") and begin:
        return add_months(begin, int(round(validity["years"] * 12))) - timedelta(days=1)
    return None


def assess(entry: Entry, as_of: date, warn_months: int) -> None:
    """Set ``entry.status`` and ``until``; an expiry reason goes in with 宣布失效."""
    entry.until = valid_until(entry)
    rec = entry.record
    if rec.get("effective_date") and date.fromisoformat(rec["effective_date"]) > as_of:
        entry.status = "尚未施行"
    elif entry.until and entry.until < as_of:
        entry.status = "已过有效期"
        entry.add(
            "expired", "宣布失效", f"有效期至{cn_date(entry.until)}，已届满（{rec['validity']['text']}）。"
        )
    elif entry.until and entry.until < add_months(as_of, warn_months):
        entry.status = "即将到期"
        entry.add(
            "expiring", "保留", f"有效期将于{cn_date(entry.until)}届满，请评估是否需要继续施行并重新制发。"
        )
    else:
        entry.status = "现行有效"


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
