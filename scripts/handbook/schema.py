"""JSON Schemas for the data files, generated from the model, for editors that check YAML as you type.

One schema per kind of data file (``schemas/questions.schema.json`` for ``data/questions/*.yaml``, …),
in JSON Schema draft-07 (what VS Code's YAML extension supports), with the model's Chinese field
descriptions. ``.vscode/settings.json`` maps each schema to its files. The schema is a helper for
editors, not the validator: ``handbook check`` stays the authority. Vocabulary references accept any
text here because names resolve only when the whole handbook is loaded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .load import COLLECTIONS, SETTINGS_FILE
from .model import POSITIONS, Settings
from .reference import TITLES

DRAFT = "http://json-schema.org/draft-07/schema#"
REF_TEMPLATE = "#/definitions/{model}"

MODEL_DESCRIPTIONS = {
    "Category": "题目分类",
    "Tag": "标签（含同义词）",
    "Company": "公司与面试时间线",
    "TimelineEvent": "面试时间线中的一步",
    "Round": "面试轮次",
    "TipKind": "面经类型",
    "Source": "出处：作者、链接、日期与版权说明",
    "SourceRef": "出处引用：出处 id、小节与编号",
    "Occurrence": "一次被问到的记录：出处、编号、公司、轮次、时间、招聘类型",
    "Step": "答题框架的一步：名称与要点",
    "Framework": "答题框架",
    "Case": "案例：背景、过程、结果",
    "Question": "题目",
    "Followup": "可能的追问与一句提示",
    "Signals": "好回答与弱回答的表现",
    "Tip": "面经",
    "Omission": "原始材料中不收录的行及理由",
    "Settings": "站点设置",
    "Story": "故事库中的一个故事：为什么准备、面试官听什么、能回答的分类与题目",
    "Draft": "导入草稿（data/drafts/）：出处、新题目、已有题目的新提问、面经与不收录的行",
    "AddAsked": "草稿中与已有题目重复的一次提问：接受时加到该题的 asked 里",
    "OmittedLine": "草稿中不收录的原文行及理由",
}
"""Chinese description of every model (the class docstrings are in English, for developers)."""

VOCABULARY_FIELDS = {
    ("Question", "category"): "取值见 data/categories.yaml",
    ("Question", "tags"): "取值见 data/tags.yaml",
    ("Question", "frameworks"): "取值见 data/frameworks/",
    ("Occurrence", "company"): "取值见 data/companies.yaml",
    ("Occurrence", "round"): "取值见 data/rounds.yaml",
    ("Occurrence", "position"): "取值：" + "、".join(f"{k}（{v}）" for k, v in POSITIONS.items()),
    ("Tip", "kind"): "取值见 data/tip_kinds.yaml",
    ("Tip", "company"): "取值见 data/companies.yaml",
    ("Tip", "rounds"): "取值见 data/rounds.yaml",
    ("Tip", "tags"): "取值见 data/tags.yaml",
    ("TimelineEvent", "round"): "取值见 data/rounds.yaml",
    ("Story", "categories"): "取值见 data/categories.yaml",
}
"""Fields that name a vocabulary entry (resolved by resolve.py) → where the valid values are listed."""

CONDITIONS: dict[str, dict[str, Any]] = {
    "Occurrence": {
        "if": {"required": ["section"], "properties": {"section": {"type": "string"}}},
        "then": {"required": ["line"], "properties": {"line": {"type": "integer"}}},
    },
    "SourceRef": {
        "if": {"required": ["section"], "properties": {"section": {"type": "string"}}},
        "then": {"required": ["lines"], "properties": {"lines": {"minItems": 1}}},
    },
}
"""The model validators a schema can express (a section needs its line numbers), written out by hand.
tests/test_schema.py checks that the loader rejects what these reject."""


@dataclass(frozen=True)
class DataFile:
    """One kind of data file: its name, the files it covers and its model."""

    name: str
    """Collection name, e.g. ``questions``; the schema is ``<name>.schema.json``."""
    glob: str
    """Repository-relative glob of the files, e.g. ``data/questions/*.yaml``."""
    model: type[BaseModel]
    is_list: bool
    """Top-level list of entries (every file but settings.yaml, which is a mapping)."""

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"


def data_files() -> list[DataFile]:
    """Every kind of data file the loader reads, in loading order, settings last."""
    found = []
    for name, (location, model) in COLLECTIONS.items():
        glob = f"data/{location}" if location.endswith(".yaml") else f"data/{location}/*.yaml"
        found.append(DataFile(name, glob, model, True))
    found.append(DataFile("settings", f"data/{SETTINGS_FILE}", Settings, False))
    return found


def schema_files() -> dict[str, str]:
    """File name → JSON text of every schema, deterministic."""
    return {f.schema_file: json.dumps(file_schema(f), ensure_ascii=False, indent=2) + "\n" for f in data_files()}


def file_schema(data_file: DataFile) -> dict[str, Any]:
    """The schema of one kind of data file."""
    generated = data_file.model.model_json_schema(ref_template=REF_TEMPLATE)
    definitions = generated.pop("$defs", {})
    definitions[data_file.model.__name__] = generated
    definitions = {name: _definition(name, schema) for name, schema in sorted(definitions.items())}
    title = TITLES.get(data_file.name, "站点设置")
    head = {"$schema": DRAFT, "title": f"{title}（{data_file.glob}）"}
    if data_file.is_list:
        description = f"{title}文件：一个列表，每个条目以“- ”开头。字段说明见站内“数据格式参考”页，校验以 handbook check 为准。"
        body = {"type": ["array", "null"], "items": {"$ref": REF_TEMPLATE.format(model=data_file.model.__name__)}}
        return {**head, "description": description, **body, "definitions": definitions}
    root = definitions.pop(data_file.model.__name__)
    description = "站点设置：一个“字段: 值”的映射（不是列表），文件可以不存在。校验以 handbook check 为准。"
    root["type"] = ["object", "null"]
    return {**head, "description": description, **{k: v for k, v in root.items() if k != "description"}, **_definitions(definitions)}


def _definitions(definitions: dict[str, Any]) -> dict[str, Any]:
    return {"definitions": definitions} if definitions else {}


def _definition(model_name: str, schema: dict[str, Any]) -> dict[str, Any]:
    """A model's schema with a Chinese description, without pydantic's English titles."""
    if model_name not in MODEL_DESCRIPTIONS:
        raise KeyError(f"schema.MODEL_DESCRIPTIONS has no Chinese description for the model {model_name}")
    result = {k: v for k, v in schema.items() if k not in ("title", "description")}
    result = {"description": MODEL_DESCRIPTIONS[model_name], **result}
    properties = {}
    for field, prop in schema.get("properties", {}).items():
        prop = {k: v for k, v in prop.items() if k != "title"}
        if (model_name, field) in VOCABULARY_FIELDS:
            prop["description"] = prop.get("description", "") + _vocabulary_note(VOCABULARY_FIELDS[(model_name, field)])
        properties[field] = prop
    if properties:
        result["properties"] = properties
    result.update(CONDITIONS.get(model_name, {}))
    return result


def _vocabulary_note(where: str) -> str:
    return f"。可写 id、名称或同义词（{where}）；编辑器在这里接受任意文字，名称是否存在由 handbook check 校验"
