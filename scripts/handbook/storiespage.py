"""The 故事库 page: the personal stories to prepare, the questions each answers, and a STAR worksheet per story."""

from __future__ import annotations

from collections.abc import Iterator

from . import markup as H
from . import paths as P
from .model import Story
from .relations import Index, frequency

STUDY_JS, STUDY_CSS = "assets/plans.js", "assets/plans.css"
"""The script that saves worksheets and route ticks in the browser (key hb-study), and their style: 故事库 and 学习路线 only."""

LOCAL_ONLY = "你写下的内容只保存在本机浏览器（localStorage），不会上传到任何地方；换设备、换浏览器或清除浏览器数据后就看不到了。"

STAR_FIELDS = (
    ("s", "情境 S", "当时的背景：什么时间、什么团队、你处在什么位置"),
    ("t", "任务 T", "你要解决的问题、目标和约束"),
    ("a", "行动 A", "你具体做了什么、为什么这样做、放弃了什么"),
    ("r", "结果 R", "结果的数字与反馈，以及你学到、之后用上的东西"),
)
"""The worksheet's fields: key in the stored document (hb-study stories), label, hint."""


def anchor(story_id: str) -> str:
    """A story's anchor on the page (question pages link to it)."""
    return f"story-{story_id}"


def stories_page(index: Index) -> str:
    meta = {
        "title": "故事库",
        "description": "产品经理面试要提前准备的个人经历：最大的挑战、冲突、失败、数据驱动的决定等，每个故事对应能回答的题目，附 STAR 工作表。",
        "page_js": [STUDY_JS],
        "page_css": [STUDY_CSS],
    }
    return H.page(meta, _body(index, P.STORIES))


def _body(index: Index, here: str) -> Iterator[str]:
    yield H.heading(1, "故事库", "stories")
    yield H.para(
        "项目深挖、团队协作和 HR 面的很多题，问的其实是同几段经历。提前把下面这些故事各准备一段真实经历，"
        "用 STAR（情境、任务、行动、结果）写下来，面试时换个角度就能回答一串题目。"
    )
    if not index.stories:
        yield H.para("还没有收录故事。")
        return
    yield H.para(f"每个故事下面有一张 STAR 工作表，边写边自动保存。{LOCAL_ONLY}")
    for story in index.stories.values():
        yield from _story(index, story, here)


def _story(index: Index, story: Story, here: str) -> Iterator[str]:
    yield H.heading(2, story.name, anchor(story.id))
    yield H.para(H.text(story.why))
    yield H.para("<strong>面试官在听什么</strong>")
    yield H.ul(H.text(point) for point in story.listens)
    yield H.para("<strong>对应分类</strong>：" + "、".join(H.link(index.categories[c].name, here, P.category(c)) for c in story.categories))
    if story.questions:
        yield H.para(f"<strong>能回答的题目</strong>（{len(story.questions)}）")
        yield H.ul(_question(index, qid, here) for qid in story.questions)
    yield worksheet(story)


def _question(index: Index, qid: str, here: str) -> str:
    q = index.questions[qid]
    hot = "（高频）" if index.is_hot(q) else ""
    count = frequency(q)
    asked = f" <small>被问过 {count} 次{hot}</small>" if count else ""
    return H.link(q.title, here, P.question(qid)) + asked


def worksheet(story: Story) -> str:
    """The STAR worksheet: hidden without JavaScript (nothing could save it), shown and saved by assets/plans.js."""
    fields = []
    for key, label, hint in STAR_FIELDS:
        field_id = f"star-{story.id}-{key}"
        fields.append(
            f'<p><label for="{field_id}"><strong>{label}</strong>：{hint}</label>'
            f'<textarea id="{field_id}" data-field="{key}" rows="3" spellcheck="false"></textarea></p>'
        )
    title = f'<p class="hb-star__title"><strong>STAR 工作表：{H.text(story.name)}</strong>（只保存在本机浏览器）</p>'
    status = '<p class="hb-star__status" role="status"></p>'
    return f'<div class="hb-star" data-story="{H.attr(story.id)}" hidden>{title}{"".join(fields)}{status}</div>'
