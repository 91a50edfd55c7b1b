"""Cross-reference checks: names resolve, every id an entry names exists, ids are unique."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .handbook import Handbook
from .model import Case, Company, Framework, Occurrence, Omission, Question, SourceRef, Story, Tip
from .problems import DataError, Problem, field_path
from .resolve import resolve

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
    "stories": "故事",
}


@dataclass(frozen=True)
class Ref:
    """A reference from an entry's field to an id of some collection."""

    path: tuple[str | int, ...]
    target: str
    value: str


def check(handbook: Handbook) -> Handbook:
    """The handbook with vocabulary names resolved to ids; raise DataError listing every
    unresolvable name, duplicate id and dangling reference."""
    handbook, problems = resolve(handbook)
    problems += _duplicate_ids(handbook)
    known = {kind: set(_ids(handbook, kind)) for kind in ID_TARGETS}
    for collection in ("companies", "frameworks", "cases", "questions", "tips", "omissions", "stories"):
        for index, entry in enumerate(getattr(handbook, collection)):
            for ref in _refs(entry):
                if ref.value not in known[ref.target]:
                    problems.append(_unknown(handbook, collection, index, entry, ref, sorted(known[ref.target])))
            problems.extend(_entry_rules(handbook, collection, index, entry))
    if problems:
        raise DataError(problems)
    return handbook


ID_TARGETS = ("sources", "cases", "questions")
"""Collections referenced by id only; vocabulary references are resolved (and reported) by resolve.py."""


def _ids(handbook: Handbook, kind: str) -> list[str]:
    return [entry.id for entry in getattr(handbook, kind)]


RESERVED_IDS = {"index": "会覆盖列表页 index", "unknown": "在题目筛选中表示“未知公司”"}
"""Ids that would collide with generated pages or facet values."""


def _duplicate_ids(handbook: Handbook) -> Iterator[Problem]:
    for kind in KIND_NAMES:
        for index, entry in enumerate(getattr(handbook, kind)):
            if entry.id in RESERVED_IDS and (entry.id != "unknown" or kind == "companies"):
                yield _problem(handbook, kind, index, entry.id, ("id",), f"id '{entry.id}' 是保留字（{RESERVED_IDS[entry.id]}），请换一个。")
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
        yield from _list_refs("cases", "cases", entry.cases)
        for i, occurrence in enumerate(entry.asked):
            yield Ref(("asked", i, "source"), "sources", occurrence.source)
    if isinstance(entry, (Tip, Story)):
        yield from _list_refs("questions", "questions", entry.questions)
    if isinstance(entry, Company):
        for i, event in enumerate(entry.timeline):
            yield from _source_refs(event.sources, ("timeline", i, "sources"))
    if isinstance(entry, (Question, Tip, Framework, Case, Omission)):
        yield from _source_refs(entry.sources, ("sources",))


def _list_refs(field: str, target: str, values: Iterable[str]) -> Iterator[Ref]:
    for i, value in enumerate(values):
        yield Ref((field, i), target, value)


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
        seen: dict[Occurrence, int] = {}
        for i, occurrence in enumerate(entry.asked):
            if occurrence in seen:
                message = f"与 asked[{seen[occurrence]}] 完全相同：同一次提问只记一条。若确实是另一次被问到，请写明不同的编号、公司、轮次或时间。"
                yield _problem(handbook, collection, index, entry_id, ("asked", i), message)
            seen.setdefault(occurrence, i)
    if isinstance(entry, Story):
        for field in ("categories", "questions"):
            for i, value in enumerate(getattr(entry, field)):
                if value in getattr(entry, field)[:i]:
                    yield _problem(handbook, collection, index, entry_id, (field, i), f"'{value}' 重复出现，请删除重复项。")
    if isinstance(entry, Case) and entry.kind == "adapted" and not entry.sources:
        yield _problem(handbook, collection, index, entry_id, ("sources",), "改写自出处的案例（kind: adapted）必须注明 sources。")


def _problem(handbook: Handbook, collection: str, index: int, entry: str | None, path: tuple[str | int, ...], message: str) -> Problem:
    origin = handbook.origins[(collection, index)]
    line, col = origin.position(path) or (None, None)
    return Problem(origin.file, line, col, entry, field_path(path), message)
