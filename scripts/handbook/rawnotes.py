"""Raw interview notes (面经) → questions with their answers, commentary, headings and omitted lines.

Pure functions: ``decode(bytes) -> Decoded`` finds the encoding, ``parse(text) -> Notes`` reads
the structure. Every non-blank physical line ends up in exactly one place (``Notes.places``),
each item keeping its 1-based physical line number. Nothing here knows the vocabulary: round
words stay as written (一面, 三面, 技术面); suggest.py and drafts.py resolve them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

# ---------------------------------------------------------------- decoding

BINARY_CONTROL_SHARE = 0.01
"""More control characters than this share of the bytes means a binary file."""

GB2312_SHARE = 0.95
"""A GBK reading is trusted when this share of its non-ASCII characters lies in GB2312 (common simplified Chinese)."""

GB_MIN_CHARS = 4
"""Fewer non-ASCII characters than this cannot tell GBK from other double-byte encodings."""


class RawNotesError(Exception):
    """Input that cannot be read as notes; the message is for the contributor (Chinese)."""


@dataclass(frozen=True)
class Decoded:
    """Text of a raw notes file and how it was decoded."""

    text: str
    """The text, BOM removed, line endings as in the file."""
    encoding: str
    """Encoding used: utf-8, gbk, utf-16 or what charset-normalizer reported."""
    notice: str | None = None
    """A message for the contributor when the file was not UTF-8, e.g. 检测到 GBK 编码，已转换为 UTF-8."""


def decode(data: bytes) -> Decoded:
    """The text of ``data``; raises RawNotesError for empty, binary or undeterminable input."""
    if not data.strip():
        raise RawNotesError("文件是空的：没有可以导入的内容。")
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return _decoded(data[len(bom) :], encoding)
    if _looks_binary(data):
        raise RawNotesError("这不是文本文件（含有二进制内容）。请导入 .txt 或 .md 格式的面经文字。")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    gbk = _as_gbk(data)
    if gbk is not None:
        return Decoded(gbk, "gbk", "检测到 GBK 编码，已转换为 UTF-8。")
    return _guess(data)


def _decoded(data: bytes, encoding: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise RawNotesError(f"文件开头标明是 {encoding.upper()} 编码，但内容无法按该编码读取。请用编辑器另存为 UTF-8 后重试。") from None
    if not text.strip():
        raise RawNotesError("文件是空的：没有可以导入的内容。")
    name = encoding.removesuffix("-le").removesuffix("-be")
    notice = None if name == "utf-8" else f"检测到 {name.upper()} 编码，已转换为 UTF-8。"
    return Decoded(text, name, notice)


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    control = sum(1 for b in data if b < 0x09 or 0x0E <= b < 0x20 and b != 0x1B)
    return control > BINARY_CONTROL_SHARE * len(data)


def _as_gbk(data: bytes) -> str | None:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [c for c in text if ord(c) > 0x7F]
    if len(wide) < GB_MIN_CHARS:
        return None
    common = sum(1 for c in wide if _in_gb2312(c))
    return text if common >= GB2312_SHARE * len(wide) else None


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _guess(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.1 or "Chinese" not in best.language:
        raise RawNotesError("无法确定文件编码（不是 UTF-8，也不像 GBK）。请用编辑器把文件另存为 UTF-8 后重新导入。")
    name = best.encoding.replace("_", "-").upper()
    return Decoded(str(best), best.encoding, f"检测到 {name} 编码，已转换为 UTF-8。")


def physical_lines(text: str) -> list[str]:
    """The lines of ``text`` as an editor numbers them (CRLF, CR and LF each end one line)."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


# ---------------------------------------------------------------- the result


@dataclass(frozen=True)
class Note:
    """One line of the author's answer, attached to its question."""

    line: int
    text: str


@dataclass(frozen=True)
class Context:
    """Where in the notes an item sits."""

    heading: str | None = None
    """Text of the nearest heading (not the title), e.g. 一面（业务面，50min） or 技术面."""
    rounds: tuple[str, ...] = ()
    """Round words in effect, most specific first, as written: ('总监面', '二面'), ('技术面',)."""
    kind: str = "plain"
    """What the nearest heading introduces: questions, comment, background, round or plain."""


@dataclass(frozen=True)
class RawQuestion:
    """A question as written in the notes, with the answer lines that follow it."""

    line: int
    text: str
    context: Context
    notes: tuple[Note, ...] = ()
    follow_up: bool = False
    """Written as a follow-up (追问) to the question before it."""


@dataclass(frozen=True)
class Comment:
    """Commentary or experience: becomes a tip draft."""

    line: int
    text: str
    context: Context
    question: int | None = None
    """Line of the question this comment follows directly, if any."""


@dataclass(frozen=True)
class Heading:
    """A section or round heading, or the post's title."""

    line: int
    text: str
    kind: str


@dataclass(frozen=True)
class Omitted:
    """A line that becomes nothing, with the reason."""

    line: int
    text: str
    reason: str


Place = Literal["question", "answer", "comment", "heading", "omitted"]


@dataclass(frozen=True)
class Notes:
    """Everything found in one raw notes file."""

    questions: tuple[RawQuestion, ...]
    comments: tuple[Comment, ...]
    headings: tuple[Heading, ...]
    omitted: tuple[Omitted, ...]
    title: str | None = None
    """The post's title (first line), where company names and the round often appear."""
    title_rounds: tuple[str, ...] = ()
    """Round words of the title when it names exactly one round: the default for the whole file."""

    def places(self) -> dict[int, list[Place]]:
        """Line → the places it went to; a correct parse gives every non-blank line exactly one."""
        found: dict[int, list[Place]] = {}
        for q in self.questions:
            found.setdefault(q.line, []).append("question")
            for note in q.notes:
                if note.line != q.line:
                    found.setdefault(note.line, []).append("answer")
        for line, place in _simple_places(self):
            found.setdefault(line, []).append(place)
        return found


def _simple_places(notes: Notes) -> Iterator[tuple[int, Place]]:
    yield from ((c.line, "comment") for c in notes.comments)
    yield from ((h.line, "heading") for h in notes.headings)
    yield from ((o.line, "omitted") for o in notes.omitted)


# ---------------------------------------------------------------- scanning one line

_KEYCAP = re.compile(r"^([0-9])\ufe0f?\u20e3|^\U0001f51f")
_NUMBER = re.compile(
    r"^(?:第\s*)?(?P<n>\d{1,3})\s*(?:[.．、)）:：](?!\d)|\s*题\s*[:：、.]?)"
    r"|^[(（]\s*(?P<p>\d{1,3})\s*[)）]"
    r"|^(?P<c>[\u2460-\u2473\u2474-\u2487\u2488-\u249b\u24f5-\u24fe\u2776-\u277f])"
    r"|^(?:第\s*)?(?P<z>[一二三四五六七八九十]{1,3})\s*(?:[、.．]|\s*题\s*[:：、.]?)"
)
_QUESTION_MARK = re.compile(r"^(?:Q\s*(?P<n>\d{1,3})?|问题?|提问|面试官问|题目)\s*(?P<sep>[:：.．、])\s*")
_QUESTION_MARK_BARE = re.compile(r"^Q\s*(?P<n>\d{1,3})\s+(?=\S)")
_FOLLOW_UP = re.compile(r"^(?:追问|继续追问|又问|接着问)\s*[:：]\s*")
_ANSWER_MARK = re.compile(r"^(?:A\s*\d{0,3}|答|回答|我答|我的回答|参考答案|答案|思路|我的思路|解答|参考)\s*[:：]\s*")
_BULLET = re.compile(r"^(?:[-*+](?=\s)|[•·●○◦▪▫■□◆◇►▶➤→])\s*")
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_QUOTE = re.compile(r"^(?:>\s?)+")
_INLINE_ANSWER = re.compile(r"(?:(?<=[？?。！!])|\s)\s*(?:答|A|回答|我答|我的回答)\s*[:：]\s*|(?:(?<=[？?])|\s)\s*(?:——|--|—)\s*")
_FENCE = re.compile(r"^(```|~~~)")


@dataclass(frozen=True)
class Scanned:
    """The markers of one line, and what is left once they are removed."""

    indent: int
    content: str
    level: int = 0
    """Markdown heading level (1–6), 0 otherwise."""
    quote: bool = False
    marker: str | None = None
    """Style of the list marker: 'n.' '(n)' '①' '一、' 'keycap' 'bullet' 'Q' or None."""
    role: str | None = None
    """'question', 'follow_up' or 'answer' when the line says so (问：, 追问：, 答：)."""


def _half_width(text: str) -> str:
    """Full-width letters, digits and space to ASCII; Chinese punctuation stays."""
    return "".join(chr(ord(c) - 0xFEE0) if "\uff10" <= c <= "\uff19" or "\uff21" <= c <= "\uff5a" else c for c in text).replace("\u3000", " ")


def scan(raw: str) -> Scanned:
    """Strip a line's layout markers: indentation, quote, heading, bullet, number, Q/A labels."""
    expanded = raw.replace("\t", "    ").replace("\u3000", "  ")
    indent = len(expanded) - len(expanded.lstrip(" "))
    text = _half_width(raw).strip()
    quote = bool(_QUOTE.match(text))
    text = _QUOTE.sub("", text)
    level = 0
    if match := _MD_HEADING.match(text):
        level, text = len(match[1]), text[match.end() :]
    text, marker = _strip_marker(_strip_decoration(text))
    text, role = _strip_role(text)
    if role == "question" and marker is None:
        marker = "Q"
    return Scanned(indent, text.strip(), level, quote, marker, role)


def _strip_decoration(text: str) -> str:
    """Leading emoji and symbols that decorate a line (📍, 💡, ✨), but not keycap numbers."""
    while text and not _KEYCAP.match(text) and _is_decoration(text[0]):
        text = text[1:].lstrip()
    return text


def _is_decoration(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sk", "Cf", "Mn", "Co") or char in "\ufe0f\u200d\U0001f3fb"


def _strip_marker(text: str) -> tuple[str, str | None]:
    if match := _KEYCAP.match(text):
        return text[match.end() :].lstrip(), "keycap"
    if match := _NUMBER.match(text):
        style = "n." if match["n"] else "(n)" if match["p"] else "①" if match["c"] else "一、"
        return text[match.end() :].lstrip(), style
    if match := _BULLET.match(text):
        if match.group(0).strip():
            return _strip_decoration(text[match.end() :]), "bullet"
    return text, None


def _strip_role(text: str) -> tuple[str, str | None]:
    for pattern, role in ((_FOLLOW_UP, "follow_up"), (_QUESTION_MARK, "question"), (_QUESTION_MARK_BARE, "question"), (_ANSWER_MARK, "answer")):
        if match := pattern.match(text):
            rest = text[match.end() :].strip()
            if rest:
                return rest, role
    return text, None


# ---------------------------------------------------------------- what a text says

_INTERROGATIVE = re.compile(
    r"[？?]|吗[。！!]?$|呢[。！!]?$|询问|问了|问到|问我|什么|怎么|怎样|如何|为什么|为何|哪些|哪个|哪里|哪儿|哪方面|哪一|哪家|多少|多大|多久|几个|几种|是否|能否|可否|"
    r"有没有|是不是|会不会|要不要|能不能|可不可以|行不行|好不好|对不对|怎么看|看法|的理解|区别|异同|优缺点|优劣|差异"
)
_IMPERATIVE = re.compile(
    r"^(?:请你?|先)?(?:介绍|自我介绍|讲讲|讲一|讲下|说说|说一|说下|谈谈|谈一|聊聊|聊一|描述|分析|设计|评价|举例|举个|举一|估算|预估|对比|比较|列举|"
    r"解释|简述|分享|复盘|给你|让你|假如|假设|如果|用三个词|用一句话|形容|挑一|选一|项目深挖|深挖|详细讲)"
)
_TOPIC = re.compile(r"(?:自我介绍|职业规划|期望薪资|薪资期望|项目深挖|实习经历|优缺点|离职原因|求职动机|(?:相关|的)(?:问题|提问)[。]?$)")
_COMMENT_START = re.compile(
    r"^(?:面试官|感觉|感受|总结|总的来说|总体|整体|整场|全程|心得|体会|建议|提醒|注意|补充|备注|PS|P\.S|ps|Ps|tips|Tips|TIPS|附|个人觉得|个人感觉|"
    r"复盘|反思|教训|结果|时间线|流程|一共|时长|面试时长|反问|最后反问|楼主|目前|已经|后来|第二天|当天|隔天|几天后|等了|收到|挂了|oc|OC|意向|面完|"
    r"(?:[一二三四五]面|群面|终面|总监面|HR面|hr面)(?:其实|比|更|主要|基本|偏|难|问|整体|全程|结束)|这题|这道题|当时|"
    r"(?:\d+|[一二两三四五六七八九十几]+)\s*(?:天|周|个?星期|个?月|小时)(?:后|之后|以后|内)"
    r")"
)
_REVERSE = re.compile(r"反问|有什么(?:想|要)?问(?:我|的|题要问)|还有(?:什么)?问题(?:吗|要问)|有什么问题(?:吗|要问|想问)")
_JUNK = re.compile(
    r"点赞|收藏|关注我|求赞|攒人品|许愿|祝大家|希望对大家有(?:所)?帮助|私信|评论区|欢迎交流|码字不易|好运|上岸|求offer|求oc|"
    r"编辑于|发布于|IP属地|来自牛客|^\[?图片\]?$|^https?://\S+$|^(?:以上|完|END|end|over)[。！!]*$"
)
_SEPARATOR = re.compile(r"^[-=*_~—·.…\s]{3,}$")
_SENTENCE_END = re.compile(r"[。！!；;～~]$")

REVERSE_MAX = 16
_ASKED_BACK = re.compile(r"^(?:我|候选人|最后)?(?:的)?反问(?:了|环节)?\s*[:：]")
"""``反问：团队最大的挑战是什么？`` is the candidate's own question to the interviewer."""
"""“你还有什么想问我的吗” and the like, up to this long, only open the reverse questions: nothing to keep."""

TOPIC_MAX = 30
"""A numbered line without a question word still counts as a question (e.g. 期望薪资) when at most this long."""


def is_question(text: str) -> bool:
    """Does ``text`` ask something, or set a task (介绍一下…, 设计一个…)?"""
    return bool(_INTERROGATIVE.search(text) or _IMPERATIVE.match(text))


def is_comment(text: str) -> bool:
    """Is ``text`` commentary about the interview rather than a question or an answer?"""
    return bool(_COMMENT_START.match(text) or _REVERSE.search(text))


def is_topic(text: str) -> bool:
    """A short noun phrase naming what was asked (自我介绍, 期望薪资, 项目深挖)."""
    short_phrase = len(text) <= TOPIC_MAX and not _SENTENCE_END.search(text)
    return short_phrase or (bool(_TOPIC.search(text)) and len(text) <= TOPIC_MAX * 2)


def junk_reason(text: str) -> str | None:
    """Why a line is noise (separator, hashtags, emoji only, thanks and wishes), or None."""
    stripped = text.strip()
    if _FENCE.match(stripped):
        return "代码块标记"
    if _SEPARATOR.match(stripped):
        return "分隔线"
    if all(word.startswith("#") for word in stripped.split()) and not _MD_HEADING.match(stripped):
        return "话题标签"
    if not any(unicodedata.category(c)[0] in "LN" for c in stripped):
        return "只有符号或表情"
    if _JUNK.search(stripped) and not is_question(_strip_decoration(stripped)):
        return "客套话或求好运，与面试内容无关"
    return None


# ---------------------------------------------------------------- headings

_ROUND_KIND = r"总监面|主管面|交叉面|加面|终面|HR\s*面|hr\s*面|HRBP\s*面|人事面|群面|无领导小组(?:讨论)?|技术面|业务面|笔试|机试"
_ROUND_ORDINAL = r"(?<![一二三四五六七八九十\d])(?:第\s*)?[一二三四五六七八九十1-9]\s*面(?!经|试)"
_ROUND_WORD = re.compile(rf"{_ROUND_KIND}|{_ROUND_ORDINAL}")
_COMPOUND_ROUNDS = re.compile(r"[一二三四五六七八九十]{2,}面|[一二三四五六七八九十1-9]\s*[+、/和]\s*[一二三四五六七八九十1-9]?\s*面")
_SECTION_WORDS = {
    "questions": r"面试题目|面试问题|题目|问题汇总|问题|面经|技术问题|专业问题|笔试题",
    "comment": r"面试经验|经验分享|经验|面试心得|心得|个人总结|面试总结|总结|面试感受|感受|个人感受|复盘|面试复盘|建议|小建议|tips|Tips|时间线|面试流程|流程|反问环节|反问|结果",
    "background": r"背景|个人背景|个人情况|基本情况|基本信息|楼主背景|自我介绍部分",
}
HEADING_MAX = 14
"""A plain-text line is a heading only when its words (without parentheses) are at most this long."""


def round_words(text: str) -> tuple[str, ...]:
    """Round words in ``text``, kinds (总监面, HR面) before ordinals (二面); empty if it names several rounds at once."""
    if _COMPOUND_ROUNDS.search(text):
        return ()
    words = [re.sub(r"\s+", "", w) for w in _ROUND_WORD.findall(text)]
    kinds = [w for w in words if re.fullmatch(_ROUND_KIND, w)]
    return tuple(dict.fromkeys(kinds + [w for w in words if w not in kinds]))


def _without_brackets(text: str) -> str:
    return re.sub(r"[(（\[【][^)）\]】]*[)）\]】]", "", text).strip(" ：:—-|｜")


def heading_kind(text: str) -> str | None:
    """'round', 'questions', 'comment' or 'background' when ``text`` reads as a heading, else None."""
    core = _without_brackets(text)
    if not core or len(core) > HEADING_MAX or _SENTENCE_END.search(core) or "？" in core or "?" in core:
        return None
    if round_words(core) and len(_ROUND_WORD.sub("", core).strip(" ：:")) <= 6:
        return "round"
    for kind, words in _SECTION_WORDS.items():
        if re.fullmatch(rf"(?:{words})[:：]?", core, flags=re.IGNORECASE):
            return kind
    return None


_BRACKET_HEADING = re.compile(r"^[【\[](?P<h>[^】\]]{0,20})[】\]]\s*(?P<rest>.*)$")
_BOLD_HEADING = re.compile(r"^\*\*(?P<h>[^*]+?)[:：]?\*\*[:：]?\s*(?P<rest>.*)$")
_DURATION = re.compile(r"^\s*(?:[（(]?\s*[\d.~～\-–]+\s*(?:min|mins|分钟|分|小时|h).{0,12})?$", re.IGNORECASE)
"""What may follow a bracketed heading on its line and still belong to it: nothing, or a duration (【一面】40分钟)."""
_LABEL_HEADING = re.compile(r"^(?P<h>[^:：]{1,10})[:：]\s*(?P<rest>.*)$")


@dataclass(frozen=True)
class HeadingMatch:
    """A heading found at the start of a line, and any item text after it on the same line."""

    text: str
    kind: str
    rest: str = ""


def match_heading(scanned: Scanned) -> HeadingMatch | None:
    """The heading this line opens, if it is one: ## 二面, 【一面】, 一面：, **HR面**, 面试心得, 二、一面."""
    content = scanned.content
    if scanned.role or scanned.quote:
        return None
    for pattern in (_BRACKET_HEADING, _BOLD_HEADING):
        if (match := pattern.match(content)) is not None:
            rest = "" if _DURATION.match(match["rest"]) else match["rest"].strip()
            return HeadingMatch(match["h"].strip(), heading_kind(match["h"]) or "plain", rest)
    if (label := _LABEL_HEADING.match(content)) is not None and (kind := heading_kind(label["h"])) in ("round", "comment", "background"):
        return HeadingMatch(label["h"].strip(), kind, "" if _DURATION.match(label["rest"]) else label["rest"].strip())
    kind = heading_kind(content)
    if kind and (scanned.marker in (None, "一、") or scanned.level):
        return HeadingMatch(content.rstrip(":："), kind)
    if scanned.level and scanned.marker is None and not is_question(content):
        return HeadingMatch(content, "plain")
    return None


# ---------------------------------------------------------------- parsing

TITLE_WORDS = re.compile(r"面经|面试|笔试|产品|PM|offer|记录|复盘|经验|题|校招|社招|实习|秋招|春招")


@dataclass
class _State:
    """The parser's position: the current heading context and the question being read."""

    context: Context = field(default_factory=Context)
    context_level: int = 0
    round_level: int = 0
    default_rounds: tuple[str, ...] = ()
    question: RawQuestion | None = None
    question_indent: int = 0
    question_marker: str | None = None
    question_level: int = 0
    blank: bool = False
    """A blank line came since the last item: it ends a list item's block (not a Markdown heading's)."""
    list_marker: str | None = None
    """Marker style of the question list in the current section."""


@dataclass
class _Found:
    questions: list[RawQuestion] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    omitted: list[Omitted] = field(default_factory=list)


def parse(text: str) -> Notes:
    """Read raw notes: questions with their answer notes, comments, headings, omitted lines."""
    lines = physical_lines(text)
    found = _Found()
    state = _State()
    title, title_rounds = _title(lines)
    state.default_rounds = title_rounds
    state.context = Context(rounds=title_rounds)
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            state.blank = True
            continue
        if number == title[0]:
            found.headings.append(Heading(number, title[1], "title"))
            continue
        _line(number, raw, state, found)
        state.blank = False
    _close(state, found)
    return Notes(tuple(found.questions), tuple(found.comments), tuple(found.headings), tuple(found.omitted), title[1] or None, title_rounds)


def _title(lines: list[str]) -> tuple[tuple[int, str], tuple[str, ...]]:
    """(line, text) of the post's title, or (0, '') when the first line is not one; and its single round."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        scanned = scan(raw)
        heading = match_heading(scanned)
        looks_like = scanned.level == 1 or (TITLE_WORDS.search(scanned.content) and len(scanned.content) <= 60)
        if scanned.marker or scanned.role or is_question(scanned.content) or (heading and heading.kind != "plain") or not looks_like:
            return (0, ""), ()
        rounds = round_words(scanned.content)
        return (number, scanned.content), rounds if len(rounds) == 1 else ()
    return (0, ""), ()


def _line(number: int, raw: str, state: _State, found: _Found) -> None:
    reason = junk_reason(raw)
    if reason:
        found.omitted.append(Omitted(number, raw.strip(), reason))
        return
    scanned = scan(raw)
    if not scanned.content:
        found.omitted.append(Omitted(number, raw.strip(), "空标题" if scanned.level else "只有编号，没有内容"))
        return
    heading = match_heading(scanned)
    if heading is not None:
        _enter_heading(number, heading, scanned.level, state, found)
        if not heading.rest:
            return
        scanned = replace(scanned, content=heading.rest, level=0)
    _item(number, scanned, state, found, raw.strip())


def _enter_heading(number: int, heading: HeadingMatch, level: int, state: _State, found: _Found) -> None:
    _close(state, found)
    if not heading.rest:
        found.headings.append(Heading(number, heading.text, heading.kind))
    level = level or 7
    rounds = round_words(heading.text) if heading.kind == "round" else ()
    if rounds:
        state.round_level = level
    elif level <= state.round_level or state.round_level == 0:
        state.round_level = 0
        rounds = state.default_rounds
    else:
        rounds = state.context.rounds
    state.context = Context(heading.text, rounds, heading.kind)
    state.context_level = level
    state.list_marker = None


def _close(state: _State, found: _Found) -> None:
    if state.question is not None:
        found.questions.append(state.question)
        state.question = None


def _item(number: int, scanned: Scanned, state: _State, found: _Found, original: str) -> None:
    place = _classify(scanned, state)
    if place == "answer" and state.question is not None:
        state.question = replace(state.question, notes=state.question.notes + (Note(number, scanned.content),))
    elif place == "question":
        _start_question(number, scanned, state, found)
    elif place == "background":
        found.omitted.append(Omitted(number, original, "候选人个人背景，不作为面经收录（需要时改写成面经）"))
    elif place == "reverse":
        found.omitted.append(Omitted(number, original, "反问环节的开场（请候选人提问），不是面试题"))
    else:
        after = state.question.line if state.question is not None else None
        found.comments.append(Comment(number, _clean_comment(scanned.content), state.context, after))


def _start_question(number: int, scanned: Scanned, state: _State, found: _Found) -> None:
    _close(state, found)
    title, answer = _split_inline_answer(scanned.content)
    notes = (Note(number, answer),) if answer else ()
    state.question = RawQuestion(number, _clean_title(title), state.context, notes, scanned.role == "follow_up")
    state.question_indent = scanned.indent
    state.question_marker = scanned.marker
    state.question_level = scanned.level
    if scanned.marker and scanned.role != "follow_up" and state.list_marker is None:
        state.list_marker = scanned.marker


def _classify(scanned: Scanned, state: _State) -> str:
    """'question', 'answer', 'comment', 'background' or 'reverse' for one item line."""
    text = scanned.content
    if scanned.role in ("question", "follow_up"):
        return "question"
    if scanned.role == "answer":
        return "answer" if state.question is not None else "comment"
    if scanned.quote:
        return "question" if scanned.marker and is_question(text) and not is_comment(text) else "comment"
    if state.context.kind == "background" and not is_question(text):
        return "background"
    if _REVERSE.search(text) and is_question(text) and len(text) <= REVERSE_MAX:
        return "reverse"
    if _ASKED_BACK.match(text) or (state.context.heading or "").strip().startswith(("反问", "我的反问", "最后反问")):
        return "comment"  # what the candidate asked the interviewer: a tip, not an interview question
    if state.question is not None and _is_answer(scanned, state):
        return "answer"
    if is_comment(text):
        return "comment"
    if scanned.level or (scanned.marker and scanned.marker != "bullet"):
        return _numbered(text, state)
    if is_question(text) or (scanned.marker == "bullet" and is_topic(text) and state.context.kind != "comment"):
        return "question" if state.context.kind != "comment" or _asks(text) else "comment"
    return "comment"


def _numbered(text: str, state: _State) -> str:
    if state.context.kind == "comment":
        return "question" if _asks(text) else "comment"
    if is_question(text) or is_topic(text):
        return "question"
    return "comment"


def _asks(text: str) -> bool:
    """Clearly a question even under a commentary heading: it ends with a question mark, or sets a task (请举例说明…)."""
    return bool(re.search(r"[？?]\s*$", text) or _IMPERATIVE.match(text))


def _is_answer(scanned: Scanned, state: _State) -> bool:
    """A line under a question that continues it: indented deeper, a sub-list, or plain text that is not a new question."""
    text = scanned.content
    deeper = scanned.indent - state.question_indent >= 2
    if is_comment(text) and not deeper:
        return False
    if deeper:
        return not _asks(text) or scanned.marker is not None
    if scanned.level or (state.blank and not state.question_level):
        return False
    if scanned.marker and scanned.marker != state.question_marker and scanned.marker != state.list_marker:
        return not (is_question(text) and _asks(text))
    if scanned.marker:
        return False
    return not _asks(text) and not (state.question_marker is None and is_question(text))


def _split_inline_answer(text: str) -> tuple[str, str]:
    """'问题？答：……' or '问题 —— ……' → (question, answer)."""
    match = _INLINE_ANSWER.search(text)
    if match is None or match.start() == 0:
        return text, ""
    return text[: match.start()].rstrip(), text[match.end() :].strip()


def _clean_title(text: str) -> str:
    text = re.sub(r"[\s\U0001f300-\U0001faff\u2600-\u27bf\ufe0f]+$", "", text)
    return text.strip()


def _clean_comment(text: str) -> str:
    text = re.sub(r"^(?:PS|P\.S\.?|ps|Ps|tips|Tips|TIPS|备注|补充|附)\s*[:：]\s*", "", text)
    return _clean_title(text)
