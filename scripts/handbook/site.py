"""The only module that writes pages: sync the generated tree into docs/."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import paths as P
from .atomic import write_text
from .problems import DataError, Problem


@dataclass
class SyncReport:
    """What a sync changed (or, in check mode, would change)."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed)


def generated_on_disk(docs: Path) -> set[str]:
    """Paths under docs/ that belong to the generator (its directories and files)."""
    found = {f for f in P.GENERATED_FILES if (docs / f).is_file()}
    for directory in P.GENERATED_DIRS:
        root = docs / directory
        if root.is_dir():
            found.update(p.relative_to(docs).as_posix() for p in root.rglob("*") if p.is_file())
    return found


Pages = Mapping[str, str] | Iterable[tuple[str, str]]
"""Generated pages: a ``{path: text}`` mapping, or (path, text) pairs produced one at a time."""


def plan(docs: Path, pages: Pages) -> SyncReport:
    """Compare the wanted pages with docs/ without touching it."""
    return _walk(docs, pages, write=False)


def sync(docs: Path, pages: Pages) -> SyncReport:
    """Write changed pages atomically, delete generated pages whose data is gone."""
    report = _walk(docs, pages, write=True)
    for path in report.removed:
        (docs / path).unlink()
    _remove_empty_dirs(docs)
    return report


def _walk(docs: Path, pages: Pages, write: bool) -> SyncReport:
    _refuse_links(docs)
    report = SyncReport()
    wanted = set()
    for path, content in pages.items() if isinstance(pages, Mapping) else pages:
        wanted.add(path)
        target = docs / path
        data = content.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        report.written.append(path)
        if write:
            write_text(target, content)
    report.written.sort()
    report.removed = sorted(generated_on_disk(docs) - wanted)
    return report


def _refuse_links(docs: Path) -> None:
    """Stop before writing through a symbolic link in the generated tree: it could point anywhere,
    and the sync deletes files it does not generate."""
    candidates = [docs, *(docs / d for d in P.GENERATED_DIRS), *(docs / f for f in P.GENERATED_FILES)]
    for directory in P.GENERATED_DIRS:
        for base, dirs, files in os.walk(docs / directory):
            candidates += [Path(base, name) for name in dirs + files]
    links = [p for p in candidates if p.is_symlink()]
    if links:
        where = links[0].relative_to(docs.parent).as_posix() if links[0].is_relative_to(docs.parent) else str(links[0])
        raise DataError([Problem(where, None, None, None, None, LINK_REFUSED)])


LINK_REFUSED = "是符号链接：生成的页面不会经过链接写到别处（同步时还会删除多余的文件）。请删除这个链接后重新生成。"


def _remove_empty_dirs(docs: Path) -> None:
    for directory in P.GENERATED_DIRS:
        root = docs / directory
        if not root.is_dir():
            continue
        for sub in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True) + [root]:
            if not any(sub.iterdir()):
                sub.rmdir()
