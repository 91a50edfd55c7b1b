"""Pages whose body is already HTML (markup.py): what MkDocs needs from them, without Markdown.

MkDocs converts every page with Python-Markdown, which was most of the build's time for
generated pages. For a page whose front matter carries ``handbook_html``, the hook replaces
the page's Markdown rendering (``apply``) and gives MkDocs instead:

* the table of contents, read from the page's headings;
* the anchors it contains and the anchors it links to in other pages, so that MkDocs's
  anchor check covers these pages as it covers the others;
* its links, turned from source paths (``../tags/x.md``) into the site's URLs (which
  depend on ``use_directory_urls``), with a warning for a link to a page that does not
  exist (``--strict`` makes that an error).

The body is read again from the file and its links resolved when the page is written (``body``,
``resolve``), so that MkDocs does not hold every page's HTML in memory between reading and
writing pages: the links are looked up twice, which costs far less than that memory.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.plugins.handbook")

_LINK = re.compile(r'href="([^":?#]+\.md)((?:\?[^"#]*)?)((?:#[^"]*)?)"')
"""A link to a page's source; scheme-less, so never an external address (those contain ':')."""
_SELF_ANCHOR = re.compile(r'href="#([^"]+)"')
_ID = re.compile(r' id="([^"]+)"')
_HEADING = re.compile(r'<h([1-6])(?: data-search-exclude)? id="([^"]+)">(.*?)<a class="headerlink"')


@dataclass
class Facts:
    """What MkDocs learns from a page's HTML body in place of rendering it."""

    toc: TableOfContents
    anchors: set[str]
    links_to_anchors: dict[File, dict[str, str]]


def body(source: str) -> str:
    """The body of a generated page: everything after its front matter."""
    if source.startswith("---\n"):
        end = source.find("\n---\n", 3)
        if end != -1:
            return source[end + 5 :]
    return source


def facts(html: str, file: File, files: Files) -> Facts:
    """Table of contents and anchors of a page, and warnings for links to pages that do not exist."""
    links: dict[File, dict[str, str]] = {}
    for match in _SELF_ANCHOR.finditer(html):
        links.setdefault(file, {}).setdefault(match.group(1), match.group(0)[6:-1])
    for match in _LINK.finditer(html):
        target = _target(file, match.group(1), files)
        if target is None:
            log.warning(f"生成的页面 '{file.src_uri}' 链接到 '{match.group(1)}'，但没有这个页面（生成器的错误，请报告）。")
        elif match.group(3):
            links.setdefault(target, {}).setdefault(match.group(3)[1:], match.group(1) + match.group(3))
    return Facts(toc=_toc(html), anchors=set(_ID.findall(html)), links_to_anchors=links)


def apply(page: Page, found: Facts) -> None:
    """What rendering the page would have set, from its facts; the content is filled in when the page is written."""
    page.content = ""
    page.toc = found.toc
    page.present_anchor_ids = found.anchors
    page.links_to_anchors = found.links_to_anchors


def resolve(html: str, file: File, files: Files) -> str:
    """The page's links turned into the site's URLs, relative to the page (unknown targets left as they are)."""

    def url(match: re.Match[str]) -> str:
        target = _target(file, match.group(1), files)
        if target is None:
            return match.group(0)
        return f'href="{get_relative_url(target.url, file.url)}{match.group(2)}{match.group(3)}"'

    return _LINK.sub(url, html)


_EXCLUDED_SECTION = re.compile(r"<h[1-6] data-search-exclude .*?(?=<h[1-6] |\Z)", re.DOTALL)
"""A section kept out of search: from its heading (markup.heading with ``exclude``) to the next heading."""


def searchable(html: str) -> str:
    """The page without the sections kept out of search. Material's search plugin parses a page's whole HTML
    and only then drops those sections; on hub pages they are the long lists of questions."""
    return _EXCLUDED_SECTION.sub("", html) if "data-search-exclude" in html else html


def _target(file: File, path: str, files: Files) -> File | None:
    return files.src_uris.get(_join(file.src_uri, path))


def _join(source: str, path: str) -> str:
    """The docs path that ``path``, relative to the page ``source``, names: posixpath.normpath of the two
    joined, done on the parts (the links of a large bank number hundreds of thousands)."""
    parts = source.split("/")[:-1]
    for part in path.split("/"):
        if part == "..":
            if parts and parts[-1] != "..":
                parts.pop()
            else:
                parts.append(part)  # above docs/: no page there, as with normpath
        elif part and part != ".":
            parts.append(part)
    return "/".join(parts) or "."


def _toc(html: str) -> TableOfContents:
    """Headings nested by level, as MkDocs builds them from the toc extension (the first one active)."""
    root: list[AnchorLink] = []
    stack: list[AnchorLink] = []
    for level, anchor, title in _headings(html):
        item = AnchorLink(title, anchor, level)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else root).append(item)
        stack.append(item)
    if root:
        root[0].active = True  # type: ignore[attr-defined]
    return TableOfContents(root)


def _headings(html: str) -> Iterator[tuple[int, str, str]]:
    for match in _HEADING.finditer(html):
        yield int(match.group(1)), match.group(2), match.group(3)
