"""The benchmark (scripts/bench.py) runs end to end on a small bank, and its synthetic data is deterministic."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchdata import write_data
from conftest import ROOT

POSITIVE = (
    "generation_s",
    "generation_files_written",
    "yaml_floor_s",
    "full_build_s",
    "peak_rss_mb",
    "site_bytes",
    "site_files",
    "search_index_bytes",
    "search_index_gzip_bytes",
    "largest_page_bytes",
    "question_first_load_gzip_bytes",
    "noop_generation_s",
    "one_change_files_written",
)


def test_bench_smoke(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--sizes", "100", "--no-baseline", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert "baseline" not in results
    assert {"cpu_count", "cpu_model", "memory_total", "python", "mkdocs_material"} <= results["machine"].keys()
    small = results["100"]
    for key in POSITIVE:
        assert small[key] > 0, key
    assert small["noop_files_written"] == 0
    assert small["after_site_generation_s"] > 0 and small["after_site_files_written"] == 0, small["after_site_rewritten"]
    assert len(small["serve_edit_s"]) == 3 and all(0 < t < 120 for t in small["serve_edit_s"])
    assert "questions/q-00001.md" in small["one_change_rewritten"]
    assert small["largest_page"].endswith(".html")
    assert small["search_index_gzip_bytes"] < small["search_index_bytes"] < small["site_bytes"]
    assert small["per_question_ms"]["generation"] > 0 and small["per_question_ms"]["full_build"] > 0
    shares = small["shares"]
    assert 0 < shares["yaml_floor"] < shares["generation"] < 1 and shares["index_vs_baseline"] is None
    assert "YAML下限占比" in result.stdout
    assert "题目数" in result.stdout


def test_synthetic_data_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    counts = write_data(first, 450, ROOT / "data")
    assert write_data(second, 450, ROOT / "data") == counts
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert [f for f in files if f.startswith("questions/")] == ["questions/bench-001.yaml", "questions/bench-002.yaml", "questions/bench-003.yaml"]
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel
