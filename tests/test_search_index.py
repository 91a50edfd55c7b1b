"""The search entries of question pages, built from the data."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from conftest import ROOT, write_tree
from handbook.build import generate, load_checked
from handbook.relations import Index
from handbook.search import _HAN_RUN, _searchable, entries, jieba_cut, question_entries, segment, segmenter_words, tag_entries


def fake_cut(text: str) -> Iterable[str]:
    """Two characters a word: enough to see where the zero-width spaces go."""
    return [text[i : i + 2] for i in range(0, len(text), 2)]


def test_segment_marks_words_but_not_next_to_punctuation_latin_or_spaces() -> None:
    assert segment("产品经理面试", fake_cut) == "产品\u200b经理\u200b面试"
    assert segment("用户增长，AB实验设计。", fake_cut) == "用户\u200b增长，AB实验\u200b设计。"
    assert segment("  多余   空白 ", fake_cut) == "多余 空白"


def test_question_entries_hold_what_readers_search_for(mini: Path) -> None:
    handbook, _ = load_checked(mini)
    entries = {e["location"]: e for e in question_entries(Index(handbook), fake_cut)}
    assert sorted(entries) == ["questions/q-001/", "questions/q-002/", "questions/q-003/"]
    first = entries["questions/q-001/"]
    assert first["title"] == "AB 实验\u200b如何\u200b设计？"
    assert first["tags"] == ["A/B 实验", "数据指标"]
    text = first["text"].replace("\u200b", "")
    for wanted in ("考察实验设计的严谨性", "明确假设", "样本量不足就下结论", "收银台按钮文案实验", "转化率提升 2 个百分点", "AB测试"):
        assert wanted in text
    # Not indexed: framework copies, sources, related questions.
    assert "写清改动与预期" not in text and "示例面试笔记" not in text and "指标异常" not in text


def test_entries_follow_the_url_style(mini: Path) -> None:
    handbook, _ = load_checked(mini)
    [first, *_] = question_entries(Index(handbook), fake_cut, directory_urls=False)
    assert first["location"] == "questions/q-001.html"


def test_tag_pages_are_indexed_by_name_synonyms_and_description_not_their_lists(mini: Path) -> None:
    """A tag page lists questions (indexed on their own pages): its entry holds what a reader calls the tag."""
    handbook, _ = load_checked(mini)
    tags = {e["location"]: e for e in tag_entries(Index(handbook), fake_cut)}
    assert sorted(tags) == ["tags/ab-test/", "tags/metrics/", "tags/risk/"]
    assert tags["tags/ab-test/"]["title"].replace("\u200b", "") == "标签：A/B 实验（又称：AB实验、AB测试）"
    assert tags["tags/ab-test/"]["tags"] == ["A/B 实验"]
    assert tags["tags/risk/"]["title"].replace("\u200b", "") == "标签：风控"
    assert tags["tags/risk/"]["text"].replace("\u200b", "") == "风险控制。"
    assert [e["location"] for e in entries(Index(handbook), fake_cut)][-3:] == list(tags)


def test_case_pages_shown_by_a_question_stay_out_of_material_search(mini: Path) -> None:
    """Their text is in the questions' entries already; a case no question shows is indexed from its page."""
    orphan = "- id: case-lone\n  title: 无人引用的案例\n  kind: illustration\n  background: 背景。\n  steps: [一步, 两步]\n  result: 结果。\n"
    write_tree(mini, {"data/cases/lone.yaml": orphan})
    pages = generate(mini)
    assert "search:\n  exclude: true" in pages["cases/case-ab.md"]
    assert "exclude" not in pages["cases/case-lone.md"].split("---", 2)[1]


@pytest.mark.real_data
def test_rjieba_cuts_the_handbook_as_jieba_does() -> None:
    """Question entries are cut by rjieba, Material cuts the other pages with jieba: the same words on nearly all of
    the handbook's text (measured: 2 of 8,023 runs differ, where a taught term ties with dictionary words)."""
    import jieba

    handbook, _ = load_checked(ROOT)
    index = Index(handbook)
    cut = jieba_cut(segmenter_words(handbook))
    runs = [run for q in index.questions.values() for text in (q.title, _searchable(index, q)) for run in _HAN_RUN.findall(text)]
    assert len(runs) > 1000
    different = [(run, list(cut(run)), list(jieba.cut(run))) for run in runs if list(cut(run)) != list(jieba.cut(run))]
    assert len(different) <= len(runs) // 1000, different[:10]
