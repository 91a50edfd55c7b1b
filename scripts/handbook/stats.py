"""Counts that prove coverage: questions with intent, examples, seed lines accounted."""

from __future__ import annotations

from .handbook import Handbook
from .model import Question
from .seeds import Unit, unaccounted


def has_answer(question: Question) -> bool:
    """The question has an answer outline or an answer framework."""
    return bool(question.outline or question.frameworks)


def has_example(question: Question) -> bool:
    """The question has at least one worked example (case)."""
    return bool(question.cases)


def stats(handbook: Handbook, units: list[Unit] | None) -> dict[str, object]:
    """Coverage numbers; seed counts are None when the seed files are not available."""
    questions = handbook.questions
    missing = unaccounted(handbook, units) if units is not None else None
    return {
        "questions": len(questions),
        "questions_with_intent": sum(1 for q in questions if q.intent.strip()),
        "questions_with_outline_or_framework": sum(1 for q in questions if has_answer(q)),
        "questions_with_example": sum(1 for q in questions if has_example(q)),
        "frameworks": len(handbook.frameworks),
        "cases": len(handbook.cases),
        "tips": len(handbook.tips),
        "tags": len(handbook.tags),
        "categories": len(handbook.categories),
        "companies": len(handbook.companies),
        "seed_lines_total": len(units) if units is not None else None,
        "seed_lines_accounted": len(units) - len(missing) if units is not None and missing is not None else None,
        "seed_lines_unaccounted": [f"{u.source} {u.section} {u.number}" for u in missing] if missing is not None else None,
    }


LABELS = {
    "questions": "题目",
    "questions_with_intent": "有考察点的题目",
    "questions_with_outline_or_framework": "有答题要点或框架的题目",
    "questions_with_example": "有示例案例的题目",
    "frameworks": "答题框架",
    "cases": "案例",
    "tips": "面经",
    "tags": "标签",
    "categories": "分类",
    "companies": "公司",
    "seed_lines_total": "种子文件条目",
    "seed_lines_accounted": "已处理的种子条目",
}


def format_stats(numbers: dict[str, object]) -> str:
    """Human-readable table, Chinese labels."""
    lines = [f"{LABELS[key]}：{'（未找到种子文件）' if numbers[key] is None else numbers[key]}" for key in LABELS]
    missing = numbers.get("seed_lines_unaccounted")
    if isinstance(missing, list) and missing:
        lines.append("未处理的种子条目：" + "，".join(str(m) for m in missing))
    return "\n".join(lines)
