"""The CLI as a contributor runs it: exit codes, messages, never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import run_cli, write_tree


def test_check_passes_on_good_data(mini: Path) -> None:
    result = run_cli("--root", str(mini), "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "数据校验通过：3 道题、2 条面经、1 个框架。"


def test_bad_data_exits_1_with_located_messages_and_no_traceback(mini: Path) -> None:
    write_tree(mini, {"data/questions/bad.yaml": "- id: q-9\n  title: 题\n  category: nope\n  tags: [risk]\n  intent: x\n  outline: [a, b, c]\n"})
    result = run_cli("--root", str(mini), "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/questions/bad.yaml:3:3: 条目 q-9 · 字段 category：未知分类 'nope'。" in result.stderr
    assert result.stderr.strip().endswith("共发现 1 个问题，未写入任何文件。修正后重新运行。")
    assert not (mini / "docs").exists(), "nothing may be written when the data is bad"


def test_build_then_check_mode(mini: Path) -> None:
    first = run_cli("--root", str(mini), "build")
    assert first.returncode == 0, first.stderr
    assert (mini / "docs/questions/q-001.md").is_file()
    assert run_cli("--root", str(mini), "build", "--check").returncode == 0
    path = mini / "data/questions/main.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("指标异常时怎么排查？", "指标突然下跌怎么排查？"), encoding="utf-8")
    stale = run_cli("--root", str(mini), "build", "--check")
    assert stale.returncode == 1
    assert "生成的页面已过期" in stale.stderr and "questions/q-002.md" in stale.stderr


def test_stale_generated_page_is_removed(mini: Path) -> None:
    assert run_cli("--root", str(mini), "build").returncode == 0
    write_tree(mini, {"docs/questions/gone.md": "old\n"})
    assert run_cli("--root", str(mini), "build", "--check").returncode == 1
    result = run_cli("--root", str(mini), "build")
    assert "删除 1 个" in result.stdout
    assert not (mini / "docs/questions/gone.md").exists()


def test_stats_json(mini: Path) -> None:
    result = run_cli("--root", str(mini), "stats", "--json")
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout)
    assert numbers["questions"] == 3 and numbers["questions_with_example"] == 1
    assert numbers["seed_lines_total"] is None  # the fixture has no seed files


def test_stats_text(mini: Path) -> None:
    result = run_cli("--root", str(mini), "stats")
    assert "题目：3" in result.stdout


def test_missing_data_directory(tmp_path: Path) -> None:
    result = run_cli("--root", str(tmp_path), "check")
    assert result.returncode == 1
    assert "数据目录不存在" in result.stderr and "Traceback" not in result.stderr


def test_unknown_command_is_a_usage_error() -> None:
    result = run_cli("publish")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr or "无效" in result.stderr


def test_noop_build_is_skipped_until_data_code_or_pages_change(mini: Path) -> None:
    assert run_cli("--root", str(mini), "build").returncode == 0
    again = run_cli("--root", str(mini), "build")
    assert "页面已是最新（写入 0 个文件）" in again.stdout
    page = mini / "docs/questions/q-002.md"
    page.write_text("手改\n", encoding="utf-8")  # a hand edit to a generated page is repaired
    repaired = run_cli("--root", str(mini), "build")
    assert "写入 1 个文件" in repaired.stdout and page.read_text(encoding="utf-8") != "手改\n"
    data = mini / "data/questions/main.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("考察排查思路。", "考察排查的思路。"), encoding="utf-8")
    changed = run_cli("--root", str(mini), "build")
    assert "写入 " in changed.stdout and "写入 0 个文件" not in changed.stdout
    # One question changed: only the files that show its 考察点 (its page and export/handbook.json) are rewritten.
    assert "写入 2 个文件" in changed.stdout, changed.stdout


def test_a_build_from_another_directory_or_root_spelling_is_still_a_no_op(mini: Path) -> None:
    """The MkDocs hook names the root absolutely, `handbook build` relatively: a site build followed by
    `handbook build` must not regenerate everything."""
    assert run_cli("--root", str(mini), "build").returncode == 0
    again = run_cli("--root", ".", "build", cwd=mini)
    assert "页面已是最新（写入 0 个文件）" in again.stdout, again.stdout + again.stderr


def test_output_does_not_depend_on_hash_randomisation(mini: Path, tmp_path: Path) -> None:
    """Occurrences that tie on date and source, tags, sets: two processes with different hash seeds agree."""
    extra = (
        "- id: q-010\n  title: 平局题\n  category: data\n  tags: [metrics, risk, ab-test]\n  asked:\n"
        "    - {source: notes, company: acme, round: hr}\n    - {source: notes, round: first}\n    - {source: notes, position: intern}\n"
        "  intent: x\n  outline: [a, b, c]\n"
    )
    write_tree(mini, {"data/questions/extra.yaml": extra})
    trees = []
    for seed in ("1", "2", "3"):
        shutil.rmtree(mini / "docs", ignore_errors=True)
        shutil.rmtree(mini / ".cache", ignore_errors=True)
        assert run_cli("--root", str(mini), "build", env={"PYTHONHASHSEED": seed}).returncode == 0
        trees.append({p.relative_to(mini / "docs").as_posix(): p.read_bytes() for p in (mini / "docs").rglob("*") if p.is_file()})
    assert trees[0] == trees[1] == trees[2]


@pytest.mark.parametrize("link", ["questions", "tags/ab-test.md"])
def test_a_symlink_in_the_generated_tree_is_refused_and_what_it_points_to_survives(mini: Path, tmp_path: Path, link: str) -> None:
    assert run_cli("--root", str(mini), "build").returncode == 0
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.md").write_text("别人的文件\n", encoding="utf-8")
    target = mini / "docs" / link
    if target.is_dir():
        shutil.rmtree(target)
    else:
        target.unlink()
    target.symlink_to(outside if link == "questions" else outside / "keep.md")
    (mini / "data/questions/main.yaml").write_text(
        (mini / "data/questions/main.yaml").read_text(encoding="utf-8").replace("AB 实验如何设计？", "AB 实验怎么设计？"), encoding="utf-8"
    )
    result = run_cli("--root", str(mini), "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"docs/{link}: 是符号链接" in result.stderr
    assert [p.name for p in outside.iterdir()] == ["keep.md"] and (outside / "keep.md").read_text(encoding="utf-8") == "别人的文件\n"
