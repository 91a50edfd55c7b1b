"""Accessibility (axe-core) and phone layout of each page type, in headless Chromium against the built site."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypedDict

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, ViewportSize, expect

pytestmark = [pytest.mark.browser, pytest.mark.real_data]

# One page of each kind a reader meets (tests/test_lighthouse.py scores the same pages).
PAGE_TYPES = {
    "home": "",
    "category": "categories/data/",
    "question": "questions/ant-034/",
    "framework": "frameworks/ab-test-design/",
    "case": "cases/case-ant-034/",
    "company": "companies/ant-group/",
    "round": "rounds/first/",
    "tips-kind": "tips/prep/",
    "tags-index": "tags/",
    "tag": "tags/ab-test/",
    "sources": "sources/",
    "contributing": "contributing/",
    "import-guide": "import/",
    "source": "sources/ant-notes/",
    "questions-index": "questions/",
    "stats": "stats/",
    "practice": "practice/",
    "stories": "stories/",
    "routes": "routes/",
}
BLOCKING_IMPACTS = ("serious", "critical")
# Material makes a scrollable code block focusable (tabindex=0) only on devices that can hover; on a touch
# screen it is scrolled by swiping. The desktop test checks the same blocks with this rule on.
TOUCH_EXEMPT = {"scrollable-region-focusable"}
ARTEFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


class Device(TypedDict, total=False):
    """The options of Browser.new_context that make a screen, typed as playwright types them."""

    viewport: ViewportSize
    device_scale_factor: float
    is_mobile: bool
    has_touch: bool


DESKTOP: Device = {"viewport": {"width": 1280, "height": 900}}
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> the Material palette it must select
PHONE: Device = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def open_page(browser: Browser, url: str, **context_options: Any) -> Page:
    """A fresh tab showing ``url``; fails if the page is missing, so a renamed page cannot pass silently."""
    tab = browser.new_context(locale="zh-CN", **context_options).new_page()
    tab.set_default_timeout(15_000)
    response = tab.goto(url)
    assert response is not None and response.ok, f"{url}: HTTP {response.status if response else 'no response'}"
    return tab


def blocking_violations(page: Page, exempt: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """axe-core's serious and critical violations on the page, one readable line per rule."""
    violations = Axe().run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}x): {v['help']} e.g. {v['nodes'][0]['target']} {v['nodes'][0]['failureSummary']}"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS and v["id"] not in exempt
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_serious_axe_violations_on_desktop(browser: Browser, base_url: str, kind: str, scheme: str) -> None:
    page = open_page(browser, base_url + PAGE_TYPES[kind], **DESKTOP, color_scheme=scheme)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    problems = blocking_violations(page)
    page.context.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_serious_axe_violations_in_search_results(browser: Browser, base_url: str, scheme: str) -> None:
    page = open_page(browser, f"{base_url}?q=风控", **DESKTOP, color_scheme=scheme)
    expect(page.locator(".md-search-result__list > li mark").first).to_be_visible()
    problems = blocking_violations(page)
    page.context.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_fits_a_phone_screen_without_serious_axe_violations(browser: Browser, base_url: str, kind: str) -> None:
    page = open_page(browser, base_url + PAGE_TYPES[kind], **PHONE)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"phone-{kind}.png"), full_page=True)
    problems = blocking_violations(page, exempt=TOUCH_EXEMPT)
    page.context.close()
    assert overflow <= 0, f"{kind}: the page is {overflow}px wider than a 390px phone screen"
    assert problems == [], "\n".join(problems)
