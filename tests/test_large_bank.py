"""A bank too large for one page: paginated hubs, and a question browser that loads only on demand."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from browser import serve
from conftest import FIXTURES, build_repo_site, site_repo, write_tree
from handbook.build import generate
from handbook.hubs import PAGE_SIZE


def many_questions(count: int) -> str:
    return "".join(
        f"- id: bulk-{i:04d}\n  title: 批量题 {i}\n  category: data\n  tags: [metrics]\n"
        f"  asked: [{{source: notes, line: {i + 1}, company: acme}}]\n  intent: x\n  outline: [a, b, c]\n"
        for i in range(count)
    )


def test_hub_pages_are_split_into_pages(mini: Path) -> None:
    write_tree(mini, {"data/questions/bulk.yaml": many_questions(2 * PAGE_SIZE + 5)})
    pages = generate(mini)
    total = 2 * PAGE_SIZE + 5 + 2  # the fixture's two data questions
    first, second, third = pages["categories/data.md"], pages["categories/data/2.md"], pages["categories/data/3.md"]
    assert "categories/data/4.md" not in pages
    assert f"共 {total} 道题。" in first
    assert first.count('href="../questions/') == PAGE_SIZE
    assert third.count('href="../../questions/') == total - 2 * PAGE_SIZE
    assert '分页：<strong>第 1 页（200）</strong> · <a href="data/2.md">第 2 页（200）</a> · <a href="data/3.md">第 3 页（7）</a>' in first
    assert '分页：<a href="../data.md">第 1 页（200）</a> · <strong>第 2 页（200）</strong> · <a href="3.md">第 3 页（7）</a>' in second
    assert "search:\n  exclude: true" in second
    # Every question is listed exactly once across the pages.
    listed = [line for page in (first, second, third) for line in page.splitlines() if line.startswith("<li data-id=")]
    assert len(listed) == total
    counted = re.search(r'<p class="hb-count" data-ids="([^"]*)"', first)
    assert counted and len(counted.group(1).split()) == total  # progress counts the whole category, not its first page
    assert "tags/metrics/2.md" in pages and "rounds/first.md" in pages


def test_large_bank_lists_categories_and_ships_compact_facets(mini: Path) -> None:
    write_tree(mini, {"data/settings.yaml": "list_limit: 2\n"})
    pages = generate(mini)
    index = pages["questions/index.md"]
    # A button stands in for the controls (written out, hidden) until the reader asks for them.
    assert (
        '<div id="question-browser" data-facets="../export/facets.json" data-root="../" data-total="3"><p><button type="button" class="hb-qb__load md-button">筛选全部 3 道题</button></p><div class="hb-qb__panel" hidden>'
        in index
    )
    assert '<option value="data" data-name="数据与实验">数据与实验（2）</option>' in index
    assert "data-id=" not in index and 'href="q-001.md"' not in index
    assert '<li><a href="../categories/data.md">数据与实验</a>（2 题）' in index
    # The home page counts progress from the reader's records alone, without listing the bank's ids; category pages list theirs.
    home = pages["index.md"]
    assert '<p class="hb-count" data-total="3" hidden></p>' in home and "data-ids" not in home
    assert '<p class="hb-count" data-ids="q-001 q-002" hidden></p>' in pages["categories/data.md"]
    facets = json.loads(pages["export/facets.json"])
    assert facets["questions"][0] == ["q-001", "AB 实验如何设计？", "data", ["ab-test", "metrics"], ["acme", "unknown"], ["first", "hr"], 3]


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("large")
    data = base / "data-src"
    shutil.copytree(FIXTURES / "mini" / "data", data)
    write_tree(data, {"settings.yaml": "list_limit: 100\n", "questions/bulk.yaml": many_questions(150)})
    repo = site_repo(base / "repo", data)
    result = build_repo_site(repo, base / "site")
    assert result.returncode == 0, result.stderr
    with serve(base / "site") as url:
        yield url


def open_page(browser: Browser, url: str) -> tuple[Page, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    return page, requests


def shown(page: Page) -> list[str]:
    ids: Any = page.locator(".hb-qb__results li[data-id]").evaluate_all("items => items.map(i => i.dataset.id)")
    return list(ids)


@pytest.mark.browser
def test_large_bank_loads_the_browser_only_when_asked(browser: Browser, large_site: str) -> None:
    page, requests = open_page(browser, f"{large_site}questions/")
    button = page.get_by_role("button", name="筛选全部 153 道题")
    expect(button).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not [r for r in requests if "/export/" in r], "the page fetched bank-sized data on load"
    button.click()
    expect(page.get_by_role("status")).to_have_text("显示 153 / 153 道题")
    assert any(r.endswith("/export/facets.json") for r in requests)
    assert len(shown(page)) == 100
    page.get_by_role("button", name="再显示 53 道（还有 53 道）").click()
    assert len(shown(page)) == 153
    form = page.get_by_role("search", name="筛选题目")
    form.get_by_label("排序", exact=True).select_option("asked")
    assert shown(page)[0] == "q-001"
    form.get_by_label("标签", exact=True).select_option("ab-test")
    expect(page.get_by_role("status")).to_have_text("显示 2 / 153 道题")
    assert shown(page) == ["q-001", "q-003"]
    assert "tag=ab-test" in page.url and "sort=asked" in page.url
    page.locator(".hb-qb__results a", has_text="如何规避用户伪造交易材料").click()
    expect(page).to_have_url(f"{large_site}questions/q-003/")
    page.context.close()


@pytest.mark.browser
def test_a_shared_link_to_a_large_bank_opens_the_filters(browser: Browser, large_site: str) -> None:
    page, _ = open_page(browser, f"{large_site}questions/?company=unknown&text=实验")
    expect(page.get_by_role("status")).to_have_text("显示 1 / 153 道题")
    assert shown(page) == ["q-001"]
    page.context.close()


@pytest.mark.browser
def test_a_large_banks_home_counts_progress_from_the_records(browser: Browser, large_site: str) -> None:
    """Above list_limit the home page carries no question ids: it counts the reader's marks against the bank's size."""
    page, requests = open_page(browser, large_site)
    marks = {"q-001": {"status": "known"}, "bulk-0001": {"status": "known"}, "bulk-0002": {"status": "review"}, "bulk-0003": {"rating": 2}}
    page.evaluate("(doc) => localStorage.setItem('hb-study', JSON.stringify(doc))", {"version": 1, "questions": marks, "stories": {}, "routes": {}})
    page.reload()
    expect(page.locator(".hb-count")).to_have_text("我的进度：已掌握 2/153 · 需复习 1")
    page.goto(f"{large_site}categories/data/")
    expect(page.locator(".hb-count")).to_have_text("我的进度：已掌握 2/152 · 需复习 1")
    page.goto(f"{large_site}categories/payment/")
    expect(page.locator(".hb-count")).to_have_text("我的进度：已掌握 0/1")
    assert not [r for r in requests if "/export/" in r]
    page.goto(f"{large_site}questions/?tag=metrics")  # the list drawn from facets.json carries the marks too
    expect(page.locator('.hb-qb__results li[data-id="bulk-0001"] .hb-mark')).to_have_text("已掌握")
    expect(page.locator('.hb-qb__results li[data-id="bulk-0002"] .hb-mark')).to_have_text("需复习")
    expect(page.locator(".hb-qb__results .hb-mark")).to_have_count(2)
    page.get_by_role("button", name=re.compile("^再显示")).click()  # q-001 is in the next batch
    expect(page.locator('.hb-qb__results li[data-id="q-001"] .hb-mark')).to_have_text("已掌握")
    expect(page.locator(".hb-qb__results .hb-mark")).to_have_count(3)
    page.context.close()
