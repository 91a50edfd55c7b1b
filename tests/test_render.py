"""Rendering: golden pages for the fixture data, links both ways, determinism."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, write_tree
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


def test_every_heading_has_an_ascii_id(mini: Path) -> None:
    for path, text in generate(mini).items():
        if not path.endswith(".md"):
            continue
        for line in text.splitlines():
            if line.startswith("#"):
                assert re.search(r"\{ #[a-z0-9-]+ \}$", line), f"{path}: {line}"


def test_cross_references_link_both_ways(mini: Path) -> None:
    pages = generate(mini)
    q = pages["questions/q-001.md"]
    assert "(../tags/ab-test.md)" in q and "(../questions/q-001.md)" in pages["tags/ab-test.md"]
    assert "(../frameworks/ab-design.md)" in q and "(../questions/q-001.md)" in pages["frameworks/ab-design.md"]
    assert "(../cases/case-ab.md)" in q and "(../questions/q-001.md)" in pages["cases/case-ab.md"]
    assert "(../tips/process.md#tip-1)" in q and "(../questions/q-001.md)" in pages["tips/process.md"]


def test_related_questions_ranked_by_shared_tags(mini: Path) -> None:
    write_tree(
        mini,
        {
            "data/questions/extra.yaml": (
                "- id: q-004\n  title: 两个共同标签\n  category: payment\n  tags: [ab-test, metrics]\n  intent: x\n  outline: [a]\n"
                "- id: q-005\n  title: 无共同标签\n  category: data\n  tags: [risk]\n  intent: x\n  outline: [a]\n"
            )
        },
    )
    handbook, _ = load_checked(mini)
    index = Index(handbook)
    related = index.related(index.questions["q-001"])
    assert [r.question.id for r in related] == ["q-004", "q-002", "q-003"]
    assert [t.id for t in related[0].shared] == ["ab-test", "metrics"]


def test_user_text_is_escaped(mini: Path) -> None:
    page = generate(mini)["questions/q-003.md"]
    assert "# 如何规避用户伪造交易材料 &lt;风险&gt;？ { #question }" in page
    assert r"考察对支付链路 \*风险\* 的理解。" in page


def test_tag_pages_are_excluded_from_search_and_carry_the_listing(mini: Path) -> None:
    page = generate(mini)["tags/ab-test.md"]
    assert "search:\n  exclude: true" in page
    assert '<!-- material/tags { include: ["A/B 实验"], layout: handbook, toc: false } -->' in page


def test_adapted_case_and_source_are_attributed(mini: Path) -> None:
    page = generate(mini)["frameworks/ab-design.md"]
    assert "作者甲《示例文章》，2025-02-11，<https://example.com/article>；问题 E1" in page
    assert "_禁止转载：本手册只保留事实并改写。_" in page


def test_illustrations_are_labelled(mini: Path) -> None:
    assert '!!! example "示例（本手册编写，非真实候选人经历）：收银台按钮文案实验"' in generate(mini)["questions/q-001.md"]


def test_export_has_every_question_with_resolved_urls(mini: Path) -> None:
    data = json.loads(generate(mini)["export/handbook.json"])
    assert data["version"] == 1
    assert [q["id"] for q in data["questions"]] == ["q-001", "q-002", "q-003"]
    first = data["questions"][0]
    assert first["url"] == "questions/q-001/"
    assert first["cases"][0]["kind"] == "illustration"
    assert {t["id"]: t["synonyms"] for t in data["tags"]}["ab-test"] == ["AB实验", "AB测试"]


@pytest.mark.parametrize("page", ["index.md", "sources/index.md", "companies/acme.md", "rounds/first.md", "tips/review.md"])
def test_hub_pages_have_titles_and_descriptions(mini: Path, page: str) -> None:
    text = generate(mini)[page]
    assert re.search(r"^title: .+$", text, re.M) and re.search(r"^description: .+$", text, re.M)
