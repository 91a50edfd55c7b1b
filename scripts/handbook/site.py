"""The only module that writes pages: sync the generated tree into docs/."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import paths as P


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


def plan(docs: Path, pages: dict[str, str]) -> SyncReport:
    """Compare the wanted pages with docs/ without touching it."""
    report = SyncReport()
    for path, content in pages.items():
        target = docs / path
        if target.is_file() and target.read_bytes() == content.encode("utf-8"):
            report.unchanged += 1
        else:
            report.written.append(path)
    report.removed = sorted(generated_on_disk(docs) - set(pages))
    return report


def sync(docs: Path, pages: dict[str, str]) -> SyncReport:
    """Write changed pages atomically, delete generated pages whose data is gone."""
    report = plan(docs, pages)
    for path in report.written:
        _write_atomic(docs / path, pages[path])
    for path in report.removed:
        (docs / path).unlink()
    _remove_empty_dirs(docs)
    return report


def _write_atomic(target: Path, content: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_empty_dirs(docs: Path) -> None:
    for directory in P.GENERATED_DIRS:
        root = docs / directory
        if not root.is_dir():
            continue
        for sub in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True) + [root]:
            if not any(sub.iterdir()):
                sub.rmdir()
