"""Small Markdown helpers: escaping, relative links, front matter."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

_ESCAPE = re.compile(r"([\\`*_{}\[\]])")

GENERATED_NOTE = "<!-- 本页由 handbook build 根据 data/ 生成，请勿手改：修改 data/ 下的 YAML 后重新生成。 -->"


def text(value: str) -> str:
    """Escape user text so that Markdown and HTML show it literally, on one line."""
    value = " ".join(value.split())
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _ESCAPE.sub(r"\\\1", value)


def link(label: str, source: str, target: str, anchor: str | None = None) -> str:
    """A Markdown link from page ``source`` to page ``target`` (paths under docs/)."""
    href = posixpath.relpath(target, posixpath.dirname(source) or ".")
    if anchor:
        href += f"#{anchor}"
    return f"[{text(label)}]({href})"


def front_matter(meta: Mapping[str, Any]) -> str:
    """YAML front matter block, keys in the given order, unicode kept."""
    body = yaml.safe_dump(dict(meta), allow_unicode=True, sort_keys=False, width=1000).strip()
    return f"---\n{body}\n---\n"


def page(meta: Mapping[str, Any], lines: Iterable[str]) -> str:
    """Join front matter, the generated-file note and body lines into a page."""
    body = "\n".join(lines).strip("\n")
    body = re.sub(r"\n{3,}", "\n\n", body)
    return front_matter(meta) + "\n" + GENERATED_NOTE + "\n\n" + body + "\n"


def describe(value: str, limit: int = 120) -> str:
    """A plain one-line description for meta tags, cut at ``limit`` characters."""
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def heading(level: int, title: str, anchor: str, exclude: bool = False) -> str:
    """A heading with an explicit ASCII id, so URLs never depend on Chinese slugs.

    ``exclude`` keeps the section (heading and content up to the next heading) out of the search index."""
    pragma = " data-search-exclude" if exclude else ""
    return f"{'#' * level} {text(title)} {{ #{anchor}{pragma} }}\n"
