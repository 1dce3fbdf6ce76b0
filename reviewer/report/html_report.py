"""A standalone HTML report: the draft text with every finding highlighted, linked to a side list."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from reviewer.model import SEVERITIES, Basis, Review
from reviewer.report.decisions import Decision
from reviewer.report.json_report import report_dict
from reviewer.report.labels import cite


@cache
def _env() -> Environment:
    return Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )


def segments(text: str, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cut ``text`` at every finding boundary; each piece lists the (1-based) findings covering it.

    Overlapping and adjacent spans give separate pieces; a finding without characters gives a pin.
    """
    cuts = {0, len(text)}
    pins: dict[int, list[int]] = {}
    for no, f in enumerate(findings, 1):
        if f["end"] > f["start"]:
            cuts.update((f["start"], f["end"]))
        else:
            pins.setdefault(f["start"], []).append(no)
    cuts.update(pins)
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    seen: set[int] = set()
    out: list[dict[str, Any]] = []
    for a, b in zip(bounds, bounds[1:] + [None], strict=False):
        for no in pins.get(a, []):
            out.append({"pin": no, "title": findings[no - 1]["message"]})
        if b is None or b <= a:
            continue
        nos = [
            no
            for no, f in enumerate(findings, 1)
            if f["start"] <= a and b <= f["end"] and f["end"] > f["start"]
        ]
        seg: dict[str, Any] = {"text": text[a:b], "nos": nos}
        if nos:
            seg["severity"] = min(
                (findings[n - 1]["severity"] for n in nos),
                key=lambda s: SEVERITIES.index(s) if s in SEVERITIES else len(SEVERITIES),
            )
            seg["title"] = "；".join(findings[n - 1]["message"] for n in nos)
            fresh = [n for n in nos if n not in seen]
            if fresh:
                seg["anchor"], seg["more_ids"] = fresh[0], fresh[1:]
                seen.update(fresh)
        out.append(seg)
    return out


def to_html(
    review: Review, *, decisions: Mapping[str, Decision] | None = None, conclusion: str | None = None
) -> str:
    data = report_dict(review, decisions=decisions, conclusion=conclusion)
    for f in data["findings"]:
        f["basis"] = [{**b, "cite": cite(Basis(**b))} for b in f["basis"]]
    return (
        _env()
        .get_template("report.html")
        .render(data=data, segments=segments(data["document"]["text"], data["findings"]))
    )
