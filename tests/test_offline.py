"""The offline zip (`make offline`): unzipped and opened from file:// in headless Chromium, it browses and
searches with every request staying on file://, and nothing in it points at a public CDN."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import Browser, Page, expect

from conftest import ROOT
from offline import EPOCH, FOLDER, make_offline

pytestmark = [pytest.mark.browser, pytest.mark.real_data]

# The Makefile's NPM_STAMP: `npm ci` has installed package-lock.json (the iframe-worker shim).
NPM_STAMP = "node_modules/.installed"
SHIM = "assets/javascripts/iframe-worker/shim.js"
CDN = re.compile(r"https?://(?:[\w-]+\.)*(?:unpkg\.com|jsdelivr\.(?:net|com))[^\s\"'`)\\]*")
# Material's bundle names two CDN scripts that it loads only when needed: a ResizeObserver polyfill for
# browsers without ResizeObserver, and Mermaid for pages with diagrams (the handbook has none: checked below).
DORMANT_IN_BUNDLE = {"https://unpkg.com/resize-observer-polyfill", "https://unpkg.com/mermaid@11/dist/mermaid.min.js"}


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip built by the code `make offline` runs, after the Makefile has installed the npm packages; with the
    search index in shards forced for the site, which the offline zip (file://, no fetch) must ignore."""
    npm = subprocess.run(["make", "--no-print-directory", NPM_STAMP], cwd=ROOT, capture_output=True, text=True, check=False)
    assert npm.returncode == 0, npm.stdout + npm.stderr
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HANDBOOK_SEARCH_SHARDS_FROM", "0")
        return make_offline(tmp_path_factory.mktemp("offline") / "handbook-offline.zip")


@pytest.fixture(scope="module")
def unpacked(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / FOLDER


def text_files(archive: zipfile.ZipFile, *suffixes: str) -> dict[str, str]:
    return {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(suffixes)}


def test_offline_config_is_the_site_config_plus_offline() -> None:
    with open(ROOT / "mkdocs.yml", "rb") as f:
        site = yaml_load(f)
    with open(ROOT / "mkdocs.offline.yml", "rb") as f:
        offline = yaml_load(f)
    # INHERIT replaces lists: mkdocs.offline.yml repeats mkdocs.yml's plugins and hooks, and must follow its changes.
    assert offline["plugins"] == [*site["plugins"], "offline"], "mkdocs.offline.yml 的 plugins 应与 mkdocs.yml 相同，再加 offline"
    assert offline["hooks"] == [*site["hooks"], "scripts/offline.py"], "mkdocs.offline.yml 的 hooks 应与 mkdocs.yml 相同，再加 scripts/offline.py"
    assert offline["extra"]["polyfills"] == [SHIM]
    own = {"plugins", "hooks", "extra"}
    assert {k: v for k, v in offline.items() if k not in own} == {k: v for k, v in site.items() if k not in own}


def test_zip_has_fixed_order_and_timestamps(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        infos = archive.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names)
    assert all(name.startswith(f"{FOLDER}/") for name in names)
    assert {info.date_time for info in infos} == {EPOCH}
    for path in [
        "index.html",
        "questions/ant-011.html",
        "search/search_index.js",
        SHIM,
        "assets/javascripts/iframe-worker/LICENSE",
        "export/facets.js",
        "practice/pages/ant-011.js",
    ]:
        assert f"{FOLDER}/{path}" in names, path
    assert not [name for name in names if "/search/shards" in name], "file:// pages cannot fetch shards"


def test_pages_load_the_local_shim_and_nothing_names_a_cdn(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        html = text_files(archive, ".html")
        scripts = text_files(archive, ".js")
    assert f'<script src="{SHIM}"></script>' in html[f"{FOLDER}/index.html"]
    assert f'<script src="../{SHIM}"></script>' in html[f"{FOLDER}/questions/ant-011.html"]
    found = {name: set(CDN.findall(text)) for name, text in {**html, **scripts}.items() if CDN.search(text)}
    bundle = [name for name in scripts if re.fullmatch(rf"{FOLDER}/assets/javascripts/bundle\.\w+\.min\.js", name)]
    assert len(bundle) == 1
    assert found == {bundle[0]: DORMANT_IN_BUNDLE}
    assert not [name for name, text in html.items() if 'class="mermaid"' in text]


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into the search box and return the paths of the first results once the worker has answered."""
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(query)
    # Chinese text arrives without key events (as when an IME commits it); Material searches on keyup.
    box.press("End")
    results = page.locator(".md-search-result__list > li")
    expect(results.first).to_be_visible()
    hrefs = [results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(min(results.count(), 5))]
    return [urlsplit(href).path for href in hrefs]


def test_browse_and_search_from_file_url(browser: Browser, unpacked: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto((unpacked / "index.html").as_uri())
    expect(page.locator("h1")).to_contain_text("产品经理面试手册")
    page.get_by_role("link", name="支付与风控", exact=True).first.click()
    expect(page.locator("h1")).to_contain_text("支付与风控")
    page.get_by_role("link", name="如何规避", exact=False).first.click()
    expect(page).to_have_url((unpacked / "questions/ant-010.html").as_uri())
    expect(page.locator("#intent")).to_contain_text("考察点")
    page.wait_for_load_state("load")
    # Browsing loads no search index: the script comes when the search box gets focus (search() below).
    assert not [url for url in requests if url.endswith("search/search_index.js")]

    hrefs = search(page, "商户收款")
    assert any(h.endswith("questions/ant-011.html") for h in hrefs), hrefs
    page.locator(".md-search-result__list > li a[href*='questions/ant-011.html']").first.click()
    # The result link asks the page to highlight the query: ?h=...
    expect(page).to_have_url(re.compile(re.escape((unpacked / "questions/ant-011.html").as_uri()) + r"(\?h=.*)?$"))
    expect(page.locator("h1")).to_contain_text("商户收款")
    context.close()

    assert requests and [url for url in requests if not url.startswith("file://")] == []
    assert any(url.endswith(SHIM) for url in requests)
    assert any(url.endswith("search/search_index.js") for url in requests)
    assert errors == []


def test_practice_from_file_url(browser: Browser, unpacked: Path) -> None:
    """Chromium blocks fetch from file://: the practice page loads the question list and the drawn question as the
    scripts the offline build writes, and stores the rating as online."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((unpacked / "practice/index.html").as_uri())
    page.get_by_label("分类").select_option("payment-risk")
    page.get_by_role("button", name="抽一道题").click()
    card = page.locator(".hb-practice__card")
    expect(card).to_be_visible()
    drawn = card.get_attribute("data-id") or ""
    facets = json.loads((unpacked / "export/facets.json").read_text(encoding="utf-8"))
    row = next(r for r in facets["questions"] if r[0] == drawn)
    assert row[2] == "payment-risk"
    expect(page.locator(".hb-practice__title")).to_have_text(row[1])
    page.get_by_role("button", name="显示考察点").click()
    expect(page.get_by_role("region", name="考察点")).to_be_visible()
    link = page.get_by_role("link", name="打开题目页")
    expect(link).to_have_attribute("href", (unpacked / f"questions/{drawn}.html").as_uri())
    page.get_by_label("2 勉强").check()
    expect(page.locator(".hb-rating__saved")).to_have_text("已记录自评 2 分（勉强）。")
    assert json.loads(page.evaluate("localStorage.getItem('hb-study')"))["questions"][drawn]["rating"] == 2
    link.click()
    expect(page.locator("h1")).to_contain_text(row[1])
    context.close()
    assert [url for url in requests if not url.startswith("file://")] == []
    assert any(url.endswith("export/facets.js") for url in requests)
    assert any(url.endswith(f"practice/pages/{drawn}.js") for url in requests)
    assert errors == []


def test_story_worksheet_and_route_ticks_from_file_url(browser: Browser, unpacked: Path) -> None:
    """故事库 and 学习路线 keep what the reader writes and ticks in the browser from file:// as online."""
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((unpacked / "stories/index.html").as_uri())
    situation = page.locator('.hb-star[data-story="conflict"]').get_by_label(re.compile("^情境 S"))
    situation.fill("上线前研发和运营对范围有分歧")
    expect(page.locator('.hb-star[data-story="conflict"]').get_by_role("status")).to_have_text("已保存在本机浏览器。")
    page.reload()
    expect(situation).to_have_value("上线前研发和运营对范围有分歧")
    page.goto((unpacked / "routes/index.html").as_uri())
    page.get_by_label("完成第 1 天").first.check()
    page.reload()
    expect(page.get_by_label("完成第 1 天").first).to_be_checked()
    expect(page.locator('.hb-route__progress[data-route="7-day"]')).to_have_text("已完成 1 / 7 天")
    context.close()
    assert [url for url in requests if not url.startswith("file://")] == []
    assert errors == []
