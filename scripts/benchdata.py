"""Deterministic synthetic data for the benchmark (scripts/bench.py).

``write_data(data_dir, n, vocabulary)`` writes a complete data/ tree with ``n``
questions: the real vocabularies (categories, rounds, tip kinds, frameworks and
the sources they cite) copied from the repository, plus synthetic tags,
companies, sources, questions, cases and tips. The text is made of real-sounding
product-management words so that jieba segments it as it would real content; it
does not need to mean anything. The same ``n`` always gives byte-identical files.
"""

from __future__ import annotations

import json
import math
import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from random import Random

QUESTIONS_PER_FILE = 200
"""Questions (and tips, cases) per YAML file, as a large real bank would be split."""

VOCABULARY_FILES = ("categories.yaml", "rounds.yaml", "tip_kinds.yaml", "tags.yaml")
"""Files copied verbatim from the real data/ (tags.yaml gets synthetic tags appended)."""

ROUND_IDS = ("first", "second", "group", "director", "hr")
POSITION_IDS = ("campus", "intern", "social")
SECTIONS = ("面试题目", "面试经验", "E")

# --- Word banks ------------------------------------------------------------------------------

PRODUCTS = (
    "支付宝 微信支付 淘宝 天猫 美团 饿了么 抖音 快手 小红书 滴滴 高德地图 拼多多 京东 闲鱼 哔哩哔哩 知乎 网易云音乐 钉钉 飞书 企业微信 "
    "携程 得物 大众点评 百度地图 夸克 豆包 剪映 喜马拉雅 盒马 叮咚买菜 瑞幸咖啡 keep 微信读书 支付宝小程序 余额宝 花呗 芝麻信用"
).split()

NOUNS = (
    "用户 商户 转化率 留存率 漏斗 指标 口径 灰度 实验组 对照组 北极星指标 支付链路 风控策略 冷启动 私域流量 会员体系 优惠券 核销率 客单价 GMV "
    "DAU 复购率 履约 供给 需求池 优先级 迭代 版本 埋点 数据看板 归因 样本量 显著性 用户画像 分层运营 触达 召回 推荐算法 搜索框 首页 信息流 内容生态 "
    "创作者 审核机制 举报 社区氛围 商业化 广告位 变现 佣金 手续费 补贴 ROI 成本 收益 毛利 预算 竞品 市场份额 行业格局 监管要求 合规 隐私 数据安全 "
    "大模型 提示词 智能客服 知识库 准确率 召回率 用户体验 交互 原型 PRD 需求评审 研发 测试 设计师 运营 业务方 跨部门 资源 排期 里程碑 "
    "复盘 上线 回滚 故障 投诉 客服工单 NPS 满意度 用户访谈 问卷 可用性测试 场景 痛点 动机 路径 新用户 老用户 流失用户 沉默用户 高价值用户 "
    "下沉市场 学生 白领 中小商户 连锁品牌 骑手 司机 主播 卖家 买家 收银台 免密支付 分期 授信 额度 逾期率 坏账 反欺诈 黑产 设备指纹 实名认证 "
    "入驻流程 进件 结算 对账 提现 退款 售后 物流 仓储 库存 价格力 比价 直播间 短视频 图文笔记 评论区 消息推送 弹窗 红点 新手引导 任务体系 "
    "积分 签到 裂变 拉新 激活 付费率 订阅 续费率 生命周期价值 获客成本 渠道 投放 素材 点击率 曝光 停留时长 跳出率 完播率 互动率 关注 粉丝 "
    "标签体系 知识图谱 向量检索 多模态 幻觉 评测集 标注 数据闭环 权限 审批流 工作台 SaaS 私有化部署 续约 客户成功 销售线索 商机 报价 "
    "产品定位 价值主张 差异化 护城河 网络效应 规模效应 边际成本 长尾 头部 腰部 生态 平台 开放接口 SDK 小程序 插件 模板 协同 文档"
).split()

VERBS = (
    "拆解 定位 验证 优化 提升 降低 评估 设计 推动 协调 沉淀 量化 对比 权衡 聚焦 梳理 监控 识别 拦截 引导 激励 覆盖 分析 判断 取舍 "
    "跟进 复核 调研 访谈 归纳 排序 迭代 试点 放量 收敛 打通 串联 建立 搭建 落地 对齐 同步 说服 预估 测算 校准 补齐 简化 合并 下线"
).split()

MODIFIERS = (
    "核心 关键 长期 短期 可量化的 明确的 真实的 高频 低频 潜在的 隐性的 显性的 稳定的 可复用的 端到端的 分阶段的 小范围的 "
    "全链路的 差异化的 精细化的 可落地的 有代表性的 最小可行的 结构化的 一致的 可解释的"
).split()

CONNECTORS = "首先 其次 同时 然后 最后 另外 如果 因此 但是 并且 通过 围绕 基于 针对 结合 再 先 接着 必要时 在此基础上".split()

AUDIENCES = "大学生 新手妈妈 小微商户 外卖骑手 银发用户 一线白领 县城青年 跨境卖家 独立开发者 中小企业主 自由职业者 初入职场的新人".split()

GOALS = "提升转化率 提高留存 降低投诉率 减少逾期 提高核销率 增加复购 降低获客成本 提高付费率 缩短入驻时长 提升内容质量 减少误拦截".split()

FEATURES = "会员体系 新手引导 推荐策略 风控规则 优惠券玩法 搜索体验 消息推送 积分商城 客服入口 分享裂变 评价体系 退款流程 收银台".split()

TITLE_TEMPLATES = (
    "如果让你优化{product}的{noun}，你会从哪些方面入手？",
    "{product}的{noun}最近下降了{pct}%，你会如何排查？",
    "请为{audience}设计一个{feature}，目标是{goal}。",
    "你如何评价{product}的{feature}？有哪些可以改进的地方？",
    "如何衡量{product}上{noun}的效果？请给出指标体系。",
    "在{noun}和{noun2}之间发生冲突时，你会如何取舍？",
    "如果{product}要进入{audience}市场，你会怎么做？",
    "讲一个你通过{noun}{verb}{noun2}的项目经历。",
    "{product}想要{goal}，请设计一个实验方案。",
    "面对{audience}的{noun}问题，你会优先{verb}什么？",
    "为什么{product}要做{feature}？背后的商业逻辑是什么？",
    "{product}和竞品相比，在{noun}上的差异在哪里？",
)

COMPANY_PREFIXES = "星河 云帆 青禾 远山 蓝鲸 赤兔 北辰 知行 拾光 橙果 松果 极光 方舟 灵犀 微澜 长风 万象 启明 若水 九章".split()
COMPANY_SUFFIXES = "科技 网络 数科 信息 智能 互动 金服 云计算 电商 文化".split()

TAG_DOMAINS = (
    "信贷 跨境 直播 本地生活 即时零售 出行 文旅 教育 医疗 招聘 二手 社交 游戏 音乐 阅读 健身 母婴 宠物 家居 汽车 "
    "保险 理财 物流 餐饮 美妆 潮玩 短剧 播客 办公 政务"
).split()
TAG_ASPECTS = "增长 风控 商业化 体验 供给 定价 履约 合规 运营 推荐 搜索 会员 社区 数据 客服".split()

AUTHORS = "匿名候选人 学习小组 面试官甲 校招同学 社招同学 内推人".split()


def _pick(rng: Random, items: tuple[str, ...] | list[str]) -> str:
    return items[rng.randrange(len(items))]


def _clause(rng: Random) -> str:
    """A short clause of 2–4 bank words, e.g. 围绕核心转化率拆解漏斗."""
    shape = rng.randrange(6)
    if shape == 0:
        return f"{_pick(rng, CONNECTORS)}{_pick(rng, VERBS)}{_pick(rng, MODIFIERS)}{_pick(rng, NOUNS)}"
    if shape == 1:
        return f"{_pick(rng, VERBS)}{_pick(rng, NOUNS)}的{_pick(rng, NOUNS)}"
    if shape == 2:
        return f"用{_pick(rng, NOUNS)}{_pick(rng, VERBS)}{_pick(rng, NOUNS)}"
    if shape == 3:
        return f"{_pick(rng, NOUNS)}和{_pick(rng, NOUNS)}要{_pick(rng, VERBS)}"
    if shape == 4:
        return f"{_pick(rng, CONNECTORS)}把{_pick(rng, NOUNS)}{_pick(rng, VERBS)}到{_pick(rng, MODIFIERS)}{_pick(rng, NOUNS)}"
    return f"{_pick(rng, NOUNS)}提升 {rng.randint(2, 60)}%，{_pick(rng, NOUNS)}{_pick(rng, VERBS)}"


def text(rng: Random, low: int, high: int) -> str:
    """Chinese prose of ``low``–``high`` characters: clauses joined by ， and ending in 。"""
    target = rng.randint(low, high)
    out = ""
    while len(out) < target - 1:
        clause = _clause(rng)
        joiner = "" if not out else ("。" if rng.random() < 0.25 else "，")
        if out and len(out) + len(joiner) + len(clause) + 1 > high:
            break
        out += joiner + clause
    out = out[: high - 1]
    while len(out) < low - 1:  # a rare short draw: pad with one more noun
        out += _pick(rng, NOUNS)
    return out[: high - 1] + "。"


def title(rng: Random) -> str:
    """A question title of 15–40 characters."""
    for _ in range(50):
        candidate = _pick(rng, TITLE_TEMPLATES).format(
            product=_pick(rng, PRODUCTS),
            noun=_pick(rng, NOUNS),
            noun2=_pick(rng, NOUNS),
            verb=_pick(rng, VERBS),
            audience=_pick(rng, AUDIENCES),
            feature=_pick(rng, FEATURES),
            goal=_pick(rng, GOALS),
            pct=rng.randint(3, 40),
        )
        if 15 <= len(candidate) <= 40:
            return candidate
    return "如果让你优化支付宝的转账流程，你会从哪些方面入手？"


# --- YAML emitting -----------------------------------------------------------------------------

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9][^#:,\[\]{}]*(?<!\s)$")
"""Text safe as a plain scalar, in block and flow context: no indicator at the start, no ':', '#' or flow punctuation."""

_DATE = re.compile(r"^\d{4}-\d{2}$")
"""Year-month dates stay plain, as contributors write them (the loader has no timestamp resolver)."""

Value = str | int | list[int]


def scalar(value: Value) -> str:
    """A YAML scalar (or a flow list of numbers): plain when that reads back as the same string, JSON-quoted otherwise."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if _DATE.match(value) or _PLAIN.match(value) and value not in ("true", "false", "null", "yes", "no", "on", "off", "~"):
        return value
    return json.dumps(value, ensure_ascii=False)


def flow_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def flow_map(items: dict[str, Value]) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in items.items()) + "}"


def block_list(key: str, values: list[str], indent: str = "  ") -> list[str]:
    return [f"{indent}{key}:"] + [f"{indent}  - {scalar(v)}" for v in values]


# --- Entities ----------------------------------------------------------------------------------


def counts(n: int) -> dict[str, int]:
    """How many of each entity a bank of ``n`` questions gets."""
    return {
        "tags": max(40, round(n / 25)),
        "companies": max(3, round(n / 100)),
        "sources": max(1, math.ceil(n / 50)),
        "tips": max(1, round(n / 10)),
    }


def _ids_in(yaml_text: str) -> list[str]:
    return re.findall(r"^- \{?id: ([a-z0-9-]+)", yaml_text, re.M)


def _tags(rng: Random, real: str, total: int) -> tuple[str, list[str]]:
    """tags.yaml: the real tags plus synthetic ones up to ``total``; returns the text and every id."""
    ids = _ids_in(real)
    taken = set(re.findall(r"name: ([^,}\n]+)", real))
    names = [f"{d}{a}" for d in TAG_DOMAINS for a in TAG_ASPECTS if f"{d}{a}" not in taken]
    rng.shuffle(names)
    lines = [real.rstrip("\n"), "# 基准测试生成的标签。"]
    for i in range(max(0, total - len(ids))):
        name = names[i] if i < len(names) else f"{names[i % len(names)]}{i // len(names) + 1}"
        tag_id = f"t-{i + 1:04d}"
        description = f"与{name}相关的产品问题，如{_pick(rng, NOUNS)}与{_pick(rng, NOUNS)}。"
        lines.append(f"- {flow_map({'id': tag_id, 'name': name, 'description': description})}")
        ids.append(tag_id)
    return "\n".join(lines) + "\n", ids


def _companies(rng: Random, total: int) -> str:
    names = [f"{p}{s}" for p in COMPANY_PREFIXES for s in COMPANY_SUFFIXES]
    rng.shuffle(names)
    lines = ["# 基准测试生成的公司。"]
    for i in range(total):
        name = names[i % len(names)] + ("" if i < len(names) else str(i // len(names) + 1))
        lines += [f"- id: co-{i + 1:03d}", f"  name: {scalar(name)}", f"  description: {scalar(text(rng, 30, 60))}"]
    return "\n".join(lines) + "\n"


def _sources(real: str, total: int) -> str:
    """The real sources (which the copied frameworks cite) without their seed files, plus synthetic ones."""
    lines = [re.sub(r"^\s+seed: .*\n", "", real, flags=re.M).rstrip("\n"), "# 基准测试生成的出处。"]
    for i in range(total):
        lines += [
            f"- id: src-{i + 1:04d}",
            f"  title: 产品经理面试笔记第 {i + 1} 篇",
            f"  author: {AUTHORS[i % len(AUTHORS)]}",
            "  date: 2025-03-01",
            "  licence: 基准测试生成的示例出处：文字随机生成，不对应真实面经。",
        ]
    return "\n".join(lines) + "\n"


def _occurrences(rng: Random, sources: int, companies: int) -> list[dict[str, Value]]:
    asked: list[dict[str, Value]] = []
    for _ in range(rng.randint(1, 4)):
        occurrence: dict[str, Value] = {"source": f"src-{rng.randint(1, sources):04d}"}
        if rng.random() < 0.75:
            if rng.random() < 0.3:
                occurrence["section"] = _pick(rng, SECTIONS)
            occurrence["line"] = rng.randint(1, 120)
        if rng.random() < 0.8:
            occurrence["company"] = f"co-{rng.randint(1, companies):03d}"
        if rng.random() < 0.6:
            occurrence["round"] = _pick(rng, ROUND_IDS)
        if rng.random() < 0.6:
            occurrence["date"] = f"{rng.choice((2024, 2025))}-{rng.randint(1, 12):02d}"
        if rng.random() < 0.5:
            occurrence["position"] = _pick(rng, POSITION_IDS)
        if occurrence not in asked:  # the checker rejects identical occurrences
            asked.append(occurrence)
    return asked


def question_id(i: int) -> str:
    return f"q-{i:05d}"


def _question(rng: Random, i: int, vocab: dict[str, list[str]], sizes: dict[str, int], has_case: bool) -> list[str]:
    qid = question_id(i)
    lines = [
        f"- id: {qid}",
        f"  title: {scalar(title(rng))}",
        f"  category: {_pick(rng, vocab['categories'])}",
        f"  tags: {flow_list(rng.sample(vocab['tags'], rng.randint(2, 4)))}",
        "  asked:",
    ]
    lines += [f"    - {flow_map(o)}" for o in _occurrences(rng, sizes["sources"], sizes["companies"])]
    lines.append(f"  intent: {scalar(text(rng, 60, 120))}")
    lines += block_list("outline", [text(rng, 40, 80) for _ in range(rng.randint(3, 5))])
    if rng.random() < 0.5:
        lines.append(f"  frameworks: {flow_list(rng.sample(vocab['frameworks'], rng.randint(1, 2)))}")
    if has_case:
        lines.append(f"  cases: [case-{qid}]")
    lines += block_list("pitfalls", [text(rng, 20, 40) for _ in range(rng.randint(2, 3))])
    return lines


def _case(rng: Random, qid: str) -> list[str]:
    return [
        f"- id: case-{qid}",
        f"  title: {scalar(text(rng, 16, 30).rstrip('。'))}",
        "  kind: illustration",
        f"  background: {scalar(text(rng, 80, 150))}",
        *block_list("steps", [text(rng, 40, 80) for _ in range(rng.randint(3, 4))]),
        f"  result: {scalar(text(rng, 60, 110))}",
    ]


def _tip(rng: Random, i: int, n: int, vocab: dict[str, list[str]], sizes: dict[str, int]) -> list[str]:
    source: dict[str, Value] = {"source": f"src-{rng.randint(1, sizes['sources']):04d}"}
    if rng.random() < 0.5:
        source["section"] = "面试经验"
        source["lines"] = [rng.randint(1, 60)]
    questions = sorted({question_id(rng.randint(1, n)) for _ in range(rng.randint(1, 2))})
    return [
        f"- id: tip-{i:05d}",
        f"  text: {scalar(text(rng, 50, 120))}",
        f"  kind: {_pick(rng, vocab['tip_kinds'])}",
        f"  company: co-{rng.randint(1, sizes['companies']):03d}",
        f"  rounds: {flow_list(sorted(rng.sample(ROUND_IDS, rng.randint(1, 2))))}",
        f"  questions: {flow_list(questions)}",
        f"  tags: {flow_list(rng.sample(vocab['tags'], rng.randint(1, 3)))}",
        f"  sources: [{flow_map(source)}]",
    ]


def _chunks(entries: list[list[str]], header: str) -> Iterable[tuple[int, str]]:
    for start in range(0, len(entries), QUESTIONS_PER_FILE):
        body = "\n\n".join("\n".join(entry) for entry in entries[start : start + QUESTIONS_PER_FILE])
        yield start // QUESTIONS_PER_FILE + 1, f"# {header}\n{body}\n"


def write_data(data_dir: Path, n: int, real_data: Path) -> dict[str, int]:
    """Write a synthetic data/ tree with ``n`` questions into ``data_dir`` (which must not exist yet).

    ``real_data`` is the repository's data/, whose vocabularies are copied. Returns how many
    entries of each kind were written."""
    if n < 1:
        raise ValueError("n must be positive")
    rng = Random(20250301 + n)
    data_dir.mkdir(parents=True)
    for name in ("categories.yaml", "rounds.yaml", "tip_kinds.yaml", "settings.yaml"):
        if (real_data / name).is_file():
            shutil.copyfile(real_data / name, data_dir / name)
    shutil.copytree(real_data / "frameworks", data_dir / "frameworks")
    sizes = counts(n)
    tags_text, tag_ids = _tags(rng, (real_data / "tags.yaml").read_text(encoding="utf-8"), sizes["tags"])
    (data_dir / "tags.yaml").write_text(tags_text, encoding="utf-8")
    (data_dir / "companies.yaml").write_text(_companies(rng, sizes["companies"]), encoding="utf-8")
    (data_dir / "sources.yaml").write_text(_sources((real_data / "sources.yaml").read_text(encoding="utf-8"), sizes["sources"]), encoding="utf-8")
    frameworks = sorted(_ids_in("\n".join(p.read_text(encoding="utf-8") for p in sorted((real_data / "frameworks").glob("*.yaml")))))
    vocab = {
        "categories": _ids_in((real_data / "categories.yaml").read_text(encoding="utf-8")),
        "tip_kinds": _ids_in((real_data / "tip_kinds.yaml").read_text(encoding="utf-8")),
        "tags": tag_ids,
        "frameworks": frameworks,
    }
    questions: list[list[str]] = []
    cases: list[list[str]] = []
    for i in range(1, n + 1):
        has_case = rng.random() < 0.3
        questions.append(_question(rng, i, vocab, sizes, has_case))
        if has_case:
            cases.append(_case(rng, question_id(i)))
    tips = [_tip(rng, i, n, vocab, sizes) for i in range(1, sizes["tips"] + 1)]
    for folder, entries, header in (
        ("questions", questions, "基准测试生成的题目（随机文字）。"),
        ("cases", cases, "基准测试生成的示例案例（随机文字）。"),
        ("tips", tips, "基准测试生成的面经（随机文字）。"),
    ):
        (data_dir / folder).mkdir()
        for number, content in _chunks(entries, header):
            (data_dir / folder / f"bench-{number:03d}.yaml").write_text(content, encoding="utf-8")
    return {**sizes, "questions": n, "cases": len(cases)}
