"""YAML parsing that keeps line numbers and reports duplicate keys.

Dates stay strings (no timestamp resolution), so ``date: 2025-02-11`` is text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Path = tuple[str | int, ...]


_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (about 20× faster on a large bank), the pure-Python one otherwise.
Both give the same nodes and marks; only the composed tree is used here."""


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader without the timestamp resolver."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Parsed:
    """A YAML document as plain Python data plus the line of every node."""

    data: Any
    lines: dict[Path, tuple[int, int]] = field(default_factory=dict)
    duplicates: list[tuple[Path, int, int]] = field(default_factory=list)
    booleans: dict[Path, str] = field(default_factory=dict)
    """How each value YAML read as true/false was spelled (``yes``, ``on``, …), so a message can name it."""

    def position(self, path: Path) -> tuple[int, int] | None:
        """Line and column of ``path``, falling back to its nearest parent."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


class YamlSyntaxError(Exception):
    """A YAML syntax error with a 1-based position."""

    def __init__(self, message: str, line: int | None, column: int | None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def parse(text: str) -> Parsed:
    """Parse one YAML document, keeping positions. Raises YamlSyntaxError."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except RecursionError:
        raise YamlSyntaxError(TOO_DEEP, None, None) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        problem = (error.problem or error.context or "").strip()
        raise YamlSyntaxError(problem, line, column) from None
    parsed = Parsed(data=None)
    if node is not None:
        try:
            parsed.data = _build(node, (), parsed, set())
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            raise YamlSyntaxError((error.problem or error.context or "").strip(), mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    return parsed


_PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_BOOL_TAG = "tag:yaml.org,2002:bool"

_CONSTRUCTOR = SafeConstructor()
"""Scalars only: a scalar's value never depends on other nodes, so one constructor's functions serve
all (called directly, bypassing construct_object's cache, which would keep every node alive)."""


MAX_DEPTH = 20
"""Deepest nesting a data file may use (the handbook's own files need 5)."""

TOO_DEEP = f"嵌套太深：数据文件最多嵌套 {MAX_DEPTH} 层（题目只需要 5 层），请检查缩进和括号"

ALIAS = "不支持锚点与别名（&名字 与 *名字）：请把要重复的内容直接写出来"
"""Aliases are refused: none of the data needs them, and a few lines of them expand into gigabytes (a YAML bomb)."""


def _build(node: Node, path: Path, parsed: Parsed, seen: set[int]) -> Any:
    mark = node.start_mark
    if id(node) in seen:  # composed YAML shares one node between an anchor and its aliases
        raise YamlSyntaxError(ALIAS, mark.line + 1, mark.column + 1)
    seen.add(id(node))
    if len(path) > MAX_DEPTH:
        raise YamlSyntaxError(TOO_DEEP, mark.line + 1, mark.column + 1)
    parsed.lines[path] = (mark.line + 1, mark.column + 1)
    if isinstance(node, MappingNode | SequenceNode) and node.tag not in _PLAIN_COLLECTIONS:
        raise YamlSyntaxError(f"不支持的标签 {node.tag}：数据文件只能用普通的文字、数字和列表", node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode):
        return _build_mapping(node, path, parsed, seen)
    if isinstance(node, SequenceNode):
        return [_build(child, path + (i,), parsed, seen) for i, child in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    construct = _CONSTRUCTOR.yaml_constructors.get(node.tag)
    if construct is None:
        raise YamlSyntaxError(f"不支持的标签 {node.tag}：数据文件只能用普通的文字、数字和列表", mark.line + 1, mark.column + 1)
    if node.tag == _BOOL_TAG:
        parsed.booleans[path] = node.value
    return construct(_CONSTRUCTOR, node)


def _build_mapping(node: MappingNode, path: Path, parsed: Parsed, seen: set[int]) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = _build(key_node, path + ("<key>",), parsed, seen)
        key = key if isinstance(key, (str, int)) else str(key)
        if key in result:
            mark = key_node.start_mark
            parsed.duplicates.append((path + (key,), mark.line + 1, mark.column + 1))
            continue
        result[key] = _build(value_node, path + (key,), parsed, seen)
        parsed.lines[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    parsed.lines.pop(path + ("<key>",), None)
    return result
