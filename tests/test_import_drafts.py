"""Drafts as the loader sees them: load_drafts (problems with file, line, entry, field) and apply_drafts (previews)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_tree
from handbook.accept import accept, append_entries, dump, round_trip
from handbook.check import check
from handbook.drafts import DRAFT_INTENT, DRAFT_OUTLINE, apply_drafts, load_drafts
from handbook.importer import InputError
from handbook.load import load
from handbook.problems import DataError

DRAFT = """\
source:
  id: notes-2
  title: 第二份笔记
  author: 匿名候选人
  date: 2025-06-01
  licence: 笔记整理。
  raw: notes-2.txt
questions:
  - id: notes-2-001
    title: 如何设计收银台的 AB 实验？
    category: data
    tags: [AB实验]
    asked:
      - {source: notes-2, line: 3, company: 示例支付, round: 一面}
    notes:
      - 先定指标
    review: [category]
add_asked:
  - question: q-002
    similarity: 0.9
    text: 指标异常怎么排查？
    asked: {source: notes-2, line: 5, round: first}
    sources:
      - {source: notes-2, lines: [6]}
  - question: notes-2-001
    asked: {source: notes-2, line: 8}
tips:
  - id: tip-notes-2-001
    text: 一面主要问实验设计。
    kind: process
    sources:
      - {source: notes-2, lines: [9]}
    review: [kind]
omitted:
  - {line: 1, text: 标题, reason: 标题}
"""


def test_a_valid_draft_loads_and_previews(mini: Path) -> None:
    write_tree(mini, {"data/drafts/notes-2.yaml": DRAFT})
    drafts = load_drafts(mini / "data", mini)
    assert drafts.problems == []
    handbook = check(apply_drafts(load(mini / "data", mini), drafts))
    new = next(q for q in handbook.questions if q.id == "notes-2-001")
    assert new.intent == DRAFT_INTENT and new.outline == DRAFT_OUTLINE
    assert new.category == "data" and new.tags == ["ab-test"] and new.asked[0].company == "acme"
    assert [o.line for o in new.asked] == [3, 8], "an add_asked entry may name a question of the same draft"
    q2 = next(q for q in handbook.questions if q.id == "q-002")
    assert q2.asked[-1].line == 5 and q2.sources[-1].lines == [6]
    assert any(t.id == "tip-notes-2-001" for t in handbook.tips)
    assert any(s.id == "notes-2" for s in handbook.sources)
    assert any(o.reason == "标题" and o.sources[0].lines == [1] for o in handbook.omissions)


def test_schema_problems_carry_file_line_entry_and_field(mini: Path) -> None:
    bad = DRAFT.replace("    category: data\n", "    category: data\n    company: acme\n").replace("{line: 1, text: 标题", "{line: 0, text: 标题")
    write_tree(mini, {"data/drafts/notes-2.yaml": bad})
    problems = [p.format() for p in load_drafts(mini / "data", mini).problems]
    assert any(
        p.startswith("data/drafts/notes-2.yaml:12:5: 条目 notes-2-001 · 字段 questions[0].company：未知字段 'company'：题目的公司和轮次写在 asked")
        for p in problems
    ), problems
    assert any(p.startswith("data/drafts/notes-2.yaml:") and "字段 omitted[0].line：应大于等于 1" in p for p in problems), problems


def test_vocabulary_problems_point_into_the_draft(mini: Path) -> None:
    write_tree(mini, {"data/drafts/notes-2.yaml": DRAFT.replace("category: data", "category: 不存在的分类")})
    drafts = load_drafts(mini / "data", mini)
    with pytest.raises(DataError) as caught:
        check(apply_drafts(load(mini / "data", mini), drafts))
    assert "data/drafts/notes-2.yaml:11:5: 条目 notes-2-001 · 字段 category：未知分类 '不存在的分类'。" in caught.value.report()


def test_unknown_add_asked_target(mini: Path) -> None:
    write_tree(mini, {"data/drafts/notes-2.yaml": DRAFT.replace("question: q-002", "question: q-999")})
    with pytest.raises(DataError) as caught:
        apply_drafts(load(mini / "data", mini), load_drafts(mini / "data", mini))
    assert "data/drafts/notes-2.yaml:19:5: 条目 q-999 · 字段 add_asked[0].question：没有 id 为 'q-999' 的题目" in caught.value.report()


def test_ids_clash_across_drafts_and_syntax_errors(mini: Path) -> None:
    write_tree(mini, {"data/drafts/a.yaml": DRAFT, "data/drafts/b.yaml": DRAFT, "data/drafts/c.yaml": "source: [\n"})
    problems = [p.format() for p in load_drafts(mini / "data", mini).problems]
    assert any("data/drafts/b.yaml:9:" in p and "id 'notes-2-001' 已在另一个草稿 data/drafts/a.yaml 中使用" in p for p in problems), problems
    assert any(p.startswith("data/drafts/c.yaml:") and "YAML 语法错误" in p for p in problems), problems


def test_accept_creates_asked_where_the_question_had_none(mini: Path) -> None:
    write_tree(mini, {"data/raw/notes-2.txt": "标题\n\n如何设计收银台的 AB 实验？\n\n指标异常怎么排查？\n先查数据\n\n再问一次 AB\n一面主要问实验设计。\n"})
    ready = DRAFT.replace("    review: [category]\n", "    intent: 考察实验设计。\n    outline: [明确假设, 选指标, 分流]\n").replace("    review: [kind]\n", "")
    write_tree(mini, {"data/drafts/notes-2.yaml": ready})
    questions = mini / "data/questions/main.yaml"
    before = questions.read_text(encoding="utf-8")
    done = accept(mini, mini / "data/drafts/notes-2.yaml")
    assert done.questions == 1 and done.occurrences == 2 and done.new_source
    after = questions.read_text(encoding="utf-8")
    assert (
        "  tags: [数据指标]\n  type: data-analysis\n  asked:\n    - {source: notes-2, line: 5, round: first}\n  sources:\n    - {source: notes-2, lines: [6]}\n  intent: 考察排查思路。"
        in after
    )
    # q-002 was a practice question the handbook wrote; now reported asked, it loses only its origin line.
    assert [line for line in before.splitlines() if line not in after.splitlines()] == ["  origin: handbook"]
    handbook = check(load(mini / "data", mini))
    assert [o.line for o in next(q for q in handbook.questions if q.id == "notes-2-001").asked] == [3, 8]
    assert not (mini / "data/drafts/notes-2.yaml").exists()


def test_a_file_that_would_be_reformatted_is_not_edited(mini: Path) -> None:
    questions = mini / "data/questions/main.yaml"
    questions.write_text(questions.read_text(encoding="utf-8").replace("- id: q-002\n  title:", "- id: q-002\n  title:   "), encoding="utf-8")
    write_tree(mini, {"data/raw/notes-2.txt": "x\n"})
    ready = DRAFT.replace("    review: [category]\n", "    intent: 考察实验设计。\n    outline: [明确假设, 选指标, 分流]\n").replace("    review: [kind]\n", "")
    write_tree(mini, {"data/drafts/notes-2.yaml": ready})
    before = questions.read_text(encoding="utf-8")
    with pytest.raises(DataError) as caught:
        accept(mini, mini / "data/drafts/notes-2.yaml")
    assert "data/questions/main.yaml: 这个文件的写法无法在保留原有格式的前提下自动修改" in caught.value.report()
    assert questions.read_text(encoding="utf-8") == before
    assert not (mini / "data/sources.yaml").read_text(encoding="utf-8").count("notes-2")


def test_round_trip_keeps_every_data_file_byte_for_byte() -> None:
    from conftest import ROOT

    yaml = round_trip()
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        if path.parent.name in ("drafts",) or path.name == "import_rules.yaml":
            continue
        text = path.read_text(encoding="utf-8")
        assert dump(yaml.load(text)) == text, path


def test_appended_entries_follow_the_file_layout() -> None:
    yaml = round_trip()
    entry = yaml.load("- id: b\n  tags: [x]\n")[0]
    assert append_entries("# 头\n- id: a\n\n- id: c\n", [entry], "新文件") == "# 头\n- id: a\n\n- id: c\n\n- id: b\n  tags: [x]\n"
    assert append_entries("- id: a\n- id: c\n", [entry], "新文件") == "- id: a\n- id: c\n- id: b\n  tags: [x]\n"
    assert append_entries(None, [entry], "新文件。") == "# 新文件。\n- id: b\n  tags: [x]\n"


def test_notes_of_an_existing_source_get_its_raw_file(mini: Path) -> None:
    from handbook.importer import accept_draft, run

    raw = mini / "notes-june.txt"
    raw.write_text("【一面】\n1. 指标异常时怎么排查？\n2. 如何做用户分层？\n面试官很友好。\n", encoding="utf-8")
    sources = mini / "data/sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8") + "- {id: notes-b, title: 示例笔记续篇, author: 匿名候选人, date: 2025-06-01, licence: 笔记整理。}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="已经被引用"):
        run(mini, raw, {"source": "notes", "name": "notes-june", "company": "示例支付", "round": None, "date": None, "position": "实习"})
    summary = run(mini, raw, {"source": "notes-b", "name": "notes-june", "company": "示例支付", "round": None, "date": None, "position": "实习"})
    assert "题目：2 道（新题 1 道，与已有题目重复 1 道）" in summary
    draft = mini / "data/drafts/notes-june.yaml"
    text = draft.read_text(encoding="utf-8")
    assert "source: notes-b  # 已有出处" in text and "raw: notes-june.txt" in text
    yaml = round_trip()
    document = yaml.load(text)
    for question in document["questions"]:
        question.pop("review", None)
        question["intent"] = "考察用户分层的依据。"
        question["outline"] = ["分层维度", "每层策略", "效果评估"]
    for tip in document["tips"]:
        tip.pop("review", None)
    draft.write_text(dump(document), encoding="utf-8")
    report = accept_draft(mini, draft)
    assert "出处 notes-b、题目 1 道、已有题目的被问记录 1 条、面经 1 条" in report
    handbook = check(load(mini / "data", mini))
    assert next(s for s in handbook.sources if s.id == "notes-b").raw == "notes-june.txt"
    q2 = next(q for q in handbook.questions if q.id == "q-002")
    assert q2.asked[-1].model_dump(exclude_none=True) == {"source": "notes-b", "line": 2, "company": "acme", "round": "first", "position": "intern"}
    assert (mini / "data/questions/notes-b.yaml").is_file() and (mini / "data/raw/notes-june.txt").is_file()
