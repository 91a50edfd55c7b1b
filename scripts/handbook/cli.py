"""Command line: ``handbook build [--check]``, ``handbook check``, ``handbook stats [--json]``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .build import generate, load_checked
from .problems import DataError
from .seeds import seeds_dir
from .site import plan, sync
from .stamp import fingerprint, record, up_to_date
from .stats import format_stats, stats


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="handbook", description="产品经理面试手册：校验数据、生成页面、统计覆盖。")
    parser.add_argument("--root", type=Path, default=Path("."), help="仓库根目录（含 data/ 与 docs/），默认当前目录")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")
    build = sub.add_parser("build", help="校验 data/ 并生成 docs/ 下的页面")
    build.add_argument("--check", action="store_true", help="只检查：生成的页面过期时以 1 退出，不写文件")
    sub.add_parser("check", help="只校验 data/，不生成页面")
    stats_cmd = sub.add_parser("stats", help="统计题目、框架、面经与种子条目覆盖情况")
    stats_cmd.add_argument("--json", action="store_true", help="输出 JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root: Path = args.root
    try:
        if args.command == "build":
            return _build(root, args.check)
        if args.command == "check":
            handbook, _ = load_checked(root)
            print(f"数据校验通过：{len(handbook.questions)} 道题、{len(handbook.tips)} 条面经、{len(handbook.frameworks)} 个框架。")
            return 0
        return _stats(root, args.json)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except OSError as error:
        print(f"无法读写文件：{error.filename or ''}：{error.strerror}", file=sys.stderr)
        return 1
    except Exception as error:  # a bug, not bad input: say so plainly
        if os.environ.get("HANDBOOK_DEBUG"):
            raise
        print(
            f"内部错误：{type(error).__name__}: {error}\n这是生成器的缺陷，不是数据的问题；请设置 HANDBOOK_DEBUG=1 重新运行并把输出附在 issue 里。",
            file=sys.stderr,
        )
        return 2


def _build(root: Path, check_only: bool) -> int:
    docs = root / "docs"
    inputs = fingerprint(root, seeds_dir(root))
    if not check_only and up_to_date(root, docs, inputs):
        print("已生成：数据与生成器都没有变化，页面已是最新（写入 0 个文件）。")
        return 0
    pages = generate(root)
    if check_only:
        report = plan(docs, pages)
        if report.changed:
            stale = report.written + [f"{p}（应删除）" for p in report.removed]
            print("生成的页面已过期，请运行 handbook build：\n" + "\n".join(f"  {p}" for p in stale), file=sys.stderr)
            return 1
        print(f"生成的页面是最新的（{report.unchanged} 个文件）。")
        return 0
    report = sync(docs, pages)
    record(root, docs, inputs)
    print(f"已生成：写入 {len(report.written)} 个文件，删除 {len(report.removed)} 个，未变 {report.unchanged} 个。")
    return 0


def _stats(root: Path, as_json: bool) -> int:
    handbook, units = load_checked(root)
    numbers = stats(handbook, units)
    print(json.dumps(numbers, ensure_ascii=False, indent=2) if as_json else format_stats(numbers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
