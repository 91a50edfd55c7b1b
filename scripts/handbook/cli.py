"""Command line: ``handbook build [--check]``, ``handbook check``, ``handbook stats [--json]``,
``handbook new <kind>``, ``handbook schema [--out DIR]``, ``handbook import FILE | --accept DRAFT``,
``handbook export-anki [--out PATH]``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import paths as P
from . import scaffold
from .build import generate_pages, load_checked, pending_drafts
from .problems import DataError, os_error_report
from .reference import TITLES
from .relations import Index
from .schema import schema_files
from .seeds import seeds_dir
from .site import plan, sync
from .stamp import build_inputs, record, up_to_date
from .stats import format_stats, stats


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="handbook", description="产品经理面试手册：校验数据、生成页面、统计覆盖。")
    parser.add_argument("--root", type=Path, default=Path("."), help="仓库根目录（含 data/ 与 docs/），默认当前目录")
    sub = parser.add_subparsers(dest="command", required=True, metavar="命令")
    build = sub.add_parser("build", help="校验 data/ 并生成 docs/ 下的页面")
    build.add_argument("--check", action="store_true", help="只检查：生成的页面过期时以 1 退出，不写文件")
    build.add_argument("--drafts", action="store_true", help="把 data/drafts/ 里待审阅的草稿也生成进页面（预览用；发布的站点不含草稿）")
    sub.add_parser("check", help="只校验 data/，不生成页面")
    stats_cmd = sub.add_parser("stats", help="统计题目、框架、面经与种子条目覆盖情况")
    stats_cmd.add_argument("--json", action="store_true", help="输出 JSON")
    _add_new(sub)
    _add_schema(sub)
    _add_import(sub)
    anki_cmd = sub.add_parser("export-anki", help="把题库导出成 Anki 卡组（.apkg）：每道题一张卡片，按分类分成子卡组")
    anki_cmd.add_argument("--out", type=Path, default=None, help=f"输出文件，默认仓库根目录下的 build/{Path(P.ANKI).name}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root: Path = args.root
    try:
        if args.command == "build":
            return _build(root, args.check, args.drafts)
        if args.command == "check":
            handbook, _ = load_checked(root)
            print(f"数据校验通过：{len(handbook.questions)} 道题、{len(handbook.tips)} 条面经、{len(handbook.frameworks)} 个框架。")
            pending = pending_drafts(root).drafts
            if pending:
                names = "、".join(d.file for d in pending)
                count = sum(len(d.draft.questions) for d in pending)
                print(
                    f"另有 {len(pending)} 份草稿（{names}，{count} 道新题）校验通过，尚未发布：用 make serve DRAFTS=1 预览，审阅后 handbook import --accept 写入数据。"
                )
            return 0
        if args.command == "new":
            return _new(root, args)
        if args.command == "schema":
            return _schema(root, args.out)
        if args.command == "import":
            return _import(root, args)
        if args.command == "export-anki":
            return _export_anki(root, args.out)
        return _stats(root, args.json)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except OSError as error:
        print(os_error_report(error), file=sys.stderr)
        return 1
    except Exception as error:  # a bug, not bad input: say so plainly
        if os.environ.get("HANDBOOK_DEBUG"):
            raise
        print(
            f"内部错误：{type(error).__name__}: {error}\n这是生成器的缺陷，不是数据的问题；请设置 HANDBOOK_DEBUG=1 重新运行并把输出附在 issue 里。",
            file=sys.stderr,
        )
        return 2


def _build(root: Path, check_only: bool, drafts: bool = False) -> int:
    docs = root / "docs"
    inputs = build_inputs(root, seeds_dir(root), drafts)
    if not check_only and up_to_date(root, docs, inputs):
        print("已生成：数据与生成器都没有变化，页面已是最新（写入 0 个文件）。")
        return 0
    pages = generate_pages(root, drafts)
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


def _export_anki(root: Path, out: Path | None) -> int:
    from . import anki

    handbook, _ = load_checked(root)
    index = Index(handbook)
    target = out if out is not None else root / "build" / Path(P.ANKI).name
    anki.write(target, anki.apkg(anki.decks(index), anki.release_time(root)))
    notes, subdecks = anki.counts(index)
    print(
        f"已导出 Anki 卡组：{target.as_posix()}，{notes} 道题各一张卡片，{subdecks} 个分类子卡组。"
        "在 Anki 里用“导入”打开；重新导入更新后的卡组会更新已有的卡片，不会重复。"
    )
    return 0


def _stats(root: Path, as_json: bool) -> int:
    handbook, units = load_checked(root)
    numbers = stats(handbook, units)
    print(json.dumps(numbers, ensure_ascii=False, indent=2) if as_json else format_stats(numbers))
    return 0


def _add_new(sub: Any) -> None:
    new = sub.add_parser("new", help="添加一条题目、面经、框架或案例：自动编号，校验通过才写入")
    kinds = new.add_subparsers(dest="new_kind", required=True, metavar="类型")
    for kind, (collection, asks) in scaffold.KINDS.items():
        parser = kinds.add_parser(kind, help=f"添加{TITLES[collection]}；在终端里运行时逐项提问")
        for ask in asks:
            extra = ("，可重复或用逗号分隔" if ask.split else "，可重复") if ask.many else ""
            names = "；写 id 或名称都可以" if ask.by_name else ""
            hint = f"：{ask.hint}" if ask.hint else ""
            parser.add_argument(ask.flag, dest=ask.key, action="append" if ask.many else "store", metavar=ask.label, help=f"{ask.label}{hint}{extra}{names}")
        parser.add_argument("--file", help=f"写入的文件（相对仓库根目录），如 data/{collection}/new.yaml，不存在时新建；默认最近修改的文件")
        parser.add_argument("--prefix", help="新 id 的编号前缀，如 ant- 得到 ant-001；默认接着文件里已有的编号")
        parser.add_argument("--id", dest="entry_id", help="直接指定新条目的 id")
        parser.add_argument("--no-input", action="store_true", help="不提问，缺少必填内容时报错（输入不是终端时总是这样）")


def _new(root: Path, args: argparse.Namespace) -> int:
    answers = scaffold.flag_answers(args.new_kind, vars(args))
    request = scaffold.Request(args.new_kind, answers, args.file, args.prefix, args.entry_id)
    interactive = sys.stdin.isatty() and not args.no_input
    try:
        created = scaffold.create(root, request, input if interactive else None)
    except scaffold.ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    except scaffold.Refused as refused:
        print("\n".join([p.format() for p in refused.problems] + [refused.note]), file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\n已取消，未写入任何文件。", file=sys.stderr)
        return 1
    title = TITLES[scaffold.KINDS[args.new_kind][0]]
    action = "新建并写入" if created.new_file else "已写入"
    print(f"{action} {created.file} 第 {created.line} 行：{title} {created.entry_id}。")
    print("接下来：\n" + "\n".join(f"  - {step}" for step in created.next_steps))
    return 0


def _add_schema(sub: Any) -> None:
    schema_cmd = sub.add_parser("schema", help="根据数据模型生成 JSON Schema（供 VS Code 等编辑器边写边检查 YAML）")
    schema_cmd.add_argument("--out", type=Path, default=None, help="输出目录，默认仓库根目录下的 schemas/")


def _schema(root: Path, out: Path | None) -> int:
    directory = out if out is not None else root / "schemas"
    directory.mkdir(parents=True, exist_ok=True)
    files = schema_files()
    written = [name for name, text in files.items() if not _same(directory / name, text)]
    for name in written:
        (directory / name).write_text(files[name], encoding="utf-8", newline="\n")
    stale = sorted(p for p in directory.glob("*.schema.json") if p.name not in files)
    for path in stale:
        path.unlink()
    print(f"JSON Schema 已生成到 {directory.as_posix()}/：写入 {len(written)} 个，删除 {len(stale)} 个，未变 {len(files) - len(written)} 个。")
    return 0


def _same(path: Path, text: str) -> bool:
    return path.is_file() and path.read_bytes() == text.encode("utf-8")


def _add_import(sub: Any) -> None:
    cmd = sub.add_parser("import", help="把一篇原始面经转成待审阅的草稿（data/drafts/），审阅后用 --accept 写入数据")
    cmd.add_argument("file", nargs="?", type=Path, metavar="文件", help="原始面经（.txt 或 .md；UTF-8 或 GBK 编码都可以）")
    cmd.add_argument("--source", help="记到已有出处（写 id）；不写时在草稿里新建出处")
    cmd.add_argument("--company", help="公司：id、名称或别名，如 ant-group 或 支付宝；不写时从标题里识别")
    cmd.add_argument("--round", help="默认轮次：id、名称或 import_rules.yaml 里的写法，如 一面、三面；原文里的轮次标题优先")
    cmd.add_argument("--date", help="被问到的时间：2025、2025-05 或 2025-05-14")
    cmd.add_argument("--position", help="招聘类型：校招、实习、社招（或 campus、intern、social）")
    cmd.add_argument("--name", help="草稿与新出处的名字（小写英文、数字和连字符），默认取文件名")
    cmd.add_argument("--accept", type=Path, metavar="草稿", help="把审阅好的草稿（data/drafts/*.yaml）写入 data/ 并删除草稿")


def _import(root: Path, args: argparse.Namespace) -> int:
    from . import importer
    from .rawnotes import RawNotesError

    if (args.file is None) == (args.accept is None):
        print(importer.USAGE, file=sys.stderr)
        return 1
    try:
        if args.accept is not None:
            draft = args.accept if args.accept.exists() or args.accept.is_absolute() else root / args.accept
            print(importer.accept_draft(root, draft))
            return 0
        given = {key: getattr(args, key) for key in ("name", "source", "company", "round", "date", "position")}
        print(importer.run(root, args.file, given))
    except (RawNotesError, importer.InputError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
