"""Shared fixtures: fixture data trees, the golden flag, and the built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(ROOT / "scripts"))

from hypothesis import HealthCheck, settings  # noqa: E402
from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from handbook.seeds import seeds_dir  # noqa: E402
from siterepo import copy_site  # noqa: E402

# Hypothesis profiles (tests/test_fuzz.py). "ci" is the default, so `make test` runs the full fuzzing:
# 1,000 examples per test (the parametrized families of broken data share one test's 1,000), the same
# examples on every run. `pytest tests/test_fuzz.py --hypothesis-profile=dev` runs a tenth of them, new
# ones each time, and replays the last failures first (from .hypothesis/, which ignores itself in git).
settings.register_profile(
    "ci", max_examples=1000, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], print_blob=True
)
settings.register_profile(
    "dev",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("ci")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden from the current output")


REQUIRE_SEEDS = "HANDBOOK_REQUIRE_SEEDS"
"""Set by .ci/run: there the seed files must be present, and the tests that read them fail without them."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without the seed files (a fork's GitHub test run: the article they hold may not be copied into the
    repository), the tests marked ``seeds`` are skipped with the reason; everything else still runs."""
    seeds = seeds_dir(ROOT)
    if seeds.is_dir() or os.environ.get(REQUIRE_SEEDS):
        return
    skip = pytest.mark.skip(reason=f"没有种子文件 {seeds}：它们不在仓库里（原文禁止转载），只有读种子文件的内容测试跳过")
    for item in items:
        if "seeds" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Create files from a {relative path: text} dict under root."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small fixture repository (data/ only), safe to modify."""
    target = tmp_path / "repo"
    shutil.copytree(FIXTURES / "mini", target)
    return target


@pytest.fixture(autouse=True)
def _no_seed_env(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """Fixture trees have no seeds; only tests about real data look at ../shared/seeds."""
    if "real_data" not in request.keywords:
        monkeypatch.setenv("HANDBOOK_SEEDS", str(FIXTURES / "no-seeds"))


def run_cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the handbook CLI as a user would, in a subprocess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "handbook.cli", *args],
        cwd=cwd,
        env={**full_env, "PYTHONPATH": str(ROOT / "scripts")},
        capture_output=True,
        text=True,
        check=False,
    )


def build_site(out: Path, site_url: str, extra_env: dict[str, str] | None = None) -> Path:
    """Build the real handbook with mkdocs --strict into ``out`` for ``site_url``."""
    inherited = {k: v for k, v in os.environ.items() if k != "HANDBOOK_SEARCH_SHARDS_FROM"}
    env = {**inherited, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, **(extra_env or {})}
    env.pop("HANDBOOK_SEEDS", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def site_repo(target: Path, data: Path) -> Path:
    """A throwaway repository at ``target``: the site's code and config, and ``data`` as its data/."""
    copy_site(target)
    shutil.copytree(data, target / "data")
    return target


def build_repo_site(repo: Path, out: Path, site_url: str = "http://127.0.0.1/") -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of a repository made by site_repo (without seeds); the caller checks the result."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, "HANDBOOK_SEEDS": str(FIXTURES / "no-seeds")}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real handbook built once with mkdocs --strict into a temporary directory."""
    return build_site(tmp_path_factory.mktemp("site"), "http://127.0.0.1/")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium (Debian's, see scripts/browser.py) for every browser test."""
    assert Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: run `make browser` (apt-get install chromium)"
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    """The real handbook's site served on 127.0.0.1."""
    with serve(built_site) as url:
        yield url
