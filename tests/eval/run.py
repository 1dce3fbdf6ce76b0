"""Score the engine on the project's labeled set: ``.venv/bin/python tests/eval/run.py [--errors N]``.

Reads every tests/eval/clauses_*.jsonl and tests/eval/drafts/key.jsonl; prints per-category precision and
recall, the share of lawful look-alikes left clean and the whole-draft results.
"""

from __future__ import annotations

import argparse

from reviewer.engine.evalset import load_clauses, score_clauses, score_drafts


def main() -> None:
    ap = argparse.ArgumentParser(description="在 tests/eval 评测集上评分")
    ap.add_argument("--errors", type=int, default=20, help="列出多少条误报/漏报")
    args = ap.parse_args()
    cases = load_clauses()
    sc = score_clauses(cases)
    print(f"{'类别':<12}{'精确率':>8}{'召回率':>8}{'tp':>5}{'fp':>5}{'fn':>5}")
    for c in sorted(set(sc.tp) | set(sc.fp) | set(sc.fn)):
        tp, fp, fn = sc.tp[c], sc.fp[c], sc.fn[c]
        prec = f"{tp / (tp + fp):.2f}" if tp + fp else "—"
        print(f"{c:<12}{prec:>8}{sc.category_recall(c):>8.2f}{tp:>5}{fp:>5}{fn:>5}")
    print(
        f"条款 {len(cases)} 条：精确率 {sc.precision:.3f}，召回率 {sc.recall:.3f}；"
        f"形似合法条款无误报 {sc.lookalikes_clean}/{sc.lookalikes}"
    )
    ds = score_drafts()
    print(f"整篇草稿：命中预设问题 {ds.found}/{ds.planted}；其他发现 {ds.others}")
    for line in (sc.errors + ds.missed)[: args.errors]:
        print("  " + line)


if __name__ == "__main__":
    main()
