"""Generated pages filled into a shell per directory (handbook/shell.py) are the pages the theme would render."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, site_repo, write_tree

HOSTILE = (
    '- id: q-shell\n  title: "壳里的 <题目> & \\"引号\\" \\ue001"\n  category: data\n  tags: [metrics]\n'
    '  intent: "描述里有 \\"><script>alert(1)</script> 和 &amp;"\n  outline: [a, b, c]\n'
)
"""A title and intent with HTML, quotes, ampersands and a private-use character next to the shell's marker."""


def _build(repo: Path, out: Path, shells: str) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_SEEDS": str(FIXTURES / "no-seeds"), "HANDBOOK_SHELLS": shells}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--verbose", "--site-dir", str(out)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_shell_pages_are_byte_identical_to_theme_pages(tmp_path: Path) -> None:
    repo = site_repo(tmp_path / "repo", FIXTURES / "mini" / "data")
    write_tree(repo, {"data/questions/shell.yaml": HOSTILE})
    log = _build(repo, tmp_path / "filled", "1")
    _build(repo, tmp_path / "themed", "0")

    filled, themed = _pages(tmp_path / "filled"), _pages(tmp_path / "themed")
    assert sorted(filled) == sorted(themed)
    different = [path for path in filled if filled[path] != themed[path]]
    assert not different, f"pages differ between shell and theme: {different}"

    counts = re.search(r"handbook: (\d+) pages filled into (\d+) shells, (\d+) rendered by the theme", log)
    assert counts, log[-2000:]
    pages, shells, rendered = map(int, counts.groups())
    # Questions, cases, frameworks, tags, … come from a few shells; the company page (nested contents) and
    # pages in the nav are rendered by the theme.
    assert pages >= 10 and shells < pages and rendered >= 1
    page = filled["questions/q-shell/index.html"].decode()
    assert "<script>alert(1)</script>" not in page and "&lt;题目&gt;" in page
