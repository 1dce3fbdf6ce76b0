"""``reviewer rules list|show|test|coverage`` for rule authors, and ``reviewer explain FILE``."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="规则目录：列出、查看、测试规则", description="查看和测试审查规则。")
    rs = p.add_subparsers(dest="rules_command", metavar="操作")
    ls = rs.add_parser("list", help="列出全部规则")
    ls.add_argument("--category", help="只列出该类别")
    ls.add_argument("--stats", action="store_true", help="附上在 tests/eval 评测集上的命中数与精确率")
    ls.set_defaults(func=run_list)
    sh = rs.add_parser("show", help="显示一条规则的全部内容")
    sh.add_argument("id", help="规则 ID")
    sh.set_defaults(func=run_show)
    ts = rs.add_parser("test", help="运行规则自带的示例")
    ts.add_argument("ids", nargs="*", help="规则 ID（缺省为全部）")
    ts.set_defaults(func=run_test)
    cv = rs.add_parser("coverage", help="审查清单各项由哪些规则覆盖")
    cv.add_argument("--markdown", action="store_true", help="以 Markdown 表格输出（用于 README）")
    cv.set_defaults(func=run_coverage)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])

    ex = sub.add_parser(
        "explain",
        help="逐条显示命中与被例外排除的规则",
        description="逐条列出命中的规则和被 unless 排除的命中。",
    )
    ex.add_argument("file", help="待审查的文件")
    ex.add_argument("--whole", action="store_true", help="按完整文件审查（即使看起来只是片段）")
    ex.set_defaults(func=run_explain)


def _catalog():
    from reviewer.engine import catalog

    return catalog.get()


def _rule(cat, rule_id: str):
    from reviewer.errors import InputError

    rule = cat.by_id.get(rule_id)
    if rule is None:
        raise InputError(f"没有规则「{rule_id}」。", code="unknown_rule")
    return rule


def run_list(args: argparse.Namespace) -> int:
    cat = _catalog()
    stats = None
    if args.stats:
        from reviewer.engine.evalset import rule_stats

        stats = rule_stats()
    print(f"规则目录版本 {cat.version}，共 {len(cat.rules)} 条规则。")
    for rule in cat.rules:
        s = rule.spec
        if args.category and s.category != args.category:
            continue
        line = f"{s.id:<36} {s.category:<12} {s.severity:<8} {s.check:<14} {s.title}"
        if stats is not None:
            st = stats.get(s.id, {"hits": 0, "tp": 0})
            prec = f"{st['tp'] / st['hits']:.2f}" if st["hits"] else "—"
            line += f"  命中 {st['hits']} 正确 {st['tp']} 精确率 {prec}"
        print(line)
    return 0


def run_show(args: argparse.Namespace) -> int:
    cat = _catalog()
    rule = _rule(cat, args.id)
    print(f"# {rule.file}")
    print(rule.file.read_text(encoding="utf-8"))
    return 0


def run_test(args: argparse.Namespace) -> int:
    from reviewer.engine.examples import run_examples

    cat = _catalog()
    rules = [_rule(cat, i) for i in args.ids] if args.ids else cat.rules
    failed = total = 0
    for rule in rules:
        for o in run_examples(cat, rule):
            total += 1
            if not o.ok:
                failed += 1
                print(f"✗ {o.rule} {o.kind}[{o.index}]：{o.text}\n    {o.problem}")
    print(f"{len(rules)} 条规则，{total} 个示例，{total - failed} 个通过，{failed} 个失败。")
    return 1 if failed else 0


def coverage_rows() -> list[tuple[str, str, list[str]]]:
    """Every checklist §2 item with its title and the ids of the rules that cover it."""
    cat = _catalog()
    by_item: dict[str, list[str]] = {}
    for rule in cat.rules:
        for item in rule.spec.checklist:
            by_item.setdefault(item, []).append(rule.id)
    return [(item, title, by_item.get(item, [])) for item, title in cat.items().items()]


def coverage_markdown() -> str:
    lines = ["| 审查项 | 内容 | 规则 |", "|---|---|---|"]
    for item, title, ids in coverage_rows():
        lines.append(f"| {item} | {title} | {'、'.join(f'`{i}`' for i in ids) if ids else '（人工审查）'} |")
    return "\n".join(lines)


def run_coverage(args: argparse.Namespace) -> int:
    if args.markdown:
        print(coverage_markdown())
        return 0
    rows = coverage_rows()
    for item, title, ids in rows:
        print(f"{item:<12} {title:<24} {'、'.join(ids) if ids else '（未覆盖）'}")
    print(f"共 {len(rows)} 项，未覆盖 {sum(not ids for _, _, ids in rows)} 项。")
    return 0


def run_explain(args: argparse.Namespace) -> int:
    from reviewer.api import parse, review

    doc = parse(args.file)
    rv = review(doc, fragment=False if args.whole else None)
    rows: dict[str | None, list[str]] = {}
    for f in rv.findings:
        rows.setdefault(f.article, []).append(f"  命中 {f.rule_id}（{f.category}/{f.severity}）「{f.quote}」")
    for s in rv.suppressed:
        rows.setdefault(s["article"], []).append(f"  排除 {s['rule']}「{s['quote']}」— {s['reason']}")
    order = [a.label for a in doc.articles()]
    for art in sorted(rows, key=lambda a: order.index(a) if a in order else -1):
        print(art or "（条文之外）")
        for line in rows[art]:
            print(line)
    print(
        f"共 {len(rv.findings)} 个问题，{len(rv.suppressed)} 个命中被排除。规则目录版本 {rv.catalog_version}。"
    )
    return 0
