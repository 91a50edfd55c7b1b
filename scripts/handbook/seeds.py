"""Seed files: split them into numbered units and account for every one.

A unit is (source id, section, number): a numbered line in a fenced block under a
``#`` heading (``面试题目``/``面试经验``), or an article question ``## 问题 E3``
(section ``E``). Numbered steps in an article's prose are not units.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .handbook import Handbook
from .model import SourceRef
from .problems import Problem, field_path

_HEADING = re.compile(r"^#\s+(?P<name>\S.*?)\s*$")
_NUMBERED = re.compile(r"^(?P<n>\d+)\.\s+(?P<text>\S.*?)\s*$")
_ARTICLE_QUESTION = re.compile(r"^##\s+问题\s*E(?P<n>\d+)[：:]\s*(?P<text>.+?)\s*$")


@dataclass(frozen=True, order=True)
class Unit:
    """One countable piece of a seed file."""

    source: str
    section: str
    number: int
    text: str


def seeds_dir(root: Path) -> Path:
    """Where the seed files are: $HANDBOOK_SEEDS, else ../shared/seeds beside the repo."""
    env = os.environ.get("HANDBOOK_SEEDS")
    return Path(env) if env else root.resolve().parent / "shared" / "seeds"


def units(text: str, source: str) -> list[Unit]:
    """Every numbered unit of one seed file."""
    found: list[Unit] = []
    section = None
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif match := _ARTICLE_QUESTION.match(line):
            found.append(Unit(source, "E", int(match["n"]), match["text"]))
        elif not fenced and (match := _HEADING.match(line)):
            section = match["name"]
        elif fenced and section and (match := _NUMBERED.match(line)):
            found.append(Unit(source, section, int(match["n"]), match["text"]))
    return found


def load_units(handbook: Handbook, directory: Path) -> list[Unit] | None:
    """Units of every source that names a seed file, or None if the seeds are absent."""
    if not directory.is_dir():
        return None
    result: list[Unit] = []
    found = False
    for source in handbook.sources:
        if source.seed and (directory / source.seed).is_file():
            found = True
            result.extend(units((directory / source.seed).read_text(encoding="utf-8"), source.id))
    return sorted(result) if found else None


def references(handbook: Handbook) -> Iterator[tuple[str, int, tuple[str | int, ...], SourceRef]]:
    """Every SourceRef in the data as (collection, index, field path, ref)."""
    for collection in ("questions", "tips", "omissions", "frameworks", "cases"):
        for index, entry in enumerate(getattr(handbook, collection)):
            for i, ref in enumerate(entry.sources):
                yield collection, index, ("sources", i), ref
    for index, question in enumerate(handbook.questions):
        for i, occurrence in enumerate(question.asked):
            if occurrence.line is not None:
                yield "questions", index, ("asked", i), SourceRef(source=occurrence.source, section=occurrence.section, lines=[occurrence.line])
    for index, company in enumerate(handbook.companies):
        for t, event in enumerate(company.timeline):
            for i, ref in enumerate(event.sources):
                yield "companies", index, ("timeline", t, "sources", i), ref


ACCOUNTING = ("questions", "tips", "omissions")
"""Collections whose references account for a seed unit."""


def accounted(handbook: Handbook) -> set[tuple[str, str, int]]:
    """(source, section, number) of every unit a question, tip or omission covers."""
    keys: set[tuple[str, str, int]] = set()
    for collection, _, _, ref in references(handbook):
        if collection in ACCOUNTING:
            keys.update((ref.source, ref.section or "", n) for n in ref.lines)
    return keys


def unaccounted(handbook: Handbook, all_units: list[Unit]) -> list[Unit]:
    """Seed units that no question, tip or omission covers."""
    covered = accounted(handbook)
    return [u for u in all_units if (u.source, u.section, u.number) not in covered]


def check_refs(handbook: Handbook, all_units: list[Unit]) -> list[Problem]:
    """Problems for references to sections or numbers that the seed files do not have."""
    seeded = {s.id for s in handbook.sources if s.seed}
    sections: dict[str, dict[str, set[int]]] = {}
    for unit in all_units:
        sections.setdefault(unit.source, {}).setdefault(unit.section, set()).add(unit.number)
    problems = []
    for collection, index, path, ref in references(handbook):
        if ref.source not in seeded or ref.source not in sections:
            continue
        known = sections[ref.source]
        if ref.section is None and not ref.lines:
            continue  # the whole source
        origin = handbook.origins[(collection, index)]
        entry = getattr(getattr(handbook, collection)[index], "id", None)
        if ref.section not in known:
            line, col = origin.position(path + ("section",)) or (None, None)
            message = f"出处 {ref.source} 没有小节 {ref.section!r}。可用小节：{'、'.join(sorted(known))}。"
            problems.append(Problem(origin.file, line, col, entry, field_path(path + ("section",)), message))
            continue
        for j, number in enumerate(ref.lines):
            if number not in known[ref.section]:
                number_path = path + ("line",) if path[0] == "asked" else path + ("lines", j)
                line, col = origin.position(number_path) or (None, None)
                top = max(known[ref.section])
                message = f"出处 {ref.source} 的小节 {ref.section} 没有第 {number} 条（编号范围 1–{top}）。"
                problems.append(Problem(origin.file, line, col, entry, field_path(number_path), message))
    return problems
