"""Pure summaries behind player and question statistics: medians and streaks."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence


def median_ms(values: Sequence[int]) -> int | None:
    """The median of answer times in milliseconds, rounded; None without values."""
    if not values:
        return None
    return round(statistics.median(values))


def best_streak(rounds_correct: Iterable[bool]) -> int:
    """The longest run of consecutive questions answered correctly."""
    best = current = 0
    for correct in rounds_correct:
        current = current + 1 if correct else 0
        best = max(best, current)
    return best
