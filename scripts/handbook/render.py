"""The generator: a pure function from a checked Handbook to ``{docs path: text}``."""

from __future__ import annotations

from . import hubs, pages
from . import paths as P
from .export import export, facets
from .handbook import Handbook
from .reference import reference_page
from .relations import Index


def render_site(handbook: Handbook) -> dict[str, str]:
    """Every generated page and file, keyed by path under docs/, in sorted order."""
    index = Index(handbook)
    out: dict[str, str] = {
        P.HOME: hubs.home(index),
        P.REFERENCE: reference_page(),
        P.QUESTIONS: hubs.questions_index(index),
        P.CATEGORIES: hubs.categories_index(index),
        P.FRAMEWORKS: hubs.frameworks_index(index),
        P.CASES: hubs.cases_index(index),
        P.COMPANIES: hubs.companies_index(index),
        P.ROUNDS: hubs.rounds_index(index),
        P.TIPS: hubs.tips_index(index),
        P.TAGS: hubs.tags_index(index),
        P.SOURCES: hubs.sources_page(index),
        P.EXPORT: export(index),
        P.FACETS: facets(index),
    }
    out.update({P.question(qid): pages.question_page(index, q) for qid, q in index.questions.items()})
    out.update({P.framework(fid): pages.framework_page(index, f) for fid, f in index.frameworks.items()})
    out.update({P.case(cid): pages.case_page(index, c) for cid, c in index.cases.items()})
    for cid in index.categories:
        out.update(hubs.category_pages(index, cid))
    out.update({P.company(cid): hubs.company_page(index, cid) for cid in index.companies})
    for rid in index.rounds:
        out.update(hubs.round_pages(index, rid))
    out.update({P.tip_kind(kid): hubs.tip_kind_page(index, kid) for kid in index.tip_kinds})
    for tid in index.tags:
        out.update(hubs.tag_pages(index, tid))
    out.update({P.source(sid): hubs.source_page(index, sid) for sid in index.sources})
    return dict(sorted(out.items()))
