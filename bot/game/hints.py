"""Hints: the answer revealed a little more each time, letters first of every word."""

from __future__ import annotations

import re

from questions.models import ItemType, TriviaItem

MASK = "_"
MAX_HINTS = 3
# Share of each word's letters shown at hint level 1, 2, 3 (the first letter always is).
_REVEALED_SHARE = (0.0, 0.0, 0.34, 0.5)
_NUMBER = re.compile(r"^[\d\s.,:/-]+$")


def has_hints(item: TriviaItem) -> bool:
    """Whether hints exist for an item: none for numbers, multiple choice or true/false."""
    if item.type is not ItemType.OPEN or not item.answers:
        return False
    return _NUMBER.match(item.answers[0]) is None


def hint_mask(answer: str, level: int) -> str:
    """The answer with unrevealed letters masked; a higher ``level`` reveals more.

    Level 1 shows each word's first letter and the word lengths; levels 2 and 3 show about
    a third, then half, of each word's letters, spread evenly. Spaces and punctuation always
    show. Level 0 or below masks every letter.
    """
    level = min(max(level, 0), MAX_HINTS)
    return re.sub(r"\w+", lambda match: _mask_word(match.group(0), level), answer)


def _mask_word(word: str, level: int) -> str:
    if level == 0:
        return MASK * len(word)
    shown = max(1, round(len(word) * _REVEALED_SHARE[level]))
    step = len(word) / shown
    visible = {int(index * step) for index in range(shown)}
    return "".join(char if i in visible else MASK for i, char in enumerate(word))
