"""Hub pages: home, and the index and listing pages for each vocabulary."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator

from . import export, md
from . import paths as P
from .model import Question, SourceRef, Tip
from .pages import HUB_BOOST, UNKNOWN_COMPANY, occurrence_line, source_line, sources_section
from .relations import Index, frequency

SITE_NAME = "产品经理面试手册"


def _question_item(index: Index, q: Question, here: str, show_category: bool = False) -> str:
    extra = []
    if show_category:
        extra.append(md.text(index.categories[q.category].name))
    count = frequency(q)
    if count:
        extra.append(("高频 · " if index.is_hot(q) else "") + f"被问过 {count} 次")
    companies = "、".join(md.text(index.companies[c].name) for c in dict.fromkeys(o.company for o in q.asked if o.company))
    if companies:
        extra.append(companies)
    rounds = "、".join(md.text(r.name) for rid, r in index.rounds.items() if any(o.round == rid for o in q.asked))
    if rounds:
        extra.append(rounds)
    tags = "、".join(md.text(index.tags[t].name) for t in q.tags)
    extra.append(f"标签：{tags}")
    return f"- {md.link(q.title, here, P.question(q.id))}<br><small>{' · '.join(extra)}</small>"


ItemFormat = Callable[[Index, Question, str], str]


def _by_category(index: Index, questions: list[Question], here: str, item: ItemFormat = _question_item, exclude: bool = False) -> Iterator[str]:
    """Questions under a heading per category; ``exclude`` keeps the lists out of search."""
    for cid, category in index.categories.items():
        group = [q for q in questions if q.category == cid]
        if group:
            yield md.heading(2, f"{category.name}（{len(group)}）", f"cat-{cid}", exclude=exclude)
            yield from (item(index, q, here) for q in group)
            yield ""


def home(index: Index) -> str:
    here = P.HOME
    meta = {
        "title": SITE_NAME,
        "description": "产品经理求职面试题库：按分类、公司、轮次和标签整理的真题，配考察点、答题框架、示例案例与面经。",
        "hide": ["navigation", "toc"],
    }
    return md.page(meta, _home_body(index, here))


def _home_body(index: Index, here: str) -> Iterator[str]:
    h = index.handbook
    yield md.heading(1, SITE_NAME, "home")
    yield ""
    yield "为准备产品经理（PM）面试的同学整理的学习手册：每道题都有**考察点**、**答题要点**，常见题型配**答题框架**和**示例案例**，并附上候选人的**面经**。"
    yield ""
    yield (
        f"目前收录 **{len(h.questions)}** 道题、**{len(h.frameworks)}** 个答题框架、"
        f"**{len(h.cases)}** 个案例、**{len(h.tips)}** 条面经、**{len(h.tags)}** 个标签。"
    )
    yield ""
    yield md.heading(2, "怎么用", "how")
    yield f"1. **按分类刷题**：从下面的分类进入，或在{md.link('题目总览', here, P.QUESTIONS)}里按分类、公司、轮次、标签筛选。"
    yield "2. **先自己答，再对照**：每道题先读考察点，限时口述作答，再看答题要点、框架和示例。"
    yield f"3. **学框架**：{md.link('答题框架', here, P.FRAMEWORKS)}能迁移到同类题，比背答案更有用。"
    yield f"4. **看面经**：{md.link('面经', here, P.TIPS)}讲流程、时间线和面试官看重什么。"
    yield "5. **搜索**：按 `/` 或点右上角放大镜，中文、英文缩写（如 ROI、AB实验）都能搜。"
    yield ""
    yield from _hot_section(index, here)
    yield md.heading(2, "按分类", "categories")
    yield '<div class="grid cards" markdown>'
    yield ""
    for cid, category in index.categories.items():
        count = len(index.questions_by_category.get(cid, []))
        yield f"-   {md.link(category.name, here, P.category(cid))}（{count} 题）"
        yield ""
        yield f"    {md.text(category.description)}"
        yield ""
    yield "</div>"
    yield ""
    yield md.heading(2, "按公司与轮次", "companies")
    for cid, company in index.companies.items():
        count = len(index.questions_by_company.get(cid, []))
        yield f"- {md.link(company.name, here, P.company(cid))}：{count} 题，含面试流程与时间线"
    yield "- 轮次：" + "、".join(md.link(r.name, here, P.round_(rid)) for rid, r in index.rounds.items())
    yield ""
    yield md.heading(2, "热门标签", "tags")
    yield "、".join(_tag_with_count(index, tid, here) for tid in _popular_tags(index, 20))
    yield f"（{md.link('全部标签', here, P.TAGS)}）"


def _hot_section(index: Index, here: str) -> Iterator[str]:
    hot = index.hot[: index.handbook.settings.hot_top]
    if not hot:
        return
    threshold = index.handbook.settings.hot_threshold
    yield md.heading(2, "高频题", "hot")
    yield f'被问过 {threshold} 次及以上的题目，按被问次数排列（共 {len(index.hot)} 道，<a href="{_url(here, P.QUESTIONS)}?sort=asked">在题目总览中按次数排序</a>）：'
    yield ""
    for i, q in enumerate(hot, 1):
        yield f"{i}. {md.link(q.title, here, P.question(q.id))}（{frequency(q)} 次）"
    yield ""


def _popular_tags(index: Index, limit: int) -> list[str]:
    counts = [(-len(index.questions_by_tag.get(tid, [])), tid) for tid in index.tags]
    return [tid for count, tid in sorted(counts)[:limit] if count < 0]


def _tag_with_count(index: Index, tid: str, here: str) -> str:
    return f"{md.link(index.tags[tid].name, here, P.tag(tid))}（{len(index.questions_by_tag.get(tid, []))}）"


UNKNOWN_COMPANY_ID = "unknown"
"""Facet value of occurrences without a company, in the question browser (never a real company id: check.py reserves it)."""

BROWSER_ID = "question-browser"
"""The element the question browser script (docs/assets/question-browser.js) looks for."""


def questions_index(index: Index) -> str:
    here = P.QUESTIONS
    # Out of search: the questions it lists are indexed on their own pages.
    meta = {"title": "题目总览", "description": "全部面试题，按分类列出，可按分类、公司、轮次、标签筛选。", "search": {"exclude": True}}
    total = len(index.questions)
    # Up to settings.list_limit questions the page lists them all and filters the list in place; above it,
    # it lists categories and the browser loads the compact facets file when the reader asks.
    if total > index.handbook.settings.list_limit:
        return md.page(meta, _questions_index_large(index, here))
    lines = [md.heading(1, "题目总览", "questions"), "", f"共 {total} 道题，按分类列出。", ""]
    # Filled by the script once it has loaded the export; empty and hidden without JavaScript.
    data = posixpath.relpath(P.EXPORT, posixpath.dirname(here))
    lines += [f'<div id="{BROWSER_ID}" data-export="{data}" hidden></div>', ""]
    lines += _by_category(index, list(index.questions.values()), here, _browser_item)
    return md.page(meta, lines)


def _questions_index_large(index: Index, here: str) -> Iterator[str]:
    """A bank too large to list on one page: categories with counts, and the browser on demand."""
    yield md.heading(1, "题目总览", "questions")
    yield ""
    yield f"共 {len(index.questions)} 道题。按分类浏览，或用下面的筛选按分类、公司、轮次、标签和关键词查找、按被问次数排序。"
    yield ""
    facets = posixpath.relpath(P.FACETS, posixpath.dirname(here))
    root = posixpath.relpath(".", posixpath.dirname(here)) + "/"
    yield f'<div id="{BROWSER_ID}" data-facets="{facets}" data-root="{root}" data-total="{len(index.questions)}" hidden></div>'
    yield ""
    yield md.heading(2, "按分类", "by-category")
    for cid, category in index.categories.items():
        count = len(index.questions_by_category.get(cid, []))
        if count:
            yield f"- {md.link(category.name, here, P.category(cid))}（{count} 题）：{md.text(category.description)}"
    yield ""


def _browser_item(index: Index, q: Question, here: str) -> str:
    """A question list item carrying its facets as data attributes (attr_list), for the browser script."""
    companies = " ".join(dict.fromkeys(o.company or UNKNOWN_COMPANY_ID for o in q.asked))
    rounds = " ".join(dict.fromkeys(o.round for o in q.asked if o.round))
    facets = {"id": q.id, "category": q.category, "company": companies, "round": rounds, "tags": " ".join(q.tags), "asked": str(frequency(q))}
    attrs = " ".join(f'data-{key}="{value}"' for key, value in facets.items() if value)
    return f"{_question_item(index, q, here)}\n  {{ {attrs} }}"


def categories_index(index: Index) -> str:
    here = P.CATEGORIES
    meta = {"title": "分类", "description": "按题目类型浏览产品经理面试题。"}
    lines = [md.heading(1, "分类", "categories"), ""]
    for cid, category in index.categories.items():
        count = len(index.questions_by_category.get(cid, []))
        lines.append(f"- {md.link(category.name, here, P.category(cid))}（{count} 题）：{md.text(category.description)}")
    return md.page(meta, lines)


PAGE_SIZE = 200
"""Questions per listing page: hubs of thousands of questions are split into pages of this many."""


def paged(first: str, questions: list[Question]) -> list[tuple[str, list[Question]]]:
    """(path, questions) for each page of a listing whose first page is ``first``; always at least one page."""
    chunks = [questions[i : i + PAGE_SIZE] for i in range(0, len(questions), PAGE_SIZE)] or [[]]
    return [(P.page_n(first, n), chunk) for n, chunk in enumerate(chunks, 1)]


def _pager(pages: list[tuple[str, list[Question]]], here: str) -> list[str]:
    """Links to every page of a listing, the current one in bold; nothing for a one-page listing."""
    if len(pages) < 2:
        return []
    links = []
    for n, (path, chunk) in enumerate(pages, 1):
        label = f"第 {n} 页（{len(chunk)}）"
        links.append(f"**{label}**" if path == here else md.link(label, here, path))
    return ["", "分页：" + " · ".join(links), ""]


def continuation_pages(index: Index, title: str, pages: list[tuple[str, list[Question]]], show_category: bool = False) -> dict[str, str]:
    """Pages 2, 3, … of a listing: the title, the pager and that page's questions (kept out of search)."""
    out = {}
    for n, (here, chunk) in enumerate(pages[1:], 2):
        meta = {"title": f"{title}（第 {n} 页）", "description": md.describe(f"{title}：第 {n} 页"), "search": {"exclude": True}}
        lines = [md.heading(1, f"{title}（第 {n} 页）", "listing"), ""]
        lines += _pager(pages, here)
        lines += (_question_item(index, q, here, show_category) for q in chunk)
        lines += _pager(pages, here)
        out[here] = md.page(meta, lines)
    return out


def category_pages(index: Index, cid: str) -> dict[str, str]:
    category = index.categories[cid]
    pages = paged(P.category(cid), index.questions_by_category.get(cid, []))
    here, first = pages[0]
    total = len(index.questions_by_category.get(cid, []))
    # Listing pages stay out of search: their questions are indexed on their own pages.
    meta = {"title": f"分类：{category.name}", "description": md.describe(category.description), "search": {"exclude": True}}
    lines = [md.heading(1, category.name, "category"), "", md.text(category.description), "", f"共 {total} 道题。", ""]
    lines += _pager(pages, here)
    lines += (_question_item(index, q, here) for q in first)
    lines += _pager(pages, here)
    return {here: md.page(meta, lines), **continuation_pages(index, f"分类：{category.name}", pages)}


def frameworks_index(index: Index) -> str:
    here = P.FRAMEWORKS
    meta = {"title": "答题框架", "description": "可迁移的产品经理面试答题框架：步骤、适用场景与常见错误。"}
    lines = [md.heading(1, "答题框架", "frameworks"), "", "框架是可以迁移到同类题的答题结构。每个框架列出步骤、适用场景、常见错误和用到它的题目。", ""]
    for fid, fw in index.frameworks.items():
        count = len(index.questions_by_framework.get(fid, []))
        lines.append(f"- {md.link(fw.name, here, P.framework(fid))}（{count} 题）：{md.text(fw.summary)}")
    lines.append("")
    lines += sources_section(index, _by_source(r for f in index.frameworks.values() for r in f.sources), here)
    return md.page(meta, lines)


def _by_source(refs: Iterable[SourceRef]) -> list[SourceRef]:
    """One reference per source, without sections or lines: for hub pages that summarise many entries."""
    return [SourceRef(source=s) for s in sorted({r.source for r in refs})]


def cases_index(index: Index) -> str:
    here = P.CASES
    meta = {"title": "案例", "description": "产品经理面试答题示例：背景、过程、结果。"}
    lines = [md.heading(1, "案例", "cases"), ""]
    groups = (("adapted", "据出处改写的案例"), ("illustration", "本手册编写的示例（非真实候选人经历）"))
    for kind, label in groups:
        cases = [c for c in index.cases.values() if c.kind == kind]
        lines += [md.heading(2, f"{label}（{len(cases)}）", f"kind-{kind}")]
        lines += (f"- {md.link(c.title, here, P.case(c.id))}" for c in cases)
        lines.append("")
    lines += sources_section(index, _by_source(r for c in index.cases.values() for r in c.sources), here)
    return md.page(meta, lines)


def companies_index(index: Index) -> str:
    here = P.COMPANIES
    meta = {"title": "公司", "description": "按公司浏览面试题、面试流程与面经。"}
    lines = [md.heading(1, "公司", "companies"), ""]
    for cid, company in index.companies.items():
        count = len(index.questions_by_company.get(cid, []))
        lines.append(f"- {md.link(company.name, here, P.company(cid))}（{count} 题）：{md.text(company.description)}")
    unknown = len(index.unknown_company_questions)
    if unknown:
        lines += ["", f"另有 {unknown} 道题的部分提问记录没有写明公司（{UNKNOWN_COMPANY}），可在{md.link('题目总览', here, P.QUESTIONS)}中筛选。"]
    return md.page(meta, lines)


def company_page(index: Index, cid: str) -> str:
    company = index.companies[cid]
    here = P.company(cid)
    meta = {
        "title": f"{company.name}面试",
        "description": md.describe(f"{company.name}产品经理面试：流程、时间线、面试官看重什么与真题。"),
        "search": {"boost": HUB_BOOST},
    }
    return md.page(meta, _company_body(index, cid, here))


def _company_body(index: Index, cid: str, here: str) -> Iterator[str]:
    company = index.companies[cid]
    questions = index.questions_by_company.get(cid, [])
    tips = index.tips_by_company.get(cid, [])
    yield md.heading(1, f"{company.name}面试", "company")
    yield ""
    yield md.text(company.description)
    if company.aliases:
        yield ""
        yield "又称：" + "、".join(md.text(a) for a in company.aliases)
    yield ""
    yield md.heading(2, "面试流程", "process")
    rounds = [r for r in index.rounds.values() if any(r.id == e.round for e in company.timeline)]
    for r in rounds:
        yield f"- {md.link(r.name, here, P.round_(r.id))}：{md.text(r.description)}"
    yield ""
    if company.timeline:
        yield md.heading(2, "时间线", "timeline")
        yield "| 日期 | 事件 |"
        yield "| --- | --- |"
        for event in company.timeline:
            label = md.link(event.event, here, P.round_(event.round)) if event.round else md.text(event.event)
            yield f"| {md.text(event.date)} | {label} |"
        refs = [r for e in company.timeline for r in e.sources]
        if refs:
            yield ""
            yield f"时间线出处：{source_line(index, refs[0])}"
        yield ""
    yield from _tips_by_kind(index, tips, here, level=2)
    yield md.heading(2, f"真题（{len(questions)}）", "questions", exclude=True)
    yield ""
    for line in _by_category(index, questions, here, exclude=True):
        yield line.replace("## ", "### ", 1) if line.startswith("## ") else line


def _tips_by_kind(index: Index, tips: list[Tip], here: str, level: int) -> Iterator[str]:
    for kid, kind in index.tip_kinds.items():
        group = [t for t in tips if t.kind == kid]
        if group:
            yield md.heading(level, f"{kind.name}（{len(group)}）", f"tips-{kid}")
            yield from (f"- {md.text(t.text)}（{md.link('出处与相关题目', here, P.tip_kind(kid), t.id)}）" for t in group)
            yield ""


def rounds_index(index: Index) -> str:
    here = P.ROUNDS
    meta = {"title": "面试轮次", "description": "按面试轮次浏览：一面、二面、群面、总监面、HR面各考什么。"}
    lines = [md.heading(1, "面试轮次", "rounds"), ""]
    for rid, r in index.rounds.items():
        count = len(index.questions_by_round.get(rid, []))
        lines.append(f"- {md.link(r.name, here, P.round_(rid))}（{count} 题）：{md.text(r.description)}")
    return md.page(meta, lines)


def round_pages(index: Index, rid: str) -> dict[str, str]:
    r = index.rounds[rid]
    questions = index.questions_by_round.get(rid, [])
    pages = paged(P.round_(rid), questions)
    here, first = pages[0]
    tips = index.tips_by_round.get(rid, [])
    meta = {"title": f"轮次：{r.name}", "description": md.describe(r.description), "search": {"boost": HUB_BOOST}}
    lines = [md.heading(1, r.name, "round"), "", md.text(r.description), ""]
    lines += _tips_by_kind(index, tips, here, level=2)
    lines += [md.heading(2, f"明确属于这一轮的题目（{len(questions)}）", "questions", exclude=True)]
    lines += _pager(pages, here)
    lines += (_question_item(index, q, here, show_category=True) for q in first)
    lines += _pager(pages, here)
    if not questions:
        lines.append("面经没有写明轮次的题目不列在这里，请按分类浏览。")
    return {here: md.page(meta, lines), **continuation_pages(index, f"轮次：{r.name}", pages, show_category=True)}


def tips_index(index: Index) -> str:
    here = P.TIPS
    meta = {"title": "面经", "description": "候选人面经：面试流程与时间线、面试官看重什么、复盘教训、准备策略与心态。"}
    lines = [md.heading(1, "面经", "tips"), "", f"共 {len(index.tips)} 条，按类型整理。", ""]
    for kid, kind in index.tip_kinds.items():
        count = len(index.tips_by_kind.get(kid, []))
        lines.append(f"- {md.link(kind.name, here, P.tip_kind(kid))}（{count} 条）：{md.text(kind.description)}")
    return md.page(meta, lines)


def tip_kind_page(index: Index, kid: str) -> str:
    kind = index.tip_kinds[kid]
    here = P.tip_kind(kid)
    tips = index.tips_by_kind.get(kid, [])
    meta = {"title": f"面经：{kind.name}", "description": md.describe(kind.description)}
    lines = [md.heading(1, kind.name, "kind"), "", md.text(kind.description), ""]
    for tip in tips:
        lines += _tip_block(index, tip, here)
    return md.page(meta, lines)


def _tip_block(index: Index, tip: Tip, here: str) -> Iterator[str]:
    yield f'<div class="hb-tip" id="{tip.id}" markdown>'
    yield ""
    yield md.text(tip.text)
    yield ""
    facts = []
    if tip.company:
        facts.append(md.link(index.companies[tip.company].name, here, P.company(tip.company)))
    if tip.rounds:
        facts.append("轮次：" + "、".join(md.link(index.rounds[r].name, here, P.round_(r)) for r in tip.rounds))
    if tip.questions:
        facts.append("相关题目：" + "、".join(md.link(index.questions[q].title, here, P.question(q)) for q in tip.questions))
    if tip.tags:
        facts.append("标签：" + "、".join(md.link(index.tags[t].name, here, P.tag(t)) for t in tip.tags))
    facts += [f"出处：{source_line(index, ref)}" for ref in tip.sources]
    yield "<small>" + " · ".join(facts) + "</small>"
    yield ""
    yield "</div>"
    yield ""


def tags_index(index: Index) -> str:
    here = P.TAGS
    meta = {"title": "标签", "description": "全部标签及题目数量，点开查看带该标签的所有题目。", "search": {"exclude": True}}
    lines = [md.heading(1, "标签", "tags"), "", "| 标签 | 题目数 | 又称 |", "| --- | ---: | --- |"]
    ranked = sorted(index.tags, key=lambda t: (-len(index.questions_by_tag.get(t, [])), t))
    for tid in ranked:
        tag = index.tags[tid]
        synonyms = "、".join(md.text(s) for s in tag.synonyms)
        lines.append(f"| {md.link(tag.name, here, P.tag(tid))} | {len(index.questions_by_tag.get(tid, []))} | {synonyms} |")
    return md.page(meta, lines)


def tag_pages(index: Index, tid: str) -> dict[str, str]:
    tag = index.tags[tid]
    questions = index.questions_by_tag.get(tid, [])
    pages = paged(P.tag(tid), questions)
    here, first = pages[0]
    meta = {"title": f"标签：{tag.name}", "description": md.describe(f"{tag.name}：{tag.description}"), "search": {"exclude": True}}
    lines = [md.heading(1, tag.name, "tag"), "", md.text(tag.description), ""]
    if tag.synonyms:
        lines += ["又称：" + "、".join(md.text(s) for s in tag.synonyms), ""]
    lines += [f"共 {len(questions)} 道题。", ""]
    lines += _pager(pages, here)
    lines += _by_category(index, first, here)
    lines += _pager(pages, here)
    tips = index.tips_by_tag.get(tid, [])
    if tips:
        lines += [md.heading(2, f"相关面经（{len(tips)}）", "tips")]
        lines += (f"- {md.text(t.text)}（{md.link(index.tip_kinds[t.kind].name, here, P.tip_kind(t.kind), t.id)}）" for t in tips)
    return {here: md.page(meta, lines), **continuation_pages(index, f"标签：{tag.name}", pages, show_category=True)}


def sources_page(index: Index) -> str:
    here = P.SOURCES
    meta = {"title": "出处与版权", "description": "手册内容的出处、作者与版权说明，以及未收录内容的理由。"}
    return md.page(meta, _sources_body(index, here))


def _sources_body(index: Index, here: str) -> Iterator[str]:
    yield md.heading(1, "出处与版权", "sources")
    yield ""
    yield "手册的题目、框架与案例来自以下出处。禁止转载的原文只保留事实（步骤、数字），文字与结构均为改写，并在每个引用页面注明作者与链接。"
    yield ""
    for sid, src in index.sources.items():
        yield md.heading(2, src.title, f"src-{sid}")
        yield from _source_facts(index, sid)
        count = len(index.questions_by_source.get(sid, []))
        yield f"- 记录的提问：{md.link(f'{count} 道题', here, P.source(sid))}"
        yield ""
    omissions = index.handbook.omissions
    yield md.heading(2, f"未收录的内容（{sum(len(r.lines) for o in omissions for r in o.sources)} 条）", "omitted")
    yield "原始笔记中与面试无关的行不收录，理由如下；其余每一行都已整理为题目或面经。"
    yield ""
    for omission in omissions:
        where = "；".join(source_line(index, ref) for ref in omission.sources)
        yield f"- {where}：{md.text(omission.reason)}"


def _source_facts(index: Index, sid: str) -> Iterator[str]:
    src = index.sources[sid]
    yield f"- 作者：{md.text(src.author)}"
    yield f"- 日期：{md.text(src.date)}"
    if src.url:
        yield f"- 原文：<{src.url}>"
    yield f"- 使用说明：{md.text(src.licence)}"


def source_page(index: Index, sid: str) -> str:
    """One source: its citation and every question it reports asked, in the source's order."""
    src = index.sources[sid]
    here = P.source(sid)
    meta = {
        "title": f"出处：{src.title}",
        "description": md.describe(f"{src.title}（{src.author}，{src.date}）中记录的面试题。"),
        "search": {"exclude": True},
    }
    return md.page(meta, _source_body(index, sid, here))


def _source_body(index: Index, sid: str, here: str) -> Iterator[str]:
    src = index.sources[sid]
    yield md.heading(1, src.title, "source")
    yield ""
    yield from _source_facts(index, sid)
    yield ""
    asked = [(o, q) for q in index.questions_by_source.get(sid, []) for o in q.asked if o.source == sid]
    asked.sort(key=lambda pair: (pair[0].section or "", pair[0].line or 0, pair[1].id))
    yield md.heading(2, f"记录的提问（{len(asked)} 次，{len({q.id for _, q in asked})} 道题）", "asked")
    for occurrence, q in asked:
        yield f"- {md.link(q.title, here, P.question(q.id))}<br><small>{occurrence_line(index, occurrence, here)}</small>"
    if not asked:
        yield "这个出处没有记录提问（只被框架、案例或面经引用）。"
    yield ""


def _url(here: str, target: str) -> str:
    """The directory-style URL of ``target`` relative to page ``here`` (for raw HTML links)."""
    base = posixpath.dirname(export.url_of(here).rstrip("/")) if export.url_of(here) else ""
    rel = posixpath.relpath(export.url_of(target) or ".", base or ".")
    return rel if rel.endswith("/") else rel + "/"
