"""The handbook's data model, defined once.

Every entity a contributor writes in YAML is a frozen pydantic model with
``extra="forbid"``. Field descriptions are in Chinese because the data
reference page for contributors is generated from them.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""Ids are lowercase ASCII words joined by hyphens, e.g. ``ant-034``."""

ID_MAX = 80
"""Longest id: ids become file names, and readers type them into URLs."""

DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
"""Occurrence dates: a year, a year-month or a full date (2025, 2025-05, 2025-05-14)."""

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Ref = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A reference to a vocabulary entry (tag, category, company, round, tip kind, framework):
its id, its Chinese name or a listed synonym. resolve.py turns it into the id."""
Date = Annotated[str, StringConstraints(strip_whitespace=True, pattern=DATE_PATTERN)]

URL_PATTERN = re.compile(r"https?://[^\s\"'<>`\\]+", re.IGNORECASE)
"""A source's address: a web address and nothing a page could run (no javascript:, data:, quotes or angle brackets)."""

POSITIONS = {"campus": "校招", "intern": "实习", "social": "社招"}
"""Kinds of position an occurrence can record, id → Chinese name."""


class Entry(BaseModel):
    """Base for every YAML entry: frozen, unknown fields rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Category(Entry):
    """A question category, e.g. 支付与风控."""

    id: Id = Field(description="分类 id（小写英文与连字符），决定网址 categories/<id>/")
    name: Text = Field(description="分类名称（中文）")
    description: Text = Field(description="一两句话说明这一类题考什么")
    order: int = Field(description="在首页和导航中的排序，数字小的在前")
    keywords: list[Text] = Field(default=[], description="导入原始面经时用来推荐这一分类的关键词（handbook import 使用）")


class Tag(Entry):
    """A topic tag with the synonyms readers might type."""

    id: Id = Field(description="标签 id，决定网址 tags/<id>/")
    name: Text = Field(description="标签显示名，如 A/B 实验")
    description: Text = Field(description="标签含义，一句话")
    synonyms: list[Text] = Field(default=[], description="同义词，搜索时也能找到，如 AB测试；写题目时也可以用同义词代替 id")
    keywords: list[Text] = Field(default=[], description="导入原始面经时用来推荐这一标签的其他关键词（不显示给读者）")


class Company(Entry):
    """A company whose interviews the handbook covers."""

    id: Id = Field(description="公司 id，决定网址 companies/<id>/")
    name: Text = Field(description="公司名称")
    description: Text = Field(description="公司与业务简介")
    aliases: list[Text] = Field(default=[], description="别名与产品名，如 支付宝")
    timeline: list[TimelineEvent] = Field(default=[], description="面经中记录的面试时间线")


class TimelineEvent(Entry):
    """One dated step of an interview process."""

    date: Text = Field(description="日期，如 2025-03-30 或 3月30日")
    event: Text = Field(description="发生了什么，如 一面")
    round: Ref | None = Field(default=None, description="对应的面试轮次：id 或中文名，如 first 或 一面（可选）")
    sources: list[SourceRef] = Field(default=[], description="出处")


class Round(Entry):
    """An interview round, e.g. 一面 or HR面."""

    id: Id = Field(description="轮次 id，决定网址 rounds/<id>/")
    name: Text = Field(description="轮次名称，如 HR面")
    description: Text = Field(description="这一轮通常考什么、怎么准备")
    order: int = Field(description="流程中的先后顺序")


class TipKind(Entry):
    """A kind of experience note, e.g. 复盘教训."""

    id: Id = Field(description="面经类型 id，决定网址 tips/<id>/")
    name: Text = Field(description="类型名称")
    description: Text = Field(description="这一类面经讲什么")
    order: int = Field(description="排序")


class Source(Entry):
    """Where content comes from, with what the licence allows."""

    id: Id = Field(description="出处 id，在 sources 引用中使用")
    title: Text = Field(description="标题")
    author: Text = Field(description="作者")
    url: Text | None = Field(default=None, description="原文链接（如有），以 http:// 或 https:// 开头")
    date: Text = Field(description="发布或记录日期，YYYY-MM-DD")
    licence: Text = Field(description="版权与使用说明，如 禁止转载：仅保留事实并改写")
    seed: Text | None = Field(default=None, description="对应 shared/seeds/ 中的种子文件名（如有）")
    raw: Text | None = Field(default=None, description="保存在 data/raw/ 下的原始笔记文件名（handbook import 导入时填写）")

    @field_validator("url")
    @classmethod
    def _web_address(cls, url: str | None) -> str | None:
        if url is None:
            return url
        if not URL_PATTERN.fullmatch(url):
            raise ValueError(f"原文链接必须是以 http:// 或 https:// 开头、不含空格和引号的网址，如 https://www.woshipm.com/…；现在是 {url[:80]}")
        return url


class SourceRef(Entry):
    """A pointer into a source: its id, the section and the numbered lines."""

    source: Id = Field(description="出处 id（见 sources.yaml）")
    section: Text | None = Field(default=None, description="原文中的小节，如 面试题目、面试经验、E；写了小节就必须写 lines")
    lines: list[Annotated[int, Field(ge=1)]] = Field(default=[], description="该小节中的编号（没有小节时是原始笔记的行号）")

    @model_validator(mode="after")
    def _section_needs_lines(self) -> SourceRef:
        if self.section is not None and not self.lines:
            raise ValueError(f"写了小节 section: {self.section} 就要写该小节中的编号 lines，如 lines: [3]；引用整篇出处时删掉 section")
        return self


class Occurrence(Entry):
    """One time a question was reported asked: where it is written down, and where and when it was asked."""

    source: Id = Field(description="记下这次提问的出处 id（见 sources.yaml）")
    section: Text | None = Field(default=None, description="出处中的小节，如 面试题目、E；写了小节就必须写 line")
    line: Annotated[int, Field(ge=1)] | None = Field(default=None, description="小节中的编号；没有小节时是原始笔记的行号（可选）")
    company: Ref | None = Field(default=None, description="公司：id 或名称、别名，如 ant-group 或 支付宝（不知道就不写，显示为未知公司）")
    round: Ref | None = Field(default=None, description="面试轮次：id 或名称，如 first 或 一面（可选）")
    date: Date | None = Field(default=None, description="被问到的时间：2025、2025-05 或 2025-05-14（可选）")
    position: Ref | None = Field(default=None, description="招聘类型：campus（校招）、intern（实习）、social（社招），也可以直接写中文（可选）")

    @field_validator("date", mode="before")
    @classmethod
    def _year_as_text(cls, value: object) -> object:
        """A bare year (``date: 2025``) is read by YAML as a number: take it as the text 2025."""
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _section_needs_line(self) -> Occurrence:
        if self.section is not None and self.line is None:
            raise ValueError(f"写了小节 section: {self.section} 就要写该小节中的编号 line，如 line: 3；不知道编号就删掉 section")
        return self


class Step(Entry):
    """One step of an answer framework."""

    title: Text = Field(description="步骤名称")
    points: list[Text] = Field(min_length=1, description="这一步要讲到的要点")


class Framework(Entry):
    """A reusable answer framework (答题框架)."""

    id: Id = Field(description="框架 id，决定网址 frameworks/<id>/")
    name: Text = Field(description="框架名称")
    summary: Text = Field(description="一句话说明")
    when: list[Text] = Field(min_length=1, description="适用场景")
    steps: list[Step] = Field(min_length=2, description="步骤及要点")
    pitfalls: list[Text] = Field(default=[], description="常见失误")
    sources: list[SourceRef] = Field(default=[], description="参考出处（改写自文章时必填）")


class Case(Entry):
    """A worked example: 背景 / 过程 / 结果."""

    id: Id = Field(description="案例 id，决定网址 cases/<id>/")
    title: Text = Field(description="案例标题")
    kind: Literal["adapted", "illustration"] = Field(description="adapted = 改写自出处中的案例；illustration = 本手册编写的示例，非真实候选人经历")
    background: Text = Field(description="背景")
    steps: list[Text] = Field(min_length=2, description="过程，按步骤")
    result: Text = Field(description="结果")
    sources: list[SourceRef] = Field(default=[], description="出处（adapted 必填）")


QUESTION_TYPES = {
    "self-intro": "自我介绍",
    "motivation": "求职动机",
    "behavioral": "经历与行为",
    "project": "项目深挖",
    "design": "产品设计",
    "teardown": "产品分析",
    "metrics": "指标设计",
    "data-analysis": "数据分析",
    "estimation": "估算",
    "strategy": "业务策略",
    "industry": "行业分析",
    "ai": "AI 产品",
    "b-side": "B 端设计",
    "group": "群面",
    "reverse": "反问",
}
"""Question types (题型), id → Chinese name: what kind of answer a question calls for, across categories."""

FOLLOWUPS_MIN, FOLLOWUPS_MAX = 3, 5
"""How many follow-up questions a question lists when it lists any."""

SIGNALS_MIN, SIGNALS_MAX = 2, 4
"""How many points each side of a question's strong/weak answer signals has."""


class Followup(Entry):
    """A likely follow-up question (追问) and a one-line hint on answering it."""

    question: Text = Field(description="面试官可能的追问")
    hint: Text = Field(description="一句话提示：怎么接这个追问")


class Signals(Entry):
    """What a strong answer shows and what a weak one sounds like, as an interviewer would note them."""

    strong: list[Text] = Field(min_length=SIGNALS_MIN, max_length=SIGNALS_MAX, description=f"好回答会体现什么，{SIGNALS_MIN}–{SIGNALS_MAX} 条")
    weak: list[Text] = Field(min_length=SIGNALS_MIN, max_length=SIGNALS_MAX, description=f"弱回答听起来是什么样，{SIGNALS_MIN}–{SIGNALS_MAX} 条")


class Question(Entry):
    """An interview question with everything needed to practise it."""

    id: Id = Field(description="题目 id，如 ant-034；决定网址 questions/<id>/，发布后不要改")
    title: Text = Field(description="规范化后的题目文字")
    category: Ref = Field(description="分类：id 或中文名（见 categories.yaml）")
    tags: list[Ref] = Field(min_length=1, max_length=6, description="标签：id、中文名或同义词，1–6 个（见 tags.yaml）")
    type: Literal[tuple(QUESTION_TYPES)] | None = Field(  # type: ignore[valid-type]
        default=None, description="题型：" + "、".join(f"{k}（{v}）" for k, v in QUESTION_TYPES.items())
    )
    origin: Literal["reported", "handbook"] = Field(
        default="reported", description="reported = 面经或文章中真实被问到的题（默认）；handbook = 本手册编写的练习题，没有被问到的记录（不写 asked）"
    )
    asked: list[Occurrence] = Field(
        default=[], description="被问到的记录：每次被问到写一条（出处、编号、公司、轮次、时间、招聘类型）；同一道题在别处又被问到时加一条，不要新建题目"
    )
    sources: list[SourceRef] = Field(default=[], description="题目内容参考的其他出处（不是“被问到”的记录），如面经中的点评")
    background: list[Text] = Field(default=[], description="问题背景（可选）")
    intent: Text = Field(description="考察点：面试官想考什么，1–3 句")
    time: float | None = Field(default=None, ge=0.5, le=15, description="建议口述时长，单位分钟，如 2 或 1.5")
    frameworks: list[Ref] = Field(default=[], description="适用的答题框架：id 或框架名称")
    outline: list[Text] = Field(default=[], description="答题要点，3–6 条（有答题框架时可以不写）")
    opening: Text | None = Field(default=None, description="60–90 秒的开场示范：读者照着改写的模板，不是标准答案")
    cases: list[Id] = Field(default=[], description="示例案例 id")
    signals: Signals | None = Field(default=None, description="好回答与弱回答的表现（strong / weak，各 2–4 条）")
    pitfalls: list[Text] = Field(default=[], description="常见失误")
    followups: list[Followup] = Field(default=[], description=f"可能的追问，{FOLLOWUPS_MIN}–{FOLLOWUPS_MAX} 条，每条带一句提示")

    @field_validator("followups")
    @classmethod
    def _followups_size(cls, followups: list[Followup]) -> list[Followup]:
        if followups and not FOLLOWUPS_MIN <= len(followups) <= FOLLOWUPS_MAX:
            raise ValueError(f"追问写 {FOLLOWUPS_MIN}–{FOLLOWUPS_MAX} 条，现在是 {len(followups)} 条：补足最可能被问到的追问，或合并相近的几条")
        return followups

    @model_validator(mode="after")
    def _handbook_questions_were_not_asked(self) -> Question:
        if self.origin == "handbook" and self.asked:
            raise ValueError("origin: handbook 表示本手册编写的练习题，不能有被问到的记录 asked；若确实在面经中被问到，删掉 origin 一行")
        return self

    @field_validator("outline")
    @classmethod
    def _outline_size(cls, outline: list[str]) -> list[str]:
        if outline and not OUTLINE_MIN <= len(outline) <= OUTLINE_MAX:
            raise ValueError(f"答题要点写 {OUTLINE_MIN}–{OUTLINE_MAX} 条，现在是 {len(outline)} 条：合并或拆分要点；只想引用答题框架时删掉 outline")
        return outline


OUTLINE_MIN, OUTLINE_MAX = 3, 6
"""How many points an answer outline has (the documented range)."""


class Tip(Entry):
    """An experience note (面经) or interviewer commentary."""

    id: Id = Field(description="面经 id，如 tip-ant-x15")
    text: Text = Field(description="面经内容（整理后的文字）")
    kind: Ref = Field(description="类型：id 或中文名（见 tip_kinds.yaml）")
    company: Ref | None = Field(default=None, description="公司：id、名称或别名")
    rounds: list[Ref] = Field(default=[], description="相关面试轮次：id 或名称")
    questions: list[Id] = Field(default=[], description="相关题目 id")
    tags: list[Ref] = Field(default=[], description="相关标签：id、名称或同义词")
    sources: list[SourceRef] = Field(default=[], description="出处与原文编号")


STORY_QUESTIONS_MAX = 12
"""Questions a story lists at most: the 故事库 page stays the same size however large the bank grows."""


class Story(Entry):
    """A personal story a candidate should prepare (故事库), and the questions it answers."""

    id: Id = Field(description="故事 id（小写英文与连字符），决定故事库页上的锚点 stories/#story-<id>，读者在本机保存的 STAR 草稿也按它记录，发布后不要改")
    name: Text = Field(description="故事名称，如 最大的挑战")
    why: Text = Field(description="一句话：为什么要准备这个故事")
    listens: list[Text] = Field(min_length=1, description="面试官听这个故事时在听什么，每条一句")
    order: int = Field(description="在故事库页上的排序，数字小的在前")
    categories: list[Ref] = Field(min_length=1, description="这个故事能回答的题目分类：id 或中文名（见 categories.yaml）")
    questions: list[Id] = Field(
        default=[], max_length=STORY_QUESTIONS_MAX, description=f"这个故事能直接回答的题目 id，最多 {STORY_QUESTIONS_MAX} 个（题目页会链接回这个故事）"
    )


class Omission(Entry):
    """Seed lines deliberately left out, with the reason."""

    sources: list[SourceRef] = Field(min_length=1, description="被略去的原文编号")
    reason: Text = Field(description="略去的理由")


class Settings(Entry):
    """Site-wide settings kept with the data (data/settings.yaml, a mapping, optional)."""

    hot_threshold: int = Field(default=3, ge=2, description="被问到多少次（不同的记录）算高频题，显示“高频”标记")
    hot_top: int = Field(default=10, ge=1, le=50, description="首页列出的高频题数量")
    list_limit: int = Field(default=500, ge=1, description="题目总览直接列出全部题目的上限；题目更多时只列分类，筛选在读者点开时才加载")
    route_per_day: int = Field(default=6, ge=1, le=20, description="学习路线每天最多安排的题目数")


Company.model_rebuild()
TimelineEvent.model_rebuild()
