"""Load → check → render, shared by the CLI and the MkDocs hook."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from .check import check
from .drafts import Drafts, apply_drafts, load_drafts
from .handbook import Handbook
from .load import load
from .problems import DataError, Problem
from .rawlines import check_raw
from .render import render_site, site_pages
from .seeds import Unit, check_refs, load_units, seeds_dir


def load_checked(root: Path, drafts: bool = False) -> tuple[Handbook, list[Unit] | None]:
    """The validated handbook and the seed units (None without seed files).

    The handbook comes without ``origins`` (the YAML line of every field): they serve the checks only.
    Drafts (data/drafts/) are always validated, on top of the data, but only
    included in the returned handbook with ``drafts=True`` (previews)."""
    data = root / "data"
    loaded = load(data, root)
    pending = load_drafts(data, root)
    if pending.problems:
        raise DataError(pending.problems)
    handbook = check(loaded)
    if pending.drafts:
        preview = check(apply_drafts(loaded, pending))
        _raise(check_raw(preview, data, root, copies=False))
        if drafts:
            handbook = preview
    _raise(check_raw(handbook, data, root))
    units = load_units(handbook, seeds_dir(root))
    if units is not None:
        _raise(check_refs(handbook, units))
    # Checked: the line of every field is no longer needed (a fifth of the memory of a large bank).
    return replace(handbook, origins={}), units


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise DataError(problems)


def pending_drafts(root: Path) -> Drafts:
    """The drafts waiting for review (already validated by load_checked)."""
    return load_drafts(root / "data", root)


def generate(root: Path, drafts: bool = False) -> dict[str, str]:
    """Every generated page for the data under ``root`` (with the drafts when asked); raises DataError."""
    handbook, _ = load_checked(root, drafts)
    return render_site(handbook)


def generate_pages(root: Path, drafts: bool = False) -> Iterator[tuple[str, str]]:
    """The same pages one at a time (checked first: a DataError comes before any page)."""
    handbook, _ = load_checked(root, drafts)
    return site_pages(handbook)
