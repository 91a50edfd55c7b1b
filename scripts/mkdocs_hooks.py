"""MkDocs hook: regenerate pages from data/ before every build.

This is what makes `mkdocs serve` refresh when a YAML file changes
(mkdocs.yml watches data/). Only changed files are written, so the rebuild
that the written files trigger finds nothing to do and the loop stops.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from handbook.build import generate, load_checked  # noqa: E402
from handbook.problems import DataError  # noqa: E402
from handbook.search import add_words, compact_index, segmenter_words  # noqa: E402
from handbook.site import sync  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Teach the Chinese segmenter the handbook's terms before any page is indexed."""
    try:
        handbook, _ = load_checked(ROOT)
    except DataError as error:
        raise Abort("\n" + error.report()) from None
    add_words(segmenter_words(handbook))
    return config


def on_post_build(config: MkDocsConfig) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        compact_index(index)


def on_pre_build(config: MkDocsConfig) -> None:
    try:
        pages = generate(ROOT)
    except DataError as error:
        raise Abort("\n" + error.report()) from None
    sync(Path(config.docs_dir), pages)
