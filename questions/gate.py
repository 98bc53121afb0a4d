"""The quality gate: named rules every item must pass before it enters the bank.

Rules on a single item: the answer is one to five words, an open question is not a yes/no
question, nothing states an opinion or depends on "now", the question does not give its own
answer away, a multiple-choice item has exactly one correct option, and a verified item
keeps its evidence. Across items: no near-duplicates (same type and answer, nearly the same
wording). A rejected item is reported with the rule that rejected it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from questions.answers import contains_phrase
from questions.models import ItemType, TriviaItem
from questions.names import name_key

MAX_ANSWER_WORDS = 5
NEAR_DUPLICATE_SCORE = 90.0
_YES_NO_START = re.compile(
    r"^(?:is|are|was|were|do|does|did|can|could|has|have|had|will|would|should|shall)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:best|worst|greatest|finest|boring|dull|favou?rite|underrated|overrated|"
    r"masterpiece|awful|terrible|brilliant|beautiful|amazing|stunning|silly|stupid|"
    r"ridiculous|must[- ]see)\b",
    re.IGNORECASE,
)
_NOW = re.compile(
    r"\b(?:now|nowadays|currently|current|today|these days|this year|last year|"
    r"recent|recently|latest|upcoming|so far|to date|still|ago)\b",
    re.IGNORECASE,
)
_YES_NO_ANSWERS = frozenset({"yes", "no"})

Rule = Callable[[TriviaItem], str | None]


@dataclass(frozen=True, slots=True)
class GateRejection:
    """An item the gate kept out, the rule that did it and what it found."""

    item: TriviaItem
    rule: str
    detail: str


@dataclass(frozen=True, slots=True)
class GateResult:
    """Items that passed, in input order, and the rejections."""

    accepted: tuple[TriviaItem, ...]
    rejected: tuple[GateRejection, ...]


def _answer_length(item: TriviaItem) -> str | None:
    words = len(item.answers[0].split())
    if 1 <= words <= MAX_ANSWER_WORDS:
        return None
    return f"answer “{item.answers[0]}” has {words} words (1 to {MAX_ANSWER_WORDS} allowed)"


def _yes_no(item: TriviaItem) -> str | None:
    if item.type is not ItemType.OPEN:
        return None
    if _YES_NO_START.match(item.question.strip()) or name_key(item.answers[0]) in _YES_NO_ANSWERS:
        return "an open question must not be answerable with yes or no"
    return None


def _opinion(item: TriviaItem) -> str | None:
    found = _OPINION.search(item.question)
    return f"states an opinion (“{found.group()}”)" if found else None


def _now(item: TriviaItem) -> str | None:
    found = _NOW.search(item.question)
    return f"depends on when it is asked (“{found.group()}”)" if found else None


def _gives_answer(item: TriviaItem) -> str | None:
    if item.type is ItemType.TRUE_FALSE:
        return None
    for answer in item.answers:
        if contains_phrase(item.question, answer):
            return f"the question contains its answer “{answer}”"
    return None


def _one_correct(item: TriviaItem) -> str | None:
    if item.type is not ItemType.MULTIPLE_CHOICE:
        return None
    keys = [name_key(c) for c in item.choices]
    if len(set(keys)) != len(keys):
        return "two options are the same answer"
    accepted = {name_key(a) for a in item.answers}
    correct = sum(key in accepted for key in keys)
    return None if correct == 1 else f"{correct} options are correct (exactly one must be)"


def _evidence(item: TriviaItem) -> str | None:
    return "a verified item must keep its sources" if item.verified and not item.sources else None


RULES: dict[str, Rule] = {
    "answer-length": _answer_length,
    "yes-no-open": _yes_no,
    "opinion": _opinion,
    "depends-on-now": _now,
    "contains-answer": _gives_answer,
    "one-correct-option": _one_correct,
    "evidence": _evidence,
}


def check_item(item: TriviaItem) -> GateRejection | None:
    """The first single-item rule the item breaks, or ``None``."""
    for rule, check in RULES.items():
        detail = check(item)
        if detail is not None:
            return GateRejection(item, rule, detail)
    return None


def _duplicate_key(item: TriviaItem) -> tuple[str, ...]:
    """Items compared for near-duplicates: same type and answer; for true/false, same fact.

    Two statements about different facts differ in the one word that matters ("Vostok 1
    took place in 1961", "Vostok 6 … 1963"), which text similarity cannot tell apart.
    """
    key = (item.type.value, name_key(item.answers[0]))
    if item.type is ItemType.TRUE_FALSE:
        return (*key, item.fact.subject, item.fact.relation, item.fact.value)
    return key


def apply_gate(items: Iterable[TriviaItem]) -> GateResult:
    """Check every item; of near-duplicates (and exact repeats) the first one is kept."""
    accepted: list[TriviaItem] = []
    rejected: list[GateRejection] = []
    seen: dict[tuple[str, ...], list[TriviaItem]] = defaultdict(list)
    texts: dict[tuple[str, str, str], TriviaItem] = {}
    for item in items:
        problem = check_item(item)
        if problem is None:
            group = seen[_duplicate_key(item)]
            match = process.extractOne(
                item.question.casefold(),
                [other.question.casefold() for other in group],
                scorer=fuzz.ratio,
                score_cutoff=NEAR_DUPLICATE_SCORE,
            )
            text = (item.type.value, " ".join(item.question.casefold().split()), item.answers[0])
            if text in texts:
                detail = f"the same question as {texts[text].id}"
                problem = GateRejection(item, "near-duplicate", detail)
            elif match is not None:
                twin = group[match[2]]
                detail = f"nearly the same as {twin.id} (“{twin.question}”)"
                problem = GateRejection(item, "near-duplicate", detail)
            else:
                group.append(item)
                texts[text] = item
        if problem is None:
            accepted.append(item)
        else:
            rejected.append(problem)
    return GateResult(tuple(accepted), tuple(rejected))
