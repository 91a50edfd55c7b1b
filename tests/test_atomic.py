"""One way to replace a file (handbook/atomic.py), used for pages, data files and drafts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from handbook.atomic import write_text


def test_replaces_in_one_step_keeping_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "data/questions/main.yaml"
    write_text(target, "- id: q-1\n")
    assert target.read_text(encoding="utf-8") == "- id: q-1\n" and target.stat().st_mode & 0o777 == 0o644
    os.chmod(target, 0o664)
    write_text(target, "- id: q-2\n")
    assert target.read_text(encoding="utf-8") == "- id: q-2\n" and target.stat().st_mode & 0o777 == 0o664
    assert [p.name for p in target.parent.iterdir()] == ["main.yaml"]


def test_a_failed_write_leaves_the_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    write_text(target, "旧\n")
    with pytest.raises(UnicodeEncodeError):
        write_text(target, "\ud800")  # a lone surrogate cannot be written as UTF-8
    assert target.read_text(encoding="utf-8") == "旧\n"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]
