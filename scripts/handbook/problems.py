"""Problems found in the data, reported all at once with their location."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, with where it is and how to fix it."""

    file: str
    """Path of the YAML file, relative to the repository root."""
    line: int | None
    """1-based line, when known."""
    column: int | None
    """1-based column, when known."""
    entry: str | None
    """Id of the entry the problem is in, when known."""
    field: str | None
    """Dotted field path inside the entry, e.g. ``tags[1]``."""
    message: str
    """What is wrong and what would be valid (Chinese, for contributors)."""

    def format(self) -> str:
        """Render as ``file:line:col: 条目 id · 字段 f：message``."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        context = []
        if self.entry:
            context.append(f"条目 {self.entry}")
        if self.field:
            context.append(f"字段 {self.field}")
        prefix = f"{where}: " + (" · ".join(context) + "：" if context else "")
        return prefix + self.message


class DataError(Exception):
    """Raised once, with every problem found, when the data cannot be built."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problems")
        self.problems = sorted(set(problems), key=_sort_key)

    def report(self) -> str:
        """The full report shown to contributors."""
        lines = [p.format() for p in self.problems]
        lines.append(f"共发现 {len(self.problems)} 个问题，未写入任何文件。修正后重新运行。")
        return "\n".join(lines)


def _sort_key(problem: Problem) -> tuple[str, int, int, str, str, str]:
    return (problem.file, problem.line or 0, problem.column or 0, problem.message, problem.entry or "", problem.field or "")


def field_path(loc: tuple[str | int, ...]) -> str:
    """Turn a location tuple like ``('sources', 0, 'lines')`` into ``sources[0].lines``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def os_error_report(error: OSError) -> str:
    """A file the build could not read or write, for contributors (the CLI and the MkDocs hook say the same)."""
    return f"无法读写文件：{error.filename or ''}：{error.strerror}"
