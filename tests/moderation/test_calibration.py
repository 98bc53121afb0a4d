"""Question statistics feeding back: flags for review and recalibrated difficulty."""

from __future__ import annotations

import pytest

from bot.game.models import QuestionStats
from bot.moderation.calibration import (
    FlagReason,
    QuestionFlag,
    flag_questions,
    recalibrate,
)


def _stats(item_id: str, answers: int, correct: int) -> QuestionStats:
    return QuestionStats(item_id, answers, answers, correct, None)


def test_flag_questions_too_hard_too_easy_and_reported():
    flags = flag_questions(
        [
            _stats("hard", 20, 1),
            _stats("easy", 20, 20),
            _stats("fine", 20, 10),
            _stats("new", 3, 0),
        ],
        {"fine": 3, "new": 1, "unplayed": 4, "barely": 2},
    )
    assert flags == (
        QuestionFlag("hard", (FlagReason.TOO_HARD,), 0.05, 0),
        QuestionFlag("easy", (FlagReason.TOO_EASY,), 1.0, 0),
        QuestionFlag("fine", (FlagReason.REPORTED,), 0.5, 3),
        QuestionFlag("unplayed", (FlagReason.REPORTED,), None, 4),
    )


@pytest.mark.parametrize(
    ("answers", "correct", "current", "expected"),
    [
        (9, 0, 1, 1),  # too few answers: unchanged
        (10, 0, 1, 4),  # a 'very easy' question nobody gets moves up, but not all the way
        (100, 0, 1, 5),
        (100, 100, 5, 1),
        (100, 50, 3, 3),
        (40, 28, 3, 2),
    ],
)
def test_recalibrate_moves_difficulty_with_play(answers, correct, current, expected):
    assert recalibrate(_stats("q", answers, correct), current) == expected


@pytest.mark.parametrize("current", [0, 6])
def test_recalibrate_out_of_range_difficulty_is_refused(current):
    with pytest.raises(ValueError, match="1 to 5"):
        recalibrate(_stats("q", 20, 10), current)
