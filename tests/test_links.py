"""Every link and asset in the built site points at a file that exists, and every #anchor at an id on that page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest

pytestmark = pytest.mark.real_data

SITE = "http://127.0.0.1/"
"""The URL built_site was built for (conftest.built_site)."""


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        for key in ("href", "src"):
            if values.get(key) and not (tag == "link" and key == "href" and "canonical" in (values.get("rel") or "")):
                self.links.append(values[key] or "")


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _target(site: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path).removeprefix(urlsplit(SITE).path)
    target = site / path
    return target / "index.html" if path.endswith("/") or path == "" else target


def test_internal_links_and_anchors_resolve(built_site: Path) -> None:
    pages = {p: _parse(p) for p in built_site.rglob("*.html")}
    assert len(pages) > 200
    broken: list[str] = []
    for path, page in pages.items():
        rel = path.relative_to(built_site).as_posix()
        here = urljoin(SITE, rel.removesuffix("index.html"))
        for link in page.links:
            absolute, anchor = urldefrag(urljoin(here, link))
            if not absolute.startswith(SITE):  # other origins (there are none on these pages but the sources' own URLs)
                continue
            target = _target(built_site, absolute)
            if not target.is_file():
                broken.append(f"{rel}: {link} → 没有 {target.relative_to(built_site)}")
                continue
            if anchor and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(anchor) not in ids:
                    broken.append(f"{rel}: {link} → {target.relative_to(built_site)} 里没有 #{anchor}")
    assert not broken, "\n".join(broken[:30])
