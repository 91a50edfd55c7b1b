"""Search as readers use it: a query set typed into the built site, recall@5 measured in Chromium."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.real_data]

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))
RECALL_FLOOR = 0.95


@pytest.fixture(scope="module")
def page(browser: Browser, base_url: str) -> tuple[Page, str]:
    tab = browser.new_page()
    tab.set_default_timeout(15_000)
    return tab, base_url


def top5(tab: Page, base: str, query: str) -> list[str]:
    """Result page paths, best first, for ``query`` typed into the search box."""
    tab.goto(f"{base}?q={quote(query)}")
    results = tab.locator(".md-search-result__list > li")
    meta = tab.locator(".md-search-result__meta")
    expect(meta).not_to_have_text("正在初始化搜索引擎")
    expect(meta).not_to_have_text("")
    hrefs = [results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(min(results.count(), 5))]
    return [h.removeprefix(base).split("#")[0].split("?")[0] for h in hrefs]


def test_query_set_is_large_enough() -> None:
    assert len(QUERIES) >= 40


def test_recall_at_5(page: tuple[Page, str], capsys: pytest.CaptureFixture[str]) -> None:
    tab, base = page
    misses = []
    for item in QUERIES:
        found = top5(tab, base, item["query"])
        if not set(found) & set(item["expect"]):
            misses.append(f"{item['query']} → {found}")
    recall = 1 - len(misses) / len(QUERIES)
    with capsys.disabled():  # the number is part of the test output, pass or fail
        print(f"\nsearch recall@5 = {recall:.1%} over {len(QUERIES)} queries")
        for miss in misses:
            print(f"  miss: {miss}")
    assert recall >= RECALL_FLOOR, "\n".join(misses)


def test_result_text_has_no_zero_width_characters(page: tuple[Page, str]) -> None:
    tab, base = page
    top5(tab, base, "商户收款")
    text = tab.locator(".md-search-result__list").inner_text()
    assert "商户" in text and "\u200b" not in text


def test_search_results_at_phone_width(browser: Browser, base_url: str) -> None:
    """Search on a phone: results visible, no horizontal overflow; a screenshot is kept as an artefact."""
    base = base_url
    artefacts = Path(__file__).resolve().parent.parent / "test-artifacts"
    artefacts.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=2)
    tab = context.new_page()
    found = top5(tab, base, "AB实验")
    tab.screenshot(path=str(artefacts / "search-phone.png"))
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert "questions/ant-034/" in found
    assert overflow <= 0


def test_pasted_text_starts_a_search(browser: Browser, base_url: str) -> None:
    """Text that arrives without a key press (pasted with the mouse, an IME's final text) searches too."""
    tab = browser.new_page()
    tab.goto(base_url)
    tab.locator(".md-search__input").focus()
    meta = tab.locator(".md-search-result__meta")
    expect(meta).not_to_have_text("正在初始化搜索引擎", timeout=15_000)
    tab.locator(".md-search__input").fill("AB实验")  # an input event and no keyup, as a paste makes
    results = tab.locator(".md-search-result__list > li")
    expect(results.first).to_be_visible()
    hrefs = [results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(min(results.count(), 5))]
    assert any("questions/ant-034/" in href for href in hrefs), hrefs
    tab.close()


def _index_requests(tab: Page) -> list[str]:
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url) if request.url.endswith("search/search_index.json") else None)
    return requests


def test_the_index_loads_when_the_reader_turns_to_search_not_with_the_page(browser: Browser, base_url: str) -> None:
    """The index (the largest download of a page) waits until the reader is about to search: here the / shortcut."""
    tab = browser.new_page()
    requests = _index_requests(tab)
    tab.goto(base_url + "questions/ant-034/", wait_until="networkidle")
    tab.wait_for_timeout(500)
    assert requests == [], "the search index loaded with the page"
    tab.keyboard.press("/")
    expect(tab.locator(".md-search__input")).to_be_focused()
    tab.keyboard.type("AB实验")
    expect(tab.locator(".md-search-result__list > li").first).to_be_visible(timeout=15_000)
    assert len(requests) == 1
    tab.close()


def test_tapping_the_search_icon_on_a_phone_loads_the_index(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    requests = _index_requests(tab)
    tab.goto(base_url + "cases/case-ant-034/", wait_until="networkidle")
    assert requests == []
    tab.locator("label.md-header__button[for='__search']").tap()
    expect(tab.locator(".md-search__input")).to_be_focused()
    expect(tab.locator(".md-search-result__meta")).not_to_have_text("正在初始化搜索引擎", timeout=15_000)
    assert len(requests) == 1
    context.close()
