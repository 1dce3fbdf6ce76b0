"""Document metadata read from the canonical text and the tree: title, 文号, dates, 施行日期, 有效期, 制定依据."""

from __future__ import annotations

import re
from datetime import date

from reviewer.model import Metadata, Node, Span, Validity
from reviewer.numerals import NUM_CHARS, cn_to_int, find_dates

DRAFT_MARKERS = ("征求意见稿", "送审稿", "草案", "讨论稿", "代拟稿", "修订稿", "修改稿")
DOC_TYPES = (
    "实施细则",
    "细则",
    "办法",
    "规定",
    "规则",
    "意见",
    "通知",
    "决定",
    "方案",
    "制度",
    "措施",
    "公约",
    "章程",
    "标准",
    "规范",
    "条例",
    "公告",
    "通告",
    "指引",
    "指南",
)
DOC_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fa5]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号"
)  # 〔〕 or mistyped brackets
ISSUER_RE = re.compile(
    r"([\u4e00-\u9fa5]{2,30}?(?:人民政府办公室|人民政府|街道办事处|委员会|局|厅|办公室|管理委员会|所))"
    r"(?:关于)?(?:印发|发布)"
)
ISSUER_TAIL_RE = re.compile(r"^([\u4e00-\u9fa5（）()]{2,40}(?:人民政府|办事处|委员会|局|厅|办公室|中心|所))$")
_SP = "[ \t\u3000\u00a0]*"
EFFECTIVE_RE = re.compile(
    rf"(?:自|从|于){_SP}(?:(?P<date>[0-9０-９〇零○一二三四五六七八九]{{4}}{_SP}年{_SP}[{NUM_CHARS}]{{1,3}}{_SP}月{_SP}[{NUM_CHARS}]{{1,3}}{_SP}日)"
    rf"|(?P<pub>(?:公布|发布|印发|颁布|签发)之日))(?:起)?(?:施行|实施|生效|执行)"
)
VALIDITY_YEARS_RE = re.compile(
    rf"(?:有效期限?|试行期)(?:暂定为|暂定|定为|暂为|为|限为|限|是)?{_SP}(?P<n>[{NUM_CHARS}]{{1,3}}|半)(?P<unit>年|个月)"
)
_DATE = rf"[0-9０-９〇零○一二三四五六七八九]{{4}}{_SP}年{_SP}[{NUM_CHARS}]{{1,3}}{_SP}月{_SP}[{NUM_CHARS}]{{1,3}}{_SP}日"
VALIDITY_UNTIL_RE = re.compile(
    rf"有效期(?:为)?(?:自{_SP}(?P<start>{_DATE}){_SP}起?)?(?:至|到|截至|截止(?:到|至)?){_SP}(?P<date>[0-9０-９〇零○一二三四五六七八九]{{4}}{_SP}年{_SP}[{NUM_CHARS}]{{1,3}}{_SP}月"
    rf"{_SP}[{NUM_CHARS}]{{1,3}}{_SP}日)"
)
INDEFINITE_RE = re.compile(r"长期有效|永久有效|有效期(?:暂定)?(?:为)?长期")
BASIS_RE = re.compile(r"(?:根据|依据|依照|按照)(?P<laws>(?:《[^《》\n]{2,80}》[、，,和及与以及等]*){1,30})")
SELF_RE = re.compile(r"本(?:" + "|".join(DOC_TYPES) + r"|文件|通知)")
OTHER_SUBJECT_RE = re.compile(
    r"(?:证|卡|照|牌|许可|资格|资质|批准|批复|登记|备案|合同|协议|期限)[^，。；]{0,6}$"
)
WRAPPER_RE = re.compile(r"关于(?:印发|发布|公布)《?(?P<inner>[^《》]{4,80}?)》?的(?:通知|决定|公告)$")
LAW_TITLE_RE = re.compile(r"《([^《》\n]{2,80})》")
REPEAL_RE = re.compile(r"(?:原|同时)?《([^《》\n]{2,80})》[^。；\n]{0,40}?同时(?:废止|失效)")


def extract(text: str, root: Node) -> Metadata:
    md = Metadata()
    title_node = next((c for c in root.children if c.kind == "title"), None)
    if title_node:
        lines = [ln.strip().lstrip("#").strip() for ln in text[title_node.start : title_node.end].split("\n")]
        keep = [ln for ln in lines if ln and not DOC_NUMBER_RE.fullmatch(ln)]
        title = "".join(keep)
        for marker in DRAFT_MARKERS:
            if marker in title:
                md.draft_marker = marker
        md.title = re.sub(r"[（(](?:" + "|".join(DRAFT_MARKERS) + r")[）)]", "", title).strip() or None
        md.title_span = (title_node.start, title_node.end)
    else:
        for marker in DRAFT_MARKERS:
            if f"（{marker}）" in text[:300]:
                md.draft_marker = marker
    if md.title:
        m = ISSUER_RE.search(md.title)
        if m:
            md.issuer = m.group(1)
        m = WRAPPER_RE.search(md.title)  # 关于印发《X办法》的通知: the draft is X
        if m:
            md.title = m.group("inner")
        md.doc_type = next((t for t in DOC_TYPES if md.title.endswith(t) or t in md.title[-8:]), None)
        md.provisional = "暂行" in md.title or "试行" in md.title
    m = DOC_NUMBER_RE.search(text[:2000])
    if m:
        md.doc_number = m.group(0)
    md.dates = find_dates(text)
    _effective(text, md)
    _validity(text, md)
    _basis(text, root, md)
    md.repeals = list(dict.fromkeys(m.group(1) for m in REPEAL_RE.finditer(text)))
    _closing(text, root, md)
    return md


def _effective(text: str, md: Metadata) -> None:
    matches = list(EFFECTIVE_RE.finditer(text))
    if not matches:
        return
    m = matches[-1]  # the last one wins: 附则 comes at the end
    md.effective_span = Span(m.group(0), m.start(), m.end())
    if m.group("pub"):
        md.effective_on_publication = True
    else:
        found = find_dates(m.group("date"))
        md.effective_date = found[0][0] if found else None


def _validity(text: str, md: Metadata) -> None:
    """The document's own 有效期; a licence's or certificate's (经营卡有效期为一年) is not it."""
    found = [m for rx in (VALIDITY_UNTIL_RE, VALIDITY_YEARS_RE, INDEFINITE_RE) for m in rx.finditer(text)]
    if not found:
        return
    eff = md.effective_span

    def rank(m: re.Match[str]) -> tuple[int, int]:
        clause = text[max(0, text.rfind("\n", 0, m.start()), text.rfind("。", 0, m.start())) : m.start()]
        if eff and 0 <= m.start() - eff.end <= 20 and "\n" not in text[eff.end : m.start()]:
            return 0, m.start()
        if SELF_RE.search(clause):
            return 1, m.start()
        if OTHER_SUBJECT_RE.search(clause):
            return 3, m.start()
        return 2, -m.start()  # otherwise the last one: 附则 comes at the end

    m = min(found, key=rank)
    if rank(m)[0] == 3:
        return
    if m.re is VALIDITY_UNTIL_RE:
        dates = find_dates(m.group("date"))
        md.validity = Validity(m.group(0), m.start(), m.end(), until=dates[0][0] if dates else None)
        starts = find_dates(m.group("start")) if m.group("start") else []
        start = starts[0][0] if starts else md.effective_date
        if md.validity.until and start:
            md.validity.years = round((md.validity.until - start).days / 365.25, 2)
    elif m.re is VALIDITY_YEARS_RE:
        n = 0.5 if m.group("n") == "半" else cn_to_int(m.group("n"))
        years = None if n is None else (n if m.group("unit") == "年" else n / 12)
        md.validity = Validity(m.group(0), m.start(), m.end(), years=years)
        if years and md.effective_date:
            md.validity.until = _add_years(md.effective_date, years)
    else:
        md.validity = Validity(m.group(0), m.start(), m.end(), indefinite=True)


def _add_years(d: date, years: float) -> date:
    months = int(round(years * 12))
    y, mo = divmod(d.month - 1 + months, 12)
    try:
        return date(d.year + y, mo + 1, d.day) if months else d
    except ValueError:
        return date(d.year + y, mo + 1, 28)


def _basis(text: str, root: Node, md: Metadata) -> None:
    """制定依据: the laws named in the first 根据《…》 clause of the first articles (or the preamble)."""
    candidates = [n for n in root.walk() if n.kind in ("preamble", "article")][:3]
    for node in candidates:
        chunk = text[node.start : node.end]
        m = BASIS_RE.search(chunk)
        if m and ("制定" in chunk or "本办法" in chunk or "本规定" in chunk or "特" in chunk):
            md.basis_laws = [t for t in LAW_TITLE_RE.findall(m.group("laws"))]
            md.basis_span = Span(m.group(0), node.start + m.start(), node.start + m.end())
            return


def _closing(text: str, root: Node, md: Metadata) -> None:
    """Issuer and issue date from the 落款 (closing lines) when the title does not name them."""
    closings = [n for n in root.children if n.kind == "closing"]
    for node in closings:
        line = text[node.start : node.end].strip()
        m = ISSUER_TAIL_RE.match(line)
        if m and not md.issuer:
            md.issuer = m.group(1)
        found = find_dates(line)
        if found and len(line) <= 20:
            md.issue_date = found[0][0]
