"""The no-op fast path of ``handbook build``: skip everything when nothing changed.

A build records a fingerprint of its inputs (every data file, the generator's own
code, the seed files) and a manifest of the generated tree (path, size, mtime of
each file). The next build compares both before loading anything: when the inputs
hash the same and no generated file was touched, added or removed, the pages on
disk are exactly what the build would write, so it writes nothing and says so.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .site import generated_on_disk

STAMP = Path(".cache") / "handbook-build.json"
"""Where the fingerprint and manifest live, relative to the repository root (ignored by git)."""

CODE = Path(__file__).resolve().parent


def fingerprint(root: Path, seeds: Path) -> str:
    """A hash of everything the generated pages depend on."""
    digest = hashlib.sha256()
    files = [(f"data/{p.relative_to(root / 'data').as_posix()}", p) for p in sorted((root / "data").rglob("*"))]
    files += [(f"code/{p.name}", p) for p in sorted(CODE.glob("*.py"))]
    files += [(f"seeds/{p.name}", p) for p in sorted(seeds.glob("*"))] if seeds.is_dir() else []
    # Files are named relative to their folder: `handbook build` (root ".") and the MkDocs hook (an absolute
    # root) must agree, or each would redo the other's work.
    for name, path in files:
        # Every name counts, files or not: a dangling link or a stray folder changes what the loader reports.
        digest.update(name.encode("utf-8") + (b"\1" if path.is_file() else b"\2"))
        if path.is_file():
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def build_inputs(root: Path, seeds: Path, drafts: bool) -> str:
    """The fingerprint of a build with or without the drafts (a preview with drafts writes other pages)."""
    return fingerprint(root, seeds) + ("+drafts" if drafts else "")


def manifest(docs: Path) -> dict[str, list[int]]:
    """Generated path → [size, mtime_ns], as on disk now."""
    result = {}
    for rel in sorted(generated_on_disk(docs)):
        info = (docs / rel).stat()
        result[rel] = [info.st_size, info.st_mtime_ns]
    return result


def up_to_date(root: Path, docs: Path, inputs: str) -> bool:
    """True when the last build saw the same inputs and left the generated tree as it is now."""
    try:
        saved = json.loads((root / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(saved.get("inputs") == inputs and saved.get("manifest") == manifest(docs))


def record(root: Path, docs: Path, inputs: str) -> None:
    """Remember this build's inputs and the tree it left (best effort: a failure only costs speed)."""
    try:
        (root / STAMP).parent.mkdir(exist_ok=True)
        (root / STAMP).write_text(json.dumps({"inputs": inputs, "manifest": manifest(docs)}), encoding="utf-8")
    except OSError:
        pass
