"""Accept a reviewed import draft into data/, editing YAML files round-trip (comments and layout kept).

``accept(root, draft)`` checks that the draft is complete (every question has its intent, no
placeholders or review marks left), checks the handbook as it would be, computes every file's
new text, validates a copy of data/ with those texts, and only then writes the files (each one
atomically; all restored if one write fails) and deletes the draft. New entries go to
data/questions/<source>.yaml and data/tips/<source>.yaml, the source to data/sources.yaml,
omitted lines to data/omissions.yaml, and each ``add_asked`` occurrence into the ``asked`` list
of the question it names, in whatever file holds it.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.resolver import VersionedResolver

from .atomic import write_text
from .check import check
from .drafts import PLACEHOLDER, AddAsked, Drafts, LoadedDraft, apply_drafts, omissions, parse_draft, to_question, to_tip, with_occurrence
from .handbook import Handbook
from .load import load, repo_path
from .model import Source
from .problems import DataError, Problem, field_path
from .rawlines import RAW_DIR, check_raw

FLOW_KEYS = {"tags", "frameworks", "cases", "rounds", "questions", "lines"}
"""Lists of ids or numbers, written on one line as data/ does: tags: [a, b]."""


class _FlushEmitter(Emitter):
    """data/'s layout: top-level list items at column 0 (``- id:``), nested lists indented by 4 with the dash at 2."""

    def _top_sequence(self) -> bool:
        values = self.indents.values
        return len(values) == 1 and bool(values[0][1]) and self.indent == 0

    def expect_block_sequence_item(self, first: bool = False) -> None:
        if not self._top_sequence():
            return super().expect_block_sequence_item(first)
        saved = self.sequence_dash_offset
        self.sequence_dash_offset = 0
        try:
            super().expect_block_sequence_item(first)
        finally:
            self.sequence_dash_offset = saved

    def increase_indent(self, flow: bool = False, sequence: bool | None = None, indentless: bool = False) -> None:
        top = self._top_sequence()
        super().increase_indent(flow, sequence, indentless)
        if top and not indentless and not flow and self.indent is not None:
            self.indent -= self.best_sequence_indent - 2


class _Resolver(VersionedResolver):
    """YAML 1.1 rules as PyYAML reads data/ (so 'yes' is quoted), without timestamps as in yamlpos
    (``date: 2025-05-14`` is text, written without quotes)."""

    def __init__(self, version: Any = None, loader: Any = None, loadumper: Any = None) -> None:
        super().__init__(version, loader, loadumper)
        self._loader_version = (1, 1)

    @property
    def versioned_resolver(self) -> Any:
        table = super().versioned_resolver
        return {first: [(tag, regexp) for tag, regexp in rules if tag != TIMESTAMP] for first, rules in table.items()}


TIMESTAMP = "tag:yaml.org,2002:timestamp"


def round_trip() -> YAML:
    """A ruamel YAML that reproduces data/'s files byte for byte."""
    yaml = YAML()
    yaml.Resolver = _Resolver
    yaml.Emitter = _FlushEmitter
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def dump(document: Any) -> str:
    out = io.StringIO()
    round_trip().dump(document, out)
    return out.getvalue()


# ---------------------------------------------------------------- entries as ruamel nodes


def node(value: Any, key: str = "") -> Any:
    """Plain data as ruamel nodes in data/'s style: lists of ids and small mappings inside lists on one line."""
    if isinstance(value, dict):
        mapping = CommentedMap((k, node(v, k)) for k, v in value.items())
        return mapping
    if isinstance(value, list):
        seq = CommentedSeq(node(v, key) for v in value)
        if key in FLOW_KEYS:
            seq.fa.set_flow_style()
        for item in seq:
            if isinstance(item, CommentedMap):
                item.fa.set_flow_style()
        return seq
    return value


def entry(model: BaseModel) -> CommentedMap:
    """A model as a top-level entry: fields in model order, defaults left out."""
    result = node(model.model_dump(exclude_defaults=True, exclude_none=True))
    assert isinstance(result, CommentedMap)
    return result


def append_entries(text: str | None, entries: list[CommentedMap], header: str) -> str:
    """``text`` (a list file, or None for a new file) with ``entries`` appended, separated as the file separates its entries."""
    blank = text is None or "\n\n- " in text or "\n\n-\n" in text
    parts = [dump([e]) for e in entries]
    body = ("\n" if blank else "").join(parts)
    if text is None or not text.strip():
        return f"# {header}\n{body}" if text is None else text + body
    base = text if text.endswith("\n") else text + "\n"
    return base + ("\n" if blank else "") + body


# ---------------------------------------------------------------- readiness


@dataclass(frozen=True)
class Accepted:
    """What accepting a draft wrote."""

    written: tuple[str, ...]
    source: str
    new_source: bool
    questions: int
    occurrences: int
    tips: int
    omitted: int


def readiness(loaded: LoadedDraft, handbook: Handbook, data_dir: Path) -> list[Problem]:
    """What must still be done before a draft can become data, each with where and what to write."""
    problems = list(_question_gaps(loaded))
    for i, tip in enumerate(loaded.draft.tips):
        if tip.review:
            problems.append(_at(loaded, ("tips", i, "review"), tip.id, f"面经类型是自动推荐的（{tip.kind}）：确认或改正 kind 后删掉 review 这一行。"))
    problems += _source_gaps(loaded, handbook, data_dir)
    return problems


def _question_gaps(loaded: LoadedDraft) -> Iterator[Problem]:
    for i, q in enumerate(loaded.draft.questions):
        if q.intent is None:
            message = "还没有考察点：接受前写 1–3 句面试官想考什么，如 intent: 考察能否先澄清目标和用户，再用数据验证方案。"
            yield _at(loaded, ("questions", i), q.id, message, "intent")
        if not q.outline and not q.frameworks:
            yield _at(loaded, ("questions", i), q.id, "还没有答题要点：写 outline（3–6 条，每条以“- ”开头），或写 frameworks（答题框架 id）。", "outline")
        if q.review:
            names = "、".join({"category": "分类 category", "tags": "标签 tags"}[r] for r in q.review)
            yield _at(loaded, ("questions", i, "review"), q.id, f"{names} 是自动推荐、没有把握的：确认或改正后删掉 review 这一行。")


def _source_gaps(loaded: LoadedDraft, handbook: Handbook, data_dir: Path) -> Iterator[Problem]:
    draft = loaded.draft
    known = {s.id: s for s in handbook.sources}
    if isinstance(draft.source, Source):
        for name, value in draft.source.model_dump(exclude_none=True).items():
            if isinstance(value, str) and value.startswith(PLACEHOLDER):
                yield _at(loaded, ("source", name), draft.source.id, f"还是占位文字“{value}”：请填写真实的内容。")
        if draft.source.id in known:
            yield _at(loaded, ("source", "id"), draft.source.id, f"出处 '{draft.source.id}' 已在 data/sources.yaml 中：换一个 id，或把 source 改写成该 id。")
    else:
        existing = known.get(draft.source)
        if existing is None:
            yield _at(loaded, ("source",), draft.source, f"没有 id 为 '{draft.source}' 的出处（data/sources.yaml）。")
        elif existing.raw not in (None, draft.raw):
            yield _at(loaded, ("raw",), draft.source, f"出处 '{existing.id}' 已对应原始笔记 {existing.raw}：一个出处只能对应一个原始文件。")
    raw = draft.raw_name
    if raw and not (data_dir / RAW_DIR / raw).is_file():
        yield _at(loaded, ("source", "raw") if isinstance(draft.source, Source) else ("raw",), draft.source_id, f"找不到原始笔记 data/{RAW_DIR}/{raw}。")


def _at(loaded: LoadedDraft, path: tuple[str | int, ...], entry: str | None, message: str, field: str | None = None) -> Problem:
    line, col = loaded.position(path)
    return Problem(loaded.file, line, col, entry, field or field_path(path), message)


# ---------------------------------------------------------------- planning the edits

UNEDITABLE = "这个文件的写法无法在保留原有格式的前提下自动修改（如特殊缩进或引号）。请按草稿手动添加，或先把文件改成常见写法。"


def plan(data_dir: Path, loaded: LoadedDraft, handbook: Handbook, root: Path) -> dict[Path, str]:
    """Every file's new text. Reads the files it changes; raises DataError when one cannot be edited without losing its layout."""
    draft = loaded.draft
    sid = draft.source_id
    edits: dict[Path, str] = {}
    own = {q.id: to_question(q, preview=False) for q in draft.questions}
    elsewhere: dict[str, list[AddAsked]] = {}
    for extra in draft.add_asked:
        if extra.question in own:
            own[extra.question] = with_occurrence(own[extra.question], extra)
        else:
            elsewhere.setdefault(extra.question, []).append(extra)
    sources = data_dir / "sources.yaml"
    if isinstance(draft.source, Source):
        edits[sources] = append_entries(_read(sources), [entry(draft.source)], "出处。")
    elif draft.raw and next(s for s in handbook.sources if s.id == sid).raw is None:
        edits[sources] = _edited(sources, root, lambda doc: _set_raw(doc, sid, draft.raw or ""))
    _append(edits, data_dir / "questions" / f"{sid}.yaml", [entry(q) for q in own.values()], f"由 handbook import 导入的题目（出处 {sid}）。")
    _append(edits, data_dir / "tips" / f"{sid}.yaml", [entry(to_tip(t)) for t in draft.tips], f"由 handbook import 导入的面经（出处 {sid}）。")
    _append(edits, data_dir / "omissions.yaml", [entry(o) for o in omissions(draft)], "有意略去的原文编号及理由。")
    for path, targets in _by_file(handbook, elsewhere, root).items():
        edits[path] = _edited(path, root, partial(_add_occurrences, targets=targets), edits.get(path))
    return edits


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _append(edits: dict[Path, str], path: Path, entries: list[CommentedMap], header: str) -> None:
    if entries:
        edits[path] = append_entries(edits.get(path, _read(path)), entries, header)


def _by_file(handbook: Handbook, targets: dict[str, list[AddAsked]], root: Path) -> dict[Path, dict[str, list[AddAsked]]]:
    files: dict[Path, dict[str, list[AddAsked]]] = {}
    for index, question in enumerate(handbook.questions):
        if question.id in targets:
            path = root / handbook.origins[("questions", index)].file
            files.setdefault(path, {})[question.id] = targets[question.id]
    return files


def _edited(path: Path, root: Path, change: Callable[[Any], None], text: str | None = None) -> str:
    """``path``'s text after ``change(document)``, edited round-trip. Refuses a file ruamel would reformat."""
    text = path.read_text(encoding="utf-8") if text is None else text
    yaml = round_trip()
    document = yaml.load(text)
    if dump(document) != text:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
        raise DataError([Problem(rel, None, None, None, None, UNEDITABLE)])
    change(document)
    return dump(document)


def _set_raw(document: Any, source_id: str, raw: str) -> None:
    for item in document:
        if isinstance(item, CommentedMap) and item.get("id") == source_id:
            item["raw"] = raw


def _add_occurrences(document: Any, targets: dict[str, list[AddAsked]]) -> None:
    for item in document:
        extras = targets.get(item.get("id")) if isinstance(item, CommentedMap) else None
        if extras:
            # A practice question the handbook wrote, now reported asked, becomes a reported question.
            if item.get("origin") == "handbook":
                del item["origin"]
            _extend(item, "asked", [e.asked for e in extras], ("type", "tags", "category", "title"))
            _extend(item, "sources", [ref for e in extras for ref in e.sources], ("asked", "type", "tags", "category", "title"))


def _extend(item: CommentedMap, key: str, values: list[BaseModel], after_keys: tuple[str, ...]) -> None:
    """Append ``values`` (as one-line mappings) to the list ``item[key]``, creating it after the first of ``after_keys``."""
    if not values:
        return
    new = [node(v.model_dump(exclude_none=True, exclude_defaults=True)) for v in values]
    for mapping in new:
        mapping.fa.set_flow_style()
    if key in item:
        item[key].extend(new)
        return
    keys = list(item.keys())
    after = next((keys.index(k) + 1 for k in after_keys if k in keys), len(keys))
    item.insert(after, key, CommentedSeq(new))


# ---------------------------------------------------------------- validating and writing


def validate(root: Path, edits: dict[Path, str]) -> None:
    """Load and check a copy of data/ with the new texts; raises DataError (paths as in the real data/)."""
    with tempfile.TemporaryDirectory(prefix="handbook-accept-") as tmp:
        copy = Path(tmp)
        shutil.copytree(root / "data", copy / "data", ignore=shutil.ignore_patterns("drafts"))
        for path, text in edits.items():
            target = copy / path.resolve().relative_to(root.resolve())
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        # The raw notes as published: every line accounted for, and no prose copied from them.
        problems = check_raw(check(load(copy / "data", copy)), copy / "data", copy)
        if problems:
            raise DataError(problems)


def write_all(edits: dict[Path, str]) -> None:
    """Write each file atomically (temporary file, then rename); restore every file already written if one fails."""
    done: list[tuple[Path, str | None]] = []
    try:
        for path, text in edits.items():
            before = _read(path)
            write_text(path, text)
            done.append((path, before))
    except OSError:
        for path, before in reversed(done):
            if before is None:
                path.unlink(missing_ok=True)
            else:
                write_text(path, before)
        raise


def accept(root: Path, draft_path: Path) -> Accepted:
    """Turn a reviewed draft into data; raises DataError listing what to fix (nothing is written then)."""
    data_dir = root / "data"
    rel = repo_path(draft_path, root)
    loaded, problems = parse_draft(draft_path.read_text(encoding="utf-8"), rel)
    if loaded is None or problems:
        raise DataError(problems)
    handbook = load(data_dir, root)
    problems = readiness(loaded, handbook, data_dir)
    if problems:
        raise DataError(problems)
    preview = check(apply_drafts(handbook, Drafts((loaded,))))
    edits = plan(data_dir, loaded, handbook, root)
    # Prose copied from the raw notes (and raw lines left unaccounted) are reported where the contributor fixes them,
    # in the draft: validate() below would name the data files it is about to write.
    problems = check_raw(preview, data_dir, root)
    if problems:
        raise DataError(problems)
    validate(root, edits)
    write_all(edits)
    draft_path.unlink()
    draft = loaded.draft
    return Accepted(
        written=tuple(sorted(repo_path(p, root) for p in edits)),
        source=draft.source_id,
        new_source=isinstance(draft.source, Source),
        questions=len(draft.questions),
        occurrences=len(draft.add_asked),
        tips=len(draft.tips),
        omitted=len(draft.omitted),
    )
