"""handbook import, measured: raw notes in many formats → questions, answers, tips, duplicates.

The fixtures in tests/fixtures/raw/ are interview notes written for these tests, each with a
label file saying which physical lines are questions, the expected category of some, and which
questions duplicate an existing question in data/ (or an earlier line of the same file). Files
marked ``heldout: true`` were labelled before the parser first saw them; their numbers are
printed separately.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURES, ROOT
from handbook.build import load_checked
from handbook.handbook import Handbook
from handbook.importer import Built, Options, build, load_rules
from handbook.model import Occurrence
from handbook.rawnotes import decode, parse, physical_lines
from handbook.suggest import ImportRules

RAW = FIXTURES / "raw"
LABELS = sorted(RAW.glob("*.labels.yaml"))


@cache
def real() -> tuple[Handbook, ImportRules]:
    """The real data/ (vocabularies, keywords, existing questions) and its import rules."""
    handbook, _ = load_checked(ROOT)
    return handbook, load_rules(ROOT / "data", ROOT)


@dataclass(frozen=True)
class Case:
    name: str
    labels: dict[str, Any]
    text: str
    built: Built

    @property
    def heldout(self) -> bool:
        return bool(self.labels.get("heldout"))


@cache
def case(label_file: Path) -> Case:
    labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))
    decoded = decode((RAW / labels["file"]).read_bytes())
    handbook, rules = real()
    name = label_file.name.removesuffix(".labels.yaml").replace("_", "-")
    options = Options(name=name, raw_file=labels["file"].replace("_", "-"), company=labels.get("company"))
    return Case(name, labels, decoded.text, build(parse(decoded.text), handbook, rules, options))


def test_there_are_at_least_six_formats_with_labels() -> None:
    assert len(LABELS) >= 6
    for label_file in LABELS:
        labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        assert (RAW / labels["file"]).is_file(), labels["file"]
        assert labels["questions"], label_file.name


def _question_lines(built: Built) -> set[int]:
    lines = {_line(q.asked[0]) for q in built.draft.questions if q.asked}
    return lines | {_line(a.asked) for a in built.draft.add_asked}


def _line(occurrence: Occurrence) -> int:
    """The raw line a drafted occurrence was taken from: the importer writes it for every one."""
    assert occurrence.line is not None, occurrence
    return occurrence.line


def test_questions_are_extracted_and_answers_are_not() -> None:
    """≥ 95% of real questions found; ≤ 5% of the other lines (answers, commentary) taken as questions."""
    found = total = wrong = others = 0
    for label_file in LABELS:
        item = case(label_file)
        truth = set(item.labels["questions"])
        got = _question_lines(item.built)
        nonblank = {n for n, line in enumerate(physical_lines(item.text), 1) if line.strip()}
        found += len(truth & got)
        total += len(truth)
        wrong += len(got - truth)
        others += len(nonblank - truth)
        print(f"{item.name}: 题目 {len(truth & got)}/{len(truth)}，误作题目 {len(got - truth)}，漏掉 {sorted(truth - got)}，多出 {sorted(got - truth)}")
    print(f"题目提取：{found}/{total} = {found / total:.1%}；答案或点评误作题目：{wrong}/{others} = {wrong / others:.1%}")
    assert found / total >= 0.95
    assert wrong / others <= 0.05


def _categories(item: Case) -> dict[int, str]:
    """Raw line → category: the draft's for new questions, the existing question's for duplicates."""
    handbook, _ = real()
    existing = {q.id: q.category for q in handbook.questions}
    result = {_line(q.asked[0]): q.category for q in item.built.draft.questions}
    own = {q.id: q.category for q in item.built.draft.questions}
    for extra in item.built.draft.add_asked:
        result[_line(extra.asked)] = existing.get(extra.question) or own[extra.question]
    return result


def test_category_share_is_reported() -> None:
    right = total = 0
    for label_file in LABELS:
        item = case(label_file)
        got = _categories(item)
        for line, expected in item.labels.get("categories", {}).items():
            total += 1
            right += got.get(line) == expected
    print(f"分类推荐正确：{right}/{total} = {right / total:.1%}")
    assert total >= 40
    assert right / total >= 0.5, "category suggestion got much worse"


def _duplicates(item: Case) -> tuple[dict[int, str], dict[int, str]]:
    """(predicted, labelled) raw line → target: an existing id, or line:N for an earlier question of the file."""
    own_lines = {q.id: q.asked[0].line for q in item.built.draft.questions}
    predicted = {_line(a.asked): (f"line:{own_lines[a.question]}" if a.question in own_lines else a.question) for a in item.built.draft.add_asked}
    labelled = {int(k): str(v) for k, v in (item.labels.get("duplicates") or {}).items()}
    return predicted, labelled


def _precision_recall(items: list[Case]) -> tuple[float, float, int, int, int]:
    hits = marked = labelled_total = 0
    for item in items:
        predicted, labelled = _duplicates(item)
        hits += sum(1 for line, target in predicted.items() if labelled.get(line) == target)
        marked += len(predicted)
        labelled_total += len(labelled)
    return hits / max(marked, 1), hits / max(labelled_total, 1), hits, marked, labelled_total


def test_duplicate_precision_and_recall() -> None:
    """Duplicates of existing questions (data/) and of earlier questions in the same file."""
    items = [case(f) for f in LABELS]
    dev = [i for i in items if not i.heldout]
    heldout = [i for i in items if i.heldout]
    for title, group in (("标注集（调参用）", dev), ("留出集", heldout), ("全部", items)):
        p, r, hits, marked, labelled = _precision_recall(group)
        print(f"查重 {title}：precision {hits}/{marked} = {p:.2f}，recall {hits}/{labelled} = {r:.2f}")
    p, r, *_ = _precision_recall(dev)
    assert p >= 0.8 and r >= 0.8


@pytest.mark.parametrize("label_file", LABELS, ids=lambda p: p.name.removesuffix(".labels.yaml"))
def test_every_line_ends_up_in_exactly_one_place(label_file: Path) -> None:
    """In the parse (question, answer, comment, heading, omitted) and in the draft (asked, sources, add_asked, tips, omitted)."""
    item = case(label_file)
    nonblank = {n for n, line in enumerate(physical_lines(item.text), 1) if line.strip()}
    places = parse(item.text).places()
    assert set(places) == nonblank
    assert {n: p for n, p in places.items() if len(p) != 1} == {}
    seen: list[int] = []
    draft = item.built.draft
    for q in draft.questions:
        seen += [o.line for o in q.asked if o.line is not None]
        seen += [n for ref in q.sources for n in ref.lines]
    seen += [a.asked.line for a in draft.add_asked if a.asked.line is not None]
    seen += [n for a in draft.add_asked for ref in a.sources for n in ref.lines]
    seen += [n for tip in draft.tips for ref in tip.sources for n in ref.lines]
    seen += [o.line for o in draft.omitted]
    assert sorted(seen) == sorted(nonblank), "every non-blank line exactly once in the draft"


def test_gbk_file_is_detected_and_reported() -> None:
    decoded = decode((RAW / "gbk_jd.txt").read_bytes())
    assert decoded.encoding == "gbk"
    assert decoded.notice == "检测到 GBK 编码，已转换为 UTF-8。"
    assert "京东零售" in decoded.text


def test_crlf_and_bom_keep_physical_line_numbers() -> None:
    item = case(RAW / "wenda_crlf_bom.labels.yaml")
    first = item.built.draft.questions[0]
    assert first.title == "为什么选择做策略产品而不是功能产品？"
    assert first.asked[0].line == 5 and first.asked[0].round == "first"
    assert first.notes == ["我更喜欢用数据验证想法，策略产品的效果能直接量化。"]


def test_rounds_come_from_the_nearest_heading() -> None:
    item = case(RAW / "nowcoder_ant.labels.yaml")
    by_line = {q.asked[0].line: q.asked[0] for q in item.built.draft.questions} | {a.asked.line: a.asked for a in item.built.draft.add_asked}
    assert by_line[6].round == "first" and by_line[17].round == "second"
    assert by_line[26].round == "director" and by_line[33].round == "hr"
    assert by_line[6].company == "ant-group"
    jd = case(RAW / "gbk_jd.labels.yaml")
    written_test = next(q for q in jd.built.draft.questions if q.asked[0].line == 4)
    assert written_test.asked[0].round is None and written_test.asked[0].section == "笔试"


def test_commentary_becomes_tips_with_kind_round_and_line() -> None:
    item = case(RAW / "markdown_tencent.labels.yaml")
    tips = {t.sources[0].lines[0]: t for t in item.built.draft.tips}
    assert set(tips) >= {11, 25, 37, 41, 42, 43}
    assert tips[25].rounds == ["first"] and tips[25].kind == "review"
    assert tips[41].kind == "prep" and tips[41].rounds == []
    question_7 = next(q.id for q in item.built.draft.questions if q.asked[0].line == 7)
    assert tips[11].questions == [question_7], "a comment right after a question is linked to it"


def test_duplicate_search_stays_fast_for_ten_thousand_questions() -> None:
    """An inverted index over features: no all-pairs comparison."""
    import random
    import time

    from handbook.suggest import Suggester

    handbook, rules = real()
    titles = [q.title for q in handbook.questions]
    rng = random.Random(7)
    alphabet = sorted(set("".join(titles)))
    bank = [(f"syn-{i}", rng.choice(titles)[rng.randint(0, 6) :] + "".join(rng.choice(alphabet) for _ in range(6))) for i in range(10_000)]
    bank.append(("target", "如何评估一个广告位的商业价值？"))
    start = time.perf_counter()
    index = Suggester.of(handbook, rules).index(bank)
    built = time.perf_counter()
    found = [index.nearest(title) for title in titles[:50]]
    [best] = index.nearest("怎么评估一个广告位的价值")
    done = time.perf_counter()
    print(f"查重索引：10,001 道题建索引 {built - start:.1f} 秒，51 次查询 {done - built:.2f} 秒")
    assert best.id == "target" and best.similarity >= rules.duplicates.threshold
    assert all(found)
    assert done - built < 5, "queries must not compare all pairs"
    assert built - start < 60


@pytest.mark.parametrize("label_file", LABELS, ids=lambda p: p.name.removesuffix(".labels.yaml"))
def test_the_draft_file_reads_back_as_the_draft(label_file: Path) -> None:
    from handbook.drafts import parse_draft
    from handbook.importer import render

    item = case(label_file)
    text = render(item.built)
    loaded, problems = parse_draft(text, f"data/drafts/{item.name}.yaml")
    assert problems == [] and loaded is not None
    assert loaded.draft == item.built.draft
    assert all(line.startswith(("#", " ", "-", "source", "questions", "add_asked", "tips", "omitted")) or not line for line in text.splitlines())


@pytest.mark.real_data
@pytest.mark.seeds
def test_real_notes_from_the_seed_files() -> None:
    """The ant-notes seed is real notes curated into data/ by hand: lines the handbook made into questions
    (asked) should parse as questions, lines it made into tips should not."""
    import re

    from handbook.seeds import seeds_dir

    handbook, _ = real()
    source = next(s for s in handbook.sources if s.id == "ant-notes")
    path = seeds_dir(ROOT) / (source.seed or "")
    lines = physical_lines(path.read_text(encoding="utf-8"))
    unit: dict[tuple[str, int], int] = {}
    section = None
    for number, line in enumerate(lines, 1):
        if heading := re.match(r"^#\s+(\S.*?)\s*$", line):
            section = heading[1]
        elif (numbered := re.match(r"^(\d+)\.\s+\S", line)) and section:
            unit[(section, int(numbered[1]))] = number
    asked = {
        unit[(o.section or "", o.line)]
        for q in handbook.questions
        for o in q.asked
        if o.source == source.id and o.line is not None and (o.section or "", o.line) in unit
    }
    tipped = {unit[(r.section or "", n)] for t in handbook.tips for r in t.sources if r.source == source.id for n in r.lines if (r.section or "", n) in unit}
    found = {q.line for q in parse("\n".join(lines)).questions}
    print(f"种子笔记 {source.id}：题目行 {len(asked & found)}/{len(asked)} 识别为题目，面经行 {len(tipped & found)}/{len(tipped)} 误作题目")
    assert len(asked & found) >= 0.9 * len(asked)
    assert len(tipped & found) <= 0.1 * len(tipped)
