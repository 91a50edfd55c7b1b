"""The real handbook content: every seed line accounted for, quality floors, no copied text."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import ROOT
from handbook.build import generate, load_checked
from handbook.relations import frequency
from handbook.seeds import seeds_dir, units
from handbook.stats import stats

pytestmark = [pytest.mark.real_data, pytest.mark.seeds]

SEEDS = seeds_dir(ROOT)
ANT = "000_0a8506b57343afb3.txt"
ARTICLE = "002_bf223563e3c763a4.txt"


@pytest.fixture(scope="module")
def loaded():  # type: ignore[no-untyped-def]
    assert SEEDS.is_dir(), f"seed files not found at {SEEDS} (set HANDBOOK_SEEDS)"
    return load_checked(ROOT)


def test_seed_units_come_from_the_files(loaded) -> None:  # type: ignore[no-untyped-def]
    _, found = loaded
    ant = units((SEEDS / ANT).read_text(encoding="utf-8"), "ant-notes")
    article = units((SEEDS / ARTICLE).read_text(encoding="utf-8"), "woshipm-town")
    assert Counter(u.section for u in ant) == {"面试题目": 140, "面试经验": 64}
    assert [u.number for u in article] == list(range(1, 11))
    assert len(found) == len(ant) + len(article)


def test_every_seed_line_is_accounted_for(loaded) -> None:  # type: ignore[no-untyped-def]
    handbook, found = loaded
    numbers = stats(handbook, found)
    assert numbers["seed_lines_unaccounted"] == []
    assert numbers["seed_lines_accounted"] == numbers["seed_lines_total"] == len(found)


def test_every_question_has_intent_and_outline_or_framework(loaded) -> None:  # type: ignore[no-untyped-def]
    handbook, found = loaded
    numbers = stats(handbook, found)
    assert numbers["questions_with_intent"] == numbers["questions"]
    assert numbers["questions_with_outline_or_framework"] == numbers["questions"]


def test_merged_questions_keep_every_line_as_an_occurrence(loaded) -> None:  # type: ignore[no-untyped-def]
    """A question merged from several seed lines is asked once per line: frequency counts them."""
    handbook, found = loaded
    asked_lines = [(o.source, o.section, o.line) for q in handbook.questions for o in q.asked]
    assert len(asked_lines) == len(set(asked_lines)), "a seed line is recorded as asked by two questions"
    question_units = {(u.source, u.section, u.number) for u in found if u.section in ("面试题目", "E")}
    tip_lines = {(r.source, r.section, n) for t in handbook.tips for r in t.sources for n in r.lines}
    omitted = {(r.source, r.section, n) for o in handbook.omissions for r in o.sources for n in r.lines}
    # Every numbered question line of the notes is either an occurrence, or commentary kept as a tip, or omitted.
    assert question_units <= set(asked_lines) | tip_lines | omitted
    by_id = {q.id: q for q in handbook.questions}
    assert [o.line for o in by_id["ant-009"].asked if o.section == "面试题目"] == [9, 111, 122, 140]
    assert frequency(by_id["ant-009"]) == 5
    assert {o.round for o in by_id["ant-100"].asked} == {"hr"}


def test_ant_questions_meet_the_content_bar(loaded) -> None:  # type: ignore[no-untyped-def]
    handbook, _ = loaded
    cases = {c.id: c for c in handbook.cases}
    ant = [q for q in handbook.questions if any(o.source == "ant-notes" for o in q.asked)]
    assert len(ant) >= 80
    for q in ant:
        assert all(o.company == "ant-group" for o in q.asked if o.source == "ant-notes"), q.id
        assert 1 <= len(q.tags) <= 4, q.id
        assert 3 <= len(q.outline) <= 6 or q.frameworks, q.id
    illustrated = [q for q in ant if any(cases[c].kind == "illustration" for c in q.cases)]
    assert len(illustrated) >= 25


REHEARSED_TYPES = {"motivation", "project", "behavioral", "self-intro"}
"""Question types a candidate answers from their own story: each needs an example or a model opening to adapt."""


def test_every_question_can_be_rehearsed(loaded) -> None:  # type: ignore[no-untyped-def]
    """Follow-ups, strong/weak signals and a speaking time everywhere; a story to adapt where the answer is personal."""
    handbook, _ = loaded
    for q in handbook.questions:
        assert q.type and q.time and q.signals and len(q.followups) >= 3, q.id
        if q.category in {"motivation", "career-hr", "project"} or q.type in REHEARSED_TYPES:
            assert q.cases or q.opening, f"{q.id}: needs an example or an opening"
    assert sum(q.origin == "handbook" for q in handbook.questions) >= 15
    types = Counter(q.type for q in handbook.questions)
    assert all(
        types[t] >= n
        for t, n in {"self-intro": 2, "reverse": 1, "group": 1, "estimation": 3, "metrics": 3, "ai": 2, "b-side": 2, "industry": 2, "teardown": 2}.items()
    ), types


def test_tags_are_shared(loaded) -> None:  # type: ignore[no-untyped-def]
    """Every tag gathers at least two questions and every question has at least two tags, so tag pages and
    related questions (weighted by how rare a shared tag is) have something to show."""
    handbook, _ = loaded
    used = Counter(t for q in handbook.questions for t in q.tags)
    assert [t.id for t in handbook.tags if used[t.id] < 2] == []
    assert [q.id for q in handbook.questions if len(q.tags) < 2] == []


def test_each_article_question_has_framework_and_adapted_case(loaded) -> None:  # type: ignore[no-untyped-def]
    handbook, _ = loaded
    cases = {c.id: c for c in handbook.cases}
    frameworks = {f.id: f for f in handbook.frameworks}
    for n in range(1, 11):
        [q] = [q for q in handbook.questions if any(o.source == "woshipm-town" and o.line == n for o in q.asked)]
        assert any(any(r.source == "woshipm-town" and n in r.lines for r in frameworks[f].sources) for f in q.frameworks), q.id
        assert any(cases[c].kind == "adapted" and any(n in r.lines for r in cases[c].sources) for c in q.cases), q.id


def test_frameworks_library(loaded) -> None:  # type: ignore[no-untyped-def]
    handbook, _ = loaded
    used = {f for q in handbook.questions for f in q.frameworks}
    assert len(handbook.frameworks) >= 12
    for fw in handbook.frameworks:
        assert fw.when and len(fw.steps) >= 2 and fw.pitfalls, fw.id
        assert fw.id in used, f"framework {fw.id} is used by no question"


def test_categories_and_tags(loaded) -> None:  # type: ignore[no-untyped-def]
    handbook, _ = loaded
    assert 8 <= len(handbook.categories) <= 12
    used = Counter(c.category for c in handbook.questions)
    assert all(used[c.id] > 0 for c in handbook.categories)
    assert {"AB实验", "AB测试"} <= set(next(t for t in handbook.tags if t.id == "ab-test").synonyms)


def test_tips_cover_the_ant_process(loaded) -> None:  # type: ignore[no-untyped-def]
    handbook, _ = loaded
    kinds = Counter(t.kind for t in handbook.tips)
    assert all(kinds[k.id] > 0 for k in handbook.tip_kinds)
    ant = next(c for c in handbook.companies if c.id == "ant-group")
    assert [e.date for e in ant.timeline] == ["2025-03-30", "2025-04-14", "2025-04-21", "2025-05-04", "2025-05-15"]


def _article_body() -> str:
    """The article's own prose: no title, metadata, links or footer boilerplate."""
    text = (SEEDS / ARTICLE).read_text(encoding="utf-8")
    text = _plain(text.split("本文由 @Town 原创发布")[0])
    kept = []
    for line in text.splitlines():
        if "超干货" in line or line.startswith(("{%", "**Category", "**Author", "**Published", "**Stats", "**Tags", "**Original", "[![")):
            continue
        kept.append(re.sub(r"\(https?://[^)]*\)", "", line))
    return "\n".join(kept)


def _windows(text: str, size: int) -> set[str]:
    found = set()
    for line in text.splitlines():
        line = re.sub(r"^\s*(?:[*>#-]+|\d+[.)）]|\*\*\d+）)\s*", "", line).strip()
        for i in range(len(line) - size + 1):
            found.add(line[i : i + size])
    return found


def _plain(text: str) -> str:
    """Drop Markdown emphasis and escapes, which are markup rather than wording."""
    return re.sub(r"\*\*|\\(?=[\\`*_{}\[\]])", "", text)


def test_no_fifteen_character_run_of_the_article_is_reproduced() -> None:
    data = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").rglob("*.yaml")))
    pages = _plain("\n".join(generate(ROOT).values()))
    copied = sorted(w for w in _windows(_article_body(), 15) if w in data or w in pages)
    assert copied == [], f"copied from the article: {copied[:10]}"


def test_article_sentences_are_not_reproduced() -> None:
    data = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").rglob("*.yaml")))
    sentences = [s.strip() for s in re.split(r"[。！？；\n]", _article_body()) if len(s.strip()) >= 15]
    assert sentences, "the article body should have sentences"
    assert [s for s in sentences if s in data] == []


def test_every_page_that_draws_on_the_article_cites_it(loaded) -> None:  # type: ignore[no-untyped-def]
    handbook, _ = loaded
    frameworks = {f.id for f in handbook.frameworks if any(r.source == "woshipm-town" for r in f.sources)}
    cases = {c.id for c in handbook.cases if any(r.source == "woshipm-town" for r in c.sources)}
    drawn = frameworks | cases
    paths = ["frameworks/index.md", "cases/index.md"]
    paths += [f"frameworks/{i}.md" for i in sorted(frameworks)] + [f"cases/{i}.md" for i in sorted(cases)]
    paths += [f"questions/{q.id}.md" for q in handbook.questions if any(o.source == "woshipm-town" for o in q.asked) or drawn & set(q.frameworks + q.cases)]
    pages = generate(ROOT)
    assert len(paths) > 20
    for path in paths:
        text = pages[path]
        for fact in ("Town", "超干货！10 道产品经理面试高频问题", "2025-02-11", "https://www.woshipm.com/zhichang/6176804.html"):
            assert fact in text, f"{path} lacks {fact}"
