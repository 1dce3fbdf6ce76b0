"""Per-document analysis, run in worker processes: parse, review, and keep a JSON-sized record.

The record holds what the folder-wide passes need (metadata, references, provisions, findings) and nothing
of the parsed document itself, so it can be cached, sent over a queue and compared byte for byte.
"""

from __future__ import annotations

import re
import traceback
from datetime import date
from typing import Any

from reviewer.errors import ReviewerError
from reviewer.numerals import find_dates
from reviewer.parsing.metadata import DOC_NUMBER_RE, ISSUER_TAIL_RE
from reviewer.parsing.metadata import LAW_TITLE_RE as TITLE_RE

# Bump when the record's content changes: cached records of other versions are not reused.
RECORD_VERSION = "1"

REPEAL_RE = re.compile(r"同时(?:废止|失效)")
SENTENCE_ENDS = "。；\n"
WRAPPER_RE = re.compile(r"关于印发(?:《)?(?P<inner>.+?)(?:》)?的(?:通知|决定)$")
MIN_PROVISION_CHARS = 12
# Rules whose findings name an outdated term (rule ids are stable): agency or system
TERM_RULES = {"OUT-AGENCY-RENAMED": "agency", "OUT-SYSTEM-ABOLISHED": "system"}


def analyze(
    data: bytes, filename: str, *, as_of: date | None = None, settings: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Parse and review one document; never raises: failures come back as ``{"ok": False, ...}``."""
    from reviewer.api import parse, review

    try:
        doc = parse(data, filename=filename)
        rv = review(doc, as_of=as_of, settings=settings)
        return record(doc, rv, as_of)
    except ReviewerError as exc:
        return {"ok": False, "code": exc.code, "reason": exc.message, "cacheable": True}
    except Exception as exc:  # one bad file never stops a run: report it, keep the trace
        return {
            "ok": False,
            "code": "internal",
            "cacheable": False,
            "reason": f"处理时发生内部错误：{type(exc).__name__}: {exc}",
            "trace": traceback.format_exc(limit=5),
        }


def record(doc: Any, rv: Any, as_of: date | None = None) -> dict[str, Any]:
    """The JSON-sized summary of a parsed and reviewed document."""
    md = doc.metadata
    text = doc.text
    title = md.title or None
    subject = title
    if title and (m := WRAPPER_RE.search(title)):
        subject = m.group("inner")
    issuer = md.issuer or _closing_issuer(text)
    issue_date = md.issue_date or _closing_date(text)
    own_numbers = {md.doc_number} if md.doc_number else set()
    repeal_sentences = [_sentence(text, m.start()) for m in REPEAL_RE.finditer(text)]
    repeal_numbers = sorted({n for s in repeal_sentences for n in DOC_NUMBER_RE.findall(s)} - own_numbers)
    repeal_titles = sorted({t for s in repeal_sentences for t in TITLE_RE.findall(s)} | set(md.repeals))
    own_titles = {t for t in (title, subject) if t}
    cited_titles = sorted({t for t in TITLE_RE.findall(text)} - own_titles - set(repeal_titles))
    cited_numbers = sorted(set(DOC_NUMBER_RE.findall(text)) - own_numbers - set(repeal_numbers))
    validity = md.validity
    return {
        "ok": True,
        "record_version": RECORD_VERSION,
        "format": doc.source.format,
        "pages": doc.source.pages,
        "title": title,
        "subject": subject,
        "doc_number": md.doc_number,
        "issuer": issuer,
        "doc_type": md.doc_type,
        "provisional": md.provisional,
        "draft_marker": md.draft_marker,
        "issue_date": _iso(issue_date),
        "effective_date": _iso(md.effective_date),
        "effective_on_publication": md.effective_on_publication,
        "validity": None
        if validity is None
        else {
            "text": validity.text,
            "years": validity.years,
            "until": _iso(validity.until),
            "indefinite": validity.indefinite,
        },
        "basis_laws": list(md.basis_laws),
        "repeal_titles": repeal_titles,
        "repeal_numbers": repeal_numbers,
        "cited_titles": cited_titles,
        "cited_numbers": cited_numbers,
        "laws": _repealed_laws(list(md.basis_laws), cited_titles, as_of),
        "terms": _outdated_terms(text, rv.findings),
        "findings": [_finding(f) for f in rv.findings],
        "catalog_version": rv.catalog_version,
        "provisions": _provisions(doc),
        "warnings": list(doc.warnings),
    }


def _sentence(text: str, pos: int) -> str:
    start = max(text.rfind(ch, 0, pos) for ch in SENTENCE_ENDS) + 1
    ends = [i for i in (text.find(ch, pos) for ch in SENTENCE_ENDS) if i >= 0]
    return text[start : min(ends, default=len(text))]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _finding(f: Any) -> dict[str, Any]:
    return {
        "rule_id": f.rule_id,
        "category": f.category,
        "severity": f.severity,
        "article": f.article,
        "quote": f.quote,
        "message": f.message,
        "suggestion": f.suggestion,
        "basis": [b.cite() for b in f.basis],
    }


def _repealed_laws(basis: list[str], cited: list[str], as_of: date | None) -> list[dict[str, Any]]:
    """Cited laws that are repealed (or replaced) as of the date; ``main`` marks the first 制定依据."""
    from reviewer.knowledge import laws

    out = []
    for i, mention in enumerate(dict.fromkeys(basis + cited)):
        st = laws.status(mention, as_of=as_of)
        if st is None or st.status != "已废止":
            continue
        out.append(
            {
                "mention": mention,
                "title": st.title,
                "successor": st.successor,
                "repealed_on": _iso(st.repealed_on),
                "certain": st.certain,
                "main": bool(basis) and i == 0,
            }
        )
    return out


def _outdated_terms(text: str, findings: list[Any]) -> list[dict[str, Any]]:
    """Abolished or renamed agencies and abolished systems, as the ``outdated`` rules found them (the
    knowledge lookups are not run twice); words inside a cited 《title》 are not uses and are skipped."""
    titles = [m.span() for m in TITLE_RE.finditer(text)]
    out, seen = [], set()
    for f in findings:
        kind = TERM_RULES.get(f.rule_id)
        if kind is None or f.quote in seen or any(s <= f.start < e for s, e in titles):
            continue
        seen.add(f.quote)
        out.append({"kind": kind, "term": f.quote, "replacement": f.replacement})
    return out


def _provisions(doc: Any) -> list[dict[str, str]]:
    """Body articles (or 一、 items) with their text, label removed: the units compared across documents."""
    out = []
    for node in doc.articles():
        if doc.part_of(node.start) != "body":
            continue
        body = doc.text[node.start : node.end]
        if node.label and body.startswith(node.label):
            body = body[len(node.label) :]
        body = body.strip()
        if len(body) >= MIN_PROVISION_CHARS:
            out.append({"id": node.id, "label": node.label or "", "text": body})
    return out


def _closing_lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.rstrip().split("\n")[-6:] if ln.strip()]


def _closing_date(text: str) -> date | None:
    """成文日期 from the 落款: the last short line that is just a date."""
    for line in reversed(_closing_lines(text)):
        found = find_dates(line)
        if found and len(line) <= 20:
            return found[0][0]
    return None


def _closing_issuer(text: str) -> str | None:
    for line in reversed(_closing_lines(text)):
        if m := ISSUER_TAIL_RE.match(line):
            return m.group(1)
    return None
