"""The ``reviewer`` command line. Each sub-command lives in its own module with ``register(sub)``.

Exit codes: 0 success; 1 the review found problems at or above ``--fail-on`` (review) or some files
could not be processed (cleanup); 2 usage error; 3 input rejected (unreadable, corrupt, too large …);
4 unexpected internal error.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Sub-command modules, in help order. Modules import heavy libraries only inside their handlers.
MODULES = ["parse", "review", "rules", "laws", "cleanup", "serve"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors in Chinese, exit 2
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"参数错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="reviewer", description="法审：行政规范性文件合法性审查工具")
    parser.add_argument("--version", action="version", version="fashen 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    for name in MODULES:
        try:
            mod = importlib.import_module(f"reviewer.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"reviewer.cli.{name}":
                raise
            continue
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    from reviewer.errors import ReviewerError

    try:
        return int(args.func(args) or 0)
    except ReviewerError as exc:
        print(f"错误［{exc.code}］：{exc.message}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
