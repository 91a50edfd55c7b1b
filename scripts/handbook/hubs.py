"""Hub pages: home, and the index and listing pages for each vocabulary (HTML bodies, see markup.py)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from . import filters, md, study
from . import markup as H
from . import paths as P
from .model import Question, SourceRef, Tip
from .pages import HUB_BOOST, UNKNOWN_COMPANY, occurrence_line, source_line, source_url, sources_section
from .relations import Index, companies_of, frequency

SITE_NAME = "产品经理面试手册"


def _question_item(index: Index, q: Question, here: str, show_category: bool = False) -> str:
    """A question in a list: its link, then category, frequency, companies, rounds and tags. The same on every page
    of a folder, so it is rendered once per folder (a question is listed on its category's, tags', companies' and
    rounds' pages)."""
    key = ("question-item", q.id, posixpath.dirname(here), "category" if show_category else "")
    found = index.fragments.get(key)
    if found is None:
        found = index.fragments[key] = _render_question_item(index, q, here, show_category)
    return found


def _render_question_item(index: Index, q: Question, here: str, show_category: bool) -> str:
    extra = []
    if show_category:
        extra.append(H.text(index.categories[q.category].name))
    count = frequency(q)
    if count:
        extra.append(("高频 · " if index.is_hot(q) else "") + f"被问过 {count} 次")
    companies = "、".join(H.text(index.companies[c].name) for c in companies_of(q))
    if companies:
        extra.append(companies)
    rounds = "、".join(H.text(index.rounds[r].name) for r in index.rounds_of(q))
    if rounds:
        extra.append(rounds)
    tags = "、".join(H.text(index.tags[t].name) for t in q.tags)
    extra.append(f"标签：{tags}")
    return f"{H.link(q.title, here, P.question(q.id))}<br><small>{' · '.join(extra)}</small>"


ItemFormat = Callable[[Index, Question, str], str]


def _by_category(index: Index, questions: list[Question], here: str, item: ItemFormat = _question_item, exclude: bool = False, level: int = 2) -> Iterator[str]:
    """Questions under a heading per category; ``exclude`` keeps the lists out of search."""
    for cid, category in index.categories.items():
        group = [q for q in questions if q.category == cid]
        if group:
            yield H.heading(level, f"{category.name}（{len(group)}）", f"cat-{cid}", exclude=exclude)
            yield H.ul(item(index, q, here) for q in group)


def home(index: Index) -> str:
    here = P.HOME
    meta = {
        "title": SITE_NAME,
        "description": "产品经理求职面试题库：按分类、公司、轮次和标签整理的真题，配考察点、答题框架、示例案例与面经。",
        "hide": ["navigation", "toc"],
        **study.assets(),
    }
    return H.page(meta, _home_body(index, here))


def _home_body(index: Index, here: str) -> Iterator[str]:
    h = index.handbook
    yield H.heading(1, SITE_NAME, "home")
    yield H.para(
        "为准备产品经理（PM）面试的同学整理的学习手册：每道题都有<strong>考察点</strong>、<strong>答题要点</strong>，"
        "常见题型配<strong>答题框架</strong>和<strong>示例案例</strong>，并附上候选人的<strong>面经</strong>。"
    )
    yield H.para(
        f"目前收录 <strong>{len(h.questions)}</strong> 道题、<strong>{len(h.frameworks)}</strong> 个答题框架、"
        f"<strong>{len(h.cases)}</strong> 个案例、<strong>{len(h.tips)}</strong> 条面经、<strong>{len(h.tags)}</strong> 个标签。"
    )
    yield H.heading(2, "怎么用", "how")
    yield H.ol(
        [
            f"<strong>按分类刷题</strong>：从下面的分类进入，或在{H.link('题目总览', here, P.QUESTIONS)}里按分类、公司、轮次、标签筛选。",
            "<strong>先自己答，再对照</strong>：每道题先读考察点，限时口述作答，再看答题要点、框架和示例；勾选题目页上的“先自己答”，参考答案会先收起来。",
            f"<strong>学框架</strong>：{H.link('答题框架', here, P.FRAMEWORKS)}能迁移到同类题，比背答案更有用。",
            f"<strong>看面经</strong>：{H.link('面经', here, P.TIPS)}讲流程、时间线和面试官看重什么。",
            '<strong>搜索</strong>：<span class="hb-keys">按 <code>/</code> 或</span>点右上角放大镜，中文、英文缩写（如 ROI、AB实验）都能搜。',
            _practice_item(here),
            _anki_item(index, here),
        ]
    )
    yield from _hot_section(index, here)
    yield H.heading(2, "按分类", "categories")
    # Each card counts the reader's progress against its question ids; above list_limit the page would carry ids
    # for the whole bank (80 KB at 10,000 questions), so it counts the reader's marks once and each category page counts its own.
    per_card = len(index.questions) <= index.handbook.settings.list_limit
    if not per_card:
        yield study.overall_count(len(index.questions))
    cards = []
    for cid, category in index.categories.items():
        questions = index.questions_by_category.get(cid, [])
        title = H.para(H.link(category.name, here, P.category(cid)) + f"（{len(questions)} 题）")
        progress = study.category_count(q.id for q in questions) if per_card else ""
        cards.append(f"\n{title}\n{H.para(H.text(category.description))}\n{progress}\n")
    yield f'<div class="grid cards" data-search-exclude>\n{H.ul(cards)}\n</div>'
    yield H.heading(2, "按公司与轮次", "companies")
    items = [
        f"{H.link(c.name, here, P.company(cid))}：{len(index.questions_by_company.get(cid, []))} 题，含面试流程与时间线" for cid, c in index.companies.items()
    ]
    items.append("轮次：" + "、".join(H.link(r.name, here, P.round_(rid)) for rid, r in index.rounds.items()))
    yield H.ul(items, exclude=True)
    yield H.heading(2, "热门标签", "tags")
    popular = "、".join(_tag_with_count(index, tid, here) for tid in _popular_tags(index, 20))
    yield H.para(f"{popular}\n（{H.link('全部标签', here, P.TAGS)}）", exclude=True)


def _practice_item(here: str) -> str:
    """The practice page and the study records, kept in this browser only."""
    records = H.link("学习记录", here, P.PRACTICE, "records")
    return (
        f"<strong>练习</strong>：在{H.link('练习', here, P.PRACTICE)}页按分类、公司、轮次或标签随机抽题，限时作答后自评；"
        f"题目页上可以标记已掌握、需复习并写答案草稿。这些记录{study.PRIVACY}，换设备时在{records}里导出、导入。"
    )


def _anki_item(index: Index, here: str) -> str:
    """The download link of the Anki deck, which the MkDocs hook writes into the site (anki.py)."""
    deck = f'<a href="{H.attr(H.href(here, P.ANKI))}" download>下载 Anki 卡组</a>'
    return (
        f"<strong>用 Anki 复习</strong>：{deck}（{len(index.questions)} 道题各一张卡片，按分类分成子卡组），在 Anki 里用“导入”打开；"
        "手册更新后重新下载导入，已有的卡片会更新而不会重复，复习进度保留。"
    )


def _hot_section(index: Index, here: str) -> Iterator[str]:
    hot = index.hot[: index.handbook.settings.hot_top]
    if not hot:
        return
    threshold = index.handbook.settings.hot_threshold
    yield H.heading(2, "高频题", "hot")
    sort_link = f'<a href="{H.attr(H.href(here, P.QUESTIONS))}?sort=asked">在题目总览中按次数排序</a>'
    yield H.para(f"被问过 {threshold} 次及以上的题目，按被问次数排列（共 {len(index.hot)} 道，{sort_link}）：")
    yield H.ol((f"{H.link(q.title, here, P.question(q.id))}（{frequency(q)} 次）" for q in hot), exclude=True)


def _popular_tags(index: Index, limit: int) -> list[str]:
    counts = [(-len(index.questions_by_tag.get(tid, [])), tid) for tid in index.tags]
    return [tid for count, tid in sorted(counts)[:limit] if count < 0]


def _tag_with_count(index: Index, tid: str, here: str) -> str:
    return f"{H.link(index.tags[tid].name, here, P.tag(tid))}（{len(index.questions_by_tag.get(tid, []))}）"


BROWSER_ID = "question-browser"
"""The element the question browser script (docs/assets/question-browser.js) looks for."""
BROWSER_JS, BROWSER_CSS = "assets/question-browser.js", "assets/question-browser.css"


def questions_index(index: Index) -> str:
    here = P.QUESTIONS
    # Out of search: the questions it lists are indexed on their own pages.
    meta = {
        "title": "题目总览",
        "description": "全部面试题，按分类列出，可按分类、公司、轮次、标签筛选。",
        "search": {"exclude": True},
        # The browser's script and style load on this page only (overrides/main.html).
        "page_css": [BROWSER_CSS, study.STUDY_CSS],
        "page_js": [BROWSER_JS, study.STORE_JS, study.PROGRESS_JS],
    }
    total = len(index.questions)
    # Up to settings.list_limit questions the page lists them all and filters the list in place; above it,
    # it lists categories and the browser loads the compact facets file when the reader asks.
    if total > index.handbook.settings.list_limit:
        return H.page(meta, _questions_index_large(index, here))
    blocks = [H.heading(1, "题目总览", "questions"), H.para(f"共 {total} 道题，按分类列出。")]
    # The filters are there from the first paint; the script loads the export (for the keyword filter's
    # 考察点 and tag synonyms) only when the reader turns to the keyword box.
    data = posixpath.relpath(P.EXPORT, posixpath.dirname(here))
    blocks.append(_browser(index, f'data-export="{data}"', total, open_=True))
    blocks += _by_category(index, list(index.questions.values()), here, _browser_item)
    return H.page(meta, blocks)


def _questions_index_large(index: Index, here: str) -> Iterator[str]:
    """A bank too large to list on one page: categories with counts, and the browser on demand."""
    yield H.heading(1, "题目总览", "questions")
    total = len(index.questions)
    yield H.para(f"共 {total} 道题。按分类浏览，或用下面的筛选按分类、公司、轮次、标签和关键词查找、按被问次数排序。")
    facets = posixpath.relpath(P.FACETS, posixpath.dirname(here))
    root = posixpath.relpath(".", posixpath.dirname(here)) + "/"
    yield _browser(index, f'data-facets="{facets}" data-root="{root}" data-total="{total}"', total, open_=False)
    yield H.heading(2, "按分类", "by-category")
    yield H.ul(_counted(index, here, cid) for cid in index.categories if index.questions_by_category.get(cid))


def _browser(index: Index, data: str, total: int, open_: bool) -> str:
    """The question browser's controls, written out so that they take their place from the first paint.

    ``open_``: shown at once (a small bank, filtered in place). Otherwise a button stands in for them until the
    reader asks and the script has loaded the facets (a large bank). Without JavaScript nothing of it shows."""
    values = filters.choices(index)
    text = '<input id="hb-qb-text" name="text" type="search" autocomplete="off" placeholder="标题、考察点或标签">'
    fields = [filters.field("hb-qb__field hb-qb__field--text", "hb-qb-text", "关键词", text)]
    for key, label, everything in filters.KINDS:
        fields.append(filters.field("hb-qb__field", f"hb-qb-{key}", label, filters.select(f"hb-qb-{key}", key, everything, values[key])))
    sort = '<select id="hb-qb-sort" name="sort"><option value="">按分类</option><option value="asked">按被问次数（高频在前）</option></select>'
    fields.append(filters.field("hb-qb__field", "hb-qb-sort", "排序", sort))
    fields.append('<button type="button" class="hb-qb__clear" disabled>清除筛选</button>')
    panel = (
        f'<div class="hb-qb__panel"{"" if open_ else " hidden"}>'
        f'<form class="hb-qb__form" role="search" aria-label="筛选题目">{"".join(fields)}</form>'
        '<p class="hb-qb__ignored" role="alert" hidden></p>'
        f'<p class="hb-qb__count" role="status" aria-live="polite">{f"显示 {total} / {total} 道题" if open_ else ""}</p>'
        '<p class="hb-qb__empty" hidden>没有符合条件的题目。</p>'
        "</div>"
    )
    load = "" if open_ else f'<p><button type="button" class="hb-qb__load md-button">筛选全部 {total} 道题</button></p>'
    nojs = f"<noscript><style>#{BROWSER_ID} {{ display: none; }}</style></noscript>"
    return f'<div id="{BROWSER_ID}" {data}>{load}{panel}</div>{nojs}'


def _counted(index: Index, here: str, cid: str) -> str:
    """A category with its question count and description."""
    category = index.categories[cid]
    count = len(index.questions_by_category.get(cid, []))
    return f"{H.link(category.name, here, P.category(cid))}（{count} 题）：{H.text(category.description)}"


def _browser_item(index: Index, q: Question, here: str) -> str:
    """A question list item carrying its facets as data attributes, for the browser script."""
    companies = " ".join(dict.fromkeys(o.company or filters.UNKNOWN_COMPANY_ID for o in q.asked))
    rounds = " ".join(dict.fromkeys(o.round for o in q.asked if o.round))
    facets = {"id": q.id, "category": q.category, "company": companies, "round": rounds, "tags": " ".join(q.tags), "asked": str(frequency(q))}
    return H.li(_question_item(index, q, here), {f"data-{key}": value for key, value in facets.items() if value})


def categories_index(index: Index) -> str:
    here = P.CATEGORIES
    meta = {"title": "分类", "description": "按题目类型浏览产品经理面试题。"}
    return H.page(meta, [H.heading(1, "分类", "categories"), H.ul((_counted(index, here, cid) for cid in index.categories), exclude=True)])


PAGE_SIZE = 200
"""Questions per listing page: hubs of thousands of questions are split into pages of this many."""


def paged(first: str, questions: list[Question]) -> list[tuple[str, list[Question]]]:
    """(path, questions) for each page of a listing whose first page is ``first``; always at least one page."""
    chunks = [questions[i : i + PAGE_SIZE] for i in range(0, len(questions), PAGE_SIZE)] or [[]]
    return [(P.page_n(first, n), chunk) for n, chunk in enumerate(chunks, 1)]


def _pager(pages: list[tuple[str, list[Question]]], here: str) -> str:
    """Links to every page of a listing, the current one in bold; nothing for a one-page listing."""
    if len(pages) < 2:
        return ""
    links = []
    for n, (path, chunk) in enumerate(pages, 1):
        label = f"第 {n} 页（{len(chunk)}）"
        links.append(f"<strong>{label}</strong>" if path == here else H.link(label, here, path))
    return H.para("分页：" + " · ".join(links), exclude=True)


def _listing(index: Index, pages: list[tuple[str, list[Question]]], here: str, questions: list[Question], show_category: bool = False) -> list[str]:
    """One page of a listing: the pager, the questions, the pager again."""
    pager = _pager(pages, here)
    items = (H.li(_question_item(index, q, here, show_category), {"data-id": q.id}) for q in questions)
    return [pager, H.ul(items, exclude=True), pager]


def continuation_pages(
    index: Index, title: str, pages: list[tuple[str, list[Question]]], show_category: bool = False, extra: Mapping[str, Any] | None = None
) -> dict[str, str]:
    """Pages 2, 3, … of a listing: the title, the pager and that page's questions (kept out of search); ``extra``
    front matter (the study scripts) is added to each."""
    out = {}
    for n, (here, chunk) in enumerate(pages[1:], 2):
        meta = {"title": f"{title}（第 {n} 页）", "description": md.describe(f"{title}：第 {n} 页"), "search": {"exclude": True}, **(extra or {})}
        blocks = [H.heading(1, f"{title}（第 {n} 页）", "listing"), *_listing(index, pages, here, chunk, show_category)]
        out[here] = H.page(meta, blocks)
    return out


def category_pages(index: Index, cid: str) -> dict[str, str]:
    category = index.categories[cid]
    pages = paged(P.category(cid), index.questions_by_category.get(cid, []))
    here, first = pages[0]
    total = len(index.questions_by_category.get(cid, []))
    # Searchable for the category's name and description; its listing is not (the questions are indexed on their own pages).
    meta = {"title": f"分类：{category.name}", "description": md.describe(category.description), "search": {"boost": HUB_BOOST}, **study.assets()}
    blocks = [H.heading(1, category.name, "category"), H.para(H.text(category.description)), H.para(f"共 {total} 道题。")]
    blocks.append(study.category_count(q.id for q in index.questions_by_category.get(cid, [])))
    blocks += _listing(index, pages, here, first)
    return {here: H.page(meta, blocks), **continuation_pages(index, f"分类：{category.name}", pages, extra=study.assets())}


def frameworks_index(index: Index) -> str:
    here = P.FRAMEWORKS
    meta = {"title": "答题框架", "description": "可迁移的产品经理面试答题框架：步骤、适用场景与常见失误。"}
    blocks = [H.heading(1, "答题框架", "frameworks"), H.para("框架是可以迁移到同类题的答题结构。每个框架列出步骤、适用场景、常见失误和用到它的题目。")]
    blocks.append(
        H.ul(
            (
                f"{H.link(fw.name, here, P.framework(fid))}（{len(index.questions_by_framework.get(fid, []))} 题）：{H.text(fw.summary)}"
                for fid, fw in index.frameworks.items()
            ),
            exclude=True,
        )
    )
    blocks += sources_section(index, _by_source(r for f in index.frameworks.values() for r in f.sources), here)
    return H.page(meta, blocks)


def _by_source(refs: Iterable[SourceRef]) -> list[SourceRef]:
    """One reference per source, without sections or lines: for hub pages that summarise many entries."""
    return [SourceRef(source=s) for s in sorted({r.source for r in refs})]


def cases_index(index: Index) -> str:
    here = P.CASES
    meta = {"title": "案例", "description": "产品经理面试答题示例：背景、过程、结果。"}
    blocks = [H.heading(1, "案例", "cases")]
    groups = (("adapted", "据出处改写的案例"), ("illustration", "本手册编写的示例（非真实候选人经历）"))
    for kind, label in groups:
        cases = [c for c in index.cases.values() if c.kind == kind]
        blocks.append(H.heading(2, f"{label}（{len(cases)}）", f"kind-{kind}"))
        blocks.append(H.ul((H.link(c.title, here, P.case(c.id)) for c in cases), exclude=True))
    blocks += sources_section(index, _by_source(r for c in index.cases.values() for r in c.sources), here)
    return H.page(meta, blocks)


def companies_index(index: Index) -> str:
    here = P.COMPANIES
    meta = {"title": "公司", "description": "按公司浏览面试题、面试流程与面经。"}
    blocks = [H.heading(1, "公司", "companies")]
    blocks.append(
        H.ul(
            (
                f"{H.link(c.name, here, P.company(cid))}（{len(index.questions_by_company.get(cid, []))} 题）：{H.text(c.description)}"
                for cid, c in index.companies.items()
            ),
            exclude=True,
        )
    )
    unknown = len(index.unknown_company_questions)
    if unknown:
        blocks.append(H.para(f"另有 {unknown} 道题的部分提问记录没有写明公司（{UNKNOWN_COMPANY}），可在{H.link('题目总览', here, P.QUESTIONS)}中筛选。"))
    return H.page(meta, blocks)


def company_page(index: Index, cid: str) -> str:
    company = index.companies[cid]
    here = P.company(cid)
    meta = {
        "title": f"{company.name}面试",
        "description": md.describe(f"{company.name}产品经理面试：流程、时间线、面试官看重什么与真题。"),
        "search": {"boost": HUB_BOOST},
    }
    return H.page(meta, _company_body(index, cid, here))


def _company_body(index: Index, cid: str, here: str) -> Iterator[str]:
    company = index.companies[cid]
    questions = index.questions_by_company.get(cid, [])
    tips = index.tips_by_company.get(cid, [])
    yield H.heading(1, f"{company.name}面试", "company")
    yield H.para(H.text(company.description))
    if company.aliases:
        yield H.para("又称：" + "、".join(H.text(a) for a in company.aliases))
    yield H.heading(2, "面试流程", "process")
    rounds = [r for r in index.rounds.values() if any(r.id == e.round for e in company.timeline)]
    yield H.ul((f"{H.link(r.name, here, P.round_(r.id))}：{H.text(r.description)}" for r in rounds), exclude=True)
    if company.timeline:
        yield H.heading(2, "时间线", "timeline")
        rows = []
        for event in company.timeline:
            label = H.link(event.event, here, P.round_(event.round)) if event.round else H.text(event.event)
            rows.append([H.text(event.date), label])
        yield H.table(["日期", "事件"], rows)
        refs = [r for e in company.timeline for r in e.sources]
        if refs:
            yield H.para(f"时间线出处：{source_line(index, refs[0])}")
    yield from _tips_by_kind(index, tips, here, level=2)
    yield H.heading(2, f"真题（{len(questions)}）", "questions", exclude=True)
    yield from _by_category(index, questions, here, exclude=True, level=3)


def _tips_by_kind(index: Index, tips: list[Tip], here: str, level: int) -> Iterator[str]:
    """A company's or round's tips by kind. Out of search: each tip is indexed once, on its kind's page."""
    for kid, kind in index.tip_kinds.items():
        group = [t for t in tips if t.kind == kid]
        if group:
            yield H.heading(level, f"{kind.name}（{len(group)}）", f"tips-{kid}", exclude=True)
            yield H.ul(f"{H.text(t.text)}（{H.link('出处与相关题目', here, P.tip_kind(kid), t.id)}）" for t in group)


def rounds_index(index: Index) -> str:
    here = P.ROUNDS
    meta = {"title": "面试轮次", "description": "按面试轮次浏览：一面、二面、群面、总监面、HR面各考什么。"}
    blocks = [H.heading(1, "面试轮次", "rounds")]
    blocks.append(
        H.ul((f"{H.link(r.name, here, P.round_(rid))}{_round_counts(index, rid)}：{H.text(r.description)}" for rid, r in index.rounds.items()), exclude=True)
    )
    return H.page(meta, blocks)


def _round_counts(index: Index, rid: str) -> str:
    """What a round's page holds: its questions and tips, the empty ones left out (a round no question names still
    has what candidates wrote about it)."""
    questions, tips = len(index.questions_by_round.get(rid, [])), len(index.tips_by_round.get(rid, []))
    counts = []
    if questions:
        counts.append(f"{questions} 题")
    if tips:
        counts.append(f"面经 {tips} 条")
    return f"（{'，'.join(counts) or '暂无记录'}）"


def round_pages(index: Index, rid: str) -> dict[str, str]:
    r = index.rounds[rid]
    questions = index.questions_by_round.get(rid, [])
    pages = paged(P.round_(rid), questions)
    here, first = pages[0]
    tips = index.tips_by_round.get(rid, [])
    meta = {"title": f"轮次：{r.name}", "description": md.describe(r.description), "search": {"boost": HUB_BOOST}, **study.assets()}
    blocks = [H.heading(1, r.name, "round"), H.para(H.text(r.description))]
    blocks += _tips_by_kind(index, tips, here, level=2)
    if questions:
        blocks.append(H.heading(2, f"明确属于这一轮的题目（{len(questions)}）", "questions", exclude=True))
        blocks += _listing(index, pages, here, first, show_category=True)
    else:
        blocks.append(H.para(f"还没有面经写明哪道题是在{H.text(r.name)}被问到的，所以这里不列题目；请{H.link('按分类浏览', here, P.CATEGORIES)}。"))
    return {here: H.page(meta, blocks), **continuation_pages(index, f"轮次：{r.name}", pages, show_category=True, extra=study.assets())}


def tips_index(index: Index) -> str:
    here = P.TIPS
    meta = {"title": "面经", "description": "候选人面经：面试流程与时间线、面试官看重什么、复盘教训、准备策略与心态。"}
    blocks = [H.heading(1, "面经", "tips"), H.para(f"共 {len(index.tips)} 条，按类型整理。")]
    blocks.append(
        H.ul(
            (
                f"{H.link(kind.name, here, P.tip_kind(kid))}（{len(index.tips_by_kind.get(kid, []))} 条）：{H.text(kind.description)}"
                for kid, kind in index.tip_kinds.items()
            ),
            exclude=True,
        )
    )
    return H.page(meta, blocks)


def tip_kind_page(index: Index, kid: str) -> str:
    kind = index.tip_kinds[kid]
    here = P.tip_kind(kid)
    meta = {"title": f"面经：{kind.name}", "description": md.describe(kind.description)}
    blocks = [H.heading(1, kind.name, "kind"), H.para(H.text(kind.description))]
    blocks += (_tip_block(index, tip, here) for tip in index.tips_by_kind.get(kid, []))
    return H.page(meta, blocks)


def _tip_block(index: Index, tip: Tip, here: str) -> str:
    facts = []
    if tip.company:
        facts.append(H.link(index.companies[tip.company].name, here, P.company(tip.company)))
    if tip.rounds:
        facts.append("轮次：" + "、".join(H.link(index.rounds[r].name, here, P.round_(r)) for r in tip.rounds))
    if tip.questions:
        facts.append("相关题目：" + "、".join(H.link(index.questions[q].title, here, P.question(q)) for q in tip.questions))
    if tip.tags:
        facts.append("标签：" + "、".join(H.link(index.tags[t].name, here, P.tag(t)) for t in tip.tags))
    facts += [f"出处：{source_line(index, ref)}" for ref in tip.sources]
    # The facts (company, rounds, related questions' titles, source) stay out of search: a title would find the tip
    # before its question.
    facts_line = f"<p data-search-exclude><small>{' · '.join(facts)}</small></p>"
    return f'<div class="hb-tip" id="{tip.id}">\n{H.para(H.text(tip.text))}\n{facts_line}\n</div>'


def tags_index(index: Index) -> str:
    here = P.TAGS
    meta = {"title": "标签", "description": "全部标签及题目数量，点开查看带该标签的所有题目。", "search": {"exclude": True}}
    ranked = sorted(index.tags, key=lambda t: (-len(index.questions_by_tag.get(t, [])), t))
    rows = [
        [H.link(index.tags[tid].name, here, P.tag(tid)), str(len(index.questions_by_tag.get(tid, []))), "、".join(H.text(s) for s in index.tags[tid].synonyms)]
        for tid in ranked
    ]
    return H.page(meta, [H.heading(1, "标签", "tags"), H.table(["标签", "题目数", "又称"], rows, right=[1])])


def tag_pages(index: Index, tid: str) -> dict[str, str]:
    tag = index.tags[tid]
    questions = index.questions_by_tag.get(tid, [])
    pages = paged(P.tag(tid), questions)
    here, first = pages[0]
    meta = {"title": f"标签：{tag.name}", "description": md.describe(f"{tag.name}：{tag.description}"), "search": {"exclude": True}}
    blocks = [H.heading(1, tag.name, "tag"), H.para(H.text(tag.description))]
    if tag.synonyms:
        blocks.append(H.para("又称：" + "、".join(H.text(s) for s in tag.synonyms)))
    blocks.append(H.para(f"共 {len(questions)} 道题。"))
    pager = _pager(pages, here)
    blocks += [pager, *_by_category(index, first, here), pager]
    tips = index.tips_by_tag.get(tid, [])
    if tips:
        blocks.append(H.heading(2, f"相关面经（{len(tips)}）", "tips"))
        blocks.append(H.ul(f"{H.text(t.text)}（{H.link(index.tip_kinds[t.kind].name, here, P.tip_kind(t.kind), t.id)}）" for t in tips))
    return {here: H.page(meta, blocks), **continuation_pages(index, f"标签：{tag.name}", pages, show_category=True)}


def sources_page(index: Index) -> str:
    here = P.SOURCES
    meta = {"title": "出处与版权", "description": "手册内容的出处、作者与版权说明，以及未收录内容的理由。"}
    return H.page(meta, _sources_body(index, here))


def _sources_body(index: Index, here: str) -> Iterator[str]:
    yield H.heading(1, "出处与版权", "sources")
    yield H.para("手册的题目、框架与案例来自以下出处。禁止转载的原文只保留事实（步骤、数字），文字与结构均为改写，并在每个引用页面注明作者与链接。")
    for sid, src in index.sources.items():
        yield H.heading(2, src.title, f"src-{sid}")
        count = len(index.questions_by_source.get(sid, []))
        yield H.ul([*_source_facts(index, sid), f"记录的提问：{H.link(f'{count} 道题', here, P.source(sid))}"])
    omissions = index.handbook.omissions
    yield H.heading(2, f"未收录的内容（{sum(len(r.lines) for o in omissions for r in o.sources)} 条）", "omitted")
    yield H.para("原始笔记中与面试无关的行不收录，理由如下；其余每一行都已整理为题目或面经。")
    yield H.ul(f"{'；'.join(source_line(index, ref) for ref in o.sources)}：{H.text(o.reason)}" for o in omissions)


def _source_facts(index: Index, sid: str) -> Iterator[str]:
    src = index.sources[sid]
    yield f"作者：{H.text(src.author)}"
    yield f"日期：{H.text(src.date)}"
    if src.url:
        yield f"原文：{source_url(src.url)}"
    yield f"使用说明：{H.text(src.licence)}"


def source_page(index: Index, sid: str) -> str:
    """One source: its citation and every question it reports asked, in the source's order."""
    src = index.sources[sid]
    here = P.source(sid)
    meta = {
        "title": f"出处：{src.title}",
        "description": md.describe(f"{src.title}（{src.author}，{src.date}）中记录的面试题。"),
        "search": {"exclude": True},
    }
    return H.page(meta, _source_body(index, sid, here))


def _source_body(index: Index, sid: str, here: str) -> Iterator[str]:
    src = index.sources[sid]
    yield H.heading(1, src.title, "source")
    yield H.ul(_source_facts(index, sid))
    asked = [(o, q) for q in index.questions_by_source.get(sid, []) for o in q.asked if o.source == sid]
    asked.sort(key=lambda pair: (pair[0].section or "", pair[0].line or 0, pair[1].id))
    yield H.heading(2, f"记录的提问（{len(asked)} 次，{len({q.id for _, q in asked})} 道题）", "asked")
    yield H.ul(f"{H.link(q.title, here, P.question(q.id))}<br><small>{occurrence_line(index, o, here, cite=False)}</small>" for o, q in asked)
    if not asked:
        yield H.para("这个出处没有记录提问（只被框架、案例或面经引用）。")
