"""Generation swaps the generated tree in whole: a build that dies midway leaves the previous pages."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import handbook.site as site_module
from benchdata import write_data
from conftest import FIXTURES, ROOT, build_repo_site, run_cli, site_repo
from handbook.problems import DataError
from handbook.site import JOURNAL, PAGES, recover, staging_dir, sync

OLD = {"index.md": "首页\n", "questions/q-1.md": "旧 1\n", "questions/q-2.md": "旧 2\n", "tags/t.md": "标签\n"}
NEW = {"index.md": "新首页\n", "questions/q-1.md": "新 1\n", "questions/q-3.md": "新 3\n", "cases/c.md": "案例\n"}


def snapshot(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def as_bytes(pages: dict[str, str]) -> dict[str, bytes]:
    return {path: text.encode("utf-8") for path, text in pages.items()}


def test_a_failure_while_pages_are_generated_leaves_docs_as_it_was(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    sync(docs, OLD)

    def dies_midway() -> Iterator[tuple[str, str]]:
        yield "index.md", "新首页\n"
        yield "questions/q-1.md", "新 1\n"
        raise RuntimeError("generator bug")

    with pytest.raises(RuntimeError):
        sync(docs, dies_midway())
    assert snapshot(docs) == as_bytes(OLD)
    assert not staging_dir(docs).exists()


def test_pages_staged_by_a_killed_build_are_thrown_away(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    sync(docs, OLD)
    staged = staging_dir(docs) / PAGES / "questions/q-1.md"  # what a build killed before its commit leaves
    staged.parent.mkdir(parents=True)
    staged.write_text("半成品\n", encoding="utf-8")
    assert recover(docs) is False
    assert snapshot(docs) == as_bytes(OLD) and not staging_dir(docs).exists()


def test_a_swap_interrupted_after_the_commit_is_finished_by_the_next_sync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    sync(docs, OLD)
    moves = 0
    real_replace = os.replace

    def dies_on_the_second_move(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        nonlocal moves
        if Path(dst).parent != staging_dir(docs):  # the journal's own rename is the commit, not a move
            moves += 1
            if moves == 2:
                raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(site_module.os, "replace", dies_on_the_second_move)
    with pytest.raises(KeyboardInterrupt):
        sync(docs, NEW)
    monkeypatch.setattr(site_module.os, "replace", real_replace)
    assert (staging_dir(docs) / JOURNAL).is_file()
    assert snapshot(docs) != as_bytes(OLD)  # half swapped: one page moved
    assert recover(docs) is True
    assert snapshot(docs) == as_bytes(NEW)
    assert not staging_dir(docs).exists()
    assert not sync(docs, NEW).changed


def test_a_journal_naming_paths_outside_the_generated_tree_is_ignored(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    sync(docs, OLD)
    (tmp_path / "keep.txt").write_text("别删\n", encoding="utf-8")
    staging_dir(docs).mkdir()
    (staging_dir(docs) / JOURNAL).write_text('{"written": [], "removed": ["../keep.txt", "index.md"]}', encoding="utf-8")
    assert recover(docs) is False
    assert (tmp_path / "keep.txt").exists() and snapshot(docs) == as_bytes(OLD)


def test_a_staging_link_is_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    sync(docs, OLD)
    (tmp_path / "elsewhere").mkdir()
    staging_dir(docs).symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(DataError) as error:
        sync(docs, NEW)
    assert ".docs-next" in error.value.report() and "符号链接" in error.value.report()
    assert snapshot(docs) == as_bytes(OLD)


def test_sigkill_during_generation_leaves_the_previous_pages_whole(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    write_data(root / "data", 1000, ROOT / "data")
    (root / "docs").mkdir()
    first = run_cli("--root", str(root), "build")
    assert first.returncode == 0, first.stderr
    before = snapshot(root / "docs")
    for path in (root / "data" / "questions").glob("*.yaml"):  # every question page changes
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^(  title: .*)$", r"\1（改）", text, flags=re.M), encoding="utf-8")

    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    build = subprocess.Popen([sys.executable, "-m", "handbook.cli", "--root", str(root), "build"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    staged = staging_dir(root / "docs") / PAGES / "questions"
    deadline = time.monotonic() + 120
    while not (staged.is_dir() and len(os.listdir(staged)) >= 50):  # killed while pages are being staged
        assert build.poll() is None, "the build ended before it could be killed: " + build.communicate()[1].decode()
        assert time.monotonic() < deadline
        time.sleep(0.005)
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert not (staging_dir(root / "docs") / JOURNAL).exists(), "killed after the commit: the test must kill earlier"
    assert snapshot(root / "docs") == before

    again = run_cli("--root", str(root), "build")
    assert again.returncode == 0, again.stderr
    assert not staging_dir(root / "docs").exists()
    pages = snapshot(root / "docs")
    assert pages.keys() == before.keys()
    assert "（改）" in pages["questions/q-00001.md"].decode("utf-8")


def test_the_site_build_refuses_a_link_in_the_generated_tree_without_a_traceback(tmp_path: Path) -> None:
    repo = site_repo(tmp_path / "repo", FIXTURES / "mini" / "data")
    (tmp_path / "outside").mkdir()
    (repo / "docs" / "questions").symlink_to(tmp_path / "outside", target_is_directory=True)
    result = build_repo_site(repo, tmp_path / "site")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "docs/questions" in output and "符号链接" in output, output
    assert "Traceback" not in output and not any((tmp_path / "outside").iterdir())
