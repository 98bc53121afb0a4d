"""Question statistics fed back: flag questions for review and recalibrate their difficulty.

A question is flagged when almost nobody (share correct below ``TOO_HARD_SHARE``) or almost
everybody (above ``TOO_EASY_SHARE``) gets it right, once it has ``MIN_ANSWERS`` answers, or
when it has ``REPORTS_TO_FLAG`` reports or more, however often it was played.

Difficulty runs from 1 (easy) to 5 (hard), in bands of the share correct (``BANDS``). The
current difficulty counts as ``PRIOR_ANSWERS`` answers at its band's centre, so a question
moves gradually with play and one unlucky night cannot flip it; below ``MIN_ANSWERS`` answers
it keeps its difficulty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from bot.game.models import QuestionStats

MIN_ANSWERS = 10
TOO_HARD_SHARE = 0.1
TOO_EASY_SHARE = 0.95
REPORTS_TO_FLAG = 3
PRIOR_ANSWERS = 5
BANDS = ((0.8, 1), (0.6, 2), (0.4, 3), (0.2, 4), (0.0, 5))
"""(lowest share correct, difficulty), easiest first."""
BAND_CENTRES = {1: 0.9, 2: 0.7, 3: 0.5, 4: 0.3, 5: 0.1}


class FlagReason(StrEnum):
    """Why a question needs a moderator's look."""

    TOO_HARD = "too_hard"
    TOO_EASY = "too_easy"
    REPORTED = "reported"


@dataclass(frozen=True, slots=True)
class QuestionFlag:
    """A question flagged for review, with the reasons and the figures behind them."""

    item_id: str
    reasons: tuple[FlagReason, ...]
    share_correct: float | None
    reports: int


def flag_questions(
    stats: Iterable[QuestionStats], reports: Mapping[str, int]
) -> tuple[QuestionFlag, ...]:
    """The questions that need review, in the order their statistics came.

    Args:
        stats: Play statistics per question.
        reports: Open reports per item id; questions only reported (never played) count too.

    Returns:
        One flag per question with at least one reason.
    """
    flags: list[QuestionFlag] = []
    seen: set[str] = set()
    for stat in stats:
        seen.add(stat.item_id)
        reasons: list[FlagReason] = []
        share = stat.share_correct if stat.answers >= MIN_ANSWERS else None
        if share is not None and share < TOO_HARD_SHARE:
            reasons.append(FlagReason.TOO_HARD)
        if share is not None and share > TOO_EASY_SHARE:
            reasons.append(FlagReason.TOO_EASY)
        count = reports.get(stat.item_id, 0)
        if count >= REPORTS_TO_FLAG:
            reasons.append(FlagReason.REPORTED)
        if reasons:
            flags.append(QuestionFlag(stat.item_id, tuple(reasons), share, count))
    for item_id, count in reports.items():
        if item_id not in seen and count >= REPORTS_TO_FLAG:
            flags.append(QuestionFlag(item_id, (FlagReason.REPORTED,), None, count))
    return tuple(flags)


def recalibrate(stats: QuestionStats, current: int) -> int:
    """The difficulty (1-5) the question's play suggests.

    Args:
        stats: The question's play statistics.
        current: Its difficulty now, 1 to 5.

    Returns:
        The new difficulty; ``current`` below ``MIN_ANSWERS`` answers.

    Raises:
        ValueError: ``current`` is not between 1 and 5.
    """
    if current not in BAND_CENTRES:
        raise ValueError(f"Difficulty runs from 1 to 5, not {current}.")
    if stats.answers < MIN_ANSWERS:
        return current
    prior = BAND_CENTRES[current] * PRIOR_ANSWERS
    share = (stats.correct + prior) / (stats.answers + PRIOR_ANSWERS)
    return next(difficulty for lowest, difficulty in BANDS if share >= lowest)
