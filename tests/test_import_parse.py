"""Raw notes parsing, one format at a time: numbering styles, Q/A labels, headings, inline answers, encodings."""

from __future__ import annotations

import pytest

from handbook.rawnotes import Notes, RawNotesError, decode, parse
from handbook.suggest import DuplicateRules, TitleIndex, normalise


def questions(text: str) -> list[str]:
    return [q.text for q in parse(text).questions]


@pytest.mark.parametrize(
    "marker",
    ["1.", "1、", "1)", "1）", "(1)", "（1）", "①", "一、", "### 1.", "1️⃣", "１．", "Q1:", "Q1：", "问：", "问:", "- ", "第1题："],
)
def test_numbering_styles(marker: str) -> None:
    text = f"{marker} 为什么想做产品经理？\n{marker.replace('1', '2').replace('①', '②').replace('一', '二')} 你的职业规划是怎样的？\n"
    assert questions(text) == ["为什么想做产品经理？", "你的职业规划是怎样的？"]


def test_qa_labels_with_full_and_half_width_colons() -> None:
    notes = parse("Q: 怎么设计 AB 实验？\nA: 先定假设。\n问：如何评估效果？\n答：看核心指标。\nＱ：还有吗？\nＡ：没有了。\n")
    assert [q.text for q in notes.questions] == ["怎么设计 AB 实验？", "如何评估效果？", "还有吗？"]
    assert [[n.text for n in q.notes] for q in notes.questions] == [["先定假设。"], ["看核心指标。"], ["没有了。"]]


@pytest.mark.parametrize(
    ("line", "question", "answer"),
    [
        ("1. 如何验证商户真实性？答：看执照和流水。", "如何验证商户真实性？", "看执照和流水。"),
        ("2. 你用过哪些学习App？ —— 说了两个词典类的", "你用过哪些学习App？", "说了两个词典类的"),
        ("3. 怎么拉新？A：先找种子用户", "怎么拉新？", "先找种子用户"),
    ],
)
def test_answers_on_the_same_line(line: str, question: str, answer: str) -> None:
    [found] = parse(line + "\n").questions
    assert (found.text, [n.text for n in found.notes]) == (question, [answer])


def test_answers_indented_or_on_following_unnumbered_lines() -> None:
    text = "1. 如何提升留存？\n   先看流失在哪一步\n   ① 新手引导\n再做召回。\n2. 下一题是什么？\n"
    notes = parse(text)
    assert [q.text for q in notes.questions] == ["如何提升留存？", "下一题是什么？"]
    assert [n.line for n in notes.questions[0].notes] == [2, 3, 4]


def test_numbering_that_restarts_and_skips() -> None:
    text = "一面：\n1) 自我介绍\n3) 为什么做产品？\n二面：\n1）项目深挖\n2）怎么看竞品？\n"
    notes = parse(text)
    assert [(q.line, q.context.rounds) for q in notes.questions] == [(2, ("一面",)), (3, ("一面",)), (5, ("二面",)), (6, ("二面",))]


@pytest.mark.parametrize(
    ("heading", "rounds"),
    [
        ("【一面】", ("一面",)),
        ("一面：", ("一面",)),
        ("## 二面", ("二面",)),
        ("三面（总监面，30min）", ("总监面", "三面")),
        ("HR面", ("HR面",)),
        ("群面", ("群面",)),
        ("**技术面**", ("技术面",)),
        ("一、笔试", ("笔试",)),
        ("【一面】40分钟", ("一面",)),
    ],
)
def test_section_headings_carry_the_round(heading: str, rounds: tuple[str, ...]) -> None:
    notes = parse(f"{heading}\n1. 为什么想做产品？\n")
    assert [h.line for h in notes.headings] == [1]
    assert notes.questions[0].context.rounds == rounds


def test_commentary_headings_turn_lines_into_comments() -> None:
    notes = parse("## 一面\n1. 为什么做产品？\n## 面试心得\n1. 多刷竞品，面试官会拿具体产品来问。\n> 面试官说要先讲结论。\n感觉节奏很快\n")
    assert [q.line for q in notes.questions] == [2]
    assert [c.line for c in notes.comments] == [4, 5, 6]
    assert notes.comments[0].context.rounds == (), "a sibling heading ends the round"


def test_blockquotes_are_commentary() -> None:
    notes = parse("### 1. 怎么衡量社区健康？\n> 这题我答得比较乱。\n")
    assert [c.text for c in notes.comments] == ["这题我答得比较乱。"]
    assert notes.comments[0].question == 1


def test_reverse_questions_and_junk_are_not_questions() -> None:
    notes = parse("1. 为什么做产品？\n2. 你还有什么想问我的吗\n---\n#产品经理 #面经\n🙏🙏\n许愿 offer！\n")
    assert [q.line for q in notes.questions] == [1]
    assert notes.comments == ()
    reasons = {2: "反问环节的开场（请候选人提问），不是面试题", 3: "分隔线", 4: "话题标签", 5: "只有符号或表情", 6: "客套话或求好运，与面试内容无关"}
    assert {o.line: o.reason for o in notes.omitted} == reasons


def test_title_names_the_round_for_the_whole_file() -> None:
    notes = parse("美团 产品经理实习 一面记录\n\nQ1: 自我介绍\n")
    assert notes.title == "美团 产品经理实习 一面记录"
    assert notes.questions[0].context.rounds == ("一面",)
    several = parse("某公司 一二三面+HR面 面经\n1. 自我介绍\n")
    assert several.questions[0].context.rounds == ()


def test_places_cover_every_line_once() -> None:
    notes: Notes = parse("标题 面经\n\n【一面】\n1. 问题一？答：答案\n然后讲了数据\n面试官说还行\n---\n")
    assert notes.places() == {1: ["heading"], 3: ["heading"], 4: ["question"], 5: ["answer"], 6: ["comment"], 7: ["omitted"]}


# ---------------------------------------------------------------- decoding


def test_utf8_bom_crlf() -> None:
    decoded = decode("\ufeff问：为什么？\r\n答：因为。\r\n".encode())
    assert decoded.encoding == "utf-8" and decoded.notice is None
    assert [q.line for q in parse(decoded.text).questions] == [1]


def test_utf16_with_bom() -> None:
    decoded = decode(b"\xff\xfe" + "1. 为什么做产品？\n".encode("utf-16-le"))
    assert decoded.text == "1. 为什么做产品？\n"
    assert decoded.notice == "检测到 UTF-16 编码，已转换为 UTF-8。"


def test_gbk_detected_with_notice() -> None:
    decoded = decode("一面\n1、为什么想来京东？\n2、你怎么看即时零售？\n".encode("gbk"))
    assert decoded.encoding == "gbk"
    assert decoded.notice == "检测到 GBK 编码，已转换为 UTF-8。"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "文件是空的"),
        (b"  \n\r\n", "文件是空的"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "这不是文本文件"),
        (bytes([0xFF, 0xFE, 0x00, 0xD8]), "无法按该编码读取"),
        ("caf\xe9 au lait, tr\xe8s bien".encode("latin-1"), "无法确定文件编码"),
    ],
)
def test_bad_input_is_refused_with_a_message(data: bytes, message: str) -> None:
    with pytest.raises(RawNotesError, match=message):
        decode(data)


# ---------------------------------------------------------------- duplicates


def test_normalisation_removes_fillers_numbering_and_width() -> None:
    rules = DuplicateRules(fillers=["请", "你", "一下", "谈谈", "什么"], synonyms={"为什么想": "为什么", "怎么": "如何"})
    assert normalise("1. 请你谈谈一下，为什么想做产品？", rules) == normalise("为什么做产品", rules)
    assert normalise("ＡＢ 实验怎么设计？", rules) == "ab实验如何设计"


def test_index_finds_rewordings_and_skips_unrelated() -> None:
    rules = DuplicateRules(fillers=["你", "的", "是", "什么", "如何", "怎么"], synonyms={"怎么": "如何"})
    index = TitleIndex.of([("q-1", "你的职业规划是怎样的？"), ("q-2", "AB 实验如何设计？"), ("q-3", "如何验证商户的真实性？")], rules)
    [best] = index.nearest("AB实验怎么设计")
    assert best.id == "q-2" and best.similarity > 0.8
    assert index.nearest("今天天气很好") == []


def test_the_candidates_own_questions_are_not_interview_questions() -> None:
    notes = parse("二面\n1. 为什么做产品？\n2. 反问：团队现在最大的挑战是什么？\n3. 我反问了：业务规划？\n")
    assert [q.line for q in notes.questions] == [2]
    assert 3 in [c.line for c in notes.comments]
