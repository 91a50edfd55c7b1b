"""Vocabulary references by name: ``tags: [电商]`` means ``tags: [ecommerce]``.

Wherever an entry names a tag, category, company, round, tip kind, framework or
position, a contributor may write its id, its Chinese name or a listed synonym
(tag synonyms, company aliases). ``resolve`` returns the handbook with every such
value replaced by the id, and a problem for each value it cannot resolve: unknown
values list the valid ones with their names, ambiguous ones name the candidates.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from .handbook import Handbook
from .model import POSITIONS, Company, Occurrence, Question, Story, Tip
from .problems import Problem, field_path

VOCABULARY_NAMES = {
    "categories": "分类",
    "tags": "标签",
    "companies": "公司",
    "rounds": "轮次",
    "tip_kinds": "面经类型",
    "frameworks": "框架",
    "positions": "招聘类型",
}

LISTED_AT_MOST = 60
"""Longer vocabularies are not listed in full in an error message."""


def _key(value: str) -> str:
    """Names match ignoring case, spaces and full-width/half-width slash differences."""
    return "".join(value.split()).casefold().replace("／", "/")


@dataclass(frozen=True)
class Vocabulary:
    """One vocabulary: its ids in display order, their names, and every accepted spelling."""

    kind: str
    names: dict[str, str]
    """id → display name, in sorted order."""
    spellings: dict[str, frozenset[str]]
    """normalised id, name or synonym → the ids it can mean."""

    def lookup(self, value: str) -> tuple[str | None, list[str]]:
        """(id, []) when ``value`` resolves, (None, candidates) when ambiguous, (None, []) when unknown."""
        if value in self.names:
            return value, []
        ids = self.spellings.get(_key(value), frozenset())
        if len(ids) == 1:
            return next(iter(ids)), []
        return None, sorted(ids)

    def listing(self) -> str:
        if len(self.names) > LISTED_AT_MOST:
            return f"共 {len(self.names)} 个，不逐一列出，请在 data/{self.kind}.yaml 中查找"
        return "、".join(f"{i}（{n}）" for i, n in self.names.items()) or "（暂无）"

    def unknown(self, value: str) -> str:
        name = VOCABULARY_NAMES[self.kind]
        message = f"未知{name} '{value}'。"
        choices = list(self.names) + [n for n in self.names.values()]
        close = difflib.get_close_matches(value, choices, n=1)
        if close:
            message += f"是不是想写 '{close[0]}'？"
        return message + f"可以写 id 或名称，已有的{name}：{self.listing()}。"

    def ambiguous(self, value: str, candidates: list[str]) -> str:
        name = VOCABULARY_NAMES[self.kind]
        options = "、".join(f"{i}（{self.names[i]}）" for i in candidates)
        return f"'{value}' 可以指多个{name}：{options}。请改写成其中一个的 id。"


def vocabularies(handbook: Handbook) -> dict[str, Vocabulary]:
    """Every vocabulary with the spellings it accepts."""
    spelled: dict[str, list[tuple[str, str, Iterable[str]]]] = {
        "categories": [(c.id, c.name, []) for c in handbook.categories],
        "tags": [(t.id, t.name, t.synonyms) for t in handbook.tags],
        "companies": [(c.id, c.name, c.aliases) for c in handbook.companies],
        "rounds": [(r.id, r.name, []) for r in handbook.rounds],
        "tip_kinds": [(k.id, k.name, []) for k in handbook.tip_kinds],
        "frameworks": [(f.id, f.name, []) for f in handbook.frameworks],
        "positions": [(pid, name, []) for pid, name in POSITIONS.items()],
    }
    result = {}
    for kind, entries in spelled.items():
        spellings: dict[str, set[str]] = {}
        for entry_id, name, synonyms in entries:
            for spelling in (entry_id, name, *synonyms):
                spellings.setdefault(_key(spelling), set()).add(entry_id)
        names = dict(sorted((entry_id, name) for entry_id, name, _ in entries))
        result[kind] = Vocabulary(kind, names, {k: frozenset(v) for k, v in spellings.items()})
    return result


class _Resolver:
    """Resolves the values of one entry, collecting problems with their position."""

    def __init__(self, handbook: Handbook, vocab: dict[str, Vocabulary], problems: list[Problem]):
        self.handbook = handbook
        self.vocab = vocab
        self.problems = problems
        self.collection = ""
        self.index = 0
        self.entry_id: str | None = None

    def at(self, collection: str, index: int, entry_id: str | None) -> _Resolver:
        self.collection, self.index, self.entry_id = collection, index, entry_id
        return self

    def one(self, kind: str, value: str, path: tuple[str | int, ...]) -> str:
        vocabulary = self.vocab[kind]
        found, candidates = vocabulary.lookup(value)
        if found is not None:
            return found
        message = vocabulary.ambiguous(value, candidates) if candidates else vocabulary.unknown(value)
        origin = self.handbook.origins.get((self.collection, self.index))
        if origin is None:
            self.problems.append(Problem("data", None, None, self.entry_id, field_path(path), message))
        else:
            line, col = origin.position(path) or (None, None)
            self.problems.append(Problem(origin.file, line, col, self.entry_id, field_path(path), message))
        return value

    def optional(self, kind: str, value: str | None, path: tuple[str | int, ...]) -> str | None:
        return None if value is None else self.one(kind, value, path)

    def many(self, kind: str, values: list[str], field: str) -> list[str]:
        return [self.one(kind, v, (field, i)) for i, v in enumerate(values)]


def _changed(entry: BaseModel, updates: dict[str, Any]) -> Any:
    """The entry with ``updates`` applied, or the entry itself when nothing changed."""
    if all(getattr(entry, key) == value for key, value in updates.items()):
        return entry
    return entry.model_copy(update=updates)


def _occurrence(r: _Resolver, occurrence: Occurrence, i: int) -> Occurrence:
    base: tuple[str | int, ...] = ("asked", i)
    updates = {
        "company": r.optional("companies", occurrence.company, base + ("company",)),
        "round": r.optional("rounds", occurrence.round, base + ("round",)),
        "position": r.optional("positions", occurrence.position, base + ("position",)),
    }
    return _changed(occurrence, updates)


def _question(r: _Resolver, q: Question) -> Question:
    updates = {
        "category": r.one("categories", q.category, ("category",)),
        "tags": r.many("tags", q.tags, "tags"),
        "frameworks": r.many("frameworks", q.frameworks, "frameworks"),
        "asked": [_occurrence(r, o, i) for i, o in enumerate(q.asked)],
    }
    return _changed(q, updates)


def _tip(r: _Resolver, tip: Tip) -> Tip:
    updates = {
        "kind": r.one("tip_kinds", tip.kind, ("kind",)),
        "company": r.optional("companies", tip.company, ("company",)),
        "rounds": r.many("rounds", tip.rounds, "rounds"),
        "tags": r.many("tags", tip.tags, "tags"),
    }
    return _changed(tip, updates)


def _company(r: _Resolver, company: Company) -> Company:
    timeline = [_changed(event, {"round": r.optional("rounds", event.round, ("timeline", i, "round"))}) for i, event in enumerate(company.timeline)]
    return _changed(company, {"timeline": timeline})


def _story(r: _Resolver, story: Story) -> Story:
    return _changed(story, {"categories": r.many("categories", story.categories, "categories")})


RESOLVERS: dict[str, Callable[[_Resolver, Any], Any]] = {"questions": _question, "tips": _tip, "companies": _company, "stories": _story}


def resolve(handbook: Handbook) -> tuple[Handbook, list[Problem]]:
    """The handbook with names resolved to ids, and the values that could not be resolved."""
    problems: list[Problem] = []
    resolver = _Resolver(handbook, vocabularies(handbook), problems)

    def each(collection: str) -> tuple[Any, ...]:
        resolve_entry = RESOLVERS[collection]
        return tuple(resolve_entry(resolver.at(collection, i, getattr(e, "id", None)), e) for i, e in enumerate(getattr(handbook, collection)))

    resolved = replace(handbook, questions=each("questions"), tips=each("tips"), companies=each("companies"), stories=each("stories"))
    return resolved, problems
