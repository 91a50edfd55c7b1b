"""The filter controls that 题目总览 and 练习 share: per vocabulary, the values some question has, with counts.

They are written into the page at build time, so the controls are there from the first paint (a form that a
script drew after loading data would push the list down: Lighthouse's layout shift) and no data has to be
fetched to draw them."""

from __future__ import annotations

from . import markup as H
from .pages import UNKNOWN_COMPANY
from .relations import Index

UNKNOWN_COMPANY_ID = "unknown"
"""The facet value of occurrences without a company, in the controls, the list items and export/facets.json
(never a real company id: check.py reserves it)."""

KINDS = (("category", "分类", "全部分类"), ("company", "公司", "全部公司"), ("round", "轮次", "全部轮次"), ("tag", "标签", "全部标签"))
"""Each filter kind: its key (the URL parameter and the list items' data attribute), label and "any" option."""

Choice = tuple[str, str, int]
"""A filter value: id, name, how many questions have it."""


def choices(index: Index) -> dict[str, list[Choice]]:
    """Per filter kind, the values in the order the control lists them; tags by how many questions carry them."""
    companies = [(c.id, c.name, len(index.questions_by_company.get(c.id, []))) for c in index.companies.values()]
    tags = [(t.id, t.name, len(index.questions_by_tag.get(t.id, []))) for t in index.tags.values()]
    return {
        "category": [(c.id, c.name, len(index.questions_by_category.get(c.id, []))) for c in index.categories.values()],
        "company": [*companies, (UNKNOWN_COMPANY_ID, UNKNOWN_COMPANY, len(index.unknown_company_questions))],
        "round": [(r.id, r.name, len(index.questions_by_round.get(r.id, []))) for r in index.rounds.values()],
        "tag": sorted(tags, key=lambda entry: (-entry[2], entry[0])),
    }


def select(control_id: str, key: str, everything: str, entries: list[Choice]) -> str:
    """A select listing only the values some question has, as 名称（count）; each option keeps its bare name in
    data-name, so a script can recount it under other filters."""
    options = "".join(
        f'<option value="{H.attr(value)}" data-name="{H.attr(name)}">{H.text(name)}（{count}）</option>' for value, name, count in entries if count
    )
    return f'<select id="{control_id}" name="{key}"><option value="">{everything}</option>{options}</select>'


def field(css: str, control_id: str, label: str, control: str) -> str:
    return f'<div class="{css}"><label for="{control_id}">{label}</label>{control}</div>'
