"""One JSON export of the whole question bank.

The question browser's filters (and, to come, practice mode) read this file, so it carries
everything a question page shows, with ids resolved to names and URLs. The Anki deck is made
from the data directly (anki.py).
"""

from __future__ import annotations

import json
from typing import Any

from . import filters
from . import paths as P
from .model import Occurrence, Question
from .relations import Index, companies_of, frequency, occurrence_key

FORMAT_VERSION = 2
"""2: a question's single company/round became ``asked`` occurrences, with ``frequency``."""


def url_of(path: str) -> str:
    """Site URL (relative to the site root) of a docs path, directory style."""
    stem = path.removesuffix(".md")
    stem = stem.removesuffix("index")
    return stem if stem.endswith("/") or not stem else stem + "/"


def export(index: Index) -> str:
    """The export as deterministic JSON text."""
    data = {
        "version": FORMAT_VERSION,
        "categories": [{"id": c.id, "name": c.name, "url": url_of(P.category(c.id))} for c in index.categories.values()],
        "companies": [{"id": c.id, "name": c.name, "aliases": c.aliases, "url": url_of(P.company(c.id))} for c in index.companies.values()],
        "rounds": [{"id": r.id, "name": r.name, "url": url_of(P.round_(r.id))} for r in index.rounds.values()],
        "tags": [{"id": t.id, "name": t.name, "synonyms": t.synonyms, "url": url_of(P.tag(t.id))} for t in index.tags.values()],
        "frameworks": [_framework(index, fid) for fid in index.frameworks],
        "questions": [_question(index, q) for q in index.questions.values()],
    }
    return _one_entry_a_line(data)


def _one_entry_a_line(data: dict[str, Any]) -> str:
    """JSON with each top-level key, and each entry of a top-level list, on a line of its own: a change to one
    question is a one-line diff, and every line is encoded by json's C encoder (an indented dump takes its
    pure-Python path: a second at 10,000 questions)."""

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def member(value: Any) -> str:
        if isinstance(value, list) and value:
            return "[\n" + ",\n".join(compact(item) for item in value) + "\n]"
        return compact(value)

    return "{\n" + ",\n".join(f"{compact(key)}:{member(value)}" for key, value in data.items()) + "\n}\n"


def _framework(index: Index, fid: str) -> dict[str, Any]:
    fw = index.frameworks[fid]
    return {
        "id": fw.id,
        "name": fw.name,
        "summary": fw.summary,
        "steps": [{"title": s.title, "points": s.points} for s in fw.steps],
        "url": url_of(P.framework(fw.id)),
    }


def _question(index: Index, q: Question) -> dict[str, Any]:
    return {
        "id": q.id,
        "title": q.title,
        "url": url_of(P.question(q.id)),
        "category": q.category,
        "tags": q.tags,
        "asked": [_occurrence(o) for o in sorted(set(q.asked), key=occurrence_key)],
        "frequency": frequency(q),
        "companies": companies_of(q),
        "rounds": index.rounds_of(q),
        "intent": q.intent,
        "background": q.background,
        "outline": q.outline,
        "frameworks": q.frameworks,
        "pitfalls": q.pitfalls,
        "type": q.type,
        "origin": q.origin,
        "time": q.time,
        "opening": q.opening,
        "followups": [{"question": f.question, "hint": f.hint} for f in q.followups],
        "signals": {"strong": q.signals.strong, "weak": q.signals.weak} if q.signals else None,
        "cases": [
            {"id": c.id, "title": c.title, "kind": c.kind, "background": c.background, "steps": c.steps, "result": c.result}
            for c in (index.cases[cid] for cid in q.cases)
        ],
        "sources": [{"source": r.source, "section": r.section, "lines": r.lines} for r in q.sources],
    }


def _occurrence(o: Occurrence) -> dict[str, Any]:
    fields = {"source": o.source, "section": o.section, "line": o.line, "company": o.company, "round": o.round, "date": o.date, "position": o.position}
    return {key: value for key, value in fields.items() if value is not None}


FACETS_VERSION = 1


def facets(index: Index) -> str:
    """What the question browser needs to filter and rank a large bank, compactly: one row per question,
    ``[id, title, category, tags, companies, rounds, frequency]``; occurrences without a company count as
    ``unknown``. Question URLs are ``questions/<id>/``."""
    rows = [
        [
            q.id,
            q.title,
            q.category,
            q.tags,
            list(dict.fromkeys(o.company or filters.UNKNOWN_COMPANY_ID for o in q.asked)),
            index.rounds_of(q),
            frequency(q),
        ]
        for q in index.questions.values()
    ]
    data = {
        "version": FACETS_VERSION,
        "categories": [{"id": c.id, "name": c.name} for c in index.categories.values()],
        "companies": [{"id": c.id, "name": c.name} for c in index.companies.values()],
        "rounds": [{"id": r.id, "name": r.name} for r in index.rounds.values()],
        "tags": [{"id": t.id, "name": t.name, "synonyms": t.synonyms} for t in index.tags.values()],
        "questions": rows,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
