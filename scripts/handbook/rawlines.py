"""Raw notes kept under data/raw/: every non-blank line must end up somewhere, in our own words.

A source imported with ``handbook import`` names its raw file (``raw:``). Each
non-blank line of that file must be referenced by a question's ``asked`` (line),
a question's or tip's ``sources`` (lines), or an omission with its reason, so
nothing a contributor pasted is dropped silently. References to lines the file
does not have, or to blank lines, are errors too. And the prose of the entries
that cite a raw file (考察点, 答题要点, 面经 …) may not copy a run of COPY_RUN
characters from it: question titles record what was asked and may keep its wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .handbook import Handbook
from .problems import Problem, field_path
from .seeds import references

RAW_DIR = "raw"


def raw_lines(path: Path) -> dict[int, str]:
    """Non-blank lines of a raw file by 1-based number (UTF-8; a BOM is ignored)."""
    text = path.read_text(encoding="utf-8-sig")
    return {n: line for n, line in enumerate(text.splitlines(), 1) if line.strip()}


def check_raw(handbook: Handbook, data_dir: Path, root: Path, copies: bool = True) -> list[Problem]:
    """Problems for missing raw files, references to lines they lack, lines nothing accounts for and,
    with ``copies``, prose copied from them (not checked in drafts, whose tips start as the raw text)."""
    problems: list[Problem] = []
    lines: dict[str, dict[int, str]] = {}
    for index, source in enumerate(handbook.sources):
        if not source.raw:
            continue
        file = data_dir / RAW_DIR / source.raw
        if not file.is_file() or file.parent != data_dir / RAW_DIR:
            problems.append(
                _at(handbook, "sources", index, source.id, ("raw",), f"找不到原始笔记 data/{RAW_DIR}/{source.raw}：raw 写的是 data/{RAW_DIR}/ 下的文件名。")
            )
            continue
        try:
            lines[source.id] = raw_lines(file)
        except (UnicodeDecodeError, OSError):
            problems.append(
                _at(handbook, "sources", index, source.id, ("raw",), f"data/{RAW_DIR}/{source.raw} 不是 UTF-8 文本：用 handbook import 导入会自动转换。")
            )
    covered: dict[str, set[int]] = {sid: set() for sid in lines}
    for collection, index, where, ref in references(handbook):
        if ref.source not in lines:
            continue
        for j, number in enumerate(ref.lines):
            covered[ref.source].add(number)
            if number not in lines[ref.source]:
                at = where + ("line",) if where[0] == "asked" else where + ("lines", j)
                entry = getattr(getattr(handbook, collection)[index], "id", None)
                raw = next(s.raw for s in handbook.sources if s.id == ref.source)
                problems.append(_at(handbook, collection, index, entry, at, f"原始笔记 data/{RAW_DIR}/{raw} 没有第 {number} 行（或那一行是空行）。"))
    if copies:
        problems += _copies(handbook, lines)
    for source in handbook.sources:
        if source.id in lines:
            missing = sorted(set(lines[source.id]) - covered[source.id])
            if missing:
                raw_file = f"data/{RAW_DIR}/{source.raw}"
                message = (
                    f"第 {_ranges(missing)} 行没有去处：原始笔记的每一行都要被题目的 asked、题目或面经的 sources，"
                    f"或 omissions.yaml（写明略去的理由）引用（出处 {source.id}）。"
                )
                problems.append(Problem(raw_file, missing[0], None, None, None, message))
    return problems


def _ranges(numbers: list[int]) -> str:
    """3、7–9、12"""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [0]:
        if n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = n
    return "、".join(parts)


def _at(handbook: Handbook, collection: str, index: int, entry: str | None, path: tuple[str | int, ...], message: str) -> Problem:
    origin = handbook.origins.get((collection, index))
    if origin is None:
        return Problem("data", None, None, entry, field_path(path), message)
    line, col = origin.position(path) or (None, None)
    return Problem(origin.file, line, col, entry, field_path(path), message)


def unused(handbook: Handbook, data_dir: Path) -> Iterator[str]:
    """Raw files no source names (left behind by a deleted draft, say)."""
    named = {s.raw for s in handbook.sources if s.raw}
    folder = data_dir / RAW_DIR
    if folder.is_dir():
        yield from (p.name for p in sorted(folder.iterdir()) if p.is_file() and p.name not in named)


COPY_RUN = 15
"""Characters in a row that count as copied (the same rule as for the seed article)."""

_MARKERS = re.compile(r"^\s*(?:[-*>#]+|\d+[.、)）]|[（(]\d+[)）]|[①-⑳]|[一二三四五六七八九十]+、|[QAqa问答][:：])\s*")
_SPACES = re.compile(r"\s+")


def _windows(text: str) -> set[str]:
    flat = _SPACES.sub("", text)
    return {flat[i : i + COPY_RUN] for i in range(len(flat) - COPY_RUN + 1)}


def _prose(entry: object) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(field path, text) of an entry's own prose; question titles are not prose."""
    for name in ("intent", "text", "summary", "background", "result", "outline", "pitfalls", "when", "steps"):
        value = getattr(entry, name, None)
        if isinstance(value, str):
            yield (name,), value
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    yield (name, i), item


def _copies(handbook: Handbook, lines: dict[str, dict[int, str]]) -> list[Problem]:
    """Prose of entries citing a raw file that repeats COPY_RUN characters of it."""
    problems: list[Problem] = []
    windows = {sid: {w: n for n, line in raw.items() for w in _windows(_MARKERS.sub("", line))} for sid, raw in lines.items()}
    cited: dict[tuple[str, int], set[str]] = {}
    for collection, index, _, ref in references(handbook):
        if ref.source in windows:
            cited.setdefault((collection, index), set()).add(ref.source)
    for (collection, index), sources in sorted(cited.items()):
        entry = getattr(handbook, collection)[index]
        for path, text in _prose(entry):
            flat = _SPACES.sub("", text)
            for sid in sorted(sources):
                hit = next((flat[i : i + COPY_RUN] for i in range(len(flat) - COPY_RUN + 1) if flat[i : i + COPY_RUN] in windows[sid]), None)
                if hit:
                    raw = next(s.raw for s in handbook.sources if s.id == sid)
                    message = f"与原始笔记 data/{RAW_DIR}/{raw} 第 {windows[sid][hit]} 行有 {COPY_RUN} 个字以上相同（“{hit}”）：请用自己的话改写（只有题目文字可以照录）。"
                    problems.append(_at(handbook, collection, index, getattr(entry, "id", None), path, message))
                    break
    return problems
