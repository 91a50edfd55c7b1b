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
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        problem = (error.problem or error.context or "").strip()
        raise YamlSyntaxError(problem, line, column) from None
    parsed = Parsed(data=None)
    if node is not None:
        try:
            parsed.data = _build(node, (), parsed)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            raise YamlSyntaxError((error.problem or error.context or "").strip(), mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    return parsed


_PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_BOOL_TAG = "tag:yaml.org,2002:bool"

_CONSTRUCTOR = SafeConstructor()
"""Scalars only: a scalar's value never depends on other nodes, so one constructor's functions serve
all (called directly, bypassing construct_object's cache, which would keep every node alive)."""


def _build(node: Node, path: Path, parsed: Parsed) -> Any:
    parsed.lines[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode | SequenceNode) and node.tag not in _PLAIN_COLLECTIONS:
        raise YamlSyntaxError(f"不支持的标签 {node.tag}：数据文件只能用普通的文字、数字和列表", node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode):
        return _build_mapping(node, path, parsed)
    if isinstance(node, SequenceNode):
        return [_build(child, path + (i,), parsed) for i, child in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    construct = _CONSTRUCTOR.yaml_constructors.get(node.tag)
    if construct is None:
        mark = node.start_mark
        raise YamlSyntaxError(f"不支持的标签 {node.tag}：数据文件只能用普通的文字、数字和列表", mark.line + 1, mark.column + 1)
    if node.tag == _BOOL_TAG:
        parsed.booleans[path] = node.value
    return construct(_CONSTRUCTOR, node)


def _build_mapping(node: MappingNode, path: Path, parsed: Parsed) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = _build(key_node, path + ("<key>",), parsed)
        key = key if isinstance(key, (str, int)) else str(key)
        if key in result:
            mark = key_node.start_mark
            parsed.duplicates.append((path + (key,), mark.line + 1, mark.column + 1))
            continue
        result[key] = _build(value_node, path + (key,), parsed)
        parsed.lines[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    parsed.lines.pop(path + ("<key>",), None)
    return result
