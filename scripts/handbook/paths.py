"""Where each page lives under docs/. URLs derive from ids only."""

from __future__ import annotations

HOME = "index.md"
QUESTIONS = "questions/index.md"
CATEGORIES = "categories/index.md"
FRAMEWORKS = "frameworks/index.md"
CASES = "cases/index.md"
COMPANIES = "companies/index.md"
ROUNDS = "rounds/index.md"
TIPS = "tips/index.md"
TAGS = "tags/index.md"
SOURCES = "sources/index.md"
REFERENCE = "reference.md"
STATS = "stats/index.md"
PRACTICE = "practice/index.md"
STORIES = "stories/index.md"
ROUTES = "routes/index.md"
EXPORT = "export/handbook.json"
FACETS = "export/facets.json"
ANKI = "export/handbook.apkg"
"""The Anki deck (anki.py): written into the built site by the MkDocs hook, not into docs/ (it is binary)."""

GENERATED_DIRS = (
    "questions",
    "categories",
    "frameworks",
    "cases",
    "companies",
    "rounds",
    "tips",
    "tags",
    "sources",
    "stats",
    "practice",
    "stories",
    "routes",
    "export",
)
"""Directories under docs/ that the generator owns entirely."""
GENERATED_FILES = (HOME, REFERENCE)
"""Single generated files under docs/."""


def question(qid: str) -> str:
    return f"questions/{qid}.md"


def category(cid: str) -> str:
    return f"categories/{cid}.md"


def framework(fid: str) -> str:
    return f"frameworks/{fid}.md"


def case(cid: str) -> str:
    return f"cases/{cid}.md"


def company(cid: str) -> str:
    return f"companies/{cid}.md"


def round_(rid: str) -> str:
    return f"rounds/{rid}.md"


def tip_kind(kid: str) -> str:
    return f"tips/{kid}.md"


def tag(tid: str) -> str:
    return f"tags/{tid}.md"


def source(sid: str) -> str:
    return f"sources/{sid}.md"


def page_n(first: str, n: int) -> str:
    """Page ``n`` of a listing whose first page is ``first``: ``categories/data.md`` → ``categories/data/2.md``."""
    return first if n == 1 else f"{first.removesuffix('.md')}/{n}.md"
