"""Word auto-numbering (w:numPr): render the label Word displays, e.g. 第%1条 + chineseCounting → 第一条."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from reviewer.numerals import int_to_cn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = re.compile(r"%([1-9])")
_SUFFIX = {"tab": "\u3000", "space": " ", "nothing": ""}
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_LEGAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def _roman(n: int) -> str:
    out = ""
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += sym
            n -= value
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _enclosed(table: str, n: int) -> str:
    return table[n - 1] if 0 < n <= len(table) else str(n)


def format_number(n: int, fmt: str) -> str:
    """One counter value in Word's ``w:numFmt``; unknown formats fall back to decimal."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "koreanCounting",
        "ideographDigital",
    ):
        return int_to_cn(n)
    if fmt == "chineseLegalSimplified":
        return int_to_cn(n).translate(_LEGAL)
    if fmt == "ideographTraditional":
        return _enclosed(_TIANGAN, n)
    if fmt == "ideographZodiac":
        return _enclosed(_DIZHI, n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _enclosed(_CIRCLED, n)
    if fmt == "decimalEnclosedParen":
        return _enclosed(_PAREN, n)
    if fmt == "decimalEnclosedFullstop":
        return _enclosed(_FULLSTOP, n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suffix: str = "\u3000"
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False  # w:isLgl: show every level in decimal


@dataclass(slots=True)
class _List:
    levels: dict[int, _Level]
    counters: dict[int, int] = field(default_factory=dict)


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    return default if el is None else el.get(f"{W}val", default)


def _levels(parent: etree._Element) -> dict[int, _Level]:
    out = {}
    for lvl in parent.iterfind(f"{W}lvl"):
        start = _val(lvl.find(f"{W}start"), "1")
        restart = _val(lvl.find(f"{W}lvlRestart"))
        out[int(lvl.get(f"{W}ilvl", "0"))] = _Level(
            start=int(start) if start and start.lstrip("-").isdigit() else 1,
            fmt=_val(lvl.find(f"{W}numFmt"), "decimal") or "decimal",
            text=_val(lvl.find(f"{W}lvlText"), "") or "",
            suffix=_SUFFIX.get(_val(lvl.find(f"{W}suff"), "tab") or "tab", "\u3000"),
            restart=int(restart) if restart and restart.isdigit() else None,
            legal=lvl.find(f"{W}isLgl") is not None,
        )
    return out


class Numbering:
    """The lists of numbering.xml and the paragraph styles that carry a numPr.

    Counters are kept per abstract list, as Word does: two w:num that share an abstractNum continue one
    sequence unless a w:startOverride restarts it.
    """

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None):
        self.abstract: dict[str, _List] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.started: set[str] = set()
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.style_base: dict[str, str] = {}
        if styles is not None:
            for style in styles.iterfind(f"{W}style"):
                sid = style.get(f"{W}styleId")
                if not sid:
                    continue
                base = _val(style.find(f"{W}basedOn"))
                if base:
                    self.style_base[sid] = base
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None:
                    ilvl = _val(num_pr.find(f"{W}ilvl"))
                    self.style_num[sid] = (
                        _val(num_pr.find(f"{W}numId")),
                        int(ilvl) if ilvl and ilvl.isdigit() else None,
                    )
        if numbering is None:
            return
        links: dict[str, str] = {}
        for ab in numbering.iterfind(f"{W}abstractNum"):
            aid = ab.get(f"{W}abstractNumId", "")
            self.abstract[aid] = _List(_levels(ab))
            link = _val(ab.find(f"{W}numStyleLink"))
            if link:
                links[aid] = link
        for num in numbering.iterfind(f"{W}num"):
            nid = num.get(f"{W}numId", "")
            aid = _val(num.find(f"{W}abstractNumId"), "") or ""
            starts: dict[int, int] = {}
            overrides: dict[int, _Level] = {}
            for ov in num.iterfind(f"{W}lvlOverride"):
                ilvl = int(ov.get(f"{W}ilvl", "0"))
                so = _val(ov.find(f"{W}startOverride"))
                if so and so.isdigit():
                    starts[ilvl] = int(so)
                overrides.update(_levels(ov))
            self.nums[nid] = (aid, starts, overrides)
        for aid, style_id in links.items():  # numStyleLink: the list is defined by a style's num
            target = self.style_num.get(style_id, (None, None))[0]
            if target in self.nums and self.nums[target][0] != aid:
                self.abstract[aid] = self.abstract.get(self.nums[target][0], self.abstract[aid])

    def _style_numpr(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.style_num:
                return self.style_num[style_id]
            style_id = self.style_base.get(style_id)
        return None, None

    def label(self, p_pr: etree._Element | None) -> str:
        """Advance the counters for one paragraph and return the text Word renders before it."""
        num_id: str | None = None
        ilvl: int | None = None
        style_id = None
        if p_pr is not None:
            style_id = _val(p_pr.find(f"{W}pStyle"))
            num_pr = p_pr.find(f"{W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr.find(f"{W}numId"))
                raw = _val(num_pr.find(f"{W}ilvl"))
                ilvl = int(raw) if raw and raw.isdigit() else None
        if num_id is None or ilvl is None:
            s_num, s_lvl = self._style_numpr(style_id)
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_lvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        ilvl = ilvl or 0
        aid, starts, overrides = self.nums[num_id]
        lst = self.abstract.get(aid)
        if lst is None:
            return ""
        levels = {**lst.levels, **overrides}
        level = levels.get(ilvl)
        if level is None:
            return ""
        if num_id not in self.started:
            self.started.add(num_id)
            for k, v in starts.items():
                lst.counters[k] = v - 1
        current = lst.counters.get(ilvl)
        lst.counters[ilvl] = level.start if current is None else current + 1
        for deeper in [k for k in lst.counters if k > ilvl]:
            threshold = levels[deeper].restart if deeper in levels else None
            if threshold is None or (threshold and ilvl <= threshold - 1):
                del lst.counters[deeper]
        if level.fmt == "bullet":
            return _bullet(level.text) + level.suffix

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            value = lst.counters.get(k, lv.start)
            return format_number(value, "decimal" if level.legal and k != ilvl else lv.fmt)

        return _PLACEHOLDER.sub(sub, level.text) + level.suffix


def _bullet(text: str) -> str:
    """Symbol-font bullets live in the private use area; show them as •."""
    return "".join("•" if 0xE000 <= ord(ch) <= 0xF8FF else ch for ch in text) or "•"
