"""What the reader sees, in headless Chromium against the built site on 127.0.0.1."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.real_data]


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    outside: list[str] = []
    tab.on("request", lambda request: outside.append(request.url) if not request.url.startswith(base_url) else None)
    yield tab
    context.close()
    assert outside == [], f"requests outside the site: {outside}"


def search_results(page: Page, base_url: str, query: str) -> list[str]:
    """Open the search with ``query`` and return the result links, once the worker has answered."""
    page.goto(f"{base_url}?q={quote(query)}")
    results = page.locator(".md-search-result__list > li")
    expect(results.first).to_be_visible()
    return [results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(min(results.count(), 5))]


def h1(text: str) -> re.Pattern[str]:
    """The page title, ignoring the permalink sign after it."""
    return re.compile(rf"^\s*{re.escape(text)}\s*¶?\s*$")


def test_home_to_category_to_question_to_tag(page: Page, base_url: str) -> None:
    page.goto(base_url)
    expect(page.locator("h1")).to_have_text(h1("产品经理面试手册"))
    page.get_by_role("link", name="支付与风控", exact=True).first.click()
    expect(page.locator("h1")).to_have_text(h1("支付与风控"))
    page.get_by_role("link", name="如何规避", exact=False).first.click()
    expect(page).to_have_url(f"{base_url}questions/ant-010/")
    expect(page.locator("#intent")).to_have_text(h1("考察点"))
    title = page.locator("h1").inner_text().rstrip("¶ \n")
    page.locator("nav.md-tags a", has_text="风控").click()
    expect(page.locator("h1")).to_have_text(h1("风控"))
    expect(page.locator("article").get_by_role("link", name=title, exact=True)).to_be_visible()


def test_chinese_search_finds_a_question(page: Page, base_url: str) -> None:
    hrefs = search_results(page, base_url, "商户收款")
    assert any("questions/ant-011/" in h for h in hrefs), hrefs


def test_mixed_latin_chinese_query_finds_ab_experiment(page: Page, base_url: str) -> None:
    hrefs = search_results(page, base_url, "AB实验")
    assert any("questions/ant-034/" in h for h in hrefs), hrefs


def test_tag_pages_show_up_once_not_as_listings(page: Page, base_url: str) -> None:
    """A tag page is one lean result (its name and synonyms, handbook/search.py), never its list of questions,
    which would repeat every question's title as a second result."""
    hrefs = search_results(page, base_url, "风控")
    tags = [h.split("?")[0] for h in hrefs if "/tags/" in h]
    assert hrefs and tags == [f"{base_url}tags/risk-control/"], hrefs


def test_question_page_at_phone_width(browser: Browser, base_url: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    tab = context.new_page()
    tab.goto(f"{base_url}questions/ant-034/")
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    artefacts = Path(__file__).resolve().parent.parent / "test-artifacts"
    artefacts.mkdir(exist_ok=True)
    tab.screenshot(path=str(artefacts / "question-phone.png"))
    context.close()
    assert overflow <= 0
