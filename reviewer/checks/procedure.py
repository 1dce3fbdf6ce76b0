"""Form and time checks on a draft: 制定依据, 施行日期 and 有效期 (missing or over the ceiling), and dates
that reach back before the 施行日 (施行日期早于印发日期, earlier conduct brought under the new rules).

Checks for what is *missing* only make sense on whole drafts: their rules say ``when: {whole_document: true}``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from reviewer.checks import Context, register
from reviewer.model import Document, Hit

PROVINCES_FILE = Path(__file__).resolve().parent.parent / "engine" / "provinces.yaml"
PROVISIONAL_RE = re.compile(r"本(?:暂行|试行)|起试行|试行期")  # the document speaks of itself as provisional
MAKES_RE = re.compile(r"制定本(?:实施)?(?:办法|规定|细则|规则|意见|方案|制度|措施|决定|通知|实施意见)")
PAST_RE = re.compile(
    r"(?:自|从|对)?(?P<y>[12][0-9]{3})年(?:(?P<m>[0-9]{1,2})月(?:(?P<d>[0-9]{1,2})日)?)?"
    r"(?P<dir>以来|以后|之后|后|起(?!施行|实施|执行|生效)|至今|至本(?:办法|规定|细则|意见|方案))"
)
APPLIES_RE = re.compile(
    r"(?:按照|依照|适用|按|依据)本(?:办法|规定|细则|意见|方案|措施)|本(?:办法|规定)规定"
    r"|追回|退还|补缴|补交|收回|追缴|一并(?:处理|清理|查处|拆除)|重新核定|重新审核|作废|核减|取消|撤销|注销|拆除"
)
DOCUMENT_RE = re.compile(
    r"本(?:暂行|试行)?(?:办法|规定|细则|规则|意见|方案|通知|决定|措施|制度|文件|实施细则)|施行|实施"
)
ADVERSE_RE = re.compile(
    r"已|以来|至今|一并|均|一律|追回|退还|补缴|收回|核减|取消|撤销|拆除|注销|作废|记入|纳入|处罚|处理|清理|重新"
)
NORMATIVE_RE = re.compile(r"本(?:办法|规定|细则|意见|方案|措施|通知|决定)|应当|一律|一并|予以|须|均")
_SENT_RE = re.compile(r"[^。；！？\n]+[。；！？]?")


@lru_cache(maxsize=1)
def _provinces() -> dict[str, Any]:
    return yaml.safe_load(PROVINCES_FILE.read_text(encoding="utf-8")) or {}


def ceiling(ctx: Context, provisional: bool) -> float:
    """Maximum 有效期 in years for this context: settings, then the province, then the default."""
    key = "provisional" if provisional else "general"
    override = ctx.settings.get("validity_years_provisional" if provisional else "validity_years")
    if override is not None:
        return float(override)
    data = _provinces()
    prov = (data.get("provinces") or {}).get(ctx.province or "", {})
    return float(prov.get(key, (data.get("default") or {}).get(key, 2 if provisional else 5)))


def title_anchor(doc: Document) -> tuple[int, int]:
    """The title when there is one, else the first non-empty line."""
    title = next((n for n in doc.root.children if n.kind == "title"), None)
    if title:
        m = re.search(r"[^#\s][^\n]*", doc.text[title.start : title.end])
        if m:
            return title.start + m.start(), title.start + m.start() + len(m.group(0).rstrip())
    m = re.search(r"\S[^\n]*", doc.text)
    return (m.start(), m.start() + len(m.group(0).rstrip())) if m else (0, 0)


def _is_provisional(doc: Document) -> bool:
    return doc.metadata.provisional or bool(PROVISIONAL_RE.search(doc.text))


def _about_document(text: str, offset: int) -> bool:
    """Whether the sentence at ``offset`` speaks of the document itself (not of a licence or a card)."""
    start = max(text.rfind(ch, 0, offset) for ch in "。；\n") + 1
    ends = [i for i in (text.find(ch, offset) for ch in "。；\n") if i >= 0]
    sentence = text[start : min(ends) if ends else len(text)]
    return bool(DOCUMENT_RE.search(sentence))


@register("procedure.validity_ceiling")
def validity_ceiling(doc: Document, ctx: Context):
    """有效期 longer than the ceiling (5 years, 2 for 暂行/试行, per province)."""
    v = doc.metadata.validity
    if v is None or v.indefinite or not _about_document(doc.text, v.start):
        return
    years = v.years
    if years is None and v.until:
        start = doc.metadata.effective_date or doc.metadata.issue_date or ctx.judged_at(doc)
        years = (v.until - start).days / 365.25 if start else None
    if years is None:
        return
    provisional = _is_provisional(doc)
    limit = ceiling(ctx, provisional)
    if years > limit + 0.01:
        kind = "暂行、试行文件" if provisional else "规范性文件"
        yield Hit(
            v.start,
            v.end,
            message=f"有效期「{v.text}」超过{kind}有效期上限（{limit:g}年）。",
            data={"years": years, "limit": limit},
        )


@register("procedure.missing_basis")
def missing_basis(doc: Document, ctx: Context):
    """No 制定依据 clause at all (a vague one is left to the YAML rule on its wording)."""
    md = doc.metadata
    if md.basis_laws or MAKES_RE.search(doc.text) or not doc.text.strip():
        return
    yield Hit(*title_anchor(doc))


def _last_line(doc: Document) -> tuple[int, int]:
    """The last non-empty line of the body (before attachments and 起草说明), else of the text."""
    body_end = next(
        (n.start for n in doc.root.children if n.kind in ("attachment", "explanation")), len(doc.text)
    )
    lines = list(re.finditer(r"\S[^\n]*", doc.text[:body_end]))
    if not lines:
        return title_anchor(doc)
    m = lines[-1]
    return m.start(), m.start() + len(m.group(0).rstrip())


@register("procedure.missing_effective")
def missing_effective(doc: Document, ctx: Context):
    if doc.metadata.effective_span is None and doc.text.strip():
        yield Hit(*_last_line(doc))


@register("procedure.missing_validity")
def missing_validity(doc: Document, ctx: Context):
    md = doc.metadata
    if md.validity is not None or not doc.text.strip():
        return
    span = md.effective_span
    yield Hit(span.start, span.end) if span else Hit(*_last_line(doc))


@register("retroactive.effective_before_issue")
def effective_before_issue(doc: Document, ctx: Context):
    md = doc.metadata
    if md.effective_span and md.effective_date and md.issue_date and md.effective_date < md.issue_date:
        yield Hit(
            md.effective_span.start,
            md.effective_span.end,
            data={"effective": md.effective_date.isoformat(), "issued": md.issue_date.isoformat()},
        )


def _reference_date(doc: Document, ctx: Context) -> date:
    md = doc.metadata
    return md.effective_date or md.issue_date or ctx.judged_at(doc)


@register("retroactive.past_date")
def past_date(doc: Document, ctx: Context):
    """A date before the 施行日 from which earlier conduct, benefits or payments fall under the new rules."""
    ref = _reference_date(doc, ctx)
    text = doc.text
    for sent in _SENT_RE.finditer(text):
        s = sent.group(0)
        if "年" not in s:  # every date PAST_RE matches holds 年, and most sentences have none
            continue
        if not (APPLIES_RE.search(s) and NORMATIVE_RE.search(s) and ADVERSE_RE.search(s)) or doc.part_of(
            sent.start()
        ) not in (
            "body",
            "preamble",
        ):
            continue
        for m in PAST_RE.finditer(s):
            try:
                when = date(int(m["y"]), int(m["m"] or 1), int(m["d"] or 1))
            except ValueError:
                continue
            if when < ref:
                start = sent.start() + m.start()
                end = sent.start() + len(s.rstrip("。；！？"))
                yield Hit(start, end, data={"date": when.isoformat(), "reference": ref.isoformat()})
                break
