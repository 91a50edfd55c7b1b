"""The Anki deck (#10): the .apkg opened as Anki opens it, a zip holding a SQLite collection, and its notes,
fields, decks and ids checked; built twice it is the same bytes; the site serves it where the home page links."""

from __future__ import annotations

import json
import re
import sqlite3
import warnings
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import genanki
import pytest

from conftest import run_cli, write_tree
from handbook import anki
from handbook.build import load_checked
from handbook.relations import Index

TIME = 1_767_225_600
"""The release time the tests build with (2026-01-01 UTC)."""


@dataclass
class Collection:
    """What an .apkg holds, read back: zip entries, and the collection's notes, cards, decks and note types."""

    entries: list[zipfile.ZipInfo]
    media: str
    notes: dict[str, dict[str, str]]
    """Question id (the 编号 field) → field name → field HTML, plus ``guid``, ``tags``, ``mid`` and ``mod``."""
    cards: list[tuple[int, int, int]]
    """(note id, deck id, due) of every card."""
    note_ids: dict[str, int]
    decks: dict[int, str]
    models: dict[str, dict[str, Any]]


def read(data: bytes) -> Collection:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        entries = archive.infolist()
        collection = archive.read("collection.anki2")
        media = archive.read("media").decode("utf-8")
    db = sqlite3.connect(":memory:")
    db.deserialize(collection)
    notes, note_ids = {}, {}
    for nid, guid, mid, mod, tags, flds in db.execute("SELECT id, guid, mid, mod, tags, flds FROM notes ORDER BY id"):
        fields = dict(zip(anki.FIELDS, flds.split("\x1f"), strict=True))
        notes[fields["编号"]] = {**fields, "guid": guid, "tags": tags, "mid": str(mid), "mod": str(mod)}
        note_ids[fields["编号"]] = nid
    cards = list(db.execute("SELECT nid, did, due FROM cards ORDER BY id"))
    decks_json, models_json = db.execute("SELECT decks, models FROM col").fetchone()
    decks = {int(key): deck["name"] for key, deck in json.loads(decks_json).items()}
    db.close()
    return Collection(entries, media, notes, cards, note_ids, decks, json.loads(models_json))


def build(root: Path, time: int = TIME) -> bytes:
    handbook, _ = load_checked(root)
    return anki.apkg(anki.decks(Index(handbook)), time)


@pytest.fixture
def deck(mini: Path) -> Collection:
    return read(build(mini))


def test_one_note_and_one_card_per_question_with_guids_from_question_ids(deck: Collection) -> None:
    assert sorted(deck.notes) == ["q-001", "q-002", "q-003"]
    for qid, note in deck.notes.items():
        assert note["guid"] == genanki.guid_for(qid)
        assert note["mid"] == str(anki.MODEL_ID)
        assert note["mod"] == str(TIME)
    assert sorted(nid for nid, _, _ in deck.cards) == sorted(deck.note_ids.values())


def test_fields_front_and_back(deck: Collection) -> None:
    note = deck.notes["q-001"]
    assert {name: note[name] for name in anki.FIELDS} == {
        "题目": "AB 实验如何设计？",
        "分类": "数据与实验",
        "公司": "示例公司",
        "轮次": "一面、HR面",
        "标签": '<span class="hb-tag">A/B 实验</span> <span class="hb-tag">数据指标</span>',
        "考察点": "考察实验设计的严谨性。",
        "答题要点": "<ol>\n<li>明确假设</li>\n<li>选指标</li>\n<li>分流</li>\n</ol>",
        "答题框架": "<p><strong>A/B 实验设计</strong>：从假设到放量的实验步骤。</p>\n<ol>\n<li>提出假设</li>\n<li>分流与样本</li>\n</ol>",
        "示例": "<p><strong>示例（本手册编写，非真实候选人经历）：收银台按钮文案实验</strong><br>背景：某支付页转化率 60%。<br>结果：转化率提升 2 个百分点。</p>",
        "常见失误": "<ul>\n<li>样本量不足就下结论</li>\n</ul>",
        "编号": "q-001",
    }
    # Anki's own tags cannot hold spaces.
    assert note["tags"] == " A/B_实验 数据指标 "
    # A question never asked at a company, without an example: those fields are empty, and the card hides them.
    bare = deck.notes["q-002"]
    assert (bare["公司"], bare["轮次"], bare["答题框架"], bare["示例"], bare["常见失误"]) == ("", "", "", "", "")


def test_card_templates_show_the_question_on_the_front_and_the_answer_on_the_back(deck: Collection) -> None:
    (model,) = deck.models.values()
    assert model["name"] == "产品经理面试手册：问答"
    assert [f["name"] for f in model["flds"]] == list(anki.FIELDS)
    (template,) = model["tmpls"]
    front, back = template["qfmt"], template["afmt"]
    assert {"题目", "分类", "公司", "轮次", "标签"} <= set(re.findall(r"\{\{([^#/}]+)\}\}", front))
    assert {"FrontSide", "考察点", "答题要点", "答题框架", "示例", "常见失误", "编号"} <= set(re.findall(r"\{\{([^#/}]+)\}\}", back))


def test_a_subdeck_per_category_with_stable_ids(deck: Collection) -> None:
    assert deck.decks == {
        1: "Default",
        anki.DECK_ID: "产品经理面试手册",
        anki.deck_id("payment"): "产品经理面试手册::支付与风控",
        anki.deck_id("data"): "产品经理面试手册::数据与实验",
    }
    category = {"q-001": "data", "q-002": "data", "q-003": "payment"}
    in_deck = {nid: did for nid, did, _ in deck.cards}
    assert {qid: in_deck[nid] for qid, nid in deck.note_ids.items()} == {qid: anki.deck_id(cid) for qid, cid in category.items()}
    # New cards come in the site's order: categories by their order, questions by id.
    assert [due for _, _, due in deck.cards] == [1, 2, 3]


def test_ids_do_not_change_between_versions() -> None:
    """Readers' collections hold these ids: a deck built by a later version must keep them."""
    assert list(anki.FIELDS) == ["题目", "分类", "公司", "轮次", "标签", "考察点", "答题要点", "答题框架", "示例", "常见失误", "编号"]
    assert (anki.MODEL_ID, anki.DECK_ID, anki.deck_id("data")) == (1811411226, 1183793405, 2000903281)
    assert genanki.guid_for("q-001") == "lFv+*PwD@x"


def test_zip_entries_have_fixed_dates_and_no_media(deck: Collection) -> None:
    assert [info.filename for info in deck.entries] == ["collection.anki2", "media"]
    assert {info.date_time for info in deck.entries} == {anki.ZIP_DATE}
    assert deck.media == "{}"


def test_two_builds_are_byte_identical(mini: Path) -> None:
    assert build(mini) == build(mini)


def test_an_updated_deck_updates_the_same_notes(mini: Path) -> None:
    """Edit a question and release later: the note keeps its GUID (Anki updates it instead of adding a copy)
    and is newer (Anki's default is to update notes only when the imported one is newer)."""
    before = read(build(mini))
    path = mini / "data/questions/main.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("考察排查思路。", "考察排查思路与沟通。"), encoding="utf-8")
    after = read(build(mini, TIME + 86_400))
    assert {q: n["guid"] for q, n in after.notes.items()} == {q: n["guid"] for q, n in before.notes.items()}
    assert after.notes["q-002"]["考察点"] == "考察排查思路与沟通。"
    assert int(after.notes["q-002"]["mod"]) > int(before.notes["q-002"]["mod"])
    assert after.decks == before.decks and after.models.keys() == before.models.keys()


def test_data_text_is_escaped(mini: Path) -> None:
    path = mini / "data/questions/main.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: AB 实验如何设计？", "title: '<script>alert(1)</script> & <b>AB</b>'")
    path.write_text(text.replace("intent: 考察排查思路。", 'intent: "考察\\x1f排查"'), encoding="utf-8")  # Anki's field separator
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # genanki warns about fields with stray HTML tags
        deck = read(build(mini))
    assert deck.notes["q-001"]["题目"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;AB&lt;/b&gt;"
    assert deck.notes["q-003"]["题目"] == "如何规避用户伪造交易材料 &lt;风险&gt;？"
    assert deck.notes["q-003"]["考察点"] == "考察对支付链路 *风险* 的理解。"
    assert deck.notes["q-002"]["考察点"] == "考察 排查"


def test_release_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert anki.release_time(tmp_path) == anki.FALLBACK_TIME  # not a git repository
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert anki.release_time(tmp_path) == 1_800_000_000


def test_cli_writes_the_deck_and_says_where(mini: Path) -> None:
    result = run_cli("--root", str(mini), "export-anki", env={"SOURCE_DATE_EPOCH": str(TIME)})
    assert result.returncode == 0, result.stderr
    target = mini / "build/handbook.apkg"
    assert result.stdout.startswith(f"已导出 Anki 卡组：{target.as_posix()}，3 道题各一张卡片，2 个分类子卡组。")
    assert target.read_bytes() == build(mini)
    out = mini / "elsewhere/deck.apkg"
    again = run_cli("--root", str(mini), "export-anki", "--out", str(out), env={"SOURCE_DATE_EPOCH": str(TIME)})
    assert again.returncode == 0, again.stderr
    assert out.read_bytes() == target.read_bytes()
    assert sorted(p.name for p in out.parent.iterdir()) == ["deck.apkg"]


def test_cli_bad_data_exits_1_with_located_message_and_writes_nothing(mini: Path) -> None:
    write_tree(mini, {"data/questions/bad.yaml": "- id: q-9\n  title: 题\n  category: nope\n  tags: [risk]\n  intent: x\n  outline: [a, b, c]\n"})
    result = run_cli("--root", str(mini), "export-anki")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/questions/bad.yaml:3:3: 条目 q-9 · 字段 category：未知分类 'nope'。" in result.stderr
    assert not (mini / "build").exists()


def test_cli_unwritable_output_is_reported(mini: Path) -> None:
    (mini / "taken").mkdir()
    result = run_cli("--root", str(mini), "export-anki", "--out", str(mini / "taken"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("无法读写文件：")
    assert list((mini).glob(".taken.partial")) == []


@pytest.mark.real_data
def test_the_site_serves_the_deck_the_home_page_links_to(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<a href="export/handbook.apkg" download>下载 Anki 卡组</a>' in home
    deck = read((built_site / "export/handbook.apkg").read_bytes())
    questions = json.loads((built_site / "export/handbook.json").read_text(encoding="utf-8"))["questions"]
    assert sorted(deck.notes) == sorted(q["id"] for q in questions)
    assert all(note["guid"] == genanki.guid_for(qid) for qid, note in deck.notes.items())
