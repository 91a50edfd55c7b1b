"""Fuzzing the loader, the checks and the generator with Hypothesis (#12).

Data sets are built in the real format: YAML text written to a temporary data/ tree and read
back by the real loader, starting from the mini fixture and adding random entries.

* A valid data set (random ids, names, hostile text, references by id, name or synonym, every
  rule respected) always loads, checks and generates, and the output keeps its invariants.
* A valid data set with one mutation that breaks a rule always ends in a DataError whose problems
  are in Chinese and name files under data/ (the mutated one among them), never another exception.
* A valid data set with one blind edit of its text (truncation, junk, a dropped line…) either
  still builds or ends in such a DataError.

The Hypothesis profiles are in tests/conftest.py: "ci", the default, runs 1,000 valid data sets and
1,000 broken ones (a share for each mutation and edit), the same on every run; "dev"
(``pytest tests/test_fuzz.py --hypothesis-profile=dev``) a tenth of that, new ones each time.
"""

from __future__ import annotations

import copy
import html
import itertools
import json
import os
import posixpath
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
import rjieba
import yaml
from hypothesis import given, note, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data as front_matter_of

from conftest import FIXTURES, ROOT, write_tree
from handbook import hubs
from handbook.build import generate, load_checked
from handbook.load import COLLECTIONS, REQUIRED_FILES
from handbook.model import POSITIONS
from handbook.paths import ANKI
from handbook.problems import DataError
from handbook.relations import Index
from handbook.render import site_pages
from handbook.search import question_entries
from handbook.traps import FIELD_NAMES
from handbook.yamlpos import parse

MINI = FIXTURES / "mini"
DATA = "data"

# ---------------------------------------------------------------------------------------------
# Text


HOSTILE = [
    "<script>alert(1)</script>",
    "</textarea><img src=x onerror=alert(1)>",
    '"><a href="javascript:alert(1)">',
    "{{ page.title }}",
    "{% raw %}",
    "{% endraw %}",
    "{#",
    "# 标题",
    "## ",
    "---",
    "...",
    "| a | b |",
    "|-",
    ">-",
    "`code`",
    "```",
    "~~~",
    "*强调*",
    "**粗**",
    "_x_",
    "[链接](https://example.com)",
    "![图](x.png)",
    "<!--",
    "-->",
    "&amp;",
    "&lt;",
    "&",
    "\\",
    "\\n",
    "'",
    '"',
    "''",
    "“引号”",
    "‘单引号’",
    ": ",
    " #注释",
    "#1",
    "- ",
    "? ",
    "!!python/object",
    "&anchor",
    "*alias",
    "<<",
    "%YAML",
    "@",
    "{",
    "}",
    "[",
    "]",
    ",",
    "yes",
    "no",
    "on",
    "off",
    "null",
    "~",
    "true",
    "0x1F",
    "1e3",
    "2025-05-14",
    "12:30",
    "：",
    "，",
    "。",
    "、",
    "……",
    "——",
    "·",
    "／",
    "$x$",
    "\\(x\\)",
    "<br>",
    "<",
    ">",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "\u3000",
    "\u00a0",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u2028",
    "\u2029",
    "\u0085",
    "\u202e",
    "😀",
    "👨‍👩‍👧",
    "🇨🇳",
    "é",
    "e\u0301",
    "ß",
    "İ",
    "Σ",
    "Ａ／Ｂ",
    "产品经理",
    "支付",
    "A/B 实验",
    "数据指标",
    "用户增长",
    "面试官",
    "为什么",
]
"""Fragments that break naive Markdown, HTML, Jinja, YAML or segmenting."""

_ANY_CHAR = st.characters(exclude_categories=["Cs"])  # a list: mypy reads a one-item tuple here as tuple[str], not the category names
"""Any character but lone surrogates (which UTF-8 cannot hold). Control characters are valid in text: the
dumper writes them as escapes ("\x07"); only typed into the file they are an error."""

_FIELD_AFTER_BREAK = re.compile(rf"(?<![A-Za-z0-9_])(?:{'|'.join(sorted(FIELD_NAMES))})[ \t]*：")
"""A field name and a full-width colon: at the start of a folded or quoted line, traps.py reads it as a
mistyped key (by design: it cannot tell continuation lines from a broken ``title：…``), so valid text avoids it."""

WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
"""What pydantic strips from text (Unicode White_Space; Python's str.strip also strips U+001C–U+001F)."""


def _usable(text: str) -> bool:
    """Text a valid entry may hold: something visible after stripping, no field name that traps.py would take for a key."""
    return any(not c.isspace() for c in text) and not _FIELD_AFTER_BREAK.search(text)


PLAIN = ["如何提升支付转化率？", "考察对指标体系的理解。", "先拆解漏斗，再定位问题。", "面试官追问了数据来源", "AB test 的样本量怎么算", "DAU 下降 10%"]
"""Ordinary text, as most fields hold: one choice to draw, which keeps large data sets cheap."""

texts = st.one_of(
    st.sampled_from(PLAIN + [h for h in HOSTILE if _usable(h)]),
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(_ANY_CHAR, min_size=1, max_size=4)), min_size=1, max_size=3).map("".join).filter(_usable),
)
"""Text fields: Chinese, ASCII, hostile fragments and arbitrary characters, mixed."""

_ID_WORD = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=10)
ids = st.one_of(
    st.builds("{}-{}".format, st.sampled_from(["q", "ant", "meituan-2025", "x1"]), st.integers(0, 999)),
    st.sampled_from(["a" * 80, "-".join(["x" * 9] * 8), "0", "2025", "007", "1-2-3", "e", "null", "true", "yes", "no", "nan"]),
    st.lists(_ID_WORD, min_size=1, max_size=4).map("-".join),
)
"""Ids: lowercase ASCII words joined by hyphens, up to 80 characters (numbers and YAML keywords included)."""

RESERVED = {"index", "unknown"}


def _key(value: str) -> str:
    """How resolve.py matches names: ignoring case, whitespace and ／ versus /."""
    return "".join(value.split()).casefold().replace("／", "/")


def _unique(base: str, taken: Callable[[str], bool]) -> str:
    """``base``, or ``base〔n〕`` for the first n that is not taken."""
    value, n = base, 0
    while taken(value):
        n += 1
        value = f"{base}〔{n}〕"
    return value


# ---------------------------------------------------------------------------------------------
# Data sets


@dataclass
class Vocab:
    """Who owns each spelling of each vocabulary (names resolve case- and space-insensitively)."""

    owner: dict[str, dict[str, str]] = field(default_factory=dict)
    """kind → normalised spelling → id."""
    spellings: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """kind → id → spellings that resolve to it."""

    def free(self, kind: str, spelling: str, entry: str) -> bool:
        return bool(_key(spelling)) and self.owner.setdefault(kind, {}).get(_key(spelling), entry) == entry

    def add(self, kind: str, entry: str, *spellings: str) -> None:
        for spelling in spellings:
            assert self.free(kind, spelling, entry), (kind, spelling)
            self.owner[kind][_key(spelling)] = entry
            self.spellings.setdefault(kind, {}).setdefault(entry, []).append(spelling)

    def ids(self, kind: str) -> list[str]:
        return list(self.spellings.get(kind, {}))


@dataclass
class DataSet:
    """Files under the repository root: YAML as data (dumped in a per-file style), other files as bytes."""

    files: dict[str, Any]
    styles: dict[str, dict[str, Any]]
    raw: dict[str, bytes]
    vocab: Vocab
    ids: dict[str, set[str]]
    """collection → ids, for the collections referenced by id (sources, cases, questions) and the others."""
    expected: dict[str, dict[str, Any]]
    """Question id → what the export must say about it (title, category, tags)."""
    drafted: list[str]
    """Ids of the questions in drafts."""
    overrides: dict[str, bytes | None] = field(default_factory=dict)
    """Files replaced (or deleted, None) after dumping: text-level mutations."""

    def render(self) -> dict[str, bytes]:
        out = {rel: dump(data, self.styles[rel]) for rel, data in self.files.items()}
        out.update(self.raw)
        for rel, content in self.overrides.items():
            if content is None:
                out.pop(rel, None)
            else:
                out[rel] = content
        return out


def dump(data: Any, style: dict[str, Any]) -> bytes:
    options = {k: v for k, v in style.items() if k not in ("comment", "bom")}
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, **options)
    if style.get("comment"):
        text = "# 模糊测试生成的文件：注释里可以有 title：全角冒号、#、--- 与 <script>\n" + text
    return (b"\xef\xbb\xbf" if style.get("bom") else b"") + text.encode("utf-8")


styles = st.fixed_dictionaries(
    {
        "allow_unicode": st.booleans(),
        "sort_keys": st.booleans(),
        "width": st.sampled_from([30, 80, 100_000]),
        "indent": st.integers(2, 5),
        "explicit_start": st.booleans(),
        "line_break": st.sampled_from(["\n", "\n", "\r\n"]),
        "comment": st.booleans(),
        "bom": st.booleans(),
    }
)
"""How the YAML files are written: block or flow (drawn for each file), wrapped or not, escaped or raw Unicode,
CRLF, BOM, a comment."""


def _fixture() -> dict[str, Any]:
    """The mini fixture's files as data, read with the handbook's own parser (dates stay text)."""
    return {p.relative_to(MINI).as_posix(): parse(p.read_text(encoding="utf-8")).data for p in sorted((MINI / DATA).rglob("*.yaml"))}


FIXTURE = _fixture()


def _maybe(draw: st.DrawFn, value: st.SearchStrategy[Any]) -> Any:
    return draw(value) if draw(st.booleans()) else None


def _put(entry: dict[str, Any], key: str, value: Any, draw: st.DrawFn) -> None:
    """Set an optional field; an absent value is left out or, sometimes, written as null."""
    if value not in (None, []):
        entry[key] = value
    elif draw(st.integers(0, 4)) == 0:
        entry[key] = None if value is None else []


class Builder:
    """Draws random entries on top of the fixture, keeping every rule of the data."""

    def __init__(self, draw: st.DrawFn):
        self.draw = draw
        self.files: dict[str, Any] = copy.deepcopy(FIXTURE)
        self.vocab = Vocab()
        self.ids: dict[str, set[str]] = {name: set() for name in COLLECTIONS}
        self.expected: dict[str, dict[str, Any]] = {}
        for name, (location, _) in COLLECTIONS.items():
            for rel, entries in self.files.items():
                if rel == f"{DATA}/{location}" or rel.startswith(f"{DATA}/{location}/"):
                    self.ids[name] |= {entry["id"] for entry in entries if "id" in entry}
        for kind, extra in (("categories", ()), ("tags", ("synonyms",)), ("companies", ("aliases",)), ("rounds", ()), ("tip_kinds", ()), ("frameworks", ())):
            location = COLLECTIONS[kind][0]
            for rel, entries in self.files.items():
                if rel == f"{DATA}/{location}" or rel.startswith(f"{DATA}/{location}/"):
                    for entry in entries:
                        spellings = [entry["id"], entry["name"], *(s for key in extra for s in entry.get(key, []))]
                        self.vocab.add(kind, entry["id"], *spellings)
        for pid, name in POSITIONS.items():
            self.vocab.add("positions", pid, pid, name)
        for q in FIXTURE[f"{DATA}/questions/main.yaml"]:
            self.expected[q["id"]] = {"title": q["title"], "category": None, "tags": None}

    # Ids, names and references

    def new_id(self, kind: str, vocabulary: bool = False, also: frozenset[str] = frozenset()) -> str:
        def taken(value: str) -> bool:
            return value in self.ids[kind] or value in RESERVED or value in also or (vocabulary and not self.vocab.free(kind, value, value))

        value = drawn = self.draw(ids)
        for n in itertools.count(1):  # cheaper than a filter, which would draw again
            if not taken(value):
                break
            value = f"{drawn[:70].rstrip('-')}-{n}"
        self.ids[kind].add(value)
        return value

    def name(self, kind: str, entry: str) -> str:
        """A new name, sometimes one that another vocabulary uses already (a tag and a category may share a name)."""
        others = sorted({s for other, spelled in self.vocab.spellings.items() if other != kind for group in spelled.values() for s in group})
        name = self.draw(st.one_of(texts, st.sampled_from(others)))
        name = _unique(name, lambda v: not self.vocab.free(kind, v, entry))
        self.vocab.add(kind, entry, name)
        return name

    def ref(self, kind: str, target: str) -> str:
        """A spelling of ``target``: its id, name or synonym, or one of them with spaces sprinkled in."""
        spelling = self.draw(st.sampled_from(self.vocab.spellings[kind][target]))
        return " ".join(spelling) if self.draw(st.integers(0, 5)) == 0 else spelling

    def pick(self, kind: str) -> str:
        return self.draw(st.sampled_from(sorted(self.vocab.ids(kind) if kind in self.vocab.spellings else self.ids[kind])))

    def picks(self, kind: str, most: int, least: int = 0) -> list[str]:
        pool = sorted(self.vocab.ids(kind) if kind in self.vocab.spellings else self.ids[kind])
        return self.draw(st.lists(st.sampled_from(pool), min_size=least, max_size=min(most, len(pool)), unique=True)) if pool else []

    def texts(self, least: int, most: int) -> list[str]:
        return self.draw(st.lists(texts, min_size=least, max_size=most))

    def source_refs(self, most: int = 2) -> list[dict[str, Any]]:
        refs = []
        for _ in range(self.draw(st.integers(0, most))):
            ref: dict[str, Any] = {"source": self.pick("sources")}
            lines = self.draw(st.lists(st.integers(1, 10**6), max_size=3))
            if len(lines) > 0 and self.draw(st.booleans()):  # len(): after a bare list mypy wants the draw to give a list too
                ref["section"] = self.draw(texts)
            _put(ref, "lines", lines, self.draw)
            refs.append(ref)
        return refs

    def add(self, collection: str, entry: dict[str, Any]) -> None:
        location = COLLECTIONS[collection][0]
        if location.endswith(".yaml"):
            self.files.setdefault(f"{DATA}/{location}", []).append(entry)
        else:
            name = self.draw(st.sampled_from(["main.yaml", "新增.yaml", "z-more.yaml", "a b.yaml"]))
            self.files.setdefault(f"{DATA}/{location}/{name}", []).append(entry)

    # Entries

    def vocabulary(self, kind: str, model_fields: tuple[str, ...]) -> None:
        entry_id = self.new_id(kind, vocabulary=True)
        self.vocab.add(kind, entry_id, entry_id)
        entry: dict[str, Any] = {"id": entry_id, "name": self.name(kind, entry_id)}
        if kind == "frameworks":
            entry["summary"] = self.draw(texts)
            entry["when"] = self.texts(1, 2)
            entry["steps"] = [{"title": self.draw(texts), "points": self.texts(1, 3)} for _ in range(self.draw(st.integers(2, 3)))]
            _put(entry, "pitfalls", self.texts(0, 2), self.draw)
            _put(entry, "sources", self.source_refs(), self.draw)
        else:
            entry["description"] = self.draw(texts)
        if "order" in model_fields:
            entry["order"] = self.draw(st.one_of(st.integers(-5, 5), st.integers(-(2**70), 2**70)))
        if kind == "tags":
            synonyms = [_unique(t, lambda v: not self.vocab.free(kind, v, entry_id)) for t in self.texts(0, 2)]
            for synonym in synonyms:
                self.vocab.add(kind, entry_id, synonym)
            _put(entry, "synonyms", synonyms, self.draw)
        if kind == "companies":
            aliases = [_unique(t, lambda v: not self.vocab.free(kind, v, entry_id)) for t in self.texts(0, 2)]
            for alias in aliases:
                self.vocab.add(kind, entry_id, alias)
            _put(entry, "aliases", aliases, self.draw)
        if "keywords" in model_fields:
            _put(entry, "keywords", self.texts(0, 2), self.draw)
        self.add(kind, entry)

    def timelines(self) -> None:
        """Events on some company's timeline (new companies are drawn before, rounds exist)."""
        for rel, entries in self.files.items():
            if rel == f"{DATA}/companies.yaml":
                for company in entries:
                    for _ in range(self.draw(st.integers(0, 1))):
                        event: dict[str, Any] = {"date": self.draw(texts), "event": self.draw(texts)}
                        round_ = _maybe(self.draw, st.sampled_from(sorted(self.vocab.ids("rounds"))))
                        _put(event, "round", round_ and self.ref("rounds", round_), self.draw)
                        _put(event, "sources", self.source_refs(1), self.draw)
                        company.setdefault("timeline", []).append(event)

    def source(self) -> None:
        entry: dict[str, Any] = {"id": self.new_id("sources"), "title": self.draw(texts), "author": self.draw(texts)}
        url = _maybe(self.draw, st.from_regex(r"https?://[a-z0-9.-]{1,12}(/[A-Za-z0-9._~%!$&()*+,;=:@/?#-]{0,20})?", fullmatch=True))
        _put(entry, "url", url, self.draw)
        entry["date"] = self.draw(texts)
        entry["licence"] = self.draw(texts)
        _put(entry, "seed", _maybe(self.draw, texts), self.draw)
        self.add("sources", entry)

    def raw_source(self) -> None:
        """A source with its raw notes in data/raw/, every non-blank line accounted for by an omission."""
        line = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12)
        lines = self.draw(st.lists(line, min_size=1, max_size=5))
        name = self.draw(st.sampled_from(["面经.txt", "notes.md", "a b.txt"]))
        sid = self.new_id("sources")
        self.raw[f"{DATA}/raw/{name}"] = ("\n".join(lines) + "\n").encode("utf-8")
        self.add("sources", {"id": sid, "title": self.draw(texts), "author": self.draw(texts), "date": "2025-05-14", "licence": self.draw(texts), "raw": name})
        numbers = [n for n, text in enumerate(lines, 1) if text.strip()]
        self.raw_ids.add(sid)
        self.add("omissions", {"sources": [{"source": sid, "lines": numbers} if numbers else {"source": sid}], "reason": self.draw(texts)})

    def case(self) -> None:
        kind = self.draw(st.sampled_from(["adapted", "illustration"]))
        entry: dict[str, Any] = {"id": self.new_id("cases"), "title": self.draw(texts), "kind": kind, "background": self.draw(texts)}
        entry["steps"] = self.texts(2, 3)
        entry["result"] = self.draw(texts)
        sources = self.source_refs()
        if kind == "adapted" and not sources:
            sources = [{"source": self.pick("sources")}]
        _put(entry, "sources", sources, self.draw)
        self.add("cases", entry)

    def occurrences(self) -> list[dict[str, Any]]:
        result, seen = [], set()
        for _ in range(self.draw(st.integers(0, 2))):
            o: dict[str, Any] = {"source": self.pick("sources")}
            line = _maybe(self.draw, st.integers(1, 10**6))
            if line is not None and self.draw(st.booleans()):
                o["section"] = self.draw(texts)
            _put(o, "line", line, self.draw)
            resolved = [o["source"], o.get("section", "").strip(), line]
            for key, kind in (("company", "companies"), ("round", "rounds"), ("position", "positions")):
                target = _maybe(self.draw, st.sampled_from(sorted(self.vocab.ids(kind))))
                _put(o, key, target and self.ref(kind, target), self.draw)
                resolved.append(target)
            date = _maybe(self.draw, st.one_of(st.integers(1000, 9999), st.from_regex(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?", fullmatch=True)))
            _put(o, "date", date, self.draw)
            resolved.append(None if date is None else str(date))
            if tuple(resolved) not in seen:
                seen.add(tuple(resolved))
                result.append(o)
        return result

    def question(self) -> None:
        qid = self.new_id("questions")
        category = self.pick("categories")
        tags = self.picks("tags", 6, 1)
        frameworks = self.picks("frameworks", 2)
        entry: dict[str, Any] = {
            "id": qid,
            "title": self.draw(texts),
            "category": self.ref("categories", category),
            "tags": [self.ref("tags", t) for t in tags],
        }
        _put(entry, "asked", self.occurrences(), self.draw)
        _put(entry, "sources", self.source_refs(), self.draw)
        _put(entry, "background", self.texts(0, 2), self.draw)
        entry["intent"] = self.draw(texts)
        _put(entry, "frameworks", [self.ref("frameworks", f) for f in frameworks], self.draw)
        outline = self.texts(3, 4) if not frameworks or self.draw(st.booleans()) else []
        _put(entry, "outline", outline, self.draw)
        _put(entry, "cases", self.picks("cases", 2), self.draw)
        _put(entry, "pitfalls", self.texts(0, 2), self.draw)
        self.expected[qid] = {"title": entry["title"], "category": category, "tags": tags}
        self.add("questions", entry)

    def tip(self) -> None:
        entry: dict[str, Any] = {"id": self.new_id("tips"), "text": self.draw(texts), "kind": self.ref("tip_kinds", self.pick("tip_kinds"))}
        company = _maybe(self.draw, st.sampled_from(sorted(self.vocab.ids("companies"))))
        _put(entry, "company", company and self.ref("companies", company), self.draw)
        rounds = self.draw(st.lists(st.sampled_from(sorted(self.vocab.ids("rounds"))), max_size=2))
        _put(entry, "rounds", [self.ref("rounds", r) for r in rounds], self.draw)
        _put(entry, "questions", self.draw(st.lists(st.sampled_from(sorted(self.ids["questions"])), max_size=2)), self.draw)
        tags = self.draw(st.lists(st.sampled_from(sorted(self.vocab.ids("tags"))), max_size=2))
        _put(entry, "tags", [self.ref("tags", t) for t in tags], self.draw)
        _put(entry, "sources", self.source_refs(), self.draw)
        self.add("tips", entry)

    def draft(self) -> None:
        """An import draft (data/drafts/) of new raw notes: a new source, questions asked on some of its lines, one
        more occurrence of an existing question, a tip, and the other lines left out. Validated with the data;
        shown only in previews (``generate(root, drafts=True)``)."""
        name = self.draw(st.sampled_from(["fuzz", "草稿", "a-b"]))
        line = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=12).filter(str.strip)
        lines = self.draw(st.lists(st.one_of(line, st.just("")), min_size=1, max_size=6))
        self.raw[f"{DATA}/raw/{name}.txt"] = ("\n".join(lines) + "\n").encode("utf-8")
        free = [n for n, text in enumerate(lines, 1) if text.strip()]
        sid = self.new_id("sources")
        source = {"id": sid, "title": self.draw(texts), "author": self.draw(texts), "date": self.draw(texts), "licence": self.draw(texts), "raw": f"{name}.txt"}
        draft: dict[str, Any] = {"source": source}
        questions = []
        for _ in range(self.draw(st.integers(0, min(2, len(free))))):
            qid = self.new_id("questions")
            frameworks = self.picks("frameworks", 1)
            q: dict[str, Any] = {"id": qid, "title": self.draw(texts), "category": self.ref("categories", self.pick("categories"))}
            q["tags"] = [self.ref("tags", t) for t in self.picks("tags", 3, 1)]
            q["asked"] = [{"source": sid, "line": free.pop(0)}]
            _put(q, "intent", _maybe(self.draw, texts), self.draw)
            _put(q, "frameworks", [self.ref("frameworks", f) for f in frameworks], self.draw)
            _put(q, "outline", self.texts(3, 3) if self.draw(st.booleans()) else [], self.draw)
            _put(q, "notes", self.texts(0, 2), self.draw)
            _put(q, "review", self.draw(st.lists(st.sampled_from(["category", "tags"]), max_size=2, unique=True)), self.draw)
            questions.append(q)
            self.drafted.append(qid)
        _put(draft, "questions", questions, self.draw)
        if len(free) > 0 and self.draw(st.booleans()):  # len(): as in source_refs
            extra: dict[str, Any] = {"question": self.pick("questions"), "asked": {"source": sid, "line": free.pop(0)}}
            _put(extra, "similarity", _maybe(self.draw, st.floats(0, 1)), self.draw)
            _put(extra, "text", _maybe(self.draw, texts), self.draw)
            draft["add_asked"] = [extra]
        if self.draw(st.booleans()):
            tip_id = self.new_id("tips", also=frozenset(self.drafted))  # within a draft, a tip may not share a question's id
            tip = {"id": tip_id, "text": self.draw(texts), "kind": self.ref("tip_kinds", self.pick("tip_kinds"))}
            _put(tip, "review", ["kind"] if self.draw(st.booleans()) else [], self.draw)
            draft["tips"] = [tip]
        _put(draft, "omitted", [{"line": n, "text": lines[n - 1], "reason": self.draw(texts)} for n in free], self.draw)
        self.files[f"{DATA}/drafts/{name}.yaml"] = draft

    def build(self, raw: bool) -> DataSet:
        draw = self.draw
        self.raw: dict[str, bytes] = {}
        self.raw_ids: set[str] = set()
        for _ in range(draw(st.integers(0, 1))):
            self.source()
        for kind, fields, most in (
            ("categories", ("order", "keywords"), 1),
            ("tags", ("keywords",), 2),
            ("companies", (), 1),
            ("rounds", ("order",), 1),
            ("tip_kinds", ("order",), 1),
        ):
            for _ in range(draw(st.integers(0, most))):
                self.vocabulary(kind, fields)
        self.timelines()
        for _ in range(draw(st.integers(0, 1))):
            self.vocabulary("frameworks", ())
        for _ in range(draw(st.integers(0, 1))):
            self.case()
        for _ in range(draw(st.integers(0, 2))):
            self.question()
        if draw(st.booleans()):
            del self.files[f"{DATA}/tips/main.yaml"]
            self.ids["tips"].clear()
        for _ in range(draw(st.integers(0, 1))):
            self.tip()
        self.drafted: list[str] = []
        if draw(st.integers(0, 3)) == 0:
            self.draft()
        if raw or draw(st.integers(0, 3)) == 0:
            self.raw_source()
        if not self.raw_ids and draw(st.booleans()):
            del self.files[f"{DATA}/omissions.yaml"]
        settings_choice = draw(st.integers(0, 2))
        if settings_choice == 0:
            del self.files[f"{DATA}/settings.yaml"]
        elif settings_choice == 1:
            self.files[f"{DATA}/settings.yaml"] = draw(
                st.fixed_dictionaries({}, optional={"hot_threshold": st.integers(2, 4), "hot_top": st.integers(1, 50), "list_limit": st.integers(1, 600)})
            )
        style = draw(styles)
        file_styles = {rel: {**style, "default_flow_style": draw(st.sampled_from([False, None, True]))} for rel in sorted(self.files)}
        return DataSet(self.files, file_styles, self.raw, self.vocab, self.ids, self.expected, self.drafted)


@st.composite
def data_sets(draw: st.DrawFn, raw: bool = False) -> DataSet:
    """A valid data set: the mini fixture plus random entries of every kind (and raw notes, sometimes or with ``raw``)."""
    return Builder(draw).build(raw)


def write(root: Path, files: dict[str, bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


@dataclass
class Outcome:
    pages: dict[str, str] | None
    error: DataError | None


SCRATCH = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
"""Where the repositories are written: in memory where Linux offers it (a third of the time of a disk per example)."""


@contextmanager
def run(files: dict[str, bytes]) -> Iterator[tuple[Path, Outcome]]:
    """Write the files to a fresh repository and generate; DataError is an outcome, anything else propagates."""
    with tempfile.TemporaryDirectory(prefix="handbook-fuzz-", dir=SCRATCH) as tmp:
        root = Path(tmp) / "repo"
        root.mkdir()
        write(root, files)
        try:
            outcome = Outcome(generate(root), None)
        except DataError as error:
            outcome = Outcome(None, error)
        yield root, outcome


# ---------------------------------------------------------------------------------------------
# Checks


CJK = re.compile(r"[\u4e00-\u9fff]")


def assert_clear(error: DataError, root: Path, files: dict[str, bytes]) -> set[str]:
    """Every problem names a file under data/ and a position inside it, in Chinese; returns the files named."""
    assert error.problems
    for problem in error.problems:
        assert problem.file.startswith(f"{DATA}/"), problem
        assert CJK.search(problem.message), problem
        if problem.line is not None and problem.file in files:
            text = files[problem.file].decode("utf-8", errors="replace")
            assert 1 <= problem.line <= len(text.splitlines()) + 1, problem
        if problem.column is not None:
            assert problem.column >= 1, problem
    report = error.report()
    assert report.endswith("修正后重新运行。")
    return {p.file for p in error.problems}


LINK = re.compile(r'href="(?!https?:|mailto:)([^"#?]*)(?:\?[^"#]*)?(?:#([^"]*))?"')
"""Links between pages: to another page (``../tags/x.md``, ``q-002.md#tips``, ``index.md?sort=asked``) or within the page (``#intent``)."""
ANCHOR = re.compile(r'id="([^"]+)"')
HANDWRITTEN = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").glob("*.md") if p.name not in ("index.md", "reference.md")}
"""Pages under docs/ written by hand (contributing.md, errors.md…), which generated pages may link to."""
SITE_FILES = {ANKI}
"""Files the MkDocs hook writes into the built site (the Anki deck), which generated pages may link to:
tests/test_anki.py checks that the built site has them where the home page links."""


def assert_site(root: Path, pages: dict[str, str]) -> dict[str, Any]:
    """Invariants of any generated site; returns the export."""
    handbook, _ = load_checked(root)
    assert dict(site_pages(handbook)) == pages, "the same data must give the same pages, one by one as at once"
    entries = list(question_entries(Index(handbook), rjieba.cut))
    assert sorted(e["location"] for e in entries) == sorted(f"questions/{q.id}/" for q in handbook.questions)
    json.dumps(entries, ensure_ascii=False)
    exported = json.loads(pages["export/handbook.json"])
    json.loads(pages["export/facets.json"])
    for q in exported["questions"]:
        assert f"questions/{q['id']}.md" in pages
        for tag in q["tags"]:
            assert f"tags/{tag}.md" in pages
        assert f"categories/{q['category']}.md" in pages
    anchors = {path: set(ANCHOR.findall(text)) for path, text in pages.items() if path.endswith(".md")}
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        for target, anchor in LINK.findall(text):
            page = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) if target else path
            assert page in anchors or page in HANDWRITTEN or page in SITE_FILES, f"{path}: link to a page that does not exist: {target}"
            assert not anchor or page in HANDWRITTEN or anchor in anchors[page], f"{path}: link to an anchor that does not exist: {target}#{anchor}"
        assert "<script" not in text.lower(), f"{path}: unescaped <script>"
        body, meta = front_matter_of(text)
        assert meta.get("handbook_html") is True or path == "reference.md", f"{path}: MkDocs cannot read the front matter"
        assert meta.get("title"), path
        if meta.get("handbook_html"):
            assert body.startswith("<!-- "), f"{path}: the front matter ends early"
    return exported


def _vocab_pages(files: dict[str, Any]) -> set[str]:
    pages = set()
    for rel, entries in files.items():
        if not isinstance(entries, list):
            continue
        folder = rel.removeprefix(f"{DATA}/").split("/")[0].removesuffix(".yaml")
        if folder in ("categories", "tags", "companies", "rounds", "frameworks", "cases", "questions", "sources"):
            pages |= {f"{folder}/{e['id']}.md" for e in entries}
        if folder == "tip_kinds":
            pages |= {f"tips/{e['id']}.md" for e in entries}
    return pages


@given(data_sets(), st.sampled_from([hubs.PAGE_SIZE, 1, 2]))
def test_valid_data_always_builds(ds: DataSet, page_size: int) -> None:
    files = ds.render()
    # Small listing pages, so that a few questions already take several (categories/data/2.md…).
    with patch.object(hubs, "PAGE_SIZE", page_size), run(files) as (root, outcome):
        if outcome.error is not None:
            raise AssertionError("valid data refused:\n" + outcome.error.report())
        assert outcome.pages is not None
        exported = assert_site(root, outcome.pages)
        missing = _vocab_pages(ds.files) - set(outcome.pages)
        assert not missing, f"no page for {sorted(missing)}"
        by_id = {q["id"]: q for q in exported["questions"]}
        assert set(by_id) == set(ds.expected)
        for qid, expected in ds.expected.items():
            assert by_id[qid]["title"] == expected["title"].strip(WHITE_SPACE), qid
            if expected["category"] is not None:
                assert by_id[qid]["category"] == expected["category"], qid
                assert by_id[qid]["tags"] == expected["tags"], qid
            _, meta = front_matter_of(outcome.pages[f"questions/{qid}.md"])
            assert " ".join(meta["title"].split()) == " ".join(html.escape(expected["title"].strip(WHITE_SPACE)).split()), qid
        if any(rel.startswith(f"{DATA}/drafts/") for rel in ds.files):
            preview = generate(root, drafts=True)
            assert {f"questions/{qid}.md" for qid in [*ds.expected, *ds.drafted]} <= set(preview)
            assert not {f"questions/{qid}.md" for qid in ds.drafted} & set(outcome.pages), "drafts are shown in previews only"


# ---------------------------------------------------------------------------------------------
# Mutations: each breaks one rule of a valid data set and returns the file a problem must name.

Mutation = Callable[[st.DrawFn, DataSet], str]


def _collection(rel: str) -> str | None:
    for name, (location, _) in COLLECTIONS.items():
        if rel == f"{DATA}/{location}" or rel.startswith(f"{DATA}/{location}/"):
            return name
    return None


def _entries(ds: DataSet, *collections: str) -> list[tuple[str, int]]:
    return [
        (rel, i)
        for rel, data in sorted(ds.files.items())
        if isinstance(data, list) and (not collections or _collection(rel) in collections)
        for i, entry in enumerate(data)
        if isinstance(entry, dict)
    ]


def _entry(draw: st.DrawFn, ds: DataSet, *collections: str) -> tuple[str, dict[str, Any]]:
    rel, i = draw(st.sampled_from(_entries(ds, *collections)))
    return rel, ds.files[rel][i]


def _inside(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """(path, value) of everything inside an entry, at any depth."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        yield path + (key,), child
        yield from _inside(child, path + (key,))


def _set(entry: Any, path: tuple[str | int, ...], value: Any) -> None:
    for key in path[:-1]:
        entry = entry[key]
    entry[path[-1]] = value


def _wrong(value: Any) -> list[Any]:
    """Values of a type no field accepts where ``value`` stands (booleans are not numbers here: YAML's
    ``true`` is 1 to an integer field)."""
    if isinstance(value, str):
        return [{"错": "类型"}, ["列表"], True]
    if isinstance(value, int):
        return [{"错": 1}, ["1"], "不是数字", 1.5]
    if isinstance(value, list):
        return [{"错": "类型"}, 7, "文字"]
    if isinstance(value, dict):
        return ["文字", ["列表"], 7]
    return [{"错": "类型"}]


def drop_required(draw: st.DrawFn, ds: DataSet) -> str:
    rel, entry = _entry(draw, ds)
    model = COLLECTIONS[_collection(rel) or ""][1]
    required = [name for name, info in model.model_fields.items() if info.is_required() and name in entry]
    del entry[draw(st.sampled_from(required))]
    return rel


def wrong_type(draw: st.DrawFn, ds: DataSet) -> str:
    rel, entry = _entry(draw, ds)
    path, value = draw(st.sampled_from(list(_inside(entry))))
    _set(entry, path, draw(st.sampled_from(_wrong(value))))
    return rel


def unknown_field(draw: st.DrawFn, ds: DataSet) -> str:
    rel, entry = _entry(draw, ds)
    mappings = [entry] + [value for _, value in _inside(entry) if isinstance(value, dict)]
    target = draw(st.sampled_from(mappings))
    target["zz" + draw(st.text("abcdefghijklmnopqrstuvwxyz_", max_size=8))] = draw(st.one_of(texts, st.integers(), st.none()))
    return rel


REFERENCES: dict[str, dict[str, str]] = {
    "questions": {"category": "categories", "tags": "tags", "frameworks": "frameworks", "cases": "cases"},
    "tips": {"kind": "tip_kinds", "company": "companies", "rounds": "rounds", "questions": "questions", "tags": "tags"},
}
"""Entry fields that name another entry (by id, name or synonym), and which kind."""
NESTED_REFERENCES = {"source": "sources", "company": "companies", "round": "rounds", "position": "positions"}
"""The same inside occurrences, source references and timeline events."""


def _references(entry: dict[str, Any], collection: str) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for key, kind in REFERENCES.get(collection, {}).items():
        value = entry.get(key)
        if isinstance(value, str):
            yield (key,), kind
        elif isinstance(value, list):
            yield from (((key, i), kind) for i in range(len(value)))
    for path, value in _inside(entry):
        if isinstance(value, dict):
            yield from ((path + (key,), kind) for key, kind in NESTED_REFERENCES.items() if value.get(key) is not None)


def unknown_reference(draw: st.DrawFn, ds: DataSet) -> str:
    sites = [(rel, entry, path, kind) for rel, i in _entries(ds) for entry in [ds.files[rel][i]] for path, kind in _references(entry, _collection(rel) or "")]
    rel, entry, path, kind = draw(st.sampled_from(sites))
    if kind in ("sources", "cases", "questions"):
        value = draw(ids)
        while value in ds.ids[kind]:
            value += "-x"
    else:
        value = _unique(draw(texts), lambda v: _key(v) in ds.vocab.owner.get(kind, {}))
    _set(entry, path, value)
    return rel


def ambiguous_name(draw: st.DrawFn, ds: DataSet) -> str:
    """One tag's synonym is another tag's name, and a question names that tag by it."""
    first, second = draw(st.lists(st.sampled_from(sorted(ds.vocab.ids("tags"))), min_size=2, max_size=2, unique=True))
    name = ds.vocab.spellings["tags"][second][1]
    _, tag = next((rel, e) for rel, i in _entries(ds, "tags") for e in [ds.files[rel][i]] if e["id"] == first)
    tag["synonyms"] = [*(tag.get("synonyms") or []), name]
    rel, question = _entry(draw, ds, "questions")
    question["tags"][draw(st.integers(0, len(question["tags"]) - 1))] = name
    return rel


def duplicate_id(draw: st.DrawFn, ds: DataSet) -> str:
    rel, entry = _entry(draw, ds, *(name for name in COLLECTIONS if name != "omissions"))
    ds.files[rel].append(copy.deepcopy(entry))
    return rel


BAD_IDS = ["Upper", "with_underscore", "中文", "", " ", "-lead", "trail-", "a--b", "a b", "a" * 81, "index", "a/b", "../x", 123, None]


def bad_id(draw: st.DrawFn, ds: DataSet) -> str:
    rel, entry = _entry(draw, ds, *(name for name in COLLECTIONS if name != "omissions"))
    entry["id"] = draw(st.sampled_from(BAD_IDS + (["unknown"] if _collection(rel) == "companies" else [])))
    return rel


def outline_size(draw: st.DrawFn, ds: DataSet) -> str:
    rel, entry = _entry(draw, ds, "questions")
    count = draw(st.sampled_from([0, 1, 2, 7, 8]))
    entry["outline"] = [f"要点{i}" for i in range(count)]
    if count == 0:
        entry.pop("frameworks", None)
        entry.pop("outline")
    return rel


def tag_count(draw: st.DrawFn, ds: DataSet) -> str:
    rel, entry = _entry(draw, ds, "questions")
    entry["tags"] = draw(st.sampled_from([[], [entry["tags"][0]] * 2, [f"t{i}" for i in range(7)]]))
    return rel


def _occurrences_and_refs(ds: DataSet) -> list[tuple[str, dict[str, Any], str]]:
    """(file, mapping, kind) of every occurrence (``line``) and source reference (``lines``)."""
    found = []
    for rel, i in _entries(ds):
        entry = ds.files[rel][i]
        for path, value in _inside(entry):
            if isinstance(value, dict) and "source" in value:
                found.append((rel, value, "line" if "asked" in path else "lines"))
    return found


def section_without_number(draw: st.DrawFn, ds: DataSet) -> str:
    rel, ref, key = draw(st.sampled_from(_occurrences_and_refs(ds)))
    ref["section"] = draw(texts)
    ref.pop(key, None)
    return rel


def bad_date(draw: st.DrawFn, ds: DataSet) -> str:
    rel, ref, _ = draw(st.sampled_from([found for found in _occurrences_and_refs(ds) if found[2] == "line"]))
    ref["date"] = draw(st.sampled_from(["2025/05", "2025-13", "25", "2025-02-32", "二〇二五", "2025-5", "999", 99999, "2025-05-14T00:00"]))
    return rel


def bad_url(draw: st.DrawFn, ds: DataSet) -> str:
    rel, entry = _entry(draw, ds, "sources")
    entry["url"] = draw(
        st.sampled_from(["javascript:alert(1)", "ftp://example.com", "https://a b", "www.example.com", 'https://x"y', "https://x/<script>", "data:text/html,x"])
    )
    return rel


def adapted_without_sources(draw: st.DrawFn, ds: DataSet) -> str:
    rel, entry = _entry(draw, ds, "cases")
    entry["kind"] = "adapted"
    entry.pop("sources", None)
    return rel


SETTINGS_FILE = f"{DATA}/settings.yaml"


def bad_settings(draw: st.DrawFn, ds: DataSet) -> str:
    bad = [{"hot_threshold": 1}, {"hot_top": 0}, {"hot_top": 51}, {"list_limit": 0}, {"hot_top": "很多"}, {"zz": 1}, ["hot_top", 5], "文字"]
    ds.files[SETTINGS_FILE] = draw(st.sampled_from(bad))
    ds.styles.setdefault(SETTINGS_FILE, {})
    return SETTINGS_FILE


def _list_file(draw: st.DrawFn, ds: DataSet) -> str:
    return draw(st.sampled_from(sorted(rel for rel, data in ds.files.items() if isinstance(data, list))))


def not_a_list(draw: st.DrawFn, ds: DataSet) -> str:
    rel = _list_file(draw, ds)
    ds.files[rel] = draw(st.sampled_from([{"条目": ds.files[rel]}, "文字", 5]))
    return rel


def entry_not_mapping(draw: st.DrawFn, ds: DataSet) -> str:
    rel = _list_file(draw, ds)
    ds.files[rel].insert(draw(st.integers(0, len(ds.files[rel]))), draw(st.sampled_from(["文字", 7, ["列表"], None])))
    return rel


def empty_file(draw: st.DrawFn, ds: DataSet) -> str:
    rel = _list_file(draw, ds)
    ds.overrides[rel] = draw(st.sampled_from(["", "# 只有注释\n", "---\n", "null\n", "~\n", "\n\n"])).encode("utf-8")
    return rel


BROKEN_YAML = [
    "- {\n",
    "- [a, b\n",
    "- 'unclosed\n",
    '- "unclosed\n',
    "- &a {id: x}\n- *a\n",
    "- !!python/object/apply:os.system [ls]\n",
    "- !custom x\n",
    "- " + "[" * 25 + "]" * 25 + "\n",
    "- " + "{a: " * 25 + "b" + "}" * 25 + "\n",
    "- id: dup-key\n  id: dup-key\n",
    "- title：全角冒号\n",
    "- id: x\n  title: 值 #被当成注释\n",
    "- a: b: c\n",
    "\t- tab\n",
    "--- \n- second document\n",
    "- <<: {a: b}\n",
]
"""Text that breaks any YAML file it is appended to, or that the loader refuses (aliases, tags, depth, traps)."""


def broken_yaml(draw: st.DrawFn, ds: DataSet) -> str:
    rel = _list_file(draw, ds)
    ds.overrides[rel] = dump(ds.files[rel], ds.styles[rel]) + draw(st.sampled_from(BROKEN_YAML)).encode("utf-8")
    return rel


def not_utf8(draw: st.DrawFn, ds: DataSet) -> str:
    rel = _list_file(draw, ds)
    content = dump(ds.files[rel], ds.styles[rel])
    if draw(st.booleans()):
        at = draw(st.integers(0, len(content)))
        ds.overrides[rel] = content[:at] + draw(st.sampled_from([b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\x80"])) + content[at:]
    else:
        ds.overrides[rel] = content.decode("utf-8").encode(draw(st.sampled_from(["utf-16", "utf-32"])))
    return rel


CONTROL = "\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\x80\x9f\ufffe\uffff"
"""Characters YAML does not allow in a file (yaml.reader: not printable)."""


def control_character(draw: st.DrawFn, ds: DataSet) -> str:
    """A control character typed into the file (as an escape, ``"\\x07"``, it is valid text)."""
    rel = _list_file(draw, ds)
    text = dump(ds.files[rel], ds.styles[rel]).decode("utf-8")
    at = draw(st.integers(0, len(text)))
    ds.overrides[rel] = (text[:at] + draw(st.sampled_from(CONTROL)) + text[at:]).encode("utf-8")
    return rel


def misnamed(draw: st.DrawFn, ds: DataSet) -> str:
    rel = draw(st.sampled_from(sorted(ds.files)))
    renamed = rel.removesuffix(".yaml") + draw(st.sampled_from([".yml", ".YAML", ".Yaml", ".YML"]))
    ds.overrides[renamed] = dump(ds.files[rel], ds.styles[rel])
    ds.overrides[rel] = None
    return renamed


def missing_file(draw: st.DrawFn, ds: DataSet) -> str:
    rel = f"{DATA}/{draw(st.sampled_from(REQUIRED_FILES))}"
    ds.overrides[rel] = None
    return rel


def raw_notes(draw: st.DrawFn, ds: DataSet) -> str:
    """The raw notes of an imported source go missing, or a line of them loses its place."""
    source = next(e for e in ds.files[f"{DATA}/sources.yaml"] if e.get("raw"))
    raw = f"{DATA}/raw/{source['raw']}"
    omission = next(e for e in ds.files[f"{DATA}/omissions.yaml"] if e["sources"][0]["source"] == source["id"])
    lines = omission["sources"][0].get("lines", [])
    choice = draw(st.sampled_from(["delete", "beyond"] + (["uncovered"] if lines else [])))
    if choice == "delete":
        ds.overrides[raw] = None
        return f"{DATA}/sources.yaml"
    if choice == "beyond":
        omission["sources"][0]["lines"] = [*lines, len(ds.raw[raw].decode("utf-8").splitlines()) + draw(st.integers(1, 3))]
        return f"{DATA}/omissions.yaml"
    omission["sources"][0]["lines"] = lines[:-1]
    if not omission["sources"][0]["lines"]:
        omission["sources"][0]["lines"] = [lines[-1] + 1]
    return raw


def bad_draft(draw: st.DrawFn, ds: DataSet) -> str:
    rel = f"{DATA}/drafts/fuzz.yaml"
    ds.overrides[rel] = draw(st.sampled_from([b"[]\n", b"- 1\n", b"{\n", b"\xe6\x96\x87\xe5\xad\x97\n", b"source: {}\n", b"\xff\n"]))
    return rel


MUTATIONS: dict[str, Mutation] = {
    f.__name__: f
    for f in (
        drop_required,
        wrong_type,
        unknown_field,
        unknown_reference,
        ambiguous_name,
        duplicate_id,
        bad_id,
        outline_size,
        tag_count,
        section_without_number,
        bad_date,
        bad_url,
        adapted_without_sources,
        bad_settings,
        not_a_list,
        entry_not_mapping,
        empty_file,
        broken_yaml,
        not_utf8,
        control_character,
        misnamed,
        missing_file,
        raw_notes,
        bad_draft,
    )
}


# Blind edits of one file's text: they may happen to keep the data valid, but never crash anything.

BLIND_EDITS = ("truncate", "truncate_bytes", "insert", "insert_bytes", "replace", "drop_line", "repeat_line", "swap_lines", "indent_line")


def blind_edit(draw: st.DrawFn, ds: DataSet, edit: str) -> str:
    """Edit one file's text without regard to its meaning; returns what was done."""
    rel = draw(st.sampled_from(sorted(ds.files)))
    content = dump(ds.files[rel], ds.styles[rel])
    text = content.decode("utf-8")
    lines = text.splitlines(keepends=True)
    at = draw(st.integers(0, len(text)))
    if edit == "truncate":
        content = text[:at].encode("utf-8")
    elif edit == "truncate_bytes":
        content = content[: draw(st.integers(0, len(content)))]
    elif edit == "insert":
        content = (text[:at] + draw(st.text(_ANY_CHAR, min_size=1, max_size=8)) + text[at:]).encode("utf-8")
    elif edit == "insert_bytes":
        cut = draw(st.integers(0, len(content)))
        content = content[:cut] + draw(st.binary(min_size=1, max_size=4)) + content[cut:]
    elif edit == "replace":
        content = (text[:at] + draw(st.sampled_from(list(":-[]{}#&*!|>'\"%@`,?\t\n ：　"))) + text[at + 1 :]).encode("utf-8")
    elif lines:
        line = draw(st.integers(0, len(lines) - 1))
        if edit == "drop_line":
            del lines[line]
        elif edit == "repeat_line":
            lines.insert(line, lines[line])
        elif edit == "swap_lines" and line + 1 < len(lines):
            lines[line], lines[line + 1] = lines[line + 1], lines[line]
        elif edit == "indent_line":
            lines[line] = " " + lines[line]
        content = "".join(lines).encode("utf-8")
    ds.overrides[rel] = content
    return f"{edit} {rel}"


assert settings.default is not None  # conftest.py has loaded a profile
SHARE = settings(max_examples=-(-settings.default.max_examples // (len(MUTATIONS) + len(BLIND_EDITS))))
"""The broken data sets of the two tests below, one per mutation or edit, share the examples of one test: every
kind gets its part (Hypothesis, left to choose, would favour a few), and together they take as long as the valid ones."""


@pytest.mark.parametrize("mutation", MUTATIONS)
@SHARE
@given(st.data())
def test_invalid_data_ends_in_a_clear_error(mutation: str, data: st.DataObject) -> None:
    ds = data.draw(data_sets(raw=mutation == "raw_notes"))
    expected = MUTATIONS[mutation](data.draw, ds)  # type: ignore[arg-type]  # hypothesis declares DrawFn.__signature__ (for its docs), a protocol member no bound method has
    note(f"expected a problem in {expected}")
    files = ds.render()
    with run(files) as (root, outcome):
        assert outcome.error is not None, f"{mutation}: the broken data built"
        named = assert_clear(outcome.error, root, files)
        assert expected in named, f"{mutation}: no problem in {expected}:\n{outcome.error.report()}"


@pytest.mark.parametrize("edit", BLIND_EDITS)
@SHARE
@given(st.data())
def test_edited_text_builds_or_ends_in_a_clear_error(edit: str, data: st.DataObject) -> None:
    ds = data.draw(data_sets())
    note(blind_edit(data.draw, ds, edit))  # type: ignore[arg-type]  # DataObject.draw is a DrawFn but for DrawFn.__signature__ (as above)
    files = ds.render()
    with run(files) as (root, outcome):
        if outcome.error is None:  # the edit kept the data valid
            assert outcome.pages is not None
            assert_site(root, outcome.pages)
        else:
            assert_clear(outcome.error, root, files)


# ---------------------------------------------------------------------------------------------
# Regressions found by the fuzzing above


def test_a_draft_the_loader_would_skip_is_reported(mini: Path) -> None:
    """A draft saved as .yml was neither checked nor shown in previews, without a word (misnamed)."""
    write_tree(mini, {"data/drafts/ant.yml": "source: notes\nraw: ant.txt\n", "data/drafts/ant.txt": "原文\n", "data/drafts/old/x.yaml": "[]\n"})
    with pytest.raises(DataError) as info:
        generate(mini)
    assert [p.format() for p in info.value.problems] == [
        "data/drafts/ant.txt: 这个文件不会被读取：data/drafts/ 里只读取 .yaml 文件。是数据就改名为 .yaml，不是就删除或移出 data/。",
        "data/drafts/ant.yml: 扩展名应为 .yaml（小写，不是 .yml），否则不会被读取：请改名为 ant.yaml。",
        "data/drafts/old/: data/drafts/ 里的子目录不会被读取：请把其中的 .yaml 文件直接放在 data/drafts/ 下。",
    ]
