"""Import drafts (data/drafts/*.yaml): their model, loading with positions, and applying them to a handbook.

A draft is what ``handbook import`` writes for a reviewer: a source, new questions, occurrences
of existing questions (``add_asked``), tips and the raw lines left out. ``load_drafts`` reads
and validates every draft with line numbers; ``apply_drafts`` returns the handbook as it would
be with the drafts accepted (for previews: ``make serve DRAFTS=1``, ``handbook build --drafts``; and for ``handbook check``).
Writing drafts is importer.py; turning a reviewed draft into data files is accept.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path as FsPath
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, ValidationError

from .handbook import Handbook, Origin
from .load import DRAFTS_DIR, read_text, repo_path
from .messages import MOVED_FIELDS, pydantic_message
from .model import Entry, Id, Occurrence, Omission, Question, Source, SourceRef, Text, Tip
from .problems import DataError, Problem, field_path
from .traps import check_traps
from .yamlpos import Path, YamlSyntaxError, check_nesting, parse

PLACEHOLDER = "待填"
"""Proposed source fields start with this until the reviewer fills them in."""

DRAFT_INTENT = "（草稿：待补充考察点）"
"""Intent shown for a draft question in previews until the reviewer writes one."""

DRAFT_OUTLINE = ["（草稿：待补充答题要点）", "（第二条）", "（第三条）"]
"""Outline shown for a draft question without outline or frameworks in previews."""


class DraftQuestion(Question):
    """A question as imported: the intent may still be missing, and the author's answer is kept in notes."""

    intent: Text | None = Field(default=None, description="考察点：面试官想考什么，1–3 句（草稿里可以暂缺，接受前必须写）")  # type: ignore[assignment]
    notes: list[Text] = Field(default=[], description="原文中作者的回答，只供写 intent 与 outline 时参考；接受时不写入数据（原文保存在 data/raw/）")
    review: list[Literal["category", "tags"]] = Field(default=[], description="自动推荐、没有把握的字段：确认或改正后从这里删除")


class DraftTip(Tip):
    """A tip as imported from the notes' commentary."""

    review: list[Literal["kind"]] = Field(default=[], description="自动推荐、没有把握的字段：确认或改正后从这里删除")


class AddAsked(Entry):
    """One more occurrence of an existing question (or of another question of the same draft)."""

    question: Id = Field(description="已有题目的 id（或本草稿中另一道题的 id）")
    asked: Occurrence = Field(description="这次被问到的记录，接受时加到该题的 asked 里")
    similarity: float | None = Field(default=None, ge=0, le=1, description="与该题题目的相似度（自动查重给出）")
    text: Text | None = Field(default=None, description="原文中的问法")
    notes: list[Text] = Field(default=[], description="原文中作者的回答，只供参考；接受时不写入数据")
    sources: list[SourceRef] = Field(default=[], description="原文回答所在的行：接受时加到该题的 sources 里")


class OmittedLine(Entry):
    """A raw line that becomes nothing, with the reason; accepted drafts record it in data/omissions.yaml."""

    line: Annotated[int, Field(ge=1)] = Field(description="原始笔记中的行号")
    text: Text = Field(description="这一行的原文")
    reason: Text = Field(description="不收录的理由")


def _source_kind(value: Any) -> str:
    return "existing" if isinstance(value, str) else "new"


DraftSource = Annotated[Annotated[Source, Tag("new")] | Annotated[Id, Tag("existing")], Discriminator(_source_kind)]


class Draft(Entry):
    """One draft file."""

    source: DraftSource = Field(description="新出处（完整的 Source 条目），或已有出处的 id")
    raw: Text | None = Field(default=None, description="source 写已有出处 id 时：data/raw/ 下原始笔记的文件名（新出处写在 source.raw 里）")
    questions: list[DraftQuestion] = Field(default=[], description="新题目")
    add_asked: list[AddAsked] = Field(default=[], description="已有题目又被问到：接受时加到该题的 asked 里")
    tips: list[DraftTip] = Field(default=[], description="面经（原文中的点评与经验）")
    omitted: list[OmittedLine] = Field(default=[], description="不收录的行（标题、客套话等），接受时写入 omissions.yaml")

    @property
    def source_id(self) -> str:
        return self.source if isinstance(self.source, str) else self.source.id

    @property
    def raw_name(self) -> str | None:
        return self.raw if isinstance(self.source, str) else self.source.raw


@dataclass(frozen=True)
class LoadedDraft:
    """A validated draft and where its entries are."""

    file: str
    """Repository-relative path, e.g. data/drafts/xhs-alipay.yaml."""
    draft: Draft
    lines: dict[Path, tuple[int, int]] = field(default_factory=dict, compare=False)
    """Path inside the draft file (e.g. ('questions', 2, 'tags')) → (line, column)."""

    def origin(self, key: str, index: int) -> Origin:
        """The Origin of ``key[index]`` (an entry of questions, tips, add_asked, …), for error messages."""
        prefix = (key, index)
        lines = {path[2:]: pos for path, pos in self.lines.items() if path[:2] == prefix}
        return Origin(self.file, index, lines)

    def source_origin(self) -> Origin:
        return Origin(self.file, 0, {path[1:]: pos for path, pos in self.lines.items() if path[:1] == ("source",)})

    def position(self, path: Path) -> tuple[int | None, int | None]:
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, (None, None))


@dataclass(frozen=True)
class Drafts:
    """Every draft that validated, and the problems of the others."""

    drafts: tuple[LoadedDraft, ...] = ()
    problems: list[Problem] = field(default_factory=list)


# ---------------------------------------------------------------- loading


def draft_files(data_dir: FsPath) -> list[FsPath]:
    """The draft files under data/drafts/, sorted."""
    directory = data_dir / DRAFTS_DIR
    return sorted(directory.glob("*.yaml")) if directory.is_dir() else []


def load_drafts(data_dir: FsPath, root: FsPath) -> Drafts:
    """Parse and validate every data/drafts/*.yaml; problems carry file, line, entry id and field."""
    loaded: list[LoadedDraft] = []
    problems: list[Problem] = []
    for path in draft_files(data_dir):
        rel = repo_path(path, root)
        text = read_text(path, rel, problems)
        if text is None:
            continue
        draft, found = parse_draft(text, rel)
        problems += found
        if draft is not None:
            loaded.append(draft)
    problems += _across_drafts(loaded)
    return Drafts(tuple(loaded), problems)


def parse_draft(text: str, rel: str) -> tuple[LoadedDraft | None, list[Problem]]:
    """One draft from its text, or None and the problems that stop it."""
    try:
        check_nesting(text)  # before the traps, which compose the text too
        trapped, stop = check_traps(text, rel)
        if trapped:
            # A value cut off by ' #' or a full-width colon would be accepted into the data silently.
            return None, trapped
        parsed = parse(text, nesting_checked=True)
    except YamlSyntaxError as error:
        message = f"YAML 语法错误（{error.message}）。常见原因：缩进不一致、冒号后缺空格、引号或括号未闭合、文字里含 ': ' 却没加引号。"
        return None, [Problem(rel, error.line, error.column, None, None, message)]
    problems = [
        Problem(rel, line, col, _entry_id(parsed.data, path), field_path(path), f"重复的键 '{path[-1]}'：每个字段只能出现一次，请删除或合并其中一个。")
        for path, line, col in parsed.duplicates
    ]
    if not isinstance(parsed.data, dict):
        return None, problems + [Problem(rel, 1, 1, None, None, "草稿文件应是映射，顶层字段为 source、questions、add_asked、tips、omitted。")]
    try:
        draft = Draft.model_validate(parsed.data)
    except ValidationError as error:
        return None, problems + [_problem(rel, parsed.data, parsed.lines, err) for err in error.errors()]
    loaded = LoadedDraft(rel, draft, parsed.lines)
    return (loaded if not problems else None), problems + list(_within_draft(loaded))


def _problem(rel: str, data: Any, lines: dict[Path, tuple[int, int]], err: Any) -> Problem:
    loc = tuple(part for part in err["loc"] if part not in ("new", "existing"))
    err = {**err, "loc": loc}
    path = loc
    while path not in lines and path:
        path = path[:-1]
    line, col = lines.get(path, (None, None))
    return Problem(rel, line, col, _entry_id(data, loc), field_path(loc) or None, _message(err, loc))


_ENTRY_MODELS = {"questions": "Question", "tips": "Tip"}
"""Draft lists whose entries are data models with extra fields: moved-field hints apply to them as to data."""


def _message(err: Any, loc: tuple[Any, ...]) -> str:
    if err["type"] == "extra_forbidden" and len(loc) == 3 and isinstance(loc[1], int):
        moved = MOVED_FIELDS.get((_ENTRY_MODELS.get(str(loc[0]), ""), str(loc[2])))
        if moved:
            return f"未知字段 '{loc[2]}'：{moved}"
    return pydantic_message(err, Draft)


def _entry_id(data: Any, loc: tuple[Any, ...]) -> str | None:
    """The id of the entry ``loc`` points into: a question, tip or the source; add_asked entries by their question."""
    if not isinstance(data, dict) or not loc:
        return None
    value = data.get(loc[0])
    if len(loc) > 1 and isinstance(value, list) and isinstance(loc[1], int) and loc[1] < len(value):
        value = value[loc[1]]
    if isinstance(value, dict):
        found = value.get("id") or value.get("question")
        return found if isinstance(found, str) else None
    return value if loc[0] == "source" and isinstance(value, str) else None


def _within_draft(loaded: LoadedDraft) -> Iterator[Problem]:
    draft = loaded.draft
    seen: dict[str, str] = {}
    keyed: list[tuple[str, list[Any]]] = [("questions", draft.questions), ("tips", draft.tips)]
    for key, entries in keyed:
        for i, entry in enumerate(entries):
            if entry.id in seen:
                yield _at(loaded, (key, i, "id"), entry.id, f"id '{entry.id}' 在本草稿中重复（{seen[entry.id]} 已使用），每个 id 必须唯一。")
            seen.setdefault(entry.id, f"{key}[{i}]")
    if isinstance(draft.source, Source) and draft.source.raw is None:
        yield _at(loaded, ("source",), draft.source.id, "新出处要写 raw：data/raw/ 下原始笔记的文件名，行号都指向这个文件。")
    if isinstance(draft.source, str) and draft.raw is None:
        yield _at(loaded, ("source",), draft.source, "记到已有出处时要写顶层字段 raw：data/raw/ 下原始笔记的文件名。")


def _across_drafts(loaded: list[LoadedDraft]) -> Iterator[Problem]:
    first: dict[tuple[str, str], str] = {}
    for item in loaded:
        draft = item.draft
        keyed = [("questions", i, q.id) for i, q in enumerate(draft.questions)] + [("tips", i, t.id) for i, t in enumerate(draft.tips)]
        if isinstance(draft.source, Source):
            keyed.append(("source", -1, draft.source.id))
        for key, index, entry_id in keyed:
            where = first.setdefault((key, entry_id), item.file)
            if where != item.file:
                path: Path = (key,) if index < 0 else (key, index, "id")
                yield _at(item, path, entry_id, f"id '{entry_id}' 已在另一个草稿 {where} 中使用，请换一个。")


def _at(loaded: LoadedDraft, path: Path, entry: str | None, message: str) -> Problem:
    line, col = loaded.position(path)
    return Problem(loaded.file, line, col, entry, field_path(path), message)


# ---------------------------------------------------------------- applying


def to_question(question: DraftQuestion, preview: bool = True) -> Question:
    """The data Question of a draft question: notes and review dropped; in a preview, placeholders fill a missing intent and outline."""
    values = question.model_dump(exclude={"notes", "review"}, exclude_defaults=True)
    if preview and question.intent is None:
        values["intent"] = DRAFT_INTENT
    if preview and not question.outline and not question.frameworks:
        values["outline"] = list(DRAFT_OUTLINE)
    return Question.model_validate(values)


def to_tip(tip: DraftTip) -> Tip:
    return Tip.model_validate(tip.model_dump(exclude={"review"}, exclude_defaults=True))


def omissions(draft: Draft) -> list[Omission]:
    """The omitted lines as Omission entries, one per reason, lines in order."""
    by_reason: dict[str, list[int]] = {}
    for item in draft.omitted:
        by_reason.setdefault(item.reason, []).append(item.line)
    return [Omission(sources=[SourceRef(source=draft.source_id, lines=sorted(lines))], reason=reason) for reason, lines in by_reason.items()]


@dataclass
class _Growing:
    """Collections being extended, with the origins of the added entries."""

    handbook: Handbook
    added: dict[str, list[Any]] = field(default_factory=dict)
    origins: dict[tuple[str, int], Origin] = field(default_factory=dict)

    def add(self, collection: str, entry: Any, origin: Origin) -> None:
        items = self.added.setdefault(collection, [])
        index = len(getattr(self.handbook, collection)) + len(items)
        items.append(entry)
        self.origins[(collection, index)] = origin

    def result(self) -> Handbook:
        updates: dict[str, Any] = {name: tuple(getattr(self.handbook, name)) + tuple(items) for name, items in self.added.items()}
        return replace(self.handbook, **updates, origins={**self.handbook.origins, **self.origins})


def apply_drafts(handbook: Handbook, drafts: Drafts) -> Handbook:
    """The handbook with every draft accepted: sources, questions (placeholders for missing intent and
    outline), tips and omissions added, add_asked occurrences appended. Raises DataError when an
    add_asked entry names a question that exists neither in the data nor in a draft."""
    growing = _Growing(handbook)
    for loaded in drafts.drafts:
        draft = loaded.draft
        if isinstance(draft.source, Source):
            growing.add("sources", draft.source, loaded.source_origin())
        for i, question in enumerate(draft.questions):
            growing.add("questions", to_question(question), loaded.origin("questions", i))
        for i, tip in enumerate(draft.tips):
            growing.add("tips", to_tip(tip), loaded.origin("tips", i))
        for omission in omissions(draft):
            growing.add("omissions", omission, loaded.origin("omitted", 0))
    result = growing.result()
    return _with_occurrences(result, drafts)


def with_occurrence(question: Question, extra: AddAsked) -> Question:
    """``question`` with the occurrence, and the lines of the answer given that time, appended."""
    return question.model_copy(update={"asked": [*question.asked, extra.asked], "sources": [*question.sources, *extra.sources]})


def _with_occurrences(handbook: Handbook, drafts: Drafts) -> Handbook:
    index = {q.id: i for i, q in enumerate(handbook.questions)}
    questions = list(handbook.questions)
    problems = []
    for loaded in drafts.drafts:
        for i, extra in enumerate(loaded.draft.add_asked):
            if extra.question not in index:
                message = f"没有 id 为 '{extra.question}' 的题目（data/questions/ 和草稿里都没有）。请写已有题目的 id，或把这一条移到 questions 里写成新题。"
                problems.append(_at(loaded, ("add_asked", i, "question"), extra.question, message))
                continue
            position = index[extra.question]
            questions[position] = with_occurrence(questions[position], extra)
    if problems:
        raise DataError(problems)
    return replace(handbook, questions=tuple(questions))
