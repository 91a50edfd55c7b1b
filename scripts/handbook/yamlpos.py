"""YAML parsing that keeps line numbers and reports duplicate keys.

Dates stay strings (no timestamp resolution), so ``date: 2025-02-11`` is text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

Path = tuple[str | int, ...]


_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (about 20× faster on a large bank), the pure-Python one otherwise.
Both give the same events and marks; only the events are used here (_Builder), and the loader's resolvers."""


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
    parsed = Parsed(data=None)
    try:
        parsed.data = _Builder(parsed).document(yaml.parse(text, Loader=_Loader))
    except RecursionError:
        raise _too_deep(text) from None
    except yaml.reader.ReaderError:
        raise _unprintable(text) from None
    except yaml.MarkedYAMLError as error:
        if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
            # Found only at the end of the file, a line after the last: the quote that never closes is the place to fix.
            raise _error_at(UNCLOSED_QUOTE, error.context_mark) from None
        raise _error_at((error.problem or error.context or "").strip(), error.problem_mark or error.context_mark) from None
    return parsed


UNCLOSED_QUOTE = "引号没有闭合：从这里开始的引号直到文件末尾都没有对应的结束引号"


def _error_at(message: str, mark: Any) -> YamlSyntaxError:
    """The error at a mark of either parser (PyYAML's or libyaml's), when there is one."""
    return YamlSyntaxError(message, mark.line + 1 if mark else None, mark.column + 1 if mark else None)


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
_STR_TAG = "tag:yaml.org,2002:str"
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


_MAYBE_NOT_TEXT = frozenset("-+.0123456789~nNtTfFyYoO=<")
"""First characters of the plain scalars YAML 1.1 may read as something other than text (numbers, true/false,
null, the merge and value keys); any other plain scalar is text without asking the resolver."""


def _resolve(value: str) -> str:
    """The tag YAML 1.1 gives a plain scalar (the loader's resolvers, without timestamps)."""
    for tag, regexp in _Loader.yaml_implicit_resolvers.get(value[:1], []):
        if regexp.match(value):
            return str(tag)
    return _STR_TAG


class _Builder:
    """Python data from the parser's events, in one pass: the line of every node, the spelling of every true/false,
    duplicate keys. Aliases are refused where they are written; no node tree is made (at 10,000 questions the
    composed tree and its resolver calls were most of the loading time)."""

    def __init__(self, parsed: Parsed):
        self.parsed = parsed
        self.events: Iterator[Any] = iter(())  # the parser's events, each with its marks

    def document(self, events: Iterator[Any]) -> Any:
        self.events = events
        data = None
        first: Any = None  # the first document's mark
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                mark: Any = event.start_mark
                if first is not None:  # as the composer says it
                    raise yaml.composer.ComposerError("expected a single document in the stream", first, "but found another document", mark)
                first = mark
                data = self.node(next(events), ())
        return data

    def node(self, event: Any, path: Path) -> Any:
        mark = event.start_mark
        position = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.AliasEvent):
            raise YamlSyntaxError(ALIAS, *position)
        if len(path) > MAX_DEPTH:
            raise YamlSyntaxError(TOO_DEEP, *position)
        self.parsed.lines[path] = position
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, path, position)
        tag = event.tag
        if tag is not None and tag != "!" and tag not in _PLAIN_COLLECTIONS:
            raise YamlSyntaxError(_unsupported(tag), *position)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for event in self.events:
                if isinstance(event, yaml.SequenceEndEvent):
                    return items
                items.append(self.node(event, path + (len(items),)))
        return self.mapping(path)

    def scalar(self, event: Any, path: Path, position: tuple[int, int]) -> Any:
        value = event.value
        tag = event.tag
        if tag is None or tag == "!":  # no tag written: quoted is text, plain is resolved (as the composer does)
            if not event.implicit[0] or (value and value[0] not in _MAYBE_NOT_TEXT):
                return value
            tag = _resolve(value)
        construct = _CONSTRUCTOR.yaml_constructors.get(tag)
        if construct is None or tag not in _PLAIN_SCALARS:
            raise YamlSyntaxError(_unsupported(tag), *position)
        if tag == _BOOL_TAG:
            self.parsed.booleans[path] = value
        return construct(_CONSTRUCTOR, ScalarNode(tag, value, event.start_mark, event.end_mark, event.style))

    def mapping(self, path: Path) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        lines = self.parsed.lines
        for event in self.events:
            if isinstance(event, yaml.MappingEndEvent):
                break
            mark = event.start_mark
            key = self.node(event, path + ("<key>",))
            if not isinstance(key, str):  # 2025:, yes:, ~: are field names as written, not a number, true or null
                key = event.value if isinstance(event, yaml.ScalarEvent) else str(key)
            value_path = path + (key,)
            if key in result:
                self.parsed.duplicates.append((value_path, mark.line + 1, mark.column + 1))
                self.skip(next(self.events))
                continue
            result[key] = self.node(next(self.events), value_path)
            lines[value_path] = (mark.line + 1, mark.column + 1)
        lines.pop(path + ("<key>",), None)
        return result

    def skip(self, event: Any) -> None:
        """Read past a node (a duplicate key's value, which is reported, not kept)."""
        depth = int(isinstance(event, yaml.CollectionStartEvent))
        while depth:
            event = next(self.events)
            depth += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)


def _unsupported(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!", 1)  # as written in the file: !!python/object:…, !!binary
    return f"不支持的标签 {shown}：数据文件只能用普通的文字、数字和列表"
