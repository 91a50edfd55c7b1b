"""MkDocs hook: generate pages from data/ once per build.

The data is loaded and checked once (on_config, so the Chinese segmenter learns
the handbook's terms before any page is indexed), rendered once (on_pre_build)
and synced into docs/, writing only files whose content changed. That is what
makes `mkdocs serve --dirty` fast: a YAML edit rewrites only the pages that show
the edited entry, and only those are rebuilt; the rebuild those writes trigger
finds nothing to change and the loop stops.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from handbook.build import load_checked  # noqa: E402
from handbook.handbook import Handbook  # noqa: E402
from handbook.problems import DataError  # noqa: E402
from handbook.render import render_site  # noqa: E402
from handbook.search import add_words, compact_index, segmenter_words  # noqa: E402
from handbook.site import sync  # noqa: E402

_loaded: dict[str, Handbook] = {}
"""The handbook loaded by this build's on_config, consumed by its on_pre_build."""


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        handbook, _ = load_checked(ROOT)
    except DataError as error:
        raise Abort("\n" + error.report()) from None
    add_words(segmenter_words(handbook))
    _loaded["handbook"] = handbook
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    handbook = _loaded.pop("handbook", None)
    if handbook is None:  # a rebuild that reused the config: load again
        try:
            handbook, _ = load_checked(ROOT)
        except DataError as error:
            raise Abort("\n" + error.report()) from None
    sync(Path(config.docs_dir), render_site(handbook))


def on_post_build(config: MkDocsConfig) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        compact_index(index)
