"""YAML parsing that keeps line numbers and reports duplicate keys.

Dates stay strings (no timestamp resolution), so ``date: 2025-02-11`` is text.
"""

from __future__ import annotations

import re
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


def parse(text: str, *, nesting_checked: bool = False) -> Parsed:
    """Parse one YAML document, keeping positions. Raises YamlSyntaxError.

    ``nesting_checked``: the caller has run check_nesting on this text already."""
    if not nesting_checked:
        check_nesting(text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except RecursionError:
        raise _too_deep(text) from None
    except yaml.reader.ReaderError:
        raise _unprintable(text) from None
    except yaml.MarkedYAMLError as error:
        if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
            # Found only at the end of the file, a line after the last: the quote that never closes is the place to fix.
            raise _error_at(UNCLOSED_QUOTE, error.context_mark) from None
        raise _error_at((error.problem or error.context or "").strip(), error.problem_mark or error.context_mark) from None
    parsed = Parsed(data=None)
    if node is not None:
        try:
            parsed.data = _build(node, (), parsed, set())
        except _Alias as error:
            raise _first_alias(text, error) from None
        except yaml.MarkedYAMLError as error:
            raise _error_at((error.problem or error.context or "").strip(), error.problem_mark or error.context_mark) from None
    return parsed


UNCLOSED_QUOTE = "引号没有闭合：从这里开始的引号直到文件末尾都没有对应的结束引号"


def _error_at(message: str, mark: Any) -> YamlSyntaxError:
    """The error at a mark of either parser (PyYAML's or libyaml's), when there is one."""
    return YamlSyntaxError(message, mark.line + 1 if mark else None, mark.column + 1 if mark else None)


class _Alias(YamlSyntaxError):
    """An alias met while building, at its anchor: the composed tree keeps no position of the alias itself."""


def _first_alias(text: str, error: _Alias) -> YamlSyntaxError:
    """The alias error at the first ``*name`` in the file (the events keep its position), else at the anchor."""
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                return _error_at(ALIAS, event.start_mark)
    except yaml.YAMLError:
        pass
    return YamlSyntaxError(error.message, error.line, error.column)


COMPOSE_SAFE = 5000
"""Deepest nesting handed to a composer. libyaml's recurses in C: some 25,000 levels (a 50 KB line of brackets)
overflow the stack and kill the process, with no exception to catch; 5,000 compose fine, in threads too."""

_DEEP_PREFIX = re.compile(rf"^[ \t?:-]{{{COMPOSE_SAFE // 5}}}", re.MULTILINE)
"""A line prefix this wide could start block nesting of 2 × 1,000 levels; with up to 2,500 brackets on top, text
without one stays under COMPOSE_SAFE."""


def check_nesting(text: str) -> None:
    """Raise the nesting error (with its line) for text nested deeper than MAX_DEPTH allows, when it might nest
    deeper than a composer can take. Call it before anything composes the text (parse does).

    The common case costs no parsing: flow nesting takes an opening bracket a level, and block nesting takes
    indentation or a '- ', '? ' or ': ' before the line's content, at least a column for every two levels. Only
    text with more brackets or wider prefixes than that is walked as events (a flat stream, no recursion)."""
    brackets = text.count("[") + text.count("{")
    if brackets <= COMPOSE_SAFE // 2 and not _DEEP_PREFIX.search(text):
        return
    error = _too_deep(text)
    if error.line is not None:
        raise error


def _too_deep(text: str) -> YamlSyntaxError:
    """The nesting error at the first node nested deeper than MAX_DEPTH (the node _build would stop at), without
    a position when there is none (the events end early, at a syntax error the composer reports)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.NodeEvent) and depth > MAX_DEPTH:
                return _error_at(TOO_DEEP, event.start_mark)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return YamlSyntaxError(TOO_DEEP, None, None)


def _unprintable(text: str) -> YamlSyntaxError:
    """The error for a character YAML refuses to read (a control character such as NUL or ESC, U+FFFE…), at the
    first one: libyaml's ReaderError gives a byte offset, PyYAML's a character offset, so it is looked up here."""
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if found is None:  # not expected: the reader refused the text for a reason of its own
        return YamlSyntaxError(UNPRINTABLE.format(code="?"), None, None)
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return YamlSyntaxError(UNPRINTABLE.format(code=f"{ord(found.group()):04X}"), line, column)


UNPRINTABLE = "有 YAML 不允许的不可见字符 U+{code}（控制字符），多半是从网页或其他软件复制时带进来的：请删除这个字符"

_PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_BOOL_TAG = "tag:yaml.org,2002:bool"
_PLAIN_SCALARS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null"))
"""Scalar tags a data file can produce: text, numbers, true/false and empty. Explicit others (``!!binary``,
``!!timestamp``…) would turn into bytes or dates no field takes."""

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
        raise _Alias(ALIAS, mark.line + 1, mark.column + 1)
    seen.add(id(node))
    if len(path) > MAX_DEPTH:
        raise YamlSyntaxError(TOO_DEEP, mark.line + 1, mark.column + 1)
    parsed.lines[path] = (mark.line + 1, mark.column + 1)
    if isinstance(node, MappingNode | SequenceNode) and node.tag not in _PLAIN_COLLECTIONS:
        raise YamlSyntaxError(_unsupported(node.tag), node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode):
        return _build_mapping(node, path, parsed, seen)
    if isinstance(node, SequenceNode):
        return [_build(child, path + (i,), parsed, seen) for i, child in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    construct = _CONSTRUCTOR.yaml_constructors.get(node.tag)
    if construct is None or node.tag not in _PLAIN_SCALARS:
        raise YamlSyntaxError(_unsupported(node.tag), mark.line + 1, mark.column + 1)
    if node.tag == _BOOL_TAG:
        parsed.booleans[path] = node.value
    return construct(_CONSTRUCTOR, node)


def _unsupported(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!", 1)  # as written in the file: !!python/object:…, !!binary
    return f"不支持的标签 {shown}：数据文件只能用普通的文字、数字和列表"


def _build_mapping(node: MappingNode, path: Path, parsed: Parsed, seen: set[int]) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = _build(key_node, path + ("<key>",), parsed, seen)
        if not isinstance(key, str):  # 2025:, yes:, ~: are field names as written, not a number, true or null
            key = key_node.value if isinstance(key_node, ScalarNode) else str(key)
        if key in result:
            mark = key_node.start_mark
            parsed.duplicates.append((path + (key,), mark.line + 1, mark.column + 1))
            continue
        result[key] = _build(value_node, path + (key,), parsed, seen)
        parsed.lines[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    parsed.lines.pop(path + ("<key>",), None)
    return result
