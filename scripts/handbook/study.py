"""What the reader's own study records need in generated pages: the progress block on a question page, the
progress line of a category, and the scripts and style that fill them in the browser.

Everything here is hidden until the scripts run (docs/assets/progress.js, on top of docs/assets/store.js, which
keeps the records in the browser's localStorage under ``hb-study``): without JavaScript nothing shows. Pages carry
the question ids they count (a data attribute), so no page fetches the bank to show progress.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import markup as H

STORE_JS = "assets/store.js"
PROGRESS_JS = "assets/progress.js"
STUDY_CSS = "assets/study.css"

STATUSES = {"known": "已掌握", "review": "需复习"}
"""The marks a reader can set on a question (the ``status`` values of the store), as shown."""

PRIVACY = "只保存在本机浏览器，不会上传"


def assets(*page_js: str) -> dict[str, Any]:
    """Front matter loading the store, the progress script and the study style, plus this page's own scripts."""
    return {"page_css": [STUDY_CSS], "page_js": [STORE_JS, PROGRESS_JS, *page_js]}


def question_block(qid: str) -> str:
    """Mark the question 已掌握 or 需复习 (pressed again to clear) and keep a private answer draft."""
    buttons = "".join(
        f'<button type="button" class="md-button hb-study__status" data-status="{status}" aria-pressed="false">{label}</button>'
        for status, label in STATUSES.items()
    )
    return (
        f'<div class="hb-study" data-id="{H.attr(qid)}" data-search-exclude hidden>'
        f'<p class="hb-study__head"><strong>我的进度</strong> <small>（{PRIVACY}）</small></p>'
        f'<div class="hb-study__marks" role="group" aria-label="掌握情况">{buttons}</div>'
        '<label class="hb-study__label" for="hb-draft">我的答案草稿</label>'
        '<textarea id="hb-draft" class="hb-study__draft" rows="5" placeholder="先写下自己的回答，再对照下面的答题要点"></textarea>'
        '<p class="hb-study__saved" role="status" aria-live="polite"></p>'
        "</div>"
    )


def category_count(ids: Iterable[str]) -> str:
    """Where progress.js writes how many of these questions the reader has marked (e.g. 已掌握 3/12)."""
    return f'<p class="hb-count" data-ids="{H.attr(" ".join(ids))}" hidden></p>'


def overall_count(total: int) -> str:
    """Where progress.js writes how many questions of the whole bank the reader has marked, counted from the records
    alone (for a bank too large to list every id on one page)."""
    return f'<p class="hb-count" data-total="{total}" hidden></p>'
