"""YAML that silently means something else: full-width colons, ' #' in values, unquoted yes/no/on/off."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, write_tree
from handbook.build import load_checked
from handbook.problems import DataError
from handbook.traps import full_width_colons

REST = "  category: data\n  tags: [risk]\n  intent: 考察。\n  outline: [a, b, c]\n"


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_checked(root)
    return [p.format() for p in info.value.problems]


# ---------------------------------------------------------------- full-width colon after a key


def test_full_width_colon_after_a_key(mini: Path) -> None:
    write_tree(mini, {"data/questions/bad.yaml": "- id: q-9\n  title：用户增长怎么做？\n" + REST})
    assert problems_of(mini) == [
        "data/questions/bad.yaml:2:8: 条目 q-9 · 字段 title：键后面用了全角冒号“：”，请改成半角冒号加空格“: ”，如 title: …。",
    ]


def test_full_width_colon_on_the_first_key_of_an_entry_and_in_a_nested_list(mini: Path) -> None:
    text = "- id：q-9\n  title: 题\n" + REST + "- id: q-10\n  title: 题\n  asked:\n    - source：notes\n" + REST
    write_tree(mini, {"data/questions/bad.yaml": text})
    assert problems_of(mini) == [
        "data/questions/bad.yaml:1:5: 字段 id：键后面用了全角冒号“：”，请改成半角冒号加空格“: ”，如 id: …。",
        "data/questions/bad.yaml:10:13: 条目 q-10 · 字段 source：键后面用了全角冒号“：”，请改成半角冒号加空格“: ”，如 source: …。",
    ]


def test_full_width_colons_in_text_are_fine(mini: Path) -> None:
    text = (
        "- id: q-9\n  title: 题目：怎么做？\n  category: data\n  tags: [risk]\n"
        "  intent: |\n    title：这是块文字里的一行\n  outline:\n    - toB：面向商户\n    - 先定目标：再拆指标\n    - 最后：验证\n"
    )
    write_tree(mini, {"data/questions/ok.yaml": text})
    handbook, _ = load_checked(mini)
    assert any(q.id == "q-9" for q in handbook.questions)


def test_block_scalar_detection_ends_with_the_block() -> None:
    text = "- id: q-9\n  intent: >\n    title：文字\n  title：题\n"
    assert [(p.line, p.field) for p in full_width_colons(text, "f.yaml")] == [(4, "title")]


# ---------------------------------------------------------------- ' #' inside a value


def test_hash_after_a_space_drops_the_rest_of_the_value(mini: Path) -> None:
    write_tree(mini, {"data/questions/bad.yaml": "- id: q-9\n  title: 用户增长 #1 指标\n" + REST})
    assert problems_of(mini) == [
        "data/questions/bad.yaml:2:10: 条目 q-9 · 字段 title：“#1 指标”被 YAML 当成注释丢掉了，实际只读到“用户增长”。"
        '如果这是内容，请给整个值加引号：title: "用户增长 #1 指标"；如果是注释，请在 # 后加一个空格。',
    ]


def test_hash_in_a_list_item(mini: Path) -> None:
    text = "- id: q-9\n  title: 题\n  category: data\n  tags: [risk]\n  intent: 考察。\n  outline:\n    - 先看话题 #增长\n    - 二\n    - 三\n"
    write_tree(mini, {"data/questions/bad.yaml": text})
    assert problems_of(mini) == [
        "data/questions/bad.yaml:7:7: 条目 q-9 · 字段 outline[0]：“#增长”被 YAML 当成注释丢掉了，实际只读到“先看话题”。"
        '如果这是内容，请给整个值加引号：- "先看话题 #增长"；如果是注释，请在 # 后加一个空格。',
    ]


def test_comments_with_a_space_quoted_values_and_c_sharp_are_fine(mini: Path) -> None:
    text = "- id: q-9   # 新题\n  title: '用户增长 #1 指标'\n  category: data  # 分类\n  tags: [risk]\n  intent: 会 C# 的产品经理。\n  outline: [a, b, c]\n"
    write_tree(mini, {"data/questions/ok.yaml": text})
    handbook, _ = load_checked(mini)
    assert next(q for q in handbook.questions if q.id == "q-9").title == "用户增长 #1 指标"


# ---------------------------------------------------------------- yes/no/on/off read as true/false


@pytest.mark.parametrize(("spelling", "read"), [("yes", "true"), ("No", "false"), ("on", "true"), ("OFF", "false"), ("true", "true")])
def test_unquoted_boolean_where_text_is_expected(mini: Path, spelling: str, read: str) -> None:
    write_tree(mini, {"data/questions/bad.yaml": f"- id: q-9\n  title: {spelling}\n" + REST})
    assert problems_of(mini) == [
        f"data/questions/bad.yaml:2:3: 条目 q-9 · 字段 title：应为文字，但 {spelling} 没加引号，被 YAML 读成了真假值 {read}。请给它加引号：'{spelling}'。",
    ]


def test_unquoted_boolean_in_a_list_and_a_nested_mapping(mini: Path) -> None:
    text = (
        "- id: q-9\n  title: 题\n  category: data\n  tags: [risk, on]\n  asked:\n    - {source: notes, company: no}\n  intent: 考察。\n  outline: [a, b, c]\n"
    )
    write_tree(mini, {"data/questions/bad.yaml": text})
    assert problems_of(mini) == [
        "data/questions/bad.yaml:4:16: 条目 q-9 · 字段 tags[1]：应为文字，但 on 没加引号，被 YAML 读成了真假值 true。请给它加引号：'on'。",
        "data/questions/bad.yaml:6:23: 条目 q-9 · 字段 asked[0].company：应为文字，但 no 没加引号，被 YAML 读成了真假值 false。请给它加引号：'no'。",
    ]


def test_quoted_yes_is_text(mini: Path) -> None:
    write_tree(mini, {"data/questions/ok.yaml": "- id: q-9\n  title: 'yes'\n" + REST})
    handbook, _ = load_checked(mini)
    assert next(q for q in handbook.questions if q.id == "q-9").title == "yes"


def test_traps_through_the_cli_have_no_traceback(mini: Path) -> None:
    write_tree(mini, {"data/questions/bad.yaml": "- id: q-9\n  title：题\n" + REST, "data/tips/bad.yaml": "- id: tip-9\n  text: off\n  kind: process\n"})
    result = run_cli("--root", str(mini), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "data/questions/bad.yaml:2:8: 条目 q-9 · 字段 title：键后面用了全角冒号“：”" in result.stderr
    assert "data/tips/bad.yaml:2:3: 条目 tip-9 · 字段 text：应为文字，但 off 没加引号" in result.stderr
