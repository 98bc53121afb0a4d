"""One answer in any format: who may give it, when time is up, its verdict and its points."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.game import answering
from bot.game.answering import Refusal
from bot.game.judging import Judgement
from bot.game.scoring import BASE_POINTS, HINT_COST, STREAK_BONUS_PER_ANSWER

T0 = datetime(2026, 1, 1, 20, 0, tzinfo=UTC)
DEADLINE = T0 + timedelta(seconds=30)
RIGHT = Judgement(accepted=True, matched="Solaris", score=100.0, close=False)
WRONG = Judgement(accepted=False, matched=None, score=12.0, close=False)
CLOSE = Judgement(accepted=False, matched=None, score=88.0, close=True)


def _refusal(**changes):
    asked = {"paused": False, "asking": True, "deadline": DEADLINE, "now": T0}
    return answering.refusal(**(asked | changes))


def test_refusal_takes_an_answer_to_an_open_question_in_time():
    assert _refusal() is None


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"paused": True, "asking": False, "deadline": None}, Refusal.PAUSED),
        ({"asking": False}, Refusal.NO_QUESTION),
        ({"deadline": None}, Refusal.NO_QUESTION),
        ({"now": DEADLINE}, Refusal.TIME_UP),
        ({"contender": False}, Refusal.NOT_IN_TIE_BREAK),
        ({"race_won": True}, Refusal.ALREADY_WON),
        ({"answers_given": 1}, Refusal.GUESS_LIMIT),
        ({"answers_given": 2, "answers_allowed": 3}, None),
    ],
)
def test_refusal_says_why(changes, expected):
    assert _refusal(**changes) is expected


def test_refusal_checks_in_order_pause_question_time_tie_race_then_answers_left():
    everything = {"contender": False, "race_won": True, "answers_given": 5}
    assert _refusal(paused=True, asking=False, now=DEADLINE, **everything) is Refusal.PAUSED
    assert _refusal(asking=False, now=DEADLINE, **everything) is Refusal.NO_QUESTION
    assert _refusal(now=DEADLINE, **everything) is Refusal.TIME_UP
    assert _refusal(**everything) is Refusal.NOT_IN_TIE_BREAK
    assert _refusal(race_won=True, answers_given=5) is Refusal.ALREADY_WON


def test_time_up_at_the_deadline_or_only_after_its_last_instant():
    assert not answering.time_up(DEADLINE, DEADLINE - timedelta(microseconds=1))
    assert answering.time_up(DEADLINE, DEADLINE)
    assert not answering.time_up(DEADLINE, DEADLINE, last_instant=True)
    assert answering.time_up(DEADLINE, DEADLINE + timedelta(microseconds=1), last_instant=True)
    assert _refusal(now=DEADLINE, last_instant=True) is None


def test_score_a_right_answer_by_speed_hints_and_streak():
    scored = answering.score(RIGHT, 15.0, 30.0, hints_used=1, streak=2)
    assert scored == answering.Scored(
        accepted=True,
        near_miss=False,
        similarity=100.0,
        elapsed_ms=15_000,
        points=8 - HINT_COST + 2 * STREAK_BONUS_PER_ANSWER,
    )


def test_score_a_close_wrong_answer_is_a_near_miss_worth_nothing():
    scored = answering.score(CLOSE, 3.4567, 30.0)
    assert (scored.accepted, scored.near_miss, scored.points) == (False, True, 0)
    assert (scored.similarity, scored.elapsed_ms) == (88.0, 3457)
    assert not answering.score(WRONG, 1.0, 30.0).near_miss


def test_score_an_answer_before_the_opening_counts_as_instant():
    scored = answering.score(RIGHT, -2.0, 30.0)
    assert (scored.elapsed_ms, scored.points) == (0, BASE_POINTS)


def test_near_miss_points_are_a_right_answers_speed_points():
    assert answering.near_miss_points(15_000, 30.0) == 8
    assert answering.near_miss_points(0, 30.0) == BASE_POINTS


@pytest.mark.parametrize(
    ("streak", "points", "expected"), [(0, 10, 1), (3, 1, 4), (3, 0, 0), (0, 0, 0)]
)
def test_streak_after_grows_with_a_scoring_answer_and_ends_with_any_other(streak, points, expected):
    assert answering.streak_after(streak, points) == expected
