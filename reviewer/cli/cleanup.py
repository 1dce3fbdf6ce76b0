"""``reviewer cleanup FOLDER --as-of DATE -o 清理目录.xlsx`` and ``reviewer worker`` (distributed clean-up)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

SHOW_FAILURES = 30  # failures listed on the terminal; all of them are in the workbook


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{value}") from None


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{value}")
    return int(value)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "cleanup",
        help="批量清理已发布的规范性文件，生成清理目录（.xlsx）",
        description="递归处理文件夹（含 .zip）中的规范性文件：判断现状、提出处理建议"
        "（保留/修改/废止/宣布失效）并说明理由，查找文件之间的重复与冲突条款。"
        "有文件无法处理时退出码为 1。",
    )
    p.add_argument("folder", help="待清理的文件夹、单个文件或 .zip 压缩包")
    p.add_argument("--as-of", type=_date, default=None, help="判断日期（YYYY-MM-DD，默认今天）")
    p.add_argument("-o", "--output", default="清理目录.xlsx", help="输出的 .xlsx 文件（默认：清理目录.xlsx）")
    p.add_argument("--json", dest="json_path", help="同时输出 JSON 结果到该文件")
    p.add_argument("--jobs", type=_positive, default=None, help="并行进程数（默认：全部 CPU 核）")
    p.add_argument(
        "--warn-months", type=int, default=6, help="有效期在该月数内届满的标为“即将到期”（默认 6）"
    )
    p.add_argument("--cache", help="结果缓存文件（SQLite，默认 ~/.cache/fashen/cleanup.sqlite3）")
    p.add_argument("--no-cache", action="store_true", help="不使用缓存，全部重新分析")
    p.add_argument(
        "--broker",
        default=os.environ.get("BROKER_URL"),
        help="任务队列地址（redis://…；默认取环境变量 BROKER_URL）：设置后文件分发给 reviewer worker 处理",
    )
    p.add_argument("--province", help="所在省份（影响有效期上限等可配置规则）")
    p.add_argument("--issuer-level", choices=["county", "township", "department"], help="制定机关层级")
    p.add_argument("--letters", metavar="目录", help="为每份有问题的文件生成批注稿和审查意见书，写入该目录")
    p.add_argument(
        "--letter-formats",
        default="docx,letter",
        help="随 --letters 输出的格式，逗号分隔（docx 批注稿、letter 意见书、json、md、html；默认 docx,letter）",
    )
    p.add_argument("--quiet", action="store_true", help="不显示进度条")
    p.set_defaults(func=run)

    w = sub.add_parser(
        "worker",
        help="启动分布式清理的工作进程（Dramatiq + Redis）",
        description="从任务队列（BROKER_URL）领取文件进行分析。可在多台机器上运行，共用同一 Redis。",
    )
    w.add_argument(
        "--broker", default=os.environ.get("BROKER_URL"), help="任务队列地址（默认取环境变量 BROKER_URL）"
    )
    w.add_argument(
        "--processes", type=_positive, default=os.cpu_count() or 1, help="工作进程数（默认：CPU 核数）"
    )
    w.add_argument("--threads", type=_positive, default=1, help="每个进程的线程数（默认 1）")
    w.set_defaults(func=run_worker)


def run(args: argparse.Namespace) -> int:
    from reviewer.cleanup import Options, jsonout, run, xlsx
    from reviewer.cleanup.cache import default_path

    formats = _letter_formats(args.letter_formats) if args.letters else ()
    as_of = args.as_of or date.today()
    options = Options(
        as_of=as_of,
        warn_months=args.warn_months,
        jobs=args.jobs,
        cache_path=None if args.no_cache else (args.cache or default_path()),
        broker_url=args.broker or None,
        settings={k: v for k, v in (("province", args.province), ("issuer_level", args.issuer_level)) if v},
    )
    if args.quiet:
        result = run(args.folder, options)
    else:
        result = _with_progress(args.folder, options)
    out = xlsx.write(result, args.output)
    if args.json_path:
        jsonout.write(result, args.json_path)
    _report(result, out)
    failed_letters = _letters(args, result, formats, options.settings) if args.letters else []
    return 1 if result.failures or failed_letters else 0


def _letter_formats(value: str) -> tuple[str, ...]:
    from reviewer.errors import InputError
    from reviewer.report import FORMATS

    formats = tuple(f.strip() for f in value.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise InputError(
            f"不支持的输出格式：{'、'.join(unknown) or '（空）'}（可选：{'、'.join(FORMATS)}）。",
            code="bad_format",
        )
    return formats


def _letters(
    args: argparse.Namespace, result, formats: tuple[str, ...], settings: dict
) -> list[tuple[str, str]]:
    from reviewer.cleanup import letters

    written, failed = letters.write_all(
        result, args.letters, jobs=args.jobs, formats=formats, settings=settings
    )
    print(f"批注稿和意见书：已写入 {len(written)} 个文件到 {args.letters}")
    for location, reason in failed[:SHOW_FAILURES]:
        print(f"  {location}：未能生成（{reason}）", file=sys.stderr)
    return failed


def _with_progress(folder: str, options: object):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    from reviewer.cleanup import run

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} 份/秒" if speed else "— 份/秒")

    console = Console(stderr=True)
    columns = (
        TextColumn("清理"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TextColumn("已用"),
        TimeElapsedColumn(),
        TextColumn("剩余"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("清理", total=None)

        def progress(done: int, total: int, location: str) -> None:
            bar.update(task, completed=done, total=total)

        return run(folder, options, progress=progress)


def _report(result, out) -> None:
    counts = result.counts()
    print(
        f"已处理 {len(result.entries)} 份（本次分析 {result.analysed} 份，缓存 {result.from_cache} 份），"
        f"用时 {result.seconds} 秒。"
    )
    print("处理建议：" + "，".join(f"{k} {v}" for k, v in counts["处理建议"].items()))
    print(f"跨文件：重复 {counts['跨文件']['重复']} 处，冲突 {counts['跨文件']['冲突']} 处。")
    print(f"清理目录已写入：{out}")
    if result.failures:
        print(f"\n无法处理 {len(result.failures)} 个文件：", file=sys.stderr)
        for f in result.failures[:SHOW_FAILURES]:
            print(f"  {f.location}：{f.reason}", file=sys.stderr)
        if len(result.failures) > SHOW_FAILURES:
            print(
                f"  ……其余 {len(result.failures) - SHOW_FAILURES} 个见清理目录的“无法处理”工作表。",
                file=sys.stderr,
            )


def run_worker(args: argparse.Namespace) -> int:
    if args.broker:
        os.environ["BROKER_URL"] = args.broker
    if not os.environ.get("BROKER_URL"):
        from reviewer.errors import InputError

        raise InputError(
            "未设置任务队列地址：请使用 --broker 或环境变量 BROKER_URL（redis://…）。", code="no_broker"
        )
    from dramatiq.cli import main, make_argument_parser

    from reviewer.cleanup.distributed import QUEUE

    argv = [
        "reviewer.cleanup.distributed:broker",
        "--processes",
        str(args.processes),
        "--threads",
        str(args.threads),
        "--queues",
        QUEUE,
    ]
    return int(main(make_argument_parser().parse_args(argv)) or 0)
