"""Hints: the answer revealed a little more each time, letters first of every word."""

from __future__ import annotations

import re
from dataclasses import dataclass

from questions.models import ItemType, TriviaItem

MASK = "_"
MAX_HINTS = 3
# Share of each word's letters shown at hint level 1, 2, 3 (the first letter always is).
_REVEALED_SHARE = (0.0, 0.0, 0.34, 0.5)
_NUMBER = re.compile(r"^[\d\s.,:/-]+$")
NO_HINT = "There is no hint for this question."
NO_MORE_HINTS = "No more hints for this question."


class NoHintError(ValueError):
    """No hint can be given; ``str(error)`` says why, in words a player may read."""


@dataclass(frozen=True, slots=True)
class NextHint:
    """The hint to show next: its level (hints given, this one included) and the mask."""

    level: int
    mask: str


def has_hints(item: TriviaItem) -> bool:
    """Whether hints exist for an item: none for numbers, multiple choice or true/false."""
    if item.type is not ItemType.OPEN or not item.answers:
        return False
    return _NUMBER.match(item.answers[0]) is None


def hint_mask(answer: str, level: int) -> str:
    """The answer with unrevealed letters masked; a higher ``level`` reveals more.

    Level 1 shows each word's first letter and the word lengths; levels 2 and 3 show about
    a third, then half, of each word's letters, spread evenly, and at least one letter
    more than the level before while a letter stays hidden. Spaces and punctuation always
    show. Level 0 or below masks every letter.
    """
    level = min(max(level, 0), MAX_HINTS)
    return re.sub(r"\w+", lambda match: _mask_word(match.group(0), level), answer)


def has_more_hints(answer: str, level: int) -> bool:
    """Whether the hint after ``level`` shows more than ``level`` does (a hint is paid for)."""
    return level < MAX_HINTS and hint_mask(answer, level + 1) != hint_mask(answer, level)


def next_hint(item: TriviaItem | None, given: int) -> NextHint:
    """The hint after the ``given`` ones for a question, in every format.

    Args:
        item: The question on screen, or None when it has no hints (a tie-breaker's).
        given: Hints shown for it so far.

    Raises:
        NoHintError: The question has no hints (numbers, multiple choice, true or false),
            or the next would show nothing new (a hint is paid for) or pass ``MAX_HINTS``.
    """
    if item is None or not has_hints(item):
        raise NoHintError(NO_HINT)
    answer = item.answers[0]
    if not has_more_hints(answer, given):
        raise NoHintError(NO_MORE_HINTS)
    return NextHint(given + 1, hint_mask(answer, given + 1))


def _shown(length: int, level: int) -> int:
    """Letters of a word shown at a level: more at each level, never the whole word."""
    shown = 0
    for step in range(1, level + 1):
        wanted = max(round(length * _REVEALED_SHARE[step]), shown + 1)
        shown = max(min(wanted, length - 1), 1)
    return shown


def _mask_word(word: str, level: int) -> str:
    if level == 0:
        return MASK * len(word)
    shown = _shown(len(word), level)
    step = len(word) / shown
    visible = {int(index * step) for index in range(shown)}
    return "".join(char if i in visible else MASK for i, char in enumerate(word))
