"""Generated pages skip Markdown: their table of contents, anchors and links come from prerendered.py."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.structure.files import File, Files

from conftest import build_repo_site, site_repo
from handbook import markup as H
from handbook import prerendered
from handbook.build import generate

PAGE = "\n".join(
    [
        H.heading(1, "题目 <一>", "question"),
        H.para('<a href="#asked">被问过 2 次</a> · ' + H.link("标签", "questions/q-1.md", "tags/t.md")),
        H.heading(2, "考察点", "intent"),
        H.para(H.link("面经", "questions/q-1.md", "tips/process.md", "tip-1") + " " + H.link("总览", "questions/q-1.md", "questions/index.md")),
        H.heading(2, "被问过 2 次", "asked", exclude=True),
        H.heading(3, "细节", "detail"),
        H.para('<a href="https://example.com/a.md">外链</a>'),
    ]
)


def _files(directory_urls: bool) -> Files:
    uris = ["questions/q-1.md", "tags/t.md", "tips/process.md", "questions/index.md"]
    return Files([File(uri, "/docs", "/site", use_directory_urls=directory_urls) for uri in uris])


def test_table_of_contents_nests_headings_by_level() -> None:
    files = _files(True)
    toc = prerendered.facts(PAGE, files.src_uris["questions/q-1.md"], files).toc
    [top] = list(toc)
    assert (top.title, top.url, top.level) == ("题目 &lt;一&gt;", "#question", 1)
    assert [(c.title, c.url) for c in top.children] == [("考察点", "#intent"), ("被问过 2 次", "#asked")]
    assert [c.url for c in top.children[1].children] == ["#detail"]


def test_anchors_and_links_to_anchors_are_reported_for_mkdocs_to_check() -> None:
    files = _files(True)
    page = files.src_uris["questions/q-1.md"]
    found = prerendered.facts(PAGE, page, files)
    assert found.anchors == {"question", "intent", "asked", "detail"}
    # Permalinks count as links to the page's own anchors, as they do for MkDocs's own check.
    assert found.links_to_anchors[page] == {a: f"#{a}" for a in ("question", "intent", "asked", "detail")}
    assert found.links_to_anchors[files.src_uris["tips/process.md"]] == {"tip-1": "../tips/process.md#tip-1"}


@pytest.mark.parametrize(
    ("directory_urls", "tag", "tip", "index"),
    [
        (True, "../../tags/t/", "../../tips/process/#tip-1", "../"),
        (False, "../tags/t.html", "../tips/process.html#tip-1", "index.html"),
    ],
)
def test_links_become_site_urls_with_and_without_directory_urls(directory_urls: bool, tag: str, tip: str, index: str) -> None:
    files = _files(directory_urls)
    html = prerendered.resolve(PAGE, files.src_uris["questions/q-1.md"], files)
    assert f'href="{tag}"' in html and f'href="{tip}"' in html and f'href="{index}"' in html
    assert 'href="https://example.com/a.md"' in html and 'href="#asked"' in html
    assert '.md"' not in html.replace("https://example.com/a.md", "")


def test_a_link_to_a_missing_page_is_a_warning_naming_both(caplog: pytest.LogCaptureFixture) -> None:
    files = _files(True)
    broken = H.para(H.link("不存在", "questions/q-1.md", "tags/missing.md"))
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        prerendered.facts(broken, files.src_uris["questions/q-1.md"], files)
    assert "questions/q-1.md" in caplog.text and "../tags/missing.md" in caplog.text


def test_body_drops_the_front_matter() -> None:
    page = H.page({"title": "题目"}, [H.para("正文")])
    assert prerendered.body(page).lstrip().startswith("<!--") and "title:" not in prerendered.body(page)
    assert "handbook_html: true" in page


def test_site_pages_match_what_markdown_would_make(tmp_path: Path) -> None:
    """The built question page has its sections in the table of contents and links resolved, and the anchor
    check still covers generated pages: a hub link to a missing anchor fails the strict build."""
    repo = site_repo(tmp_path / "repo", Path(__file__).parent / "fixtures" / "mini" / "data")
    result = build_repo_site(repo, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/questions/q-001/index.html").read_text(encoding="utf-8")
    toc = html.split("md-nav--secondary", 1)[1].split("</nav>", 1)[0]
    assert 'href="#intent"' in toc and "考察点" in toc
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    assert 'href="../../tags/ab-test/"' in article and '.md"' not in article

    contributing = repo / "docs/contributing.md"
    contributing.write_text(contributing.read_text(encoding="utf-8") + "\n[坏锚点](questions/q-001.md#no-such-section)\n", encoding="utf-8")
    result = build_repo_site(repo, tmp_path / "site2")
    assert result.returncode != 0 and "no-such-section" in result.stderr


def test_links_are_joined_as_normpath_joins_them() -> None:
    """_join resolves a link without posixpath (for speed): it must agree with normpath(join(dirname, link))."""
    import posixpath

    sources = ["index.md", "questions/q-1.md", "tags/a/b.md", "a/b/c/d.md"]
    links = ["x.md", "../x.md", "../../x.md", "../../../../../x.md", "./x.md", "a/../x.md", "../tags/t.md", "b/./c.md", "a//b.md", "..", "."]
    for source in sources:
        for link in links:
            assert prerendered._join(source, link) == posixpath.normpath(posixpath.join(posixpath.dirname(source), link)), (source, link)


def _indexed(html: str) -> list[tuple[str, list[str], list[str]]]:
    """The sections Material's search plugin indexes from ``html``: id, title and text."""
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(repr(section), section.title, section.text) for section in parser.data if not section.is_excluded()]


def test_searchable_drops_only_what_search_leaves_out(mini: Path) -> None:
    """The hook gives Material's search plugin generated pages without their excluded sections: it must index
    exactly what it would index from the whole page, on every generated page and on one with a section after."""
    searchable = prerendered.searchable(PAGE)
    assert "被问过 2 次</h2>" not in searchable and "细节" in searchable and "外链" in searchable
    pages = [PAGE] + [prerendered.body(text) for path, text in generate(mini).items() if path.endswith(".md")]
    assert sum("data-search-exclude" in page for page in pages) >= 5
    for page in pages:
        assert _indexed(prerendered.searchable(page)) == _indexed(page)
