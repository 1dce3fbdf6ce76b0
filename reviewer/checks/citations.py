"""Citation checks: every 《…》 resolved against the law catalog, judged as of the draft's date.

- ``citation.outdated``: a repealed law (→ successor) or a superseded version note (→ current version);
- ``citation.article_range``: an article number beyond the count of the version in force;
- ``citation.unknown``: a law-shaped title not in the catalog, or only a near match (info, 请核对名称);
- ``paraphrase`` (used by ``statutory.numbers``): with a law library, a number restated after 《X》第N条
  that the article lacks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

from reviewer.checks import Context, register
from reviewer.knowledge import citations, laws, quantities
from reviewer.knowledge.library import article_basis, library
from reviewer.model import Basis, Document, Hit
from reviewer.numerals import int_to_cn

# A historical or repealing mention: 原《合同法》, 《…》（已废止）, “…同时废止”, 时间效力 rules.
_HISTORICAL_BEFORE = re.compile(r"(?:原|旧|废止前的?|施行前的?|当时的?|依据原|已废止的)$")
_HISTORICAL_AFTER = re.compile(r"^[（(]?(?:已废止|已失效|已被废止|失效)")
_HISTORICAL_SENTENCE = re.compile(r"废止|失效|时间效力|施行前|此前签订|当时有效")
_LAW_SHAPED = re.compile(r"(?:(?<!办)法|法典|条例)$")
_SENTENCE_END = "。；！？\n"


@lru_cache(maxsize=8)
def _ends(text: str) -> list[int]:
    """Offsets of the sentence terminators of ``text``, computed once per text."""
    return [i for i, ch in enumerate(text) if ch in _SENTENCE_END]


def _sentence(text: str, start: int, end: int) -> str:
    ends = _ends(text)
    i = bisect_left(ends, start)
    a = ends[i - 1] + 1 if i else 0
    j = bisect_left(ends, end)
    b = ends[j] if j < len(ends) else len(text)
    return text[a:b]


def _historical(text: str, cit: citations.Citation) -> bool:
    before = text[max(0, cit.start - 4) : cit.start]
    after = text[cit.ref_end : cit.ref_end + 8]
    return bool(
        _HISTORICAL_BEFORE.search(before)
        or _HISTORICAL_AFTER.match(after)
        or _HISTORICAL_SENTENCE.search(_sentence(text, cit.start, cit.ref_end))
    )


def _resolved(doc: Document) -> tuple[tuple[citations.Citation, laws.Resolution], ...]:
    """Every 《…》 of the draft with its resolution; four checks ask, so it is computed once per text."""
    cat = laws.catalog()
    return _resolve_text(doc.text, id(cat))


@lru_cache(maxsize=8)
def _resolve_text(text: str, _catalog_id: int) -> tuple[tuple[citations.Citation, laws.Resolution], ...]:
    cat = laws.catalog()
    return tuple((cit, cat.resolve(cit.title + (cit.note or ""))) for cit in citations.find(text))


def _day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _bare(doc: Document, when: date) -> Iterator[tuple[citations.Citation, laws.Resolution]]:
    """Repealed laws named without 《》 ("依据合同法和物权法"): only titles repealed by ``when``."""
    cat = laws.catalog()
    names = {
        name: law
        for law in cat.laws.values()
        if law.repealed and law.repealed <= when
        for name in (law.title, law.short, *law.aliases)
        if len(name) >= 3 and _LAW_SHAPED.search(name)
    }
    for cit in citations.bare(doc.text, names):
        yield cit, cat.resolve(cit.title)


@register("citation.outdated")
def outdated(doc: Document, ctx: Context) -> Iterable[Hit]:
    when = ctx.judged_at(doc)
    cat = laws.catalog()
    for cit, res in [*_resolved(doc), *_bare(doc, when)]:
        if not res.certain or _historical(doc.text, cit):
            continue
        st = cat.status_of(res, when)
        if st.status == laws.REPEALED and st.successor and st.repealed_on:
            yield Hit(
                start=cit.start,
                end=cit.end,
                replacement=f"《{st.successor}》" if st.successor in cat.laws else None,
                message=f"《{st.title}》已于{_day(st.repealed_on)}废止，由《{st.successor}》取代。",
                suggestion=f"改为引用《{st.successor}》的相应条款，并核对条文序号。",
                data={"law": st.title, "successor": st.successor, "status": st.status},
            )
        elif st.status == laws.AMENDED and st.version:
            label = st.version.label()
            yield Hit(
                start=cit.start,
                end=cit.note_end or cit.end,
                message=f"引用的是《{st.title}》的旧版本，现行版本为{label}版本。",
                suggestion=f"改为引用现行《{st.title}》（{label}），并核对条文序号。",
                data={"law": st.title, "status": st.status, "current_version": label},
            )


@register("citation.article_range")
def article_range(doc: Document, ctx: Context) -> Iterable[Hit]:
    when = ctx.judged_at(doc)
    for cit, res in _resolved(doc):
        if not res.certain or not cit.articles or res.law is None:
            continue
        law = res.law
        version = (law.version_of_year(res.version_year) if res.version_year else None) or law.version_at(
            when
        )
        if version is None or not version.articles or law.status_at(when) == laws.REPEALED:
            continue
        for ref in cit.articles:
            if ref.number > version.articles:
                yield Hit(
                    start=ref.start,
                    end=ref.end,
                    message=(
                        f"《{law.title}》（{version.label()}）共{int_to_cn(version.articles)}条，"
                        f"不存在第{int_to_cn(ref.number)}条。"
                    ),
                    suggestion="核对所引条文序号，或所引法律名称、版本是否有误。",
                    basis=[Basis(law=law.title)],
                    data={"law": law.title, "article": ref.number, "count": version.articles},
                )


@register("citation.unknown")
def unknown(doc: Document, ctx: Context) -> Iterable[Hit]:
    seen: set[str] = set()
    for cit, res in _resolved(doc):
        if res.certain or res.how == "local" or res.key in seen:
            continue
        if not _LAW_SHAPED.search(res.key) or res.key.startswith("关于"):
            continue
        seen.add(res.key)
        if res.how == "suspect" and res.law is not None:
            msg = f"法律目录中没有《{cit.title}》，与《{res.law.title}》相近，请核对名称。"
            data = {"candidate": res.law.title, "score": round(res.score, 1)}
        else:
            msg = f"法律目录中没有《{cit.title}》，请核对名称。"
            data = {}
        yield Hit(start=cit.start, end=cit.end, message=msg, data=data)


def paraphrase(doc: Document, ctx: Context) -> Iterator[Hit]:
    """With a law library imported: a number restated after 《X》第N条 that the article does not contain.

    Part of ``statutory.numbers`` (the rule CONF-STATUTORY-NUMBER); nothing without a library.
    """
    db = ctx.settings.get("lawlib_db")
    if library(db) is None:
        return
    when = ctx.judged_at(doc)
    for cit, res in _resolved(doc):
        if not res.certain or res.law is None or len(cit.articles) != 1:
            continue
        basis = article_basis(res.law.title, cit.articles[0].number, db, when)
        if basis is None or not basis.text:
            continue
        stated = quantities.find(_rest(doc.text, cit.ref_end))
        statute = quantities.find(basis.text)
        for q in stated:
            same = [s for s in statute if s.kind == q.kind]
            if same and _contradicts(q, same):
                start = cit.ref_end + q.start
                yield Hit(
                    start=start,
                    end=start + len(q.text),
                    basis=[basis],
                    message=f"“{q.text}”与所引《{basis.law}》{basis.article}的规定不一致。",
                    suggestion="按所引条文的原文表述，或删去重述的数字。",
                    data={"law": basis.law, "article": basis.article},
                )


def _rest(text: str, start: int) -> str:
    """The rest of the sentence after a citation, up to the next citation."""
    end = min((i for i in (text.find(ch, start) for ch in _SENTENCE_END + "《") if i >= 0), default=len(text))
    return text[start:end]


def _contradicts(q: quantities.Quantity, statute: list[quantities.Quantity]) -> bool:
    if q.kind == "amount":
        return not min(s.value for s in statute) <= q.value <= max(s.value for s in statute)
    key = (lambda x: x.days) if q.kind == "period" else (lambda x: x.value)
    return key(q) not in {key(s) for s in statute}
