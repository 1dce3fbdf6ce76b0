"""HTML for the draft text: the canonical text verbatim, with one <mark> per finding span.

Built in Python so that the container's text equals ``Version.text`` exactly (the UI maps a browser
selection back to offsets by counting characters).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

RANK = {"error": 0, "warning": 1, "info": 2}


def draft_html(text: str, findings: Iterable[Any], articles: list[dict[str, Any]]) -> Markup:
    spans = [(f.id, f.start, f.end, f.severity, f.status) for f in findings if f.end > f.start]
    cuts = {0, len(text)} | {a["start"] for a in articles}
    for _, s, e, _, _ in spans:
        cuts |= {max(0, min(s, len(text))), max(0, min(e, len(text)))}
    anchors = {a["start"]: a["id"] for a in articles}
    points = sorted(cuts)
    out: list[str] = []
    for a, b in zip(points, points[1:], strict=False):
        if a in anchors:
            out.append(f'<span class="anchor" id="art-{escape(anchors[a])}"></span>')
        piece = escape(text[a:b])
        covering = [x for x in spans if x[1] <= a and b <= x[2]]
        if not covering:
            out.append(str(piece))
            continue
        live = [x for x in covering if x[4] != "dismissed"] or covering
        worst = min(live, key=lambda x: RANK.get(x[3], 3))
        cls = f"sev-{worst[3]}" + (" dismissed" if all(x[4] == "dismissed" for x in covering) else "")
        ids = " ".join(str(x[0]) for x in covering)
        out.append(f'<mark class="{cls}" data-f="{ids}">{piece}</mark>')
    return Markup("".join(out))


def diff_html(parts: list[tuple[bool, str]], tag: str) -> Markup:
    """One side of a changed article: changed pieces wrapped in <ins> or <del>."""
    return Markup(
        "".join(f"<{tag}>{escape(t)}</{tag}>" if changed else str(escape(t)) for changed, t in parts)
    )
