"""``reviewer review FILE [--format text|json]``: review a draft and print the findings."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="审查文件，列出问题", description="对规范性文件草稿进行合法性审查。")
    p.add_argument("file", help="待审查的文件")
    p.add_argument("--format", choices=["text", "json"], default="text", help="输出格式")
    p.add_argument("--fail-on", choices=["error", "warning", "info"], help="存在该级别及以上问题时退出码为 1")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from reviewer.api import review_file
    from reviewer.model import SEVERITIES, SEVERITY_LABELS

    rv = review_file(args.file)
    if args.format == "json":
        print(json.dumps(rv.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(f"共发现 {len(rv.findings)} 个问题。")
        for f in rv.findings:
            print(f"【{SEVERITY_LABELS[f.severity]}】{f.article or '—'}「{f.quote}」{f.message}")
            if f.suggestion:
                print(f"    建议：{f.suggestion}")
    if args.fail_on:
        worst = SEVERITIES.index(args.fail_on)
        if any(SEVERITIES.index(f.severity) <= worst for f in rv.findings):
            return 1
    return 0
