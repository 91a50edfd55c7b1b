"""Search over the index in shards, in Chromium: the real handbook built with HANDBOOK_SEARCH_SHARDS_FROM=0 must
find and rank exactly as the single index does, fetching only what a query needs."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from browser import serve
from conftest import build_site
from test_search import _SEARCH, QUERIES, SearchBox, exact_titles, top5

pytestmark = [pytest.mark.browser, pytest.mark.real_data]


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("sharded"), "http://127.0.0.1/", {"HANDBOOK_SEARCH_SHARDS_FROM": "0"})


@pytest.fixture(scope="module")
def sharded_url(sharded_site: Path) -> Iterator[str]:
    with serve(sharded_site) as url:
        yield url


def test_the_site_holds_shards_instead_of_entries(sharded_site: Path, built_site: Path) -> None:
    stub = json.loads((sharded_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    [folder] = (sharded_site / "search" / "shards").iterdir()
    assert stub["docs"] == [] and stub["config"]["shards"]["path"] == f"search/shards/{folder.name}/"
    single = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["docs"] == len(single["docs"])
    assert not (built_site / "search" / "shards").exists()


def test_every_query_finds_the_same_pages_in_the_same_order(browser: Browser, base_url: str, sharded_url: str) -> None:
    """The query set, every question's title and queries in Lunr's syntax: the ten results shown and the count, as
    with the single index."""
    syntax = ["+风控 -支付", "ROI*", "title:风控", "支付 -商户", "*控", "产品*经理", "Ab实验", "风控~1", "用户~2", "ROI~1 支付"]
    queries = [item["query"] for item in QUERIES + exact_titles()] + syntax
    results = {}
    for url in (base_url, sharded_url):
        tab = browser.new_page()
        tab.set_default_timeout(15_000)
        box = SearchBox(tab, url)
        results[url] = [box.search(query) for query in queries]
        tab.close()
    differ = [f"{q}: {a} ≠ {b}" for q, a, b in zip(queries, results[base_url], results[sharded_url], strict=True) if a != b]
    assert not differ, "\n".join(differ)


def _requests(tab: Page) -> list[str]:
    seen: list[str] = []
    tab.on("request", lambda request: seen.append(request.url) if "/search/" in request.url else None)
    return seen


def test_a_query_fetches_the_vocabulary_a_few_postings_and_the_pages_it_lists(browser: Browser, sharded_url: str, sharded_site: Path) -> None:
    """What a query transfers at 10,000 questions is measured by make bench (scripts/bench_search.py)."""
    tab = browser.new_page()
    seen = _requests(tab)
    box = SearchBox(tab, sharded_url)
    [folder] = (sharded_site / "search" / "shards").iterdir()
    assert [u.removeprefix(sharded_url) for u in seen] == ["search/search_index.json", f"search/shards/{folder.name}/meta.json"]
    found, count = box.search("商户权限")
    fetched = [u.removeprefix(f"{sharded_url}search/shards/{folder.name}/") for u in seen[2:]]
    postings = [f for f in fetched if f.startswith("p")]
    pages = [f for f in fetched if f.startswith("d")]
    assert 1 <= len(postings) <= 2, fetched  # 商 and 权: one shard each at most
    assert found[0] == "questions/ant-126/"
    assert len(pages) == count < len(list(folder.glob("d*.json"))), "the pages listed, no others"
    tab.close()


def test_a_query_matching_more_pages_than_listed_says_how_many_matched(browser: Browser, base_url: str, sharded_url: str) -> None:
    counts = {}
    for url in (base_url, sharded_url):
        tab = browser.new_page()
        box = SearchBox(tab, url)
        found, counts[url] = box.search("产品")
        text = tab.locator(".md-search-result__meta").inner_text()
        tab.close()
    assert counts[base_url] > 30 and counts[sharded_url] == counts[base_url]
    assert re.fullmatch(rf"{counts[base_url]} 个符合条件的结果，列出最相关的 30 个", text), text


def test_a_failed_shard_gives_no_results_and_the_next_query_tries_again(browser: Browser, sharded_url: str) -> None:
    tab = browser.new_page()
    box = SearchBox(tab, sharded_url)

    def fail(route: Route) -> None:
        route.abort()

    tab.route(re.compile(r"/search/shards/\w+/p\d+\.txt"), fail)
    assert box.search("风控") == ([], 0)
    tab.unroute(re.compile(r"/search/shards/\w+/p\d+\.txt"), fail)
    found, count = box.search("风控")
    assert "tags/risk-control/" in found and count > 0
    tab.close()


def test_the_last_query_typed_is_the_one_answered(browser: Browser, base_url: str, sharded_url: str) -> None:
    """Queries typed while one is being fetched: only the latest is answered, and its results stay."""
    tab = browser.new_page()
    SearchBox(tab, base_url)
    expected = tab.evaluate(_SEARCH, "用户增长")["hrefs"]
    tab.goto(sharded_url)
    SearchBox(tab, sharded_url)
    for partial in ("用", "用户", "用户增"):
        tab.evaluate(
            """query => { const input = document.querySelector(".md-search__input"); input.value = query;
          input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true })) }""",
            partial,
        )
    found = tab.evaluate(_SEARCH, "用户增长")["hrefs"]
    assert [h.removeprefix(sharded_url) for h in found] == [h.removeprefix(base_url) for h in expected]
    tab.wait_for_timeout(500)
    expect(tab.locator(".md-search-result__list > li")).to_have_count(len(found))
    tab.close()


def test_a_search_link_opens_with_its_results(browser: Browser, sharded_url: str) -> None:
    """?q= on a page searches as soon as the page loads, as with the single index."""
    tab = browser.new_page()
    tab.set_default_timeout(15_000)
    assert "questions/ant-034/" in top5(tab, sharded_url, "AB实验")
    tab.close()


def test_a_page_opened_before_a_new_build_was_published_still_searches(browser: Browser, sharded_site: Path, tmp_path: Path) -> None:
    """The shards' folder is named by their hash: after a new build is published, an open page finds its folder gone,
    reads where the new one is and searches there."""
    site = tmp_path / "site"
    shutil.copytree(sharded_site, site)
    with serve(site) as url:
        tab = browser.new_page()
        box = SearchBox(tab, url)
        assert box.search("风控")[0]
        index = site / "search" / "search_index.json"
        stub = json.loads(index.read_text(encoding="utf-8"))
        [old] = (site / "search" / "shards").iterdir()
        old.rename(old.with_name("0123456789ab"))  # what a new build would publish
        stub["config"]["shards"]["path"] = "search/shards/0123456789ab/"
        index.write_text(json.dumps(stub, ensure_ascii=False), encoding="utf-8")
        found, count = box.search("商户权限")
        assert found[0] == "questions/ant-126/" and count > 0
        tab.close()
