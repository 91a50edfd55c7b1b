"""故事库 and 学习路线 from the data: the route plans (a pure function) and the stories' validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_tree
from handbook.build import generate, load_checked
from handbook.problems import DataError
from handbook.relations import Index, frequency
from handbook.routes import REVIEW_EVERY, ROUTES, Day, assign, plan


def _bank(mini: Path, count: int = 60) -> Index:
    """The mini fixture plus ``count`` questions over its categories, some asked often, some with the framework."""
    entries = []
    for i in range(count):
        category = ("data", "payment")[i % 3 == 0]
        framework = "  frameworks: [ab-design]\n" if i % 5 == 4 else ""
        asked = "".join(f"    - {{source: notes, section: 题目, line: {100 + i * 10 + n}}}\n" for n in range(i % 4))
        entries.append(
            f"- id: g-{i:03d}\n  title: 生成的题 {i}\n  category: {category}\n  tags: [metrics]\n  intent: x\n  outline: [a, b, c]\n"
            + framework
            + (f"  asked:\n{asked}" if asked else "")
        )
    write_tree(mini, {"data/questions/generated.yaml": "".join(entries)})
    handbook, _ = load_checked(mini)
    return Index(handbook)


@pytest.mark.parametrize("days", [route.days for route in ROUTES] + [3, 14])
def test_every_category_is_covered_and_every_day_is_bounded(mini: Path, days: int) -> None:
    index = _bank(mini)
    days_of_plan = plan(index, days, per_day=4)
    assert [d.number for d in days_of_plan] == list(range(1, days + 1))
    assert {c for d in days_of_plan for c in d.categories} == set(index.categories)
    assert all(len(d.questions) <= 4 for d in days_of_plan)
    studied = [q for d in days_of_plan if not d.review for q in d.questions]
    assert len(studied) == len(set(studied)), "a question is given twice outside review days"
    assert [d.number for d in days_of_plan if d.review] == [n for n in range(1, days + 1) if n % REVIEW_EVERY == 0]


def test_frameworks_come_before_or_with_the_questions_that_use_them(mini: Path) -> None:
    index = _bank(mini)
    for route in ROUTES:
        introduced: dict[str, int] = {}
        for day in plan(index, route.days, per_day=5):
            for fid in day.frameworks:
                assert fid not in introduced, f"{fid} introduced twice"
                introduced[fid] = day.number
            for qid in day.questions:
                for fid in index.questions[qid].frameworks:
                    assert introduced.get(fid, day.number + 1) <= day.number, f"day {day.number}: {qid} uses {fid} before it is introduced"
        assert "ab-design" in introduced


def test_the_most_asked_questions_of_a_category_come_first(mini: Path) -> None:
    index = _bank(mini)
    days = plan(index, 21, per_day=3)
    data_days = [d for d in days if d.categories == ("data",) and not d.review]
    given = [index.questions[q] for d in data_days for q in d.questions]
    assert [frequency(q) for q in given] == sorted((frequency(q) for q in given), reverse=True)
    best = max(index.questions_by_category["data"], key=frequency)
    assert given[0].id == best.id or frequency(given[0]) == frequency(best)


def test_a_review_day_repeats_the_most_asked_questions_of_its_week(mini: Path) -> None:
    index = _bank(mini)
    days = plan(index, 7, per_day=4)
    review = days[6]
    week = [q for d in days[:6] for q in d.questions]
    assert review.review and review.frameworks == ()
    assert set(review.questions) <= set(week) and len(review.questions) == 4
    assert min(frequency(index.questions[q]) for q in review.questions) >= max(frequency(index.questions[q]) for q in week if q not in review.questions)


def test_plans_are_deterministic(mini: Path) -> None:
    index = _bank(mini)
    assert plan(index, 21, 6) == plan(Index(index.handbook), 21, 6)
    assert generate(mini)["routes/index.md"] == generate(mini)["routes/index.md"]


def test_a_plan_does_not_grow_with_the_bank(mini: Path) -> None:
    small, large = _bank(mini, 30), _bank(mini, 600)
    for index in (small, large):
        assert sum(len(d.questions) for d in plan(index, 21, 6)) <= 21 * 6


def test_days_go_to_the_larger_categories_without_empty_days_while_questions_last() -> None:
    assert assign([("a", 30), ("b", 6), ("c", 6)], 6, per_day=6) == [["a"], ["a"], ["a"], ["a"], ["b"], ["c"]]
    assert assign([("a", 7), ("b", 1)], 6, per_day=6) == [["a"], ["a"], ["b"], [], [], []]
    assert assign([("a", 1), ("b", 1), ("c", 1)], 2, per_day=6) == [["a", "b"], ["c"]]
    assert assign([("a", 1)], 0, per_day=6) == []


def test_an_empty_bank_gives_empty_days(mini: Path) -> None:
    handbook, _ = load_checked(mini)
    from dataclasses import replace

    empty = Index(replace(handbook, questions=(), stories=()))
    assert plan(empty, 7, 6) == [Day(n, (), (), (), review=n == 7) for n in range(1, 8)]


def test_story_questions_and_categories_are_checked_with_file_and_line(mini: Path) -> None:
    stories = (mini / "data/stories.yaml").read_text(encoding="utf-8")
    stories = stories.replace("questions: [q-001, q-002]", "questions: [q-001, q-404]").replace("categories: [payment]", "categories: [paymnt]")
    write_tree(mini, {"data/stories.yaml": stories})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    report = info.value.report()
    assert "data/stories.yaml:7:" in report and "条目 data-decision · 字段 questions[1]：未知题目 'q-404'。" in report
    assert "data/stories.yaml:13:" in report and "条目 conflict · 字段 categories[0]：未知分类 'paymnt'。是不是想写 'payment'？" in report


def test_story_fields_are_validated(mini: Path) -> None:
    write_tree(mini, {"data/stories.yaml": "- id: x\n  name: 故事\n  why: 因为\n  listens: []\n  order: 1\n  categories: [data]\n  extra: 1\n"})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    fields = {(p.file, p.line, p.field) for p in info.value.problems}
    assert ("data/stories.yaml", 4, "listens") in fields and ("data/stories.yaml", 7, "extra") in fields


def test_the_story_bank_is_optional(mini: Path) -> None:
    (mini / "data/stories.yaml").unlink()
    pages = generate(mini)
    assert "还没有收录故事。" in pages["stories/index.md"]
    assert "故事库" not in pages["questions/q-001.md"]


def test_question_pages_link_to_their_stories(mini: Path) -> None:
    pages = generate(mini)
    assert '<a href="../stories/index.md#story-data-decision">数据驱动的决定</a>' in pages["questions/q-001.md"]
    assert 'id="story-data-decision"' in pages["stories/index.md"]
    assert "故事库" not in pages["questions/q-003.md"]


def test_the_pages_stay_the_same_size_as_the_bank_grows(mini: Path) -> None:
    """#11: at 10,000 questions no page may carry the bank. A route lists per_day questions a day; the story bank
    lists at most STORY_QUESTIONS_MAX questions a story."""
    before = generate(mini)
    _bank(mini, 1500)
    after = generate(mini)
    days = sum(route.days for route in ROUTES)
    assert after["routes/index.md"].count('href="../questions/') <= days * 6
    assert after["stories/index.md"] == before["stories/index.md"]
