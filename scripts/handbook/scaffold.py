"""``handbook new question|tip|framework|case``: append a valid entry with the next free id.

The entry comes from flags or, in a terminal, from answers to prompts. ruamel.yaml writes it in the
style of the data files (flow lists for ids, one line per outline item), and it is appended as text
after the file's last entry, so every existing byte — comments, blank lines, quoting — stays as it
was. Nothing is written unless the data with the new entry passes the same load and check as
``handbook check``.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from . import paths
from .atomic import write_text
from .build import load_checked
from .check import check
from .handbook import Handbook
from .load import COLLECTIONS, load, repo_path
from .model import DATE_PATTERN, ID_PATTERN
from .problems import DataError, Problem
from .reference import TITLES
from .resolve import VOCABULARY_NAMES, Vocabulary, vocabularies
from .seeds import check_refs, load_units, seeds_dir
from .yamlpos import YamlSyntaxError, parse

Answers = dict[str, Any]
"""Answer key → text, or list of texts for repeatable answers; absent or None when not given."""


@dataclass(frozen=True)
class Ask:
    """One thing ``handbook new`` needs: its flag, how to ask for it, and what values it takes."""

    key: str
    """Answer key, also the argparse destination."""
    flag: str
    label: str
    """Chinese name shown in prompts and messages."""
    hint: str = ""
    many: bool = False
    """Repeatable flag; prompted one per line, or on one line separated by commas when ``split``."""
    split: bool = False
    required: bool = True
    choices: str | None = None
    """Vocabulary the value comes from (ids or names), listed in the prompt and checked there."""
    after: str | None = None
    """Only asked once this answer is given (the details of an ``asked`` record need its source)."""
    number: bool = False
    """A positive whole number (line numbers)."""
    step: bool = False
    """A framework step written as ``标题：要点一；要点二``."""

    @property
    def by_name(self) -> bool:
        """Names and synonyms are accepted besides ids (resolve.py resolves them)."""
        return self.choices in VOCABULARY_NAMES


def _source_asks(lines_many: bool) -> tuple[Ask, ...]:
    line = Ask("lines", "--line", "原文编号", "该小节中的编号，可以写多个", many=True, split=True, required=False, after="source", number=True)
    if not lines_many:
        line = Ask("line", "--line", "编号", "该小节中的编号；没有小节时是原始笔记的行号", required=False, after="source", number=True)
    return (
        Ask("source", "--source", "出处 id", "见 data/sources.yaml", required=False, choices="sources"),
        Ask("section", "--section", "小节", "如 面试题目、面试经验、E；写了小节就要写编号", required=False, after="source"),
        line,
    )


QUESTION = (
    Ask("title", "--title", "题目", "规范化后的题目文字"),
    Ask("category", "--category", "分类", choices="categories"),
    Ask("tags", "--tag", "标签", "1–6 个", many=True, split=True, choices="tags"),
    *_source_asks(lines_many=False),
    Ask("company", "--company", "公司", required=False, after="source", choices="companies"),
    Ask("round", "--round", "轮次", required=False, after="source", choices="rounds"),
    Ask("date", "--date", "被问到的时间", "2025、2025-05 或 2025-05-14", required=False, after="source"),
    Ask("position", "--position", "招聘类型", required=False, after="source", choices="positions"),
    Ask("intent", "--intent", "考察点", "面试官想考什么，1–3 句"),
    Ask("frameworks", "--framework", "答题框架", many=True, split=True, required=False, choices="frameworks"),
    Ask("outline", "--outline", "答题要点", "3–6 条；写了答题框架时可以不写", many=True),
    Ask("pitfalls", "--pitfall", "常见失误", many=True, required=False),
)
TIP = (
    Ask("text", "--text", "面经内容", "整理后的文字"),
    Ask("kind", "--kind", "面经类型", choices="tip_kinds"),
    Ask("company", "--company", "公司", required=False, choices="companies"),
    Ask("rounds", "--round", "相关轮次", many=True, split=True, required=False, choices="rounds"),
    Ask("questions", "--question", "相关题目 id", many=True, split=True, required=False, choices="questions"),
    Ask("tags", "--tag", "标签", many=True, split=True, required=False, choices="tags"),
    *_source_asks(lines_many=True),
)
FRAMEWORK = (
    Ask("name", "--name", "框架名称"),
    Ask("summary", "--summary", "一句话说明"),
    Ask("when", "--when", "适用场景", many=True),
    Ask("steps", "--step", "步骤", "至少 2 步，每步写成“标题：要点一；要点二”", many=True, step=True),
    Ask("pitfalls", "--pitfall", "常见失误", many=True, required=False),
    *_source_asks(lines_many=True),
)
CASE = (
    Ask("title", "--title", "案例标题"),
    Ask("kind", "--kind", "案例类型", "illustration = 本手册编写的示例；adapted = 改写自出处，须写出处", choices="case_kinds"),
    Ask("background", "--background", "背景"),
    Ask("steps", "--step", "过程", "至少 2 步", many=True),
    Ask("result", "--result", "结果"),
    *_source_asks(lines_many=True),
)

KINDS: dict[str, tuple[str, tuple[Ask, ...]]] = {
    "question": ("questions", QUESTION),
    "tip": ("tips", TIP),
    "framework": ("frameworks", FRAMEWORK),
    "case": ("cases", CASE),
}
"""``handbook new <kind>`` → (collection, what to ask)."""

CASE_KINDS = {"illustration": "本手册编写的示例，非真实经历", "adapted": "改写自出处中的案例，必须写出处"}

_SERIES = re.compile(r"^(?P<prefix>.*\D)(?P<number>\d+)$")
_STEP = re.compile(r"^(?P<title>[^：:]+)[：:](?P<points>.+)$")


class ScaffoldError(Exception):
    """A request ``handbook new`` cannot carry out; the message says what to do (Chinese)."""


class Refused(Exception):
    """The data with the new entry (or already without it) does not pass the check: nothing was written."""

    def __init__(self, problems: list[Problem], note: str):
        super().__init__(note)
        self.problems = problems
        self.note = note


@dataclass(frozen=True)
class Created:
    """What ``handbook new`` wrote."""

    file: str
    """Repository-relative path of the data file."""
    entry_id: str
    line: int
    """Line where the new entry starts."""
    new_file: bool
    next_steps: list[str] = field(default_factory=list)


@dataclass
class Request:
    """Everything ``handbook new`` was told on the command line."""

    kind: str
    answers: Answers
    file: str | None = None
    prefix: str | None = None
    entry_id: str | None = None


# ---------------------------------------------------------------- the whole command


def create(root: Path, request: Request, prompt: Callable[[str], str] | None = None, say: Callable[[str], None] = print) -> Created:
    """Ask for what is missing (``prompt`` given: interactive), build the entry, check it, append it."""
    collection, asks = KINDS[request.kind]
    if prompt is None:
        _refuse_missing(request.kind, asks, request.answers)
    target = target_file(root, collection, request.file)
    if request.file is None:
        say(f"写入最近修改的{TITLES[collection]}文件 {repo_path(target, root)}（用 --file 指定其他文件）。")
    handbook = _existing(root)
    if prompt is not None:
        ask_missing(asks, request.answers, Choices.of(handbook), prompt, say)
        _refuse_missing(request.kind, asks, request.answers)
    entry_id = request.entry_id or next_id(root, collection, target, request.prefix, prompt)
    entry = build_entry(request.kind, entry_id, request.answers)
    original = target.read_bytes().decode("utf-8") if target.exists() else None
    text, line = appended(original, entry_text(entry), TITLES[collection])
    problems = validate(root, repo_path(target, root), text)
    if problems:
        raise Refused(problems, f"新{TITLES[collection]} {entry_id} 没有通过校验，未写入任何文件。按提示修改参数后重新运行。")
    write_text(target, text)  # one step, so a watching make serve never reads half of it
    return Created(repo_path(target, root), entry_id, line, original is None, next_steps(request.kind, entry))


def _existing(root: Path) -> Handbook:
    try:
        handbook, _ = load_checked(root)
    except DataError as error:
        raise Refused(error.problems, "现有数据没有通过校验：请先修正以上问题（运行 handbook check 查看），再添加新条目。未写入任何文件。") from None
    return handbook


def _refuse_missing(kind: str, asks: tuple[Ask, ...], answers: Answers) -> None:
    lacking = missing(kind, asks, answers)
    if lacking:
        listed = "、".join(f"{a.flag}（{a.label}）" for a in lacking)
        raise ScaffoldError(
            f"缺少必填内容：{listed}。请用这些参数给出（可重复的参数写多次），或在终端里直接运行 handbook new {kind} 按提示填写。未写入任何文件。"
        )
    orphans = [a for a in asks if a.after and answers.get(a.key) and not answers.get(a.after)]
    if orphans:
        flags = "、".join(a.flag for a in orphans)
        raise ScaffoldError(f"写了 {flags} 就要用 --source 写明出处 id（见 data/sources.yaml）。未写入任何文件。")
    bad_steps = [s for a in asks if a.step for s in answers.get(a.key) or [] if _step(s) is None]
    if bad_steps:
        raise ScaffoldError(f"步骤 '{bad_steps[0]}' 的格式不对：每步写成“标题：要点一；要点二”，如 --step '还原事实：订单状态；双方证据'。未写入任何文件。")


def flag_answers(kind: str, values: dict[str, Any]) -> Answers:
    """Answers from parsed flags: comma-separated lists split (``--tag 支付,风控``), absent flags left out."""
    answers: Answers = {}
    for ask in KINDS[kind][1]:
        value = values.get(ask.key)
        if value and ask.split:
            value = [part for item in value for part in _split(item)]
        if value:
            answers[ask.key] = value
    return answers


def missing(kind: str, asks: tuple[Ask, ...], answers: Answers) -> list[Ask]:
    """Required answers not given. A question needs outline items unless it names a framework."""
    lacking = [a for a in asks if a.required and not answers.get(a.key)]
    if kind == "question" and answers.get("frameworks"):
        lacking = [a for a in lacking if a.key != "outline"]
    return lacking


# ---------------------------------------------------------------- where and which id


def target_file(root: Path, collection: str, file: str | None) -> Path:
    """The file to append to: ``--file`` (relative to the repository root), else the most recently modified one."""
    folder = root / "data" / COLLECTIONS[collection][0]
    if file is None:
        candidates = sorted(folder.glob("*.yaml"), key=lambda p: (p.stat().st_mtime_ns, p.name))
        if not candidates:
            raise ScaffoldError(f"data/{COLLECTIONS[collection][0]}/ 下还没有文件：请用 --file 指定新文件，如 --file data/{collection}/new.yaml。")
        return candidates[-1]
    path = Path(file) if Path(file).is_absolute() else root / file
    if path.parent.resolve() != folder.resolve() or path.suffix != ".yaml":
        raise ScaffoldError(f"{TITLES[collection]}文件必须直接放在 data/{COLLECTIONS[collection][0]}/ 下、扩展名为 .yaml，否则不会被读取：{file}")
    return path


def collection_ids(folder: Path) -> dict[Path, list[str]]:
    """Ids of the entries of every file in ``folder`` (keyed by resolved path); files that do not parse count as empty."""
    found = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = parse(path.read_text(encoding="utf-8")).data
        except (YamlSyntaxError, UnicodeDecodeError):
            data = None
        entries = data if isinstance(data, list) else []
        found[path.resolve()] = [e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)]
    return found


def next_id(root: Path, collection: str, target: Path, prefix: str | None, prompt: Callable[[str], str] | None = None) -> str:
    """The next free id of the target file's series (``ant-050`` → ``ant-051``), or of ``--prefix``."""
    ids = collection_ids(root / "data" / COLLECTIONS[collection][0])
    all_ids = {i for file_ids in ids.values() for i in file_ids}
    file_ids = ids.get(target.resolve(), [])
    if prefix is None:
        prefix = shared_prefix(file_ids)
    if prefix is None and prompt is not None:
        prefix = _ask_prefix(file_ids, prompt)
    if prefix is None:
        raise ScaffoldError(_no_series(target.name, file_ids, EXAMPLE_PREFIXES[collection]))
    return numbered(prefix, all_ids)


def shared_prefix(ids: list[str]) -> str | None:
    """The prefix every id shares before its number (``ant-`` for ``ant-001``, ``ant-002``), if there is one."""
    prefixes = {m["prefix"] if (m := _SERIES.match(i)) else None for i in ids}
    if len(prefixes) == 1 and None not in prefixes:
        return prefixes.pop()
    return None


def numbered(prefix: str, taken: set[str]) -> str:
    """One more than the highest number after ``prefix``, with the series' zero padding (3 digits for a new series)."""
    if not re.match(ID_PATTERN, f"{prefix}1"):
        raise ScaffoldError(f"前缀 '{prefix}' 组不成合法的 id：id 只能用小写英文字母、数字和连字符，如 --prefix ant- 得到 ant-001。")
    series = [m["number"] for i in taken if (m := _SERIES.match(i)) and m["prefix"] == prefix]
    width = min((len(n) for n in series), default=3)
    number = max((int(n) for n in series), default=0) + 1
    while f"{prefix}{number:0{width}d}" in taken:
        number += 1
    return f"{prefix}{number:0{width}d}"


EXAMPLE_PREFIXES = {"questions": "ant-", "tips": "tip-ant-", "frameworks": "fw-", "cases": "case-ant-"}
"""Shown in messages when an id series has to be named."""


def _no_series(name: str, ids: list[str], example: str) -> str:
    if not ids:
        return f"{name} 里还没有条目，无法接着编号：请用 --prefix 指定编号前缀（如 --prefix {example} 得到 {example}001），或用 --id 直接指定 id。"
    prefixes = sorted({m["prefix"] for i in ids if (m := _SERIES.match(i))})
    found = f"这个文件里的编号前缀有：{'、'.join(prefixes)}。" if prefixes else "这个文件里的 id 不是“前缀加编号”的形式。"
    return f"无法从 {name} 的 id 推断下一个编号：{found}请用 --prefix 指定前缀（如 --prefix {prefixes[0] if prefixes else example}），或用 --id 直接指定 id。"


def _ask_prefix(ids: list[str], prompt: Callable[[str], str]) -> str | None:
    prefixes = sorted({m["prefix"] for i in ids if (m := _SERIES.match(i))})
    shown = f"，这个文件里用过：{'、'.join(prefixes)}" if prefixes else ""
    answer = prompt(f"id 的编号前缀（如 ant- 得到 ant-001{shown}）：").strip()
    return answer or None


# ---------------------------------------------------------------- prompts


@dataclass(frozen=True)
class Choices:
    """The values prompts list and check answers against, taken from the handbook being added to."""

    names: dict[str, dict[str, str]]
    """Kind (``categories``, ``sources``, ``case_kinds``…) → id → name."""
    vocabularies: dict[str, Vocabulary]
    """The resolver's vocabularies: answers are checked exactly as the loader resolves names."""

    @classmethod
    def of(cls, handbook: Handbook) -> Choices:
        vocab = vocabularies(handbook)
        names = {kind: v.names for kind, v in vocab.items()}
        names["sources"] = {s.id: s.title for s in handbook.sources}
        names["questions"] = {q.id: q.title for q in handbook.questions}
        names["case_kinds"] = CASE_KINDS
        return cls(names, vocab)


def ask_missing(asks: tuple[Ask, ...], answers: Answers, choices: Choices, prompt: Callable[[str], str], say: Callable[[str], None]) -> None:
    """Prompt for every answer not given on the command line; optional ones may be skipped with Enter."""
    for ask in asks:
        if answers.get(ask.key) or (ask.after and not answers.get(ask.after)):
            continue
        answers[ask.key] = _ask_until_valid(ask, answers, choices, prompt, say)


def _ask_until_valid(ask: Ask, answers: Answers, choices: Choices, prompt: Callable[[str], str], say: Callable[[str], None]) -> Any:
    if ask.choices and choices.names.get(ask.choices):
        spelled = "写 id 或名称" if ask.by_name else "写 id"
        say(f"可选的{ask.label}（{spelled}）：{_listing(choices.names[ask.choices])}")
    while True:
        value = _read(ask, answers, prompt)
        values = value if isinstance(value, list) else [value] if value else []
        problem = next((p for v in values if (p := answer_problem(ask, v, choices))), None)
        if problem is None and (values or not _needed(ask, answers)):
            return value or None
        say(problem or f"{ask.label}是必填的。")


def _needed(ask: Ask, answers: Answers) -> bool:
    return ask.required and not (ask.key == "outline" and answers.get("frameworks"))


def _read(ask: Ask, answers: Answers, prompt: Callable[[str], str]) -> str | list[str]:
    optional = "（可选，直接回车跳过）" if not _needed(ask, answers) else ""
    hint = f"（{ask.hint}）" if ask.hint else ""
    if ask.many and ask.split:
        return _split(prompt(f"{ask.label}{hint}，多个用逗号分隔{optional}："))
    if ask.many:
        items: list[str] = []
        while item := prompt(f"{ask.label}{hint} 第 {len(items) + 1} 条（空行结束）{optional if not items else ''}：").strip():
            items.append(item)
        return items
    return prompt(f"{ask.label}{hint}{optional}：").strip()


def _split(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,，、]", text) if part.strip()]


def answer_problem(ask: Ask, value: str, choices: Choices) -> str | None:
    """What is wrong with one typed value, or None. Names resolve as the loader resolves them."""
    if ask.number and not (value.isdigit() and int(value) >= 1):
        return f"{ask.label}应为正整数，如 3。"
    if ask.key == "date" and not re.match(DATE_PATTERN, value):
        return "日期写成 2025、2025-05 或 2025-05-14。"
    if ask.step and _step(value) is None:
        return "每步写成“标题：要点一；要点二”。"
    vocabulary = choices.vocabularies.get(ask.choices or "")
    if vocabulary is not None:
        found, candidates = vocabulary.lookup(value)
        if found is None:
            return vocabulary.ambiguous(value, candidates) if candidates else vocabulary.unknown(value)
    elif ask.choices and value not in choices.names.get(ask.choices, {}):
        return f"没有{ask.label} '{value}'。可选：{_listing(choices.names.get(ask.choices, {}))}。"
    return None


def _listing(names: dict[str, str], limit: int = 60) -> str:
    if len(names) > limit:
        return f"共 {len(names)} 个，不逐一列出"
    return "、".join(f"{i}（{n}）" for i, n in names.items()) or "（暂无）"


# ---------------------------------------------------------------- the entry


def build_entry(kind: str, entry_id: str, answers: Answers) -> dict[str, Any]:
    """The entry as plain data, fields in the model's order, empty optional fields left out."""
    builders: dict[str, Callable[[Answers], Iterator[tuple[str, Any]]]] = {
        "question": _question,
        "tip": _tip,
        "framework": _framework,
        "case": _case,
    }
    return {"id": entry_id, **{k: v for k, v in builders[kind](answers) if v not in (None, [], "")}}


def _question(a: Answers) -> Iterator[tuple[str, Any]]:
    yield from ((k, a.get(k)) for k in ("title", "category", "tags"))
    occurrence = {k: _number(a.get(k)) if k == "line" else a.get(k) for k in ("source", "section", "line", "company", "round", "date", "position")}
    yield "asked", [{k: v for k, v in occurrence.items() if v}] if a.get("source") else []
    yield from ((k, a.get(k)) for k in ("intent", "frameworks", "outline", "pitfalls"))


def _tip(a: Answers) -> Iterator[tuple[str, Any]]:
    yield from ((k, a.get(k)) for k in ("text", "kind", "company", "rounds", "questions", "tags"))
    yield "sources", _sources(a)


def _framework(a: Answers) -> Iterator[tuple[str, Any]]:
    yield from ((k, a.get(k)) for k in ("name", "summary", "when"))
    yield "steps", [_step(s) or {"title": s, "points": []} for s in a.get("steps") or []]
    yield "pitfalls", a.get("pitfalls")
    yield "sources", _sources(a)


def _case(a: Answers) -> Iterator[tuple[str, Any]]:
    yield from ((k, a.get(k)) for k in ("title", "kind", "background", "steps", "result"))
    yield "sources", _sources(a)


def _sources(a: Answers) -> list[dict[str, Any]]:
    if not a.get("source"):
        return []
    ref = {"source": a["source"], "section": a.get("section"), "lines": [_number(n) for n in a.get("lines") or []]}
    return [{k: v for k, v in ref.items() if v}]


def _number(value: str | None) -> int | str | None:
    """Digits become a number; anything else stays text, for the check to report."""
    return int(value) if value and value.isdigit() else value


def _step(text: str) -> dict[str, Any] | None:
    """``标题：要点一；要点二`` → a framework step, or None when the text has no title."""
    match = _STEP.match(text.strip())
    if not match:
        return None
    points = [p.strip() for p in re.split(r"[；;]", match["points"]) if p.strip()]
    return {"title": match["title"].strip(), "points": points} if points else None


# ---------------------------------------------------------------- YAML text

FLOW_LISTS = {"tags", "frameworks", "rounds", "questions", "cases", "lines"}
"""Lists of ids and numbers are written on one line, ``[a, b]``, as in the data files."""
FLOW_ITEMS = {"asked", "sources"}
"""Lists whose items are written one per line as ``{source: …, line: 3}``."""


def entry_text(entry: dict[str, Any]) -> str:
    """The entry as a top-level list item, in the data files' style."""
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(_styled(entry), buffer)
    first, *rest = buffer.getvalue().splitlines()
    return "".join([f"- {first}\n", *(f"  {line}\n" if line else "\n" for line in rest)])


def _styled(value: Any, key: str | None = None, flow: bool = False) -> Any:
    if isinstance(value, dict):
        mapping = CommentedMap((k, _styled(v, k)) for k, v in value.items())
        if flow:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(_styled(v, flow=key in FLOW_ITEMS) for v in value)
        if key in FLOW_LISTS:
            sequence.fa.set_flow_style()
        return sequence
    return _scalar(value) if isinstance(value, str) else value


def _scalar(text: str) -> str:
    """Quote text the loader (YAML 1.1: yes, on, 2025, ' #') would not read back as the same text."""
    try:
        same = parse(text).data == text
    except YamlSyntaxError:
        same = False
    return text if same else DoubleQuotedScalarString(text)


_BLANK_BETWEEN_ENTRIES = re.compile(r"\n(?:[ \t]+\S|- )[^\n]*\n[ \t]*\r?\n- ")
"""A line of an entry, a blank line, the next entry: the file separates its entries with blank lines."""


def appended(original: str | None, entry: str, title: str) -> tuple[str, int]:
    """The file's text with ``entry`` after its last entry, and the line the entry starts on.

    Existing text is kept byte for byte; a blank line separates the entry when the file separates its
    entries with blank lines. A new file starts with a Chinese header comment."""
    if original is None:
        original = f"# {title}（由 handbook new 创建）。每个条目以“- ”开头，字段说明见 docs/contributing.md 与站内“数据格式参考”页。\n"
    newline = "\r\n" if "\r\n" in original else "\n"
    text = original if not original or original.endswith("\n") else original + newline
    if _BLANK_BETWEEN_ENTRIES.search(text) and not text.endswith(newline * 2):
        text += newline
    return text + entry.replace("\n", newline), text.count("\n") + 1


# ---------------------------------------------------------------- check, then write


def validate(root: Path, rel: str, text: str) -> list[Problem]:
    """Problems of the data with ``rel`` replaced by ``text``, found as ``handbook check`` finds them (on a copy)."""
    with tempfile.TemporaryDirectory(prefix="handbook-new-") as tmp:
        copy = Path(tmp)
        shutil.copytree(root / "data", copy / "data")
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        (copy / rel).write_bytes(text.encode("utf-8"))
        try:
            handbook = check(load(copy / "data", copy))
        except DataError as error:
            return error.problems
        units = load_units(handbook, seeds_dir(root))
        return check_refs(handbook, units) if units is not None else []


# ---------------------------------------------------------------- what next

PAGES: dict[str, Callable[[str], str]] = {"question": paths.question, "framework": paths.framework, "case": paths.case}


def next_steps(kind: str, entry: dict[str, Any]) -> list[str]:
    """What the contributor may still want to fill in, then how to see the page."""
    steps = list(_fill_in(kind, entry))
    if kind in PAGES:
        url = PAGES[kind](entry["id"]).removesuffix(".md") + "/"
        steps.append(f"运行 make serve，在 http://127.0.0.1:8000/{url} 预览；改完后运行 make check 校验。")
    else:
        steps.append("运行 make serve 预览；改完后运行 make check 校验。")
    return steps


def _fill_in(kind: str, entry: dict[str, Any]) -> Iterator[str]:
    if kind == "question":
        if not entry.get("asked"):
            yield "在 asked 里记下被问到的出处、编号、公司和轮次（每次被问到写一条）。"
        if not entry.get("frameworks") and len(entry.get("outline", [])) < 3:
            yield f"答题要点 outline 建议 3–6 条，现在有 {len(entry.get('outline', []))} 条。"
        if not entry.get("pitfalls"):
            yield "补充常见失误 pitfalls。"
        if not entry.get("frameworks"):
            yield "有适用的答题框架就写进 frameworks（见 data/frameworks/）。"
    if kind == "tip" and not entry.get("questions"):
        yield "在 questions 里写相关题目 id，题目页会链接到这条面经。"
    if kind in ("tip", "framework", "case") and not entry.get("sources"):
        yield "内容来自外部材料时，在 sources 里注明出处 id 和原文编号。"
    if kind in ("framework", "case"):
        field_name = "frameworks" if kind == "framework" else "cases"
        yield f"在相关题目的 {field_name} 里写上 {entry['id']}，题目页才会链接过来。"
