"""HTML for generated pages: escaping, links between pages, headings, lists, tables.

Generated pages are written as HTML bodies: the hook (prerendered.py) hands them to the theme
without running Markdown, which was most of the build's time. Links point at the target's
source file (``../tags/x.md``) as Markdown links would; the hook turns them into the site's URLs
and reports links to pages that do not exist.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from . import md

FLAG = "handbook_html"
"""Front matter key marking a page whose body is HTML made here (see prerendered.py)."""


@lru_cache(maxsize=1 << 16)
def text(value: str) -> str:
    """User text shown literally, on one line.

    Quotes are escaped too: the hook reads links and ids out of the body (``href="…"``, ``id="…"``,
    prerendered.py), and a quote left as typed would let text such as ``href="../x.md"`` pass for one.
    Cached: names and titles are shown on many pages (a large bank escapes them over a million times)."""
    return html.escape(" ".join(value.split()), quote=True)


def attr(value: str) -> str:
    """Text made safe for a double-quoted attribute."""
    return html.escape(value, quote=True)


def href(source: str, target: str, anchor: str | None = None) -> str:
    """Relative link from page ``source`` to the page whose source is ``target`` (paths under docs/)."""
    return md.relative(source, target) + (f"#{anchor}" if anchor else "")


def link(label: str, source: str, target: str, anchor: str | None = None, css: str | None = None, rel: str | None = None) -> str:
    """A link to another page, with an optional class (e.g. Material's tag chip, ``md-tag``) and relation (``prev``)."""
    cls = f'class="{css}" ' if css else ""
    relation = f'rel="{rel}" ' if rel else ""
    return f'<a {cls}{relation}href="{attr(href(source, target, anchor))}">{text(label)}</a>'


def heading(level: int, title: str, anchor: str, exclude: bool = False) -> str:
    """A heading with an explicit ASCII id and a permalink, as the toc extension writes it.

    ``exclude`` keeps the section (heading and content up to the next heading) out of Material's search index."""
    pragma = " data-search-exclude" if exclude else ""
    return f'<h{level}{pragma} id="{anchor}">{text(title)}<a class="headerlink" href="#{anchor}" title="本节链接">&para;</a></h{level}>'


_SECTION = re.compile(r'<h2(?: data-search-exclude)? id="([^"]+)">(.*?)<a class="headerlink"')
"""A second-level heading as heading() writes it: its id and its (escaped) title."""


def with_section_list(blocks: Iterable[str], minimum: int = 3) -> list[str]:
    """The blocks, with a list of the page's sections (its <h2>s) before the first one.

    Material shows a page's table of contents beside it from 60em up; on a narrower screen a
    page outside the nav has none, so this list (handbook.css hides it where the sidebar shows)
    lets a phone reader jump to 答题要点 or 示例. Pages with fewer than ``minimum`` sections go without."""
    blocks = [block for block in blocks if block]
    found = [(i, m) for i, block in enumerate(blocks) for m in _SECTION.finditer(block)]
    if len(found) < minimum:
        return blocks
    items = "".join(f'<li><a href="#{m.group(1)}">{m.group(2)}</a></li>' for _, m in found)
    nav = f'<nav class="hb-sections" aria-label="本页目录" data-search-exclude><span>本页</span><ul>{items}</ul></nav>'
    first = found[0][0]
    return [*blocks[:first], nav, *blocks[first:]]


def para(inner: str, exclude: bool = False) -> str:
    """A paragraph; ``exclude`` keeps it out of search (as ul() does a list)."""
    return f"<p data-search-exclude>{inner}</p>" if exclude else f"<p>{inner}</p>"


def li(inner: str, attrs: Mapping[str, str] | None = None) -> str:
    extra = "".join(f' {key}="{attr(value)}"' for key, value in sorted((attrs or {}).items()))
    return f"<li{extra}>{inner}</li>"


def ul(items: Iterable[str], exclude: bool = False) -> str:
    """A bulleted list; items are inner HTML, or whole ``<li …>`` elements from li().

    ``exclude`` keeps the list out of Material's search index: a hub's list of pages that are indexed on their
    own, so that a query finds the page, not the page and every list naming it."""
    return _list("ul", items, exclude)


def ol(items: Iterable[str], exclude: bool = False) -> str:
    return _list("ol", items, exclude)


def _list(tag: str, items: Iterable[str], exclude: bool) -> str:
    body = "".join((item if item.startswith("<li") else li(item)) + "\n" for item in items)
    pragma = " data-search-exclude" if exclude else ""
    return f"<{tag}{pragma}>\n{body}</{tag}>" if body else ""


def table(headers: list[str], rows: Iterable[list[str]], right: Iterable[int] = ()) -> str:
    """A table; cells are inner HTML; columns numbered in ``right`` are right-aligned."""
    aligned = set(right)

    def cells(tag: str, values: list[str]) -> str:
        return "".join(f"<{tag}{_align(i, aligned)}>{v}</{tag}>\n" for i, v in enumerate(values))

    body = "".join(f"<tr>\n{cells('td', row)}</tr>\n" for row in rows)
    return f"<table>\n<thead>\n<tr>\n{cells('th', headers)}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>"


def _align(column: int, right: set[int]) -> str:
    return ' style="text-align: right;"' if column in right else ""


def page(meta: Mapping[str, Any], blocks: Iterable[str]) -> str:
    """Front matter, the generated-file note and the HTML blocks of a page."""
    body = "\n".join(block for block in blocks if block)
    return md.front_matter({**meta, FLAG: True}) + "\n" + md.GENERATED_NOTE + "\n" + body + "\n"
