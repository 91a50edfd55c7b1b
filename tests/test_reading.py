"""Reading the site as published: under a GitHub Pages project path, with no third-party requests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Response, expect

from browser import serve
from conftest import build_site

pytestmark = [pytest.mark.browser, pytest.mark.real_data]

PREFIX = "/pm-handbook/"
PAGE_TYPES = [
    "",
    "questions/",
    "questions/ant-010/",
    "categories/payment-risk/",
    "frameworks/payment-chain-risk/",
    "cases/case-wsp-e02/",
    "companies/ant-group/",
    "rounds/hr/",
    "tips/review/",
    "tags/",
    "tags/risk-control/",
    "sources/",
    "contributing/",
    "reference/",
    "practice/",
    "404.html",
]


@pytest.fixture(scope="module")
def prefixed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built for a project site at http://127.0.0.1<PREFIX>, like https://USER.github.io/REPO/."""
    return build_site(tmp_path_factory.mktemp("prefixed") / "site", f"http://127.0.0.1{PREFIX}")


@pytest.fixture(scope="module")
def base(prefixed_site: Path) -> Iterator[str]:
    with serve(prefixed_site, PREFIX) as url:
        yield url


class Recorder:
    """Every request a page makes, and every failed response."""

    def __init__(self, page: Page):
        self.requests: list[str] = []
        self.failures: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", self._response)

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.failures.append(f"{response.status} {response.url}")


def test_every_page_type_loads_everything_from_its_own_origin(browser: Browser, base: str) -> None:
    page = browser.new_page()
    recorder = Recorder(page)
    for path in PAGE_TYPES:
        page.goto(base + path, wait_until="networkidle")
        expect(page.locator("h1").first).to_be_visible()
    outside = [url for url in recorder.requests if not url.startswith(base)]
    assert outside == [], outside
    assert recorder.failures == [], recorder.failures
    assert len(recorder.requests) > len(PAGE_TYPES)
    page.close()


def test_links_and_search_work_under_a_path_prefix(browser: Browser, base: str) -> None:
    page = browser.new_page()
    recorder = Recorder(page)
    page.goto(base)
    page.get_by_role("link", name="支付与风控", exact=True).first.click()
    expect(page).to_have_url(f"{base}categories/payment-risk/")
    page.goto(f"{base}?q=微信支付")
    first = page.locator(".md-search-result__list > li a").first
    expect(first).to_be_visible()
    first.click()
    expect(page).to_have_url(re.compile(re.escape(f"{base}questions/ant-088/") + r"(\?h=.*)?$"))
    expect(page.locator("h1")).to_contain_text("微信支付")
    assert recorder.failures == [], recorder.failures
    page.close()


def test_question_pages_lead_to_their_category_and_neighbours(browser: Browser, base: str) -> None:
    """Breadcrumb (题目总览 › category) and 上一题/下一题 follow the category page's order, under the path prefix."""
    page = browser.new_page()
    page.goto(f"{base}categories/payment-risk/")
    listed = page.locator("article li > a[href*='questions/']").evaluate_all("links => links.map(a => a.href)")
    assert len(listed) >= 3
    page.goto(listed[1])
    crumbs = page.get_by_role("navigation", name="所在位置")
    expect(crumbs.get_by_role("link")).to_have_text(["题目总览", "支付与风控"])
    neighbours = page.get_by_role("navigation", name="同分类的上一题和下一题")
    neighbours.get_by_role("link", name=re.compile("^下一题：")).click()
    expect(page).to_have_url(listed[2])
    neighbours.get_by_role("link", name=re.compile("^上一题：")).click()
    expect(page).to_have_url(listed[1])
    crumbs.get_by_role("link", name="支付与风控").click()
    expect(page).to_have_url(f"{base}categories/payment-risk/")
    page.goto(listed[0])
    expect(neighbours.get_by_role("link", name=re.compile("^上一题："))).to_have_count(0)
    page.close()


SECTION_OF = {
    "questions/ant-034/": "浏览",
    "categories/payment-risk/": "浏览",
    "companies/ant-group/": "浏览",
    "rounds/first/": "浏览",
    "tags/ab-test/": "浏览",
    "frameworks/star/": "学习",
    "cases/case-ant-034/": "学习",
    "tips/prep/": "学习",
    "sources/ant-notes/": "关于",
}


def test_the_tab_of_a_pages_section_is_highlighted(browser: Browser, base: str) -> None:
    """Pages outside the nav (questions, tags, frameworks, …) highlight the tab they belong to, as hub pages do."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    shown = {}
    for path in SECTION_OF:
        page.goto(base + path)
        active = page.locator(".md-tabs__item--active")
        expect(active).to_have_count(1)
        look = active.locator("a").evaluate("a => getComputedStyle(a).opacity")
        others = page.locator(".md-tabs__item:not(.md-tabs__item--active) a").first.evaluate("a => getComputedStyle(a).opacity")
        assert float(look) > float(others), path  # Material dims the tabs that are not active
        shown[path] = active.inner_text().strip()
    assert shown == SECTION_OF
    page.close()


def test_phones_get_a_section_list_that_jumps_into_the_page(browser: Browser, base: str) -> None:
    """Below 60em Material shows no table of contents for a page outside the nav: the page's own 本页 list does."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{base}questions/ant-034/")
    sections = page.get_by_role("navigation", name="本页目录")
    expect(sections).to_be_visible()
    expect(page.locator(".md-sidebar--secondary .md-nav__link").first).to_be_hidden()
    names = sections.get_by_role("link").all_inner_texts()
    assert names[:2] == ["考察点", "答题要点"] and "出处" in names
    sections.get_by_role("link", name="答题要点").tap()
    expect(page).to_have_url(re.compile("#outline$"))
    expect(page.locator("#outline")).to_be_in_viewport()
    context.close()
    wide = browser.new_page(viewport={"width": 1280, "height": 900})
    wide.goto(f"{base}questions/ant-034/")
    expect(wide.get_by_role("navigation", name="本页目录")).to_be_hidden()
    expect(wide.locator(".md-sidebar--secondary .md-nav__link").first).to_be_visible()
    wide.close()


def test_self_test_folds_the_answer_and_is_remembered(browser: Browser, base: str) -> None:
    """先自己答 hides the outline and examples behind 显示参考答案, on every question page until turned off."""
    context = browser.new_context()  # its own localStorage
    page = context.new_page()
    page.goto(f"{base}questions/ant-010/")
    answer = page.locator("#answer")
    switch = page.get_by_label("先自己答：隐藏参考答案（本机记住这个选择）")
    reveal = page.get_by_role("button", name="显示参考答案")
    expect(answer.get_by_role("heading", name="答题要点")).to_be_visible()  # open by default
    expect(reveal).to_be_hidden()
    switch.check()
    expect(answer).to_be_hidden()
    expect(page.get_by_role("heading", name="考察点")).to_be_visible()
    page.goto(f"{base}questions/ant-013/")  # remembered on the next question
    expect(switch).to_be_checked()
    expect(answer).to_be_hidden()
    reveal.click()
    expect(answer.get_by_role("heading", name="答题要点")).to_be_visible()
    expect(reveal).to_be_hidden()
    page.goto(f"{base}questions/ant-013/#outline")  # a link into the answer opens it
    expect(answer).to_be_visible()
    page.goto(f"{base}questions/ant-013/")
    expect(answer).to_be_hidden()
    page.locator(".md-nav--secondary").get_by_role("link", name="答题要点").first.click()  # so does the contents list
    expect(answer.get_by_role("heading", name="答题要点")).to_be_in_viewport()
    page.goto(f"{base}questions/ant-010/")
    switch.uncheck()
    page.reload()
    expect(answer).to_be_visible()
    expect(switch).not_to_be_checked()
    context.close()


def test_chinese_404_page_leads_back(browser: Browser, base: str) -> None:
    page = browser.new_page()
    page.goto(f"{base}404.html")
    expect(page.locator("h1")).to_have_text("页面不存在（404）")
    page.get_by_role("link", name="浏览全部题目").click()
    expect(page).to_have_url(f"{base}questions/")
    page.close()


def test_search_index_is_compact_utf8(prefixed_site: Path) -> None:
    raw = (prefixed_site / "search/search_index.json").read_text(encoding="utf-8")
    docs = raw[raw.index('"docs"') :]
    assert "\\u" not in docs, "CJK text should be stored as UTF-8, not as \\uXXXX escapes"
    assert "商户" in raw


def test_a_printed_question_page_shows_the_answer_without_the_screen_controls(browser: Browser, base: str) -> None:
    """Printing a question page while 先自己答 hides the answer: the answer prints, the switch and page navigation do not."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}questions/ant-034/")
    page.evaluate("localStorage.setItem('hb-selftest', '1')")
    page.reload()
    expect(page.locator("#answer")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator("#answer")).to_be_visible()
    expect(page.locator("#outline")).to_be_visible()
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".hb-selftest", ".hb-sections", ".hb-neighbours"):
        expect(page.locator(hidden).first).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 1
    page.emulate_media(media="screen")
    expect(page.locator("#answer")).to_be_hidden()  # printing changed nothing on screen
    page.close()
