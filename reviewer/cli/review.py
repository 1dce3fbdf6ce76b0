"""``reviewer review FILE``: review a draft; print the findings, or with ``-o OUTDIR`` write the outputs."""

from __future__ import annotations

import argparse
from datetime import date

STDOUT_FORMATS = ("text", "json")
ISSUER_LEVELS = ("county", "township", "department")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{value}”格式应为 YYYY-MM-DD") from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "review",
        help="审查文件，列出问题或写出批注稿、意见书和报告",
        description="对规范性文件草稿进行合法性审查。不带 -o 时在终端列出问题；"
        "带 -o 时写出批注稿、审查意见书和 JSON/Markdown/HTML 报告。",
    )
    p.add_argument("file", help="待审查的文件（.docx/.pdf/.txt/.md/.doc/.wps）")
    p.add_argument("-o", "--output", metavar="OUTDIR", help="输出目录：写出批注稿、意见书和报告")
    p.add_argument(
        "--format",
        help="不带 -o：text（默认）或 json；带 -o：逗号分隔的 docx,letter,json,md,html（默认全部）",
    )
    p.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="判断时点（默认取施行日期、成文日期或今天）"
    )
    p.add_argument("--issuer-level", choices=ISSUER_LEVELS, help="制定机关层级：县级、乡镇、部门")
    p.add_argument("--province", help="所在省份（有效期等按省配置的规则使用）")
    p.add_argument(
        "--tracked-changes", action="store_true", help="批注稿中把有字面替换的建议写成修订（可一键接受）"
    )
    p.add_argument("--submitter", help="意见书：送审单位")
    p.add_argument("--received", type=_date, metavar="YYYY-MM-DD", help="意见书：收文日期")
    p.add_argument("--reviewer", help="意见书：审查人员")
    p.add_argument("--reviewer-org", help="意见书：审查机构（落款）")
    p.add_argument("--letter-template", metavar="DOCX", help="意见书：自定义模板（.docx，docxtpl 标记）")
    p.add_argument("--fail-on", choices=["error", "warning", "info"], help="存在该级别及以上问题时退出码为 1")
    p.set_defaults(func=run, _parser=p)


def _formats(args: argparse.Namespace) -> list[str]:
    from reviewer.report import FORMATS

    if args.output is None:
        fmt = args.format or "text"
        if fmt not in STDOUT_FORMATS:
            args._parser.error(f"--format 不带 -o 时只能是 text 或 json，收到“{fmt}”")
        return [fmt]
    chosen = [x.strip() for x in (args.format or ",".join(FORMATS)).split(",") if x.strip()]
    bad = [x for x in chosen if x not in FORMATS]
    if bad or not chosen:
        args._parser.error(f"--format 可选 {','.join(FORMATS)}，收到“{args.format}”")
    return chosen


def _print(rv, fmt: str) -> None:
    import json

    from reviewer.model import SEVERITY_LABELS

    if fmt == "json":
        print(json.dumps(rv.to_dict(), ensure_ascii=False, indent=2))
        return
    print(f"共发现 {len(rv.findings)} 个问题。")
    for f in rv.findings:
        print(f"【{SEVERITY_LABELS[f.severity]}】{f.article or '—'}「{f.quote}」{f.message}")
        if f.suggestion:
            print(f"    建议：{f.suggestion}")


def run(args: argparse.Namespace) -> int:
    from reviewer.api import review
    from reviewer.model import SEVERITIES
    from reviewer.parsing import parse

    formats = _formats(args)
    doc = parse(args.file)
    rv = review(doc, as_of=args.as_of, issuer_level=args.issuer_level, province=args.province)
    if args.output is None:
        _print(rv, formats[0])
    else:
        from reviewer.report import LetterContext, write_outputs

        ctx = LetterContext(
            submitter=args.submitter,
            received=args.received,
            reviewer=args.reviewer,
            reviewer_org=args.reviewer_org,
        )
        written = write_outputs(
            rv,
            args.output,
            source=args.file,
            formats=formats,
            tracked_changes=args.tracked_changes,
            context=ctx,
            template=args.letter_template,
        )
        print(f"共发现 {len(rv.findings)} 个问题，已写出：")
        for path in written.values():
            print(f"  {path}")
    if args.fail_on:
        worst = SEVERITIES.index(args.fail_on)
        if any(SEVERITIES.index(f.severity) <= worst for f in rv.findings):
            return 1
    return 0
