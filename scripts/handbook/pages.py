"""Pages for single entities: a question, a framework, a case."""

from __future__ import annotations

from collections.abc import Iterator

from . import md
from . import paths as P
from .model import POSITIONS, Case, Framework, Occurrence, Question, SourceRef, Tip
from .relations import Index, frequency, occurrence_key

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
    }
    return md.page(meta, _question_body(index, q, here))


def _question_body(index: Index, q: Question, here: str) -> Iterator[str]:
    yield md.heading(1, q.title, "question")
    yield ""
    yield " · ".join(_badges(index, q, here))
    yield ""
    yield from tag_chips(index, q.tags, here)
    if q.background:
        yield md.heading(2, "问题背景", "background")
        yield from (f"- {md.text(b)}" for b in q.background)
        yield ""
    yield md.heading(2, "考察点", "intent")
    yield md.text(q.intent)
    yield ""
    if q.outline:
        yield md.heading(2, "答题要点", "outline")
        yield from (f"{i}. {md.text(point)}" for i, point in enumerate(q.outline, 1))
        yield ""
    yield from _cases_section(index, q, here)
    yield from _frameworks_section(index, q, here)
    if q.pitfalls:
        yield md.heading(2, "常见失误", "pitfalls")
        yield from (f"- {md.text(p)}" for p in q.pitfalls)
        yield ""
    yield from _tips_section(index, index.tips_by_question.get(q.id, []), here)
    yield from _related_section(index, q, here)
    yield from _asked_section(index, q, here)
    yield from sources_section(index, question_refs(index, q), here)


def tag_chips(index: Index, tags: list[str], here: str) -> Iterator[str]:
    """The question's tags as Material's chips, linked to the tag pages (built here, not by Material's
    tags plugin, whose listings cost tags × pages at build time)."""
    chips = " ".join(md.link(index.tags[t].name, here, P.tag(t)) + "{ .md-tag }" for t in tags)
    yield f'<nav class="md-tags" aria-label="标签" markdown="span">{chips}</nav>'
    yield ""


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
    yield "分类：" + md.link(index.categories[q.category].name, here, P.category(q.category))
    count = frequency(q)
    if count:
        hot = "**高频** · " if index.is_hot(q) else ""
        yield f"{hot}[被问过 {count} 次](#asked)"
    companies = dict.fromkeys(o.company for o in q.asked if o.company)
    if companies:
        yield "公司：" + "、".join(md.link(index.companies[c].name, here, P.company(c)) for c in companies)
    rounds = [rid for rid in index.rounds if any(o.round == rid for o in q.asked)]
    if rounds:
        yield "轮次：" + "、".join(md.link(index.rounds[r].name, here, P.round_(r)) for r in rounds)


def _asked_section(index: Index, q: Question, here: str) -> Iterator[str]:
    if not q.asked:
        return
    yield md.heading(2, f"被问过 {frequency(q)} 次", "asked", exclude=True)
    for occurrence in sorted(set(q.asked), key=occurrence_key):
        yield f"- {occurrence_line(index, occurrence, here)}"
    yield ""


def occurrence_line(index: Index, o: Occurrence, here: str) -> str:
    """Where and when one occurrence was asked: company · round · date · position · source."""
    parts = [md.link(index.companies[o.company].name, here, P.company(o.company)) if o.company else UNKNOWN_COMPANY]
    if o.round:
        parts.append(md.link(index.rounds[o.round].name, here, P.round_(o.round)))
    if o.date:
        parts.append(md.text(o.date))
    if o.position:
        parts.append(POSITIONS[o.position])
    src = index.sources[o.source]
    where = md.link(f"《{src.title}》", here, P.source(o.source))
    if o.line is not None:
        where += f" {locator(o.section, [o.line], raw=src.raw is not None)}"
    return " · ".join(parts) + f"（出处：{where}）"


UNKNOWN_COMPANY = "未知公司"


def locator(section: str | None, lines: list[int], raw: bool = False) -> str:
    """``面试题目 第 3、5 条``, ``问题 E1``; in raw notes (numbered by physical line) ``二面，第 12 行``."""
    numbers = "、".join(str(n) for n in lines)
    if raw:
        return (f"{md.text(section)}，" if section else "") + f"第 {numbers} 行"
    if section == "E":
        return "问题 " + "、".join(f"E{n}" for n in lines)
    if section:
        return f"{md.text(section)} 第 {numbers} 条"
    return f"第 {numbers} 行"


def _tag_link(index: Index, tag_id: str, here: str) -> str:
    tag = index.tags[tag_id]
    label = md.link(tag.name, here, P.tag(tag_id))
    if tag.synonyms:
        label += "（又称 " + "、".join(md.text(s) for s in tag.synonyms) + "）"
    return label


def _frameworks_section(index: Index, q: Question, here: str) -> Iterator[str]:
    """Each framework's name, summary and step titles, with a link to its page (not the whole text)."""
    if not q.frameworks:
        return
    yield md.heading(2, "答题框架", "frameworks")
    for fid in q.frameworks:
        fw = index.frameworks[fid]
        steps = " → ".join(md.text(step.title) for step in fw.steps)
        yield f"- **{md.link(fw.name, here, P.framework(fid))}**：{md.text(fw.summary)}<br>步骤：{steps}"
    yield ""


def steps_list(fw: Framework) -> Iterator[str]:
    """Numbered framework steps with their points as sub-bullets."""
    for i, step in enumerate(fw.steps, 1):
        yield f"{i}. **{md.text(step.title)}**"
        for point in step.points:
            yield f"    - {md.text(point)}"


def _cases_section(index: Index, q: Question, here: str) -> Iterator[str]:
    if not q.cases:
        return
    yield md.heading(2, "示例", "examples")
    for cid in q.cases:
        yield from case_block(index.cases[cid], here, link_to_page=True)
        yield ""


def case_block(case: Case, here: str, link_to_page: bool) -> Iterator[str]:
    """An admonition with 背景 / 过程 / 结果; labelled as illustration or adaptation."""
    kind = "example" if case.kind == "illustration" else "info"
    yield f'!!! {kind} "{CASE_LABELS[case.kind]}：{_quote(case.title)}"'
    yield ""
    yield f"    **背景**：{md.text(case.background)}"
    yield ""
    yield "    **过程**："
    yield ""
    yield from (f"    {i}. {md.text(step)}" for i, step in enumerate(case.steps, 1))
    yield ""
    yield f"    **结果**：{md.text(case.result)}"
    if link_to_page:
        yield ""
        yield f"    {md.link('案例页', here, P.case(case.id))}"


def _quote(title: str) -> str:
    return md.text(title).replace('"', "“")


def _tips_section(index: Index, tips: list[Tip], here: str) -> Iterator[str]:
    if not tips:
        return
    yield md.heading(2, "相关面经", "tips")
    for tip in tips:
        kind = index.tip_kinds[tip.kind]
        yield f"- {md.text(tip.text)}（{md.link(kind.name, here, P.tip_kind(tip.kind), tip.id)}）"
    yield ""


def _related_section(index: Index, q: Question, here: str) -> Iterator[str]:
    related = index.related(q)
    if not related:
        return
    yield md.heading(2, "相关题目", "related", exclude=True)
    for rel in related:
        shared = "、".join(md.text(t.name) for t in rel.shared)
        yield f"- {md.link(rel.question.title, here, P.question(rel.question.id))}（共同标签：{shared}）"
    yield ""


def sources_section(index: Index, refs: list[SourceRef], here: str) -> Iterator[str]:
    """Attribution: title, author, date, URL, licence, and the numbered lines used."""
    if not refs:
        return
    yield md.heading(2, "出处", "sources", exclude=True)
    for ref in refs:
        yield f"- {source_line(index, ref)}"
    licences = sorted({index.sources[r.source].licence for r in refs if index.sources[r.source].url})
    for licence in licences:
        yield ""
        yield f"_{md.text(licence)}_"
    yield ""


def source_line(index: Index, ref: SourceRef) -> str:
    src = index.sources[ref.source]
    parts = [f"{md.text(src.author)}《{md.text(src.title)}》", md.text(src.date)]
    if src.url:
        parts.append(f"<{src.url}>")
    where = locator(ref.section, ref.lines, raw=src.raw is not None) if ref.lines else ""
    return "，".join(parts) + (f"；{where}" if where else "")


def framework_page(index: Index, fw: Framework) -> str:
    here = P.framework(fw.id)
    meta = {"title": f"答题框架：{fw.name}", "description": md.describe(fw.summary), "search": {"boost": HUB_BOOST}}
    return md.page(meta, _framework_body(index, fw, here))


def _framework_body(index: Index, fw: Framework, here: str) -> Iterator[str]:
    yield md.heading(1, fw.name, "framework")
    yield ""
    yield md.text(fw.summary)
    yield ""
    yield md.heading(2, "适用场景", "when")
    yield from (f"- {md.text(w)}" for w in fw.when)
    yield ""
    yield md.heading(2, "步骤", "steps")
    yield from steps_list(fw)
    yield ""
    if fw.pitfalls:
        yield md.heading(2, "常见错误", "pitfalls")
        yield from (f"- {md.text(p)}" for p in fw.pitfalls)
        yield ""
    questions = index.questions_by_framework.get(fw.id, [])
    yield md.heading(2, f"用到这个框架的题目（{len(questions)}）", "questions", exclude=True)
    yield from (f"- {md.link(q.title, here, P.question(q.id))}" for q in questions)
    if not questions:
        yield "暂无。"
    yield ""
    yield from sources_section(index, fw.sources, here)


def case_page(index: Index, case: Case) -> str:
    here = P.case(case.id)
    meta = {"title": f"案例：{case.title}", "description": md.describe(case.background)}
    return md.page(meta, _case_body(index, case, here))


def _case_body(index: Index, case: Case, here: str) -> Iterator[str]:
    yield md.heading(1, case.title, "case")
    yield ""
    yield from case_block(case, here, link_to_page=False)
    yield ""
    questions = index.questions_by_case.get(case.id, [])
    yield md.heading(2, "对应题目", "questions", exclude=True)
    yield from (f"- {md.link(q.title, here, P.question(q.id))}" for q in questions)
    if not questions:
        yield "暂无。"
    yield ""
    yield from sources_section(index, case.sources, here)
