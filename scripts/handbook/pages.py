"""Pages for single entities: a question, a framework, a case (HTML bodies, see markup.py)."""

from __future__ import annotations

from collections.abc import Iterator

from . import markup as H
from . import md, study
from . import paths as P
from .model import POSITIONS, QUESTION_TYPES, Case, Framework, Occurrence, Question, SourceRef, Tip
from .relations import Index, companies_of, frequency, occurrence_key
from .storiespage import anchor as story_anchor

HUB_BOOST = 3
"""Search boost for framework pages, which gather a topic; hubs.py uses the same value."""

CASE_LABELS = {
    "illustration": "示例（本手册编写，非真实候选人经历）",
    "adapted": "案例（据出处改写）",
}


def question_page(index: Index, q: Question) -> str:
    here = P.question(q.id)
    meta = {
        "title": q.title,
        "description": md.describe(f"{q.title} 考察点：{q.intent}"),
        "question_id": q.id,
        # Indexed from the data by search.question_entries, not by Material from the HTML.
        "search": {"exclude": True},
        **study.assets(),
    }
    return H.page(meta, H.with_section_list(_question_body(index, q, here)))


def _question_body(index: Index, q: Question, here: str) -> Iterator[str]:
    yield _crumbs(index, q, here)
    yield H.heading(1, q.title, "question")
    badges = list(_badges(index, q, here))
    if badges:
        yield H.para(" · ".join(badges))
    yield tag_chips(index, q.tags, here)
    if q.background:
        yield H.heading(2, "问题背景", "background")
        yield H.ul(H.text(b) for b in q.background)
    yield H.heading(2, "考察点", "intent")
    yield H.para(H.text(q.intent))
    yield study.question_block(q.id)
    yield _stories_line(index, q, here)
    answer = list(_answer(index, q, here))
    if answer:
        yield SELF_TEST
        yield '<div class="hb-answer" id="answer">'
        yield from answer
        yield "</div>"
    yield from _frameworks_section(index, q, here)
    yield from _signals_section(q)
    if q.pitfalls:
        yield H.heading(2, "常见失误", "pitfalls")
        yield H.ul(H.text(p) for p in q.pitfalls)
    yield from _followups_section(q)
    yield from _tips_section(index, index.tips_by_question.get(q.id, []), here)
    yield from _related_section(index, q, here)
    yield from _asked_section(index, q, here)
    yield from sources_section(index, question_refs(index, q), here)
    yield _neighbours(index, q, here)


SELF_TEST = (
    '<div class="hb-selftest" hidden>'
    '<label><input type="checkbox" class="hb-selftest-mode"> 先自己答：隐藏参考答案（本机记住这个选择）</label> '
    '<button type="button" class="md-button hb-reveal" aria-controls="answer" hidden>显示参考答案</button>'
    "</div>"
)
"""The self-test switch before the answer; assets/selftest.js shows it and folds the answer. Without
JavaScript it stays hidden and the answer stays open."""


def _stories_line(index: Index, q: Question, here: str) -> str:
    """The 故事库 stories that answer the question, if any: prepare one and answer with it."""
    stories = index.stories_by_question.get(q.id, [])
    if not stories:
        return ""
    links = "、".join(H.link(s.name, here, P.STORIES, story_anchor(s.id)) for s in stories)
    return H.para(f"<small>可以用{H.link('故事库', here, P.STORIES)}里的经历回答：{links}</small>")


def _answer(index: Index, q: Question, here: str) -> Iterator[str]:
    """What the self-test folds: the answer outline and the worked examples."""
    if q.outline:
        yield H.heading(2, "答题要点", "outline")
        yield H.ol(H.text(point) for point in q.outline)
    if q.opening:
        yield H.heading(2, "开场示范", "opening")
        yield f'<div class="admonition example">\n<p class="admonition-title">{OPENING_LABEL}</p>\n{H.para(H.text(q.opening))}\n</div>'
    yield from _cases_section(index, q, here)


OPENING_LABEL = "模板（本手册编写）：换成你自己的经历再练，不要照背"


def _signals_section(q: Question) -> Iterator[str]:
    """What a strong answer shows and what a weak one sounds like."""
    if not q.signals:
        return
    yield H.heading(2, "好回答与弱回答", "signals")
    yield H.para("<strong>好回答</strong>：")
    yield H.ul(H.text(s) for s in q.signals.strong)
    yield H.para("<strong>弱回答</strong>：")
    yield H.ul(H.text(s) for s in q.signals.weak)


def _followups_section(q: Question) -> Iterator[str]:
    """Likely follow-ups, each hint folded so that the reader tries an answer first."""
    if not q.followups:
        return
    yield H.heading(2, "可能的追问", "followups")
    yield H.ol(f"{H.text(f.question)}<details><summary>提示</summary>{H.para(H.text(f.hint))}</details>" for f in q.followups)


def _crumbs(index: Index, q: Question, here: str) -> str:
    """Where the question sits: the question overview, then its category."""
    category = index.categories[q.category]
    trail = f"{H.link('题目总览', here, P.QUESTIONS)} › {H.link(category.name, here, P.category(q.category))}"
    return f'<nav class="hb-crumbs" aria-label="所在位置">{trail}</nav>'


def _neighbours(index: Index, q: Question, here: str) -> str:
    """The previous and next question of the same category, in the order its page lists them."""
    before, after = index.category_neighbours[q.id]
    links = []
    if before:
        links.append(H.link(f"上一题：{before.title}", here, P.question(before.id), css="hb-prev", rel="prev"))
    if after:
        links.append(H.link(f"下一题：{after.title}", here, P.question(after.id), css="hb-next", rel="next"))
    if not links:
        return ""
    return f'<nav class="hb-neighbours" aria-label="同分类的上一题和下一题">{"".join(links)}</nav>'


def tag_chips(index: Index, tags: list[str], here: str) -> str:
    """The question's tags as Material's chips, linked to the tag pages (built here, not by Material's
    tags plugin, whose listings cost tags × pages at build time)."""
    chips = " ".join(H.link(index.tags[t].name, here, P.tag(t), css="md-tag") for t in tags)
    return f'<nav aria-label="标签" class="md-tags">{chips}</nav>'


def question_refs(index: Index, q: Question) -> list[SourceRef]:
    """Where the question was asked, its other sources, then those of the frameworks and cases it shows."""
    refs = [occurrence_ref(o) for o in sorted(q.asked, key=lambda o: (o.source, o.section or "", o.line or 0))]
    refs += list(q.sources)
    refs += [r for fid in q.frameworks for r in index.frameworks[fid].sources]
    refs += [r for cid in q.cases for r in index.cases[cid].sources]
    return merge_refs(refs)


def occurrence_ref(occurrence: Occurrence) -> SourceRef:
    """An occurrence as a source reference (for attribution)."""
    lines = [occurrence.line] if occurrence.line is not None else []
    return SourceRef(source=occurrence.source, section=occurrence.section if lines else None, lines=lines)


def merge_refs(refs: list[SourceRef]) -> list[SourceRef]:
    """One reference per (source, section), with their numbers merged in order of first use."""
    merged: dict[tuple[str, str | None], list[int]] = {}
    for ref in refs:
        numbers = merged.setdefault((ref.source, ref.section), [])
        numbers.extend(n for n in ref.lines if n not in numbers)
    return [SourceRef(source=source, section=section if numbers else None, lines=numbers) for (source, section), numbers in merged.items()]


def _badges(index: Index, q: Question, here: str) -> Iterator[str]:
    """How often, where and in which rounds the question was asked (its category is in the breadcrumb above)."""
    count = frequency(q)
    if count:
        hot = "<strong>高频</strong> · " if index.is_hot(q) else ""
        yield f'{hot}<a href="#asked">被问过 {count} 次</a>'
    companies = companies_of(q)
    if companies:
        yield "公司：" + "、".join(H.link(index.companies[c].name, here, P.company(c)) for c in companies)
    rounds = index.rounds_of(q)
    if rounds:
        yield "轮次：" + "、".join(H.link(index.rounds[r].name, here, P.round_(r)) for r in rounds)
    if q.origin == "handbook":
        yield "本手册编写的练习题"
    if q.type:
        yield f"题型：{QUESTION_TYPES[q.type]}"
    if q.time:
        yield f"建议口述约 {minutes(q.time)} 分钟"


def minutes(time: float) -> str:
    """2.0 → 2, 1.5 → 1.5."""
    return f"{time:g}"


def _asked_section(index: Index, q: Question, here: str) -> Iterator[str]:
    if not q.asked:
        return
    yield H.heading(2, f"被问过 {frequency(q)} 次", "asked", exclude=True)
    yield H.ul(occurrence_line(index, o, here) for o in sorted(set(q.asked), key=occurrence_key))


def occurrence_line(index: Index, o: Occurrence, here: str, cite: bool = True) -> str:
    """Where and when one occurrence was asked: company · round · date · position · source (without ``cite``, as on
    the source's own page: only where in it)."""
    parts = [H.link(index.companies[o.company].name, here, P.company(o.company)) if o.company else UNKNOWN_COMPANY]
    if o.round:
        parts.append(H.link(index.rounds[o.round].name, here, P.round_(o.round)))
    if o.date:
        parts.append(H.text(o.date))
    if o.position:
        parts.append(POSITIONS[o.position])
    src = index.sources[o.source]
    at = locator(o.section, [o.line], raw=src.raw is not None) if o.line is not None else ""
    if not cite:
        return " · ".join(parts) + (f"（{at}）" if at else "")
    where = H.link(f"《{src.title}》", here, P.source(o.source)) + (f" {at}" if at else "")
    return " · ".join(parts) + f"（出处：{where}）"


UNKNOWN_COMPANY = "未知公司"


def locator(section: str | None, lines: list[int], raw: bool = False) -> str:
    """``面试题目 第 3、5 条``, ``问题 E1``; in raw notes (numbered by physical line) ``二面，第 12 行``."""
    numbers = "、".join(str(n) for n in lines)
    if raw:
        return (f"{H.text(section)}，" if section else "") + f"第 {numbers} 行"
    if section == "E":
        return "问题 " + "、".join(f"E{n}" for n in lines)
    if section:
        return f"{H.text(section)} 第 {numbers} 条"
    return f"第 {numbers} 行"


def _frameworks_section(index: Index, q: Question, here: str) -> Iterator[str]:
    """Each framework's name, summary and step titles, with a link to its page (not the whole text)."""
    if not q.frameworks:
        return
    yield H.heading(2, "答题框架", "frameworks")
    items = []
    for fid in q.frameworks:
        fw = index.frameworks[fid]
        steps = " → ".join(H.text(step.title) for step in fw.steps)
        items.append(f"<strong>{H.link(fw.name, here, P.framework(fid))}</strong>：{H.text(fw.summary)}<br>步骤：{steps}")
    yield H.ul(items)


def steps_list(fw: Framework) -> str:
    """Numbered framework steps with their points as sub-bullets."""
    return H.ol(f"<strong>{H.text(step.title)}</strong>" + (H.ul(H.text(p) for p in step.points) + "\n" if step.points else "") for step in fw.steps)


def _cases_section(index: Index, q: Question, here: str) -> Iterator[str]:
    if not q.cases:
        return
    yield H.heading(2, "示例", "examples")
    for cid in q.cases:
        yield case_block(index.cases[cid], here, link_to_page=True)


def case_block(case: Case, here: str, link_to_page: bool) -> str:
    """An admonition with 背景 / 过程 / 结果; labelled as illustration or adaptation."""
    kind = "example" if case.kind == "illustration" else "info"
    parts = [
        f'<div class="admonition {kind}">',
        f'<p class="admonition-title">{CASE_LABELS[case.kind]}：{H.text(case.title)}</p>',
        H.para(f"<strong>背景</strong>：{H.text(case.background)}"),
        H.para("<strong>过程</strong>："),
        H.ol(H.text(step) for step in case.steps),
        H.para(f"<strong>结果</strong>：{H.text(case.result)}"),
    ]
    if link_to_page:
        parts.append(H.para(H.link("案例页", here, P.case(case.id))))
    return "\n".join(parts) + "\n</div>"


def _tips_section(index: Index, tips: list[Tip], here: str) -> Iterator[str]:
    if not tips:
        return
    yield H.heading(2, "相关面经", "tips")
    yield H.ul(f"{H.text(tip.text)}（{H.link(index.tip_kinds[tip.kind].name, here, P.tip_kind(tip.kind), tip.id)}）" for tip in tips)


def _related_section(index: Index, q: Question, here: str) -> Iterator[str]:
    related = index.related(q)
    if not related:
        return
    yield H.heading(2, "相关题目", "related", exclude=True)
    items = []
    for rel in related:
        shared = "、".join(H.text(t.name) for t in rel.shared)
        items.append(f"{H.link(rel.question.title, here, P.question(rel.question.id))}（共同标签：{shared}）")
    yield H.ul(items)


def sources_section(index: Index, refs: list[SourceRef], here: str) -> Iterator[str]:
    """Attribution: title, author, date, URL, licence, and the numbered lines used."""
    if not refs:
        return
    yield H.heading(2, "出处", "sources", exclude=True)
    yield H.ul(source_line(index, ref) for ref in refs)
    licences = sorted({index.sources[r.source].licence for r in refs if index.sources[r.source].url})
    yield from (H.para(f"<em>{H.text(licence)}</em>") for licence in licences)


def source_url(url: str) -> str:
    """A source's address as a link showing the address."""
    return f'<a href="{H.attr(url)}">{H.text(url)}</a>'


def source_line(index: Index, ref: SourceRef) -> str:
    src = index.sources[ref.source]
    parts = [f"{H.text(src.author)}《{H.text(src.title)}》", H.text(src.date)]
    if src.url:
        parts.append(source_url(src.url))
    where = locator(ref.section, ref.lines, raw=src.raw is not None) if ref.lines else ""
    return "，".join(parts) + (f"；{where}" if where else "")


def framework_page(index: Index, fw: Framework) -> str:
    here = P.framework(fw.id)
    meta = {"title": f"答题框架：{fw.name}", "description": md.describe(fw.summary), "search": {"boost": HUB_BOOST}}
    return H.page(meta, H.with_section_list(_framework_body(index, fw, here)))


def _framework_body(index: Index, fw: Framework, here: str) -> Iterator[str]:
    yield H.heading(1, fw.name, "framework")
    yield H.para(H.text(fw.summary))
    yield H.heading(2, "适用场景", "when")
    yield H.ul(H.text(w) for w in fw.when)
    yield H.heading(2, "步骤", "steps")
    yield steps_list(fw)
    if fw.pitfalls:
        yield H.heading(2, "常见失误", "pitfalls")
        yield H.ul(H.text(p) for p in fw.pitfalls)
    questions = index.questions_by_framework.get(fw.id, [])
    yield H.heading(2, f"用到这个框架的题目（{len(questions)}）", "questions", exclude=True)
    yield H.ul(H.link(q.title, here, P.question(q.id)) for q in questions) or H.para("暂无。")
    yield from sources_section(index, fw.sources, here)


def case_page(index: Index, case: Case) -> str:
    here = P.case(case.id)
    meta: dict[str, object] = {"title": f"案例：{case.title}", "description": md.describe(case.background)}
    if index.questions_by_case.get(case.id):
        # Its text is in the search entry of every question that shows it (search.question_entries).
        meta["search"] = {"exclude": True}
    return H.page(meta, H.with_section_list(_case_body(index, case, here)))


def _case_body(index: Index, case: Case, here: str) -> Iterator[str]:
    yield H.heading(1, case.title, "case")
    yield case_block(case, here, link_to_page=False)
    questions = index.questions_by_case.get(case.id, [])
    yield H.heading(2, "对应题目", "questions", exclude=True)
    yield H.ul(H.link(q.title, here, P.question(q.id)) for q in questions) or H.para("暂无。")
    yield from sources_section(index, case.sources, here)
