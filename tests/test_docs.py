"""Docs kept true: README commands exist, contributing examples validate, the reference covers the model."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from handbook.cli import _parser
from handbook.load import COLLECTIONS
from handbook.reference import NESTED, reference_page

README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
CONTRIBUTING = (ROOT / "docs/contributing.md").read_text(encoding="utf-8")


def test_quick_start_is_exactly_two_commands() -> None:
    block = re.search(r"## 快速开始.*?```sh\n(.*?)```", README, re.S)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]
    assert commands == ["make serve", "make test"]


def test_every_make_target_in_the_readme_exists() -> None:
    targets = set(re.findall(r"^([a-z-]+):", MAKEFILE, re.M))
    mentioned = set(re.findall(r"`make ([a-z-]+)`", README))
    assert mentioned and mentioned <= targets, mentioned - targets


def test_every_cli_command_is_documented() -> None:
    parser = _parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in sub.choices:  # type: ignore[union-attr]
        assert f"`handbook {name}" in README, name
    assert "handbook build --check" in README and "handbook stats [--json]" in README


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def _examples() -> list[tuple[str, str]]:
    blocks = re.findall(r"```yaml\n# (data/\S+)\n(.*?)```", CONTRIBUTING, re.S)
    assert len(blocks) >= 4
    return blocks


@pytest.mark.parametrize(("where", "text"), _examples())
def test_contributing_examples_are_valid_entries(where: str, text: str) -> None:
    folder = where.split("/")[1]
    model = next(model for location, model in COLLECTIONS.values() if location == folder)
    for entry in yaml.safe_load(text):
        model.model_validate(entry)


def test_reference_page_covers_every_field() -> None:
    page = reference_page()
    for _, model in COLLECTIONS.values():
        for name in model.model_fields:
            assert f"| `{name}` |" in page, f"{model.__name__}.{name}"
    for model in NESTED:
        assert model.__name__ in page


def test_every_field_has_a_description() -> None:
    for _, model in COLLECTIONS.values():
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} needs a description for the data reference"
