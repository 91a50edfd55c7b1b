"""Cross-reference validation: exact messages for the main error kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_tree
from handbook.build import load_checked
from handbook.problems import DataError

QUESTION = """- id: q-9
  title: 新题
  category: {category}
  tags: [{tags}]
  company: {company}
  round: {round}
  frameworks: [{framework}]
  cases: [{case}]
  sources: [{{source: {source}}}]
  intent: 考察。
  outline: [a]
"""

GOOD = {"category": "data", "tags": "risk", "company": "acme", "round": "first", "framework": "ab-design", "case": "case-ab", "source": "notes"}


def problems_with(mini: Path, **changes: str) -> list[str]:
    write_tree(mini, {"data/questions/new.yaml": QUESTION.format(**{**GOOD, **changes})})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    return [p.format() for p in info.value.problems]


def test_good_question_passes(mini: Path) -> None:
    write_tree(mini, {"data/questions/new.yaml": QUESTION.format(**GOOD)})
    handbook, _ = load_checked(mini)
    assert "q-9" in [q.id for q in handbook.questions]


def test_unknown_tag_lists_known_tags_and_suggests(mini: Path) -> None:
    assert problems_with(mini, tags="riks") == [
        "data/questions/new.yaml:4:10: 条目 q-9 · 字段 tags[0]：未知标签 'riks'。是不是想写 'risk'？已有的标签：ab-test（A/B 实验）、metrics（数据指标）、risk（风控）。"
    ]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (
            "category",
            "dta",
            "data/questions/new.yaml:3:3: 条目 q-9 · 字段 category：未知分类 'dta'。是不是想写 'data'？已有的分类：data（数据与实验）、payment（支付与风控）。",
        ),
        ("company", "acm", "data/questions/new.yaml:5:3: 条目 q-9 · 字段 company：未知公司 'acm'。是不是想写 'acme'？已有的公司：acme（示例公司）。"),
        ("round", "third", "data/questions/new.yaml:6:3: 条目 q-9 · 字段 round：未知轮次 'third'。已有的轮次：first（一面）、hr（HR面）。"),
        ("framework", "ab", "data/questions/new.yaml:7:16: 条目 q-9 · 字段 frameworks[0]：未知框架 'ab'。已有的框架：ab-design（A/B 实验设计）。"),
        (
            "case",
            "case-x",
            "data/questions/new.yaml:8:11: 条目 q-9 · 字段 cases[0]：未知案例 'case-x'。是不是想写 'case-ab'？已有的案例：共 1 个，不逐一列出，请在 data/cases/ 中查找。",
        ),
        (
            "source",
            "note",
            "data/questions/new.yaml:9:14: 条目 q-9 · 字段 sources[0].source：未知出处 'note'。是不是想写 'notes'？已有的出处：article、notes。",
        ),
    ],
)
def test_unknown_references(mini: Path, field: str, value: str, expected: str) -> None:
    assert problems_with(mini, **{field: value}) == [expected]


def test_duplicate_id_names_the_first_place(mini: Path) -> None:
    write_tree(mini, {"data/questions/new.yaml": QUESTION.format(**GOOD).replace("q-9", "q-001")})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    assert [p.format() for p in info.value.problems] == [
        "data/questions/new.yaml:1:3: 条目 q-001 · 字段 id：题目 id 'q-001' 重复，已在 data/questions/main.yaml:1 使用。每个 id 必须唯一。"
    ]


def test_unknown_question_in_tip(mini: Path) -> None:
    write_tree(mini, {"data/tips/new.yaml": "- id: tip-9\n  text: x\n  kind: process\n  questions: [q-404]\n"})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    [problem] = info.value.problems
    assert problem.format().startswith("data/tips/new.yaml:4:15: 条目 tip-9 · 字段 questions[0]：未知题目 'q-404'。")


def test_question_needs_outline_or_framework(mini: Path) -> None:
    write_tree(mini, {"data/questions/new.yaml": "- id: q-9\n  title: 题\n  category: data\n  tags: [risk]\n  intent: 考察。\n"})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    assert [p.message for p in info.value.problems] == ["需要答题要点 outline（3–6 条）或至少一个答题框架 frameworks。"]


def test_seed_line_out_of_range(mini: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seeds = write_tree(tmp_path / "seeds", {"n.txt": "# 题目\n\n```\n1. 一\n2. 二\n```\n"})
    text = (mini / "data/sources.yaml").read_text(encoding="utf-8").replace("licence: 笔记整理。", "licence: 笔记整理。\n  seed: n.txt")
    write_tree(mini, {"data/sources.yaml": text})
    monkeypatch.setenv("HANDBOOK_SEEDS", str(seeds))
    with pytest.raises(DataError) as info:
        load_checked(mini)
    messages = [p.message for p in info.value.problems]
    assert "出处 notes 的小节 题目 没有第 34 条（编号范围 1–2）。" in messages
    assert "出处 notes 没有小节 '经验'。可用小节：题目。" in messages
