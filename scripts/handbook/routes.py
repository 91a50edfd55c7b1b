"""学习路线: day-by-day study plans made from the bank by a pure function.

A plan spreads the categories over its study days (more days for larger categories), gives each day
at most ``per_day`` questions, most asked first (高频), and lists on each day the answer frameworks its
questions use that no earlier day introduced, so a framework is always learnt before or with the first
question that needs it. Every seventh day reviews the most asked questions of the days before it.
The size of a plan depends on its days and ``per_day``, never on the size of the bank.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Question
from .relations import Index, frequency

REVIEW_EVERY = 7
"""Every REVIEW_EVERY-th day of a plan is a review day."""


@dataclass(frozen=True)
class Route:
    """A study plan's name and length; its id keys the reader's ticks in the browser (hb-study routes)."""

    id: str
    name: str
    days: int
    summary: str


ROUTES = (
    Route("7-day", "7 天冲刺", 7, "面试临近：每天一两个分类，先抓高频题和最常用的答题框架，第 7 天集中复习。"),
    Route("21-day", "21 天系统准备", 21, "时间充裕：每个分类至少一天，题多的分类多给几天，每周末复习一次这一周的高频题。"),
)
"""The plans on the 学习路线 page."""


@dataclass(frozen=True)
class Day:
    """One day of a plan: what to study, in order (frameworks first, then questions)."""

    number: int
    """1-based day number."""
    categories: tuple[str, ...]
    """Category ids the day covers (on a review day: the categories it reviews)."""
    frameworks: tuple[str, ...]
    """Framework ids introduced this day, in order of first use."""
    questions: tuple[str, ...]
    """Question ids to practise, at most ``per_day``."""
    review: bool = False


def rank(question: Question) -> tuple[int, str]:
    """Within a plan, most asked questions first, then by id."""
    return (-frequency(question), question.id)


def plan(index: Index, days: int, per_day: int) -> list[Day]:
    """The days of a ``days``-day plan with at most ``per_day`` questions a day."""
    reviews = [d for d in range(1, days + 1) if d % REVIEW_EVERY == 0]
    study = [d for d in range(1, days + 1) if d not in reviews]
    ranked = {cid: sorted(qs, key=rank) for cid, qs in index.questions_by_category.items() if cid in index.categories}
    order = [cid for cid in index.categories if ranked.get(cid)]
    slots = assign([(cid, len(ranked[cid])) for cid in order], len(study), per_day)
    taken = {cid: 0 for cid in order}
    seen: set[str] = set()
    result: list[Day] = []
    for number, categories in zip(study, slots, strict=True):
        questions = _take(ranked, taken, categories, per_day)
        frameworks = _new_frameworks(questions, seen)
        result.append(Day(number, tuple(categories), tuple(frameworks), tuple(q.id for q in questions)))
    for number in reviews:
        result.append(_review(index, number, [d for d in result if not d.review and number - REVIEW_EVERY < d.number < number], per_day))
    return sorted(result, key=lambda d: d.number)


def assign(counts: Sequence[tuple[str, int]], slots: int, per_day: int) -> list[list[str]]:
    """The categories of each of ``slots`` days. With enough days every category gets one day and the rest
    go, one at a time, to the category with the most questions per day so far, as long as it has questions
    left for another day (days nobody needs stay free for review); with fewer days than categories,
    neighbouring categories share a day."""
    if slots <= 0:
        return []
    if len(counts) <= slots:
        shares = _shares([n for _, n in counts], slots - len(counts), per_day)
        days = [[cid] for (cid, _), share in zip(counts, shares, strict=True) for _ in range(share)]
        return days + [[] for _ in range(slots - len(days))]
    size, bigger = divmod(len(counts), slots)
    days, start = [], 0
    for i in range(slots):
        end = start + size + (1 if i < bigger else 0)
        days.append([cid for cid, _ in counts[start:end]])
        start = end
    return days


def _shares(sizes: list[int], extra: int, per_day: int) -> list[int]:
    """Days per category: one each, plus ``extra`` given one at a time to the category with the largest
    questions-per-day (ties to the earlier) among those whose questions fill another day."""
    shares = [1] * len(sizes)
    for _ in range(extra):
        open_ = [i for i, n in enumerate(sizes) if n > shares[i] * per_day]
        if not open_:
            break
        best = max(open_, key=lambda i: (sizes[i] / (shares[i] + 1), -i))
        shares[best] += 1
    return shares


def _take(ranked: dict[str, list[Question]], taken: dict[str, int], categories: list[str], limit: int) -> list[Question]:
    """Up to ``limit`` questions not yet given, taken in turn from each of the day's categories, best ranked first."""
    chosen: list[Question] = []
    while len(chosen) < limit:
        before = len(chosen)
        for cid in categories:
            if len(chosen) < limit and taken[cid] < len(ranked[cid]):
                chosen.append(ranked[cid][taken[cid]])
                taken[cid] += 1
        if len(chosen) == before:
            break
    return chosen


def _new_frameworks(questions: Iterable[Question], seen: set[str]) -> list[str]:
    """Frameworks the questions use that no earlier day introduced, in order of first use (``seen`` is updated)."""
    found = [fid for q in questions for fid in q.frameworks if fid not in seen]
    found = list(dict.fromkeys(found))
    seen.update(found)
    return found


def _review(index: Index, number: int, week: list[Day], per_day: int) -> Day:
    """A review day: the most asked of the questions given on ``week``'s days."""
    questions = sorted((index.questions[qid] for day in week for qid in day.questions), key=rank)[:per_day]
    categories = dict.fromkeys(cid for day in week for cid in day.categories)
    return Day(number, tuple(categories), (), tuple(q.id for q in questions), review=True)
