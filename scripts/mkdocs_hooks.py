"""MkDocs hook: generate pages from data/ once per build.

The data is loaded and checked once (on_config, so the Chinese segmenter learns
the handbook's terms before any page is indexed), rendered once (on_pre_build)
and synced into docs/, writing only files whose content changed. That is what
makes `mkdocs serve --dirty` fast: a YAML edit rewrites only the pages that show
the edited entry, and only those are rebuilt.

The hook module lives as long as the MkDocs process (MkDocs imports a hook once),
so under `mkdocs serve` ``_state`` carries the last build's handbook: a rebuild
whose inputs (data, generator code, seed files: handbook/stamp.py) hash the same
reuses it instead of loading the data again, and when the generated tree is also
as the last sync left it, nothing is rendered. The rebuild that the synced pages
themselves trigger costs almost nothing that way.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path
from typing import IO, Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from handbook import anki, prerendered, shell  # noqa: E402
from handbook.build import load_checked  # noqa: E402
from handbook.handbook import Handbook  # noqa: E402
from handbook.load import keep_files  # noqa: E402
from handbook.markup import FLAG  # noqa: E402
from handbook.paths import ANKI  # noqa: E402
from handbook.problems import DataError, os_error_report  # noqa: E402
from handbook.relations import Index  # noqa: E402
from handbook.render import site_pages  # noqa: E402
from handbook.search import entries, jieba_cut, segmenter_words, spill, write_index  # noqa: E402
from handbook.seeds import seeds_dir  # noqa: E402
from handbook.site import sync  # noqa: E402
from handbook.stamp import build_inputs, record, up_to_date  # noqa: E402

log = logging.getLogger("mkdocs.plugins.handbook")

_state: dict[str, Any] = {}
"""This build's handbook (loaded in on_config, rendered in on_pre_build, indexed in on_post_build)
and the segmenter, taught the handbook's terms."""


DRAFTS = os.environ.get("HANDBOOK_DRAFTS", "") not in ("", "0")
"""HANDBOOK_DRAFTS=1 (make serve DRAFTS=1) previews the drafts in data/drafts/ too; never set when publishing."""


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state["shards_from"] = _shards_from(config)  # a bad setting stops the build before anything is written
    _load()
    _state["loaded_for_build"] = True
    return config


def on_startup(command: str, dirty: bool) -> None:
    _state["serving"] = command == "serve"
    if _state["serving"]:
        keep_files()  # every save reloads the data: parse only the files that changed


def _load() -> None:
    """The checked handbook and the segmenter for the current inputs, loaded unless the last build had them.

    Bad data stops a build with the report. Under `mkdocs serve`, once a build has worked, it is reported
    instead (MkDocs would print a traceback for an exception in a rebuild) and the preview keeps showing
    the last good pages until the data is fixed."""
    inputs = build_inputs(ROOT, seeds_dir(ROOT), DRAFTS)
    if inputs in (_state.get("inputs"), _state.get("refused")):
        return
    try:
        handbook, _ = load_checked(ROOT, drafts=DRAFTS)
    except (DataError, OSError) as error:
        _stop(error.report() if isinstance(error, DataError) else os_error_report(error))
        _state["refused"] = inputs
        return
    _state["cut"] = jieba_cut(segmenter_words(handbook))
    _state["handbook"] = handbook
    _state["inputs"] = inputs


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Fresh per-build caches for HTML that many pages share: the nav (overrides/partials/nav.html) and the
    page shells of generated pages (overrides/hb-shell.html, handbook/shell.py)."""
    env.globals["hb_cache"] = {}
    shells = _state["shells"] = shell.Shells(env.get_template("main.html").render)

    @pass_context
    def hb_shell(context: Context) -> str:
        return shells.render(context.get_all())

    env.globals["hb_shell"] = hb_shell
    return env


def on_pre_build(config: MkDocsConfig) -> None:
    if not _state.pop("loaded_for_build", False):  # a rebuild that reused the config has not been through on_config
        _load()
    _search_only_searchable_sections(config)
    docs = Path(config.docs_dir)
    inputs = _state["inputs"]
    try:
        if not up_to_date(ROOT, docs, inputs):  # else the pages on disk are what rendering would write
            sync(docs, site_pages(_state["handbook"]))
            record(ROOT, docs, inputs)
    except DataError as error:  # a symbolic link in the generated tree
        _stop(error.report())
    except OSError as error:
        _stop(os_error_report(error))
    _prepare_post_build(config)


def _stop(report: str) -> None:
    """Stop a build with ``report``. In a rebuild under `mkdocs serve` it is logged instead and the preview goes on
    with the pages on disk (a sync that failed changed none): MkDocs answers an exception in a rebuild with a
    traceback and a preview stuck until the next save."""
    if not _state.get("served"):
        raise Abort("\n" + report) from None
    log.error(f"{report}\n{KEEPS_SERVING}")


KEEPS_SERVING = "预览仍显示上一次成功生成的页面；问题解决后保存任一数据文件即可自动更新。"


def _prepare_post_build(config: MkDocsConfig) -> None:
    """What on_post_build writes into the site, made now from the data: the search entries of questions and tags
    (spilled to a temporary file) and the Anki deck. A one-off build then lets the data go before MkDocs builds
    the pages (at 10,000 questions the handbook is a third of the memory); `mkdocs serve` keeps it for the next
    rebuild."""
    handbook: Handbook = _state["handbook"]
    index = Index(handbook)
    old = _state.pop("entries", None)
    if old is not None:
        old.close()
    _state["entries"] = spill(entries(index, _state["cut"], config.use_directory_urls))
    _state["deck"] = _deck(index)
    if not _state.get("serving"):
        del index, handbook
        _state.pop("handbook")
        _state.pop("inputs")  # a later build in this process loads the data again
        gc.collect()


def _search_only_searchable_sections(config: MkDocsConfig) -> None:
    """Let Material's search plugin parse a generated page without its sections kept out of search (the lists of
    questions on hub pages): it indexes the same sections, in a fraction of the time. Its index is made anew in
    each build's on_config, so this is done once per build; without that index (search off), nothing is done."""
    index = getattr(config.plugins.get("material/search"), "search_index", None)
    if index is None or getattr(index, "handbook_wrapped", False):
        return
    add_entry = index.add_entry_from_context

    def add_generated_entry(page: Page) -> None:
        full = page.content
        if not page.meta.get(FLAG) or full is None:
            return add_entry(page)
        page.content = prerendered.searchable(full)
        try:
            return add_entry(page)
        finally:
            page.content = full

    index.add_entry_from_context = add_generated_entry
    index.handbook_wrapped = True


SHELL_TEMPLATE = "hb-shell.html"
"""overrides/hb-shell.html: Material's page, rendered once per directory for generated pages (handbook/shell.py)."""

SHELLS = os.environ.get("HANDBOOK_SHELLS", "1") != "0"
"""HANDBOOK_SHELLS=0 renders every page with the theme (tests/test_shell.py compares both ways)."""


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page's body is HTML already: no Markdown to convert (see handbook/prerendered.py)."""
    if page.meta.get(FLAG):
        found = prerendered.facts(markdown, page.file, files)
        # MkDocs would make a Markdown converter for the page next (a millisecond a page): this page needs none.
        page.render = lambda config, files: prerendered.apply(page, found)  # type: ignore[method-assign]
        if SHELLS:
            page.meta["template"] = SHELL_TEMPLATE
        return ""
    return markdown


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _state["hubs"] = {p.file.src_uri: p for p in nav.pages}
    return nav


def _hub_of(page: Page) -> Page | None:
    """The hub in the nav that a page outside it belongs to: questions/ant-034.md and tags/ab-test/2.md
    (a long listing's second page) -> questions/index.md and tags/index.md."""
    if page.parent is not None or page.is_homepage:
        return None
    hub: Page | None = _state["hubs"].get(page.file.src_uri.split("/")[0] + "/index.md")
    return hub if hub is not page else None


@event_priority(100)  # before the search plugin reads the content
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """The HTML of a generated page, read again now rather than held for every page since reading.

    A page outside the nav marks its hub active while it is rendered, so its tab (浏览, 学习, 关于) is
    highlighted and the nav shows where the page belongs; hb_section keys the cached nav and tabs."""
    if page.meta.get(FLAG):
        page.content = prerendered.resolve(prerendered.body(page.file.content_string), page.file, _state["files"])
    hub = _hub_of(page)
    if hub is not None:
        hub.active = True
        _state["active_hub"] = hub
        context["hb_section"] = hub.url
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.meta.get(FLAG):
        page.content = ""  # written: let it go
    hub = _state.pop("active_hub", None)
    if hub is not None:
        hub.active = False
    return output


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _state["files"] = files
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Question and tag pages are indexed from the data (see handbook/search.py), then the index is compacted; the Anki
    deck is written into the site."""
    shells: shell.Shells | None = _state.get("shells")
    if shells:
        log.debug(f"handbook: {shells.filled} pages filled into {len(shells.shells)} shells, {shells.rendered} rendered by the theme")
    search_index = Path(config.site_dir) / "search" / "search_index.json"
    spilled: IO[str] = _state.pop("entries")
    with spilled:
        if search_index.is_file():
            write_index(search_index, spilled, _state.get("shards_from"))
    try:
        anki.write(Path(config.site_dir) / ANKI, _state["deck"])
    except OSError as error:
        _stop(os_error_report(error))
    _state["served"] = _state.get("serving", False)  # a build has worked: rebuilds report problems and go on


SHARDS_FROM = 5000
"""Index entries from which the search index is written in shards (handbook/searchshards.py) unless mkdocs.yml's
``extra.search_shards_from`` says otherwise: about 4,000 questions. Below it one file loads and indexes in about
two seconds; the shards' first search costs a few requests more."""


def _shards_from(config: MkDocsConfig) -> int | None:
    """When to write the index in shards; never for the offline site (file:// pages cannot fetch them)."""
    if any(name.split("/")[-1] == "offline" for name in config.plugins):  # Material's: "material/offline"
        return None
    value = config.extra.get("search_shards_from", SHARDS_FROM)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        _stop(f"mkdocs.yml 的 extra.search_shards_from 应是一个非负整数（索引条目数），实际是 {value!r}。")
        return None
    return value


def _deck(index: Index) -> bytes:
    """The Anki deck (handbook/anki.py, a few seconds at 10,000 questions), made again only when the data or the
    release time changed: a rebuild under `mkdocs serve` writes the last one."""
    key = (_state["inputs"], anki.release_time(ROOT))
    if _state.get("deck_key") != key:
        _state["deck_made"] = anki.apkg(anki.decks(index), key[1])
        _state["deck_key"] = key
    deck: bytes = _state["deck_made"]
    return deck
