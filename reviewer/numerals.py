"""Chinese numerals and dates: 第一百零五条, 二〇二四年三月一日, 五千元."""

from __future__ import annotations

import re
from datetime import date

_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

CN_NUM = "〇零○一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟"
NUM_CHARS = CN_NUM + "0-9０-９"


def cn_to_int(s: str) -> int | None:
    """Chinese or Arabic numeral to int: 二十三 → 23, 一百零五 → 105, 2〇24 → 2024; None if not a number."""
    s = s.strip().translate(_FULLWIDTH)
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(ch in _DIGITS or ch.isdigit() for ch in s):  # digit-by-digit: 二〇二四
        return int("".join(str(_DIGITS.get(ch, ch)) for ch in s))
    total = section = 0
    number = None
    for ch in s:
        if ch in _DIGITS:
            number = _DIGITS[ch]
        elif ch.isdigit():
            number = (number or 0) * 10 + int(ch)
        elif ch in _UNITS:
            section += (1 if number is None else number) * _UNITS[ch]
            number = None
        elif ch in _BIG:
            section += number or 0
            total += (section or 1) * _BIG[ch]
            section, number = 0, None
        else:
            return None
    return total + section + (number or 0)


def int_to_cn(n: int) -> str:
    """int to the Chinese numeral used in labels: 23 → 二十三, 105 → 一百零五, 10 → 十."""
    if n == 0:
        return "零"
    digits = "零一二三四五六七八九"
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            if zero:
                out += "零"
            out += digits[d] + unit
            zero = False
        elif out:
            zero = True
    return out[1:] if out.startswith("一十") else out


_DATE_RE = re.compile(
    rf"(?P<y>[0-9０-９]{{4}}|[〇零○Ｏ一二三四五六七八九]{{4}})\s*年\s*(?P<m>[{NUM_CHARS}]{{1,3}})\s*月"
    rf"\s*(?P<d>[{NUM_CHARS}]{{1,3}})\s*日"
)


def parse_date(text: str) -> date | None:
    m = _DATE_RE.search(text)
    return _to_date(m) if m else None


def find_dates(text: str) -> list[tuple[date, int, int]]:
    """Every valid date in ``text`` with its span."""
    out = []
    for m in _DATE_RE.finditer(text):
        d = _to_date(m)
        if d:
            out.append((d, m.start(), m.end()))
    return out


def _to_date(m: re.Match[str]) -> date | None:
    y, mo, d = cn_to_int(m["y"]), cn_to_int(m["m"]), cn_to_int(m["d"])
    try:
        return date(y, mo, d) if y and mo and d else None
    except ValueError:
        return None
