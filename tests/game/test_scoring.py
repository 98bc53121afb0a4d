"""Points: full for an instant answer, half at the limit, hint costs and streak bonus."""

from __future__ import annotations

import pytest

from bot.game.scoring import BASE_POINTS, HINT_COST, MIN_POINTS, STREAK_BONUS_CAP, award_points


def test_award_points_wrong_answer_scores_nothing():
    assert award_points(False, 0.0, 30.0) == 0


@pytest.mark.parametrize(
    ("elapsed", "expected"), [(0.0, BASE_POINTS), (15.0, 8), (30.0, 5), (99.0, 5), (-1.0, 10)]
)
def test_award_points_falls_linearly_to_half(elapsed, expected):
    assert award_points(True, elapsed, 30.0) == expected


def test_award_points_without_limit_gives_full_points():
    assert award_points(True, 12.0, 0.0) == BASE_POINTS


def test_award_points_hints_cost_points_but_never_below_minimum():
    assert award_points(True, 0.0, 30.0, hints_used=1) == BASE_POINTS - HINT_COST
    assert award_points(True, 30.0, 30.0, hints_used=10) == MIN_POINTS


def test_award_points_streak_bonus_grows_and_is_capped():
    assert award_points(True, 0.0, 30.0, streak=2) == BASE_POINTS + 2
    assert award_points(True, 0.0, 30.0, streak=50) == BASE_POINTS + STREAK_BONUS_CAP
    assert award_points(False, 0.0, 30.0, streak=5) == 0
