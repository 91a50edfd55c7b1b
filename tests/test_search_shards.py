"""The search index in shards (handbook/searchshards.py), as written: terms read as Material reads them, postings,
pages and counts a query can be scored from, and the switch between one file and shards."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

import mkdocs_hooks
from conftest import ROOT
from handbook.search import SHARDS, WORD_BREAK, write_index
from handbook.searchshards import b36, shard_of, tokens

SEPARATOR = r"[\s\x7f\u200b\-\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+|(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])"
CONFIG = {
    "lang": ["zh"],
    "separator": SEPARATOR,
    "pipeline": ["stemmer"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
}


def test_terms_are_read_as_materials_tokenizer_reads_them() -> None:
    """Text between tags, split by the separator (also between Latin and Chinese), lower-cased; tags one by one."""
    separator = re.compile(SEPARATOR)
    assert tokens("<p>产品\x7f经理</p> <code>AB实验</code>：<em>ROI</em>", separator) == ["产品", "经理", "ab", "实验", "roi"]
    assert tokens(["A/B 实验", "数据指标"], separator) == ["a/b", "实验", "数据指标"]
    assert tokens("<a href='x-y'>链接</a>", separator) == ["链接"]
    assert tokens(None, separator) == []


def test_base36_and_shards_agree_with_the_browser() -> None:
    assert [b36(n) for n in (0, 9, 10, 35, 36, 1295)] == ["0", "9", "a", "z", "10", "zz"]
    # What search-shards.js computes, (Math.imul(codePoint, 2654435761) >>> 0) % 72, as Node printed it.
    assert [shard_of(t, 72) for t in ("风控", "留存", "ab", "的")] == [38, 33, 65, 36]
    assert shard_of("风", 7) == shard_of("风控", 7) == shard_of("风险", 7)


def _index(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "search_index.json").write_text(json.dumps({"config": CONFIG, "docs": docs}, ensure_ascii=False), encoding="utf-8")
    return path / "search_index.json"


DOCS: list[dict[str, Any]] = [
    {"location": "", "title": "首页", "text": "<p>产品\u200b经理\u200b面试</p>"},
    {"location": "#how", "title": "怎么\u200b用", "text": "<p>产品\u200b面试\u200b产品</p>"},
    {"location": "tags/risk/", "title": "标签：风控", "text": "<p>风控</p>", "boost": 3},
]
EXTRA: list[dict[str, Any]] = [
    {"location": "questions/q-1/", "title": "风控\u200b策略", "text": "风控\u200b的\u200b指标", "tags": ["风控"]},
    {"location": "questions/q-2/", "title": "留存", "text": "AB实验", "tags": ["A/B 实验"]},
]


def _spilled(tmp_path: Path) -> Any:
    spilled = (tmp_path / "extra.jsonl").open("w+", encoding="utf-8")
    spilled.write("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in EXTRA))
    spilled.seek(0)
    return spilled


def _postings(folder: Path) -> dict[str, list[tuple[int, list[int]]]]:
    """Every term's entries with their (text, title, tags) counts, decoded as search-shards.js decodes them."""
    out: dict[str, list[tuple[int, list[int]]]] = {}
    for shard in folder.glob("p*.txt"):
        for line in shard.read_text(encoding="utf-8").splitlines():
            term, entries = line.split("\t")
            at, decoded = 0, []
            for entry in entries.split(" "):
                gap, *counts = entry.split(".")
                at += int(gap, 36)
                full = [int(c, 36) for c in counts] + [0] * (3 - len(counts)) if counts else [1, 0, 0]
                decoded.append((at, full))
            out[term] = decoded
    return out


def test_the_shards_hold_every_term_with_its_entries_counts_and_pages(tmp_path: Path) -> None:
    index = _index(tmp_path / "search", DOCS)
    with _spilled(tmp_path) as spilled:
        write_index(index, spilled, shards_from=0)
    stub = json.loads(index.read_text(encoding="utf-8"))
    assert stub["docs"] == []
    where = stub["config"].pop("shards")
    assert stub["config"] == CONFIG
    [folder] = (tmp_path / "search" / SHARDS).iterdir()
    assert where["path"] == f"search/shards/{folder.name}/"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["version"] == folder.name and meta["docs"] == 5
    assert meta["boosts"] == {"2": 3}
    assert [int(g, 36) for g in meta["starts"].split(" ")] == [0, 2, 1, 1]  # pages start at entries 0, 2, 3, 4
    words = {line.split("\t")[0]: [int(v, 36) for v in line.split("\t")[1:]] for line in meta["words"].splitlines()}
    # count (occurrences), df (entries), fdf (entry-field pairs: Lunr's document frequency)
    assert words["风控"] == [5, 2, 5]  # the tag page's title and text; the question's title, text and tags
    assert words["产品"] == [3, 2, 2]
    assert words["ab"] == [1, 1, 1] and words["a/b"] == [1, 1, 1]
    postings = _postings(folder)
    assert postings["风控"] == [(2, [1, 1, 0]), (3, [1, 1, 1])]
    assert postings["产品"] == [(0, [1, 0, 0]), (1, [2, 0, 0])]
    assert postings["怎么"] == [(1, [0, 1, 0])]
    assert set(postings) == set(words)
    pages = [json.loads((folder / f"d{n}.json").read_text(encoding="utf-8")) for n in range(4)]
    assert [[e["location"] for e in page] for page in pages] == [["", "#how"], ["tags/risk/"], ["questions/q-1/"], ["questions/q-2/"]]
    assert pages[0][0]["text"] == f"<p>产品{WORD_BREAK}经理{WORD_BREAK}面试</p>", "words separated as in the single index"
    assert not (tmp_path / "search" / (SHARDS + ".partial")).exists()


def test_below_the_threshold_the_index_is_one_file_and_old_shards_go(tmp_path: Path) -> None:
    index = _index(tmp_path / "search", DOCS)
    with _spilled(tmp_path) as spilled:
        write_index(index, spilled, shards_from=0)
    [first] = (tmp_path / "search" / SHARDS).iterdir()
    first_meta = (first / "meta.json").read_text(encoding="utf-8")
    _index(tmp_path / "search", DOCS)
    with _spilled(tmp_path) as spilled:
        write_index(index, spilled, shards_from=6)
    written = json.loads(index.read_text(encoding="utf-8"))
    assert [d["location"] for d in written["docs"]] == ["", "#how", "tags/risk/", "questions/q-1/", "questions/q-2/"]
    assert "shards" not in written["config"]
    assert not (tmp_path / "search" / SHARDS).exists()
    # The same entries give the same shards, byte for byte, in a folder of the same name (their hash); other
    # entries another folder.
    _index(tmp_path / "search", DOCS)
    with _spilled(tmp_path) as spilled:
        write_index(index, spilled, shards_from=5)
    assert [f.name for f in (tmp_path / "search" / SHARDS).iterdir()] == [first.name]
    assert (first / "meta.json").read_text(encoding="utf-8") == first_meta
    _index(tmp_path / "search", DOCS[:2])
    with _spilled(tmp_path) as spilled:
        write_index(index, spilled, shards_from=0)
    assert [f.name for f in (tmp_path / "search" / SHARDS).iterdir()] != [first.name]


def _config(extra: dict[str, Any], plugins: tuple[str, ...] = ("search",)) -> MkDocsConfig:
    return cast(MkDocsConfig, SimpleNamespace(extra=extra, plugins=dict.fromkeys(plugins)))


def test_when_the_hook_writes_shards() -> None:
    assert mkdocs_hooks._shards_from(_config({})) == mkdocs_hooks.SHARDS_FROM
    assert mkdocs_hooks._shards_from(_config({"search_shards_from": "0"})) == 0  # !ENV gives text
    assert mkdocs_hooks._shards_from(_config({"search_shards_from": 12000})) == 12000
    assert mkdocs_hooks._shards_from(_config({"search_shards_from": 0}, ("material/search", "material/offline"))) is None, "file:// pages cannot fetch shards"


def test_the_offline_config_never_writes_shards(monkeypatch: pytest.MonkeyPatch) -> None:
    """As MkDocs loads mkdocs.offline.yml (its plugins are named material/search, material/offline): even when shards
    are forced for the site, the offline zip keeps one index (tests/test_offline.py builds it so and searches it)."""
    monkeypatch.setenv("HANDBOOK_SEARCH_SHARDS_FROM", "0")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    assert mkdocs_hooks._shards_from(load_config(str(ROOT / "mkdocs.offline.yml"))) is None
    assert mkdocs_hooks._shards_from(load_config(str(ROOT / "mkdocs.yml"))) == 0


@pytest.mark.parametrize("value", ["many", -1, True, 2.5])
def test_a_bad_threshold_stops_the_build_with_the_setting_named(value: object) -> None:
    with pytest.raises(Abort, match="extra.search_shards_from"):
        mkdocs_hooks._shards_from(_config({"search_shards_from": value}))


def test_a_bad_threshold_stops_mkdocs_before_it_writes_anything(tmp_path: Path) -> None:
    env = {**os.environ, "HANDBOOK_SEARCH_SHARDS_FROM": "many", "NO_MKDOCS_2_WARNING": "1"}
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "extra.search_shards_from 应是一个非负整数" in output and "'many'" in output
    assert "Traceback" not in output
    assert not site.exists()
