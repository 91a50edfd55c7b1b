"""Loading YAML: syntax, schema and duplicate-key errors name file, line and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import write_tree
from handbook.build import load_checked
from handbook.load import load
from handbook.problems import DataError


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_checked(root)
    return [p.format() for p in info.value.problems]


def test_fixture_loads(mini: Path) -> None:
    handbook = load(mini / "data", mini)
    assert [q.id for q in handbook.questions] == ["q-001", "q-002", "q-003"]
    assert handbook.sources[0].date == "2025-05-14"  # dates stay text


def test_yaml_syntax_error_has_line_and_column(mini: Path) -> None:
    write_tree(mini, {"data/questions/bad.yaml": "- id: q-9\n  title: [未闭合\n"})
    [message] = problems_of(mini)
    assert message.startswith("data/questions/bad.yaml:3:1: YAML 语法错误（")
    assert "引号或括号未闭合" in message


def test_duplicate_key_is_reported(mini: Path) -> None:
    write_tree(
        mini,
        {"data/questions/dup.yaml": "- id: q-9\n  title: 题\n  title: 题二\n  category: data\n  tags: [risk]\n  intent: 考察。\n  outline: [a, b, c]\n"},
    )
    [message] = problems_of(mini)
    assert message == "data/questions/dup.yaml:3:3: 条目 q-9 · 字段 title：重复的键 'title'：同一条目里每个字段只能出现一次，请删除或合并其中一个。"


def test_missing_field_wrong_type_unknown_field_bad_id(mini: Path) -> None:
    text = "- id: Q_9\n  title: 题\n  category: data\n  tags: risk\n  intnt: 拼错\n"
    write_tree(mini, {"data/questions/bad.yaml": text})
    messages = problems_of(mini)
    assert messages == [
        "data/questions/bad.yaml:1:3: 条目 Q_9 · 字段 id：id 格式不对：'Q_9'。只能用小写英文字母、数字和连字符，如 ant-034（规则 ^[a-z0-9]+(-[a-z0-9]+)*$）。",
        "data/questions/bad.yaml:1:3: 条目 Q_9 · 字段 intent：缺少必填字段 'intent'。",
        "data/questions/bad.yaml:4:3: 条目 Q_9 · 字段 tags：应为列表（每项以 '- ' 开头，或写成 [a, b]），实际是 'risk'。",
        "data/questions/bad.yaml:5:3: 条目 Q_9 · 字段 intnt：未知字段 'intnt'。可用字段：id、title、category、tags、type、origin、asked、sources、background、intent、time、frameworks、outline、opening、cases、signals、pitfalls、followups。",
    ]


def test_empty_required_text(mini: Path) -> None:
    write_tree(mini, {"data/questions/bad.yaml": "- id: q-9\n  title: '  '\n  category: data\n  tags: [risk]\n  intent: 考察。\n  outline: [a, b, c]\n"})
    [message] = problems_of(mini)
    assert message.startswith("data/questions/bad.yaml:2:3: 条目 q-9 · 字段 title：不能为空")


def test_top_level_must_be_a_list(mini: Path) -> None:
    write_tree(mini, {"data/tips/bad.yaml": "id: tip-9\ntext: x\n"})
    assert problems_of(mini) == ["data/tips/bad.yaml:1:1: 文件顶层应是列表：每个条目以 '- ' 开头。"]


def test_yml_extension_is_flagged(mini: Path) -> None:
    write_tree(mini, {"data/questions/new.yml": "- id: q-9\n"})
    assert problems_of(mini) == ["data/questions/new.yml: 扩展名应为 .yaml（小写，不是 .yml），否则不会被读取：请改名为 new.yaml。"]


def test_missing_vocabulary_file(mini: Path) -> None:
    (mini / "data" / "tags.yaml").unlink()
    assert "data/tags.yaml: 缺少必需的数据文件。" in problems_of(mini)


def test_all_problems_collected_before_stopping(mini: Path) -> None:
    write_tree(mini, {"data/questions/a.yaml": "- id: q-9\n", "data/tips/b.yaml": "- [\n"})
    messages = problems_of(mini)
    assert any(m.startswith("data/questions/a.yaml") for m in messages)
    assert any(m.startswith("data/tips/b.yaml") for m in messages)


@pytest.mark.parametrize("value", ["!foo x", "!!python/name:os.system x", "!!python/object:os.system {}"])
def test_custom_yaml_tags_are_refused_with_a_position(mini: Path, value: str) -> None:
    write_tree(mini, {"data/questions/bad.yaml": f"- id: q-9\n  title: {value}\n"})
    [message] = problems_of(mini)
    assert message.startswith("data/questions/bad.yaml:2:10: YAML 语法错误（不支持的标签 ")


@pytest.mark.parametrize("url", ["javascript:alert(1)", 'https://example.com/"><img src=x onerror=alert(1)>', "data:text/html,<b>x</b>", "ftp://example.com/a"])
def test_source_url_must_be_a_web_address(mini: Path, url: str) -> None:
    """Source addresses become links on many pages: only http(s) addresses with nothing that could break out of the attribute."""
    sources = (mini / "data/sources.yaml").read_text(encoding="utf-8").replace("url: https://example.com/article", f"url: '{url}'")
    write_tree(mini, {"data/sources.yaml": sources})
    [message] = problems_of(mini)
    assert message.startswith("data/sources.yaml:9:") and "字段 url" in message and "http:// 或 https://" in message


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BOMB, "不支持锚点与别名"),  # expands to 9^9 strings if followed
        ("- &q {id: q-9}\n- *q\n", "不支持锚点与别名"),
        ("- &base {title: 题}\n- id: q-9\n  <<: *base\n", "不支持"),
        ("x: " + "[" * 5000 + "]" * 5000 + "\n", "嵌套太深"),
        ("x: " + "{a: " * 30 + "1" + "}" * 30 + "\n", "嵌套太深"),
    ],
    ids=["alias-bomb", "alias", "merge-key", "5000-deep", "30-deep"],
)
def test_hostile_yaml_is_refused_quickly_with_a_message(mini: Path, text: str, expected: str) -> None:
    write_tree(mini, {"data/questions/hostile.yaml": text})
    messages = problems_of(mini)
    assert any(m.startswith("data/questions/hostile.yaml") and expected in m for m in messages), messages


def test_upper_case_extension_and_misnamed_vocabulary_file_are_named(mini: Path) -> None:
    (mini / "data/questions/main.yaml").rename(mini / "data/questions/main.YAML")
    (mini / "data/companies.yaml").rename(mini / "data/companies.yml")
    messages = problems_of(mini)
    assert "data/questions/main.YAML: 扩展名应为 .yaml（小写，不是 .YAML），否则不会被读取：请改名为 main.yaml。" in messages
    assert "data/companies.yml: 扩展名应为 .yaml（小写，不是 .yml），否则不会被读取：请改名为 companies.yaml。" in messages


@pytest.mark.parametrize("content", ["", "# 暂时清空\n"])
def test_an_emptied_file_is_an_error_not_a_silent_loss(mini: Path, content: str) -> None:
    write_tree(mini, {"data/categories.yaml": content})
    messages = problems_of(mini)
    assert messages[0] == "data/categories.yaml: 文件是空的（或只有注释），里面没有任何条目：不再需要就删除这个文件；确实没有条目时写 []。"


def test_kept_files_are_parsed_again_only_when_their_text_changes(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs serve keeps each file's entries between loads (load.keep_files): the result is a fresh load's."""
    import handbook.load as load_module

    write_tree(mini, {"data/questions/extra.yaml": "- id: q-050\n  title: 题\n  category: data\n  tags: [未知]\n  intent: x\n  outline: [a, b, c]\n"})
    parsed: list[str] = []
    real = load_module._parse_file

    def parse_counted(text: str, rel: str, *rest: Any) -> load_module.Entries:
        parsed.append(rel)
        return real(text, rel, *rest)

    monkeypatch.setattr(load_module, "_parse_file", parse_counted)
    load_module.keep_files()
    try:
        first = load(mini / "data", mini)
        files = len(parsed)
        again = load(mini / "data", mini)
        assert len(parsed) == files and again == first  # nothing parsed twice
        main = mini / "data/questions/main.yaml"
        main.write_text(main.read_text(encoding="utf-8").replace("AB 实验如何设计？", "AB 实验怎样设计？"), encoding="utf-8")
        edited = load(mini / "data", mini)
        assert parsed[files:] == ["data/questions/main.yaml"]
    finally:
        load_module.keep_files(False)
    assert edited == load(mini / "data", mini)
    assert next(q.title for q in edited.questions if q.id == "q-001") == "AB 实验怎样设计？"
