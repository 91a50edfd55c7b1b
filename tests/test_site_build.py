"""The real site built with mkdocs --strict: files, links, search index, no third-party assets."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from conftest import ROOT
from handbook.build import load_checked
from handbook.relations import Index
from handbook.search import WORD_BREAK

pytestmark = pytest.mark.real_data

EXTERNAL_ASSET = re.compile(r"<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=\"(?:https?:)?//(?!127\.0\.0\.1)", re.I)


def test_hub_and_entity_pages_exist(built_site: Path) -> None:
    for path in [
        "index.html",
        "questions/index.html",
        "questions/ant-034/index.html",
        "questions/wsp-e01/index.html",
        "categories/payment-risk/index.html",
        "frameworks/star/index.html",
        "cases/case-wsp-e02/index.html",
        "companies/ant-group/index.html",
        "rounds/hr/index.html",
        "tips/process/index.html",
        "tags/index.html",
        "tags/ab-test/index.html",
        "sources/index.html",
        "contributing/index.html",
        "reference/index.html",
        "export/handbook.json",
    ]:
        assert (built_site / path).is_file(), path


def test_no_third_party_assets(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        match = EXTERNAL_ASSET.search(html)
        assert match is None, f"{page.relative_to(built_site)} loads {match.group(0) if match else ''}"
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_search_index_has_questions_but_no_tag_listings(built_site: Path) -> None:
    """A tag page is one lean entry (its name, synonyms and description, from the data), without the questions it lists."""
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "questions/ant-034/" in locations
    tags = [doc for doc in index["docs"] if doc["location"].startswith("tags/")]
    tag_pages = sorted(f"tags/{d.name}/" for d in (built_site / "tags").iterdir() if (d / "index.html").is_file())
    assert sorted(doc["location"] for doc in tags) == tag_pages  # one entry each, none for a listing's page 2
    ab = next(doc for doc in tags if doc["location"] == "tags/ab-test/")
    assert "AB测试" in ab["title"].replace(WORD_BREAK, "") and "如何设计" not in ab["text"].replace(WORD_BREAK, "")
    assert index["config"]["lang"] == ["zh"]


def test_hubs_leave_what_they_list_to_its_own_page(built_site: Path) -> None:
    """A hub's list names pages that are indexed on their own (a category's, framework's, round's, company's or tip
    kind's description, a case's or question's title): the list stays out of search, so that a query finds the page
    once rather than the page and every list naming it."""
    index = Index(load_checked(ROOT)[0])
    texts: dict[str, str] = {}
    for doc in json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]:
        page = doc["location"].split("#")[0]
        texts[page] = texts.get(page, "") + " " + html.unescape(doc["title"] + " " + doc["text"]).replace(WORD_BREAK, "")

    def pages_with(words: str) -> list[str]:
        return sorted(page for page, text in texts.items() if words in text)

    for cid, category in index.categories.items():
        assert pages_with(category.description) == [f"categories/{cid}/"]
    for fid, framework in index.frameworks.items():
        assert pages_with(framework.summary) == [f"frameworks/{fid}/"]
    for rid, round_ in index.rounds.items():
        assert pages_with(round_.description) == [f"rounds/{rid}/"]
    for cid, company in index.companies.items():
        assert pages_with(company.description) == [f"companies/{cid}/"]
    for kid, kind in index.tip_kinds.items():
        assert pages_with(kind.description) == [f"tips/{kid}/"]
    hubs = ("", "categories/", "frameworks/", "cases/", "companies/", "rounds/", "tips/")
    listed = [c.title for c in index.cases.values()] + [q.title for q in index.hot]
    assert index.hot and [(hub, title) for hub in hubs for title in listed if title in texts[hub]] == []


def test_search_index_breaks_words_with_one_byte(built_site: Path) -> None:
    """Every word break in the written index is WORD_BREAK (1 byte) instead of a zero-width space (3), on Material's
    own entries too, and the separator the browser splits with cuts there: 产品经理 stays two indexed words."""
    raw = (built_site / "search/search_index.json").read_text(encoding="utf-8")
    index = json.loads(raw)
    assert "\u200b" not in raw and raw.count(WORD_BREAK) > 1000
    separator = re.compile(index["config"]["separator"])
    home = next(doc for doc in index["docs"] if doc["location"] == "#home")  # an entry Material's build segmented
    assert WORD_BREAK in home["text"]
    assert all(WORD_BREAK not in word for doc in index["docs"] for word in separator.split(doc["title"] + " " + doc["text"]))
    assert "产品" in separator.split(home["title"]) and "经理" in separator.split(home["title"])


def test_heading_ids_are_ascii(built_site: Path) -> None:
    html = (built_site / "questions/ant-034/index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h[1-6][^>]* id="([^"]+)"', html)
    assert {"intent", "outline", "sources"} <= set(ids)
    assert not [i for i in ids if re.fullmatch(r"_\d+", i)]


def test_tag_chips_link_to_tag_pages(built_site: Path) -> None:
    html = (built_site / "questions/ant-034/index.html").read_text(encoding="utf-8")
    chips = [re.search(r'href="([^"]+)"', a)[1] for a in re.findall(r'<a [^>]*class="md-tag"[^>]*>', html)]  # type: ignore[index]
    assert any(href.startswith("../../tags/ab-test/") for href in chips), chips


def test_pages_have_meta_descriptions(built_site: Path) -> None:
    html = (built_site / "questions/ant-010/index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="description" content="[^"]*考察点', html)


SCRIPT_TAG = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"[^>]*>")


def test_no_script_holds_up_the_first_paint_and_page_scripts_load_where_needed(built_site: Path) -> None:
    """Every external script is deferred (Material's bundle too); the question browser loads on 题目总览 only."""
    browser_pages = []
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        tags = SCRIPT_TAG.findall(html)
        if not tags:
            continue
        blocking = [m.group(0) for m in SCRIPT_TAG.finditer(html) if " defer" not in m.group(0)]
        assert blocking == [], f"{page.relative_to(built_site)}: {blocking}"
        assert any("javascripts/bundle." in src for src in tags), page
        if any(src.endswith("question-browser.js") for src in tags):
            assert "question-browser.css" in html
            browser_pages.append(page.relative_to(built_site).as_posix())
    assert browser_pages == ["questions/index.html"]
