"""The 练习 page: draw a question within a filter, answer against a countdown, rate yourself; and the 学习记录
section that exports and imports the reader's records (HTML body, see markup.py).

The page carries only the filter choices (vocabularies with counts). docs/assets/practice.js loads the compact
question list (export/facets.json) when the reader first draws, and the drawn question's own page; in the offline
zip (file://, where the browser blocks fetch) it loads the same data as scripts that scripts/offline.py writes.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from . import filters, study
from . import markup as H
from . import paths as P
from .relations import Index

PRACTICE_JS = "assets/practice.js"
RECORDS_JS = "assets/records.js"
MINUTES = 3
"""The countdown's default length."""

RATINGS = {1: "答不上来", 2: "勉强", 3: "一般", 4: "较好", 5: "答得很好"}


def practice_page(index: Index) -> str:
    here = P.PRACTICE
    meta = {
        "title": "练习",
        "description": "随机抽一道产品经理面试题，限时作答，展开考察点、答题要点和示例对照，再给自己打分。",
        **study.assets(PRACTICE_JS, RECORDS_JS),
    }
    return H.page(meta, [*_practice(index, here), *_records()])


def _practice(index: Index, here: str) -> Iterator[str]:
    yield H.heading(1, "练习", "practice")
    yield H.para(
        "按分类、公司、轮次或标签圈定范围，随机抽一道题：先看题目限时口述作答，再逐项展开考察点、答题要点、答题框架和示例对照，"
        "最后给自己打 1–5 分。抽题时优先选没练过的、很久没练的和自评低的题。"
    )
    # Shown from the first paint (a block that JavaScript revealed later would push the page down: Lighthouse's
    # layout shift); without JavaScript, the <noscript> says why and hides what could not work.
    yield (
        f'<noscript><p class="hb-nojs">练习需要浏览器启用 JavaScript；也可以从{H.link("题目总览", here, P.QUESTIONS)}逐题阅读。</p>'
        "<style>.hb-practice, .hb-records { display: none; }</style></noscript>"
    )
    # The controls (every category, company, round and tag) stay out of search: the page is found by its introduction.
    yield H.heading(2, "抽题", "draw", exclude=True)
    facets = posixpath.relpath(P.FACETS, posixpath.dirname(here))
    root = posixpath.relpath(".", posixpath.dirname(here)) + "/"
    yield f'<div id="hb-practice" class="hb-practice" data-facets="{facets}" data-root="{root}">'
    yield _filters(index)
    yield '<p class="hb-practice__status" role="status" aria-live="polite"></p>'
    yield '<div class="hb-practice__card" hidden>'
    yield '<div class="hb-practice__question"></div>'
    yield _timer()
    yield '<div class="hb-practice__parts"></div>'
    yield _rating()
    yield '<p><button type="button" class="md-button md-button--primary hb-practice__next">下一题</button></p>'
    yield "</div>"
    yield "</div>"


def _filters(index: Index) -> str:
    values = filters.choices(index)
    fields = [
        filters.field("hb-practice__field", f"hb-p-{key}", label, filters.select(f"hb-p-{key}", key, everything, values[key]))
        for key, label, everything in filters.KINDS
    ]
    button = '<button type="submit" class="md-button md-button--primary">抽一道题</button>'
    return f'<form class="hb-practice__filters" aria-label="练习范围">{"".join(fields)}<div class="hb-practice__draw">{button}</div></form>'


def _timer() -> str:
    """The countdown: its length, start, pause and reset; the time left, and an alert when it runs out."""
    buttons = "".join(
        f'<button type="button" class="md-button hb-timer__{action}">{label}</button>'
        for action, label in (("start", "开始"), ("pause", "暂停"), ("reset", "重置"))
    )
    return (
        '<div class="hb-timer" role="group" aria-label="计时">'
        f'<label for="hb-p-minutes">限时（分钟）</label><input id="hb-p-minutes" class="hb-timer__minutes" type="number" min="1" max="60" step="1" value="{MINUTES}">'
        f'<span class="hb-timer__clock" role="timer" aria-atomic="true">剩余 {MINUTES}:00</span>{buttons}'
        '<span class="hb-timer__alert" role="alert"></span>'
        "</div>"
    )


def _rating() -> str:
    """The self-rating, 1 to 5, saved with the time practised."""
    choices = "".join(f'<label><input type="radio" name="hb-rating" value="{value}"> {value} {label}</label>' for value, label in RATINGS.items())
    return (
        f'<fieldset class="hb-rating"><legend>自评：这道题答得怎么样？</legend>{choices}</fieldset>'
        '<p class="hb-rating__saved" role="status" aria-live="polite"></p>'
    )


def _records() -> Iterator[str]:
    yield H.heading(2, "学习记录", "records")
    yield H.para(
        f"题目页上的已掌握、需复习和答案草稿，练习的自评与时间，故事库和学习路线里填写的内容，都{study.PRIVACY}（localStorage）。"
        "换设备或换浏览器时，在这里导出成一个 JSON 文件，再到另一台设备上导入。"
    )
    yield (
        '<div class="hb-records">'
        '<p><button type="button" class="md-button hb-records__export">导出学习记录</button></p>'
        '<p><label for="hb-import">导入学习记录（JSON 文件）：</label> <input type="file" id="hb-import" class="hb-records__import" accept=".json,application/json"></p>'
        "<p>导入是合并：文件里有的题目、故事和路线打卡覆盖本机的同一条记录，本机其他记录保留。"
        "文件不是本手册导出的学习记录、版本不对或内容有误时，什么也不改，并说明原因。</p>"
        '<p class="hb-records__result" role="status" aria-live="polite"></p>'
        "</div>"
    )
