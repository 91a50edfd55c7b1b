"""The loaded handbook: every entity, plus where each came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import (
    Case,
    Category,
    Company,
    Framework,
    Omission,
    Question,
    Round,
    Settings,
    Source,
    Story,
    Tag,
    Tip,
    TipKind,
)
from .yamlpos import Path


@dataclass(frozen=True)
class Origin:
    """The file an entry came from and the line of each of its fields."""

    file: str
    """Repository-relative path of the YAML file."""
    index: int
    """Position of the entry in the file's top-level list."""
    lines: dict[Path, tuple[int, int]] = field(default_factory=dict, compare=False)
    """Field path (relative to the entry) → (line, column)."""

    def position(self, path: Path = ()) -> tuple[int, int] | None:
        """Line and column of a field, falling back to the entry itself."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


@dataclass(frozen=True)
class Handbook:
    """Everything under data/, validated and sorted."""

    categories: tuple[Category, ...]
    tags: tuple[Tag, ...]
    companies: tuple[Company, ...]
    rounds: tuple[Round, ...]
    tip_kinds: tuple[TipKind, ...]
    sources: tuple[Source, ...]
    frameworks: tuple[Framework, ...]
    cases: tuple[Case, ...]
    questions: tuple[Question, ...]
    tips: tuple[Tip, ...]
    omissions: tuple[Omission, ...]
    stories: tuple[Story, ...] = ()
    """The 故事库 (data/stories.yaml, optional)."""
    settings: Settings = field(default_factory=Settings)
    origins: dict[tuple[str, int], Origin] = field(default_factory=dict, compare=False)
    """(collection, index in that collection) → origin, for error messages."""
