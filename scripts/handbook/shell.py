"""Theme pages for generated pages outside the nav: Material rendered once per directory, then filled in.

Rendering Material's main.html costs a few milliseconds a page: at 10,000 questions, a
large share of the build. For a page outside the nav (questions, cases, tags, …) that
HTML differs from its neighbours' only in the page's own values: title, description,
canonical URL, the skip link, the table of contents and the content. So the theme is
rendered once per directory with markers in their place, and every page of that
directory is made by putting its values where the markers are. A page that does not
fit (a nested or empty table of contents, no <h1>, a value containing a marker
character) is rendered by the theme as usual. tests/test_shell.py checks that both
ways give the same HTML.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

_MARK = "\ue000"
"""A private-use character: never in the theme's own output."""


def _marker(name: str) -> str:
    return f"{_MARK}{name}{_MARK}"


TITLE, DESCRIPTION, CANONICAL, CONTENT = (_marker(n) for n in ("title", "description", "canonical", "content"))
SKIP, FIRST, ITEM_TITLE, ITEM_ID, NEXT_ITEM, ITEMS = (_marker(n) for n in ("skip", "first", "item-title", "item-id", "next-item", "items"))


class _StandIn:
    """The page as the theme sees it while the shell is rendered: markers for the page's own values."""

    def __init__(self, page: Page):
        self._page = page
        self.title = TITLE
        self.canonical_url = CANONICAL
        self.content = CONTENT + "<h1"  # the theme adds an <h1> to content without one
        self.meta = {**page.meta, "title": TITLE, "description": DESCRIPTION}
        first = AnchorLink(FIRST, SKIP, 1)
        # Two entries: the theme's whitespace between entries is part of the page too.
        first.children = [AnchorLink(ITEM_TITLE, ITEM_ID, 2), AnchorLink(NEXT_ITEM, NEXT_ITEM, 2)]
        self.toc = TableOfContents([first])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


@dataclass(frozen=True)
class Shell:
    """A rendered page split at the page's own values."""

    html: str
    item: str
    """One table-of-contents entry, with ITEM_TITLE and ITEM_ID in it."""
    between: str
    """What the theme writes between two entries."""

    def fill(self, page: Page, items: list[AnchorLink]) -> str:
        toc = self.between.join(self.item.replace(ITEM_TITLE, i.title).replace(ITEM_ID, i.id) for i in items)
        values = {
            TITLE: page.meta["title"],
            DESCRIPTION: page.meta["description"],
            CANONICAL: page.canonical_url or "",
            SKIP: page.toc.items[0].id,
            ITEMS: toc,
            CONTENT + "<h1": page.content or "",
        }
        out = self.html
        for marker, value in values.items():
            out = out.replace(marker, value)
        return out


def _split(html: str) -> Shell | None:
    """The shell, with the sample table-of-contents entries cut out; None if the theme put markers where we do not expect."""
    entry = '<li class="md-nav__item">'
    at, at_next = html.find(ITEM_TITLE), html.find(NEXT_ITEM)
    start, next_start = html.rfind(entry, 0, at), html.rfind(entry, 0, at_next)
    end, next_end = html.find("</li>", at), html.find("</li>", at_next)
    if min(at, at_next, start, next_start, end, next_end) < 0 or html.count(ITEM_TITLE) != 1 or not end < next_start:
        return None
    end, next_end = end + len("</li>"), next_end + len("</li>")
    shell = html[:start] + ITEMS + html[next_end:]
    if any(marker in shell for marker in (FIRST, ITEM_ID, NEXT_ITEM)):
        return None
    return Shell(html=shell, item=html[start:end], between=html[end:next_start])


def fits(page: Page) -> bool:
    """A page the shell can make: outside the nav, flat table of contents under one <h1>, plain values."""
    if page.parent is not None or page.previous_page is not None or page.next_page is not None or page.is_homepage:
        return False
    meta = page.meta
    if not isinstance(meta.get("title"), str) or not isinstance(meta.get("description"), str):
        return False
    toc = list(page.toc)
    if len(toc) != 1 or toc[0].level != 1 or not toc[0].children or any(c.children for c in toc[0].children):
        return False
    content = page.content or ""
    values = [meta["title"], meta["description"], page.canonical_url or "", content, toc[0].id]
    values += [v for c in toc[0].children for v in (c.title, c.id)]
    return "<h1" in content and not any(_MARK in v for v in values)


class Shells:
    """The shells of one build, by directory, and how many pages each way made."""

    def __init__(self, theme: Callable[[Mapping[str, Any]], str]):
        self.theme = theme
        """Material's main.html: renders a page from its template context."""
        self.shells: dict[Any, Shell | None] = {}
        self.filled = 0
        self.rendered = 0

    def render(self, context: Mapping[str, Any]) -> str:
        """The page of ``context`` as the theme would render it."""
        page: Page = context["page"]
        shell = self._shell(context, page) if fits(page) else None
        if shell is None:
            self.rendered += 1
            return self.theme(context)
        self.filled += 1
        return shell.fill(page, list(page.toc)[0].children)

    def _shell(self, context: Mapping[str, Any], page: Page) -> Shell | None:
        meta = tuple(sorted((k, str(v)) for k, v in page.meta.items() if k not in _OWN_META))
        key = (posixpath.dirname(page.url.rstrip("/")), meta)
        if key not in self.shells:
            self.shells[key] = _split(self.theme({**context, "page": _StandIn(page)}))
        return self.shells[key]


_OWN_META = ("title", "description", "question_id")
"""Front matter that differs from page to page and that the shell fills in (or the theme never reads)."""
