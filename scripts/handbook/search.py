"""Search from the data: words for the Chinese segmenter, and the index entries of question pages.

Material's search plugin indexes a page by parsing its HTML and segmenting every
Han run with jieba: the slowest part of a large build, and it indexes whatever the
page shows. Question pages are excluded from that (``search: exclude`` in their
front matter) and indexed here instead, straight from the data: one entry per
question with the text a reader searches for (title, 考察点, 答题要点, background,
examples, pitfalls, tag synonyms), segmented the same way, without HTML. Tag pages
(whose lists of questions are indexed on the questions' pages) get one lean entry
each: the tag's name, description and synonyms, so that 用户调研 finds the 用户研究 tag.

In the browser, docs/assets/search-query.js cuts the reader's query into the words of
this index and makes them required (see there), learning the words in a worker: they are read
from the whole index, about a second at 10,000 questions.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import IO, Any

from . import paths as P
from .export import url_of
from .handbook import Handbook
from .model import Question, Tag
from .relations import Index
from .searchshards import Shards, compact_json

_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

PUNCTUATION = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"
"""CJK and full-width punctuation. mkdocs.yml's search separator splits on it, so no zero-width
space is needed next to it (a third of a segmented index is those spaces)."""

_SPARE_ZWSP = re.compile(rf"\u200b(?=[\s{PUNCTUATION}A-Za-z0-9]|$)|(?<=[\s{PUNCTUATION}A-Za-z0-9])\u200b|^\u200b")

Segmenter = Callable[[str], Iterable[str]]


def segmenter_words(handbook: Handbook) -> list[str]:
    """Domain terms jieba should keep whole: tag names and synonyms, company aliases."""
    words: set[str] = set()
    for tag in handbook.tags:
        words.update([tag.name, *tag.synonyms])
    for company in handbook.companies:
        words.update([company.name, *company.aliases])
    return sorted(w for w in words if _HAN.search(w) and " " not in w and len(w) >= 2)


_MEMO: dict[tuple[Segmenter, str], str] = {}
"""Segmented texts of this process, so that `mkdocs serve` re-segments only what an edit changed."""
MEMO_LIMIT = 100_000


def segment(text: str, cut: Segmenter) -> str:
    """``text`` with its Han runs split into words by zero-width spaces, as Material's search expects,
    leaving out the spaces that the separator makes redundant (next to punctuation, spaces, Latin, digits)."""
    done = _MEMO.get((cut, text))
    if done is None:
        if len(_MEMO) >= MEMO_LIMIT:
            _MEMO.clear()
        done = _MEMO[(cut, text)] = _segment(text, cut)
    return done


def _segment(text: str, cut: Segmenter) -> str:
    text = " ".join(text.split())
    marked = _HAN_RUN.sub(lambda m: "\u200b" + "\u200b".join(cut(m.group(0))) + "\u200b", text)
    return _SPARE_ZWSP.sub("", marked).strip("\u200b")


def page_url(path: str, directory_urls: bool = True) -> str:
    """The site URL of a docs page, as MkDocs writes it with or without directory URLs (the offline zip)."""
    return url_of(path) if directory_urls else path.removesuffix(".md") + ".html"


def _searchable(index: Index, q: Question) -> str:
    parts = [q.intent, *q.outline, *q.background, *q.pitfalls]
    for cid in q.cases:
        case = index.cases[cid]
        parts += [case.title, case.background, *case.steps, case.result]
    parts += [s for t in q.tags for s in index.tags[t].synonyms]
    return " ".join(parts)


def question_entries(index: Index, cut: Segmenter, directory_urls: bool = True) -> Iterator[dict[str, Any]]:
    """One search entry per question page: title, and the text a reader searches for."""
    for q in index.questions.values():
        # Material shows titles and text as HTML: escape them, as its own indexer does.
        yield {
            "location": page_url(P.question(q.id), directory_urls),
            "title": html.escape(segment(q.title, cut), quote=False),
            "text": html.escape(segment(_searchable(index, q), cut), quote=False),
            "tags": [html.escape(index.tags[t].name) for t in q.tags],
        }


def tag_entries(index: Index, cut: Segmenter, directory_urls: bool = True) -> Iterator[dict[str, Any]]:
    """One search entry per tag page: its title names the tag and its synonyms (what a reader may call it: 用户调研
    finds 标签：用户研究 first), its tags field the tag as its questions carry it, its text the description."""
    for tag in index.tags.values():
        yield {
            "location": page_url(P.tag(tag.id), directory_urls),
            "title": html.escape(segment(_tag_title(tag), cut), quote=False),
            "text": html.escape(segment(tag.description, cut), quote=False),
            "tags": [html.escape(tag.name)],
        }


def _tag_title(tag: Tag) -> str:
    return f"标签：{tag.name}（又称：{'、'.join(tag.synonyms)}）" if tag.synonyms else f"标签：{tag.name}"


def entries(index: Index, cut: Segmenter, directory_urls: bool = True) -> Iterator[dict[str, Any]]:
    """The entries indexed from the data: question pages, then tag pages."""
    yield from question_entries(index, cut, directory_urls)
    yield from tag_entries(index, cut, directory_urls)


def spill(extra: Iterable[dict[str, Any]]) -> IO[str]:
    """The entries as JSON, one per line, in an anonymous temporary file (gone when closed): made while the data
    is in memory, written into the index after MkDocs has built every page, without holding the data that long."""
    spilled = tempfile.TemporaryFile("w+", encoding="utf-8")
    for entry in extra:
        spilled.write(compact_json(entry) + "\n")
    spilled.seek(0)
    return spilled


WORD_BREAK = "\x7f"
"""What separates words in the written index: one byte in UTF-8 where the zero-width space (U+200B, which
Material's build and segment() put between words) takes three, and JSON leaves it unescaped. mkdocs.yml's search
separator splits on it and docs/assets/search-clean.js removes it from the results shown; text never holds it
(YAML refuses the character). At 10,000 questions the index is 2.3 million word breaks: 26.0 → 21.4 MB, gzip 5.33 → 5.06 MB."""


def write_index(path: Path, extra: IO[str], shards_from: int | None = None) -> None:
    """Add ``extra`` entries (each as JSON text on a line, as spill() keeps them) to Material's search index and
    rewrite it as UTF-8 JSON instead of \\uXXXX escapes (about half the size), words separated by WORD_BREAK; or,
    when the index holds ``shards_from`` entries or more, write it in shards (handbook/searchshards.py) beside it
    and leave in it only Material's config and where the shards are.

    The entries are written one at a time, never held together: at 10,000 questions they are
    tens of megabytes of text. The file is replaced only once complete."""
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = data.pop("docs")
    total = len(docs) + sum(1 for _ in extra)
    extra.seek(0)
    entries = (e.replace("\u200b", WORD_BREAK) for e in chain((compact_json(doc) for doc in docs), (line.rstrip("\n") for line in extra)))
    if shards_from is not None and total >= shards_from:
        _write_shards(path, data["config"], entries)
        return
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as out:
        out.write(compact_json(data)[:-1] + ("," if data else "") + '"docs":[')
        for i, entry in enumerate(entries):
            out.write(("," if i else "") + entry)
        out.write("]}")
    partial.replace(path)
    _remove(path.parent / SHARDS)


SHARDS = "shards"
"""The folder beside search_index.json that holds the index in shards."""


def index_files(search: Path) -> list[Path]:
    """Every file of the search index in the site's ``search/`` folder: search_index.json and, when the index is in
    shards, every shard (what benchmarks weigh)."""
    return [search / "search_index.json", *sorted(f for f in (search / SHARDS).rglob("*") if f.is_file())]


def _write_shards(path: Path, config: dict[str, Any], entries: Iterable[str]) -> None:
    """The index as shards in a fresh folder, swapped in whole, then search_index.json pointing at them."""
    target = path.parent / SHARDS
    partial = path.parent / (SHARDS + ".partial")
    _remove(partial)
    shards = Shards(config, partial)
    for entry in entries:
        shards.add(json.loads(entry))
    stub = shards.finish()
    _remove(target)
    partial.replace(target)
    written = path.with_name(path.name + ".partial")
    written.write_text(compact_json(stub), encoding="utf-8")
    written.replace(path)


def _remove(folder: Path) -> None:
    if folder.is_dir():
        shutil.rmtree(folder)


def jieba_cut(words: Iterable[str]) -> Segmenter:
    """jieba's segmenter (as Material uses it at build time), taught the domain terms.

    The words are cut by rjieba, jieba's algorithm and dictionary in Rust: about twenty times faster,
    and the same words on all but 2 of the handbook's 8,023 Han runs (tests/test_search_index.py). Both are taught the terms:
    Material cuts the other pages with jieba. Always the same function (the dictionaries are
    global), so segmentations are reused across rebuilds; a newly taught word clears them."""
    import jieba
    import rjieba

    new = [w for w in words if w not in _TAUGHT]
    for word in new:
        jieba.add_word(word)
        rjieba.add_word(word, None, None)
        _TAUGHT.add(word)
    if new:
        _MEMO.clear()
    return _cut


_TAUGHT: set[str] = set()


def _cut(text: str) -> Iterable[str]:
    import rjieba

    result: list[str] = rjieba.cut(text)
    return result
