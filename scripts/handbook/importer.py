"""Raw notes → a draft for review: ``build`` (pure), ``render`` (the draft file's text), ``summary`` and ``write``.

The flow of ``handbook import``: rawnotes.parse finds questions, answers and commentary;
suggest.py proposes categories, tags, tip kinds and finds duplicates; ``build`` assembles a
Draft (drafts.py) with ids and occurrences; ``render`` writes it as YAML with Chinese comments
telling the reviewer what to do; ``write`` (the only function here that touches the disk)
creates data/drafts/<name>.yaml and the UTF-8 copy data/raw/<name>.<ext>.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from .drafts import DRAFTS_DIR, PLACEHOLDER, AddAsked, Draft, DraftQuestion, DraftTip, OmittedLine
from .handbook import Handbook
from .messages import pydantic_message
from .model import DATE_PATTERN, ID_MAX, ID_PATTERN, Occurrence, Source, SourceRef
from .problems import DataError, Problem, field_path
from .rawlines import RAW_DIR
from .rawnotes import Comment, Notes, RawQuestion
from .resolve import Vocabulary, vocabularies
from .seeds import references
from .suggest import ImportRules, Match, Suggester, Suggestion, TitleIndex
from .yamlpos import YamlSyntaxError
from .yamlpos import parse as parse_yaml


@dataclass(frozen=True)
class Options:
    """What the contributor said on the command line, already resolved to ids."""

    name: str
    """Draft and raw file name (without extension); also the new source's id."""
    raw_file: str
    """File name of the raw copy under data/raw/, e.g. xhs-alipay.txt."""
    source: Source | None = None
    """The existing source the notes belong to (--source), or None for a new one."""
    company: str | None = None
    round: str | None = None
    date: str | None = None
    position: str | None = None
    encoding_notice: str | None = None


@dataclass
class Built:
    """A draft and what the reviewer should be told about it."""

    draft: Draft
    remarks: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    """(list key, index) → comment lines written above that entry."""
    duplicates: list[tuple[int, str, str, float]] = field(default_factory=list)
    """(raw line, question id, its title, similarity) of every probable duplicate."""
    options: Options | None = None


def source_id(options: Options) -> str:
    return options.source.id if options.source else options.name


def build(notes: Notes, handbook: Handbook, rules: ImportRules, options: Options) -> Built:
    """The draft for ``notes``: new questions, occurrences of existing ones, tips and omitted lines."""
    suggester = Suggester.of(handbook, rules)
    index = suggester.index((q.id, q.title) for q in handbook.questions)
    taken = {q.id for q in handbook.questions} | {t.id for t in handbook.tips}
    company = options.company or suggester.company_in(notes.title)
    builder = _Builder(suggester, index, options, source_id(options), company, taken)
    for question in notes.questions:
        builder.question(question)
    for comment in notes.comments:
        builder.tip(comment)
    omitted = [OmittedLine(line=h.line, text=h.text, reason=_heading_reason(h.kind)) for h in notes.headings]
    omitted += [OmittedLine(line=o.line, text=o.text, reason=o.reason) for o in notes.omitted]
    omitted += builder.omitted
    source: Source | str = options.source.id if options.source else _proposed_source(options, notes.title)
    draft = Draft(
        source=source,
        raw=options.raw_file if options.source else None,
        questions=builder.questions,
        add_asked=builder.add_asked,
        tips=builder.tips,
        omitted=sorted(omitted, key=lambda o: o.line),
    )
    return Built(draft, builder.remarks, builder.duplicates, options)


def _heading_reason(kind: str) -> str:
    return "标题（出处的标题写在 source.title）" if kind == "title" else "小节标题（已记入各题的轮次或小节）"


def _proposed_source(options: Options, title: str | None) -> Source:
    return Source(
        id=options.name,
        title=f"{PLACEHOLDER}：原文标题" + (f"，如 {title}" if title else ""),
        author=f"{PLACEHOLDER}：作者（不知道写“匿名候选人”）",
        date=f"{PLACEHOLDER}：发布或记录日期 YYYY-MM-DD",
        licence=f"{PLACEHOLDER}：版权与使用说明，如 候选人的面试笔记：题目作为“被问过什么”的事实收录，文字已规范化改写。",
        raw=options.raw_file,
    )


_ASKS = re.compile(r"什么|怎么|怎样|如何|为什么|为何|哪|多少|多大|多久|是否|能否|有没有|是不是|会不会|要不要|能不能|吗$|呢$")
_END = re.compile(r"[？?。！!]$")


def clean_title(text: str) -> str:
    """A question's title: trailing punctuation tidied, a question mark added where the text asks something."""
    text = re.sub(r"[，,、；;：:\s]+$", "", text.strip())
    if not _END.search(text) and _ASKS.search(text):
        text += "？"
    return text.replace("?", "？")


@dataclass
class _Builder:
    suggester: Suggester
    index: TitleIndex
    options: Options
    source: str
    company: str | None
    taken: set[str]
    questions: list[DraftQuestion] = field(default_factory=list)
    add_asked: list[AddAsked] = field(default_factory=list)
    tips: list[DraftTip] = field(default_factory=list)
    omitted: list[OmittedLine] = field(default_factory=list)
    remarks: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    duplicates: list[tuple[int, str, str, float]] = field(default_factory=list)
    by_line: dict[int, str] = field(default_factory=dict)
    """Raw line of each question → the id it went to (new or existing)."""

    def _id(self, prefix: str) -> str:
        n = 1
        while f"{prefix}-{n:03d}" in self.taken:
            n += 1
        found = f"{prefix}-{n:03d}"
        self.taken.add(found)
        return found

    def occurrence(self, question: RawQuestion) -> Occurrence:
        context = question.context
        round_id = self.suggester.round_id(context.rounds) or self.options.round
        section = context.heading if context.heading and not (context.kind == "round" and round_id) else None
        values = {"source": self.source, "section": section, "line": question.line, "company": self.company, "round": round_id}
        values |= {"date": self.options.date, "position": self.options.position}
        return Occurrence.model_validate({k: v for k, v in values.items() if v is not None})

    def question(self, raw: RawQuestion) -> None:
        title = clean_title(raw.text)
        nearest = self.index.nearest(title)
        best = nearest[0] if nearest else None
        rules = self.index.rules
        if best is not None and best.similarity >= rules.threshold:
            self._duplicate(raw, title, best.id, best.title, best.similarity)
            return
        qid = self._id(self.source[: ID_MAX - 4])
        category = self.suggester.category(title, best)
        tags, tags_sure = self.suggester.tag_ids(title, category.id)
        lines = [n.line for n in raw.notes if n.line != raw.line]
        review = [name for name, sure in (("category", category.confident), ("tags", tags_sure)) if not sure]
        self.questions.append(
            DraftQuestion.model_validate(
                {
                    "id": qid,
                    "title": title,
                    "category": category.id,
                    "tags": tags,
                    "asked": [self.occurrence(raw)],
                    "sources": [SourceRef(source=self.source, lines=lines)] if lines else [],
                    "intent": None,
                    "notes": [n.text for n in raw.notes],
                    "review": review,
                }
            )
        )
        self.remarks[("questions", len(self.questions) - 1)] = _question_remarks(raw, category, best, rules.similar)
        self.index.add(qid, title)
        self.by_line[raw.line] = qid

    def _duplicate(self, raw: RawQuestion, title: str, target: str, target_title: str, score: float) -> None:
        lines = [n.line for n in raw.notes if n.line != raw.line]
        sources = [SourceRef(source=self.source, lines=lines)] if lines else []
        extra = AddAsked(question=target, asked=self.occurrence(raw), similarity=score, text=title, notes=[n.text for n in raw.notes], sources=sources)
        self.add_asked.append(extra)
        remark = [f"原文第 {raw.line} 行「{title}」与「{target_title}」（{target}）相似度 {score:.2f}：确认是同一道题；不是的话移到 questions 写成新题。"]
        self.remarks[("add_asked", len(self.add_asked) - 1)] = remark
        self.duplicates.append((raw.line, target, target_title, score))
        self.by_line[raw.line] = target

    def tip(self, comment: Comment) -> None:
        if not comment.text:
            self.omitted.append(OmittedLine(line=comment.line, text="（空）", reason="没有内容"))
            return
        kind = self.suggester.tip_kind(comment.text)
        round_id = self.suggester.round_id(comment.context.rounds) or self.options.round
        related = self.by_line.get(comment.question) if comment.question else None
        confident_tags = [tid for tid, score, _ in self.suggester.tags(comment.text) if score >= 3][:3]
        values = {
            "id": self._id(f"tip-{self.source[: ID_MAX - 8]}"),
            "text": comment.text,
            "kind": kind.id,
            "company": self.company,
            "rounds": [round_id] if round_id else [],
            "questions": [related] if related else [],
            "tags": confident_tags,
            "sources": [SourceRef(source=self.source, lines=[comment.line])],
            "review": [] if kind.confident else ["kind"],
        }
        self.tips.append(DraftTip.model_validate({k: v for k, v in values.items() if v is not None}))
        choices = "、".join(f"{k}（{s}）" for k, s in kind.candidates) or "没有命中的提示词"
        self.remarks[("tips", len(self.tips) - 1)] = [f"原文第 {comment.line} 行。类型推荐：{choices}"]


def _question_remarks(raw: RawQuestion, category: Suggestion, best: Match | None, similar: float) -> list[str]:
    written = f"：{raw.text}" if clean_title(raw.text) != raw.text else ""
    lines = [f"原文第 {raw.line} 行" + ("（追问）" if raw.follow_up else "") + written]
    ranked = "、".join(f"{cid}（{score}）" for cid, score in category.candidates) or "没有命中的关键词"
    lines.append(f"分类推荐：{ranked}" + (f"；依据：{'、'.join(category.evidence[:5])}" if category.evidence else ""))
    if best is not None and best.similarity >= similar:
        lines.append(f"相似的已有题目：{best.id}「{best.title}」（相似度 {best.similarity:.2f}）。如果是同一道题，改写到 add_asked。")
    return lines


# ---------------------------------------------------------------- rendering


HEADER = """\
# 导入草稿：由 handbook import 从 data/raw/{raw} 生成。{notice}
# 审阅步骤（改完运行 handbook check 校验，make serve DRAFTS=1 预览）：
#   1. source：填写所有标有“{placeholder}”的字段（标题、作者、日期、版权说明）。
#   2. questions：把 title 改成规范的问句；确认 category 和 tags（review 里列出的是没有把握的推荐，确认后删掉 review）；
#      补写 intent（考察点，1–3 句）和 outline（答题要点 3–6 条）或 frameworks。notes 是原文中作者的回答，只供参考，接受时不写入数据。
#   3. add_asked：与已有题目重复的提问，接受时加到该题的 asked 里。确认确实是同一道题；不是的话移到 questions 写成新题。
#   4. tips：原文中的点评与经验。改写成完整、通顺的一句话，确认 kind（面经类型，见 data/tip_kinds.yaml）。
#   5. omitted：不收录的行（标题、客套话等），接受时记入 data/omissions.yaml。确认没有漏掉题目。
#   6. 全部确认后运行：handbook import --accept data/drafts/{name}.yaml
"""

QUESTION_KEYS = (
    "id",
    "title",
    "category",
    "tags",
    "type",
    "origin",
    "asked",
    "sources",
    "background",
    "intent",
    "time",
    "frameworks",
    "outline",
    "opening",
    "cases",
    "signals",
    "pitfalls",
    "followups",
    "notes",
    "review",
)
TIP_KEYS = ("id", "text", "kind", "company", "rounds", "questions", "tags", "sources", "review")
FLOW_LISTS = {"tags", "frameworks", "cases", "rounds", "questions", "review"}
"""Short lists written on one line, as in data/."""


def render(built: Built) -> str:
    """The draft file's text: YAML with comments for the reviewer."""
    draft = built.draft
    options = built.options
    name = options.name if options else draft.source_id
    notice = f"\n# {options.encoding_notice}" if options and options.encoding_notice else ""
    out = [HEADER.format(raw=draft.raw_name or "", notice=notice, placeholder=PLACEHOLDER, name=name)]
    out += list(_source_block(draft))
    out += _list_block("questions", [q.model_dump(exclude_defaults=True) for q in draft.questions], QUESTION_KEYS, built.remarks, _QUESTIONS_NOTE)
    out += _list_block(
        "add_asked",
        [a.model_dump(exclude_defaults=True) for a in draft.add_asked],
        ("question", "similarity", "text", "asked", "sources", "notes"),
        built.remarks,
        _ADD_NOTE,
    )
    out += _list_block("tips", [t.model_dump(exclude_defaults=True) for t in draft.tips], TIP_KEYS, built.remarks, _TIPS_NOTE)
    out += _list_block("omitted", [o.model_dump() for o in draft.omitted], ("line", "text", "reason"), {}, _OMITTED_NOTE, flow=True)
    return "\n".join(out).rstrip("\n") + "\n"


_QUESTIONS_NOTE = "# 新题目。intent（考察点）和 outline（答题要点）待补充：接受时缺少 intent 的题会被拒绝。"
_ADD_NOTE = "# 已有题目又被问到：接受时把 asked 加到 question 所指题目的 asked 里。"
_TIPS_NOTE = "# 面经草稿：text 是原文，请改写成完整的一句话。"
_OMITTED_NOTE = "# 不收录的行及理由。"


def _source_block(draft: Draft) -> Iterator[str]:
    if isinstance(draft.source, str):
        yield f"source: {_scalar(draft.source)}  # 已有出处（data/sources.yaml）"
        yield f"raw: {_scalar(draft.raw or '')}  # data/raw/ 下的原始笔记；接受时写入该出处的 raw 字段"
        yield ""
        return
    yield "source:  # 新出处：接受时加到 data/sources.yaml"
    for key, value in draft.source.model_dump(exclude_none=True).items():
        yield f"  {key}: {_scalar(value)}"
    yield ""


def _list_block(
    key: str, items: list[dict[str, object]], order: tuple[str, ...], remarks: dict[tuple[str, int], list[str]], note: str, flow: bool = False
) -> list[str]:
    if not items:
        return [f"{key}: []", ""]
    out = [note, f"{key}:"]
    for i, item in enumerate(items):
        # A remark quotes titles from data/: a line break in one would end the comment and start YAML.
        out += [f"  # {' '.join(line.split())}" for line in remarks.get((key, i), [])]
        if flow:
            out.append(f"  - {_flow(item, order)}")
            continue
        keys = [k for k in order if k in item] + [k for k in item if k not in order]
        for j, k in enumerate(keys):
            out += _field(k, item[k], "  - " if j == 0 else "    ")
        out.append("")
    return out + [""]


def _field(key: str, value: object, lead: str) -> list[str]:
    pad = " " * len(lead)
    if isinstance(value, list) and (key in FLOW_LISTS or not value):
        return [f"{lead}{key}: [{', '.join(_scalar(v, flow=True) for v in value)}]"]
    if isinstance(value, list):
        return [f"{lead}{key}:"] + [f"{pad}  - {_flow(v) if isinstance(v, dict) else _scalar(v)}" for v in value]
    if isinstance(value, dict):
        return [f"{lead}{key}: {_flow(value)}"]
    return [f"{lead}{key}: {_scalar(value)}"]


def _flow(value: dict[str, object], order: tuple[str, ...] = ()) -> str:
    keys = [k for k in order if k in value] + [k for k in value if k not in order]
    parts = []
    for k in keys:
        v = value[k]
        text = f"[{', '.join(_scalar(x, flow=True) for x in v)}]" if isinstance(v, list) else _scalar(v, flow=True)
        parts.append(f"{k}: {text}")
    return "{" + ", ".join(parts) + "}"


def _scalar(value: object, flow: bool = False) -> str:
    """A YAML scalar that reads back as ``value``: plain when safe, else double-quoted."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    probe = f"[{text}]" if flow else f"k: {text}"
    try:
        loaded = yaml.safe_load(probe)
    except yaml.YAMLError:
        loaded = None
    expected = [text] if flow else {"k": text}
    safe = loaded == expected and text == text.strip() and "#" not in text and not text.startswith(("'", '"'))
    return text if safe else json.dumps(text, ensure_ascii=False)


# ---------------------------------------------------------------- summary


def summary(built: Built, vocab_names: dict[str, str]) -> str:
    """What the import found and what to do next, in Chinese."""
    draft = built.draft
    name = built.options.name if built.options else draft.source_id
    categories = Counter(q.category for q in draft.questions)
    review = sum(1 for q in draft.questions if "category" in q.review)
    lines = []
    if built.options and built.options.encoding_notice:
        lines.append(built.options.encoding_notice)
    lines.append(f"已生成草稿 data/{DRAFTS_DIR}/{name}.yaml，原始笔记另存为 data/{RAW_DIR}/{draft.raw_name}（UTF-8）。")
    lines.append(f"题目：{len(draft.questions) + len(draft.add_asked)} 道（新题 {len(draft.questions)} 道，与已有题目重复 {len(draft.add_asked)} 道）")
    answered = [q.notes for q in draft.questions if q.notes] + [a.notes for a in draft.add_asked if a.notes]
    lines.append(f"附带回答的题目：{len(answered)} 道（回答共 {sum(map(len, answered))} 段，写在各题的 notes 里）")
    lines.append(f"点评与经验转成面经草稿：{len(draft.tips)} 条；不收录的行：{len(draft.omitted)} 行")
    lines += _duplicate_lines(built)
    shown = "、".join(f"{vocab_names.get(c, c)} {n}" for c, n in categories.most_common()) or "（无）"
    lines.append(f"推荐分类：{shown}" + (f"；其中 {review} 道分类没有把握，已标记 review: [category]" if review else ""))
    lines.append("")
    lines.append("下一步：")
    lines.append(f"  1. 打开 data/{DRAFTS_DIR}/{name}.yaml，按文件开头的说明审阅（补写考察点 intent 与答题要点 outline，确认分类、标签与重复题）。")
    lines.append("  2. 运行 handbook check 校验，make serve DRAFTS=1 预览（草稿只在预览里出现）。")
    lines.append(f"  3. 运行 handbook import --accept data/{DRAFTS_DIR}/{name}.yaml 写入数据。")
    return "\n".join(lines)


def _duplicate_lines(built: Built) -> list[str]:
    if not built.duplicates:
        return ["可能重复的题目：无"]
    lines = [f"可能重复的题目：{len(built.duplicates)} 道（写在 add_asked 里）"]
    for line, qid, title, score in built.duplicates:
        lines.append(f"  第 {line} 行 → {qid}「{title}」相似度 {score:.2f}")
    return lines


# ---------------------------------------------------------------- writing


def write(root: Path, built: Built, raw_text: str) -> tuple[Path, Path]:
    """Create data/drafts/<name>.yaml and data/raw/<raw file> (UTF-8, LF). Never overwrites a draft; raises FileExistsError."""
    assert built.options is not None
    data = root / "data"
    draft_path = data / DRAFTS_DIR / f"{built.options.name}.yaml"
    raw_path = data / RAW_DIR / built.options.raw_file
    content = raw_text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if raw_path.exists() and raw_path.read_text(encoding="utf-8") != content:
        raise FileExistsError(raw_path)
    draft_path.parent.mkdir(parents=True, exist_ok=True)
    raw_path.parent.mkdir(parents=True, exist_ok=True)
    with draft_path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(render(built))
    if not raw_path.exists():
        with raw_path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
    return draft_path, raw_path


# ---------------------------------------------------------------- command-line input


USAGE = "用法：handbook import 文件 [--source ID] [--company C] [--round R] [--date D] [--position P] [--name NAME]，或 handbook import --accept 草稿"


class InputError(Exception):
    """Bad input to ``handbook import``; the message says what to do (Chinese)."""


RULES_FILE = "import_rules.yaml"
"""Import rules under data/ (model suggest.ImportRules); defaults apply without it."""


def load_rules(data_dir: Path, root: Path) -> ImportRules:
    """data/import_rules.yaml, validated; raises DataError with file and line."""
    path = data_dir / RULES_FILE
    if not path.is_file():
        return ImportRules()
    rel = path.resolve().relative_to(root.resolve()).as_posix() if path.resolve().is_relative_to(root.resolve()) else path.as_posix()
    try:
        parsed = parse_yaml(path.read_text(encoding="utf-8"))
    except YamlSyntaxError as error:
        raise DataError([Problem(rel, error.line, error.column, None, None, f"YAML 语法错误（{error.message}）。")]) from None
    try:
        return ImportRules.model_validate(parsed.data or {})
    except ValidationError as error:
        problems = []
        for err in error.errors():
            line, col = parsed.position(tuple(err["loc"])) or (None, None)
            problems.append(Problem(rel, line, col, None, field_path(tuple(err["loc"])) or None, pydantic_message(err, ImportRules)))
        raise DataError(problems) from None


def slug(text: str) -> str:
    """An id from a file name: lower-case ASCII words joined by hyphens ('' when nothing is left)."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:ID_MAX]


def options_for(handbook: Handbook, file: Path, given: dict[str, str | None], rules: ImportRules, encoding_notice: str | None = None) -> Options:
    """Resolve ``--name --source --company --round --date --position`` against the vocabularies; raises InputError.
    ``--round`` is read as the raw notes' headings are: a spelling import_rules.yaml maps (三面 → 总监面) is mapped."""
    name = given.get("name") or slug(file.stem)
    if not name or not re.fullmatch(ID_PATTERN, name) or len(name) > ID_MAX:
        shown = given.get("name") or file.stem
        raise InputError(f"无法用“{shown}”作草稿和出处的名字：只能用小写英文字母、数字和连字符。请用 --name 指定，如 --name xhs-ant-2025-05。")
    suffix = file.suffix.lower() if re.fullmatch(r"\.[a-z0-9]{1,8}", file.suffix.lower()) else ".txt"
    raw_file = f"{name}{suffix}"
    vocab = vocabularies(handbook)
    return Options(
        name=name,
        raw_file=raw_file,
        source=_existing_source(handbook, given.get("source"), name, raw_file),
        company=_lookup(vocab["companies"], given.get("company"), "--company"),
        round=_lookup(vocab["rounds"], _mapped_round(given.get("round"), rules), "--round"),
        date=_date(given.get("date")),
        position=_lookup(vocab["positions"], given.get("position"), "--position"),
        encoding_notice=encoding_notice,
    )


def _mapped_round(value: str | None, rules: ImportRules) -> str | None:
    if value is None:
        return value
    return rules.rounds.get(value.strip(), value)


def _lookup(vocabulary: Vocabulary, value: str | None, flag: str) -> str | None:
    if value is None:
        return None
    found, candidates = vocabulary.lookup(value)
    if found is not None:
        return found
    message = vocabulary.ambiguous(value, candidates) if candidates else vocabulary.unknown(value)
    raise InputError(f"{flag}：{message}")


def _date(value: str | None) -> str | None:
    if value is not None and not re.fullmatch(DATE_PATTERN, value.strip()):
        raise InputError(f"--date：日期格式不对：{value!r}。写成 2025、2025-05 或 2025-05-14。")
    return value.strip() if value else None


def _existing_source(handbook: Handbook, source: str | None, name: str, raw_file: str) -> Source | None:
    known = {s.id: s for s in handbook.sources}
    if source is None:
        if name in known:
            raise InputError(f"出处 id '{name}' 已存在（data/sources.yaml）。要把这份笔记记到该出处下，加 --source {name}；否则用 --name 换一个名字。")
        return None
    if source not in known:
        listing = "、".join(f"{s.id}（{s.title}）" for s in handbook.sources) or "（暂无）"
        raise InputError(f"--source：未知出处 '{source}'。已有的出处：{listing}。不写 --source 时会在草稿里新建出处。")
    existing = known[source]
    if existing.seed:
        raise InputError(f"--source：出处 '{source}' 来自种子材料（{existing.seed}），编号按小节计算，不能再对应一份原始笔记。请不写 --source，新建出处。")
    if existing.raw not in (None, raw_file):
        raise InputError(f"--source：出处 '{source}' 已对应原始笔记 data/{RAW_DIR}/{existing.raw}；一个出处只对应一个原始文件。请不写 --source，新建出处。")
    if existing.raw is None and any(ref.source == source for *_, ref in references(handbook)):
        raise InputError(
            f"--source：出处 '{source}' 已经被引用，它的编号不是这份笔记的行号，不能再对应一份原始笔记。请不写 --source，新建出处（同一位作者的笔记可以在标题里写明）。"
        )
    return existing


# ---------------------------------------------------------------- the two commands


def run(root: Path, file: Path, given: dict[str, str | None]) -> str:
    """``handbook import FILE``: read, parse, build and write the draft; the summary to print. Raises InputError,
    RawNotesError or DataError (the data itself does not validate)."""
    from .build import load_checked
    from .rawnotes import RawNotesError, decode, parse

    if not file.is_file():
        raise InputError(f"找不到文件：{file}" + ("（这是一个目录，请给出面经文件）" if file.is_dir() else "。"))
    try:
        decoded = decode(file.read_bytes())
    except RawNotesError as error:
        raise InputError(f"{file}：{error}") from None
    handbook, _ = load_checked(root)
    rules = load_rules(root / "data", root)
    options = options_for(handbook, file, given, rules, decoded.notice)
    draft = f"data/{DRAFTS_DIR}/{options.name}.yaml"
    if (root / draft).exists():
        raise InputError(f"草稿 {draft} 已存在，不会覆盖：先审阅并接受（handbook import --accept {draft}）或删除它，或用 --name 换一个名字。")
    built = build(parse(decoded.text), handbook, rules, options)
    try:
        write(root, built, decoded.text)
    except FileExistsError as error:
        raise InputError(f"已有同名文件 {error.args[0]}（内容不同），不会覆盖：请用 --name 换一个名字。") from None
    return summary(built, {c.id: c.name for c in handbook.categories})


def accept_draft(root: Path, draft: Path) -> str:
    """``handbook import --accept DRAFT``: write the reviewed draft into data/; the report to print."""
    from .accept import accept

    if not draft.is_file():
        raise InputError(f"找不到草稿：{draft}（草稿在 data/{DRAFTS_DIR}/ 下）。")
    done = accept(root, draft)
    lines = [f"已接受草稿 {draft.as_posix()} 并删除。"]
    what = [f"新出处 {done.source}" if done.new_source else f"出处 {done.source}"]
    what += [f"题目 {done.questions} 道", f"已有题目的被问记录 {done.occurrences} 条", f"面经 {done.tips} 条", f"不收录的行 {done.omitted} 行"]
    lines.append("写入：" + "、".join(what) + "。")
    lines += [f"  {path}" for path in done.written]
    lines.append("下一步：运行 handbook build 生成页面，确认后提交。")
    return "\n".join(lines)
