"""Search as a reader first meets it, measured in Chromium against a built site.

For each query: open the home page, focus the search box, type the query, and wait for the first results
(Material fetches the index on focus, its worker builds the Lunr index, docs/assets/search-query.js rewrites
the query). Measured: milliseconds from focus to the first results, main-thread long tasks (the longtask
PerformanceObserver) and the time in search-query.js's own marks (``hb-search:*`` measures), bytes of the
responses after focus, the page's and its workers' (as served, and gzip-compressed as a static host would send
them; for the index in shards, what the query fetched), the main thread's
JS heap afterwards, then the time of a second query typed into the same box.

    PYTHONPATH=scripts .venv/bin/python scripts/bench_search.py SITE_DIR [--query 风控 ...] [--out FILE]

``bench_site`` is the function a benchmark calls; the result is JSON-serialisable.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from handbook.search import index_files  # noqa: E402

QUERIES = ("风控", "用户增长 留存", "如何设计一个会员体系")
"""A word, two words, a natural question."""

_SETUP = """(() => {
  window.hbLong = []
  try {
    new PerformanceObserver(list => { for (const e of list.getEntries()) hbLong.push([e.startTime, e.duration]) })
      .observe({ type: "longtask", buffered: true })
  } catch (e) {}
})()"""

_FIRST = """async query => {
  const input = document.querySelector(".md-search__input")
  const meta = document.querySelector(".md-search-result__meta")
  const list = document.querySelector(".md-search-result__list")
  const start = performance.now()
  input.focus()
  input.value = query
  input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
  await new Promise(resolve => {
    const poll = () => (list.children.length || /没有找到/.test(meta.textContent)) ? resolve() : setTimeout(poll, 2)
    poll()
  })
  const end = performance.now()
  await new Promise(resolve => setTimeout(resolve, 300))  // let the rest of the setup show as long tasks
  const long = hbLong.filter(([t]) => t >= start)
  const marks = {}
  for (const m of performance.getEntriesByType("measure")) {
    if (m.name.startsWith("hb-search:")) marks[m.name.slice(10)] = (marks[m.name.slice(10)] || 0) + m.duration
  }
  return {
    first_results_ms: end - start,
    results: list.children.length,
    long_tasks: long.length,
    long_tasks_ms: long.reduce((s, [, d]) => s + d, 0),
    longest_task_ms: long.reduce((s, [, d]) => Math.max(s, d), 0),
    marks,
  }
}"""

_AGAIN = """async query => {
  const input = document.querySelector(".md-search__input")
  const meta = document.querySelector(".md-search-result__meta")
  const list = document.querySelector(".md-search-result__list")
  const until = check => new Promise(resolve => { const poll = () => check() ? resolve() : setTimeout(poll, 2); poll() })
  const type = value => { input.value = value; input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true })) }
  type("")
  await until(() => !list.children.length)
  const start = performance.now()
  type(query)
  await until(() => list.children.length || /没有找到/.test(meta.textContent))
  return performance.now() - start
}"""


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def bench_site(site: Path, queries: tuple[str, ...] = QUERIES) -> dict[str, Any]:
    """Numbers for each query typed into a fresh page of ``site`` (a built site directory), and their medians."""
    from playwright.sync_api import Request, sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS, serve

    runs: dict[str, Any] = {}
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for n, query in enumerate(queries):
                tab = browser.new_page()
                tab.add_init_script(_SETUP)
                cdp = tab.context.new_cdp_session(tab)
                cdp.send("Performance.enable")
                sizes: dict[str, int] = {}
                counting = {"on": False}

                # Playwright reports the requests of the page's workers too (the index in shards is fetched there).
                def finished(request: Request, sizes: dict[str, int] = sizes, counting: dict[str, bool] = counting) -> None:
                    if counting["on"] and request.url.startswith("http"):
                        measured = request.sizes()
                        sizes[request.url] = measured["responseBodySize"] + measured["responseHeadersSize"]

                tab.on("requestfinished", finished)
                tab.goto(base)
                tab.wait_for_load_state("networkidle")
                counting["on"] = True
                run = tab.evaluate(_FIRST, query)
                tab.wait_for_timeout(200)
                counting["on"] = False
                run["bytes"] = sum(sizes.values())
                run["bytes_gzip"] = sum(gzip_size(site / urlsplit(u).path.lstrip("/")) for u in sizes if (site / urlsplit(u).path.lstrip("/")).is_file())
                run["files"] = sorted(urlsplit(u).path for u in sizes)
                metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
                run["js_heap_mb"] = round(metrics["JSHeapUsedSize"] / 1e6, 1)
                run["next_query_ms"] = [tab.evaluate(_AGAIN, q) for q in queries[n + 1 :] + queries[:n]]
                runs[query] = run
                tab.close()
        finally:
            browser.close()
    index = index_files(site / "search")
    return {
        "index_bytes": sum(f.stat().st_size for f in index),
        "index_gzip": sum(gzip_size(f) for f in index),
        "index_files": len(index),
        "first_results_ms": statistics.median(r["first_results_ms"] for r in runs.values()),
        "next_query_ms": statistics.median(t for r in runs.values() for t in r["next_query_ms"]),
        "long_tasks_ms": statistics.median(r["long_tasks_ms"] for r in runs.values()),
        "js_heap_mb": statistics.median(r["js_heap_mb"] for r in runs.values()),
        "bytes_gzip": statistics.median(r["bytes_gzip"] for r in runs.values()),
        "queries": runs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", action="append", help="a query (repeatable; default: 风控, 用户增长 留存, 如何设计一个会员体系)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    result = bench_site(args.site, tuple(args.query) if args.query else QUERIES)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
