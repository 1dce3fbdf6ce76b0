"""The proposed disposition of each document and its reasons.

Defaults (see docs/cleanup.md):
- 宣布失效 — the 有效期 has run out;
- 废止 — superseded by a later document of the folder, or the main 制定依据 is repealed and either nothing
  replaced it or the content is now unlawful (error-level findings);
- 修改 — cites repealed or replaced laws, names abolished agencies or systems, has error-level findings,
  or refers by 文号 or title to a document of the folder that is itself to be repealed or declared void;
- 保留 — none of these.
"""

from __future__ import annotations

from datetime import date

from reviewer.cleanup import supersede
from reviewer.cleanup.entry import Entry
from reviewer.cleanup.status import assess, cn_date

GONE = ("宣布失效", "废止")


def own_reasons(entry: Entry) -> None:
    """Reasons that follow from the document alone: cited laws, outdated terms, error-level findings.

    Findings of the ``outdated`` rules repeat what the law and term lookups already say; they are listed in
    问题明细 but give no reason of their own unless they are error-level and name something not covered.
    """
    rec = entry.record
    covered = [law["mention"] for law in rec.get("laws", [])] + [t["term"] for t in rec.get("terms", [])]
    errors = [
        f
        for f in rec.get("findings", [])
        if f["severity"] == "error" and not any(c in f["quote"] for c in covered)
    ]
    for law in rec.get("laws", []):
        successor = law.get("successor") or ""
        replaced = successor and "废止" not in successor  # a repeal decision replaces nothing
        when = f"于{cn_date(date.fromisoformat(law['repealed_on']))}" if law.get("repealed_on") else ""
        after = f"，已由《{successor}》替代" if replaced else (f"（《{successor}》）" if successor else "")
        if law.get("main") and (not replaced or errors):
            why = "且没有替代的上位法" if not replaced else "且文件内容与现行法律不符"
            entry.add(
                "basis_repealed", "废止", f"主要制定依据《{law['mention']}》已{when}废止{after}，{why}。"
            )
        else:
            entry.add("repealed_law", "修改", f"引用的《{law['mention']}》已{when}废止{after}。")
    for term in rec.get("terms", []):
        now = f"，现为「{term['replacement']}」" if term.get("replacement") else ""
        what = "已撤销或更名的机构" if term["kind"] == "agency" else "已废止的制度"
        entry.add(f"outdated_{term['kind']}", "修改", f"使用{what}名称「{term['term']}」{now}。")
    if errors:
        titles = "；".join(dict.fromkeys(f"{f.get('article') or ''}{f['message']}" for f in errors[:3]))
        more = f"等{len(errors)}处" if len(errors) > 3 else ""
        entry.add("error_findings", "修改", f"存在违法问题{more}：{titles}")


def references(entries: list[Entry]) -> None:
    """A 修改 reason for documents that cite a document of the folder that is itself going away."""
    gone_titles: dict[str, Entry] = {}
    gone_numbers: dict[str, Entry] = {}
    for e in entries:
        if e.disposition in GONE:
            for t in {e.record.get("title"), e.record.get("subject")} - {None}:
                gone_titles[supersede.title_key(t)] = e
            if e.record.get("doc_number"):
                gone_numbers[e.record["doc_number"]] = e
    for e in entries:
        hits = [gone_titles.get(supersede.title_key(t)) for t in e.record.get("cited_titles", [])]
        hits += [gone_numbers.get(n) for n in e.record.get("cited_numbers", [])]
        for target in dict.fromkeys(h for h in hits if h is not None and h is not e):
            e.add("cites_repealed_doc", "修改", f"引用的{target.cite()}拟{target.disposition}。")


def dispose(entries: list[Entry], as_of: date, warn_months: int = 6) -> None:
    """Status, reasons and disposition for every analysed document of one run."""
    for e in entries:
        assess(e, as_of, warn_months)
        own_reasons(e)
    supersede.find(entries)
    for e in entries:
        e.decide()
    references(entries)
    for e in entries:
        e.decide()
