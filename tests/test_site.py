"""Writing the generated tree: only changed files, stale pages removed, hand-written pages kept."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import write_tree
from handbook.site import plan, sync


def test_writes_then_leaves_unchanged_files_alone(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    pages = {"index.md": "首页\n", "questions/q-1.md": "题\n"}
    first = sync(docs, pages)
    assert sorted(first.written) == ["index.md", "questions/q-1.md"]
    stamp = (docs / "questions/q-1.md").stat().st_mtime_ns
    os.utime(docs / "questions/q-1.md", ns=(stamp - 10_000_000, stamp - 10_000_000))
    second = sync(docs, {**pages, "index.md": "新首页\n"})
    assert second.written == ["index.md"] and second.unchanged == 1
    assert (docs / "questions/q-1.md").stat().st_mtime_ns == stamp - 10_000_000


def test_removes_generated_pages_whose_data_is_gone_and_keeps_hand_written(tmp_path: Path) -> None:
    docs = write_tree(tmp_path / "docs", {"contributing.md": "手写\n", "assets/x.css": "a{}\n"})
    sync(docs, {"questions/q-1.md": "1\n", "questions/q-2.md": "2\n", "tags/t/deep.md": "x\n"})
    report = sync(docs, {"questions/q-1.md": "1\n"})
    assert report.removed == ["questions/q-2.md", "tags/t/deep.md"]
    assert not (docs / "tags").exists()
    assert (docs / "contributing.md").read_text(encoding="utf-8") == "手写\n"
    assert (docs / "assets/x.css").exists()


def test_plan_reports_staleness_without_writing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    report = plan(docs, {"index.md": "x\n"})
    assert report.changed and report.written == ["index.md"]
    assert not docs.exists()
