"""Load → check → render, shared by the CLI and the MkDocs hook."""

from __future__ import annotations

from pathlib import Path

from .check import check
from .handbook import Handbook
from .load import load
from .problems import DataError
from .render import render_site
from .seeds import Unit, check_refs, load_units, seeds_dir


def load_checked(root: Path) -> tuple[Handbook, list[Unit] | None]:
    """The validated handbook and the seed units (None without seed files)."""
    handbook = check(load(root / "data", root))
    units = load_units(handbook, seeds_dir(root))
    if units is not None:
        problems = check_refs(handbook, units)
        if problems:
            raise DataError(problems)
    return handbook, units


def generate(root: Path) -> dict[str, str]:
    """Every generated page for the data under ``root``; raises DataError."""
    handbook, _ = load_checked(root)
    return render_site(handbook)
