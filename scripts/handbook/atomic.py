"""Replacing a file in one step: data files and drafts are never seen half-written."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_text(target: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to a temporary file beside ``target``, then rename it over
    ``target``, keeping the mode of the file it replaces.

    The temporary name, ``.<name>.<random>.tmp``, never matches the ``*.yaml`` and ``*.md`` files the
    loader and MkDocs read, even if the process dies before the rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        if target.exists():
            shutil.copymode(target, temporary)
        else:
            os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide a new page or data file from other users
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
