"""Print pages for `make pdf` (scripts/pdf.py): the whole handbook and one cheat sheet per category, as HTML.

These pages are not part of the site: at 10,000 questions the whole handbook would be one page of tens of
megabytes. scripts/pdf.py writes them next to the built site only while it prints them, one part at a
time: every document is cut into parts of at most ``chunk`` questions (a chapter of a large category
spans several parts), each part is printed to PDF by Chromium, and the parts are joined into one PDF
with a bookmark per chapter. So no page Chromium renders grows with the bank beyond ``chunk`` questions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from . import markup as H
from .model import Question
from .relations import Index, frequency

STYLESHEET = "../assets/print.css"
"""docs/assets/print.css in the built site, as seen from the print pages (served under print/ beside it)."""

CHUNK = 300
"""Questions per printed part, the most a single page Chromium renders holds."""

TITLE = "产品经理面试手册"


@dataclass(frozen=True)
class Part:
    """One HTML page to print; ``bookmark`` names a chapter in the joined PDF (None: continues the last one)."""

    name: str
    bookmark: str | None
    html: str


@dataclass(frozen=True)
class Document:
    """One PDF: its file name and its parts in order."""

    file: str
    title: str
    parts: tuple[Part, ...]


def documents(index: Index, chunk: int = CHUNK) -> list[Document]:
    """The whole handbook, then a cheat sheet for each category that has questions."""
    docs = [handbook_document(index, chunk)]
    docs += [cheat_sheet(index, cid, chunk) for cid in index.categories if index.questions_by_category.get(cid)]
    return docs


def handbook_document(index: Index, chunk: int) -> Document:
    parts = [Part("handbook-0-cover", "目录", _page(TITLE, _cover(index)))]
    for cid, category in index.categories.items():
        questions = index.questions_by_category.get(cid, [])
        for n, group in enumerate(_chunks(questions, chunk)):
            blocks = [f"<h1>{H.text(category.name)}</h1>", H.para(H.text(category.description))] if n == 0 else []
            blocks += [_question(index, q) for q in group]
            parts.append(Part(f"handbook-{cid}-{n + 1}", category.name if n == 0 else None, _page(f"{TITLE}：{category.name}", blocks)))
    frameworks = list(index.frameworks.values())
    for n in range(0, len(frameworks), chunk):
        blocks = ["<h1>答题框架</h1>"] if n == 0 else []
        blocks += [_framework(index, fid) for fid in (f.id for f in frameworks[n : n + chunk])]
        parts.append(Part(f"handbook-frameworks-{n // chunk + 1}", "答题框架" if n == 0 else None, _page(f"{TITLE}：答题框架", blocks)))
    return Document("handbook.pdf", TITLE, tuple(parts))


def cheat_sheet(index: Index, cid: str, chunk: int) -> Document:
    """A category's questions in brief: the question, 考察点 and the answer points."""
    category = index.categories[cid]
    title = f"速查：{category.name}"
    parts = []
    for n, group in enumerate(_chunks(index.questions_by_category[cid], chunk)):
        head = [f"<h1>{H.text(title)}</h1>", H.para(f"{TITLE} · {len(index.questions_by_category[cid])} 道题 · 考察点与答题要点速查")] if n == 0 else []
        items = "".join(_brief(index, q) for q in group)
        parts.append(
            Part(f"cheatsheet-{cid}-{n + 1}", title if n == 0 else None, _page(title, [*head, f'<ol class="sheet" start="{n * chunk + 1}">{items}</ol>']))
        )
    return Document(f"cheatsheet-{cid}.pdf", title, tuple(parts))


def _chunks(questions: list[Question], size: int) -> list[list[Question]]:
    return [questions[i : i + size] for i in range(0, len(questions), size)]


def _page(title: str, blocks: list[str]) -> str:
    body = "\n".join(b for b in blocks if b)
    return (
        f'<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{H.text(title)}</title>\n'
        f'<link rel="stylesheet" href="{STYLESHEET}">\n</head>\n<body>\n{body}\n</body>\n</html>\n'
    )


def _cover(index: Index) -> list[str]:
    h = index.handbook
    counts = f"{len(h.questions)} 道题 · {len(h.frameworks)} 个答题框架 · {len(h.categories)} 个分类"
    contents = "".join(f"<li>{H.text(c.name)}（{len(index.questions_by_category.get(cid, []))} 题）</li>" for cid, c in index.categories.items())
    return [
        f'<h1 class="cover">{TITLE}</h1>',
        H.para(counts),
        H.para("每道题列出考察点、答题要点、答题框架与常见失误。网站版还有面经、示例案例与出处。"),
        "<h2>目录</h2>",
        f"<ol>{contents}<li>答题框架</li></ol>",
    ]


def _facts(index: Index, q: Question) -> str:
    facts = [H.text(index.categories[q.category].name)]
    count = frequency(q)
    if count:
        facts.append(("高频 · " if index.is_hot(q) else "") + f"被问过 {count} 次")
    return " · ".join(facts)


def _question(index: Index, q: Question) -> str:
    blocks = [f"<h2>{H.text(q.title)}</h2>", f'<p class="facts">{_facts(index, q)}</p>', f"<p><strong>考察点</strong>：{H.text(q.intent)}</p>"]
    if q.outline:
        blocks.append("<p><strong>答题要点</strong></p>" + H.ol(H.text(p) for p in q.outline))
    for fid in q.frameworks:
        fw = index.frameworks[fid]
        blocks.append(f"<p><strong>答题框架：{H.text(fw.name)}</strong>：" + " → ".join(H.text(s.title) for s in fw.steps) + "</p>")
    if q.pitfalls:
        blocks.append("<p><strong>常见失误</strong></p>" + H.ul(H.text(p) for p in q.pitfalls))
    return '<section class="question">' + "\n".join(blocks) + "</section>"


def _framework(index: Index, fid: str) -> str:
    fw = index.frameworks[fid]
    steps = H.ol(f"<strong>{H.text(s.title)}</strong>：" + "；".join(H.text(p) for p in s.points) for s in fw.steps)
    pitfalls = ("<p><strong>常见失误</strong></p>" + H.ul(H.text(p) for p in fw.pitfalls)) if fw.pitfalls else ""
    return f'<section class="framework"><h2>{H.text(fw.name)}</h2><p>{H.text(fw.summary)}</p>{steps}{pitfalls}</section>'


def _brief(index: Index, q: Question) -> str:
    """One cheat-sheet line: question, 考察点, answer points (the outline, else the frameworks' step titles)."""
    points = list(_points(index, q))
    answer = f'<div class="points"><strong>要点</strong>：{"；".join(points)}</div>' if points else ""
    return f'<li><div class="q"><strong>{H.text(q.title)}</strong> <span class="facts">{_facts(index, q)}</span></div><div><strong>考察点</strong>：{H.text(q.intent)}</div>{answer}</li>'


def _points(index: Index, q: Question) -> Iterator[str]:
    if q.outline:
        yield from (H.text(p).rstrip("。；;") for p in q.outline)  # joined with ；
        return
    for fid in q.frameworks:
        fw = index.frameworks[fid]
        yield f"{H.text(fw.name)}（" + " → ".join(H.text(s.title) for s in fw.steps) + "）"
