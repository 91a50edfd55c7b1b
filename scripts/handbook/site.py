"""The only module that writes pages: sync the generated tree into docs/.

A sync never leaves docs/ half-generated. Changed pages are first written into a staging tree beside
docs/ (``.docs-next/``); only when every page is there does a journal, written in one rename, commit
the swap: staged pages are renamed into docs/ and stale ones deleted. A process killed while pages are
generated leaves docs/ as it was (the next sync throws the staging tree away); one killed during the
swap (renames only, a fraction of a second) leaves a journal, and the next sync finishes that swap
before anything else.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import paths as P
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
    return _walk(docs, pages, None)


def sync(docs: Path, pages: Pages) -> SyncReport:
    """Write changed pages and delete generated pages whose data is gone, as one swap (see the module doc)."""
    recover(docs)
    staging = staging_dir(docs)
    try:
        report = _walk(docs, pages, staging / PAGES)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # nothing committed: docs/ is as it was
        raise
    if report.changed:
        staging.mkdir(exist_ok=True)
        journal = {"written": report.written, "removed": report.removed}
        partial = staging / f".{JOURNAL}.tmp"
        partial.write_text(json.dumps(journal, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, staging / JOURNAL)  # the commit point
        _swap(docs, staging, journal)
    return report


def staging_dir(docs: Path) -> Path:
    """Where a sync stages its pages: ``.docs-next/`` beside docs/ (same file system, so renames are atomic)."""
    return docs.parent / f".{docs.name}-next"


PAGES = "pages"
JOURNAL = "swap.json"
"""In the staging tree: the staged pages, and the journal whose presence means they are complete."""


def recover(docs: Path) -> bool:
    """Finish a swap that a killed sync committed, or throw away pages it had not committed.

    Returns True when a swap was finished."""
    staging = staging_dir(docs)
    if staging.is_symlink():
        raise DataError([Problem(_shown(staging, docs), None, None, None, None, LINK_REFUSED)])
    if not staging.exists():
        return False
    journal = _read_journal(staging / JOURNAL)
    if journal is None:
        shutil.rmtree(staging)
        return False
    _swap(docs, staging, journal)
    return True


def _read_journal(path: Path) -> dict[str, list[str]] | None:
    """The journal's page lists, or None if it is missing or not one this module wrote (then nothing is swapped)."""
    try:
        journal = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    lists = [journal.get(key) for key in ("written", "removed")] if isinstance(journal, dict) else [None]
    if not all(isinstance(paths, list) and all(isinstance(p, str) and _generated(p) for p in paths) for paths in lists):
        return None
    return {"written": lists[0], "removed": lists[1]}  # type: ignore[dict-item]


def _generated(path: str) -> bool:
    """Whether ``path`` is a plain relative path inside the generated tree (a journal names nothing else)."""
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts) or "\\" in path:
        return False
    return path in P.GENERATED_FILES or (len(parts) > 1 and parts[0] in P.GENERATED_DIRS)


def _swap(docs: Path, staging: Path, journal: dict[str, list[str]]) -> None:
    """Move the staged pages into docs/, delete the removed ones, then drop the staging tree (journal last)."""
    for path in journal["written"]:
        staged = staging / PAGES / path
        if staged.is_file() and not staged.is_symlink():  # else moved already by a swap that was interrupted
            target = docs / path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
    for path in journal["removed"]:
        (docs / path).unlink(missing_ok=True)
    _remove_empty_dirs(docs)
    shutil.rmtree(staging / PAGES, ignore_errors=True)
    (staging / JOURNAL).unlink()
    staging.rmdir()


def _walk(docs: Path, pages: Pages, stage: Path | None) -> SyncReport:
    """Compare the pages with docs/; with ``stage``, write each changed page under it."""
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
        if stage is not None:
            staged = stage / path
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_bytes(data)
    report.written.sort()
    report.removed = sorted(generated_on_disk(docs) - wanted)
    return report


def _shown(path: Path, docs: Path) -> str:
    return path.relative_to(docs.parent).as_posix() if path.is_relative_to(docs.parent) else str(path)


def _refuse_links(docs: Path) -> None:
    """Stop before writing through a symbolic link in the generated tree: it could point anywhere,
    and the sync deletes files it does not generate."""
    candidates = [docs, *(docs / d for d in P.GENERATED_DIRS), *(docs / f for f in P.GENERATED_FILES)]
    for directory in P.GENERATED_DIRS:
        for base, dirs, files in os.walk(docs / directory):
            candidates += [Path(base, name) for name in dirs + files]
    links = [p for p in candidates if p.is_symlink()]
    if links:
        raise DataError([Problem(_shown(links[0], docs), None, None, None, None, LINK_REFUSED)])


LINK_REFUSED = "是符号链接：生成的页面不会经过链接写到别处（同步时还会删除多余的文件）。请删除这个链接后重新生成。"


def _remove_empty_dirs(docs: Path) -> None:
    for directory in P.GENERATED_DIRS:
        root = docs / directory
        if not root.is_dir():
            continue
        for sub in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True) + [root]:
            if not any(sub.iterdir()):
                sub.rmdir()
