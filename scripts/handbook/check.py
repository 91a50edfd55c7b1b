"""Cross-reference checks: every id a entry names must exist, ids must be unique."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .handbook import Handbook
from .model import Case, Company, Framework, Omission, Question, SourceRef, Tip
from .problems import DataError, Problem, field_path

KIND_NAMES = {
    "categories": "分类",
    "tags": "标签",
    "companies": "公司",
    "rounds": "轮次",
    "tip_kinds": "面经类型",
    "sources": "出处",
    "frameworks": "框架",
    "cases": "案例",
    "questions": "题目",
    "tips": "面经",
}


@dataclass(frozen=True)
class Ref:
    """A reference from an entry's field to an id of some collection."""

    path: tuple[str | int, ...]
    target: str
    value: str


def check(handbook: Handbook) -> None:
    """Raise DataError listing every duplicate id and dangling reference."""
    problems = list(_duplicate_ids(handbook))
    known = {kind: _ids(handbook, kind) for kind in KIND_NAMES}
    for collection in ("companies", "frameworks", "cases", "questions", "tips", "omissions"):
        for index, entry in enumerate(getattr(handbook, collection)):
            for ref in _refs(entry):
                if ref.value not in known[ref.target]:
                    problems.append(_unknown(handbook, collection, index, entry, ref, known[ref.target]))
            problems.extend(_entry_rules(handbook, collection, index, entry))
    if problems:
        raise DataError(problems)


def _ids(handbook: Handbook, kind: str) -> list[str]:
    return [entry.id for entry in getattr(handbook, kind)]


def _duplicate_ids(handbook: Handbook) -> Iterator[Problem]:
    for kind in KIND_NAMES:
        first: dict[str, int] = {}
        for index, entry in enumerate(getattr(handbook, kind)):
            if entry.id not in first:
                first[entry.id] = index
                continue
            other = handbook.origins[(kind, first[entry.id])]
            line = other.position(())
            where = f"{other.file}:{line[0]}" if line else other.file
            yield _problem(handbook, kind, index, entry.id, ("id",), f"{KIND_NAMES[kind]} id '{entry.id}' 重复，已在 {where} 使用。每个 id 必须唯一。")


def _refs(entry: BaseModel) -> Iterator[Ref]:
    if isinstance(entry, Question):
        yield Ref(("category",), "categories", entry.category)
        yield from _list_refs("tags", "tags", entry.tags)
        yield from _optional_ref("company", "companies", entry.company)
        yield from _optional_ref("round", "rounds", entry.round)
        yield from _list_refs("frameworks", "frameworks", entry.frameworks)
        yield from _list_refs("cases", "cases", entry.cases)
    if isinstance(entry, Tip):
        yield Ref(("kind",), "tip_kinds", entry.kind)
        yield from _optional_ref("company", "companies", entry.company)
        yield from _list_refs("rounds", "rounds", entry.rounds)
        yield from _list_refs("questions", "questions", entry.questions)
        yield from _list_refs("tags", "tags", entry.tags)
    if isinstance(entry, Company):
        for i, event in enumerate(entry.timeline):
            yield from _optional_ref(("timeline", i, "round"), "rounds", event.round)
            yield from _source_refs(event.sources, ("timeline", i, "sources"))
    if isinstance(entry, (Question, Tip, Framework, Case, Omission)):
        yield from _source_refs(entry.sources, ("sources",))


def _list_refs(field: str, target: str, values: Iterable[str]) -> Iterator[Ref]:
    for i, value in enumerate(values):
        yield Ref((field, i), target, value)


def _optional_ref(field: str | tuple[str | int, ...], target: str, value: str | None) -> Iterator[Ref]:
    if value is not None:
        yield Ref(field if isinstance(field, tuple) else (field,), target, value)


def _source_refs(refs: Iterable[SourceRef], base: tuple[str | int, ...]) -> Iterator[Ref]:
    for i, ref in enumerate(refs):
        yield Ref(base + (i, "source"), "sources", ref.source)


def _unknown(handbook: Handbook, collection: str, index: int, entry: BaseModel, ref: Ref, known: list[str]) -> Problem:
    name = KIND_NAMES[ref.target]
    message = f"未知{name} '{ref.value}'。"
    close = difflib.get_close_matches(ref.value, known, n=1)
    if close:
        message += f"是不是想写 '{close[0]}'？"
    message += f"已有的{name}：{_listing(handbook, ref.target, known)}。"
    return _problem(handbook, collection, index, getattr(entry, "id", None), ref.path, message)


def _listing(handbook: Handbook, target: str, known: list[str]) -> str:
    if target in ("questions", "cases", "tips") or len(known) > 60:
        return f"共 {len(known)} 个，不逐一列出，请在 data/{target}/ 中查找"
    names = {e.id: getattr(e, "name", None) for e in getattr(handbook, target)}
    shown = [f"{k}（{names[k]}）" if names.get(k) else k for k in sorted(known)]
    return "、".join(shown) if shown else "（暂无）"


def _entry_rules(handbook: Handbook, collection: str, index: int, entry: BaseModel) -> Iterator[Problem]:
    entry_id = getattr(entry, "id", None)
    if isinstance(entry, Question):
        for field in ("tags", "frameworks", "cases"):
            for i, value in enumerate(getattr(entry, field)):
                if value in getattr(entry, field)[:i]:
                    yield _problem(handbook, collection, index, entry_id, (field, i), f"'{value}' 重复出现，请删除重复项。")
        if not entry.outline and not entry.frameworks:
            yield _problem(handbook, collection, index, entry_id, ("outline",), "需要答题要点 outline（3–6 条）或至少一个答题框架 frameworks。")
    if isinstance(entry, Case) and entry.kind == "adapted" and not entry.sources:
        yield _problem(handbook, collection, index, entry_id, ("sources",), "改写自出处的案例（kind: adapted）必须注明 sources。")


def _problem(handbook: Handbook, collection: str, index: int, entry: str | None, path: tuple[str | int, ...], message: str) -> Problem:
    origin = handbook.origins[(collection, index)]
    line, col = origin.position(path) or (None, None)
    return Problem(origin.file, line, col, entry, field_path(path), message)
