"""YAML that silently means something else than what the contributor typed.

Two traps are found here, from the file's text, before and beside the normal parse:

* a full-width colon after a key (``title：用户增长``): YAML reads the line as text or stops with a
  confusing syntax error, so the file is not read further;
* `` #`` inside a value (``title: 用户增长 #1 指标``): YAML drops ``#1 指标`` as a comment.

The third trap, ``yes``/``no``/``on``/``off`` read as true/false where text is expected, is worded by
messages.py from the spelling yamlpos.py keeps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml
from pydantic import BaseModel
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import model as _model
from .problems import Problem, field_path
from .yamlpos import Path


def _field_names() -> frozenset[str]:
    models = [m for m in vars(_model).values() if isinstance(m, type) and issubclass(m, BaseModel)]
    return frozenset(name for m in models for name in m.model_fields)


FIELD_NAMES = _field_names()
"""Every key a data file may use; a line starting with one of them and a full-width colon is a mistyped key."""

_FULL_WIDTH_KEY = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)*)(?P<key>[A-Za-z_][A-Za-z0-9_]*)[ \t]*：", re.M)
_BLOCK_SCALAR = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)*)(?P<key>[^\s#'\"][^#]*?:[ \t]+)?[|>][-+1-9]*[ \t]*(?:#.*)?$")
_ENTRY_ID = re.compile(r"^(?:- |  )id:[ \t]*(?P<id>\S+)[ \t]*$")
_COMMENT_IN_VALUE = re.compile(r"[ \t]#\S")
_DROPPED = re.compile(r"^[ \t]+(?P<comment>#\S.*?)[ \t]*$")

COLON_MESSAGE = "键后面用了全角冒号“：”，请改成半角冒号加空格“: ”，如 {key}: …。"


def check_traps(text: str, file: str) -> tuple[list[Problem], bool]:
    """Problems for text YAML would misread, and whether to stop reading the file
    (after a full-width colon its structure is broken, so further errors would only confuse)."""
    colons = full_width_colons(text, file)
    if colons:
        return colons, True
    return dropped_comments(text, file), False


def full_width_colons(text: str, file: str) -> list[Problem]:
    """Every line where a known key is followed by a full-width colon, outside block scalars (``|``, ``>``)."""
    hits = [m for m in _FULL_WIDTH_KEY.finditer(text) if m["key"] in FIELD_NAMES]
    if not hits:
        return []
    lines = text.splitlines()
    literal = _block_scalar_lines(lines)
    entries = _entry_of_lines(lines)
    problems = []
    for match in hits:
        line = text.count("\n", 0, match.start())
        if line in literal:
            continue
        column = match.end() - match.start()
        problems.append(Problem(file, line + 1, column, entries[line], match["key"], COLON_MESSAGE.format(key=match["key"])))
    return problems


def _block_scalar_lines(lines: list[str]) -> set[int]:
    """0-based numbers of lines inside block scalars: text there may contain anything."""
    inside: set[int] = set()
    parent: int | None = None
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        if parent is not None and (not line.strip() or indent > parent):
            inside.add(number)
            continue
        parent = None
        if match := _BLOCK_SCALAR.match(line):
            lead = match["lead"]
            parent = len(lead) if match["key"] else max(lead.rfind("-"), 0)
    return inside


def _entry_of_lines(lines: list[str]) -> list[str | None]:
    """The id of the top-level entry each line belongs to, when its ``id:`` line says so."""
    result: list[str | None] = []
    current: str | None = None
    for line in lines:
        if line.startswith("-"):
            current = None
        if match := _ENTRY_ID.match(line):
            current = match["id"]
        result.append(current)
    return result


def dropped_comments(text: str, file: str) -> list[Problem]:
    """Every plain value followed on its line by `` #text``: YAML keeps the value and drops the rest as a comment.

    A comment written as ``# text`` (space after the hash) is taken as meant and left alone."""
    if not _COMMENT_IN_VALUE.search(text):
        return []
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return []  # the parser reports the syntax error
    lines = text.splitlines()
    problems = []
    for path, node in _plain_scalars(root, ()):
        line = lines[node.end_mark.line] if node.end_mark.line < len(lines) else ""
        match = _DROPPED.match(line[node.end_mark.column :])
        if match and path:
            entry = _entry_id(root, path)
            where = field_path(path[1:] if isinstance(path[0], int) else path) or None
            message = _comment_message(path[-1] if isinstance(path[-1], str) else None, node.value, match["comment"])
            problems.append(Problem(file, node.start_mark.line + 1, node.start_mark.column + 1, entry, where, message))
    return problems


def _comment_message(key: str | None, kept: str, comment: str) -> str:
    read = f"实际只读到“{kept}”" if kept else "实际读到的是空值"
    whole = f"{kept} {comment}".strip()
    quoted = f"'{whole}'" if '"' in whole else f'"{whole}"'
    return (
        f"“{comment}”被 YAML 当成注释丢掉了，{read}。如果这是内容，请给整个值加引号：{key + ': ' if key else '- '}{quoted}；如果是注释，请在 # 后加一个空格。"
    )


def _plain_scalars(node: Node | None, path: Path) -> Iterator[tuple[Path, ScalarNode]]:
    if isinstance(node, ScalarNode) and not node.style:  # plain: None from PyYAML, "" from libyaml
        yield path, node
    elif isinstance(node, SequenceNode):
        for index, child in enumerate(node.value):
            yield from _plain_scalars(child, path + (index,))
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _plain_scalars(value, path + (str(key.value),))


def _entry_id(root: Node | None, path: Path) -> str | None:
    """The id of the top-level entry ``path`` is in, for the message's context."""
    if not (isinstance(root, SequenceNode) and path and isinstance(path[0], int)):
        return None
    entry = root.value[path[0]]
    if not isinstance(entry, MappingNode):
        return None
    return next((str(v.value) for k, v in entry.value if k.value == "id" and isinstance(v, ScalarNode)), None)
