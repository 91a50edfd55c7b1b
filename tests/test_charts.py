"""Bar charts (charts.py) and the 统计 page that shows them: markup, escaping, proportions, numbers."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from conftest import write_tree
from handbook import charts, prerendered
from handbook.build import generate
from handbook.charts import Bar, bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def widths(markup: str, css: str = "hb-chart__bar") -> list[float]:
    """The widths, in percent, of the chart's rects of class ``css``, in order."""
    return [float(w) for w in re.findall(rf'<rect class="{css}" [^>]*width="([0-9.]+)%"', markup)]


def test_bar_lengths_are_proportional_to_the_counts() -> None:
    svg = charts.svg("x", "题目数", [Bar("甲", 20), Bar("乙", 10), Bar("丙", 5), Bar("丁", 0)])
    assert widths(svg) == [100.0, 50.0, 25.0, 0.0]


def test_a_small_count_stays_visible() -> None:
    assert widths(charts.svg("x", "t", [Bar("多", 10_000), Bar("少", 1)])) == [100.0, charts.MIN_PERCENT]


def test_shares_fill_their_track_by_value_over_total() -> None:
    svg = charts.svg("x", "覆盖", [Bar("甲", 3, total=4), Bar("乙", 0, total=7), Bar("空", 0, total=0)])
    assert widths(svg) == [75.0, 0.0, 0.0]
    assert widths(svg, "hb-chart__track") == [100.0, 100.0, 100.0]
    assert ">3 / 4 题（75%）</text>" in svg and ">0 / 0 题（—）</text>" in svg


def test_every_bar_is_labelled_with_its_name_and_count() -> None:
    svg = charts.svg("x", "t", [Bar("支付与风控", 12, "../categories/payment.md"), Bar("未知公司", 3)])
    assert '<a href="../categories/payment.md"><title>支付与风控：12 题</title>' in svg
    assert '<text class="hb-chart__label" x="0" y="1em">支付与风控</text>' in svg
    assert '<text class="hb-chart__value" x="100%" y="1em" text-anchor="end">12 题</text>' in svg
    assert "<g><title>未知公司：3 题</title>" in svg  # no page to link to: not a link


def test_the_chart_is_named_and_described_for_screen_readers() -> None:
    svg = charts.svg("tags", "热门标签", [Bar("A/B 实验", 5), Bar("风控", 9)])
    root = ElementTree.fromstring(svg)
    assert root.get("role") == "group"
    assert root.get("aria-labelledby") == "chart-tags-title" and root.get("aria-describedby") == "chart-tags-desc"
    assert root.find(f"{SVG}title").text == "热门标签"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").text == "共 2 项，最多的是风控（9 题）。每一项的数字见各行和下方的数据表。"  # type: ignore[union-attr]
    assert root.get("style") == "height:5em"  # 2.5em a row


def test_hostile_labels_and_links_are_escaped() -> None:
    hostile = '<script>alert(1)</script> & "quoted" href="../x.md"'
    out = bar_chart("x", "<b>标题</b>", [Bar(hostile, 1, '../tags/a.md" onmouseover="alert(2)')], "<i>标签</i>")
    assert "<script" not in out and "<b>" not in out and "<i>" not in out
    assert 'href="../x.md"' not in out and 'onmouseover="' not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;" in out
    assert 'href="../tags/a.md&quot; onmouseover=&quot;alert(2)"' in out
    assert out.startswith('<div class="hb-chart" id="chart-x" style="--hb-chart-height: 2.5">\n')
    svg = out.split("<details", 1)[0].split("\n", 1)[1]
    ElementTree.fromstring(svg)  # still well-formed XML


def test_long_labels_are_shortened_on_the_chart_but_whole_in_the_tooltip_and_table() -> None:
    name = "社区治理：立规则 → 分级管控 → 举报处置 → 正向激励 → 运营引导"
    out = bar_chart("fw", "框架", [Bar(name, 2, "../frameworks/x.md")], "答题框架")
    label = re.search(r'<text class="hb-chart__label"[^>]*>([^<]*)</text>', out)
    assert label and label.group(1).endswith("…") and charts.columns(label.group(1)) <= charts.LABEL_LIMIT
    assert f"<title>{name}：2 题</title>" in out
    assert f'<td><a href="../frameworks/x.md">{name}</a></td>' in out
    assert charts.shorten("短标签") == "短标签" and charts.shorten("ab  c") == "ab c"


def test_the_numbers_are_also_a_folded_table() -> None:
    out = bar_chart("cov", "覆盖", [Bar("甲", 1, "a.md", 4), Bar("乙", 2, None, 2)], "分类")
    table = out.split('<details class="hb-chart-data">\n<summary>数据表</summary>\n', 1)[1]
    assert "<th>分类</th>" in table and '<th style="text-align: right;">占比</th>' in table
    cells = re.findall(r"<td[^>]*>(.*?)</td>", table)
    assert cells == ['<a href="a.md">甲</a>', "1", "4", "25%", "乙", "2", "2", "100%"]


def test_no_data_gives_a_message_instead_of_an_empty_chart() -> None:
    assert bar_chart("x", "t", [], "标签", empty="还没有标签。") == '<p class="hb-chart-empty">还没有标签。</p>'
    assert "<svg" not in bar_chart("x", "t", [], "标签")


def test_stats_page_counts_the_mini_bank(mini: Path) -> None:
    page = generate(mini)["stats/index.md"]
    assert "search:\n  exclude: true" in page
    body = prerendered.body(page)
    assert '<a href="../categories/data.md"><title>数据与实验：2 题</title>' in body
    assert '<a href="../tags/risk.md"><title>风控：1 题</title>' in body
    assert '<a href="../companies/acme.md"><title>示例公司：2 题</title>' in body and "<g><title>未知公司：1 题</title>" in body
    assert '<a href="../rounds/hr.md"><title>HR面：1 题</title>' in body and "<g><title>未写明轮次：2 题</title>" in body
    assert (
        "有答题要点或答题框架的题：3 / 3；有示例案例的题：1 / 3；有示例或开场示范的题：2 / 3；有可能的追问的题：1 / 3；有好回答与弱回答对照的题：1 / 3。"
        in body
    )
    assert "<g><title>数据分析：1 题</title>" in body and "另有 2 道题还没有标注题型。" in body
    assert '<a href="../categories/payment.md"><title>支付与风控：0 / 1 题（0%）</title>' in body
    assert '<a href="../frameworks/ab-design.md"><title>A/B 实验设计：1 题</title>' in body
    assert len(set(re.findall(r' id="([^"]+)"', body))) == len(re.findall(r' id="([^"]+)"', body)), "ids are unique"


def test_stats_page_caps_open_ended_charts(mini: Path) -> None:
    """26 companies and 28 tags: the 20 largest are drawn, and the other companies' questions count once each in 其他."""
    companies = "".join(f"- id: c{i:02d}\n  name: 公司{i:02d}\n  description: x\n" for i in range(25))
    tags = "".join(f"- id: t{i:02d}\n  name: 标签{i:02d}\n  description: x\n" for i in range(25))
    question = "".join(
        f"- id: q-2{i:02d}\n  title: 题目{i:02d}\n  category: data\n  tags: [t{i:02d}]\n  intent: x\n  outline: [a, b, c]\n"
        f"  asked: [{{source: notes, company: c{i:02d}}}]\n"
        for i in range(25)
    )
    question += "- id: q-101\n  title: 两家公司问\n  category: data\n  tags: [t00]\n  intent: x\n  outline: [a, b, c]\n"
    question += "  asked: [{source: notes, company: c24}, {source: notes, company: c23}]\n"
    old_companies = (mini / "data/companies.yaml").read_text(encoding="utf-8")
    old_tags = (mini / "data/tags.yaml").read_text(encoding="utf-8")
    write_tree(mini, {"data/companies.yaml": old_companies + companies, "data/tags.yaml": old_tags + tags, "data/questions/many.yaml": question})
    body = prerendered.body(generate(mini)["stats/index.md"])
    company_chart = body.split('id="chart-by-company"', 1)[1].split("</svg>", 1)[0]
    assert company_chart.count("<a href=") == 21  # 20 companies and 其他
    assert '<a href="../companies/index.md"><title>其他 6 家公司：6 题</title>' in company_chart
    tag_chart = body.split('id="chart-top-tags"', 1)[1].split("</svg>", 1)[0]
    assert tag_chart.count("<a href=") == 20
