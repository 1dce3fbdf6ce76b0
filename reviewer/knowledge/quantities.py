"""Quantities written in a text: periods (日/工作日/个月/年), amounts (元/万元) and rates (百分之N).

Dates (2024年3月1日) are not quantities. Periods are also given in days (a month counts 30, a year 365).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.numerals import NUM_CHARS, cn_to_int, find_dates

_NUM = rf"[{NUM_CHARS}]+(?:\.[0-9]+)?"
_QTY = re.compile(
    rf"(?P<pct>百分之|千分之|万分之)(?P<pn>{_NUM})"
    rf"|(?P<n>{_NUM})\s*(?P<unit>个工作日|工作日|日|天|个月|周年|年|万元|元|%|％)"
)
_DAYS = {"日": 1, "天": 1, "工作日": 1, "个工作日": 1, "个月": 30, "年": 365, "周年": 365}
_RATE = {"百分之": 1.0, "千分之": 0.1, "万分之": 0.01}


@dataclass(slots=True)
class Quantity:
    value: float
    kind: str  # period / amount / rate
    start: int
    end: int
    days: float | None = None  # periods in days
    text: str = ""


def _number(s: str) -> float | None:
    if re.fullmatch(r"[0-9]+\.[0-9]+", s):
        return float(s)
    n = cn_to_int(s)
    return float(n) if n is not None else None


def find(text: str) -> list[Quantity]:
    taken = [(s, e) for _, s, e in find_dates(text)]
    out = []
    for m in _QTY.finditer(text):
        if any(s <= m.start() < e or s < m.end() <= e for s, e in taken):
            continue
        if m["pct"]:
            v = _number(m["pn"])
            if v is not None:
                out.append(Quantity(v * _RATE[m["pct"]], "rate", m.start(), m.end(), text=m[0]))
            continue
        v = _number(m["n"])
        unit = m["unit"]
        if v is None:
            continue
        if unit in ("%", "％"):
            out.append(Quantity(v, "rate", m.start(), m.end(), text=m[0]))
        elif unit in ("元", "万元"):
            out.append(
                Quantity(v * (10_000 if unit == "万元" else 1), "amount", m.start(), m.end(), text=m[0])
            )
        elif not (unit in ("年", "周年") and v >= 1900):
            out.append(Quantity(v, "period", m.start(), m.end(), days=v * _DAYS[unit], text=m[0]))
    return out
