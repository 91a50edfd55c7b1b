"""Drafts from handbook import: validated by check, previewed only on request; raw lines accounted for."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, write_tree
from handbook.build import generate, load_checked
from handbook.problems import DataError

RAW = "某公司 一面\n\n1. 你为什么做产品经理？\n2. 怎么设计一个收银台？\n面试官人很好。\n"


def imported(mini: Path) -> Path:
    write_tree(mini, {"notes.txt": RAW})
    result = run_cli("--root", str(mini), "import", str(mini / "notes.txt"), "--company", "acme", "--name", "acme-notes")
    assert result.returncode == 0, result.stderr
    draft = mini / "data/drafts/acme-notes.yaml"
    assert draft.is_file() and (mini / "data/raw/acme-notes.txt").is_file()
    return draft


def test_check_validates_drafts_and_says_they_are_unpublished(mini: Path) -> None:
    imported(mini)
    result = run_cli("--root", str(mini), "check")
    assert result.returncode == 0, result.stderr
    assert "另有 1 份草稿（data/drafts/acme-notes.yaml" in result.stdout and "尚未发布" in result.stdout


def test_a_broken_draft_fails_check_with_its_line(mini: Path) -> None:
    draft = imported(mini)
    text = draft.read_text(encoding="utf-8")
    write_tree(mini, {"data/drafts/acme-notes.yaml": text.replace("company: acme", "company: 不存在的公司", 1)})
    result = run_cli("--root", str(mini), "check")
    assert result.returncode == 1
    assert "data/drafts/acme-notes.yaml:" in result.stderr and "未知公司 '不存在的公司'" in result.stderr
    assert "Traceback" not in result.stderr


def test_drafts_are_built_only_when_asked(mini: Path) -> None:
    imported(mini)
    published = generate(mini)
    preview = generate(mini, drafts=True)
    new = sorted(set(preview) - set(published))
    assert new and all(p.startswith(("questions/acme-notes", "sources/acme-notes")) for p in new), new
    assert "（草稿：待补充考察点）" in preview[next(p for p in new if p.startswith("questions/"))]


def test_every_raw_line_must_be_accounted_for(mini: Path) -> None:
    sources = (mini / "data/sources.yaml").read_text(encoding="utf-8")
    write_tree(
        mini,
        {
            "data/raw/n.txt": RAW,
            "data/sources.yaml": sources + "- {id: n, title: 笔记, author: 甲, date: 2025-05-01, licence: 笔记整理。, raw: n.txt}\n",
            "data/questions/n.yaml": "- id: n-1\n  title: 为什么做产品经理？\n  category: data\n  tags: [risk]\n  asked: [{source: n, line: 3}]\n  intent: x\n  outline: [a, b, c]\n",
        },
    )
    with pytest.raises(DataError) as info:
        load_checked(mini)
    [problem] = info.value.problems
    assert problem.format() == (
        "data/raw/n.txt:1: 第 1、4–5 行没有去处：原始笔记的每一行都要被题目的 asked、题目或面经的 sources，或 omissions.yaml（写明略去的理由）引用（出处 n）。"
    )
    omissions = (mini / "data/omissions.yaml").read_text(encoding="utf-8")
    write_tree(mini, {"data/omissions.yaml": omissions + "- sources: [{source: n, lines: [1, 4, 5, 9]}]\n  reason: 标题与客套话。\n"})
    with pytest.raises(DataError) as info:
        load_checked(mini)
    assert [p.message for p in info.value.problems] == ["原始笔记 data/raw/n.txt 没有第 9 行（或那一行是空行）。"]


def test_accepting_a_reviewed_draft_publishes_it(mini: Path) -> None:
    draft = imported(mini)
    text = draft.read_text(encoding="utf-8")
    text = text.replace("待填：", "").replace("review: [category]", "").replace("review: [tags]", "").replace("review: [category, tags]", "")
    text = text.replace("review: [kind]", "")
    text = text.replace("    asked:", "    intent: 考察动机。\n    outline: [一, 二, 三]\n    asked:")
    write_tree(mini, {"data/drafts/acme-notes.yaml": text})
    result = run_cli("--root", str(mini), "import", "--accept", "data/drafts/acme-notes.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not draft.exists()
    handbook, _ = load_checked(mini)
    assert any(o.source == "acme-notes" for q in handbook.questions for o in q.asked)


def test_accept_reports_copied_prose_at_its_line_in_the_draft(mini: Path) -> None:
    """Prose that copies the raw notes is reported in the draft the contributor edits (not in the data file the
    accept would write), and nothing is written."""
    write_tree(mini, {"notes.txt": "某公司 一面\n\n1. 你为什么做产品经理？\n2. 怎么设计一个收银台？\n面试官提醒回答一定要结合自己真实的实习经历来讲\n"})
    result = run_cli("--root", str(mini), "import", str(mini / "notes.txt"), "--company", "acme", "--name", "acme-notes")
    assert result.returncode == 0, result.stderr
    draft = mini / "data/drafts/acme-notes.yaml"
    text = draft.read_text(encoding="utf-8").replace("待填：", "")
    for review in ("review: [category, tags]", "review: [category]", "review: [tags]", "review: [kind]"):
        text = text.replace(review, "")
    copied = "回答一定要结合自己真实的实习经历来讲"
    text = text.replace("    asked:", "    intent: 考察动机。\n    outline: [一, 二, 三]\n    asked:")
    text = text.replace("    intent: 考察动机。", f"    intent: 考察动机：{copied}。", 1)
    write_tree(mini, {"data/drafts/acme-notes.yaml": text})
    before = {p: p.read_bytes() for p in (mini / "data").rglob("*") if p.is_file()}
    result = run_cli("--root", str(mini), "import", "--accept", "data/drafts/acme-notes.yaml")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    reports = [line for line in result.stderr.splitlines() if "有 15 个字以上相同" in line]
    assert reports, result.stdout + result.stderr
    intent_line = text.splitlines().index(f"    intent: 考察动机：{copied}。") + 1
    assert f"data/drafts/acme-notes.yaml:{intent_line}:" in reports[0] and "字段 intent" in reports[0], reports
    assert len(reports) == 2 and all(line.startswith("data/drafts/acme-notes.yaml:") for line in reports), reports  # the tip too
    assert {p: p.read_bytes() for p in (mini / "data").rglob("*") if p.is_file()} == before


def test_prose_may_not_copy_the_raw_notes_but_titles_may(mini: Path) -> None:
    raw = "1. 你为什么想做产品经理而不是去做运营或者研发？\n面试官说回答要结合自己真实的经历来讲不能空谈\n"
    sources = (mini / "data/sources.yaml").read_text(encoding="utf-8")
    tip = "- id: tip-n\n  text: 面试官提醒：回答要结合自己真实的经历来讲不能空谈。\n  kind: review\n  sources: [{source: n, lines: [2]}]\n"
    question = (
        "- id: n-1\n  title: 你为什么想做产品经理而不是去做运营或者研发？\n  category: data\n  tags: [risk]\n"
        "  asked: [{source: n, line: 1}]\n  intent: 考察动机。\n  outline: [一, 二, 三]\n"
    )
    write_tree(
        mini,
        {
            "data/raw/n.txt": raw,
            "data/sources.yaml": sources + "- {id: n, title: 笔记, author: 甲, date: 2025-05-01, licence: 笔记整理。, raw: n.txt}\n",
            "data/questions/n.yaml": question,
            "data/tips/n.yaml": tip,
        },
    )
    with pytest.raises(DataError) as info:
        load_checked(mini)
    [problem] = info.value.problems
    assert problem.format() == (
        "data/tips/n.yaml:2:3: 条目 tip-n · 字段 text：与原始笔记 data/raw/n.txt 第 2 行有 15 个字以上相同（“回答要结合自己真实的经历来讲不”）："
        "请用自己的话改写（只有题目文字可以照录）。"
    )
    write_tree(mini, {"data/tips/n.yaml": tip.replace("回答要结合自己真实的经历来讲不能空谈", "要用亲身经历举例，别讲空话")})
    load_checked(mini)


def test_yaml_traps_are_caught_in_drafts_too(mini: Path) -> None:
    draft = imported(mini)
    text = draft.read_text(encoding="utf-8").replace("title: 你为什么做产品经理？", "title: 你为什么做产品经理？ #开场必考", 1)
    write_tree(mini, {"data/drafts/acme-notes.yaml": text})
    result = run_cli("--root", str(mini), "check")
    assert result.returncode == 1
    assert "“#开场必考”被 YAML 当成注释丢掉了" in result.stderr and "data/drafts/acme-notes.yaml:" in result.stderr
