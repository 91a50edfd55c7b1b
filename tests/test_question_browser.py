"""The question browser on 题目总览: generated markup, and filtering in headless Chromium."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from browser import serve
from conftest import write_tree
from handbook.build import generate

ITEMS = "article li[data-id]"


def test_generated_list_items_carry_their_facets_escaped(mini: Path) -> None:
    hostile = '- id: q-004\n  title: 标题里有 { data-category="evil" } 和 <b>标签</b>\n  category: payment\n  tags: [risk]\n  intent: x\n  outline: [a, b, c]\n'
    write_tree(mini, {"data/questions/extra.yaml": hostile})
    page = generate(mini)["questions/index.md"]
    # The controls are in the page, with the counts of the values some question has (the script only wires them).
    assert '<div id="question-browser" data-export="../export/handbook.json"><div class="hb-qb__panel"><form ' in page
    assert '<option value="data" data-name="数据与实验">数据与实验（2）</option>' in page
    assert '<option value="unknown" data-name="未知公司">未知公司（1）</option>' in page
    assert '<p class="hb-qb__count" role="status" aria-live="polite">显示 4 / 4 道题</p>' in page
    assert "<noscript><style>#question-browser { display: none; }</style></noscript>" in page
    assert '<li data-asked="3" data-category="data" data-company="acme unknown" data-id="q-001" data-round="first hr" data-tags="ab-test metrics">' in page
    assert '<li data-asked="0" data-category="data" data-id="q-002" data-tags="metrics">' in page
    assert '<a href="q-003.md">如何规避用户伪造交易材料 &lt;风险&gt;？</a>' in page
    assert "标题里有 { data-category=&quot;evil&quot; } 和 &lt;b&gt;标签&lt;/b&gt;" in page

    html = page.split("---\n", 2)[2]  # the body is the HTML the site shows
    items = re.findall(r"<li ([^>]*)>(.*?)</li>", html)
    facets = {match.group(1): attrs for attrs, _ in items if (match := re.search(r'data-id="([^"]+)"', attrs))}
    assert sorted(facets) == ["q-001", "q-002", "q-003", "q-004"]
    assert 'data-category="payment"' in facets["q-004"] and "evil" not in facets["q-004"]
    assert "<b>" not in html and "&lt;b&gt;标签&lt;/b&gt;" in html
    assert not any("{" in body and "data-id" in body for _, body in items), "an attribute list leaked into the text"


@pytest.fixture(scope="module")
def export(built_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built_site / "export/handbook.json").read_text(encoding="utf-8"))
    return data


def open_tab(browser: Browser, base_url: str, **options: Any) -> tuple[Page, list[str], list[str]]:
    """A new tab and the lists of requests it makes inside and outside ``base_url``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", **options)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    inside: list[str] = []
    outside: list[str] = []
    tab.on("request", lambda request: (inside if request.url.startswith(base_url) else outside).append(request.url))
    return tab, inside, outside


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    tab, inside, outside = open_tab(browser, base_url)
    yield tab
    tab.context.close()
    assert outside == [], f"requests outside the site: {outside}"


def control(page: Page, label: str) -> Locator:
    """A filter control by its label, inside the filter form (Material labels its tab bar 标签 too)."""
    return page.get_by_role("search", name="筛选题目").get_by_label(label, exact=True)


def visible_ids(page: Page) -> list[str]:
    return page.locator(ITEMS).evaluate_all("items => items.filter(i => i.offsetParent !== null).map(i => i.dataset.id)")


def expect_shown(page: Page, ids: list[str], total: int) -> None:
    expect(page.get_by_role("status")).to_have_text(f"显示 {len(ids)} / {total} 道题")
    assert sorted(visible_ids(page)) == sorted(ids)


def text_matches(export: dict[str, Any], query: str) -> list[str]:
    """Questions whose title, intent, tag names or synonyms contain every word of ``query``."""
    tags = {t["id"]: " ".join([t["name"], *t["synonyms"]]) for t in export["tags"]}

    def norm(value: str) -> str:
        return unicodedata.normalize("NFKC", value).lower()

    terms = norm(query).split()
    hay = {q["id"]: norm(" ".join([q["title"], q["intent"], *(tags[t] for t in q["tags"])])) for q in export["questions"]}
    return [qid for qid, text in hay.items() if all(t in text for t in terms)]


def facet_matches(export: dict[str, Any], category: str, tag: str) -> list[str]:
    return [q["id"] for q in export["questions"] if q["category"] == category and tag in q["tags"]]


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.browser
@pytest.mark.real_data
def test_category_and_tag_filters_combine(page: Page, base_url: str, export: dict[str, Any]) -> None:
    total = len(export["questions"])
    page.goto(f"{base_url}questions/")
    expect_shown(page, [q["id"] for q in export["questions"]], total)
    control(page, "分类").select_option("data")
    in_category = [q["id"] for q in export["questions"] if q["category"] == "data"]
    expect_shown(page, in_category, total)
    control(page, "标签").select_option("ab-test")
    both = facet_matches(export, "data", "ab-test")
    assert 0 < len(both) < len(in_category), "pick a category and tag whose intersection is a strict subset"
    expect_shown(page, both, total)
    assert query_of(page) == {"category": ["data"], "tag": ["ab-test"]}
    expect(page.locator("h2#cat-data")).to_be_visible()
    expect(page.locator("h2#cat-payment-risk")).to_be_hidden()
    toc = page.locator('.md-nav--secondary a[href="#cat-payment-risk"]')
    expect(toc).to_have_count(2)
    assert toc.evaluate_all("links => links.every(a => a.closest('li').hidden)")
    control(page, "公司").select_option("ant-group")
    expect_shown(page, [q for q in both if "ant-group" in next(x for x in export["questions"] if x["id"] == q)["companies"]], total)
    page.get_by_role("button", name="清除筛选").click()
    expect_shown(page, [q["id"] for q in export["questions"]], total)
    assert query_of(page) == {}


@pytest.mark.browser
@pytest.mark.real_data
def test_chinese_text_filter_matches_titles_intents_and_tag_synonyms(page: Page, base_url: str, export: dict[str, Any]) -> None:
    total = len(export["questions"])
    page.goto(f"{base_url}questions/")
    box = control(page, "关键词")
    box.fill("实验")
    expected = text_matches(export, "实验")
    assert 0 < len(expected) < total
    expect_shown(page, expected, total)
    assert query_of(page)["text"] == ["实验"]

    box.fill("灰度")  # only the A/B 实验 tag's synonym 灰度实验 says this
    expected = text_matches(export, "灰度")
    by_id = {q["id"]: q for q in export["questions"]}
    assert expected and not any("灰度" in by_id[q]["title"] + by_id[q]["intent"] for q in expected)
    expect_shown(page, expected, total)

    box.fill("Ab TEST")
    assert text_matches(export, "Ab TEST") == text_matches(export, "ab test") != []
    expect_shown(page, text_matches(export, "ab test"), total)

    box.fill("没有这样的题目xyz")
    expect_shown(page, [], total)
    expect(page.get_by_text("没有符合条件的题目。")).to_be_visible()


@pytest.mark.browser
@pytest.mark.real_data
def test_a_shared_link_restores_the_filters(page: Page, base_url: str, export: dict[str, Any]) -> None:
    total = len(export["questions"])
    page.goto(f"{base_url}questions/?category=data&tag=ab-test&text={quote('实验')}")
    expect(control(page, "分类")).to_have_value("data")
    expect(control(page, "标签")).to_have_value("ab-test")
    expect(control(page, "关键词")).to_have_value("实验")
    expected = sorted(set(facet_matches(export, "data", "ab-test")) & set(text_matches(export, "实验")))
    assert expected
    expect_shown(page, expected, total)
    expect(page.locator(".md-search__input")).not_to_be_focused()
    page.reload()
    expect(control(page, "标签")).to_have_value("ab-test")
    expect_shown(page, expected, total)


@pytest.mark.browser
@pytest.mark.real_data
def test_a_link_with_an_unknown_filter_value_says_it_is_ignored(page: Page, base_url: str, export: dict[str, Any]) -> None:
    total = len(export["questions"])
    page.goto(f"{base_url}questions/?round=no-such-round&category=data")
    notice = page.get_by_role("alert")
    expect(notice).to_have_text("链接里的筛选条件轮次“no-such-round”没有对应的题目，已忽略；下面是不加这个条件的结果。")
    expect(control(page, "轮次")).to_have_value("")
    expect(control(page, "分类")).to_have_value("data")
    expect_shown(page, [q["id"] for q in export["questions"] if q["category"] == "data"], total)
    page.goto(f"{base_url}questions/?category=data")
    expect(page.locator(".hb-qb__ignored")).to_be_hidden()


@pytest.mark.browser
@pytest.mark.real_data
def test_option_and_group_counts_follow_the_other_filters(page: Page, base_url: str, export: dict[str, Any]) -> None:
    page.goto(f"{base_url}questions/?category=data")
    data = [q for q in export["questions"] if q["category"] == "data"]
    expect_shown(page, [q["id"] for q in data], len(export["questions"]))
    options = control(page, "标签").locator("option:not([value=''])")
    shown = options.evaluate_all("os => os.map(o => [o.value, o.textContent, o.disabled])")
    names = {t["id"]: t["name"] for t in export["tags"]}
    for tag, text, disabled in shown:
        n = sum(tag in q["tags"] for q in data)
        assert text == f"{names[tag]}（{n}）" and disabled == (n == 0), (tag, text, disabled)
    assert any(disabled for _, _, disabled in shown) and not all(disabled for _, _, disabled in shown)
    # A kind's own options count under the other filters only: every category keeps its total.
    categories = control(page, "分类").locator("option:not([value=''])").evaluate_all("os => os.map(o => [o.value, o.textContent])")
    totals = {c["id"]: sum(q["category"] == c["id"] for q in export["questions"]) for c in export["categories"]}
    assert all(text.endswith(f"（{totals[value]}）") for value, text in categories), categories
    # The category heading counts what is shown.
    tag = next(value for value, _, disabled in shown if not disabled and sum(value in q["tags"] for q in data) < len(data))
    control(page, "标签").select_option(tag)
    n = sum(tag in q["tags"] for q in data)
    heading = page.locator("article h2", has_text=next(c["name"] for c in export["categories"] if c["id"] == "data"))
    expect(heading).to_have_text(re.compile(rf"（{n}）"))


@pytest.mark.browser
@pytest.mark.real_data
def test_back_and_forward_step_through_filter_changes(page: Page, base_url: str, export: dict[str, Any]) -> None:
    total = len(export["questions"])
    page.goto(f"{base_url}questions/")
    expect(page.get_by_role("status")).to_have_text(f"显示 {total} / {total} 道题")
    control(page, "分类").select_option("data")
    control(page, "标签").select_option("ab-test")
    expect_shown(page, facet_matches(export, "data", "ab-test"), total)
    page.go_back()
    expect(control(page, "标签")).to_have_value("")
    expect(control(page, "分类")).to_have_value("data")
    expect_shown(page, [q["id"] for q in export["questions"] if q["category"] == "data"], total)
    page.go_back()
    expect(control(page, "分类")).to_have_value("")
    expect_shown(page, [q["id"] for q in export["questions"]], total)
    page.go_forward()
    page.go_forward()
    expect(control(page, "标签")).to_have_value("ab-test")
    expect_shown(page, facet_matches(export, "data", "ab-test"), total)


@pytest.mark.browser
@pytest.mark.real_data
def test_without_javascript_the_full_list_shows_and_no_controls(browser: Browser, base_url: str, export: dict[str, Any]) -> None:
    tab, inside, outside = open_tab(browser, base_url, java_script_enabled=False)
    tab.goto(f"{base_url}questions/?category=data")
    items = tab.locator(ITEMS)
    expect(items).to_have_count(len(export["questions"]))
    assert len(visible_ids(tab)) == len(export["questions"])
    expect(tab.locator("#question-browser")).to_be_hidden()
    assert tab.locator("article select, article input, article button").evaluate_all("nodes => nodes.filter(n => n.offsetParent !== null).length") == 0
    expect(tab.get_by_text("清除筛选")).to_be_hidden()
    tab.context.close()
    assert outside == [] and not any(url.endswith("handbook.json") for url in inside)


@pytest.mark.browser
@pytest.mark.real_data
def test_works_under_a_path_prefix(browser: Browser, built_site: Path, export: dict[str, Any]) -> None:
    with serve(built_site, "/pm-handbook/") as url:
        tab, inside, outside = open_tab(browser, url)
        tab.goto(f"{url}questions/?tag=ab-test")
        expect_shown(tab, [q["id"] for q in export["questions"] if "ab-test" in q["tags"]], len(export["questions"]))
        control(tab, "关键词").fill("灰度")  # a tag synonym: found through the export
        expect_shown(
            tab,
            [q for q in text_matches(export, "灰度") if "ab-test" in next(x for x in export["questions"] if x["id"] == q)["tags"]],
            len(export["questions"]),
        )
        tab.context.close()
    assert outside == []
    assert f"{url}export/handbook.json" in inside


@pytest.mark.browser
@pytest.mark.real_data
def test_controls_fit_a_phone_screen(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    tab = context.new_page()
    tab.goto(f"{base_url}questions/?category=data")
    expect(control(tab, "分类")).to_have_value("data")
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    artefacts = Path(__file__).resolve().parent.parent / "test-artifacts"
    artefacts.mkdir(exist_ok=True)
    tab.screenshot(path=str(artefacts / "question-browser-phone.png"))
    context.close()
    assert overflow <= 0


@pytest.mark.browser
@pytest.mark.real_data
def test_sort_by_frequency_and_filter_by_round_through_occurrences(page: Page, base_url: str, export: dict[str, Any]) -> None:
    total = len(export["questions"])
    page.goto(f"{base_url}questions/?sort=asked")
    expect(control(page, "排序")).to_have_value("asked")
    order = page.locator(ITEMS).evaluate_all("items => items.filter(i => i.offsetParent !== null).map(i => i.dataset.id)")
    frequencies = {q["id"]: q["frequency"] for q in export["questions"]}
    assert len(order) == total
    assert [frequencies[i] for i in order] == sorted(frequencies.values(), reverse=True)
    assert frequencies[order[0]] >= 3, "the most asked question comes first"
    expect(page.locator("h2#cat-data")).to_be_hidden()
    control(page, "轮次").select_option("hr")
    in_hr = [q["id"] for q in export["questions"] if "hr" in q["rounds"]]
    assert in_hr
    expect_shown(page, in_hr, total)
    control(page, "排序").select_option("")
    expect(page.locator(f"h2#cat-{next(q for q in export['questions'] if q['id'] == in_hr[0])['category']}")).to_be_visible()
    expect_shown(page, in_hr, total)
    assert query_of(page) == {"round": ["hr"]}
    unknown_in_hr = [q["id"] for q in export["questions"] if "hr" in q["rounds"] and any("company" not in o for o in q["asked"])]
    if not unknown_in_hr:  # no HR question lacks a company: the option says 0 and cannot be picked
        expect(control(page, "公司").locator('option[value="unknown"]')).to_be_disabled()
        control(page, "轮次").select_option("")
    control(page, "公司").select_option("unknown")
    unknown = [q["id"] for q in export["questions"] if any("company" not in o for o in q["asked"]) and ("hr" in q["rounds"] or not unknown_in_hr)]
    assert unknown
    expect_shown(page, unknown, total)


@pytest.mark.browser
@pytest.mark.real_data
def test_the_page_loads_no_data_and_does_not_shift_until_the_reader_uses_the_keyword_box(browser: Browser, base_url: str, export: dict[str, Any]) -> None:
    tab, inside, outside = open_tab(browser, base_url)
    tab.add_init_script(
        "window.__shift = 0; new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) window.__shift += e.value; }))"
        ".observe({ type: 'layout-shift', buffered: true });"
    )
    tab.goto(f"{base_url}questions/")
    total = len(export["questions"])
    expect(tab.get_by_role("status")).to_have_text(f"显示 {total} / {total} 道题")
    tab.wait_for_load_state("load")
    tab.wait_for_timeout(500)
    assert tab.evaluate("window.__shift") < 0.01, "the controls are in place from the first paint; nothing pushes the list down"
    control(tab, "分类").select_option("data")  # the category filter needs no data
    expect_shown(tab, [q["id"] for q in export["questions"] if q["category"] == "data"], total)
    assert not any(url.endswith("handbook.json") for url in inside), "nothing proportional to the bank loads with the page"
    with tab.expect_request(lambda request: request.url == f"{base_url}export/handbook.json"):
        control(tab, "关键词").focus()
    control(tab, "关键词").fill("灰度")
    expected = [q for q in text_matches(export, "灰度") if next(x for x in export["questions"] if x["id"] == q)["category"] == "data"]
    assert expected
    expect_shown(tab, expected, total)
    tab.context.close()
    assert outside == []
