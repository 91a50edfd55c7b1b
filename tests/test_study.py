"""The reader's own study records, in headless Chromium against the built site: marks and drafts on question pages,
marks and progress on lists, export and import (学习记录), and the 练习 page (docs/assets/store.js, progress.js,
records.js, practice.js)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, BrowserContext, FilePayload, Page, expect

from test_accessibility import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.real_data]

KEY = "hb-study"
APP = "pm-interview-handbook"
CATEGORY = "payment-risk"


def stored(page: Page) -> Any:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}') || 'null'"))


def put(page: Page, doc: dict[str, Any]) -> None:
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(doc)])


def document(questions: dict[str, Any] | None = None, **parts: Any) -> dict[str, Any]:
    return {"version": 1, "questions": questions or {}, "stories": parts.get("stories", {}), "routes": parts.get("routes", {})}


@pytest.fixture
def context(browser: Browser) -> Any:
    """A context of its own: its own localStorage."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def bank(built_site: Path) -> dict[str, Any]:
    return json.loads((built_site / "export/handbook.json").read_text(encoding="utf-8"))


def in_category(bank: dict[str, Any], category: str) -> list[str]:
    return [q["id"] for q in bank["questions"] if q["category"] == category]


def test_marks_and_draft_stay_across_reloads(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.goto(f"{base_url}questions/ant-010/")
    block = page.locator(".hb-study")
    expect(block).to_contain_text("只保存在本机浏览器，不会上传")
    known = block.get_by_role("button", name="已掌握")
    review = block.get_by_role("button", name="需复习")
    expect(known).to_have_attribute("aria-pressed", "false")
    known.click()
    expect(known).to_have_attribute("aria-pressed", "true")
    draft = page.get_by_label("我的答案草稿")
    draft.fill("先讲流程，再按事前、事中、事后拆风险。")
    expect(block.get_by_role("status")).to_have_text("草稿已保存在本机。")
    page.reload()
    expect(known).to_have_attribute("aria-pressed", "true")
    expect(draft).to_have_value("先讲流程，再按事前、事中、事后拆风险。")
    review.click()  # one status at a time
    expect(review).to_have_attribute("aria-pressed", "true")
    expect(known).to_have_attribute("aria-pressed", "false")
    assert stored(page)["questions"]["ant-010"] == {"status": "review", "draft": "先讲流程，再按事前、事中、事后拆风险。"}
    review.click()  # pressed again: cleared
    draft.fill("")
    expect(block.get_by_role("status")).to_have_text("草稿已保存在本机。")
    page.reload()
    expect(review).to_have_attribute("aria-pressed", "false")
    assert stored(page)["questions"] == {}
    page.goto(f"{base_url}questions/ant-011/")  # another question has its own record
    expect(page.get_by_label("我的答案草稿")).to_have_value("")


def test_lists_show_marks_and_categories_count_progress(context: BrowserContext, base_url: str, bank: dict[str, Any]) -> None:
    ids = in_category(bank, CATEGORY)
    page = context.new_page()
    page.goto(base_url)
    put(page, document({ids[0]: {"status": "known"}, ids[1]: {"status": "known", "rating": 2}, ids[2]: {"status": "review"}, "ant-034": {"draft": "x"}}))
    page.goto(f"{base_url}categories/{CATEGORY}/")
    expect(page.locator(".hb-count")).to_have_text(f"我的进度：已掌握 2/{len(ids)} · 需复习 1")
    expect(page.locator(f'li[data-id="{ids[0]}"] .hb-mark')).to_have_text("已掌握")
    expect(page.locator(f'li[data-id="{ids[2]}"] .hb-mark')).to_have_text("需复习")
    expect(page.locator(".hb-mark")).to_have_count(3)
    page.goto(base_url)
    card = page.locator(".grid.cards li").filter(has=page.get_by_role("link", name="支付与风控", exact=True))
    expect(card.locator(".hb-count")).to_have_text(f"我的进度：已掌握 2/{len(ids)} · 需复习 1")
    data = page.locator(".grid.cards li").filter(has=page.get_by_role("link", name="数据与实验", exact=True))
    expect(data.locator(".hb-count")).to_have_text(f"我的进度：已掌握 0/{len(in_category(bank, 'data'))}")
    page.goto(f"{base_url}questions/")  # 题目总览 marks its list too
    expect(page.locator(f'li[data-id="{ids[1]}"] .hb-mark')).to_have_text("已掌握")


def test_without_javascript_nothing_shows(browser: Browser, base_url: str) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{base_url}questions/ant-010/")
    expect(page.locator(".hb-study")).to_be_hidden()
    page.goto(f"{base_url}categories/{CATEGORY}/")
    expect(page.locator(".hb-count")).to_be_hidden()
    page.goto(f"{base_url}practice/")
    expect(page.locator(".hb-nojs")).to_be_visible()
    expect(page.locator("#hb-practice")).to_be_hidden()
    expect(page.locator(".hb-records")).to_be_hidden()
    ctx.close()


SAMPLE = document(
    {"ant-010": {"status": "known", "rating": 4, "practised": "2026-11-20T08:00:00.000Z", "draft": "草稿\n第二行"}, "ant-011": {"status": "review"}},
    stories={"challenge": {"s": "情境", "t": "任务", "a": "行动", "r": "结果"}},
    routes={"7-day": {"1": True, "2": True}},
)


def test_export_clear_and_import_restore_the_records(context: BrowserContext, base_url: str, tmp_path: Path) -> None:
    page = context.new_page()
    page.goto(f"{base_url}practice/")
    put(page, SAMPLE)
    records = page.locator(".hb-records")
    with page.expect_download() as info:
        records.get_by_role("button", name="导出学习记录").click()
    download = info.value
    assert re.fullmatch(r"手册学习记录-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["app"] == APP and exported["version"] == 1 and exported["data"] == SAMPLE
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z", exported["exported"])
    expect(records.get_by_role("status")).to_contain_text("已导出")

    page.evaluate("localStorage.clear()")
    page.reload()
    put(page, document({"ant-034": {"status": "review"}, "ant-010": {"draft": "本机的旧草稿"}}))  # merged with what is here
    page.get_by_label("导入学习记录（JSON 文件）：").set_input_files(saved)
    expect(records.get_by_role("status")).to_have_text(f"已导入“{saved.name}”：2 道题的记录、1 个故事、1 条学习路线的打卡。")
    assert stored(page) == {**SAMPLE, "questions": {**SAMPLE["questions"], "ant-034": {"status": "review"}}}
    page.goto(f"{base_url}questions/ant-010/")
    expect(page.get_by_label("我的答案草稿")).to_have_value("草稿\n第二行")


def exported_file(data: Any, **changes: Any) -> bytes:
    return json.dumps({"app": APP, "version": 1, "exported": "2026-11-23T10:00:00.000Z", "data": data, **changes}, ensure_ascii=False).encode()


def bad_question(entry: dict[str, Any]) -> bytes:
    return exported_file(document({"ant-010": entry}))


BAD_FILES = {
    "not JSON": (b"{ this is not json", "文件不是有效的 JSON。"),
    "another app": (json.dumps({"app": "other-app", "version": 1, "data": {}}).encode(), "这不是本手册导出的学习记录"),
    "a bare document": (json.dumps(SAMPLE).encode(), "这不是本手册导出的学习记录"),
    "wrong version": (exported_file(SAMPLE, version=2), "不支持的学习记录版本 2"),
    "rating 7": (bad_question({"rating": 7}), "题目 ant-010 的 rating 应为 1 到 5 的整数，实际为 7。"),
    "rating 2.5": (bad_question({"rating": 2.5}), "rating 应为 1 到 5 的整数"),
    "rating as text": (bad_question({"rating": "5"}), "rating 应为 1 到 5 的整数"),
    "unknown status": (bad_question({"status": "done"}), "status 应为 known（已掌握）或 review（需复习）"),
    "unknown field": (bad_question({"score": 3}), "题目 ant-010 有未知字段“score”"),
    "draft not text": (bad_question({"draft": 12}), "draft 应为文字"),
    "bad time": (bad_question({"practised": "昨天"}), "practised 应为 ISO 8601 格式的时间"),
    "story not text": (exported_file(document(stories={"x": {"s": ["a"]}})), "故事 x 的 s 应为文字"),
    "route tick not boolean": (exported_file(document(routes={"7-day": {"1": "yes"}})), "学习路线 7-day 第 1 天应为 true 或 false"),
    "questions a list": (exported_file({**SAMPLE, "questions": []}), "questions 应是一个对象"),
}


def test_a_bad_or_foreign_file_changes_nothing_and_says_why(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.goto(f"{base_url}practice/")
    put(page, SAMPLE)
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    result = page.locator(".hb-records__result")
    upload = page.get_by_label("导入学习记录（JSON 文件）：")
    for name, (content, reason) in BAD_FILES.items():
        upload.set_input_files(files=[FilePayload(name=f"{name}.json", mimeType="application/json", buffer=content)])
        expect(result).to_contain_text(f"没有导入“{name}.json”：")
        expect(result).to_contain_text(reason)
        expect(result).to_contain_text("未导入任何内容，本机记录没有改动。")
        assert page.evaluate(f"localStorage.getItem('{KEY}')") == before, name
    # A good file after a bad one still imports (the input is cleared after each file).
    upload.set_input_files(files=[FilePayload(name="good.json", mimeType="application/json", buffer=bad_question({"rating": 5}))])
    expect(result).to_contain_text("已导入“good.json”：1 道题的记录")
    assert stored(page)["questions"]["ant-010"]["rating"] == 5


def draw(page: Page, category: str = "") -> str:
    """Draw a question (within ``category``) and return its id once the card shows it."""
    before = page.locator(".hb-practice__card").get_attribute("data-id")
    page.get_by_label("分类").select_option(category)
    page.get_by_role("button", name="抽一道题").click()
    return shown_after(page, before)


def shown_after(page: Page, before: str | None) -> str:
    card = page.locator(".hb-practice__card")
    expect(card).to_be_visible()
    if before is not None:
        expect(card).not_to_have_attribute("data-id", before)
    return card.get_attribute("data-id") or ""


def test_practice_draws_within_the_filter_reveals_parts_and_stores_the_rating(context: BrowserContext, base_url: str, bank: dict[str, Any]) -> None:
    questions = {q["id"]: q for q in bank["questions"]}
    data = set(in_category(bank, "data"))
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{base_url}practice/")
    assert not [url for url in requests if "export/" in url]  # nothing of the bank loads with the page
    first = draw(page, "data")
    assert first in data
    expect(page.get_by_role("status").filter(has_text="范围内共")).to_have_text(f"范围内共 {len(data)} 道题，其中 {len(data)} 道还没练过。")
    expect(page.locator(".hb-practice__title")).to_have_text(questions[first]["title"])
    intent = page.get_by_role("region", name="考察点")
    expect(intent).to_be_hidden()
    reveal = page.get_by_role("button", name="显示考察点")
    expect(reveal).to_have_attribute("aria-expanded", "false")
    reveal.click()
    expect(intent).to_be_visible()
    expect(intent).to_contain_text(questions[first]["intent"][:20])
    expect(page.get_by_role("button", name="收起考察点")).to_have_attribute("aria-expanded", "true")
    if questions[first]["outline"]:
        outline = page.get_by_role("region", name="答题要点")
        expect(outline).to_be_hidden()
        page.get_by_role("button", name="显示答题要点").click()
        expect(outline.locator("li")).to_have_count(len(questions[first]["outline"]))
    if questions[first]["followups"]:  # follow-ups are practised too, folded like the rest
        followups = page.get_by_role("region", name="可能的追问")
        expect(followups).to_be_hidden()
        page.get_by_role("button", name="显示可能的追问").click()
        expect(followups.locator("li")).to_have_count(len(questions[first]["followups"]))
    page.get_by_label("4 较好").check()
    expect(page.locator(".hb-rating__saved")).to_have_text("已记录自评 4 分（较好）。")
    entry = stored(page)["questions"][first]
    assert entry["rating"] == 4 and re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z", entry["practised"])
    fresh, rated = page.evaluate("([entry]) => [HBPractice.weight(undefined, Date.now()), HBPractice.weight(entry, Date.now())]", [entry])
    assert rated < fresh  # just practised and rated well: drawn less often
    seen = {first}
    for _ in range(4):
        before = page.locator(".hb-practice__card").get_attribute("data-id")
        page.get_by_role("button", name="下一题").click()
        drawn = shown_after(page, before)
        assert drawn in data
        expect(page.get_by_label("4 较好")).not_to_be_checked()  # a new question starts unrated
        seen.add(drawn)
    assert len(seen) > 1
    assert [url for url in requests if url.endswith("export/facets.json")] == [f"{base_url}export/facets.json"]  # loaded once
    assert not [url for url in requests if "handbook.json" in url]


def test_weighting_prefers_never_practised_long_ago_and_low_rated(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.goto(f"{base_url}practice/")
    day = 86_400_000
    weights = page.evaluate(
        """(day) => {
          const now = Date.parse("2026-11-23T12:00:00Z");
          const at = (days) => new Date(now - days * day).toISOString();
          const w = (entry) => HBPractice.weight(entry, now);
          return {
            never: w(undefined), empty: w({}), five_now: w({rating: 5, practised: at(0)}), one_now: w({rating: 1, practised: at(0)}),
            three_3d: w({rating: 3, practised: at(3)}), five_year: w({rating: 5, practised: at(365)}),
            known: w({status: "known"}), review: w({status: "review", rating: 5, practised: at(0)}), future: w({rating: 5, practised: at(-2)}),
          };
        }""",
        day,
    )
    assert weights == {"never": 10, "empty": 10, "five_now": 1, "one_now": 5, "three_3d": 6, "five_year": 10, "known": 5, "review": 2, "future": 1}
    picks = page.evaluate("""() => [0, 0.6, 0.7, 0.95, 0.999].map((r) => HBPractice.pick(["a", "b", "c"], [1, 10, 5], r))""")
    assert picks == ["b", "b", "c", "a", "a"]  # heaviest first: b takes [0, 10/16), c [10/16, 15/16), a the rest


def test_drawing_prefers_the_question_that_needs_it_most(browser: Browser, base_url: str, bank: dict[str, Any]) -> None:
    """With the random number pinned to 0 the heaviest question is drawn: the one never practised among questions just
    rated 5, then one rated low long ago over it."""
    ids = in_category(bank, "data")
    ctx = browser.new_context()
    ctx.add_init_script("Math.random = () => 0;")
    page = ctx.new_page()
    page.goto(f"{base_url}practice/")
    now = page.evaluate("new Date().toISOString()")
    rated = {qid: {"rating": 5, "practised": now} for qid in ids}
    put(page, document({qid: entry for qid, entry in rated.items() if qid != ids[-1]}))
    assert draw(page, "data") == ids[-1]
    put(page, document({**rated, ids[2]: {"rating": 1, "practised": "2026-01-01T00:00:00.000Z"}}))
    before = page.locator(".hb-practice__card").get_attribute("data-id")
    page.get_by_role("button", name="下一题").click()
    assert shown_after(page, before) == ids[2]
    ctx.close()


def test_countdown_starts_pauses_resets_and_says_time_is_up(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.clock.install()
    page.goto(f"{base_url}practice/")
    draw(page)
    timer = page.get_by_role("timer")
    expect(timer).to_have_text("剩余 3:00")  # the default
    minutes = page.get_by_label("限时（分钟）")
    minutes.fill("2")
    minutes.dispatch_event("change")
    expect(timer).to_have_text("剩余 2:00")
    start, pause = page.get_by_role("button", name="开始"), page.get_by_role("button", name="暂停")
    expect(pause).to_be_disabled()
    start.click()
    expect(start).to_be_disabled()
    page.clock.run_for(30_000)
    expect(timer).to_have_text("剩余 1:30")
    pause.click()
    page.clock.run_for(20_000)
    expect(timer).to_have_text("剩余 1:30")
    start.click()
    page.clock.run_for(91_000)
    expect(timer).to_have_text("剩余 0:00")
    expect(page.get_by_role("alert").filter(has_text="时间到")).to_have_text("时间到！")
    page.get_by_role("button", name="重置").click()
    expect(timer).to_have_text("剩余 2:00")
    expect(page.locator(".hb-timer__alert")).to_have_text("")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_controls_in_use_have_no_serious_axe_violations(browser: Browser, base_url: str, bank: dict[str, Any], scheme: Literal["light", "dark"]) -> None:
    """axe on what the page list cannot show: a pressed mark, and each question of a category drawn in turn (the
    random number pinned, each rated so that the next draw takes the next), every part open and the clock running."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    ctx.add_init_script("Math.random = () => 0;")
    page = ctx.new_page()
    page.goto(f"{base_url}questions/ant-010/")
    page.get_by_role("button", name="需复习").click()
    problems = [f"ant-010: {p}" for p in blocking_violations(page)]
    page.goto(f"{base_url}practice/")
    # Material fades the tabs out as the page scrolls: without transitions axe never measures a colour halfway.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    seen = [draw(page, CATEGORY)]
    while True:
        for button in page.locator(".hb-practice__reveal").all():
            button.click()
        page.get_by_role("button", name="开始").click()
        page.locator("body").click(position={"x": 5, "y": 300})  # nothing focused: axe sees the buttons at rest
        problems += [f"practice {seen[-1]}: {p}" for p in blocking_violations(page)]
        page.get_by_label("5 答得很好").check()
        if len(seen) == len(in_category(bank, CATEGORY)):
            break
        page.get_by_role("button", name="下一题").click()
        seen.append(shown_after(page, seen[-1]))
    ctx.close()
    assert sorted(seen) == sorted(in_category(bank, CATEGORY))
    assert problems == [], "\n".join(problems)
