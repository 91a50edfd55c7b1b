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
  asked:
    - {{source: {source}, company: {company}, round: {round}}}
  frameworks: [{framework}]
  cases: [{case}]
  intent: 考察。
  outline: [a, b, c]
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
        "data/questions/new.yaml:4:10: 条目 q-9 · 字段 tags[0]：未知标签 'riks'。是不是想写 'risk'？可以写 id 或名称，已有的标签：ab-test（A/B 实验）、metrics（数据指标）、risk（风控）。"
    ]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (
            "category",
            "dta",
            "data/questions/new.yaml:3:3: 条目 q-9 · 字段 category：未知分类 'dta'。是不是想写 'data'？可以写 id 或名称，已有的分类：data（数据与实验）、payment（支付与风控）。",
        ),
        (
            "company",
            "acm",
            "data/questions/new.yaml:6:23: 条目 q-9 · 字段 asked[0].company：未知公司 'acm'。是不是想写 'acme'？可以写 id 或名称，已有的公司：acme（示例公司）。",
        ),
        (
            "round",
            "三面",
            "data/questions/new.yaml:6:38: 条目 q-9 · 字段 asked[0].round：未知轮次 '三面'。可以写 id 或名称，已有的轮次：first（一面）、hr（HR面）。",
        ),
        (
            "framework",
            "ab",
            "data/questions/new.yaml:7:16: 条目 q-9 · 字段 frameworks[0]：未知框架 'ab'。可以写 id 或名称，已有的框架：ab-design（A/B 实验设计）。",
        ),
        (
            "case",
            "case-x",
            "data/questions/new.yaml:8:11: 条目 q-9 · 字段 cases[0]：未知案例 'case-x'。是不是想写 'case-ab'？已有的案例：共 1 个，不逐一列出，请在 data/cases/ 中查找。",
        ),
        (
            "source",
            "note",
            "data/questions/new.yaml:6:8: 条目 q-9 · 字段 asked[0].source：未知出处 'note'。是不是想写 'notes'？已有的出处：article、notes。",
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


def test_names_and_synonyms_resolve_to_ids(mini: Path) -> None:
    values = {"category": "数据与实验", "tags": "AB测试, 风控", "company": "示例支付", "round": "HR面", "framework": "A/B 实验设计"}
    write_tree(mini, {"data/questions/new.yaml": QUESTION.format(**{**GOOD, **values})})
    handbook, _ = load_checked(mini)
    [q] = [q for q in handbook.questions if q.id == "q-9"]
    assert (q.category, q.tags, q.frameworks) == ("data", ["ab-test", "risk"], ["ab-design"])
    assert (q.asked[0].company, q.asked[0].round) == ("acme", "hr")


def test_a_name_and_its_id_count_as_a_duplicate(mini: Path) -> None:
    assert problems_with(mini, tags="risk, 风控") == ["data/questions/new.yaml:4:16: 条目 q-9 · 字段 tags[1]：'risk' 重复出现，请删除重复项。"]


def test_ambiguous_name_lists_the_candidates(mini: Path) -> None:
    tags = (mini / "data/tags.yaml").read_text(encoding="utf-8").replace("description: 风险控制。", "description: 风险控制。\n  synonyms: [AB测试]")
    write_tree(mini, {"data/tags.yaml": tags})
    assert problems_with(mini, tags="AB测试") == [
        "data/questions/new.yaml:4:10: 条目 q-9 · 字段 tags[0]：'AB测试' 可以指多个标签：ab-test（A/B 实验）、risk（风控）。请改写成其中一个的 id。"
    ]


@pytest.mark.parametrize(
    ("occurrence", "expected"),
    [
        (
            "{source: notes, section: 题目}",
            "条目 q-9 · 字段 asked[0]：写了小节 section: 题目 就要写该小节中的编号 line，如 line: 3；不知道编号就删掉 section。",
        ),
        ("{source: notes, date: 2025年5月}", "条目 q-9 · 字段 asked[0].date：日期格式不对：'2025年5月'。写成 2025、2025-05 或 2025-05-14。"),
        (
            "{source: notes, position: 全职}",
            "条目 q-9 · 字段 asked[0].position：未知招聘类型 '全职'。可以写 id 或名称，已有的招聘类型：campus（校招）、intern（实习）、social（社招）。",
        ),
        ("{source: notes, line: 0}", "条目 q-9 · 字段 asked[0].line：应大于等于 1，实际是 0。"),
    ],
)
def test_occurrence_traps_are_errors(mini: Path, occurrence: str, expected: str) -> None:
    text = f"- id: q-9\n  title: 题\n  category: data\n  tags: [risk]\n  asked:\n    - {occurrence}\n  intent: 考察。\n  outline: [a, b, c]\n"
    write_tree(mini, {"data/questions/new.yaml": text})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    assert [p.format().split(": ", 1)[1] for p in info.value.problems] == [expected]


def test_identical_occurrences_are_reported(mini: Path) -> None:
    text = "- id: q-9\n  title: 题\n  category: data\n  tags: [risk]\n  asked:\n    - {source: notes, line: 3}\n    - {source: notes, line: 3}\n  intent: 考察。\n  outline: [a, b, c]\n"
    write_tree(mini, {"data/questions/new.yaml": text})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    [problem] = info.value.problems
    assert (problem.line, problem.field) == (7, "asked[1]")
    assert "与 asked[0] 完全相同" in problem.message


def test_old_company_field_says_where_it_went(mini: Path) -> None:
    text = "- id: q-9\n  title: 题\n  category: data\n  tags: [risk]\n  company: acme\n  intent: 考察。\n  outline: [a, b, c]\n"
    write_tree(mini, {"data/questions/new.yaml": text})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    [problem] = info.value.problems
    assert "公司和轮次写在 asked 的每一条里" in problem.message


@pytest.mark.parametrize(("file", "text"), [("data/questions/new.yaml", None), ("data/companies.yaml", "unknown")])
def test_reserved_ids_are_refused(mini: Path, file: str, text: str | None) -> None:
    if text is None:
        write_tree(mini, {file: QUESTION.format(**GOOD).replace("q-9", "index")})
    else:
        write_tree(mini, {file: (mini / file).read_text(encoding="utf-8") + "- {id: unknown, name: 某公司, description: x}\n"})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    assert any("是保留字" in p.message for p in info.value.problems)


@pytest.mark.parametrize("count", [1, 2, 7])
def test_outline_outside_three_to_six_points_is_an_error(mini: Path, count: int) -> None:
    items = ", ".join(f"要点{i}" for i in range(count))
    write_tree(mini, {"data/questions/new.yaml": f"- id: q-9\n  title: 题\n  category: data\n  tags: [risk]\n  intent: 考察。\n  outline: [{items}]\n"})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    assert [p.format() for p in info.value.problems] == [
        f"data/questions/new.yaml:6:3: 条目 q-9 · 字段 outline：答题要点写 3–6 条，现在是 {count} 条：合并或拆分要点；只想引用答题框架时删掉 outline。"
    ]


def test_a_bare_year_is_a_date_and_a_whole_seed_source_can_be_cited(mini: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    write_tree(mini, {"data/questions/new.yaml": QUESTION.format(**GOOD).replace("round: first}", "round: first, date: 2025}")})
    handbook, _ = load_checked(mini)
    assert next(q for q in handbook.questions if q.id == "q-9").asked[0].date == "2025"


@pytest.mark.parametrize("count", [2, 6])
def test_followups_outside_three_to_five_are_an_error(mini: Path, count: int) -> None:
    items = "".join(f"    - {{question: 追问{i}, hint: 提示{i}}}\n" for i in range(count))
    write_tree(
        mini,
        {
            "data/questions/new.yaml": f"- id: q-9\n  title: 题\n  category: data\n  tags: [risk]\n  intent: 考察。\n  outline: [一, 二, 三]\n  followups:\n{items}"
        },
    )
    with pytest.raises(DataError) as info:
        load_checked(mini)
    assert [p.format() for p in info.value.problems] == [
        f"data/questions/new.yaml:7:3: 条目 q-9 · 字段 followups：追问写 3–5 条，现在是 {count} 条：补足最可能被问到的追问，或合并相近的几条。"
    ]


def test_a_handbook_written_question_has_no_occurrences(mini: Path) -> None:
    write_tree(mini, {"data/questions/new.yaml": QUESTION.format(**GOOD).replace("  intent:", "  origin: handbook\n  intent:", 1)})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    [problem] = info.value.problems
    assert problem.file == "data/questions/new.yaml"
    assert "不能有被问到的记录 asked" in problem.message and "删掉 origin" in problem.message


def test_signals_need_two_to_four_points_a_side(mini: Path) -> None:
    text = "- id: q-9\n  title: 题\n  category: data\n  tags: [risk]\n  intent: 考察。\n  outline: [一, 二, 三]\n  signals:\n    strong: [只有一条]\n    weak: [甲, 乙]\n"
    write_tree(mini, {"data/questions/new.yaml": text})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    [problem] = info.value.problems
    assert problem.format() == "data/questions/new.yaml:8:5: 条目 q-9 · 字段 signals.strong：至少需要 2 项。"
