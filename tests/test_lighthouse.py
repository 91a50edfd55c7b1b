"""Lighthouse (default mobile mode) scores of each page type, against the built site on 127.0.0.1."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest

from browser import CHROMIUM, CHROMIUM_ARGS, QuietHandler, serve
from test_accessibility import ARTEFACTS
from test_accessibility import PAGE_TYPES as ALL_PAGE_TYPES

# Every page type axe checks is scored. 题目总览 and 统计 were left out for a while (94-99 and 87-99 across
# calibrated runs); measured again with deferred scripts, the index loaded on demand and content-visibility on
# the charts: 题目总览 94-99, 统计 96-100. 题目总览 then failed a CI run (92 after 5 runs: its filters were drawn
# after the 300 KB export loaded and pushed the list down, layout shift 0.25); with the filters written into
# the page and the export loaded only for the keyword box: 97-98.
PAGE_TYPES = ALL_PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.real_data]

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FLOOR = 95
# Performance is timed on a shared machine and varies from run to run (the other categories do not):
# a page below the floor is measured again, up to this many runs in all, and its best run counts
# (the same build measured 92 and 98 on the question page in two runs of this test an hour apart).
ATTEMPTS = 5
# Lighthouse emulates a mid-tier phone by slowing the host's CPU 4x, a factor meant for a high-end
# desktop (its docs/throttling.md: benchmarkIndex 1500-2000). This shared 2-core machine measures
# anywhere from 1,000 to 2,000 from one minute to the next, and total blocking time followed it
# (470 ms at 1,100, 160 ms at 1,870, same page). As those docs advise, the slowdown is calibrated,
# 4 x index / 1,750, so that every run emulates the same phone (index about 440) however busy the host
# is; a faster host gets a larger factor. The index is the one Lighthouse measured while loading the
# page in that very run: each run gathers (-G), then the slowdown is set and the audits run (-A).
# (With simulated throttling, the default, the slowdown only enters the audits' simulation.)
REFERENCE_INDEX = 1750
DEFAULT_SLOWDOWN = 4.0
CHROME_FLAGS = ["--headless=new", *CHROMIUM_ARGS]
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class _GzipHandler(QuietHandler):
    """Static files, text gzipped as GitHub Pages serves it, so Lighthouse times what a reader downloads."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not (path.is_file() and path.suffix in TEXT_SUFFIXES and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve_gzipped(directory: Path) -> AbstractContextManager[str]:
    return serve(directory, handler_class=_GzipHandler)


@contextmanager
def chromium_for_lighthouse() -> Iterator[int]:
    """One headless Chromium for all runs (each run opens its own tab and clears the cache); yields its debugging port."""
    with tempfile.TemporaryDirectory() as profile:
        command = [CHROMIUM, *CHROME_FLAGS, "--remote-debugging-port=0", f"--user-data-dir={profile}", "about:blank"]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            port_file = Path(profile) / "DevToolsActivePort"
            deadline = time.monotonic() + 30
            while not (port_file.exists() and port_file.read_text().strip()):
                assert process.poll() is None and time.monotonic() < deadline, f"{CHROMIUM} did not start"
                time.sleep(0.1)
            yield int(port_file.read_text().split()[0])
        finally:
            process.terminate()
            process.wait(timeout=30)


def slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that turns a host of this benchmarkIndex into Lighthouse's reference phone."""
    return round(DEFAULT_SLOWDOWN * benchmark_index / REFERENCE_INDEX, 2)


def _lighthouse(url: str, port: int, *options: str) -> str:
    command = [str(LIGHTHOUSE), url, f"--port={port}", "--quiet", f"--only-categories={','.join(CATEGORIES)}", *options]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, f"lighthouse {url} failed:\n{result.stderr[-3000:]}"
    return result.stdout


def lighthouse(url: str, port: int) -> dict[str, Any]:
    """One Lighthouse run in its default mode (mobile, simulated slow 4G and CPU), the CPU slowdown calibrated
    to the benchmarkIndex measured in this run; the JSON report."""
    with tempfile.TemporaryDirectory() as saved:
        _lighthouse(url, port, f"--gather-mode={saved}")
        artifacts_file = Path(saved) / "artifacts.json"
        artifacts = json.loads(artifacts_file.read_text(encoding="utf-8"))
        cpu = slowdown(float(artifacts["BenchmarkIndex"]))
        artifacts["settings"]["throttling"]["cpuSlowdownMultiplier"] = cpu  # audits refuse settings that differ
        artifacts_file.write_text(json.dumps(artifacts), encoding="utf-8")
        out = _lighthouse(url, port, f"--audit-mode={saved}", f"--throttling.cpuSlowdownMultiplier={cpu}", "--output=json", "--output-path=stdout")
    report: dict[str, Any] = json.loads(out)
    assert "runtimeError" not in report, f"lighthouse {url}: {report['runtimeError']}"
    return report


def scores(report: dict[str, Any]) -> dict[str, int]:
    return {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}


def shortfalls(report: dict[str, Any]) -> list[str]:
    """The scored audits that cost points in the categories below the floor."""
    lines = []
    for name, score in scores(report).items():
        if score >= FLOOR:
            continue
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                lines.append(f"{name}: {audit['id']} {audit['score']} {audit.get('displayValue', '')}".rstrip())
    return lines


def best_run(url: str, port: int) -> tuple[dict[str, Any], int]:
    """The run with the highest lowest score, and how many runs it took to clear the floor (or ATTEMPTS)."""
    best: dict[str, Any] | None = None
    for attempt in range(1, ATTEMPTS + 1):
        report = lighthouse(url, port)
        if best is None or min(scores(report).values()) > min(scores(best).values()):
            best = report
        if min(scores(best).values()) >= FLOOR:
            return best, attempt
    assert best is not None
    return best, ATTEMPTS


def cpu_slowdown_of(report: dict[str, Any]) -> float:
    return float(report["configSettings"]["throttling"]["cpuSlowdownMultiplier"])


def table(results: dict[str, tuple[dict[str, Any], int]]) -> str:
    header = f"{'page type':<14}" + "".join(f"{name:>16}" for name in CATEGORIES) + f"{'runs':>6}{'cpu':>7}"
    rows = [
        f"{kind:<14}" + "".join(f"{scores(report)[name]:>16}" for name in CATEGORIES) + f"{runs:>6}{cpu_slowdown_of(report):>6.1f}x"
        for kind, (report, runs) in results.items()
    ]
    return "\n".join([header, *rows])


def test_every_page_type_scores_at_least_95_in_every_category(built_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert LIGHTHOUSE.exists(), f"{LIGHTHOUSE} is missing: run `make node_modules` (npm ci)"
    assert Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: run `make browser`"
    with serve_gzipped(built_site) as base_url, chromium_for_lighthouse() as port:
        results = {kind: best_run(base_url + path, port) for kind, path in PAGE_TYPES.items()}
    summary = table(results)
    with capsys.disabled():  # shown in every `make test`, not only when the test fails
        print(
            f"\nLighthouse (mobile; CPU slowdown calibrated to a phone of benchmarkIndex {REFERENCE_INDEX / DEFAULT_SLOWDOWN:.0f}), best of up to {ATTEMPTS} runs:\n{summary}"
        )
    ARTEFACTS.mkdir(exist_ok=True)
    (ARTEFACTS / "lighthouse-scores.txt").write_text(summary + "\n", encoding="utf-8")
    low = {kind: shortfalls(report) for kind, (report, _) in results.items() if min(scores(report).values()) < FLOOR}
    assert low == {}, f"below {FLOOR}:\n{summary}\n" + json.dumps(low, ensure_ascii=False, indent=1)
