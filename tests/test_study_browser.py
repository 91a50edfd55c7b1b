"""故事库 and 学习路线 in headless Chromium: worksheets and day ticks saved in hb-study, kept across reloads,
other parts of the document left alone, and corrupt storage never breaking the page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.real_data]

KEY = "hb-study"
OTHERS = {"questions": {"ant-009": {"status": "known", "rating": 4, "draft": "我的草稿"}, "ant-027": {"status": "review"}}}
"""What the progress marks and drafts (another script) keep in the same document."""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(locale="zh-CN")  # its own localStorage
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


def stored(page: Page) -> Any:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')") or "null")


def seed(page: Page, value: str) -> None:
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, value])
    page.reload()


def test_a_worksheet_is_saved_as_you_type_and_comes_back(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.goto(base_url + "stories/")
    expect(page.get_by_text("只保存在本机浏览器").first).to_be_visible()
    seed(page, json.dumps({"version": 1, **OTHERS, "routes": {"7-day": {"1": True}}}))
    sheet = page.locator('.hb-star[data-story="conflict"]')
    expect(sheet).to_be_visible()
    sheet.get_by_label(re.compile("^情境 S")).fill("去年双十一前，研发和运营对上线范围有分歧")
    sheet.get_by_label(re.compile("^结果 R")).press_sequentially("按时上线")
    expect(sheet.get_by_role("status")).to_have_text("已保存在本机浏览器。")
    doc = stored(page)
    assert doc["stories"] == {"conflict": {"s": "去年双十一前，研发和运营对上线范围有分歧", "r": "按时上线"}}
    assert doc["version"] == 1 and doc["questions"] == OTHERS["questions"] and doc["routes"] == {"7-day": {"1": True}}
    page.reload()
    expect(sheet.get_by_label(re.compile("^情境 S"))).to_have_value("去年双十一前，研发和运营对上线范围有分歧")
    expect(sheet.get_by_label(re.compile("^行动 A"))).to_have_value("")
    sheet.get_by_label(re.compile("^结果 R")).fill("")
    sheet.get_by_label(re.compile("^情境 S")).fill("")
    assert stored(page)["stories"] == {}, "an emptied worksheet leaves nothing behind"


def test_a_story_lists_the_questions_it_answers_and_they_link_back(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.goto(base_url + "stories/")
    section = page.locator("#story-biggest-challenge ~ ul").nth(1)
    link = section.get_by_role("link").first
    title = link.inner_text()
    link.click()
    expect(page.locator("h1")).to_contain_text(title.rstrip("？?")[:8])
    page.get_by_role("link", name="最大的挑战").click()
    expect(page).to_have_url(re.compile(r"/stories/#story-biggest-challenge$"))


def test_route_ticks_persist_across_reloads_and_show_progress(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.goto(base_url + "routes/")
    seed(page, json.dumps({"version": 1, **OTHERS, "stories": {"failure": {"a": "复盘"}}}))
    progress = page.locator('.hb-route__progress[data-route="21-day"]')
    expect(progress).to_have_text("已完成 0 / 21 天")
    page.get_by_label("完成第 3 天").nth(1).check()
    page.get_by_label("完成第 7 天").nth(1).check()
    expect(progress).to_have_text("已完成 2 / 21 天")
    expect(page.locator('.hb-route__progress[data-route="7-day"]')).to_have_text("已完成 0 / 7 天")
    page.reload()
    expect(page.get_by_label("完成第 3 天").nth(1)).to_be_checked()
    expect(page.get_by_label("完成第 3 天").first).not_to_be_checked()
    expect(progress).to_have_text("已完成 2 / 21 天")
    doc = stored(page)
    assert doc["routes"] == {"21-day": {"3": True, "7": True}}
    assert doc["questions"] == OTHERS["questions"] and doc["stories"] == {"failure": {"a": "复盘"}}
    page.get_by_label("完成第 3 天").nth(1).uncheck()
    page.get_by_label("完成第 7 天").nth(1).uncheck()
    assert stored(page)["routes"] == {}


def test_questions_show_what_the_reader_marked(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.goto(base_url + "routes/")
    seed(page, json.dumps({"version": 1, **OTHERS}))
    expect(page.locator('.hb-route__status[data-question="ant-009"]').first).to_have_text("已掌握")
    expect(page.locator('.hb-route__status[data-question="ant-027"]').first).to_have_text("需复习")
    expect(page.locator('.hb-route__status[data-question="ant-095"]').first).to_have_text("")


@pytest.mark.parametrize(
    "corrupt",
    [
        "{not json",
        "[1, 2]",
        "null",
        '"text"',
        json.dumps({"version": 1, "questions": [], "stories": "x", "routes": {"21-day": [True], "7-day": {"1": "yes"}}}),
        json.dumps({"questions": {"ant-009": {"status": {"no": 1}}, "ant-027": None}, "stories": {"conflict": {"s": 5}}}),
    ],
)
def test_corrupt_storage_does_not_break_the_pages(context: BrowserContext, base_url: str, corrupt: str) -> None:
    errors: list[str] = []
    for path in ("routes/", "stories/"):
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base_url + path)
        seed(page, corrupt)
        if path == "routes/":
            expect(page.locator('.hb-route__progress[data-route="7-day"]')).to_have_text("已完成 0 / 7 天")
            expect(page.locator(".hb-route__status:not(:empty)")).to_have_count(0)
            page.get_by_label("完成第 1 天").first.check()
            assert stored(page)["routes"]["7-day"] == {"1": True}
        else:
            area = page.locator('.hb-star[data-story="conflict"]').get_by_label(re.compile("^情境 S"))
            expect(area).to_have_value("")
            area.fill("新写的")
            assert stored(page)["stories"]["conflict"] == {"s": "新写的"}
        assert stored(page)["version"] == 1
        page.close()
    assert errors == []


def test_without_javascript_nothing_pretends_to_save(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "routes/")
    expect(page.get_by_role("heading", name=re.compile("^第 1 天"))).to_have_count(2)
    expect(page.get_by_label("完成第 1 天")).to_have_count(2)
    expect(page.get_by_label("完成第 1 天").first).to_be_hidden()
    page.goto(base_url + "stories/")
    expect(page.locator(".hb-star").first).to_be_hidden()
    expect(page.get_by_role("heading", name="最大的挑战")).to_be_visible()
    context.close()
