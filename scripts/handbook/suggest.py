"""Suggestions for imported notes: category, tags, tip kind, round, company, and duplicates.

The rules are data: category and tag names, tag synonyms and the ``keywords`` lists in
data/categories.yaml and data/tags.yaml; round spellings, tip-kind words and the wording
normalisation for duplicates in data/import_rules.yaml (model ``ImportRules``). Existing
questions add evidence: the category of the most similar existing question, and which tags
go with which category. Pure functions; nothing here reads files.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from .handbook import Handbook
from .resolve import Vocabulary, vocabularies

# ---------------------------------------------------------------- rules


class DuplicateRules(BaseModel):
    """How question wording is normalised before comparing."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fillers: list[str] = Field(default=[], description="查重时按词删去的虚词、客套词和问句骨架词，如 请、你、一下、谈谈、什么")
    synonyms: dict[str, str] = Field(default={}, description="查重前统一的说法：左边的写法换成右边，如 为什么想: 为什么")
    threshold: float = Field(default=0.34, ge=0, le=1, description="相似度不低于此值时视为同一道题（写入 add_asked）")
    similar: float = Field(default=0.22, ge=0, le=1, description="相似度不低于此值时在草稿里提示“相似题”，由审阅者判断")


class ImportRules(BaseModel):
    """data/import_rules.yaml: the rules handbook import uses besides the vocabularies."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rounds: dict[str, str] = Field(default={}, description="原文中的轮次写法 → rounds.yaml 中的轮次 id 或名称，如 三面: 总监面")
    tip_kinds: dict[str, list[str]] = Field(default={}, description="面经类型 id → 提示这一类型的词")
    duplicates: DuplicateRules = Field(default_factory=DuplicateRules, description="查重规则")


# ---------------------------------------------------------------- text


def _fold(text: str) -> str:
    """Case-folded, full-width to half-width, without spaces: the form keywords are matched in."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def contains(text: str, keyword: str) -> bool:
    """Does folded ``text`` contain ``keyword``? ASCII keywords must stand as whole words (AI is not in 'detail')."""
    word = _fold(keyword)
    if not word:
        return False
    if word.isascii() and word[0].isalnum():
        return re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text) is not None
    return word in text


@dataclass(frozen=True)
class Normaliser:
    """Duplicate rules folded once: synonyms (longest first) and fillers."""

    synonyms: tuple[tuple[str, str], ...]
    fillers: frozenset[str]

    @classmethod
    def of(cls, rules: DuplicateRules) -> Normaliser:
        pairs = sorted(rules.synonyms.items(), key=lambda pair: -len(pair[0]))
        return cls(tuple((_fold(old), _fold(new)) for old, new in pairs), frozenset(_fold(f) for f in rules.fillers))

    def __call__(self, text: str) -> str:
        """Wording reduced for comparison: half-width, lower case, synonyms unified, numbering, fillers and punctuation gone."""
        text = _NUMBERING.sub("", _fold(text))
        for old, new in self.synonyms:
            text = text.replace(old, new)
        return "".join(c for word in _words(text) if word not in self.fillers for c in word if unicodedata.category(c)[0] in "LN")


def normalise(text: str, rules: DuplicateRules) -> str:
    """``text`` as duplicate detection compares it (see Normaliser)."""
    return Normaliser.of(rules)(text)


_NUMBERING = re.compile(r"^(?:q\d*|问|第?\d+[.、)]|[(（]\d+[)）])\s*[:：]?")


def _words(text: str) -> list[str]:
    """Words of Chinese text (jieba), so that fillers go as words: 是 leaves 是否 alone, 会 leaves 会员 alone."""
    import jieba

    jieba.setLogLevel(60)
    return jieba.lcut(text, HMM=False)


def bigrams(text: str) -> frozenset[str]:
    """Character bigrams of normalised text (a one-character text is its own gram)."""
    if len(text) < 2:
        return frozenset([text]) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def similarity(query: frozenset[str], other: frozenset[str], weight: Callable[[str], float] = lambda _: 1.0) -> float:
    """Mean of the weighted Dice overlap and the share of ``query`` found in ``other``.

    Directional on purpose: a short note (职业规划) inside a fuller existing title is the same
    question; an existing short title (为什么想做产品经理) inside a longer, more specific note
    (你对商业化产品经理这个岗位的理解) is not."""
    if not query or not other:
        return 0.0
    common = sum(weight(g) for g in query & other)
    size_query, size_other = sum(weight(g) for g in query), sum(weight(g) for g in other)
    return round((2 * common / (size_query + size_other) + common / size_query) / 2, 3)


# ---------------------------------------------------------------- duplicates


@dataclass(frozen=True)
class Match:
    """An existing (or earlier imported) question and how similar it is."""

    id: str
    title: str
    similarity: float


COMMON_GRAM_SHARE = 0.05
"""Features in more than this share of titles do not select candidates; they still count in the score."""

CANDIDATES = 40
"""How many candidates, by shared rare features, get an exact similarity."""


@dataclass
class TitleIndex:
    """Question titles with an inverted index of their features: finding the closest title never compares all pairs.

    A title's features are the character bigrams of its normalised wording plus one ``#tag`` per
    vocabulary concept it mentions (so 异常 and 风险, 商家 and 商户 can meet through a tag's
    synonyms and keywords). Features are weighted by rarity (inverse document frequency): two
    titles sharing 权限 and 商户 say more than two sharing 什么."""

    rules: DuplicateRules
    concepts: Callable[[str], Iterable[str]] = lambda _: ()
    normaliser: Normaliser | None = None
    titles: list[tuple[str, str]] = field(default_factory=list)
    features: list[frozenset[str]] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, entries: Iterable[tuple[str, str]], rules: DuplicateRules, concepts: Callable[[str], Iterable[str]] = lambda _: ()) -> TitleIndex:
        index = cls(rules, concepts)
        for entry_id, title in entries:
            index.add(entry_id, title)
        return index

    def featurize(self, title: str) -> frozenset[str]:
        if self.normaliser is None:
            self.normaliser = Normaliser.of(self.rules)
        return bigrams(self.normaliser(title)) | frozenset(f"#{c}" for c in self.concepts(title))

    def add(self, entry_id: str, title: str) -> None:
        features = self.featurize(title)
        position = len(self.titles)
        self.titles.append((entry_id, title))
        self.features.append(features)
        for feature in features:
            self.postings.setdefault(feature, []).append(position)

    def weight(self, feature: str) -> float:
        """Inverse document frequency: rare features weigh more."""
        return math.log(1 + len(self.titles) / (len(self.postings.get(feature, ())) + 1))

    def nearest(self, text: str, count: int = 1) -> list[Match]:
        """The ``count`` most similar titles, best first."""
        query = self.featurize(text)
        limit = max(50, int(COMMON_GRAM_SHARE * len(self.titles)))
        shared: Counter[int] = Counter()
        for feature in query:
            posting = self.postings.get(feature, [])
            if len(posting) <= limit:
                shared.update(posting)
        scored = ((similarity(query, self.features[i], self.weight), i) for i, _ in shared.most_common(CANDIDATES))
        best = heapq.nlargest(count, scored)
        return [Match(self.titles[i][0], self.titles[i][1], score) for score, i in best if score > 0]


# ---------------------------------------------------------------- vocabulary suggestions


@dataclass(frozen=True)
class Suggestion:
    """A suggested vocabulary id, whether it is confident, and the runners-up."""

    id: str
    confident: bool
    candidates: tuple[tuple[str, float], ...]
    """(id, score) best first, for the reviewer."""
    evidence: tuple[str, ...] = ()
    """The words that matched."""


CONFIDENT_SCORE = 2.0
"""A category needs at least this score (a two-character keyword) to be suggested without review."""
CONFIDENT_MARGIN = 1.3
"""…and to beat the runner-up by this factor."""
NEIGHBOUR_WEIGHT = 4.0
"""Weight of the most similar existing question's category, times its similarity."""
NEIGHBOUR_MIN = 0.25
"""Existing questions less similar than this say nothing about the category."""
TAG_MIN = 2.0
TAGS_MAX = 4


@dataclass(frozen=True)
class Suggester:
    """Everything needed to suggest vocabulary values for imported text."""

    vocab: dict[str, Vocabulary]
    category_words: Lexicon
    tag_words: Lexicon
    tip_words: Lexicon
    tag_categories: dict[str, Counter[str]]
    category_tags: dict[str, Counter[str]]
    question_categories: dict[str, str]
    rules: ImportRules
    first: dict[str, str]
    """Fallback per vocabulary when nothing matches: the first category and tip kind by order, the first tag."""

    @classmethod
    def of(cls, handbook: Handbook, rules: ImportRules) -> Suggester:
        tag_categories: dict[str, Counter[str]] = {}
        category_tags: dict[str, Counter[str]] = {}
        for q in handbook.questions:
            category_tags.setdefault(q.category, Counter()).update(q.tags)
            for tag in q.tags:
                tag_categories.setdefault(tag, Counter())[q.category] += 1
        return cls(
            vocab=vocabularies(handbook),
            category_words=Lexicon.of({c.id: (c.name, *c.keywords) for c in handbook.categories}),
            tag_words=Lexicon.of({t.id: (t.name, *t.synonyms, *t.keywords) for t in handbook.tags}),
            tip_words=Lexicon.of({k: words for k, words in rules.tip_kinds.items() if k in {t.id for t in handbook.tip_kinds}}),
            tag_categories=tag_categories,
            category_tags=category_tags,
            question_categories={q.id: q.category for q in handbook.questions},
            rules=rules,
            first={
                "categories": min(handbook.categories, key=lambda c: (c.order, c.id)).id if handbook.categories else "",
                "tip_kinds": min(handbook.tip_kinds, key=lambda k: (k.order, k.id)).id if handbook.tip_kinds else "",
                "tags": handbook.tags[0].id if handbook.tags else "",
            },
        )

    def concepts(self, text: str) -> list[str]:
        """Tags the text mentions: the concepts duplicate detection compares besides the wording."""
        return [tid for tid, _, _ in self.tags(text)]

    def index(self, questions: Iterable[tuple[str, str]]) -> TitleIndex:
        """A duplicate index of ``(id, title)`` pairs that compares wording and concepts."""
        return TitleIndex.of(questions, self.rules.duplicates, self.concepts)

    def tags(self, text: str) -> list[tuple[str, float, tuple[str, ...]]]:
        """Tags whose name, synonyms or keywords occur in ``text``: (id, score, words), best first."""
        return self.tag_words.ranked(text)

    def category(self, text: str, neighbour: Match | None = None) -> Suggestion:
        """The category for a question: keywords, plus its tags' usual categories, plus the nearest existing question."""
        scores: dict[str, float] = defaultdict(float)
        evidence: dict[str, list[str]] = {}
        for cid, score, words in self.category_words.ranked(text):
            scores[cid] += score
            evidence.setdefault(cid, []).extend(words)
        for tid, score, _ in self.tags(text)[:TAGS_MAX]:
            usual = self.tag_categories.get(tid, Counter())
            for cid, n in usual.items():
                scores[cid] += min(score, 3) * n / sum(usual.values())
        if neighbour is not None and neighbour.similarity >= NEIGHBOUR_MIN and neighbour.id in self.question_categories:
            cid = self.question_categories[neighbour.id]
            scores[cid] += NEIGHBOUR_WEIGHT * neighbour.similarity
            evidence.setdefault(cid, []).append(f"相似题 {neighbour.id}")
        return _decide(scores, evidence, self._first("categories"))

    def tag_ids(self, text: str, category: str) -> tuple[list[str], bool]:
        """Up to four tags for a question, and whether they are confident (else: the category's most used tag)."""
        found = [tid for tid, score, _ in self.tags(text) if score >= TAG_MIN][:TAGS_MAX]
        if found:
            return found, True
        usual = self.category_tags.get(category)
        fallback = usual.most_common(1)[0][0] if usual else self._first("tags")
        return [fallback], False

    def tip_kind(self, text: str) -> Suggestion:
        """The kind of a tip from the words in data/import_rules.yaml (tip_kinds)."""
        scores: dict[str, float] = defaultdict(float)
        evidence: dict[str, list[str]] = {}
        for kid, score, matched in self.tip_words.ranked(text):
            scores[kid] += score
            evidence[kid] = list(matched)
        return _decide(scores, evidence, self._first("tip_kinds"))

    def round_id(self, words: Iterable[str]) -> str | None:
        """The first round word that names a round in data/rounds.yaml, directly or through import_rules rounds."""
        vocabulary = self.vocab["rounds"]
        aliases = {_fold(k): v for k, v in self.rules.rounds.items()}
        for word in words:
            for spelling in (word, aliases.get(_fold(word))):
                found = vocabulary.lookup(spelling)[0] if spelling else None
                if found:
                    return found
        return None

    def company_in(self, text: str | None) -> str | None:
        """The one company whose name or alias the text mentions (a post's title), else None."""
        if not text:
            return None
        folded = _fold(text)
        vocabulary = self.vocab["companies"]
        found = {cid for spelling, ids in vocabulary.spellings.items() if len(spelling) >= 2 and contains(folded, spelling) for cid in ids}
        return next(iter(found)) if len(found) == 1 else None

    def _first(self, kind: str) -> str:
        return self.first[kind]


@dataclass(frozen=True)
class Lexicon:
    """The words of many entries (categories, tags, tip kinds), folded once and found in a text by
    looking up its substrings: fast enough to scan ten thousand titles."""

    words: dict[str, tuple[tuple[str, str], ...]]
    """Folded word → (entry id, word as written) of every entry that lists it."""
    longest: int

    @classmethod
    def of(cls, entries: dict[str, Iterable[str]]) -> Lexicon:
        words: dict[str, list[tuple[str, str]]] = {}
        for entry_id, entry_words in entries.items():
            for word in entry_words:
                folded = _fold(word)
                if folded and (entry_id, word) not in words.get(folded, []):
                    words.setdefault(folded, []).append((entry_id, word))
        return cls({k: tuple(v) for k, v in words.items()}, max((len(k) for k in words), default=0))

    def found(self, folded: str) -> dict[str, dict[str, str]]:
        """Entry id → {folded word: word as written} for every listed word in folded text (ASCII words as whole words)."""
        result: dict[str, dict[str, str]] = {}
        for start in range(len(folded)):
            for end in range(start + 1, min(len(folded), start + self.longest) + 1):
                piece = folded[start:end]
                hits = self.words.get(piece)
                if hits and _whole(folded, start, end, piece):
                    for entry_id, word in hits:
                        result.setdefault(entry_id, {})[piece] = word
        return result

    def ranked(self, text: str) -> list[tuple[str, float, tuple[str, ...]]]:
        """(id, score, matched words) for every entry with a word in ``text``, best first; longer words weigh more,
        and a word inside a longer matched word of the same entry (支付 in 支付宝) counts once."""
        result = []
        for entry_id, matched in self.found(_fold(text)).items():
            kept = [f for f in matched if not any(f != g and f in g for g in matched)]
            result.append((entry_id, float(sum(min(len(f), 4) for f in kept)), tuple(matched.values())))
        return sorted(result, key=lambda r: (-r[1], r[0]))


def _whole(text: str, start: int, end: int, piece: str) -> bool:
    """ASCII words must not continue into neighbouring letters or digits (AI is not in 'detail')."""
    if not (piece.isascii() and piece[0].isalnum()):
        return True
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def _decide(scores: dict[str, float], evidence: dict[str, list[str]], fallback: str) -> Suggestion:
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if not ranked:
        return Suggestion(fallback, False, ())
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    confident = top >= CONFIDENT_SCORE and top >= CONFIDENT_MARGIN * second
    candidates = tuple((cid, round(score, 2)) for cid, score in ranked[:3])
    return Suggestion(best, confident, candidates, tuple(dict.fromkeys(evidence.get(best, []))))
