"""Chinese wording for schema errors, so contributors know what to write."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .model import DATE_PATTERN, ID_MAX, ID_PATTERN

MOVED_FIELDS = {
    ("Question", "company"): "题目的公司和轮次写在 asked 的每一条里：asked: [{source: 出处id, line: 编号, company: 公司, round: 轮次}]。",
    ("Question", "round"): "题目的公司和轮次写在 asked 的每一条里：asked: [{source: 出处id, line: 编号, company: 公司, round: 轮次}]。",
    ("Occurrence", "lines"): "asked 的每一条只记一个编号，用 line: 3；同一题被问到多次就写多条。",
}
"""Fields that moved: the unknown-field message says where they went."""

_SIMPLE = {
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "finite_number": "应为整数",  # .nan or .inf where an integer belongs
    "list_type": "应为列表（每项以 '- ' 开头，或写成 [a, b]）",
    "model_type": "应为“字段: 值”的映射",
    "dict_type": "应为“字段: 值”的映射",
    "bool_type": "应为 true 或 false",
    "string_too_short": "不能为空",
}


def pydantic_message(err: Any, model: type[BaseModel], spelling: str | None = None) -> str:
    """One Chinese sentence for a pydantic error dict. ``spelling`` is how the file wrote a value
    YAML read as true/false (``yes``, ``on``…), when known."""
    kind = err["type"]
    loc = err["loc"]
    if kind == "string_type" and isinstance(err["input"], bool):
        return boolean_message(err["input"], spelling)
    if kind == "missing":
        return f"缺少必填字段 '{loc[-1]}'。"
    if kind == "extra_forbidden":
        target = _model_at(model, loc[:-1])
        moved = MOVED_FIELDS.get((target.__name__ if target else "", str(loc[-1])))
        if moved:
            return f"未知字段 '{loc[-1]}'：{moved}"
        return f"未知字段 '{loc[-1]}'。{_known_fields(model, loc)}"
    if kind == "string_pattern_mismatch" and err["ctx"]["pattern"] == DATE_PATTERN:
        return f"日期格式不对：{err['input']!r}。写成 2025、2025-05 或 2025-05-14。"
    if kind == "string_pattern_mismatch":
        return f"id 格式不对：{err['input']!r}。只能用小写英文字母、数字和连字符，如 ant-034（规则 {ID_PATTERN}）。"
    if kind == "string_too_long" and loc and loc[-1] == "id":
        return f"id 太长（{len(err['input'])} 个字符，最多 {ID_MAX} 个）：id 会成为文件名和网址，请缩短。"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ").rstrip("。") + "。"
    if kind in ("greater_than_equal", "greater_than"):
        return f"应大于等于 {err['ctx'].get('ge', err['ctx'].get('gt'))}，实际是 {_describe(err['input'])}。"
    if kind == "less_than_equal":
        return f"应小于等于 {err['ctx']['le']}，实际是 {_describe(err['input'])}。"
    if kind == "too_short":
        return f"至少需要 {err['ctx']['min_length']} 项。"
    if kind == "too_long":
        return f"最多 {err['ctx']['max_length']} 项。"
    if kind == "literal_error":
        return f"取值 {err['input']!r} 无效，可选：{err['ctx']['expected']}。"
    if kind in _SIMPLE:
        return f"{_SIMPLE[kind]}，实际是 {_describe(err['input'])}。"
    return f"取值无效：{err['msg']}。"


def boolean_message(value: bool, spelling: str | None) -> str:
    """Text was expected, but YAML read an unquoted yes/no/on/off/true/false as a truth value."""
    read = "true" if value else "false"
    if spelling:
        return f"应为文字，但 {spelling} 没加引号，被 YAML 读成了真假值 {read}。请给它加引号：'{spelling}'。"
    return f"应为文字，但这个值被 YAML 读成了真假值 {read}：不加引号的 yes、no、on、off、true、false 都会这样。请给它加引号，如 'yes'。"


def _describe(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, dict):
        return "映射"
    if isinstance(value, list):
        return "列表"
    return repr(value)


def _known_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    target = _model_at(model, loc[:-1])
    if target is None:
        return ""
    return "可用字段：" + "、".join(target.model_fields) + "。"


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        is_model = isinstance(current, type) and issubclass(current, BaseModel)
        field = current.model_fields.get(part) if is_model else None
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    args = getattr(annotation, "__args__", ())
    for arg in args:
        inner = _inner_model(arg)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    return annotation
