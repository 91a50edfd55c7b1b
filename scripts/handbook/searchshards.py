"""The search index in shards, for large banks: a reader's first search downloads what its query needs.

Material's search fetches one index file and builds a Lunr index of all of it in the browser before the
first result: at 10,000 questions 5 MB and about 6 seconds. Above a bank size (mkdocs.yml
``extra.search_shards_from``, in index entries) the build writes instead, in ``search/shards/<hash>/`` (a folder
named by the files' content):

- ``meta.json``: the vocabulary (every term with its number of occurrences, of entries holding it and of fields
  holding it), where each page's entries start, the entries' boosts, and the number of entries;
- ``p<k>.txt``: postings, every term's entries and its counts in each field, a term in shard k by its first
  character (so a word being typed finds every word it begins in one shard);
- ``d<n>.json``: page n's entries, as the single index would hold them;

and ``search_index.json`` keeps Material's config, with no entries, and where the shards are (``config.shards``).
In the search worker, docs/assets/search-shards.js then scores a query from the postings exactly as Lunr would
score it over the whole index, fetches the best pages and has Material's worker index just those, with the whole
index's term weights: Material ranks, highlights and shows them as before.

Terms are read as Material's tokenizer reads the index (text between HTML tags, split by the configured
separator, lower-cased; the Chinese stemmer is the identity and the trimmer and stop words are off).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

SHARD_BYTES = 96_000
"""Postings per shard, roughly (uncompressed): a query's words fetch a few shards of this size."""

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_TAGS = re.compile(r"[<>]")
_FIELDS = ("title", "text", "tags")


def b36(n: int) -> str:
    """``n`` (≥ 0) in base 36, as JavaScript's parseInt(text, 36) reads it."""
    out = ""
    while True:
        n, digit = divmod(n, 36)
        out = _DIGITS[digit] + out
        if not n:
            return out


def shard_of(term: str, shards: int) -> int:
    """The shard of every term beginning with ``term``'s first character (search-shards.js computes the same)."""
    return ((ord(term[0]) * 2654435761) & 0xFFFFFFFF) % shards


def _texts(value: str) -> Iterator[str]:
    """The text between HTML tags, as Material's extract() visits it."""
    start = 0
    for mark in _TAGS.finditer(value):
        end = mark.start()
        if value[end] == "<":
            if end > start:
                yield value[start:end]
                start = end
        else:
            start = end + 1
    if len(value) > start:
        yield value[start:]


def tokens(value: str | list[str] | None, separator: re.Pattern[str]) -> list[str]:
    """The terms Lunr indexes for one field of an entry (a string, or a list of strings such as tags)."""
    if value is None:
        return []
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        for text in _texts(item):
            out += [piece.lower() for piece in separator.split(text) if piece]
    return out


class _Term:
    """One term of the index: its counts, and its entries already written as the shard holds them (a few bytes
    each: at 10,000 questions 1.7 million entries in 6 MB, where arrays of numbers took 20)."""

    __slots__ = ("count", "df", "entries", "fdf", "last")

    def __init__(self) -> None:
        self.count = 0
        """Occurrences in the whole index (search-query.js cuts a query by them)."""
        self.df = 0
        """Entries holding it."""
        self.fdf = 0
        """(Entry, field) pairs holding it: Lunr's document frequency."""
        self.last = 0
        self.entries = bytearray()

    def add(self, n: int, text: int, title: int, tags: int) -> None:
        """Entry ``n`` (after every entry added so far) holds the term this many times in each field: written as the
        gap from the previous entry, then, unless it is the common case (once, in the text), its counts in text,
        title and tags, base 36, dot-separated, trailing zeros left out. Entries are separated by spaces (one
        leading: see written())."""
        self.df += 1
        gap = n - self.last
        self.last = n
        code = _SHORT[gap] if gap < len(_SHORT) else b36(gap).encode("ascii")
        if text == 1 and not title and not tags:  # 90% of entries
            self.fdf += 1
            self.count += 1
            self.entries += b" " + code
            return
        self.fdf += (text > 0) + (title > 0) + (tags > 0)
        self.count += text + title + tags
        counts = [text, title, tags]
        while not counts[-1]:
            counts.pop()
        self.entries += b" " + code + b"." + ".".join(map(b36, counts)).encode("ascii")

    def written(self) -> str:
        return self.entries[1:].decode("ascii")


_SHORT = tuple(b36(n).encode("ascii") for n in range(36 * 36))
"""The numbers of one or two base-36 digits, ready written: most gaps between entries."""


class Shards:
    """Index entries added one at a time (the single index's order), written as shards."""

    def __init__(self, config: dict[str, Any], folder: Path) -> None:
        """Shards written into ``folder`` (made here), in a folder that finish() names after their content: the
        pages as they are complete, the rest by finish()."""
        self.config = config
        self.root = folder
        self.folder = folder / "next"
        self.folder.mkdir(parents=True)
        self.digest = hashlib.sha256()
        self.separator = re.compile(config["separator"])
        self.fields = [f for f in config["fields"] if f in _FIELDS]
        self.terms: dict[str, _Term] = {}
        self.starts: list[int] = []
        self.boosts: dict[int, float] = {}
        self.page: list[dict[str, Any]] = []
        self._page_path: str | None = None
        self.n = 0

    def add(self, doc: dict[str, Any]) -> None:
        n = self.n
        self.n += 1
        path = str(doc["location"]).split("#")[0]
        if path != self._page_path or not self.starts:
            self._write_page()
            self.starts.append(n)
            self._page_path = path
        self.page.append(doc)
        if doc.get("boost") not in (None, 1):
            self.boosts[n] = float(doc["boost"])
        title, text, tags = (Counter(tokens(doc.get(name), self.separator) if name in self.fields else ()) for name in _FIELDS)
        terms = self.terms
        for term, tf in text.items():
            known = terms.get(term) or terms.setdefault(term, _Term())
            known.add(n, tf, title.pop(term, 0), tags.pop(term, 0))
        for term, tf in title.items():
            known = terms.get(term) or terms.setdefault(term, _Term())
            known.add(n, 0, tf, tags.pop(term, 0))
        for term, tf in tags.items():
            known = terms.get(term) or terms.setdefault(term, _Term())
            known.add(n, 0, 0, tf)

    def _write_page(self) -> None:
        if self.page:
            self._write(f"d{len(self.starts) - 1}.json", compact_json(self.page))
            self.page = []

    def _write(self, name: str, text: str) -> None:
        data = text.encode("utf-8")
        self.digest.update(name.encode() + b"\0" + data + b"\0")
        (self.folder / name).write_bytes(data)

    def finish(self) -> dict[str, Any]:
        """Write the postings and meta.json; returns what search_index.json holds instead of the entries:
        Material's config and where the shards are, a folder named by their hash: a page opened before a new build
        was published never reads the new build's files as its own (it does not find them instead)."""
        self._write_page()
        size = sum(len(term) * 3 + len(known.entries) + 2 for term, known in self.terms.items())
        shards = max(1, -(-size // SHARD_BYTES))
        lines: dict[int, list[str]] = {}
        for term in sorted(self.terms):
            lines.setdefault(shard_of(term, shards), []).append(f"{term}\t{self.terms[term].written()}\n")
        for number in range(shards):
            self._write(f"p{number}.txt", "".join(lines.pop(number, [])))
        version = self.digest.hexdigest()[:12]
        words = "".join(f"{t}\t{b36(w.count)}\t{b36(w.df)}\t{b36(w.fdf)}\n" for t, w in sorted(self.terms.items()))
        meta = {
            "version": version,
            "docs": self.n,
            "shards": shards,
            "fields": {name: self.config["fields"][name].get("boost", 1) for name in self.fields},
            "starts": _deltas(self.starts),
            "boosts": {str(n): boost for n, boost in sorted(self.boosts.items())},
            "words": words,
        }
        (self.folder / "meta.json").write_text(compact_json(meta), encoding="utf-8")
        self.folder.rename(self.root / version)
        # Material's page script passes only config and docs on to its worker: the pointer goes in config.
        return {"config": {**self.config, "shards": {"path": f"search/shards/{version}/"}}, "docs": []}


def _deltas(values: Iterable[int]) -> str:
    previous = 0
    out = []
    for value in values:
        out.append(b36(value - previous))
        previous = value
    return " ".join(out)


def compact_json(value: Any) -> str:
    """JSON as the search index is written: UTF-8 text rather than \\uXXXX escapes, no spaces."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
