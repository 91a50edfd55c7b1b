"""``handbook new``: the next free id, the file kept byte for byte, nothing written unless the result passes the check."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import run_cli, write_tree
from handbook import scaffold
from handbook.build import load_checked
from handbook.scaffold import Request, numbered, shared_prefix

QUESTIONS = "data/questions/main.yaml"
COMMENTED = (
    "# 示例题目：文件开头的说明。\n"
    "# 第二行说明，含全角：冒号与 # 号。\n"
    "\n"
    "- id: q-001   # 行尾注释\n"
    "  title: AB 实验如何设计？\n"
    "  category: data\n"
    "  tags: [ab-test, metrics]      # 对齐的注释\n"
    "  intent: 考察实验设计的严谨性。\n"
    "  outline: [明确假设, 选指标, 分流]\n"
    "  cases: [case-ab]\n"
    "\n"
    "# 两个条目之间的注释\n"
    "- id: q-002\n"
    "  title:   '指标异常时怎么排查？'\n"
    "  category: 数据与实验\n"
    "  tags:\n"
    "  - 数据指标\n"
    "  intent: >-\n"
    "    考察排查思路。\n"
    "  outline: [先查数据, 再拆维度, 最后验证]\n"
    "- {id: q-003, title: 风险题, category: payment, tags: [risk], intent: 考察。, outline: [a, b, c]}\n"
    "# 文件末尾的注释\n"
)
VALID = (
    "--title",
    "如何衡量推荐效果？",
    "--category",
    "data",
    "--tag",
    "metrics",
    "--intent",
    "考察指标体系。",
    "--outline",
    "先定目标",
    "--outline",
    "再拆维度",
    "--outline",
    "最后验证",
)


def new(mini: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli("--root", str(mini), "new", *args)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout, result.stderr


def text(mini: Path, rel: str = QUESTIONS) -> str:
    return (mini / rel).read_bytes().decode("utf-8")


@pytest.fixture
def commented(mini: Path) -> Path:
    write_tree(mini, {QUESTIONS: COMMENTED})
    return mini


# ---------------------------------------------------------------- the file and the id


def test_existing_bytes_and_comments_survive_and_the_entry_is_appended(commented: Path) -> None:
    code, out, err = new(commented, "question", *VALID)
    assert code == 0, err
    after = text(commented)
    assert after.startswith(COMMENTED), "every existing byte, comments included, stays as it was"
    assert after[len(COMMENTED) :] == (
        "- id: q-004\n  title: 如何衡量推荐效果？\n  category: data\n  tags: [metrics]\n  intent: 考察指标体系。\n  outline:\n    - 先定目标\n    - 再拆维度\n    - 最后验证\n"
    )
    assert f"已写入 {QUESTIONS} 第 23 行：题目 q-004。" in out
    assert "接下来：" in out and "http://127.0.0.1:8000/questions/q-004/" in out
    assert run_cli("--root", str(commented), "check").returncode == 0
    loaded = YAML().load(after)
    assert [item["id"] for item in loaded] == ["q-001", "q-002", "q-003", "q-004"]


def test_next_id_continues_the_series_across_the_collection(mini: Path) -> None:
    write_tree(mini, {"data/questions/more.yaml": "- id: q-017\n  title: 题\n  category: data\n  tags: [risk]\n  intent: 考察。\n  outline: [a, b, c]\n"})
    code, out, err = new(mini, "question", *VALID, "--file", QUESTIONS)
    assert code == 0, err
    assert "题目 q-018。" in out
    assert run_cli("--root", str(mini), "check").returncode == 0


def test_default_file_is_the_most_recently_modified(mini: Path) -> None:
    write_tree(mini, {"data/questions/zz-old.yaml": "- id: z-001\n  title: 题\n  category: data\n  tags: [risk]\n  intent: 考察。\n  outline: [a, b, c]\n"})
    os.utime(mini / "data/questions/zz-old.yaml", (1_700_000_000, 1_700_000_000))  # older than main.yaml
    code, out, _ = new(mini, "question", *VALID)
    assert code == 0
    assert f"写入最近修改的题目文件 {QUESTIONS}（用 --file 指定其他文件）。" in out
    assert "- id: q-004\n" in text(mini)


def test_blank_lines_between_entries_are_followed(mini: Path) -> None:
    spaced = text(mini).replace("\n- id: q-00", "\n\n- id: q-00")
    write_tree(mini, {QUESTIONS: spaced})
    assert new(mini, "question", *VALID)[0] == 0
    assert (
        text(mini)
        == spaced
        + "\n- id: q-004\n  title: 如何衡量推荐效果？\n  category: data\n  tags: [metrics]\n  intent: 考察指标体系。\n  outline:\n    - 先定目标\n    - 再拆维度\n    - 最后验证\n"
    )


def test_new_file_gets_a_chinese_header_and_needs_a_prefix(mini: Path) -> None:
    code, _, err = new(mini, "question", *VALID, "--file", "data/questions/new.yaml")
    assert code == 1
    assert err.strip() == ("new.yaml 里还没有条目，无法接着编号：请用 --prefix 指定编号前缀（如 --prefix ant- 得到 ant-001），或用 --id 直接指定 id。")
    assert not (mini / "data/questions/new.yaml").exists()
    code, out, err = new(mini, "question", *VALID, "--file", "data/questions/new.yaml", "--prefix", "pay-")
    assert code == 0, err
    assert "新建并写入 data/questions/new.yaml 第 2 行：题目 pay-001。" in out
    assert text(mini, "data/questions/new.yaml").startswith("# 题目（由 handbook new 创建）。每个条目以“- ”开头，")
    assert run_cli("--root", str(mini), "check").returncode == 0


def test_file_must_be_where_the_loader_reads(mini: Path) -> None:
    code, _, err = new(mini, "question", *VALID, "--file", "data/new.yaml")
    assert code == 1
    assert err.strip() == "题目文件必须直接放在 data/questions/ 下、扩展名为 .yaml，否则不会被读取：data/new.yaml"


def test_mixed_prefixes_ask_for_one(mini: Path) -> None:
    write_tree(mini, {"data/tips/main.yaml": text(mini, "data/tips/main.yaml").replace("id: tip-2", "id: tip-x2")})
    code, _, err = new(mini, "tip", "--text", "二面很看重复盘。", "--kind", "review")
    assert code == 1
    assert "这个文件里的编号前缀有：tip-、tip-x。请用 --prefix 指定前缀（如 --prefix tip-）" in err


def test_id_helpers() -> None:
    assert shared_prefix(["ant-001", "ant-050"]) == "ant-"
    assert shared_prefix(["tip-ant-003", "tip-ant-x64"]) is None
    assert shared_prefix(["star", "payment-chain-risk"]) is None
    assert numbered("ant-", {"ant-001", "ant-050", "ant-x04"}) == "ant-051"
    assert numbered("ant-x", {"ant-001", "ant-x04", "ant-x63"}) == "ant-x64"
    assert numbered("q-", {"q-1", "q-2"}) == "q-3"
    assert numbered("wsp-e", set()) == "wsp-e001"
    with pytest.raises(scaffold.ScaffoldError, match="组不成合法的 id"):
        numbered("Ant_", set())


# ---------------------------------------------------------------- values and validation


def test_names_are_accepted(mini: Path) -> None:
    args: tuple[str, ...] = ("--category", "数据与实验", "--tag", "AB测试,数据指标", "--source", "notes", "--section", "题目", "--line", "50")
    args += ("--company", "示例支付", "--round", "一面", "--date", "2025-04", "--position", "校招", "--framework", "A/B 实验设计")
    code, _, err = new(mini, "question", "--title", "如何评估新功能？", *args, "--intent", "考察实验。")
    assert code == 0, err
    assert text(mini).endswith(
        "- id: q-004\n  title: 如何评估新功能？\n  category: 数据与实验\n  tags: [AB测试, 数据指标]\n  asked:\n"
        "    - {source: notes, section: 题目, line: 50, company: 示例支付, round: 一面, date: 2025-04, position: 校招}\n"
        "  intent: 考察实验。\n  frameworks: [A/B 实验设计]\n"
    )
    handbook, _ = load_checked(mini)
    question = next(q for q in handbook.questions if q.id == "q-004")
    assert (question.category, question.tags, question.frameworks) == ("data", ["ab-test", "metrics"], ["ab-design"])
    assert (question.asked[0].company, question.asked[0].round, question.asked[0].position) == ("acme", "first", "campus")


def test_text_yaml_would_misread_is_quoted(mini: Path) -> None:
    quoted = ("--outline", "yes", "--outline", "用户增长 #1 指标", "--outline", "2025")
    code, _, err = new(mini, "question", *VALID[:-6], "--outline", "先定目标", *quoted, "--pitfall", "key: value")
    assert code == 0, err
    assert '    - "yes"\n    - "用户增长 #1 指标"\n    - "2025"\n  pitfalls:\n    - "key: value"\n' in text(mini)
    handbook, _ = load_checked(mini)
    assert next(q for q in handbook.questions if q.id == "q-004").outline == ["先定目标", "yes", "用户增长 #1 指标", "2025"]


def test_invalid_entry_writes_nothing_and_reports_where(mini: Path) -> None:
    before = text(mini)
    code, _, err = new(
        mini,
        "question",
        "--title",
        "题",
        "--category",
        "不存在",
        "--tag",
        "metrics",
        "--intent",
        "考察。",
        "--outline",
        "a",
        "--outline",
        "b",
        "--outline",
        "c",
    )
    assert code == 1
    assert text(mini) == before
    lines = err.strip().splitlines()
    assert lines[0].startswith(f"{QUESTIONS}:42:3: 条目 q-004 · 字段 category：未知分类 '不存在'。可以写 id 或名称，已有的分类：")
    assert lines[-1] == "新题目 q-004 没有通过校验，未写入任何文件。按提示修改参数后重新运行。"


def test_bad_date_and_line_are_reported_in_the_standard_format(mini: Path) -> None:
    before = text(mini)
    code, _, err = new(mini, "question", *VALID, "--source", "notes", "--line", "三", "--date", "2025-13")
    assert code == 1 and text(mini) == before
    assert f"{QUESTIONS}:45:23: 条目 q-004 · 字段 asked[0].line：应为整数，实际是 '三'。" in err
    assert f"{QUESTIONS}:45:32: 条目 q-004 · 字段 asked[0].date：日期格式不对：'2025-13'。写成 2025、2025-05 或 2025-05-14。" in err


def test_missing_required_text_is_refused_not_left_as_a_placeholder(mini: Path) -> None:
    before = text(mini)
    code, _, err = new(mini, "question", "--title", "题", "--category", "data")
    assert code == 1 and text(mini) == before
    assert err.strip() == (
        "缺少必填内容：--tag（标签）、--intent（考察点）、--outline（答题要点）。请用这些参数给出（可重复的参数写多次），"
        "或在终端里直接运行 handbook new question 按提示填写。未写入任何文件。"
    )


def test_occurrence_details_need_a_source(mini: Path) -> None:
    code, _, err = new(mini, "question", *VALID, "--company", "acme")
    assert code == 1
    assert err.strip() == "写了 --company 就要用 --source 写明出处 id（见 data/sources.yaml）。未写入任何文件。"


def test_a_framework_instead_of_an_outline(mini: Path) -> None:
    code, out, err = new(
        mini, "question", "--title", "实验怎么设计？", "--category", "data", "--tag", "ab-test", "--intent", "考察。", "--framework", "ab-design"
    )
    assert code == 0, err
    assert "答题要点" not in out


def test_existing_problems_are_fixed_first(mini: Path) -> None:
    write_tree(mini, {"data/tips/main.yaml": text(mini, "data/tips/main.yaml").replace("kind: review", "kind: nope")})
    before = text(mini)
    code, _, err = new(mini, "question", *VALID)
    assert code == 1 and text(mini) == before
    assert "data/tips/main.yaml:11:3: 条目 tip-2 · 字段 kind：未知面经类型 'nope'。" in err
    assert err.strip().endswith("现有数据没有通过校验：请先修正以上问题（运行 handbook check 查看），再添加新条目。未写入任何文件。")


# ---------------------------------------------------------------- the other kinds


def test_new_tip(mini: Path) -> None:
    args = ("--text", "一面问了很多项目细节。", "--kind", "流程与时间线", "--round", "一面", "--question", "q-001", "--tag", "风控")
    code, out, err = new(mini, "tip", *args, "--source", "notes", "--section", "经验", "--line", "3", "--line", "4")
    assert code == 0, err
    assert "面经 tip-3。" in out
    assert text(mini, "data/tips/main.yaml").endswith(
        "- id: tip-3\n  text: 一面问了很多项目细节。\n  kind: 流程与时间线\n  rounds: [一面]\n  questions: [q-001]\n  tags: [风控]\n"
        "  sources:\n    - {source: notes, section: 经验, lines: [3, 4]}\n"
    )
    assert run_cli("--root", str(mini), "check").returncode == 0


def test_new_framework(mini: Path) -> None:
    steps = ("--step", "拆漏斗：列出每一步；算转化率", "--step", "找断点: 对比历史")
    code, out, err = new(mini, "framework", "--name", "漏斗分析", "--summary", "按步骤拆转化。", "--when", "被问到转化率下降", *steps, "--id", "funnel")
    assert code == 0, err
    assert text(mini, "data/frameworks/main.yaml").endswith(
        "- id: funnel\n  name: 漏斗分析\n  summary: 按步骤拆转化。\n  when:\n    - 被问到转化率下降\n  steps:\n"
        "    - title: 拆漏斗\n      points:\n        - 列出每一步\n        - 算转化率\n    - title: 找断点\n      points:\n        - 对比历史\n"
    )
    assert "在相关题目的 frameworks 里写上 funnel，题目页才会链接过来。" in out
    assert run_cli("--root", str(mini), "check").returncode == 0


def test_framework_step_format_is_explained(mini: Path) -> None:
    code, _, err = new(mini, "framework", "--name", "框架", "--summary", "说明。", "--when", "场景", "--step", "只有标题", "--step", "b：c", "--id", "fw")
    assert code == 1
    assert err.strip().startswith("步骤 '只有标题' 的格式不对：每步写成“标题：要点一；要点二”")


def test_new_case_and_adapted_needs_sources(mini: Path) -> None:
    args = (
        "--title",
        "按钮文案实验",
        "--background",
        "转化率 60%。",
        "--step",
        "提出假设",
        "--step",
        "灰度",
        "--result",
        "提升 2 个百分点。",
        "--prefix",
        "case-",
    )
    code, out, err = new(mini, "case", "--kind", "illustration", *args)
    assert code == 0, err
    assert "案例 case-001。" in out
    code, _, err = new(mini, "case", "--kind", "adapted", *args)
    assert code == 1
    assert "条目 case-002 · 字段 sources：改写自出处的案例（kind: adapted）必须注明 sources。" in err
    code, _, err = new(mini, "case", "--kind", "adapted", *args, "--source", "article", "--section", "E", "--line", "2")
    assert code == 0, err


def test_help_is_chinese() -> None:
    result = run_cli("new", "question", "--help")
    assert result.returncode == 0
    assert "--title 题目" in result.stdout and "可重复或用逗号分隔" in result.stdout and "默认最近修改的文件" in result.stdout


# ---------------------------------------------------------------- interactive


def scripted(answers: list[str], asked: list[str]) -> Callable[[str], str]:
    replies: Iterator[str] = iter(answers)

    def prompt(question: str) -> str:
        asked.append(question)
        return next(replies)

    return prompt


def test_interactive_prompts_show_choices_and_ask_again(mini: Path) -> None:
    asked: list[str] = []
    said: list[str] = []
    answers = [
        "如何衡量推荐效果？",  # title
        "推荐",  # category: unknown, asked again
        "数据与实验",
        "metrics，AB测试",  # tags
        "notes",  # source
        "",  # section
        "x",  # line: not a number, asked again
        "7",
        "示例支付",  # company
        "",  # round
        "2025-05",  # date
        "",  # position
        "考察指标体系。",  # intent
        "",  # frameworks
        "先定目标",  # outline
        "再拆指标",
        "最后验证",
        "",
        "",  # pitfalls
    ]
    request = Request("question", {})
    created = scaffold.create(mini, request, scripted(answers, asked), said.append)
    assert created.entry_id == "q-004"
    assert asked[:2] == ["题目（规范化后的题目文字）：", "分类："]
    assert "可选的分类（写 id 或名称）：data（数据与实验）、payment（支付与风控）" in said
    assert any(s.startswith("未知分类 '推荐'。") for s in said)
    assert "编号应为正整数，如 3。" in said
    assert "小节（如 面试题目、面试经验、E；写了小节就要写编号）（可选，直接回车跳过）：" in asked
    assert "答题要点（3–6 条；写了答题框架时可以不写） 第 1 条（空行结束）：" in asked
    assert text(mini).endswith(
        "- id: q-004\n  title: 如何衡量推荐效果？\n  category: 数据与实验\n  tags: [metrics, AB测试]\n  asked:\n"
        "    - {source: notes, line: 7, company: 示例支付, date: 2025-05}\n  intent: 考察指标体系。\n  outline:\n    - 先定目标\n    - 再拆指标\n    - 最后验证\n"
    )


def test_interactive_skips_what_flags_gave_and_the_details_of_a_skipped_source(mini: Path) -> None:
    asked: list[str] = []
    request = Request("question", {"title": "题", "category": "data", "tags": ["risk"], "intent": "考察。", "outline": ["a", "b", "c"]})
    answers = ["", "", ""]  # source, frameworks, pitfalls: all skipped
    scaffold.create(mini, request, scripted(answers, asked), lambda _: None)
    assert asked == [
        "出处 id（见 data/sources.yaml）（可选，直接回车跳过）：",
        "答题框架，多个用逗号分隔（可选，直接回车跳过）：",
        "常见失误 第 1 条（空行结束）（可选，直接回车跳过）：",
    ]
