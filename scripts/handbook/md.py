"""Small Markdown helpers: escaping, relative links, front matter."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

_ESCAPE = re.compile(r"([\\`*_{}\[\]])")

GENERATED_NOTE = "<!-- 本页由 handbook build 根据 data/ 生成，请勿手改：修改 data/ 下的 YAML 后重新生成。 -->"


def text(value: str) -> str:
    """Escape user text so that Markdown and HTML show it literally, on one line."""
    value = " ".join(value.split())
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _ESCAPE.sub(r"\\\1", value)


def link(label: str, source: str, target: str, anchor: str | None = None) -> str:
    """A Markdown link from page ``source`` to page ``target`` (paths under docs/)."""
    href = relative(source, target)
    if anchor:
        href += f"#{anchor}"
    return f"[{text(label)}]({href})"


def relative(source: str, target: str) -> str:
    """Path of page ``target`` relative to page ``source`` (both plain relative paths under docs/, as
    paths.py makes them: no ``.``, ``..`` or empty parts). Same result as posixpath.relpath from the
    source's directory, without its work on absolute paths (a large bank makes hundreds of thousands of links)."""
    source_dirs = source.split("/")[:-1]
    parts = target.split("/")
    common = 0
    while common < len(source_dirs) and common < len(parts) - 1 and source_dirs[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(source_dirs) - common) + parts[common:])


def front_matter(meta: Mapping[str, Any]) -> str:
    """YAML front matter block, keys in the given order, unicode kept.

    Strings are written as JSON strings, which YAML reads as double-quoted scalars:
    exact for any text (quotes, colons, ``#``, leading ``-``), and far cheaper than a YAML emitter.
    The values that themes put into HTML unescaped (title, description, tag names) are
    HTML-escaped here, the one place where data enters page metadata."""
    safe = {key: _html_safe(value) if key in HTML_META else value for key, value in meta.items()}
    return "---\n" + "".join(_yaml_lines(safe, "")) + "---\n"


HTML_META = ("title", "description", "tags")
"""Front matter keys that Material writes into <title>, <meta content="…">, the header and tag chips as is."""


def _html_safe(value: Any) -> Any:
    if isinstance(value, list):
        return [attribute(v) for v in value]
    return attribute(value) if isinstance(value, str) else value


def attribute(value: str) -> str:
    """Text made safe for HTML text and double- or single-quoted attributes."""
    return html.escape(value, quote=True)


def _yaml_lines(meta: Mapping[str, Any], indent: str) -> Iterator[str]:
    for key, value in meta.items():
        if isinstance(value, Mapping):
            yield f"{indent}{key}:\n"
            yield from _yaml_lines(value, indent + "  ")
        elif isinstance(value, list):
            yield f"{indent}{key}:\n"
            yield from (f"{indent}- {_scalar(item)}\n" for item in value)
        else:
            yield f"{indent}{key}: {_scalar(value)}\n"


_NOT_YAML = re.compile(r"[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
"""Characters a YAML reader refuses unescaped (C1 controls, surrogates, U+FFFE/U+FFFF: one of them loses the whole
front matter, and the page is then read as Markdown) or folds as line breaks (NEL, U+2028, U+2029)."""


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(str(value), ensure_ascii=False))


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
