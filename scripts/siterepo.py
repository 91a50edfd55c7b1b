"""A throwaway copy of the repository's site code and config, for builds on other data (tests, benchmark)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HANDWRITTEN_DOCS = ("assets", "contributing.md", "import.md", "errors.md")
"""What docs/ holds besides generated pages."""

SITE_FILES = ("mkdocs.yml", "overrides", "scripts", *(f"docs/{name}" for name in HANDWRITTEN_DOCS))
"""What a repository needs beside data/ to build the site (the hook finds the repository from scripts/)."""


def copy_site(target: Path) -> Path:
    """The site's code, config and handwritten pages copied to ``target`` (a repository without data/)."""
    for rel in SITE_FILES:
        source = ROOT / rel
        if source.is_dir():
            shutil.copytree(source, target / rel, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    return target
