"""Counts that prove coverage: questions with intent, examples, seed lines accounted."""

from __future__ import annotations

from collections import Counter

from .handbook import Handbook
from .model import QUESTION_TYPES, Question
from .seeds import Unit, unaccounted


def has_answer(question: Question) -> bool:
    """The question has an answer outline or an answer framework."""
    return bool(question.outline or question.frameworks)


def has_example(question: Question) -> bool:
    """The question has at least one worked example (case)."""
    return bool(question.cases)


def has_example_or_opening(question: Question) -> bool:
    """The question has a worked example or a model opening to adapt."""
    return bool(question.cases or question.opening)


def by_type(questions: tuple[Question, ...]) -> dict[str, int]:
    """Questions per type (题型), in the vocabulary's order; untyped ones under ``none``."""
    counts = Counter(q.type or "none" for q in questions)
    return {key: counts[key] for key in (*QUESTION_TYPES, "none") if counts[key]}


def stats(handbook: Handbook, units: list[Unit] | None) -> dict[str, object]:
    """Coverage numbers; seed counts are None when the seed files are not available."""
    questions = handbook.questions
    missing = unaccounted(handbook, units) if units is not None else None
    return {
        "questions": len(questions),
        "questions_with_intent": sum(1 for q in questions if q.intent.strip()),
        "questions_with_outline_or_framework": sum(1 for q in questions if has_answer(q)),
        "questions_with_example": sum(1 for q in questions if has_example(q)),
        "questions_with_example_or_opening": sum(1 for q in questions if has_example_or_opening(q)),
        "questions_with_followups": sum(1 for q in questions if q.followups),
        "questions_with_signals": sum(1 for q in questions if q.signals),
        "questions_with_time": sum(1 for q in questions if q.time),
        "questions_handbook_written": sum(1 for q in questions if q.origin == "handbook"),
        "questions_by_type": by_type(questions),
        "questions_by_category": {c.id: sum(1 for q in questions if q.category == c.id) for c in sorted(handbook.categories, key=lambda c: (c.order, c.id))},
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
    "questions_with_example_or_opening": "有示例或开场示范的题目",
    "questions_with_followups": "有追问的题目",
    "questions_with_signals": "有好回答与弱回答对照的题目",
    "questions_with_time": "有建议口述时长的题目",
    "questions_handbook_written": "本手册编写的练习题",
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
    types = numbers.get("questions_by_type")
    if isinstance(types, dict) and types:
        lines.append("各题型题目数：" + "，".join(f"{QUESTION_TYPES.get(k, '未标注题型')} {n}" for k, n in types.items()))
    missing = numbers.get("seed_lines_unaccounted")
    if isinstance(missing, list) and missing:
        lines.append("未处理的种子条目：" + "，".join(str(m) for m in missing))
    return "\n".join(lines)
