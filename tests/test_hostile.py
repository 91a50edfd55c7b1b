"""Hostile content (#12): every string a contributor can write, carrying HTML, script, attribute,
Jinja and Markdown payloads, shows as the text typed and runs nothing, on every generated page
and in Material's search, in headless Chromium.

The fixture tree is the mini fixture plus one entry of every kind in which each text field carries
the payloads below, so a page that renders any field unescaped, or lets a field change the page's
structure, fails here.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from browser import serve
from conftest import FIXTURES, build_repo_site, site_repo

pytestmark = pytest.mark.browser

SITE_NAME = "产品经理面试手册"

PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload=window.__pwned=1>',
    "'><img src=y onerror=alert(document.domain)>",
    "</title><script>window.__pwned=1</script>",
    "--><script>window.__pwned=1</script><!--",
    '<a href="javascript:window.__pwned=1">链接</a>',
    "[点我](javascript:window.__pwned=1)",
    '<b id="injected" class="injected" onclick="window.__pwned=1">粗体</b>',
    '{: #injected-attr .injected onclick="window.__pwned=1" }',
    '{ data-category="evil" }',
    'href="../nowhere.md" href="#nowhere" id="nowhere"',
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "<style>.md-content{display:none}</style>",
    "{{ config.site_name }} {% raw %} {# 注释",
    "&lt;i&gt; &amp; &#x3C;",
    "*[HTML]: 超文本 !!! note",
    "\\*转义\\*",
)
"""Appended to every text field: script and markup that must stay text, and entities typed as entities."""

NO_SPACE_PAYLOAD = "恶意<img/src=x/onerror=window.__pwned=1>"
NO_SPACE_ALIAS = "恶意公司<svg/onload=window.__pwned=1>"
"""Payloads without spaces, for a tag synonym and a company alias: the search segmenter learns those as words."""

OPENERS = ("# 标题", "---", "```", "| a | b |")
"""Markdown that would restructure a page if a question's title began with it."""

SHELL_MARK = "\ue000title\ue000"
"""shell.py's marker character: a page whose values contain it is rendered by the theme instead."""

CONTROL = "控制字符\x85\u2028\u2029\ufeff结束"
"""Characters YAML reads as line breaks (NEL, U+2028, U+2029) and a byte order mark, in a question's title. (C1 controls
and U+FFFE, which would lose the whole front matter, are in test_render.py: the loader may refuse them in data.)"""

URL = "https://example.com/路径?a=1&b=2&amp;c=&lt;3;x=javascript:alert(1)#frag{{config.site_name}}|(1)"
"""A valid source address (http(s), no quotes or angle brackets) with characters HTML attributes must escape."""

SEARCH_TERM = "Zebraquux"
"""A word only in the hostile question's title."""


def hostile(label: str) -> str:
    """A field's text: a label naming the field, then every payload."""
    return f"{label} {' '.join(PAYLOADS)}"


@dataclass
class Tree:
    """The hostile entries written into a data tree, and what readers should see where."""

    shown: dict[str, str] = field(default_factory=dict)
    """label → text that must appear, as typed, on some page."""
    headings: dict[str, tuple[str, str]] = field(default_factory=dict)
    """site path → (h1 text, document title) of each hostile entity's page."""

    def text(self, label: str, prefix: str = "") -> str:
        value = f"{prefix}{hostile(label)}"
        self.shown[label] = value
        return value


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # the loader refuses anchors and aliases


def _dump(value: Any) -> str:
    return yaml.dump(value, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=1_000_000)


def write_hostile(data: Path) -> Tree:
    """Add an entry of every kind to ``data`` (a copy of the mini fixture's data/) with hostile text in every field."""
    t = Tree()
    ref = {"source": "evil-src", "section": t.text("出处小节"), "lines": [1]}

    def extend(name: str, entries: list[dict[str, Any]]) -> None:
        path = data / name
        path.write_text(path.read_text(encoding="utf-8") + _dump(entries), encoding="utf-8")

    t.shown.update({"标签同义词（无空格）": NO_SPACE_PAYLOAD, "公司别名（无空格）": NO_SPACE_ALIAS})
    category = t.text("分类名称")
    extend("categories.yaml", [{"id": "hostile", "name": category, "description": t.text("分类说明"), "order": 3, "keywords": [hostile("分类关键词")]}])
    tag = t.text("标签名称")
    extend(
        "tags.yaml",
        [
            {
                "id": "evil-tag",
                "name": tag,
                "description": t.text("标签说明"),
                "synonyms": [t.text("标签同义词"), NO_SPACE_PAYLOAD],
                "keywords": [hostile("标签关键词")],
            }
        ],
    )
    round_name = t.text("轮次名称")
    extend("rounds.yaml", [{"id": "evil-round", "name": round_name, "description": t.text("轮次说明"), "order": 3}])
    kind = t.text("面经类型名称")
    extend("tip_kinds.yaml", [{"id": "evil-kind", "name": kind, "description": t.text("面经类型说明"), "order": 3}])
    company = t.text("公司名称")
    extend(
        "companies.yaml",
        [
            {
                "id": "evil-co",
                "name": company,
                "description": t.text("公司简介"),
                "aliases": [t.text("公司别名"), NO_SPACE_ALIAS],
                "timeline": [
                    {"date": t.text("时间线日期"), "event": t.text("时间线事件"), "round": "evil-round", "sources": [ref]},
                    {"date": t.text("时间线日期二"), "event": t.text("时间线事件二")},
                ],
            }
        ],
    )
    source = t.text("出处标题")
    extend(
        "sources.yaml",
        [{"id": "evil-src", "title": source, "author": t.text("出处作者"), "url": URL, "date": t.text("出处日期"), "licence": t.text("出处版权")}],
    )
    extend("omissions.yaml", [{"sources": [ref], "reason": t.text("略去理由")}])
    framework = t.text("框架名称")
    (data / "frameworks/evil.yaml").write_text(
        _dump(
            [
                {
                    "id": "evil-fw",
                    "name": framework,
                    "summary": t.text("框架说明"),
                    "when": [t.text("适用场景")],
                    "steps": [
                        {"title": t.text("步骤一"), "points": [t.text("步骤一要点")]},
                        {"title": t.text("步骤二"), "points": [t.text("步骤二要点"), t.text("步骤二要点二")]},
                    ],
                    "pitfalls": [t.text("框架常见错误")],
                    "sources": [ref],
                }
            ]
        ),
        encoding="utf-8",
    )
    cases = [
        {
            "id": cid,
            "title": t.text(f"{label}标题"),
            "kind": "adapted",
            "background": t.text(f"{label}背景"),
            "steps": [t.text(f"{label}过程一"), t.text(f"{label}过程二")],
            "result": t.text(f"{label}结果"),
            "sources": [ref],
        }
        for cid, label in (("evil-case", "案例"), ("evil-lone", "独立案例"))  # the second is on no question: Material indexes it
    ]
    (data / "cases/evil.yaml").write_text(_dump(cases), encoding="utf-8")
    asked = {
        "source": "evil-src",
        "section": t.text("提问小节"),
        "line": 3,
        "company": "evil-co",
        "round": "evil-round",
        "date": "2025-05",
        "position": "social",
    }
    questions = []
    for n, opener in enumerate(OPENERS, 1):
        label = f"{SEARCH_TERM} 题目" if n == 1 else f"题目{n}"
        title = t.text(label, prefix=f"{opener} ")
        if n == 2:
            title += f" {CONTROL}"
        if n == len(OPENERS):
            title += f" {SHELL_MARK}"  # rendered by the theme, not filled into a shell
        t.shown[label] = title
        questions.append(
            {
                "id": f"h-00{n}",
                "title": title,
                "category": "hostile",
                "tags": ["evil-tag", "ab-test"],
                "asked": [asked] if n == 1 else [],
                "sources": [ref] if n == 1 else [],
                "background": [t.text(f"题目{n}背景")],
                "intent": t.text(f"题目{n}考察点"),
                "frameworks": ["evil-fw"] if n == 1 else [],
                "outline": [t.text(f"题目{n}要点{i}", prefix=f"{opener} ") for i in range(1, 4)],
                "cases": ["evil-case"] if n == 1 else [],
                "pitfalls": [t.text(f"题目{n}常见失误")],
            }
        )
        t.headings[f"questions/h-00{n}/"] = (title, title)
    (data / "questions/evil.yaml").write_text(_dump(questions), encoding="utf-8")
    tips = [
        {
            "id": "tip-evil",
            "text": t.text("面经内容"),
            "kind": "evil-kind",
            "company": "evil-co",
            "rounds": ["evil-round"],
            "questions": ["h-001"],
            "tags": ["evil-tag"],
            "sources": [ref],
        }
    ]
    (data / "tips/evil.yaml").write_text(_dump(tips), encoding="utf-8")

    t.headings.update(
        {
            "categories/hostile/": (category, f"分类：{category}"),
            "tags/evil-tag/": (tag, f"标签：{tag}"),
            "rounds/evil-round/": (round_name, f"轮次：{round_name}"),
            "tips/evil-kind/": (kind, f"面经：{kind}"),
            "companies/evil-co/": (f"{company}面试", f"{company}面试"),
            "sources/evil-src/": (source, f"出处：{source}"),
            "frameworks/evil-fw/": (framework, f"答题框架：{framework}"),
            "cases/evil-case/": (t.shown["案例标题"], f"案例：{t.shown['案例标题']}"),
            "cases/evil-lone/": (t.shown["独立案例标题"], f"案例：{t.shown['独立案例标题']}"),
        }
    )
    return t


INSPECT = """() => {
  const found = [];
  const executable = ["href", "src", "action", "formaction", "xlink:href", "data"];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase(), value = a.value.trim().toLowerCase();
      if (name.startsWith("on") || name === "srcdoc") found.push(`${el.tagName} ${a.name}="${a.value}"`);
      if (executable.includes(name) && /^(javascript|data|vbscript):/.test(value)) found.push(`${el.tagName} ${a.name}="${a.value}"`);
      if (name.startsWith("data-") && value === "evil") found.push(`${el.tagName} ${a.name}="${a.value}"`);
    }
    if ((el.tagName === "SCRIPT" || el.tagName === "STYLE") && /__pwned|display:none/.test(el.textContent)) found.push(`${el.tagName}: ${el.textContent}`);
  }
  for (const selector of ['img[src="x"]', 'img[src="y"]', "svg[onload]", "iframe", "#injected", "#injected-attr", ".injected", "#nowhere", "b"]) {
    for (const el of document.querySelectorAll(selector)) found.push(`${selector}: ${el.outerHTML.slice(0, 120)}`);
  }
  const h1 = document.querySelector("article h1");
  let heading = null;
  if (h1) {
    const copy = h1.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(a => a.remove());
    heading = copy.textContent;
  }
  const article = document.querySelector("article");
  const links = article ? [...article.querySelectorAll("a[href]")].map(a => [a.getAttribute("href"), a.textContent]) : [];
  return {pwned: window.__pwned !== undefined, injected: found, h1: heading, title: document.querySelector("title").textContent,
          text: article ? article.innerText : "", links};
}"""
"""What a page did with the payloads: whether any ran (window.__pwned), the elements and attributes they would
create if parsed as HTML (the site itself writes no inline event handlers, javascript: links, iframes or <b>),
and the page's h1, title, article text and article links."""


def flat(value: str) -> str:
    return " ".join(value.split())


@dataclass
class Visit:
    """What a reader's browser got from one page."""

    path: str
    dialogs: list[str]
    pwned: bool
    injected: list[str]
    h1: str | None
    title: str
    text: str
    """The article's text as rendered (innerText), whitespace collapsed."""
    links: list[tuple[str, str]]
    """The article's links: (href as written, text)."""


@dataclass
class Site:
    url: str
    root: Path
    tree: Tree


def build_hostile(base: Path, settings: str | None = None) -> tuple[Path, Tree]:
    data = base / "data-src"
    shutil.copytree(FIXTURES / "mini" / "data", data)
    tree = write_hostile(data)
    if settings is not None:
        (data / "settings.yaml").write_text(settings, encoding="utf-8")
    repo = site_repo(base / "repo", data)
    result = build_repo_site(repo, base / "site")
    assert result.returncode == 0, result.stderr[-5000:]
    return base / "site", tree


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root, tree = build_hostile(tmp_path_factory.mktemp("hostile"))
    with serve(root) as url:
        yield Site(url, root, tree)


def new_tab(browser: Browser) -> tuple[Page, list[str]]:
    """A tab that records and dismisses every dialog (a payload's alert())."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    dialogs: list[str] = []

    def dismiss(dialog: Any) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    tab.on("dialog", dismiss)
    return tab, dialogs


def inspect(tab: Page, dialogs: list[str], path: str) -> Visit:
    found = tab.evaluate(INSPECT)
    links = [(href, text) for href, text in found["links"]]
    return Visit(path, list(dialogs), found["pwned"], found["injected"], found["h1"], found["title"], flat(found["text"]), links)


def site_paths(root: Path) -> list[str]:
    """Every page of the built site, as URL paths relative to its root ("" is home)."""
    pages = sorted(p.parent.relative_to(root).as_posix() + "/" for p in root.rglob("index.html"))
    return [p.removeprefix("./") if p != "./" else "" for p in pages] + ["404.html"]


@pytest.fixture(scope="module")
def visits(browser: Browser, site: Site) -> dict[str, Visit]:
    """Every page of the hostile site, loaded once in Chromium."""
    tab, dialogs = new_tab(browser)
    out = {}
    for path in site_paths(site.root):
        dialogs.clear()
        tab.goto(site.url + path, wait_until="load")
        out[path] = inspect(tab, dialogs, path)
    tab.context.close()
    return out


PAGE_KINDS = ("questions", "tags", "companies", "rounds", "categories", "cases", "frameworks", "sources", "tips")


def test_every_page_type_is_visited(visits: dict[str, Visit]) -> None:
    for kind in PAGE_KINDS:
        assert f"{kind}/" in visits, f"no {kind} index page"
        assert any(re.fullmatch(rf"{kind}/[a-z0-9-]+/", p) for p in visits), f"no {kind} entity page"
    assert "" in visits and "reference/" in visits and len(visits) > 40


def test_no_payload_runs_or_injects_an_element(visits: dict[str, Visit]) -> None:
    bad = {path: (v.dialogs, v.pwned, v.injected) for path, v in visits.items() if v.dialogs or v.pwned or v.injected}
    assert not bad, "\n".join(f"{path}: dialogs={d} pwned={p} injected={i[:5]}" for path, (d, p, i) in bad.items())


def test_entity_pages_show_their_hostile_names_as_typed(visits: dict[str, Visit], site: Site) -> None:
    assert len(site.tree.headings) == 4 + 9
    for path, (h1, title) in site.tree.headings.items():
        visit = visits[path]
        assert visit.h1 is not None and flat(visit.h1) == flat(h1), path
        assert flat(visit.title) == f"{flat(title)} - {SITE_NAME}", path


def test_every_field_shows_as_typed_somewhere(visits: dict[str, Visit], site: Site) -> None:
    text = "\n".join(v.text for v in visits.values())
    missing = [label for label, value in site.tree.shown.items() if flat(value) not in text]
    assert not missing, f"fields not shown as typed: {missing}"
    home = visits[""].text
    assert "{{ config.site_name }} {% raw %} {# 注释" in home and "&lt;i&gt; &amp; &#x3C;" in home
    question = visits["questions/h-001/"].text
    assert question.count(PAYLOADS[0]) >= 10, "the question's fields show their payloads"


def test_only_web_addresses_are_links_and_keep_their_characters(visits: dict[str, Visit]) -> None:
    """The source's address, with & and entity-like text in it, is a link's href and text exactly, wherever the source
    is cited; no page links to any other scheme."""
    for path in ("sources/", "sources/evil-src/", "questions/h-001/", "frameworks/evil-fw/", "cases/evil-lone/"):
        assert (URL, URL) in visits[path].links, path
    for path, visit in visits.items():
        schemes = {href.split(":", 1)[0].lower() for href, _ in visit.links if re.match(r"[a-z][a-z0-9+.-]*:", href, re.I)}
        assert schemes <= {"http", "https"}, path


def test_question_browser_lists_and_filters_hostile_entries_as_text(browser: Browser, site: Site) -> None:
    tab, dialogs = new_tab(browser)
    tab.goto(f"{site.url}questions/")
    form = tab.get_by_role("search", name="筛选题目")
    category = form.get_by_label("分类", exact=True)
    expect(category.locator("option[value='hostile']")).to_have_text(f"{flat(site.tree.shown['分类名称'])}（4）")
    expect(form.get_by_label("公司", exact=True).locator("option[value='evil-co']")).to_have_text(f"{flat(site.tree.shown['公司名称'])}（1）")
    expect(form.get_by_label("轮次", exact=True).locator("option[value='evil-round']")).to_have_text(f"{flat(site.tree.shown['轮次名称'])}（1）")
    expect(form.get_by_label("标签", exact=True).locator("option[value='evil-tag']")).to_have_text(f"{flat(site.tree.shown['标签名称'])}（4）")
    category.select_option("hostile")
    expect(tab.get_by_role("status")).to_have_text("显示 4 / 7 道题")
    form.get_by_label("关键词", exact=True).fill(SEARCH_TERM)
    expect(tab.get_by_role("status")).to_have_text("显示 1 / 7 道题")
    form.get_by_label("关键词", exact=True).fill("{{ config.site_name }}")  # the payload's own text finds what carries it
    expect(tab.get_by_role("status")).to_have_text("显示 4 / 7 道题")
    visit = inspect(tab, dialogs, "questions/")
    tab.context.close()
    assert (visit.dialogs, visit.pwned, visit.injected) == ([], False, [])
    assert flat(site.tree.shown[f"{SEARCH_TERM} 题目"]) in visit.text


def test_large_bank_browser_draws_hostile_titles_as_text(browser: Browser, tmp_path: Path) -> None:
    """Above settings.list_limit the list is drawn by the script from export/facets.json."""
    root, tree = build_hostile(tmp_path, settings="list_limit: 2\n")
    with serve(root) as url:
        tab, dialogs = new_tab(browser)
        tab.goto(f"{url}questions/?category=hostile")
        expect(tab.get_by_role("status")).to_have_text("显示 4 / 7 道题")
        titles = tab.locator("article a[href*='questions/h-00']")
        expect(titles).to_have_count(4)
        shown = sorted(flat(t) for t in titles.all_inner_texts())
        visit = inspect(tab, dialogs, "questions/")
        tab.context.close()
    assert shown == sorted(flat(tree.shown[label]) for label in (f"{SEARCH_TERM} 题目", "题目2", "题目3", "题目4"))
    assert (visit.dialogs, visit.pwned, visit.injected) == ([], False, [])


def search(tab: Page, base: str, query: str) -> None:
    """Material's search for ``query``, waiting until the worker has answered (not its placeholder)."""
    tab.goto(f"{base}?q={quote(query)}")
    meta = tab.locator(".md-search-result__meta")
    expect(meta).not_to_have_text("正在初始化搜索引擎")
    expect(meta).not_to_have_text("")


def result_titles(tab: Page) -> dict[str, str]:
    """Result page path → its title as shown (zero-width spaces removed by search-clean.js)."""
    items = tab.locator(".md-search-result__list > li")
    out = {}
    for i in range(items.count()):
        link = items.nth(i).locator("a").first
        out[(link.get_attribute("href") or "").split("?")[0]] = flat(link.locator("h1").first.text_content() or "")
    return out


@pytest.mark.parametrize(
    ("query", "path", "title"),
    [
        (SEARCH_TERM, "questions/h-001/", lambda t: t.shown[f"{SEARCH_TERM} 题目"]),
        ("公司名称", "companies/evil-co/", lambda t: t.shown["公司名称"] + "面试"),
        ("框架名称", "frameworks/evil-fw/", lambda t: "答题框架：" + t.shown["框架名称"]),
        ("独立案例标题", "cases/evil-lone/", lambda t: "案例：" + t.shown["独立案例标题"]),
    ],
)
def test_search_results_show_hostile_titles_as_text(browser: Browser, site: Site, query: str, path: str, title: Any) -> None:
    tab, dialogs = new_tab(browser)
    search(tab, site.url, query)
    found = result_titles(tab)
    visit = inspect(tab, dialogs, f"?q={query}")
    assert (visit.dialogs, visit.pwned, visit.injected) == ([], False, [])
    assert site.url + path in found, f"{query}: {sorted(found)}"
    assert found[site.url + path] == flat(title(site.tree))
    snippet = flat(tab.locator(".md-search-result__list").inner_text())
    assert "<script>window.__pwned=1</script>" in snippet
    # Following the result highlights the query on the page (search.highlight).
    tab.locator(f".md-search-result__list > li > a[href^='{site.url}{path}?h=']").first.click()
    tab.wait_for_url(re.compile(re.escape(site.url + path) + r"\?h="))
    after = inspect(tab, dialogs, path)
    tab.context.close()
    assert (after.dialogs, after.pwned, after.injected) == ([], False, [])
    assert after.h1 is not None and flat(after.h1) == flat(site.tree.headings[path][0])


HOSTILE_QUERIES = ("<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "</title><script>alert(1)</script>", "{{ config.site_name }}")


def test_hostile_queries_suggestions_and_highlights_stay_text(browser: Browser, site: Site) -> None:
    """Queries made of payloads, the suggestion Material completes a word with (here a word of a payload), and the
    query highlighted in a page's hostile text: all shown as text."""
    tab, dialogs = new_tab(browser)
    for query in HOSTILE_QUERIES:
        search(tab, site.url, query)
        expect(tab.locator(".md-search__input")).to_have_value(query)
        visit = inspect(tab, dialogs, f"?q={query}")
        assert (visit.dialogs, visit.pwned, visit.injected) == ([], False, []), query

    box = tab.locator(".md-search__input")
    box.fill("")
    box.press_sequentially("onerr", delay=50)
    expect(tab.locator(".md-search__suggest")).to_contain_text("onerror=")
    visit = inspect(tab, dialogs, "suggest")
    assert (visit.dialogs, visit.pwned, visit.injected) == ([], False, [])

    for word in ("script", "onerror", "svg"):
        tab.goto(f"{site.url}frameworks/evil-fw/?h={word}")
        expect(tab.locator("article mark").first).to_have_text(re.compile(word, re.I))
        visit = inspect(tab, dialogs, f"?h={word}")
        assert (visit.dialogs, visit.pwned, visit.injected) == ([], False, []), word
        assert flat(site.tree.shown["框架名称"]) == flat(visit.h1 or "")
    tab.context.close()
