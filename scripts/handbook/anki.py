"""The Anki deck (``handbook export-anki``, and ``export/handbook.apkg`` in the site): one note per question.

A pure function turns the checked handbook into genanki decks, one category at a time (``decks``); another
packs them into the bytes of an ``.apkg`` (``apkg``): a zip holding a SQLite collection (written through a
scratch file) with fixed dates, so the same data and time stamp give the same bytes. Only ``write`` and
``release_time`` touch the world (and ``apkg``'s scratch file).

Re-importing a newer deck must update the notes a reader already has, not add copies: every id is stable.
The note type and the decks have ids hashed from fixed names and category ids, and each note's GUID is
hashed from its question id (``genanki.guid_for``). Anki updates a note by default only when the imported
one is newer ("Update notes: if newer"), so the time stamp written into notes is the time of the release
(``release_time``: the last commit), not a constant.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

from . import markup as H
from .model import Case, Framework, Question
from .pages import CASE_LABELS
from .relations import Index, companies_of

DECK_NAME = "产品经理面试手册"
"""The parent deck; each category is a subdeck, ``产品经理面试手册::<category name>``."""


def stable_id(name: str) -> int:
    """An id in the range genanki recommends, [2**30, 2**31), the same for the same name on every build."""
    digest = hashlib.sha256(f"pm-interview-handbook/anki/{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


MODEL_ID = stable_id("model")
DECK_ID = stable_id("deck")


def deck_id(cid: str) -> int:
    """The id of a category's subdeck, from the category id (renaming the category keeps it)."""
    return stable_id(f"deck/{cid}")


FIELDS = ("题目", "分类", "公司", "轮次", "标签", "考察点", "答题要点", "答题框架", "示例", "常见失误", "编号")
"""The note's fields, in order. Keep them stable: a changed list is a new note type to Anki, which then asks
readers to merge note types when they import an update."""

FRONT = """\
<div class="hb-meta">{{分类}}{{#公司}} · {{公司}}{{/公司}}{{#轮次}} · {{轮次}}{{/轮次}}</div>
<div class="hb-question">{{题目}}</div>
{{#标签}}<div class="hb-tags">{{标签}}</div>{{/标签}}"""

BACK = """\
{{FrontSide}}
<hr id="answer">
<h3>考察点</h3>
<div>{{考察点}}</div>
{{#答题要点}}<h3>答题要点</h3>{{答题要点}}{{/答题要点}}
{{#答题框架}}<h3>答题框架</h3>{{答题框架}}{{/答题框架}}
{{#示例}}<h3>示例</h3>{{示例}}{{/示例}}
{{#常见失误}}<h3>常见失误</h3>{{常见失误}}{{/常见失误}}
<div class="hb-id">题目编号：{{编号}}</div>"""

CSS = """\
.card { font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 18px;
  line-height: 1.6; text-align: left; max-width: 40em; margin: 0 auto; color: #222; background: #fff; }
.nightMode .card, .card.nightMode { color: #ddd; background: #2f2f31; }
.hb-meta, .hb-id { font-size: 14px; opacity: 0.7; }
.hb-question { font-size: 22px; font-weight: 600; margin: 0.4em 0; }
.hb-tag { display: inline-block; font-size: 13px; padding: 0 0.5em; margin: 0 0.3em 0.3em 0; border-radius: 1em;
  background: rgba(127, 127, 127, 0.18); }
h3 { font-size: 17px; margin: 1em 0 0.3em; }
ol, ul { padding-left: 1.5em; margin: 0.3em 0; }
"""


def note_model() -> genanki.Model:
    """The note type: the fields above, one card (question on the front, answer on the back)."""
    return genanki.Model(
        MODEL_ID,
        f"{DECK_NAME}：问答",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "问答", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )


def decks(index: Index) -> Iterator[genanki.Deck]:
    """The parent deck, then one subdeck per category with questions, each question's note in listing order.

    One deck at a time: apkg() writes each and lets it go, so a bank of 10,000 questions never holds
    all its notes as objects at once."""
    model = note_model()
    shared = Shared(
        frameworks={fid: _framework(fw) for fid, fw in index.frameworks.items()},
        cases={cid: _case_summary(case) for cid, case in index.cases.items()},
    )
    yield genanki.Deck(DECK_ID, DECK_NAME, description="产品经理面试题库：每道题一张卡片，按分类分成子卡组。")
    position = itertools.count(1)
    for cid, category in index.categories.items():
        questions = index.questions_by_category.get(cid, [])
        if not questions:
            continue
        deck = genanki.Deck(deck_id(cid), f"{DECK_NAME}::{category.name}", description=H.text(category.description))
        for q in questions:
            deck.add_note(note(index, shared, model, q, next(position)))
        yield deck


def counts(index: Index) -> tuple[int, int]:
    """How many notes (one per question) and category subdecks the deck of ``index`` holds."""
    return len(index.questions), sum(1 for cid in index.categories if index.questions_by_category.get(cid))


@dataclass(frozen=True)
class Shared:
    """HTML that many notes show, made once: each framework's steps and each case's summary, by id."""

    frameworks: dict[str, str]
    cases: dict[str, str]


def note(index: Index, shared: Shared, model: genanki.Model, q: Question, position: int) -> genanki.Note:
    """A question's note; every field is HTML, with the data's text escaped. ``position`` orders new cards."""
    tags = [index.tags[t].name for t in q.tags]
    fields = {
        "题目": H.text(q.title),
        "分类": H.text(index.categories[q.category].name),
        "公司": "、".join(H.text(index.companies[c].name) for c in companies_of(q)),
        "轮次": "、".join(H.text(index.rounds[r].name) for r in index.rounds_of(q)),
        "标签": " ".join(f'<span class="hb-tag">{H.text(name)}</span>' for name in tags),
        "考察点": H.text(q.intent),
        "答题要点": H.ol(H.text(point) for point in q.outline),
        "答题框架": "".join(shared.frameworks[fid] for fid in q.frameworks),
        "示例": "".join(shared.cases[cid] for cid in q.cases),
        "常见失误": H.ul(H.text(p) for p in q.pitfalls),
        "编号": H.text(q.id),
    }
    values = [fields[name] for name in FIELDS]
    return genanki.Note(model=model, fields=values, tags=[anki_tag(name) for name in tags], guid=genanki.guid_for(q.id), due=position)


def anki_tag(name: str) -> str:
    """A tag name as an Anki tag, which cannot contain spaces: ``A/B 实验`` → ``A/B_实验``."""
    return "_".join(name.split())


def _framework(fw: Framework) -> str:
    """Name, summary and step titles (the points are on the framework's page: on every note they would make
    the deck three times as large)."""
    return f"<p><strong>{H.text(fw.name)}</strong>：{H.text(fw.summary)}</p>\n{H.ol(H.text(step.title) for step in fw.steps)}"


def _case_summary(case: Case) -> str:
    label = f"{CASE_LABELS[case.kind]}：{H.text(case.title)}"
    return H.para(f"<strong>{label}</strong><br>背景：{H.text(case.background)}<br>结果：{H.text(case.result)}")


ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Zip entries get this date (the earliest a zip can hold), not the time of the build."""


def apkg(parts: Iterable[genanki.Deck], timestamp: int) -> bytes:
    """The ``.apkg`` file: the collection written with ``timestamp`` (seconds) as every note's and card's
    modification time, zipped with fixed entry dates. genanki's own writer stamps its temporary file's mtime.

    The collection goes through a temporary file, not an in-memory database: at 10,000 questions it is
    tens of megabytes, and the site build (which makes the deck) holds the whole bank already."""
    with tempfile.TemporaryDirectory(prefix="handbook-anki-") as scratch:
        collection = Path(scratch) / COLLECTION
        connection = sqlite3.connect(collection)
        try:
            cursor, ids = connection.cursor(), itertools.count(timestamp * 1000)
            cursor.executescript(APKG_SCHEMA)  # what genanki.Package.write_to_db does, one deck at a time
            cursor.executescript(APKG_COL)
            for deck in parts:
                deck.write_to_db(cursor, timestamp, ids)
            connection.commit()
        finally:
            connection.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            with collection.open("rb") as source, archive.open(_entry(COLLECTION), "w") as target:
                shutil.copyfileobj(source, target, 1 << 20)
            archive.writestr(_entry(MEDIA), b"{}")  # the media index: the deck has no media
    return buffer.getvalue()


COLLECTION, MEDIA = "collection.anki2", "media"
"""What Anki reads from a package: the collection, and the media index."""


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


FALLBACK_TIME = 1767225600
"""2026-01-01 UTC: the notes' time when the build knows no release time (no SOURCE_DATE_EPOCH, no git)."""


def release_time(root: Path) -> int:
    """The time a deck built from ``root`` was released, in seconds: SOURCE_DATE_EPOCH when set (the convention of
    reproducible builds), else the time of the last git commit, else FALLBACK_TIME. Builds of one commit are
    byte-identical; a later commit makes newer notes, which Anki updates on import."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return int(given)
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return FALLBACK_TIME
    stamp = result.stdout.strip()
    return int(stamp) if result.returncode == 0 and stamp.isdigit() else FALLBACK_TIME


def write(path: Path, data: bytes) -> None:
    """Write the deck beside ``path`` and rename it into place, so a reader never downloads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
