"""The 统计 page in headless Chromium, light and dark: charts visible, bars to scale, readable, bars lead to their pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from test_accessibility import ARTEFACTS, DESKTOP, SCHEMES

pytestmark = [pytest.mark.browser, pytest.mark.real_data]

CHARTS = ["by-category", "top-tags", "by-company", "by-round", "coverage-answer", "coverage-example", "framework-use"]
"""Every chart the real bank draws (each vocabulary has entries)."""


@pytest.fixture(params=list(SCHEMES))
def page(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[Page]:
    scheme = request.param
    context = browser.new_context(locale="zh-CN", color_scheme=scheme, **DESKTOP)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    response = tab.goto(base_url + "stats/")
    assert response is not None and response.ok
    expect(tab.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    yield tab
    ARTEFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTEFACTS / f"stats-{scheme}.png"), full_page=True)
    context.close()


def rgba(css: str) -> tuple[float, float, float, float]:
    """A computed colour (``rgb(…)`` or ``rgba(…)``) as red, green, blue in 0–255 and alpha in 0–1."""
    parts = [float(p) for p in re.findall(r"[\d.]+", css)]
    assert len(parts) in (3, 4), css
    return (parts[0], parts[1], parts[2], parts[3] if len(parts) == 4 else 1.0)


def over(fg: str, bg: str) -> tuple[float, float, float]:
    """``fg`` drawn over the opaque ``bg``."""
    r, g, b, a = rgba(fg)
    br, bgr, bb, _ = rgba(bg)
    return (r * a + br * (1 - a), g * a + bgr * (1 - a), b * a + bb * (1 - a))


def luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG relative luminance."""
    channels = [c / 255 for c in rgb]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of ``fg`` (possibly translucent) on ``bg``."""
    lighter, darker = sorted([luminance(over(fg, bg)), luminance(over(bg, bg))], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_every_chart_is_drawn_with_bars_to_scale(page: Page) -> None:
    for name in CHARTS:
        svg = page.locator(f"#chart-{name} svg")
        expect(svg).to_be_visible()
        bars: list[dict[str, Any]] = svg.evaluate(
            """svg => {
                const width = svg.getBoundingClientRect().width;
                return [...svg.querySelectorAll('.hb-chart__bar')].map(bar => ({
                    drawn: bar.getBoundingClientRect().width / width * 100,
                    wanted: parseFloat(bar.getAttribute('width')),
                }));
            }"""
        )
        assert bars, name
        assert max(bar["drawn"] for bar in bars) > 0, f"{name}: no bar has any width"
        for bar in bars:
            assert abs(bar["drawn"] - bar["wanted"]) < 0.5, f"{name}: a bar meant to be {bar['wanted']}% wide is drawn {bar['drawn']:.1f}%"


def test_text_and_bars_stand_out_from_the_background(page: Page) -> None:
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert rgba(background)[3] == 1.0, background
    colours = page.evaluate(
        """() => {
            const fill = selector => getComputedStyle(document.querySelector(selector)).fill;
            return {label: fill('.hb-chart__label'), value: fill('.hb-chart__value'), bar: fill('.hb-chart__bar'),
                    track: fill('.hb-chart__track')};
        }"""
    )
    assert contrast(colours["label"], background) >= 4.5, (colours, background)
    assert contrast(colours["value"], background) >= 4.5, (colours, background)
    assert contrast(colours["bar"], background) >= 3, (colours, background)  # graphics: WCAG 1.4.11
    assert colours["track"] != colours["bar"] and rgba(colours["track"])[3] > 0, colours


def test_a_bar_leads_to_its_page(page: Page) -> None:
    row = page.locator("#chart-by-category svg a").nth(1)
    label = row.locator(".hb-chart__label").text_content() or ""
    count = int((row.locator(".hb-chart__value").text_content() or "").split()[0])
    row.locator(".hb-chart__bar").click()
    expect(page).to_have_url(re.compile(r"/categories/[a-z0-9-]+/$"))
    expect(page.locator("h1").first).to_have_text(re.compile(rf"^{re.escape(label)}¶?\s*$"))
    expect(page.locator("article")).to_contain_text(f"共 {count} 道题。")


def test_the_numbers_are_in_a_folded_table(page: Page) -> None:
    table = page.locator("#chart-top-tags details table")
    expect(table).to_be_hidden()
    page.locator("#chart-top-tags details summary").click()
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(page.locator("#chart-top-tags svg a").count())


@pytest.mark.parametrize("width", [412, 1280])
def test_a_chart_not_yet_laid_out_takes_the_room_it_will_need(browser: Browser, base_url: str, width: int) -> None:
    """Charts off screen are skipped (content-visibility) with a placeholder as tall as the chart: scrolling to one
    moves nothing, and nothing below (the footer links) sits under a chart's bars."""
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(base_url + "stats/")
    heights = "[...document.querySelectorAll('.hb-chart')].map(e => e.getBoundingClientRect().height)"
    placeholders = tab.evaluate(heights)
    tab.evaluate("document.querySelector('.md-footer').scrollIntoView()")
    for i in range(len(placeholders)):
        tab.evaluate(f"document.querySelectorAll('.hb-chart')[{i}].scrollIntoView()")
        tab.wait_for_timeout(100)
    laid_out = tab.evaluate(heights)
    context.close()
    assert len(placeholders) >= len(CHARTS)
    assert [round(h) for h in placeholders] == [round(h) for h in laid_out]
