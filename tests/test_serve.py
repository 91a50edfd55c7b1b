"""`make serve`'s preview: an edited question shows up, bad data is reported without a traceback while the
last good pages stay, and fixing the data brings the preview back."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench import fetch_text, free_port
from conftest import FIXTURES, site_repo

QUESTION = "data/questions/main.yaml"
TITLE = "AB 实验如何设计？"


def _until(condition: Callable[[], bool], what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for: {what}"
        time.sleep(0.2)


class Preview:
    def __init__(self, repo: Path, process: subprocess.Popen[bytes], log: Path, url: str):
        self.repo, self.process, self.log_path, self.url = repo, process, log, url

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def page(self) -> str:
        return fetch_text(self.url + "questions/q-001/")

    def edit(self, old: str, new: str) -> None:
        path = self.repo / QUESTION
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    repo = site_repo(tmp_path / "repo", FIXTURES / "mini" / "data")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_SEEDS": str(FIXTURES / "no-seeds")}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=repo, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Preview(repo, process, log, f"http://127.0.0.1:{port}/")
    try:
        _until(lambda: TITLE in server.page() or process.poll() is not None, "the first build")
        assert process.poll() is None, server.log()
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_edits_show_and_bad_data_keeps_the_last_good_pages(preview: Preview) -> None:
    preview.edit(f"title: {TITLE}", "title: AB 实验怎样设计才可信？")
    _until(lambda: "AB 实验怎样设计才可信？" in preview.page(), "the edited title in the preview")

    preview.edit("category: data", "category: 不存在的分类")
    _until(lambda: "不存在的分类" in preview.log(), "the report of the bad data")
    log = preview.log()
    assert QUESTION in log and "q-001" in log, log
    assert "Traceback" not in log and "预览仍显示上一次成功生成的页面" in log, log
    assert "AB 实验怎样设计才可信？" in preview.page()  # still served
    assert preview.process.poll() is None

    preview.edit("category: 不存在的分类", "category: data")
    preview.edit("title: AB 实验怎样设计才可信？", "title: AB 实验要看哪些指标？")
    _until(lambda: "AB 实验要看哪些指标？" in preview.page(), "the preview after the data is fixed")
    assert "Traceback" not in preview.log()


def test_a_page_sync_that_fails_is_reported_without_a_traceback_and_the_preview_goes_on(preview: Preview) -> None:
    """An OSError while writing the pages (here: a file where the sync stages its pages) is logged with the
    preview kept, not answered with MkDocs' traceback; once it is gone, the next save updates the preview."""
    blocker = preview.repo / ".docs-next"
    blocker.write_text("不是目录", encoding="utf-8")
    preview.edit(f"title: {TITLE}", "title: AB 实验怎样设计才可信？")
    _until(lambda: "预览仍显示上一次成功生成的页面" in preview.log(), "the report of the failed sync")
    log = preview.log()
    assert ".docs-next" in log and "Traceback" not in log, log
    assert TITLE in preview.page() and preview.process.poll() is None

    blocker.unlink()
    preview.edit("title: AB 实验怎样设计才可信？", "title: AB 实验要看哪些指标？")
    _until(lambda: "AB 实验要看哪些指标？" in preview.page(), "the preview after the blocker is gone")
    assert "Traceback" not in preview.log()
