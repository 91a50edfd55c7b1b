"""Rendering: golden pages for the fixture data, links both ways, determinism."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from conftest import FIXTURES, write_tree
from handbook import md, prerendered
from handbook.build import generate, load_checked
from handbook.relations import Index

GOLDEN = FIXTURES.parent / "golden" / "mini"


def test_golden_pages(mini: Path, update_goldens: bool) -> None:
    pages = generate(mini)
    if update_goldens:
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        write_tree(GOLDEN, pages)
    on_disk = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(on_disk) == sorted(pages), "the set of generated files changed; rerun with --update-goldens and review"
    for path, text in pages.items():
        assert text == on_disk[path], f"{path} differs from tests/golden/mini/{path}; rerun with --update-goldens and review the diff"


def test_output_is_deterministic(mini: Path) -> None:
    assert generate(mini) == generate(mini)


def test_urls_derive_from_ids_not_titles(mini: Path) -> None:
    before = set(generate(mini))
    path = mini / "data/questions/main.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("AB 实验如何设计？", "换了说法的题目"), encoding="utf-8")
    assert set(generate(mini)) == before


def test_pitfalls_have_one_name_on_every_page_type(mini: Path) -> None:
    """Questions, frameworks and hubs all say 常见失误 (not 常见错误 on some pages)."""
    pages = generate(mini)
    assert "常见失误" in pages["frameworks/ab-design.md"] and "常见失误" in pages["questions/q-001.md"]
    assert [path for path, text in pages.items() if "常见错误" in text.replace("常见错误信息", "")] == []


def test_every_heading_has_an_ascii_id(mini: Path) -> None:
    for path, text in generate(mini).items():
        if not path.endswith(".md"):
            continue
        if "\nhandbook_html: true\n" not in text:  # Markdown (the data format reference)
            for line in text.splitlines():
                if line.startswith("#"):
                    assert re.search(r"\{ #[a-z0-9-]+( data-search-exclude)? \}$", line), f"{path}: {line}"
            continue
        headings = re.findall(r"<h[1-6][^>]*>", text)
        assert headings, path
        for tag in headings:
            assert re.fullmatch(r'<h[1-6]( data-search-exclude)? id="[a-z0-9-]+">', tag), f"{path}: {tag}"


def test_cross_references_link_both_ways(mini: Path) -> None:
    pages = generate(mini)
    q = pages["questions/q-001.md"]
    back = 'href="../questions/q-001.md"'
    assert 'href="../tags/ab-test.md"' in q and back in pages["tags/ab-test.md"]
    assert 'href="../frameworks/ab-design.md"' in q and back in pages["frameworks/ab-design.md"]
    assert 'href="../cases/case-ab.md"' in q and back in pages["cases/case-ab.md"]
    assert 'href="../tips/process.md#tip-1"' in q and back in pages["tips/process.md"]


def test_related_questions_ranked_by_shared_tags(mini: Path) -> None:
    write_tree(
        mini,
        {
            "data/questions/extra.yaml": (
                "- id: q-004\n  title: 两个共同标签\n  category: payment\n  tags: [ab-test, metrics]\n  intent: x\n  outline: [a, b, c]\n"
                "- id: q-005\n  title: 无共同标签\n  category: data\n  tags: [risk]\n  intent: x\n  outline: [a, b, c]\n"
            )
        },
    )
    handbook, _ = load_checked(mini)
    index = Index(handbook)
    related = index.related(index.questions["q-001"])
    # q-004 shares two tags; q-002 and q-003 share one equally rare tag each, and q-002 is in the same category.
    assert [r.question.id for r in related] == ["q-004", "q-002", "q-003"]
    assert [t.id for t in related[0].shared] == ["ab-test", "metrics"]


def test_user_text_is_escaped(mini: Path) -> None:
    page = generate(mini)["questions/q-003.md"]
    assert '<h1 id="question">如何规避用户伪造交易材料 &lt;风险&gt;？<a class="headerlink"' in page
    # The body is HTML, not Markdown: asterisks stay asterisks.
    assert "<p>考察对支付链路 *风险* 的理解。</p>" in page


def test_tag_pages_are_excluded_from_search_and_carry_the_listing(mini: Path) -> None:
    page = generate(mini)["tags/ab-test.md"]
    assert "search:\n  exclude: true" in page
    assert "material/tags" not in page  # tag pages are our own listings; Material's tags plugin is not used


def test_adapted_case_and_source_are_attributed(mini: Path) -> None:
    page = generate(mini)["frameworks/ab-design.md"]
    assert '作者甲《示例文章》，2025-02-11，<a href="https://example.com/article">https://example.com/article</a>；问题 E1' in page
    assert "<p><em>禁止转载：本手册只保留事实并改写。</em></p>" in page


def test_illustrations_are_labelled(mini: Path) -> None:
    page = generate(mini)["questions/q-001.md"]
    assert '<div class="admonition example">\n<p class="admonition-title">示例（本手册编写，非真实候选人经历）：收银台按钮文案实验</p>' in page


def test_export_has_every_question_with_resolved_urls(mini: Path) -> None:
    data = json.loads(generate(mini)["export/handbook.json"])
    assert data["version"] == 2
    assert [q["id"] for q in data["questions"]] == ["q-001", "q-002", "q-003"]
    first = data["questions"][0]
    assert first["url"] == "questions/q-001/"
    assert (first["frequency"], first["companies"], first["rounds"]) == (3, ["acme"], ["first", "hr"])
    assert first["asked"][0] == {"source": "notes", "section": "题目", "line": 34, "company": "acme", "round": "first", "date": "2025-03", "position": "campus"}
    assert first["cases"][0]["kind"] == "illustration"
    assert {t["id"]: t["synonyms"] for t in data["tags"]}["ab-test"] == ["AB实验", "AB测试"]


@pytest.mark.parametrize("page", ["index.md", "sources/index.md", "companies/acme.md", "rounds/first.md", "tips/review.md"])
def test_hub_pages_have_titles_and_descriptions(mini: Path, page: str) -> None:
    text = generate(mini)[page]
    assert re.search(r"^title: .+$", text, re.M) and re.search(r"^description: .+$", text, re.M)


def test_related_questions_weight_rare_tags(mini: Path) -> None:
    """One shared rare tag outranks one shared common tag."""
    extra = "".join(f"- id: q-1{i:02d}\n  title: 实验题 {i}\n  category: data\n  tags: [ab-test]\n  intent: x\n  outline: [a, b, c]\n" for i in range(5))
    write_tree(mini, {"data/questions/extra.yaml": extra})
    handbook, _ = load_checked(mini)
    index = Index(handbook)
    assert [r.question.id for r in index.related(index.questions["q-001"], limit=1)] == ["q-002"]


def test_question_page_lists_every_occurrence_and_frequency(mini: Path) -> None:
    page = generate(mini)["questions/q-001.md"]
    assert '<a href="#asked">被问过 3 次</a>' in page
    assert "<strong>高频</strong>" in page
    assert '公司：<a href="../companies/acme.md">示例公司</a>' in page
    assert '轮次：<a href="../rounds/first.md">一面</a>、<a href="../rounds/hr.md">HR面</a>' in page
    assert '<h2 data-search-exclude id="asked">被问过 3 次' in page
    assert (
        '<li><a href="../companies/acme.md">示例公司</a> · <a href="../rounds/first.md">一面</a> · 2025-03 · 校招'
        '（出处：<a href="../sources/notes.md">《示例面试笔记》</a> 题目 第 34 条）</li>'
    ) in page
    assert '<li>未知公司（出处：<a href="../sources/article.md">《示例文章》</a> 问题 E1）</li>' in page
    assert "<strong>高频</strong>" not in generate(mini)["questions/q-003.md"]


def test_hubs_list_questions_through_occurrences(mini: Path) -> None:
    pages = generate(mini)
    assert 'href="../questions/q-001.md"' in pages["rounds/hr.md"]
    assert 'href="../questions/q-003.md"' not in pages["rounds/hr.md"]
    assert 'href="../questions/q-001.md"' in pages["companies/acme.md"] and 'href="../questions/q-003.md"' in pages["companies/acme.md"]
    source = pages["sources/notes.md"]
    assert source.index("第 34 条") < source.index("第 40 条")
    assert "记录的提问（4 次，2 道题）" in source
    home = pages["index.md"]
    assert '<h2 id="hot">高频题' in home and '<ol data-search-exclude>\n<li><a href="questions/q-001.md">AB 实验如何设计？</a>（3 次）</li>' in home
    assert 'data-company="acme unknown"' in pages["questions/index.md"] and 'data-asked="3"' in pages["questions/index.md"]


def test_hot_threshold_comes_from_data(mini: Path) -> None:
    write_tree(mini, {"data/settings.yaml": "hot_threshold: 2\nhot_top: 5\n"})
    home = generate(mini)["index.md"]
    hot = home.split('id="hot"', 1)[1].split("</ol>", 1)[0]
    assert hot.count("<li>") == 2 and '<li><a href="questions/q-003.md">如何规避用户伪造交易材料 &lt;风险&gt;？</a>（2 次）</li>' in hot


def test_question_page_summarises_frameworks_instead_of_copying_them(mini: Path) -> None:
    page = generate(mini)["questions/q-001.md"]
    assert '<li><strong><a href="../frameworks/ab-design.md">A/B 实验设计</a></strong>：从假设到放量的实验步骤。<br>步骤：提出假设 → 分流与样本' in page
    assert "写清改动与预期" not in page
    assert page.index('id="outline"') < page.index('id="examples"') < page.index('id="frameworks"')


def test_metadata_that_themes_write_as_html_is_escaped(mini: Path) -> None:
    hostile = (
        '- id: q-009\n  title: "Q</title><img src=x onerror=alert(1)>"\n  category: data\n  tags: [risk]\n'
        '  intent: "\\"><img src=x onerror=alert(2)>"\n  outline: [a, b, c]\n'
    )
    tags = (mini / "data/tags.yaml").read_text(encoding="utf-8").replace("name: 风控", 'name: "风控<b>--></b>"')
    write_tree(mini, {"data/questions/hostile.yaml": hostile, "data/tags.yaml": tags})
    pages = generate(mini)
    page = pages["questions/q-009.md"]
    assert 'title: "Q&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;"' in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in page.split("---", 2)[1]
    assert '<a class="md-tag" href="../tags/risk.md">风控&lt;b&gt;--&gt;&lt;/b&gt;</a>' in page
    assert "<img" not in page.split("---", 2)[2]


def test_quotes_in_text_cannot_pass_for_links_or_anchors(mini: Path) -> None:
    """The hook reads links and ids out of generated bodies (prerendered.py): text typed with quotes must not look like one."""
    hostile = (
        '- id: q-009\n  title: \'见 href="../nowhere.md" 与 href="../tags/risk.md#x" href="#nowhere" id="fake"\'\n'
        "  category: data\n  tags: [risk]\n  intent: x\n  outline: [a, b, c]\n"
    )
    write_tree(mini, {"data/questions/hostile.yaml": hostile})
    pages = generate(mini)
    body = prerendered.body(pages["questions/q-009.md"])
    assert '<h1 id="question">见 href=&quot;../nowhere.md&quot; 与 href=&quot;../tags/risk.md#x&quot; href=&quot;#nowhere&quot; id=&quot;fake&quot;<a' in body
    for page in (body, pages["questions/index.md"], pages["tags/risk.md"]):
        assert 'href="../nowhere.md"' not in page and 'href="#nowhere"' not in page and 'id="fake"' not in page
        assert not any(".md#x" in link for link in re.findall(r'href="([^"]*)"', page))


@pytest.mark.parametrize("char", ["\x7f", "\x85", "\x9f", "\u2028", "\u2029", "\ufffe", "\uffff", "\x01", "\t"])
def test_front_matter_reads_back_any_character(char: str) -> None:
    """A character YAML cannot carry raw would lose the whole front matter, and MkDocs would read the page as Markdown."""
    title = f"题{char}目 <b>"
    _, meta = get_data(md.front_matter({"title": title, "handbook_html": True}) + "\n<p>正文</p>\n")
    assert meta == {"title": md.attribute(title), "handbook_html": True}


def test_question_tags_are_one_row_of_chips(mini: Path) -> None:
    page = generate(mini)["questions/q-001.md"]
    chips = '<nav aria-label="标签" class="md-tags"><a class="md-tag" href="../tags/ab-test.md">A/B 实验</a> <a class="md-tag" href="../tags/metrics.md">数据指标</a></nav>'
    assert chips in page
    assert page.count('href="../tags/') == 2 and "tags:" not in page.split("---", 2)[1]


def test_relative_links_match_posixpath(mini: Path) -> None:
    """md.relative computes links without posixpath.relpath (for speed): it must give the same answer for every
    pair of generated paths."""
    import posixpath

    paths = sorted(generate(mini)) + ["index.md", "a/b/c.md", "a/b/d/e.md", "a/x.md"]
    for source in paths:
        for target in paths:
            assert md.relative(source, target) == posixpath.relpath(target, posixpath.dirname(source) or "."), (source, target)


def test_a_round_without_questions_shows_no_empty_list(mini: Path) -> None:
    rounds = mini / "data/rounds.yaml"
    rounds.write_text(rounds.read_text(encoding="utf-8") + "- id: final\n  name: 终面\n  description: 和业务负责人聊方向。\n  order: 3\n", encoding="utf-8")
    page = generate(mini)["rounds/final.md"]
    assert "和业务负责人聊方向。" in page
    assert "明确属于这一轮的题目" not in page and "<ul>\n</ul>" not in page
    assert '还没有面经写明哪道题是在终面被问到的，所以这里不列题目；请<a href="../categories/index.md">按分类浏览</a>。' in page


def test_rounds_index_counts_what_each_round_page_holds(mini: Path) -> None:
    """A round no question names shows its tips instead of 0 题, and a round with neither says so."""
    rounds = mini / "data/rounds.yaml"
    rounds.write_text(rounds.read_text(encoding="utf-8") + "- id: director\n  name: 总监面\n  description: 业务规划。\n  order: 3\n", encoding="utf-8")
    page = generate(mini)["rounds/index.md"]
    assert "一面</a>（1 题，面经 1 条）" in page and "HR面</a>（1 题）" in page
    assert "总监面</a>（暂无记录）" in page and "（0 题" not in page
