"""Read data/ into a Handbook, collecting every problem with file and line."""

from __future__ import annotations

import difflib
import errno
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ValidationError

from .handbook import Handbook, Origin
from .messages import pydantic_message
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
from .problems import DataError, Problem, field_path
from .rawlines import RAW_DIR
from .traps import check_traps
from .yamlpos import Path, YamlSyntaxError, check_nesting, parse

COLLECTIONS: dict[str, tuple[str, type[BaseModel]]] = {
    "categories": ("categories.yaml", Category),
    "tags": ("tags.yaml", Tag),
    "companies": ("companies.yaml", Company),
    "rounds": ("rounds.yaml", Round),
    "tip_kinds": ("tip_kinds.yaml", TipKind),
    "sources": ("sources.yaml", Source),
    "omissions": ("omissions.yaml", Omission),
    "frameworks": ("frameworks", Framework),
    "cases": ("cases", Case),
    "questions": ("questions", Question),
    "tips": ("tips", Tip),
    "stories": ("stories.yaml", Story),
}
"""Collection name → (file or directory under data/, model). Directories hold *.yaml files."""

REQUIRED_FILES = ("categories.yaml", "tags.yaml", "rounds.yaml", "tip_kinds.yaml", "sources.yaml")

EMPTY_FILE = "文件是空的（或只有注释），里面没有任何条目：不再需要就删除这个文件；确实没有条目时写 []。"
"""An emptied file would drop its entries without a word."""

SETTINGS_FILE = "settings.yaml"
"""Optional mapping of site-wide settings (model Settings); defaults apply without it."""

OTHER_FILES = (SETTINGS_FILE, "import_rules.yaml")
"""Files under data/ besides the collections: the settings, and the rules handbook import reads (importer.py)."""

DRAFTS_DIR = "drafts"
"""Import drafts live in data/drafts/ (drafts.py reads them; the loader of data/ does not)."""

OTHER_DIRS = (DRAFTS_DIR, RAW_DIR)
"""Directories under data/ besides the collections: import drafts (drafts.py) and raw notes (rawlines.py)."""

NOT_UTF8 = "文件不是 UTF-8 编码：这一行有无法按 UTF-8 读取的字节 {byte}，多半是用 GBK 等编码保存的。请在编辑器里把文件另存为 UTF-8。"


def load(data_dir: FsPath, root: FsPath) -> Handbook:
    """Load and validate the schema of every file. Raises DataError with all problems."""
    problems: list[Problem] = []
    entries: dict[str, list[BaseModel]] = {}
    origins: dict[tuple[str, int], Origin] = {}
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), None, None, None, None, "数据目录不存在。")])
    for name, (location, model) in COLLECTIONS.items():
        entries[name] = []
        for path in _files(data_dir, location, problems, root):
            for item, origin in _load_file(path, root, model, problems):
                origins[(name, len(entries[name]))] = origin
                entries[name].append(item)
    settings = _load_settings(data_dir / SETTINGS_FILE, root, problems)
    problems += _stray(data_dir, root)
    if problems:
        raise DataError(problems)
    return Handbook(**{name: tuple(items) for name, items in entries.items()}, settings=settings, origins=origins)  # type: ignore[arg-type]


def _load_settings(path: FsPath, root: FsPath, problems: list[Problem]) -> Settings:
    if not path.is_file():
        return Settings()
    rel = repo_path(path, root)
    text = read_text(path, rel, problems)
    if text is None:
        return Settings()
    try:
        parsed = parse(text)
    except YamlSyntaxError as error:
        problems.append(Problem(rel, error.line, error.column, None, None, _syntax_message(error.message)))
        return Settings()
    for dup_path, line, col in parsed.duplicates:
        problems.append(Problem(rel, line, col, None, field_path(dup_path), f"重复的键 '{dup_path[-1]}'：每项设置只能写一次，请删除或合并其中一个。"))
    if parsed.data is None:
        return Settings()
    if not isinstance(parsed.data, dict):
        problems.append(Problem(rel, 1, 1, None, None, "设置文件应是“字段: 值”的映射，如 hot_threshold: 3。"))
        return Settings()
    item = _validate(parsed.data, Settings, Origin(rel, 0, parsed.lines), problems)
    return item if isinstance(item, Settings) else Settings()


def _files(data_dir: FsPath, location: str, problems: list[Problem], root: FsPath) -> list[FsPath]:
    path = data_dir / location
    if location.endswith(".yaml"):
        if path.is_file():
            return [path]
        misnamed = [p for p in _siblings(path) if _misnamed(p) and p.stem == path.stem]
        for p in misnamed:
            problems.append(Problem(repo_path(p, root), None, None, None, None, _wrong_suffix(p)))
        if location in REQUIRED_FILES and not misnamed:
            problems.append(Problem(repo_path(path, root), None, None, None, None, "缺少必需的数据文件。"))
        return []
    if not path.is_dir():
        return []
    for p in sorted(p for p in path.iterdir() if p.is_file() and _misnamed(p)):
        problems.append(Problem(repo_path(p, root), None, None, None, None, _wrong_suffix(p)))
    return sorted(p for p in path.glob("*.yaml") if p.is_file())  # anything else is reported by _stray


def _siblings(path: FsPath) -> list[FsPath]:
    return sorted(p for p in path.parent.iterdir() if p.is_file()) if path.parent.is_dir() else []


def _misnamed(path: FsPath) -> bool:
    """A YAML file that would be skipped for its extension: .yml, .YAML, .Yaml, …"""
    return path.suffix.lower() in (".yml", ".yaml") and path.suffix != ".yaml"


def _wrong_suffix(path: FsPath) -> str:
    return f"扩展名应为 .yaml（小写，不是 {path.suffix}），否则不会被读取：请改名为 {path.stem}.yaml。"


def _stray(data_dir: FsPath, root: FsPath) -> list[Problem]:
    """Whatever under data/ the loader would skip without a word: unknown files and directories at the top, and
    in the collection directories and data/drafts/ anything but .yaml files. Misnamed .yml/.YAML files of the collections are
    reported by _files; hidden files (.DS_Store, editor swap files) and editor backups (name~) are left alone."""
    collection_files = {location for location, _ in COLLECTIONS.values() if location.endswith(".yaml")}
    collection_dirs = [location for location, _ in COLLECTIONS.values() if not location.endswith(".yaml")]
    known = [*sorted(collection_files | set(OTHER_FILES)), *(f"{d}/" for d in [*collection_dirs, *OTHER_DIRS])]
    stems = {name.removesuffix("/").removesuffix(".yaml"): name for name in known}  # question/ is close to questions/
    problems = []
    for p in _listed(data_dir):
        if _shown(p) in known or (_misnamed(p) and f"{p.stem}.yaml" in collection_files):
            continue
        if _misnamed(p) and f"{p.stem}.yaml" in OTHER_FILES:
            message = _wrong_suffix(p)
        else:
            close = difflib.get_close_matches(p.name.split(".")[0], list(stems), n=1)
            hint = f"是不是想写 {stems[close[0]]}？" if close else ""
            kind = "目录" if p.is_dir() else "文件"
            message = f"这个{kind}不会被读取：data/ 下没有这种数据。{hint}data/ 下只读取 {'、'.join(known)}。不需要就删除或移出 data/。"
        problems.append(Problem(repo_path(p, root) + _shown(p).removeprefix(p.name), None, None, None, None, _dangling(p) or message))
    for directory in [*collection_dirs, DRAFTS_DIR]:
        for p in _listed(data_dir / directory):
            if p.is_file() and (p.suffix == ".yaml" or (_misnamed(p) and directory != DRAFTS_DIR)):
                continue
            if p.is_file() and _misnamed(p):  # a draft saved as .yml would be neither checked nor previewed
                message = _wrong_suffix(p)
            elif p.is_dir():
                message = f"data/{directory}/ 里的子目录不会被读取：请把其中的 .yaml 文件直接放在 data/{directory}/ 下。"
            else:
                message = f"这个文件不会被读取：data/{directory}/ 里只读取 .yaml 文件。是数据就改名为 .yaml，不是就删除或移出 data/。"
            problems.append(Problem(repo_path(p, root) + _shown(p).removeprefix(p.name), None, None, None, None, _dangling(p) or message))
    return problems


def _listed(directory: FsPath) -> list[FsPath]:
    """Entries of ``directory`` a contributor put there (not hidden files or editor backups), sorted."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if not p.name.startswith(".") and not p.name.endswith("~"))


def _shown(path: FsPath) -> str:
    """The entry's name as a message shows it: a directory with a slash (questions/)."""
    return path.name + ("/" if path.is_dir() else "")


def _dangling(path: FsPath) -> str | None:
    if path.is_symlink() and not path.exists():
        return "这是找不到目标的符号链接，不会被读取：请换成普通文件，或删除这个链接。"
    return None


def repo_path(path: FsPath, root: FsPath) -> str:
    """The path relative to the repository, as messages show it: a symbolic link is named, not where it points."""
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python 3.11)
        return path.as_posix()


def read_text(path: FsPath, rel: str, problems: list[Problem]) -> str | None:
    """A data file's text without a leading byte order mark (Windows Notepad writes one), or None and a problem
    naming the line of the first byte that is not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = {errno.EACCES: "没有读取权限", errno.EPERM: "没有读取权限", errno.EISDIR: "这是目录，不是文件"}.get(error.errno or 0, error.strerror)
        problems.append(Problem(rel, None, None, None, None, f"无法读取这个文件（{reason}）。"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[start : error.start].decode("utf-8-sig", errors="replace")) + 1
        byte = f"0x{data[error.start]:02X}"
        problems.append(Problem(rel, line, column, None, None, NOT_UTF8.format(byte=byte)))
        return None


Entries = list[tuple[BaseModel, Origin]]

_kept: dict[tuple[str, type[BaseModel]], tuple[str, Entries, list[Problem]]] | None = None
"""Each file's entries and problems by its text, when keep_files is on."""


def keep_files(on: bool = True) -> None:
    """Keep each file's entries for the next load in this process, to be used again while the file's text is
    the same. ``mkdocs serve`` loads the data after every save: then only the edited file is parsed again.
    Off by default: a one-off build would only hold the memory."""
    global _kept
    _kept = (_kept if _kept is not None else {}) if on else None


def _load_file(path: FsPath, root: FsPath, model: type[BaseModel], problems: list[Problem]) -> Entries:
    rel = repo_path(path, root)
    text = read_text(path, rel, problems)
    if text is None:
        return []
    if _kept is None:
        return _parse_file(text, rel, model, problems)
    kept = _kept.get((rel, model))
    if kept is None or kept[0] != text:
        found: list[Problem] = []
        kept = _kept[(rel, model)] = (text, _parse_file(text, rel, model, found), found)
    problems.extend(kept[2])
    return kept[1]


def _parse_file(text: str, rel: str, model: type[BaseModel], problems: list[Problem]) -> Entries:
    try:
        check_nesting(text)  # before the traps, which compose the text too
        # Silent YAML traps (traps.py): a full-width colon after a key stops the file; ' #' cutting a value is reported.
        trapped, stop = check_traps(text, rel)
        problems.extend(trapped)
        if stop:
            return []
        parsed = parse(text, nesting_checked=True)
    except YamlSyntaxError as error:
        problems.append(Problem(rel, error.line, error.column, None, None, _syntax_message(error.message)))
        return []
    for dup_path, line, col in parsed.duplicates:
        entry = _entry_id(parsed.data, dup_path)
        problems.append(
            Problem(rel, line, col, entry, field_path(dup_path[1:]), f"重复的键 '{dup_path[-1]}'：同一条目里每个字段只能出现一次，请删除或合并其中一个。")
        )
    data = parsed.data
    if data is None:
        problems.append(Problem(rel, None, None, None, None, EMPTY_FILE))
        return []
    if not isinstance(data, list):
        problems.append(Problem(rel, 1, 1, None, None, "文件顶层应是列表：每个条目以 '- ' 开头。"))
        return []
    by_entry: dict[int, dict[Path, tuple[int, int]]] = {}
    for path_in_file, pos in parsed.lines.items():
        if path_in_file and isinstance(path_in_file[0], int):
            by_entry.setdefault(path_in_file[0], {})[path_in_file[1:]] = pos
    booleans: dict[int, dict[Path, str]] = {}
    for path_in_file, spelling in parsed.booleans.items():
        if path_in_file and isinstance(path_in_file[0], int):
            booleans.setdefault(path_in_file[0], {})[path_in_file[1:]] = spelling
    result = []
    for index, raw in enumerate(data):
        origin = Origin(rel, index, by_entry.get(index, {}))
        item = _validate(raw, model, origin, problems, booleans.get(index))
        if item is not None:
            result.append((item, origin))
    return result


def _validate(raw: Any, model: type[BaseModel], origin: Origin, problems: list[Problem], booleans: dict[Path, str] | None = None) -> BaseModel | None:
    entry = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
    if not isinstance(raw, dict):
        line, col = origin.position(()) or (None, None)
        problems.append(Problem(origin.file, line, col, None, None, "每个条目应是“字段: 值”的映射。"))
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        for err in error.errors():
            loc = tuple(err["loc"])
            line, col = origin.position(loc) or (None, None)
            spelling = (booleans or {}).get(loc)
            problems.append(Problem(origin.file, line, col, entry, field_path(loc) or None, pydantic_message(err, model, spelling)))
        return None


def _entry_id(data: Any, path: tuple[Any, ...]) -> str | None:
    if isinstance(data, list) and path and isinstance(path[0], int) and path[0] < len(data):
        item = data[path[0]]
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            return item["id"]
    return None


def _syntax_message(detail: str) -> str:
    return f"YAML 语法错误（{detail}）。常见原因：缩进不一致、冒号后缺空格、引号或括号未闭合、文字里含 ': ' 却没加引号。"
