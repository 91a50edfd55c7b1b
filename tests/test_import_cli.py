"""``handbook import`` and ``handbook import --accept`` as a contributor runs them, on a copy of the real data."""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, ROOT, run_cli
from handbook.accept import dump, round_trip
from handbook.check import check
from handbook.cli import main
from handbook.drafts import apply_drafts, load_drafts
from handbook.load import load
from handbook.render import render_site

RAW = FIXTURES / "raw"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository root with a copy of the real data/ (vocabularies with keywords, import rules, questions)."""
    shutil.copytree(ROOT / "data", tmp_path / "repo" / "data", ignore=shutil.ignore_patterns("drafts", "raw"))
    return tmp_path / "repo"


def tree(root: Path) -> dict[str, str]:
    """Relative path → content hash of every file under data/."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((root / "data").rglob("*")) if p.is_file()}


def cli(*args: str) -> tuple[int, str, str]:
    """The CLI in this process (faster than a subprocess: the segmenter's dictionary loads once)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def imported(repo: Path, raw: str, *args: str) -> str:
    code, out, err = cli("--root", str(repo), "import", str(RAW / raw), *args)
    assert code == 0, err
    return out


def test_import_writes_a_draft_and_a_utf8_copy_and_changes_no_data(repo: Path) -> None:
    before = tree(repo)
    result = run_cli("--root", str(repo), "import", str(RAW / "xhs_alipay.txt"), "--company", "支付宝", "--date", "2025-05", "--position", "校招")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    out = result.stdout
    assert "已生成草稿 data/drafts/xhs-alipay.yaml，原始笔记另存为 data/raw/xhs-alipay.txt（UTF-8）。" in out
    assert "题目：11 道（新题 6 道，与已有题目重复 5 道）" in out
    assert "可能重复的题目：5 道（写在 add_asked 里）" in out and "第 7 行 → ant-017「为什么想做产品经理？」相似度 1.00" in out
    assert "推荐分类：" in out and "下一步：" in out and "handbook import --accept data/drafts/xhs-alipay.yaml" in out
    after = tree(repo)
    assert {k: v for k, v in after.items() if k in before} == before, "existing data is never changed by an import"
    assert set(after) - set(before) == {"data/drafts/xhs-alipay.yaml", "data/raw/xhs-alipay.txt"}
    draft = (repo / "data/drafts/xhs-alipay.yaml").read_text(encoding="utf-8")
    assert draft.startswith("# 导入草稿：由 handbook import 从 data/raw/xhs-alipay.txt 生成。")
    assert "{source: xhs-alipay, line: 6, company: ant-group, round: first, date: 2025-05, position: campus}" in draft
    assert "title: 待填：原文标题，如 支付宝产品经理校招一面+二面｜新鲜面经来啦🔥" in draft


def test_draft_validates_and_previews(repo: Path) -> None:
    imported(repo, "nowcoder_ant.md")
    drafts = load_drafts(repo / "data", repo)
    assert drafts.problems == []
    [loaded] = drafts.drafts
    handbook = check(apply_drafts(load(repo / "data", repo), drafts))
    new = {q.id: q for q in handbook.questions if q.id.startswith("nowcoder-ant-")}
    assert new and all(q.intent == "（草稿：待补充考察点）" for q in new.values())
    ant_009 = next(q for q in handbook.questions if q.id == "ant-009")
    assert ant_009.asked[-1].source == "nowcoder-ant" and ant_009.asked[-1].line == 13 and ant_009.asked[-1].round == "first"
    assert any(s.id == "nowcoder-ant" for s in handbook.sources)
    assert loaded.file == "data/drafts/nowcoder-ant.yaml"
    pages = render_site(handbook)
    assert "（草稿：待补充考察点）" in pages["questions/nowcoder-ant-001.md"]


def test_gbk_file_is_converted(repo: Path) -> None:
    out = imported(repo, "gbk_jd.txt", "--name", "jd-2025")
    assert out.splitlines()[0] == "检测到 GBK 编码，已转换为 UTF-8。"
    copy = (repo / "data/raw/jd-2025.txt").read_text(encoding="utf-8")
    assert copy.startswith("京东零售 产品经理 校招 面经整理\n")
    assert "检测到 GBK 编码" in (repo / "data/drafts/jd-2025.yaml").read_text(encoding="utf-8")


def test_crlf_bom_copy_is_plain_utf8_with_the_same_lines(repo: Path) -> None:
    imported(repo, "wenda_crlf_bom.txt")
    data = (repo / "data/raw/wenda-crlf-bom.txt").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
    assert data.decode("utf-8").split("\n")[4] == "问：为什么选择做策略产品而不是功能产品？"


def errors(repo: Path, *args: str) -> str:
    code, out, err = cli("--root", str(repo), "import", *args)
    assert code == 1, out
    return err


def test_existing_draft_is_never_overwritten(repo: Path) -> None:
    imported(repo, "qa_meituan.txt")
    draft = repo / "data/drafts/qa-meituan.yaml"
    draft.write_text(draft.read_text(encoding="utf-8") + "# 审阅中\n", encoding="utf-8")
    message = errors(repo, str(RAW / "qa_meituan.txt"))
    assert "草稿 data/drafts/qa-meituan.yaml 已存在，不会覆盖" in message
    assert draft.read_text(encoding="utf-8").endswith("# 审阅中\n")


def test_bad_inputs_get_a_chinese_message(repo: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    chinese = tmp_path / "蚂蚁一面.txt"
    chinese.write_text("1. 为什么做产品？\n", encoding="utf-8")
    assert "找不到文件" in errors(repo, str(tmp_path / "missing.txt"))
    assert "文件是空的" in errors(repo, str(empty))
    assert "这不是文本文件" in errors(repo, str(binary))
    assert "请用 --name 指定" in errors(repo, str(chinese))
    assert "用法：handbook import 文件" in errors(repo)


def test_unknown_company_lists_the_valid_ones(repo: Path) -> None:
    message = errors(repo, str(RAW / "qa_meituan.txt"), "--company", "美团")
    assert "--company：未知公司 '美团'。" in message
    assert "ant-group（蚂蚁集团）" in message
    assert "--round：未知轮次 '四面'" in errors(repo, str(RAW / "qa_meituan.txt"), "--round", "四面")
    assert "--date：日期格式不对" in errors(repo, str(RAW / "qa_meituan.txt"), "--date", "2025/05")
    assert "--position：未知招聘类型" in errors(repo, str(RAW / "qa_meituan.txt"), "--position", "兼职")


def test_round_is_mapped_like_the_notes_headings(repo: Path) -> None:
    """--round 三面 is read as import_rules.yaml maps a 三面 heading (to 总监面), not refused as an unknown round."""
    imported(repo, "gbk_jd.txt", "--round", "三面", "--name", "mapped-round")  # its text names no round
    draft = (repo / "data/drafts/mapped-round.yaml").read_text(encoding="utf-8")
    assert "round: director" in draft


def test_sources_that_cannot_take_raw_notes(repo: Path) -> None:
    assert "--source：未知出处 'nope'" in errors(repo, str(RAW / "qa_meituan.txt"), "--source", "nope")
    assert "来自种子材料" in errors(repo, str(RAW / "qa_meituan.txt"), "--source", "ant-notes")
    assert "出处 id 'ant-notes' 已存在" in errors(repo, str(RAW / "qa_meituan.txt"), "--name", "ant-notes")


# ---------------------------------------------------------------- accepting


def review(path: Path, skip_intent: str | None = None) -> None:
    """Do what a reviewer does: fill the source, write intent and outline, confirm the suggestions."""
    yaml = round_trip()
    document = yaml.load(path.read_text(encoding="utf-8"))
    source = document["source"]
    if not isinstance(source, str):
        source.update(title="某候选人的面经", author="匿名候选人", date="2025-05-20", licence="候选人的面试笔记：题目作为事实收录，文字已改写。")
    for question in document["questions"]:
        question.pop("review", None)
        if question["id"] != skip_intent:
            question["intent"] = "考察能否先澄清目标，再用数据支撑判断。"
        question["outline"] = ["先澄清目标和用户", "拆解问题并给出方案", "用指标验证效果"]
    for i, tip in enumerate(document["tips"], 1):
        tip.pop("review", None)
        tip["text"] = f"审阅后用自己的话改写的第 {i} 条面经。"  # handbook check refuses prose copied from the raw notes
    path.write_text(dump(document), encoding="utf-8")


def test_accept_writes_data_keeping_comments(repo: Path) -> None:
    target = repo / "data/questions/ant-group-1.yaml"
    original = target.read_text(encoding="utf-8").replace(
        "    - {source: ant-notes, section: 面试题目, line: 9, company: ant-group}\n",
        "    - {source: ant-notes, section: 面试题目, line: 9, company: ant-group}  # 人工备注：第一次被问到\n",
    )
    target.write_text(original, encoding="utf-8")
    imported(repo, "nowcoder_ant.md", "--date", "2025-03")
    draft = repo / "data/drafts/nowcoder-ant.yaml"
    review(draft)
    result = run_cli("--root", str(repo), "import", "--accept", str(draft))
    assert result.returncode == 0, result.stderr
    assert f"已接受草稿 {draft.as_posix()} 并删除。" in result.stdout
    assert "data/questions/nowcoder-ant.yaml" in result.stdout and "data/questions/ant-group-1.yaml" in result.stdout
    assert not draft.exists()
    edited = target.read_text(encoding="utf-8")
    assert "# 人工备注：第一次被问到" in edited and edited.startswith("# 蚂蚁集团面试题")
    kept = [line for line in original.splitlines() if line in edited.splitlines()]
    assert kept == original.splitlines(), "every original line survives, in order"
    assert "    - {source: nowcoder-ant, section: 一面（35min，视频面）" not in edited
    assert "    - {source: nowcoder-ant, line: 13, company: ant-group, round: first, date: 2025-03}" in edited
    handbook = check(load(repo / "data", repo))
    assert any(q.id == "nowcoder-ant-001" for q in handbook.questions)
    assert next(s for s in handbook.sources if s.id == "nowcoder-ant").raw == "nowcoder-ant.md"
    assert any(o.reason.startswith("小节标题") for o in handbook.omissions)
    assert (repo / "data/tips/nowcoder-ant.yaml").is_file()


def test_accept_refuses_a_question_without_intent_and_writes_nothing(repo: Path) -> None:
    imported(repo, "restart_youdao.txt")
    draft = repo / "data/drafts/restart-youdao.yaml"
    review(draft, skip_intent="restart-youdao-002")
    before = tree(repo)
    code, _, err = cli("--root", str(repo), "import", "--accept", str(draft))
    assert code == 1
    line = next(n for n, text in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1) if "id: restart-youdao-002" in text)
    assert f"data/drafts/restart-youdao.yaml:{line}:5: 条目 restart-youdao-002 · 字段 intent：还没有考察点" in err
    assert err.strip().endswith("共发现 1 个问题，未写入任何文件。修正后重新运行。")
    assert tree(repo) == before


def test_accept_refuses_placeholders_and_review_marks(repo: Path) -> None:
    imported(repo, "bullets_pdd.md")
    code, _, err = cli("--root", str(repo), "import", "--accept", str(repo / "data/drafts/bullets-pdd.yaml"))
    assert code == 1
    assert "字段 source.title：还是占位文字" in err
    assert "字段 intent：还没有考察点" in err
    assert "找不到草稿" in errors(repo, "--accept", str(repo / "data/drafts/none.yaml"))


def test_a_line_break_in_a_quoted_title_cannot_add_yaml_to_a_draft(repo: Path) -> None:
    """Remarks quote existing titles in comments: a title with a line break must not end the comment."""
    path = repo / "data" / "questions" / "ant-group-1.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  title: 为什么想做产品经理？\n" in text
    path.write_text(text.replace("  title: 为什么想做产品经理？\n", '  title: "为什么想做产品经理？\\n  - question: q-999"\n', 1), encoding="utf-8")
    imported(repo, "xhs_alipay.txt", "--company", "支付宝", "--date", "2025-05", "--position", "校招")
    draft = (repo / "data" / "drafts" / "xhs-alipay.yaml").read_text(encoding="utf-8")
    assert "- question: q-999" in draft  # quoted in a comment, on one line
    assert all(line.lstrip().startswith("#") for line in draft.splitlines() if "q-999" in line)
    assert "q-999" not in str(yaml.safe_load(draft))
