"""Benchmark: generation and site build on synthetic banks of 100, 1,000 and 10,000 questions.

For each size a throwaway repository is made (the site's code and config, and a
synthetic data/ from benchdata.py), then each step runs as its own process tree
through a small wrapper that reports wall time and peak RSS:

* generation: ``handbook build`` into an empty docs tree, then again at once (the no-op rebuild);
* the floor under generation: only reading data/ with libyaml's C loader (PyYAML's fastest), what any generator
  of these pages from this YAML must spend at least;
* full build: ``mkdocs build --strict`` with the generated pages removed (what ``make site`` costs),
  then the site's size, search index and a question page's first load;
* search in Chromium (scripts/bench_search.py, when Chromium is installed): from focusing the search box and
  typing a query to the first results, bytes transferred, main-thread long tasks and JS heap;
* ``handbook build`` after the site build (the hook wrote the pages in another process: nothing may change),
  and after editing one question;
* baseline (1,000 and 10,000): the same Markdown built by stock MkDocs + Material, without our
  hook, overrides and assets, to see what the handbook adds.

Results are printed as a table and written as JSON (default build/bench.json).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import yaml

import bench_search
from benchdata import question_id, write_data
from handbook.search import index_files
from handbook.stamp import STAMP
from siterepo import HANDWRITTEN_DOCS, copy_site

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
DEFAULT_SIZES = (100, 1000, 10000)
BASELINE_SIZES = (1000, 10000)
SERVE_SIZES = (100, 1000)
"""Sizes at which the ``make serve`` edit-to-preview time is measured (its target is set at 1,000)."""
SERVE_EDITS = 3
GZIP_LEVEL = 6

WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[2:])
wall = time.perf_counter() - start
with open(sys.argv[1], "w") as handle:
    json.dump({"wall_s": wall, "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}, handle)
sys.exit(code)
"""
"""Runs one command and reports its wall time and the peak RSS of its process tree (largest process, in KiB)."""

YAML_FLOOR = """
import pathlib, sys, yaml
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""
"""Parses every data file with libyaml and nothing else: no positions, no checks, no pages."""

WRITTEN = re.compile(r"写入 (\d+) 个文件")
"""Files written in the CLI's summary line: ``已生成：写入 X 个文件，删除 Y 个，未变 Z 个。`` or, on the no-op
fast path, ``已生成：数据与生成器都没有变化，页面已是最新（写入 0 个文件）。``"""


class StepFailed(Exception):
    """A benchmark step failed; the message says which, in Chinese."""

    def __init__(self, step: str, detail: str):
        super().__init__(step)
        self.step = step
        self.detail = detail


@dataclass
class Run:
    """One measured command."""

    wall_s: float
    peak_rss_mb: float
    stdout: str
    stderr: str


def measure(step: str, command: Sequence[str], cwd: Path, env: dict[str, str]) -> Run:
    """Run ``command`` in its own process tree; raise StepFailed naming ``step`` if it fails."""
    with tempfile.NamedTemporaryFile(prefix="bench-", suffix=".json", delete=False) as handle:
        report = Path(handle.name)
    try:
        result = subprocess.run([sys.executable, "-c", WRAPPER, str(report), *command], cwd=cwd, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise StepFailed(step, f"命令：{' '.join(command)}\n退出码：{result.returncode}\n{result.stderr}{result.stdout}")
        numbers = json.loads(report.read_text(encoding="utf-8"))
    finally:
        report.unlink(missing_ok=True)
    return Run(numbers["wall_s"], numbers["maxrss_kb"] / 1024, result.stdout, result.stderr)


def files_written(step: str, output: str, notes: list[str]) -> int:
    """Files written according to the CLI's summary line; falls back to the line's first number if the wording changed."""
    match = WRITTEN.search(output)
    if match:
        return int(match.group(1))
    found = re.search(r"写入\D*(\d+)", output) or re.search(r"(\d+)", output.strip().splitlines()[-1] if output.strip() else "")
    if not found:
        raise StepFailed(step, f"无法从 handbook build 的输出中读出写入的文件数：\n{output}")
    note = f"handbook build 的输出措辞已变化，按第一个数字读作写入文件数：{output.strip()!r}"
    if note not in notes:
        notes.append(note)
    return int(found.group(1))


# --- Repositories ------------------------------------------------------------------------------


def make_repo(repo: Path, n: int) -> dict[str, int]:
    """A throwaway repository with the site's code and config and ``n`` synthetic questions."""
    copy_site(repo)
    return write_data(repo / "data", n, ROOT / "data")


def clear_generated(docs: Path) -> None:
    """Remove every generated page, keeping the handwritten ones."""
    for path in docs.iterdir():
        if path.name in HANDWRITTEN_DOCS:
            continue
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()


def stamps(docs: Path) -> dict[str, int]:
    """Modification time of every file under docs/, to tell which files a step wrote."""
    return {p.relative_to(docs).as_posix(): p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}


def rewritten(before: dict[str, int], docs: Path) -> list[str]:
    """Files under docs/ written since ``before`` was taken (at most 20, sorted)."""
    return sorted(path for path, mtime in stamps(docs).items() if before.get(path) != mtime)[:20]


def change_one_question(data: Path) -> None:
    """Edit the intent of the first question, as a contributor fixing one answer would."""
    path = data / "questions" / "bench-001.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {question_id(1)}\n")
    at = text.index("\n  intent: ", start)
    end = text.index("\n", at + 1)
    path.write_text(text[:at] + "\n  intent: 基准测试修改过的考察点：先界定用户与场景，再用数据验证需求，最后说明取舍依据。" + text[end:], encoding="utf-8")


TAG_LISTING = re.compile(r"^<!-- material/tags \{[^\n]*\} -->\n", re.M)
"""Material tag listings on tag pages: they use the ``handbook`` listing layout from overrides/, which stock Material lacks."""
SEARCH_EXCLUDE = "search:\n  exclude: true\n"
"""Question pages leave search to the hook (which indexes them from the data); stock MkDocs must index their HTML."""
BASELINE_ADJUSTMENTS = [
    "删除标签页中的 Material 标签列表标记（<!-- material/tags … layout: handbook -->）：handbook 布局来自 overrides/，原版主题没有，会报 TemplateNotFound",
    "删除题目页 front matter 中的 search.exclude：我们的钩子从数据为题目建索引，原版只能索引题目页的 HTML",
    "不用 --strict：原版构建的警告另行计数",
]


def stock_pages(docs: Path) -> None:
    """Make the generated pages buildable by stock Material (see BASELINE_ADJUSTMENTS)."""
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        changed = TAG_LISTING.sub("", text)
        if page.parent.name == "questions" and page.name != "index.md":
            changed = changed.replace(SEARCH_EXCLUDE, "", 1)
        if changed != text:
            page.write_text(changed, encoding="utf-8")


class _TagOnlyLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs-specific tags such as !ENV."""


_TagOnlyLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def baseline_config(docs: Path) -> str:
    """A stock MkDocs + Material config for the generated pages: same Markdown extensions, no hook, no overrides."""
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TagOnlyLoader)
    hubs = ["index.md"] + sorted(p.relative_to(docs).as_posix() for p in docs.glob("*/index.md"))
    hidden = sorted(f"/{p.name}/" if p.is_dir() else f"/{p.name}" for p in docs.iterdir() if p.name != "index.md")
    config: dict[str, Any] = {
        "site_name": ours.get("site_name", "基线"),
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "zh", "font": False},
        "plugins": [{"search": {"lang": "zh"}}, "tags"],
        "markdown_extensions": ours.get("markdown_extensions", []),
        "nav": hubs,
        "not_in_nav": "\n".join(hidden) + "\n",
    }
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


# --- Site measurements -------------------------------------------------------------------------


class _Assets(HTMLParser):
    """Stylesheets and scripts a page loads: <link rel=stylesheet href> and <script src>."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and "stylesheet" in (values.get("rel") or "").lower().split() and values.get("href"):
            self.urls.append(values["href"] or "")
        elif tag == "script" and values.get("src"):
            self.urls.append(values["src"] or "")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def first_load(site: Path, page: Path) -> tuple[int, list[tuple[str, int]]]:
    """Gzip bytes of ``page`` plus every local stylesheet and script it references, and the parts."""
    html = page.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    base = "http://bench.invalid/" + page.relative_to(site).as_posix()
    parts = [(page.relative_to(site).as_posix(), gzip_size(html))]
    seen: set[Path] = set()
    for url in parser.urls:
        resolved = urlsplit(urljoin(base, url))
        if resolved.netloc != "bench.invalid":
            continue  # not on this site
        path = site / unquote(resolved.path).lstrip("/")
        if path.is_file() and path not in seen:
            seen.add(path)
            parts.append((path.relative_to(site).as_posix(), gzip_size(path.read_bytes())))
    return sum(size for _, size in parts), parts


def site_metrics(step: str, site: Path) -> dict[str, Any]:
    files = [p for p in site.rglob("*") if p.is_file()]
    index = site / "search" / "search_index.json"
    page = site / "questions" / question_id(1) / "index.html"
    if not index.is_file() or not page.is_file():
        raise StepFailed(step, f"站点缺少 {index.relative_to(site) if not index.is_file() else page.relative_to(site)}")
    # The index in shards (handbook/searchshards.py, large banks) is every file a search may fetch, each
    # compressed on its own as a static host sends it.
    parts = [f.read_bytes() for f in index_files(index.parent)]
    largest = max((p for p in files if p.suffix == ".html"), key=lambda p: (p.stat().st_size, p.as_posix()))
    load_bytes, loaded = first_load(site, page)
    return {
        "site_bytes": sum(p.stat().st_size for p in files),
        "site_files": len(files),
        "search_index_bytes": sum(len(part) for part in parts),
        "search_index_gzip_bytes": sum(gzip_size(part) for part in parts),
        "search_index_files": len(parts),
        "largest_page": largest.relative_to(site).as_posix(),
        "largest_page_bytes": largest.stat().st_size,
        "question_first_load_gzip_bytes": load_bytes,
        "question_first_load_parts": dict(loaded),
    }


# --- One size ----------------------------------------------------------------------------------


def search_metrics(site: Path) -> dict[str, Any]:
    """First search in Chromium (medians over bench_search.QUERIES), without each query's details."""
    measured = bench_search.bench_site(site)
    return {key: value for key, value in measured.items() if key != "queries"}


def environment(repo: Path, seeds: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "HANDBOOK_DEBUG")}
    env.update({"HANDBOOK_SEEDS": str(seeds), "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(repo / "scripts")})
    return env


def say(message: str) -> None:
    print(message, flush=True)


def bench_size(n: int, work: Path, baseline: bool, notes: list[str]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Measure one bank size; returns its results and, if asked, the stock baseline's."""
    repo = work / f"n{n}"
    seeds = work / "no-seeds"
    seeds.mkdir(exist_ok=True)
    step = "生成合成数据"
    say(f"[N={n}] {step}……")
    counts = make_repo(repo, n)
    env = environment(repo, seeds)
    handbook = [sys.executable, "-m", "handbook.cli", "--root", str(repo), "build"]

    step = "生成页面（handbook build）"
    say(f"[N={n}] {step}……")
    generation = measure(step, handbook, repo, env)
    result: dict[str, Any] = {
        "questions": n,
        "counts": counts,
        "generation_s": generation.wall_s,
        "generation_peak_rss_mb": generation.peak_rss_mb,
        "generation_files_written": files_written(step, generation.stdout, notes),
    }

    step = "只解析 YAML（libyaml，生成的下限）"
    say(f"[N={n}] {step}……")
    result["yaml_floor_s"] = measure(step, [sys.executable, "-c", YAML_FLOOR, str(repo / "data")], repo, env).wall_s

    step = "空操作重新生成（紧接着再运行 handbook build）"
    say(f"[N={n}] {step}……")
    noop = measure(step, handbook, repo, env)
    result.update({"noop_generation_s": noop.wall_s, "noop_files_written": files_written(step, noop.stdout, notes)})

    step = "完整构建（mkdocs build --strict）"
    say(f"[N={n}] {step}……")
    clear_generated(repo / "docs")
    site = repo / "site"
    full = measure(step, [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], repo, env)
    result.update({"full_build_s": full.wall_s, "peak_rss_mb": full.peak_rss_mb})
    result.update(site_metrics(step, site))
    if Path(CHROMIUM).exists():
        step = "浏览器中首次搜索（scripts/bench_search.py）"
        say(f"[N={n}] {step}……")
        result["search"] = search_metrics(site)
    else:
        notes.append(f"没有找到 Chromium（{CHROMIUM}），未测量浏览器中的搜索：运行 make browser 安装。")

    # The hook wrote the pages in another process. Without the stamp the hook left, the CLI cannot take its
    # no-op fast path: it renders everything and must find every page identical (anything written means
    # output depends on the process).
    step = "站点构建后重新生成（handbook build）"
    say(f"[N={n}] {step}……")
    (repo / STAMP).unlink(missing_ok=True)
    before = stamps(repo / "docs")
    after = measure(step, handbook, repo, env)
    result.update({"after_site_generation_s": after.wall_s, "after_site_files_written": files_written(step, after.stdout, notes)})
    result["after_site_rewritten"] = rewritten(before, repo / "docs")

    base = bench_baseline(n, repo, work, env) if baseline else None

    step = "修改一道题后重新生成（handbook build）"
    say(f"[N={n}] {step}……")
    change_one_question(repo / "data")
    before = stamps(repo / "docs")
    one = measure(step, handbook, repo, env)
    result.update({"one_change_generation_s": one.wall_s, "one_change_files_written": files_written(step, one.stdout, notes)})
    result["one_change_rewritten"] = rewritten(before, repo / "docs")
    result["per_question_ms"] = {"generation": 1000 * result["generation_s"] / n, "full_build": 1000 * result["full_build_s"] / n}
    result["shares"] = shares(result, base)

    if n in SERVE_SIZES:
        step = "预览：改一道题的标题，到 mkdocs serve 返回新页面（make serve）"
        say(f"[N={n}] {step}……")
        result["serve_edit_s"] = serve_edits(step, repo, env)
    return result, base


def serve_edits(step: str, repo: Path, env: dict[str, str]) -> list[float]:
    """Seconds from saving a question's new title to ``mkdocs serve`` answering with it, for SERVE_EDITS edits
    (the browser's live reload comes on top, a few milliseconds on the same machine)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/questions/{question_id(2)}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"]
    log = repo / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(command, cwd=repo, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for(step, server, log, lambda: question_id(2) in fetch_text(url), 600)
        times = []
        for edit in range(SERVE_EDITS):
            time.sleep(3)  # let the rebuild that the previous edit's pages triggered finish
            marker = f"预览修改{edit + 1}"
            path = repo / "data" / "questions" / "bench-001.yaml"
            text = path.read_text(encoding="utf-8")
            start = text.index(f"- id: {question_id(2)}\n  title: ") + len(f"- id: {question_id(2)}\n  title: ")
            saved = time.perf_counter()
            path.write_text(text[:start] + marker + text[start:], encoding="utf-8")
            _wait_for(step, server, log, lambda marker=marker: marker in fetch_text(url), 300)
            times.append(time.perf_counter() - saved)
        return times
    finally:
        server.terminate()
        server.wait(timeout=60)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch_text(url: str) -> str:
    """The page at ``url`` as text, or "" while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def _wait_for(step: str, server: subprocess.Popen[bytes], log: Path, condition: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if server.poll() is not None or time.monotonic() > deadline:
            raise StepFailed(step, log.read_text(encoding="utf-8", errors="replace")[-3000:])
        time.sleep(0.05)


def bench_baseline(n: int, repo: Path, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """Build this size's generated Markdown with stock MkDocs + Material (no hook, no overrides, no extra assets)."""
    step = "基线构建（原版 MkDocs + Material）"
    say(f"[N={n}] {step}……")
    stock = work / f"baseline-{n}"
    shutil.copytree(repo / "docs", stock / "docs", ignore=shutil.ignore_patterns("assets"))
    stock_pages(stock / "docs")
    (stock / "mkdocs.yml").write_text(baseline_config(stock / "docs"), encoding="utf-8")
    site = stock / "site"
    # Not --strict and not --quiet: stock MkDocs warns about what only our hook and overrides provide; the warnings are counted.
    run = measure(step, [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], stock, env)
    warnings = [line for line in run.stderr.splitlines() if line.startswith("WARNING")]
    result: dict[str, Any] = {"questions": n, "full_build_s": run.wall_s, "peak_rss_mb": run.peak_rss_mb, "warnings": len(warnings)}
    result["warning_samples"] = warnings[:5]
    result["adjustments"] = BASELINE_ADJUSTMENTS
    result.update(site_metrics(step, site))
    result["per_question_ms"] = {"full_build": 1000 * run.wall_s / n}
    return result


# --- Report ------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    def first(path: str, key: str) -> str:
        try:
            for line in Path(path).read_text(encoding="utf-8").splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "未知"

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "未安装"

    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": first("/proc/cpuinfo", "model name"),
        "memory_total": first("/proc/meminfo", "MemTotal"),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs_material": version("mkdocs-material"),
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(_width(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) if i == 0 else " " * (w - _width(c)) + c for i, (c, w) in enumerate(zip(cells, widths, strict=True)))

    return "\n".join([line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


def _f(value: float, digits: int = 2) -> str:
    return f"{value:,.{digits}f}"


def _mb(value: int) -> str:
    return _f(value / 1e6)


def _kb(value: int) -> str:
    return _f(value / 1e3, 1)


def report(results: dict[str, Any]) -> str:
    sizes = [key for key in results if key.isdigit()]
    baselines = results.get("baseline", {})
    time_rows = []
    size_rows = []
    for key in sizes:
        r = results[key]
        time_rows.append(
            [
                f"{int(key):,}",
                _f(r["generation_s"]),
                str(r["generation_files_written"]),
                _f(r["per_question_ms"]["generation"]),
                _f(r["full_build_s"]),
                _f(r["per_question_ms"]["full_build"]),
                _f(r["peak_rss_mb"], 0),
                _f(r["noop_generation_s"]),
                str(r["noop_files_written"]),
                _f(r["after_site_generation_s"]),
                str(r["after_site_files_written"]),
                str(r["one_change_files_written"]),
                _f(statistics.median(r["serve_edit_s"])) if "serve_edit_s" in r else "—",
            ]
        )
    for key, b in baselines.items():
        time_rows.append(
            [
                f"基线 {int(key):,}",
                "—",
                "—",
                "—",
                _f(b["full_build_s"]),
                _f(b["per_question_ms"]["full_build"]),
                _f(b["peak_rss_mb"], 0),
                "—",
                "—",
                "—",
                "—",
                "—",
                "—",
            ]
        )
    for label, r in [(f"{int(k):,}", results[k]) for k in sizes] + [(f"基线 {int(k):,}", b) for k, b in baselines.items()]:
        size_rows.append(
            [
                label,
                _mb(r["site_bytes"]),
                f"{r['site_files']:,}",
                _mb(r["search_index_bytes"]),
                _mb(r["search_index_gzip_bytes"]),
                f"{r.get('search_index_files', 1):,}",
                _kb(r["largest_page_bytes"]),
                r["largest_page"],
                _kb(r["question_first_load_gzip_bytes"]),
            ]
        )
    out = [
        "时间与内存（秒、毫秒、MB）：",
        table(
            [
                "题目数",
                "生成",
                "写入文件",
                "每题生成ms",
                "完整构建",
                "每题构建ms",
                "峰值内存",
                "空操作生成",
                "空操作写入",
                "构建后重生成",
                "构建后写入",
                "改一题写入",
                "预览改一题秒",
            ],
            time_rows,
        ),
        "",
        "站点大小（MB、KB，gzip 级别 6）：",
        table(["题目数", "站点MB", "文件数", "搜索索引MB", "索引gzipMB", "索引文件数", "最大页KB", "最大页面", "题目页首次加载gzipKB"], size_rows),
    ]
    share_rows = [
        [
            f"{int(k):,}",
            _f(r["generation_s"]),
            _f(r["yaml_floor_s"]),
            _f(r["full_build_s"]),
            *(_percent(r["shares"][key]) for key in ("generation", "yaml_floor", "index_vs_baseline")),
        ]
        for k in sizes
        if "shares" in (r := results[k])
    ]
    if share_rows:
        out += [
            "",
            "占比（生成与其下限占完整构建的比例；搜索索引 gzip 占原版基线索引的比例）：",
            table(["题目数", "生成秒", "只解析YAML秒", "完整构建秒", "生成占比", "YAML下限占比", "索引占基线"], share_rows),
        ]
    search_rows = [
        [f"{int(k):,}", _f(s["first_results_ms"] / 1000), _f(s["next_query_ms"], 0), _f(s["long_tasks_ms"], 0), _mb(s["bytes_gzip"]), _f(s["js_heap_mb"], 0)]
        for k in sizes
        if (s := results[k].get("search"))
    ]
    if search_rows:
        out += [
            "",
            "浏览器中的首次搜索（Chromium，三个查询的中位数）：",
            table(["题目数", "聚焦到首批结果秒", "再查一次ms", "主线程长任务ms", "传输gzipMB", "主线程堆MB"], search_rows),
        ]
    linearity = results.get("linearity")
    if linearity:
        out += [
            "",
            f"线性度（N={linearity['largest']:,} 与 N=1,000 的每题耗时之比，1.0 为线性）："
            f"生成 {linearity['generation']:.2f}，完整构建 {linearity['full_build']:.2f}",
        ]
    else:
        out += ["", "线性度：需要同时测 1,000 和更大的规模才能计算。"]
    for note in results.get("notes", []):
        out.append(f"注意：{note}")
    return "\n".join(out)


def shares(result: dict[str, Any], base: dict[str, Any] | None) -> dict[str, float | None]:
    """The ratios the targets are set in: generation and its YAML floor against the full build, the search index
    (gzip, every file) against the stock baseline's."""
    full = result["full_build_s"]
    index = base and result["search_index_gzip_bytes"] / base["search_index_gzip_bytes"]
    return {"generation": result["generation_s"] / full, "yaml_floor": result["yaml_floor_s"] / full, "index_vs_baseline": index}


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def linearity(results: dict[str, Any]) -> dict[str, Any] | None:
    largest = max((int(k) for k in results if k.isdigit()), default=0)
    if "1000" not in results or largest <= 1000:
        return None
    big, ref = results[str(largest)]["per_question_ms"], results["1000"]["per_question_ms"]
    return {"largest": largest, "generation": big["generation"] / ref["generation"], "full_build": big["full_build"] / ref["full_build"]}


# --- Command line ------------------------------------------------------------------------------


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"规模应是用逗号分隔的正整数，如 100,1000：{text}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"规模应是用逗号分隔的正整数，如 100,1000：{text}")
    return sizes


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="基准测试：在合成题库上测量页面生成与站点构建的时间、内存和体积。")
    parser.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES), help="题目数，逗号分隔（默认 100,1000,10000）")
    parser.add_argument("--no-baseline", action="store_true", help="不构建原版 MkDocs + Material 的基线（默认在 1000 与 10000 上构建）")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench.json", help="JSON 结果文件（默认 build/bench.json）")
    parser.add_argument("--keep", type=Path, help="把临时仓库与站点保留在这个目录下（默认测完删除）")
    return parser


@contextmanager
def workspace(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        yield Path(tmp)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    results: dict[str, Any] = {"machine": machine()}
    notes: list[str] = []
    say(f"机器：{results['machine']['cpu_count']} 核 {results['machine']['cpu_model']}，内存 {results['machine']['memory_total']}")
    for n in args.sizes:
        with workspace(args.keep) as work:
            for stale in (work / f"n{n}", work / f"baseline-{n}"):  # left by an earlier run with --keep
                shutil.rmtree(stale, ignore_errors=True)
            try:
                measured, base = bench_size(n, work, not args.no_baseline and n in BASELINE_SIZES, notes)
            except StepFailed as error:
                print(f"基准测试失败：N={n} 的步骤“{error.step}”出错。\n{error.detail}", file=sys.stderr)
                return 1
        results[str(n)] = measured
        if base is not None:
            results.setdefault("baseline", {})[str(n)] = base
        say(f"[N={n}] 完成：生成 {measured['generation_s']:.2f} 秒，完整构建 {measured['full_build_s']:.2f} 秒，峰值内存 {measured['peak_rss_mb']:.0f} MB")
    results["linearity"] = linearity(results)
    results["notes"] = notes
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    say("\n" + report(results))
    say(f"\n结果已写入 {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
