"""Derived lookups over a checked Handbook: who links to whom, in stable order.

All sort orders of the site are named here, so output is deterministic.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from .handbook import Handbook
from .model import Case, Category, Company, Framework, Occurrence, Question, Round, Source, Story, Tag, Tip, TipKind


def question_key(question: Question) -> tuple[str, ...]:
    """Questions sort by id, which groups a source's questions in source order."""
    return (question.id,)


def by_order(entry: Category | Round | TipKind | Story) -> tuple[int, str]:
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
        self.stories: dict[str, Story] = {s.id: s for s in sorted(handbook.stories, key=by_order)}
        self.fragments: dict[tuple[str, ...], str] = {}
        """HTML that many pages show alike (a question's entry in a list), rendered once per build (hubs.py)."""

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
    def category_neighbours(self) -> dict[str, tuple[Question | None, Question | None]]:
        """Each question's previous and next question in its category's listing order."""
        around: dict[str, tuple[Question | None, Question | None]] = {}
        for group in self.questions_by_category.values():
            for i, q in enumerate(group):
                around[q.id] = (group[i - 1] if i else None, group[i + 1] if i + 1 < len(group) else None)
        return around

    @cached_property
    def questions_by_tag(self) -> dict[str, list[Question]]:
        return self._group("tags")

    def _group_asked(self, key: str) -> dict[str, list[Question]]:
        """Questions grouped by a field of their occurrences, each question once per group."""
        groups: dict[str, list[Question]] = defaultdict(list)
        for question in self.questions.values():
            for value in dict.fromkeys(getattr(o, key) for o in question.asked):
                if value is not None:
                    groups[value].append(question)
        return groups

    @cached_property
    def questions_by_company(self) -> dict[str, list[Question]]:
        """Questions asked at each company (through their occurrences)."""
        return self._group_asked("company")

    @cached_property
    def questions_by_round(self) -> dict[str, list[Question]]:
        """Questions asked in each round (through their occurrences)."""
        return self._group_asked("round")

    @cached_property
    def questions_by_source(self) -> dict[str, list[Question]]:
        """Questions each source reports asked."""
        return self._group_asked("source")

    @cached_property
    def unknown_company_questions(self) -> list[Question]:
        """Questions with at least one occurrence whose company is not known."""
        return [q for q in self.questions.values() if any(o.company is None for o in q.asked)]

    @cached_property
    def hot(self) -> list[Question]:
        """高频 questions: asked at least ``settings.hot_threshold`` times, most asked first."""
        threshold = self.handbook.settings.hot_threshold
        ranked = [q for q in self.questions.values() if frequency(q) >= threshold]
        return sorted(ranked, key=lambda q: (-frequency(q), question_key(q)))

    def rounds_of(self, question: Question) -> list[str]:
        """The rounds a question was asked in, in round order."""
        asked = {o.round for o in question.asked}
        return [rid for rid in self.rounds if rid in asked]

    def is_hot(self, question: Question) -> bool:
        return frequency(question) >= self.handbook.settings.hot_threshold

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

    @cached_property
    def stories_by_question(self) -> dict[str, list[Story]]:
        """The stories (故事库) that answer each question, in the stories' order."""
        groups: dict[str, list[Story]] = defaultdict(list)
        for story in self.stories.values():
            for qid in story.questions:
                groups[qid].append(story)
        return groups

    @cached_property
    def _tag_weight(self) -> dict[str, float]:
        """Rarer tags say more about a question: weight = log(1 + N / questions with the tag)."""
        total = len(self.questions)
        return {tid: math.log(1 + total / len(qs)) for tid, qs in self.questions_by_tag.items()}

    def related(self, question: Question, limit: int = 5) -> list[Related]:
        """Other questions ranked by the summed rarity of shared tags, then same category, then id.

        Candidates come from the inverted tag index, so the cost is the size of the
        question's tag groups, not the size of the bank. A tag shared by more than
        COMMON_TAG questions says little on its own: through it only questions of the
        same category are candidates, which keeps the cost bounded as the bank grows."""
        weight = self._tag_weight
        scores: dict[str, float] = {}
        for tid in question.tags:
            w = weight[tid]
            members = self._tag_members[tid]
            if len(members) > COMMON_TAG:
                members = self._tag_category_members.get((tid, question.category), [])
            for other in members:
                scores[other] = scores.get(other, 0.0) + w
        scores.pop(question.id, None)
        if not scores:
            return []
        # The limit-th best score: candidates above it are in; those equal to it compete on the
        # tie-breaks (same category first, then id), picked with C-level selection because a
        # common tag can tie hundreds of candidates.
        cutoff = scores[heapq.nlargest(limit, scores, key=scores.__getitem__)[-1]]
        above = sorted((oid for oid, score in scores.items() if score > cutoff), key=lambda oid: (-scores[oid], self._category[oid] != question.category, oid))
        tied = [oid for oid, score in scores.items() if score == cutoff]
        need = limit - len(above)
        same = heapq.nsmallest(need, (oid for oid in tied if self._category[oid] == question.category))
        finalists = above + same + heapq.nsmallest(need - len(same), (oid for oid in tied if self._category[oid] != question.category))
        mine = set(question.tags)
        result = []
        for oid in finalists[:limit]:
            found = self.questions[oid]
            result.append(Related(found, tuple(self.tags[t] for t in found.tags if t in mine)))
        return result

    @cached_property
    def _tag_category_members(self) -> dict[tuple[str, str], list[str]]:
        groups: dict[tuple[str, str], list[str]] = defaultdict(list)
        for qid, q in self.questions.items():
            for tid in q.tags:
                groups[(tid, q.category)].append(qid)
        return groups

    @cached_property
    def _category(self) -> dict[str, str]:
        return {qid: q.category for qid, q in self.questions.items()}

    @cached_property
    def _tag_members(self) -> dict[str, list[str]]:
        return {tid: [q.id for q in qs] for tid, qs in self.questions_by_tag.items()}


COMMON_TAG = 300
"""Tags on more questions than this relate only questions of the same category (see Index.related)."""


def frequency(question: Question) -> int:
    """How many distinct times a question was reported asked."""
    return len(set(question.asked))


def companies_of(question: Question) -> list[str]:
    """The companies a question was asked at, in order of first mention (occurrences without one left out)."""
    return list(dict.fromkeys(o.company for o in question.asked if o.company))


def occurrence_key(occurrence: Occurrence) -> tuple[str | int, ...]:
    """Occurrences sort by date (undated last), then source and number, then the rest: a total order,
    so that output never depends on the order of a set."""
    o = occurrence
    return (o.date or "9999", o.source, o.section or "", o.line or 0, o.company or "", o.round or "", o.position or "")
