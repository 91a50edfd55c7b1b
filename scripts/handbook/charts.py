"""Horizontal bar charts as inline SVG, drawn at build time: numbers and labels in, markup out.

No charting library and no request: the page carries the SVG itself. Colours come from classes that
docs/assets/handbook.css paints with Material's palette variables, so the light and the dark scheme
both work. Geometry is in ``em`` and percentages (no viewBox), so text keeps the page's size on a
phone as on a desktop and bars stretch with the column. Each chart is followed by the same numbers
as a folded table, for readers who prefer one and for search engines.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from . import markup as H


@dataclass(frozen=True)
class Bar:
    """One bar: a label, its count and, optionally, the page it links to."""

    label: str
    """What the bar counts, shown as written (escaped here)."""
    value: int
    """The count; the bar's length is proportional to it."""
    href: str | None = None
    """A relative link the bar leads to, or None for a bar that links nowhere (e.g. 未知公司)."""
    total: int | None = None
    """For a share (8 of 12 questions): the whole; the bar then shows value / total on a full-width track."""


ROW = 2.5
"""Height of one row in em: the label line, then the bar."""
BASELINE, BAR_TOP, BAR_HEIGHT = 1.0, 1.3, 0.7
"""Inside a row, in em: the labels' baseline, the bar's top and its height."""
LABEL_LIMIT = 32
"""Longest label shown, in half-width columns (a Chinese character counts two); longer ones end in …
and are shown whole in the tooltip and the table. Leaves room for the count on a phone screen."""
UNIT = "题"
"""What every chart counts: questions."""
MIN_PERCENT = 0.5
"""A count above zero never draws a bar shorter than this, so that it stays visible."""


def bar_chart(name: str, title: str, bars: Sequence[Bar], head: str, empty: str = "还没有数据。") -> str:
    """A chart of ``bars`` and its folded table; ``name`` makes the chart's ids unique on the page,
    ``head`` names the label column of the table. Without bars, the ``empty`` message alone."""
    if not bars:
        return f'<p class="hb-chart-empty">{H.text(empty)}</p>'
    # The chart's height (in the chart's em) sizes its placeholder while the browser skips laying it out (content-visibility).
    rows = f' style="--hb-chart-height: {_num(ROW * len(bars))}"'
    return f'<div class="hb-chart" id="chart-{name}"{rows}>\n{svg(name, title, bars)}\n{data_table(bars, head)}\n</div>'


def svg(name: str, title: str, bars: Sequence[Bar]) -> str:
    """The chart alone: a named group of rows, each a label, its count and a bar (a link when it has one)."""
    scale = max((b.value for b in bars if b.total is None), default=0)
    rows = "".join(_row(i, bar, scale) for i, bar in enumerate(bars))
    ids = f"chart-{name}-title"
    return (
        f'<svg class="hb-chart__svg" xmlns="http://www.w3.org/2000/svg" width="100%" style="height:{_num(ROW * len(bars))}em"'
        f' role="group" aria-labelledby="{ids}" aria-describedby="chart-{name}-desc">'
        f'<title id="{ids}">{H.text(title)}</title><desc id="chart-{name}-desc">{H.text(summary(bars))}</desc>\n'
        f"{rows}</svg>"
    )


def _row(i: int, bar: Bar, scale: int) -> str:
    top = i * ROW
    count = amount(bar)
    shapes = (
        f'<text class="hb-chart__label" x="0" y="{_num(top + BASELINE)}em">{H.text(shorten(bar.label))}</text>'
        f'<text class="hb-chart__value" x="100%" y="{_num(top + BASELINE)}em" text-anchor="end">{H.text(count)}</text>'
    )
    if bar.total is not None:
        shapes += _rect("hb-chart__track", top, 100.0)
    shapes += _rect("hb-chart__bar", top, percent(bar, scale))
    tooltip = f"<title>{H.text(bar.label)}：{H.text(count)}</title>"
    if bar.href is None:
        return f"<g>{tooltip}{shapes}</g>\n"
    return f'<a href="{H.attr(bar.href)}">{tooltip}{shapes}</a>\n'


def _rect(css: str, top: float, width: float) -> str:
    return f'<rect class="{css}" x="0" y="{_num(top + BAR_TOP)}em" width="{_num(width)}%" height="{BAR_HEIGHT}em" rx="0.15em"/>'


def percent(bar: Bar, scale: int) -> float:
    """The bar's length in percent of the chart's width: of its total for a share, else of the largest count."""
    whole = bar.total if bar.total is not None else scale
    if bar.value <= 0 or not whole:
        return 0.0
    return min(100.0, max(MIN_PERCENT, 100.0 * bar.value / whole))


def amount(bar: Bar) -> str:
    """The count as shown beside the bar: ``12 题``, or for a share ``8 / 12 题（67%）``."""
    if bar.total is None:
        return f"{bar.value} {UNIT}"
    return f"{bar.value} / {bar.total} {UNIT}（{share(bar)}）"


def share(bar: Bar) -> str:
    """A share as a whole percentage, ``67%``; ``—`` without a total."""
    return f"{round(100 * bar.value / bar.total)}%" if bar.total else "—"


def summary(bars: Sequence[Bar]) -> str:
    """The chart in one sentence, for its description: how many rows and the largest; every number is in the rows and the table."""
    largest = max(bars, key=lambda bar: bar.value)
    return f"共 {len(bars)} 项，最多的是{largest.label}（{amount(largest)}）。每一项的数字见各行和下方的数据表。"


def data_table(bars: Sequence[Bar], head: str) -> str:
    """The chart's numbers as a table, folded under a summary line."""
    shares = any(bar.total is not None for bar in bars)
    headers = [H.text(head), *(["覆盖题数", "题目总数", "占比"] if shares else ["题数"])]
    rows = []
    for bar in bars:
        label = f'<a href="{H.attr(bar.href)}">{H.text(bar.label)}</a>' if bar.href else H.text(bar.label)
        rows.append([label, str(bar.value), *([str(bar.total or 0), share(bar)] if shares else [])])
    table = H.table(headers, rows, right=range(1, len(headers)))
    return f'<details class="hb-chart-data">\n<summary>数据表</summary>\n{table}\n</details>'


def shorten(label: str, limit: int = LABEL_LIMIT) -> str:
    """``label`` cut to ``limit`` half-width columns, ending in … when cut."""
    flat = " ".join(label.split())
    if columns(flat) <= limit:
        return flat
    kept, used = "", 0
    for char in flat:
        used += columns(char)
        if used > limit - 1:  # room for the …
            break
        kept += char
    return kept + "…"


def columns(value: str) -> int:
    """Width in half-width columns: wide and full-width characters (Chinese) count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in value)


def _num(value: float) -> str:
    """A length without needless digits: 2.4, 45.5, 100."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
