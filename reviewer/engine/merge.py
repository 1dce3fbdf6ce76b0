"""Merge overlapping findings of one category and put findings in a stable order."""

from __future__ import annotations

from reviewer.model import SEVERITIES, Finding


def _rank(f: Finding) -> tuple[int, int, int]:
    return SEVERITIES.index(f.severity), -(f.end - f.start), f.start


def merge(findings: list[Finding]) -> list[Finding]:
    """Overlapping findings of the same category collapse into the most severe one (then the longest);
    its basis becomes the union, and the messages of other rules on exactly the same words are appended.
    Findings of different categories on the same words stay separate."""
    by_cat: dict[str, list[Finding]] = {}
    for f in findings:
        by_cat.setdefault(f.category, []).append(f)
    out: list[Finding] = []
    for group in by_cat.values():
        group.sort(key=lambda f: (f.start, f.end))
        cluster: list[Finding] = []
        cluster_end = -1
        for f in group:
            if cluster and f.start >= cluster_end:
                out.append(_collapse(cluster))
                cluster = []
            cluster_end = max(cluster_end, f.end) if cluster else f.end
            cluster.append(f)
        if cluster:
            out.append(_collapse(cluster))
    out.sort(key=lambda f: (f.start, f.end, f.category, f.rule_id))
    return out


def _collapse(cluster: list[Finding]) -> Finding:
    best = min(cluster, key=_rank)
    seen = {(b.law, b.article) for b in best.basis}
    for f in cluster:
        if (
            f.rule_id != best.rule_id
            and (f.start, f.end) == (best.start, best.end)
            and f.message not in best.message
        ):
            best.message = f"{best.message}；{f.message}" if best.message else f.message
        for b in f.basis:
            if (b.law, b.article) not in seen:
                seen.add((b.law, b.article))
                best.basis.append(b)
    return best
