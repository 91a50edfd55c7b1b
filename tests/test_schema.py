"""JSON Schemas for editors: generated from the model, committed, accepted by the data, wired for VS Code."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from conftest import FIXTURES, ROOT, run_cli
from handbook.load import load
from handbook.model import Entry
from handbook.problems import DataError
from handbook.schema import MODEL_DESCRIPTIONS, VOCABULARY_FIELDS, DataFile, data_files, schema_files
from handbook.yamlpos import parse

SCHEMAS = ROOT / "schemas"
INVALID = FIXTURES / "invalid-schema"
DATA_ROOTS = (ROOT / "data", FIXTURES / "mini" / "data")


def validator(data_file: DataFile) -> Draft7Validator:
    schema = json.loads((SCHEMAS / data_file.schema_file).read_text(encoding="utf-8"))
    return Draft7Validator(schema)


def read_yaml(path: Path) -> Any:
    return parse(path.read_text(encoding="utf-8")).data


def errors(data_file: DataFile, path: Path) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(data_file).iter_errors(read_yaml(path))]


def test_committed_schemas_are_up_to_date() -> None:
    generated = schema_files()
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}
    assert sorted(committed) == sorted(generated), "schemas/ 与数据模型不一致：请运行 handbook schema 重新生成并提交"
    for name, text in generated.items():
        assert committed[name] == text, f"schemas/{name} 已过期：请运行 handbook schema 重新生成并提交"


def test_one_schema_per_data_file_type() -> None:
    names = [f.name for f in data_files()]
    assert names == [
        "categories",
        "tags",
        "companies",
        "rounds",
        "tip_kinds",
        "sources",
        "omissions",
        "frameworks",
        "cases",
        "questions",
        "tips",
        "stories",
        "settings",
    ]
    for data_file in data_files():
        Draft7Validator.check_schema(json.loads((SCHEMAS / data_file.schema_file).read_text(encoding="utf-8")))


def test_descriptions_are_chinese_and_complete() -> None:
    questions = json.loads(schema_files()["questions.schema.json"])
    question = questions["definitions"]["Question"]
    assert question["description"] == "题目"
    assert question["properties"]["intent"]["description"] == "考察点：面试官想考什么，1–3 句"
    assert "可写 id、名称或同义词（取值见 data/categories.yaml）" in question["properties"]["category"]["description"]
    assert question["properties"]["category"] == {"description": question["properties"]["category"]["description"], "minLength": 1, "type": "string"}
    assert '"title": "Id"' not in json.dumps(questions), "pydantic's English titles are left out"
    models = {m.__name__ for m in Entry.__subclasses__()}
    assert models <= set(MODEL_DESCRIPTIONS), models - set(MODEL_DESCRIPTIONS)


def test_vocabulary_fields_exist_in_the_model() -> None:
    models = {m.__name__: m for m in Entry.__subclasses__()}
    for model_name, field in VOCABULARY_FIELDS:
        assert field in models[model_name].model_fields, (model_name, field)


def _data_files_to_validate() -> list[tuple[str, Path]]:
    found = []
    for data_file in data_files():
        for data_root in DATA_ROOTS:
            found += [(data_file.name, p) for p in sorted(data_root.parent.glob(data_file.glob))]
    return found


@pytest.mark.parametrize(("name", "path"), _data_files_to_validate(), ids=lambda v: str(v.relative_to(ROOT)) if isinstance(v, Path) else v)
def test_every_data_file_matches_its_schema(name: str, path: Path) -> None:
    data_file = next(f for f in data_files() if f.name == name)
    assert errors(data_file, path) == []


INVALID_FIXTURES = sorted(INVALID.glob("*.yaml"))


@pytest.mark.parametrize("path", INVALID_FIXTURES, ids=lambda p: p.stem)
def test_invalid_fixture_is_rejected_by_the_schema(path: Path) -> None:
    data_file = next(f for f in data_files() if f.name == path.stem.split("--")[0])
    assert errors(data_file, path), f"{path.name}: the schema should reject it"


@pytest.mark.parametrize("path", INVALID_FIXTURES, ids=lambda p: p.stem)
def test_invalid_fixture_is_rejected_by_the_loader_too(path: Path, mini: Path) -> None:
    """The schema is stricter than nothing and never stricter than handbook check: the loader rejects the same file."""
    data_file = next(f for f in data_files() if f.name == path.stem.split("--")[0])
    target = mini / data_file.glob.replace("*", "invalid")
    shutil.copy(path, target)
    with pytest.raises(DataError) as info:
        load(mini / "data", mini)
    assert any(p.file == target.relative_to(mini).as_posix() for p in info.value.problems)


def test_invalid_fixtures_cover_what_the_schema_can_express() -> None:
    kinds = {p.stem.split("--")[1] for p in INVALID_FIXTURES}
    assert {"unknown-field", "wrong-type", "bad-id", "missing-required", "bad-date", "section-without-line"} <= kinds


def test_names_are_accepted_for_vocabulary_fields() -> None:
    questions = next(f for f in data_files() if f.name == "questions")
    entry: dict[str, Any] = {"id": "q-1", "title": "题", "category": "数据与实验", "tags": ["AB测试"], "intent": "考察。", "outline": ["a", "b", "c"]}
    entry["asked"] = [{"source": "notes", "section": "题目", "line": 3, "company": "支付宝", "round": "一面", "position": "校招"}]
    assert list(validator(questions).iter_errors([entry])) == []


def test_vscode_settings_map_every_schema_to_files_that_exist() -> None:
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping: dict[str, list[str]] = settings["yaml.schemas"]
    assert sorted(mapping) == sorted(f"./schemas/{f.schema_file}" for f in data_files())
    for schema, globs in mapping.items():
        assert (ROOT / schema).is_file(), schema
        for glob in globs:
            assert list(ROOT.glob(glob)), f"{glob} matches no file"
    assert {f.glob for f in data_files()} == {g for globs in mapping.values() for g in globs}


def test_vscode_recommends_the_yaml_extension() -> None:
    extensions = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_schema_command_writes_the_schemas(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("schema", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "写入 13 个" in result.stdout
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == schema_files()
    (out / "gone.schema.json").write_text("{}", encoding="utf-8")
    again = run_cli("schema", "--out", str(out))
    assert "写入 0 个，删除 1 个，未变 13 个" in again.stdout
    assert not (out / "gone.schema.json").exists()
