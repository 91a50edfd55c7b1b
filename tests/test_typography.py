"""What a reader sees on a phone and a laptop: a bold dark question, readable examples, Chinese footer, no keyboard hints on phones."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.real_data]

PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
LAPTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}}


def open_page(browser: Browser, url: str, device: dict[str, Any]) -> Page:
    tab = browser.new_context(locale="zh-CN", **device).new_page()
    tab.set_default_timeout(15_000)
    response = tab.goto(url)
    assert response is not None and response.ok, url
    return tab


def style(tab: Page, selector: str, prop: str) -> str:
    value: str = tab.locator(selector).first.evaluate(f"e => getComputedStyle(e).{prop}")
    return value


@pytest.mark.parametrize("device", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_question_and_example_read_well(browser: Browser, base_url: str, device: dict[str, Any]) -> None:
    tab = open_page(browser, f"{base_url}questions/ant-009/", device)
    assert int(style(tab, "article h1", "fontWeight")) >= 700
    red, green, blue = (int(float(c)) for c in style(tab, "article h1", "color").split("(")[1].split(")")[0].split(",")[:3])
    assert max(red, green, blue) < 80, "the question should be near black"
    body = float(style(tab, "article > p", "fontSize").removesuffix("px"))
    example = float(style(tab, "article .admonition p:not(.admonition-title)", "fontSize").removesuffix("px"))
    assert example >= body - 0.5 >= 14
    tab.context.close()


def test_footer_is_chinese(browser: Browser, base_url: str) -> None:
    tab = open_page(browser, base_url, LAPTOP)
    footer = tab.locator(".md-copyright").inner_text()
    assert "出处" in footer and "Made with" not in footer
    tab.context.close()


@pytest.mark.parametrize(("device", "shown"), [(PHONE, False), (LAPTOP, True)], ids=["phone", "laptop"])
def test_keyboard_hint_only_where_there_is_a_keyboard(browser: Browser, base_url: str, device: dict[str, Any], shown: bool) -> None:
    tab = open_page(browser, base_url, device)
    hint = tab.locator(".hb-keys")
    assert hint.count() == 1 and hint.is_visible() is shown
    assert tab.get_by_text("点右上角放大镜").first.is_visible()
    tab.context.close()
