"""Checks for 是否符合现实需要: a document that only relays higher documents (以文件落实文件, 照抄照转).

A whole draft whose substantive articles are, for the most part, bare referrals ("按照《…》的规定执行") or
slogans ("认真贯彻落实…精神", "高度重视、加强领导") adds no rule of its own; 国办发〔2018〕37号 asks that such
documents not be issued. Articles about purpose, basis, interpretation and entry into force do not count.
"""

from __future__ import annotations

import re

from reviewer.checks import Context, register
from reviewer.checks.procedure import title_anchor
from reviewer.model import Document, Hit

_REFERRAL = re.compile(
    r"^(?:[^。；]{0,30}?)(?:严格|认真)?(?:按照|依照|遵照|参照|根据)(?:《[^》]{2,60}》[、和及]?)+"
    r"[^。；]{0,30}?(?:的)?(?:有关|相关)?(?:规定|要求|精神|部署)(?:执行|办理|落实|实施|组织实施)[。；]?$"
)
_SLOGAN = re.compile(
    r"^(?:[^。]{0,30}?)(?:(?:认真|切实|全面|坚决|深入)(?:贯彻|落实|执行)|高度重视|加强(?:组织)?领导|精心组织|"
    r"抓好落实|狠抓落实|营造[^。]{0,10}氛围|加大宣传力度|形成工作合力)[^。]{0,60}[。]?$"
)
_FRAME = re.compile(r"制定本|负责解释|起施行|之日起|有效期|适用于|本(?:办法|规定|细则|意见|方案|通知)所称")
_MIN_ARTICLES = 4
_SHARE = 0.6


@register("necessity.relay_only")
def relay_only(doc: Document, ctx: Context):
    """Most substantive articles only refer to higher documents or state slogans."""
    body = [a for a in doc.articles() if not _FRAME.search(doc.text[a.start : a.end])]
    if len(body) < _MIN_ARTICLES:
        return
    empty = 0
    for art in body:
        paragraphs = [n for n in art.children if n.kind == "paragraph"] or [art]
        texts = [doc.text[p.start : p.end].strip() for p in paragraphs]
        if all(_REFERRAL.match(t) or _SLOGAN.match(t) for t in texts if t):
            empty += 1
    if empty / len(body) >= _SHARE:
        yield Hit(*title_anchor(doc), data={"articles": len(body), "relay_only": empty})
