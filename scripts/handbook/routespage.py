"""The 学习路线 page: the plans of routes.py, each day tickable in the browser (assets/plans.js)."""

from __future__ import annotations

from collections.abc import Iterator

from . import markup as H
from . import paths as P
from .relations import Index
from .routes import REVIEW_EVERY, ROUTES, Day, Route, plan
from .storiespage import LOCAL_ONLY, STUDY_CSS, STUDY_JS


def routes_page(index: Index) -> str:
    meta = {
        "title": "学习路线",
        "description": "7 天与 21 天的产品经理面试学习计划：每天学哪些分类、先学哪些答题框架、练哪些高频题，可逐日打勾记录进度。",
        "page_js": [STUDY_JS],
        "page_css": [STUDY_CSS],
        # Out of search: it lists question titles that search finds on their own pages.
        "search": {"exclude": True},
    }
    return H.page(meta, _body(index, P.ROUTES))


def _body(index: Index, here: str) -> Iterator[str]:
    per_day = index.handbook.settings.route_per_day
    yield H.heading(1, "学习路线", "routes")
    yield H.para(
        f"两条路线都由题库自动排出：每天学一两个分类，先读当天用到的答题框架，再练这些分类里被问得最多的题（每天最多 {per_day} 道）；"
        f"每第 {REVIEW_EVERY} 天复习前几天的高频题。题目旁会显示你在题目页标记的“已掌握”“需复习”。"
    )
    yield H.para(f"学完一天就勾选“完成”。{LOCAL_ONLY}")
    for route in ROUTES:
        yield from _route(index, route, plan(index, route.days, per_day), here)


def _route(index: Index, route: Route, days: list[Day], here: str) -> Iterator[str]:
    yield H.heading(2, route.name, f"route-{route.id}")
    yield H.para(H.text(route.summary))
    yield f'<p class="hb-route__progress" data-route="{route.id}" data-days="{route.days}" role="status" hidden></p>'
    for day in days:
        yield from _day(index, route, day, here)


def _day(index: Index, route: Route, day: Day, here: str) -> Iterator[str]:
    names = "、".join(index.categories[c].name for c in day.categories)
    if day.review:
        names = f"复习第 {max(1, day.number - REVIEW_EVERY + 1)}–{day.number - 1} 天"
    title = f"第 {day.number} 天：{names or '机动复习'}"
    yield H.heading(3, title, f"route-{route.id}-{day.number}")
    yield (
        f'<p class="hb-route__tick" hidden><label><input type="checkbox" data-route="{route.id}" data-day="{day.number}"> 完成第 {day.number} 天</label></p>'
    )
    if day.frameworks:
        links = "、".join(H.link(index.frameworks[f].name, here, P.framework(f)) for f in day.frameworks)
        yield H.para(f"<strong>先学框架</strong>：{links}")
    if day.questions:
        label = "复习这些高频题" if day.review else "练习题目"
        yield H.para(f"<strong>{label}</strong>（{len(day.questions)}）")
        yield H.ol(_question(index, qid, here) for qid in day.questions)
    else:
        yield H.para("这一天没有新题：回看前几天标记为“需复习”的题目。")


def _question(index: Index, qid: str, here: str) -> str:
    q = index.questions[qid]
    hot = " <small>高频</small>" if index.is_hot(q) else ""
    return f'{H.link(q.title, here, P.question(qid))}{hot}<span class="hb-route__status" data-question="{H.attr(qid)}"></span>'
