"""The generator: a pure function from a checked Handbook to ``{docs path: text}`` (or the same pairs one by one)."""

from __future__ import annotations

from collections.abc import Iterator

from . import hubs, pages, practice, routespage, statspage, storiespage
from . import paths as P
from .export import export, facets
from .handbook import Handbook
from .reference import reference_page
from .relations import Index


def render_site(handbook: Handbook) -> dict[str, str]:
    """Every generated page and file, keyed by path under docs/, in sorted order."""
    return dict(sorted(site_pages(handbook)))


def site_pages(handbook: Handbook) -> Iterator[tuple[str, str]]:
    """Every generated page and file as (path under docs/, text), one at a time: a bank of 10,000
    questions makes about 150 MB of pages, which need not all be in memory at once."""
    index = Index(handbook)
    yield P.HOME, hubs.home(index)
    yield P.REFERENCE, reference_page()
    yield P.QUESTIONS, hubs.questions_index(index)
    yield P.CATEGORIES, hubs.categories_index(index)
    yield P.FRAMEWORKS, hubs.frameworks_index(index)
    yield P.CASES, hubs.cases_index(index)
    yield P.COMPANIES, hubs.companies_index(index)
    yield P.ROUNDS, hubs.rounds_index(index)
    yield P.TIPS, hubs.tips_index(index)
    yield P.TAGS, hubs.tags_index(index)
    yield P.SOURCES, hubs.sources_page(index)
    yield P.STATS, statspage.stats_page(index)
    yield P.PRACTICE, practice.practice_page(index)
    yield P.STORIES, storiespage.stories_page(index)
    yield P.ROUTES, routespage.routes_page(index)
    yield P.EXPORT, export(index)
    yield P.FACETS, facets(index)
    yield from ((P.question(qid), pages.question_page(index, q)) for qid, q in index.questions.items())
    yield from ((P.framework(fid), pages.framework_page(index, f)) for fid, f in index.frameworks.items())
    yield from ((P.case(cid), pages.case_page(index, c)) for cid, c in index.cases.items())
    for cid in index.categories:
        yield from hubs.category_pages(index, cid).items()
    yield from ((P.company(cid), hubs.company_page(index, cid)) for cid in index.companies)
    for rid in index.rounds:
        yield from hubs.round_pages(index, rid).items()
    yield from ((P.tip_kind(kid), hubs.tip_kind_page(index, kid)) for kid in index.tip_kinds)
    for tid in index.tags:
        yield from hubs.tag_pages(index, tid).items()
    yield from ((P.source(sid), hubs.source_page(index, sid)) for sid in index.sources)
