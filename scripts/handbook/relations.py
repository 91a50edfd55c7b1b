"""Derived lookups over a checked Handbook: who links to whom, in stable order.

All sort orders of the site are named here, so output is deterministic.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from .handbook import Handbook
from .model import Case, Category, Company, Framework, Question, Round, Source, Tag, Tip, TipKind


def question_key(question: Question) -> tuple[str, ...]:
    """Questions sort by id, which groups a source's questions in source order."""
    return (question.id,)


def by_order(entry: Category | Round | TipKind) -> tuple[int, str]:
    """Vocabularies with an explicit order sort by it, then by id."""
    return (entry.order, entry.id)


@dataclass(frozen=True)
class Related:
    """A related question and the tags it shares with the page's question."""

    question: Question
    shared: tuple[Tag, ...]


class Index:
    """Lookups by id and reverse links, computed once per build."""

    def __init__(self, handbook: Handbook):
        self.handbook = handbook
        self.categories: dict[str, Category] = {c.id: c for c in sorted(handbook.categories, key=by_order)}
        self.tags: dict[str, Tag] = {t.id: t for t in sorted(handbook.tags, key=lambda t: t.id)}
        self.companies: dict[str, Company] = {c.id: c for c in sorted(handbook.companies, key=lambda c: c.id)}
        self.rounds: dict[str, Round] = {r.id: r for r in sorted(handbook.rounds, key=by_order)}
        self.tip_kinds: dict[str, TipKind] = {k.id: k for k in sorted(handbook.tip_kinds, key=by_order)}
        self.sources: dict[str, Source] = {s.id: s for s in sorted(handbook.sources, key=lambda s: s.id)}
        self.frameworks: dict[str, Framework] = {f.id: f for f in sorted(handbook.frameworks, key=lambda f: f.id)}
        self.cases: dict[str, Case] = {c.id: c for c in sorted(handbook.cases, key=lambda c: c.id)}
        self.questions: dict[str, Question] = {q.id: q for q in sorted(handbook.questions, key=question_key)}
        self.tips: dict[str, Tip] = {t.id: t for t in sorted(handbook.tips, key=lambda t: t.id)}

    def _group(self, key: str) -> dict[str, list[Question]]:
        groups: dict[str, list[Question]] = defaultdict(list)
        for question in self.questions.values():
            values = getattr(question, key)
            for value in values if isinstance(values, list) else [values]:
                if value is not None:
                    groups[value].append(question)
        return groups

    @cached_property
    def questions_by_category(self) -> dict[str, list[Question]]:
        return self._group("category")

    @cached_property
    def questions_by_tag(self) -> dict[str, list[Question]]:
        return self._group("tags")

    @cached_property
    def questions_by_company(self) -> dict[str, list[Question]]:
        return self._group("company")

    @cached_property
    def questions_by_round(self) -> dict[str, list[Question]]:
        return self._group("round")

    @cached_property
    def questions_by_framework(self) -> dict[str, list[Question]]:
        return self._group("frameworks")

    @cached_property
    def questions_by_case(self) -> dict[str, list[Question]]:
        return self._group("cases")

    @cached_property
    def tips_by_question(self) -> dict[str, list[Tip]]:
        return self._tips_by("questions")

    @cached_property
    def tips_by_tag(self) -> dict[str, list[Tip]]:
        return self._tips_by("tags")

    @cached_property
    def tips_by_round(self) -> dict[str, list[Tip]]:
        return self._tips_by("rounds")

    @cached_property
    def tips_by_kind(self) -> dict[str, list[Tip]]:
        return self._tips_by("kind")

    @cached_property
    def tips_by_company(self) -> dict[str, list[Tip]]:
        return self._tips_by("company")

    def _tips_by(self, key: str) -> dict[str, list[Tip]]:
        groups: dict[str, list[Tip]] = defaultdict(list)
        for tip in self.tips.values():
            values = getattr(tip, key)
            for value in values if isinstance(values, list) else [values]:
                if value is not None:
                    groups[value].append(tip)
        return groups

    def related(self, question: Question, limit: int = 5) -> list[Related]:
        """Other questions ranked by the number of shared tags, then same category, then id."""
        mine = set(question.tags)
        scored = []
        for other in self.questions.values():
            shared = [t for t in other.tags if t in mine]
            if other.id == question.id or not shared:
                continue
            same_category = other.category == question.category
            scored.append((-len(shared), not same_category, other.id, other, shared))
        scored.sort(key=lambda item: item[:3])
        return [Related(other, tuple(self.tags[t] for t in shared)) for *_, other, shared in scored[:limit]]
