"""The data reference page for contributors, generated from the model itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from . import md
from .load import COLLECTIONS, SETTINGS_FILE
from .model import DATE_PATTERN, Occurrence, Settings, SourceRef, Step, TimelineEvent

NESTED: tuple[type[BaseModel], ...] = (Occurrence, SourceRef, Step, TimelineEvent)
"""Models that appear only inside other entries."""

TITLES = {
    "categories": "分类",
    "tags": "标签",
    "companies": "公司",
    "rounds": "面试轮次",
    "tip_kinds": "面经类型",
    "sources": "出处",
    "omissions": "未收录说明",
    "frameworks": "答题框架",
    "cases": "案例",
    "questions": "题目",
    "tips": "面经",
    "stories": "故事库",
}


def reference_page() -> str:
    meta = {"title": "数据格式参考", "description": "data/ 目录下每种 YAML 条目的字段说明。"}
    return md.page(meta, _body())


def _body() -> Iterator[str]:
    yield md.heading(1, "数据格式参考", "reference")
    yield ""
    yield "本页根据代码中的数据模型自动生成，始终与校验规则一致。写法示例见[参与贡献](contributing.md)。"
    yield ""
    yield "id 只能用小写英文字母、数字和连字符（如 `ant-034`），发布后不要修改：网址由 id 决定。"
    yield ""
    for name, (location, model) in COLLECTIONS.items():
        where = f"data/{location}" if location.endswith(".yaml") else f"data/{location}/*.yaml"
        yield md.heading(2, f"{TITLES[name]}（{where}）", f"model-{name.replace('_', '-')}")
        yield ""
        yield from _table(model)
    yield md.heading(2, f"站点设置（data/{SETTINGS_FILE}，可选）", "model-settings")
    yield ""
    yield "一个“字段: 值”的映射（不是列表）；文件不存在时使用默认值。"
    yield ""
    yield from _table(Settings)
    for model in NESTED:
        yield md.heading(2, f"嵌套结构 {model.__name__}", f"model-{model.__name__.lower()}")
        yield ""
        yield from _table(model)
    yield md.heading(2, "用名称代替 id", "names")
    yield ""
    yield "分类、标签、公司、轮次、面经类型、答题框架和招聘类型，既可以写 id，也可以写中文名称或列出的同义词、别名（如 `tags: [AB测试]` 即 `ab-test`，`company: 支付宝` 即 `ant-group`）。一个写法能指多个条目时，校验会列出候选，请改写成 id。"


def _table(model: type[BaseModel]) -> Iterator[str]:
    yield "| 字段 | 必填 | 类型 | 说明 |"
    yield "| --- | --- | --- | --- |"
    for name, field in model.model_fields.items():
        required = "是" if field.is_required() else "否"
        yield f"| `{name}` | {required} | {_type(field.annotation)} | {md.text(field.description or '')} |"
    yield ""


def _type(annotation: Any) -> str:
    text = getattr(annotation, "__name__", None) or str(annotation)
    origin = getattr(annotation, "__origin__", None)
    if origin is list:
        return "列表：" + _type(annotation.__args__[0])
    if "Literal" in str(annotation):
        return "取值：" + " / ".join(f"`{a}`" for a in annotation.__args__)
    args = getattr(annotation, "__args__", None)
    if args and type(None) in args:
        return _type(next(a for a in args if a is not type(None)))
    metadata = getattr(annotation, "__metadata__", ())
    if any(getattr(m, "pattern", None) == DATE_PATTERN for m in metadata):
        return "日期"
    if any(getattr(m, "pattern", None) for m in metadata):
        return "id"
    return {"str": "文字", "int": "整数", "Annotated": "文字"}.get(text, text)
