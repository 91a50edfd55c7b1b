"""The handbook's data model, defined once.

Every entity a contributor writes in YAML is a frozen pydantic model with
``extra="forbid"``. Field descriptions are in Chinese because the data
reference page for contributors is generated from them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""Ids are lowercase ASCII words joined by hyphens, e.g. ``ant-034``."""

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Entry(BaseModel):
    """Base for every YAML entry: frozen, unknown fields rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Category(Entry):
    """A question category, e.g. 支付与风控."""

    id: Id = Field(description="分类 id（小写英文与连字符），决定网址 categories/<id>/")
    name: Text = Field(description="分类名称（中文）")
    description: Text = Field(description="一两句话说明这一类题考什么")
    order: int = Field(description="在首页和导航中的排序，数字小的在前")


class Tag(Entry):
    """A topic tag with the synonyms readers might type."""

    id: Id = Field(description="标签 id，决定网址 tags/<id>/")
    name: Text = Field(description="标签显示名，如 A/B 实验")
    description: Text = Field(description="标签含义，一句话")
    synonyms: list[Text] = Field(default=[], description="同义词，搜索时也能找到，如 AB测试")


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
    round: Id | None = Field(default=None, description="对应的面试轮次 id（可选）")
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
    url: Text | None = Field(default=None, description="原文链接（如有）")
    date: Text = Field(description="发布或记录日期，YYYY-MM-DD")
    licence: Text = Field(description="版权与使用说明，如 禁止转载：仅保留事实并改写")
    seed: Text | None = Field(default=None, description="对应 shared/seeds/ 中的种子文件名（如有）")


class SourceRef(Entry):
    """A pointer into a source: its id, the section and the numbered lines."""

    source: Id = Field(description="出处 id（见 sources.yaml）")
    section: Text | None = Field(default=None, description="原文中的小节，如 面试题目、面试经验、E")
    lines: list[int] = Field(default=[], description="该小节中的编号（行号），合并的重复题保留全部编号")


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
    pitfalls: list[Text] = Field(default=[], description="常见错误")
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


class Question(Entry):
    """An interview question with everything needed to practise it."""

    id: Id = Field(description="题目 id，如 ant-034；决定网址 questions/<id>/，发布后不要改")
    title: Text = Field(description="规范化后的题目文字")
    category: Id = Field(description="分类 id（见 categories.yaml）")
    tags: list[Id] = Field(min_length=1, max_length=6, description="标签 id，1–6 个（见 tags.yaml）")
    company: Id | None = Field(default=None, description="公司 id（见 companies.yaml）")
    round: Id | None = Field(default=None, description="面试轮次 id（见 rounds.yaml），面经写明时填写")
    sources: list[SourceRef] = Field(default=[], description="出处与原文编号")
    background: list[Text] = Field(default=[], description="问题背景（可选）")
    intent: Text = Field(description="考察点：面试官想考什么，1–3 句")
    frameworks: list[Id] = Field(default=[], description="适用的答题框架 id")
    outline: list[Text] = Field(default=[], description="答题要点，3–6 条")
    cases: list[Id] = Field(default=[], description="示例案例 id")
    pitfalls: list[Text] = Field(default=[], description="常见失误")


class Tip(Entry):
    """An experience note (面经) or interviewer commentary."""

    id: Id = Field(description="面经 id，如 tip-ant-x15")
    text: Text = Field(description="面经内容（整理后的文字）")
    kind: Id = Field(description="类型 id（见 tip_kinds.yaml）")
    company: Id | None = Field(default=None, description="公司 id")
    rounds: list[Id] = Field(default=[], description="相关面试轮次 id")
    questions: list[Id] = Field(default=[], description="相关题目 id")
    tags: list[Id] = Field(default=[], description="相关标签 id")
    sources: list[SourceRef] = Field(default=[], description="出处与原文编号")


class Omission(Entry):
    """Seed lines deliberately left out, with the reason."""

    sources: list[SourceRef] = Field(min_length=1, description="被略去的原文编号")
    reason: Text = Field(description="略去的理由")


Company.model_rebuild()
TimelineEvent.model_rebuild()
