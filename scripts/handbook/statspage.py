"""The 统计 page: what the bank holds, as bar charts drawn at build time (charts.py)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from . import markup as H
from . import paths as P
from .charts import Bar, bar_chart
from .model import QUESTION_TYPES
from .pages import UNKNOWN_COMPANY
from .relations import Index
from .stats import by_type, has_answer, has_example, has_example_or_opening

TOP = 20
"""Bars in a chart of an open-ended vocabulary (tags, companies, frameworks): the largest counts."""


def stats_page(index: Index) -> str:
    # Out of search: every label on it is the title of a page that search finds on its own.
    meta = {
        "title": "统计",
        "description": "题库统计：各分类、热门标签、公司与轮次的题目数，以及答题框架和示例案例的覆盖情况。",
        "search": {"exclude": True},
    }
    return H.page(meta, _body(index, P.STATS))


def _body(index: Index, here: str) -> Iterator[str]:
    h = index.handbook
    yield H.heading(1, "统计", "stats")
    yield H.para(
        f"题库共 <strong>{len(index.questions)}</strong> 道题、<strong>{len(h.frameworks)}</strong> 个答题框架、"
        f"<strong>{len(h.cases)}</strong> 个案例、<strong>{len(h.tags)}</strong> 个标签。"
        "图表在生成网站时由 data/ 中的数据画出；点一行可打开对应的页面，每张图下的“数据表”列出同样的数字。"
    )
    yield from _categories(index, here)
    yield from _types(index)
    yield from _tags(index, here)
    yield from _companies(index, here)
    yield from _rounds(index, here)
    yield from _coverage(index, here)
    yield from _frameworks(index, here)


def top(counts: Mapping[str, int], limit: int = TOP) -> list[str]:
    """The ids with the largest counts, most first, ties by id."""
    return sorted(counts, key=lambda key: (-counts[key], key))[:limit]


def _categories(index: Index, here: str) -> Iterator[str]:
    yield H.heading(2, "各分类题目数", "by-category")
    bars = [Bar(c.name, len(index.questions_by_category.get(cid, [])), H.href(here, P.category(cid))) for cid, c in index.categories.items()]
    yield bar_chart("by-category", "各分类题目数", bars, "分类")


def _types(index: Index) -> Iterator[str]:
    """Questions per type (题型); untyped questions are counted apart, and the chart is left out while no question has a type."""
    counts = by_type(tuple(index.questions.values()))
    untyped = counts.pop("none", 0)
    if not counts:
        return
    yield H.heading(2, "各题型题目数", "by-type")
    yield bar_chart("by-type", "各题型题目数", [Bar(QUESTION_TYPES[t], n) for t, n in counts.items()], "题型")
    if untyped:
        yield H.para(f"另有 {untyped} 道题还没有标注题型。")


def _tags(index: Index, here: str) -> Iterator[str]:
    yield H.heading(2, f"热门标签（前 {TOP} 个）", "top-tags")
    counts = {tid: len(qs) for tid, qs in index.questions_by_tag.items()}
    bars = [Bar(index.tags[tid].name, counts[tid], H.href(here, P.tag(tid))) for tid in top(counts)]
    yield bar_chart("top-tags", "题目最多的标签", bars, "标签")
    yield H.para(f"共 {len(index.tags)} 个标签，{H.link('全部标签', here, P.TAGS)}按题目数排列。")


def _companies(index: Index, here: str) -> Iterator[str]:
    yield H.heading(2, "各公司题目数", "by-company")
    counts = {cid: len(qs) for cid, qs in index.questions_by_company.items()}
    shown = top(counts)
    bars = [Bar(index.companies[cid].name, counts[cid], H.href(here, P.company(cid))) for cid in shown]
    rest = sorted(set(counts) - set(shown))
    if rest:
        others = len({q.id for cid in rest for q in index.questions_by_company[cid]})
        bars.append(Bar(f"其他 {len(rest)} 家公司", others, H.href(here, P.COMPANIES)))
    unknown = len(index.unknown_company_questions)
    if unknown:
        bars.append(Bar(UNKNOWN_COMPANY, unknown))
    yield bar_chart("by-company", "各公司被问到的题目数", bars, "公司", empty="还没有面经写明题目是在哪家公司被问到的。")
    yield H.para("按提问记录计：一道题在几家公司被问到，就在每家各计一次。")


def _rounds(index: Index, here: str) -> Iterator[str]:
    yield H.heading(2, "各轮次题目数", "by-round")
    bars = [Bar(r.name, len(index.questions_by_round.get(rid, [])), H.href(here, P.round_(rid))) for rid, r in index.rounds.items()]
    unknown = sum(1 for q in index.questions.values() if not index.rounds_of(q))
    if unknown:
        bars.append(Bar("未写明轮次", unknown))
    yield bar_chart("by-round", "各面试轮次被问到的题目数", bars, "轮次")


def _coverage(index: Index, here: str) -> Iterator[str]:
    questions = list(index.questions.values())
    answered, examples = sum(1 for q in questions if has_answer(q)), sum(1 for q in questions if has_example(q))
    yield H.heading(2, "答题框架与示例覆盖", "coverage")
    practice = [
        ("有示例或开场示范", sum(1 for q in questions if has_example_or_opening(q))),
        ("有可能的追问", sum(1 for q in questions if q.followups)),
        ("有好回答与弱回答对照", sum(1 for q in questions if q.signals)),
    ]
    yield H.para(
        f"有答题要点或答题框架的题：{answered} / {len(questions)}；有示例案例的题：{examples} / {len(questions)}；"
        + "；".join(f"{label}的题：{n} / {len(questions)}" for label, n in practice)
        + "。下面按分类列出前两项。"
    )
    groups = [(cid, c.name, index.questions_by_category[cid]) for cid, c in index.categories.items() if index.questions_by_category.get(cid)]
    yield H.heading(3, "有答题要点或框架的题目", "coverage-answer")
    bars = [Bar(name, sum(1 for q in qs if has_answer(q)), H.href(here, P.category(cid)), len(qs)) for cid, name, qs in groups]
    yield bar_chart("coverage-answer", "各分类中有答题要点或框架的题目", bars, "分类")
    yield H.heading(3, "有示例案例的题目", "coverage-example")
    bars = [Bar(name, sum(1 for q in qs if has_example(q)), H.href(here, P.category(cid)), len(qs)) for cid, name, qs in groups]
    yield bar_chart("coverage-example", "各分类中有示例案例的题目", bars, "分类")


def _frameworks(index: Index, here: str) -> Iterator[str]:
    yield H.heading(2, "每个框架用到的题目数", "framework-use")
    counts = {fid: len(index.questions_by_framework.get(fid, [])) for fid in index.frameworks}
    bars = [Bar(index.frameworks[fid].name, counts[fid], H.href(here, P.framework(fid))) for fid in top(counts)]
    yield bar_chart("framework-use", "每个答题框架用到的题目数", bars, "答题框架", empty="还没有答题框架。")
    if len(counts) > TOP:
        yield H.para(f"只列出用到最多的 {TOP} 个，共 {len(counts)} 个框架见{H.link('答题框架', here, P.FRAMEWORKS)}。")
