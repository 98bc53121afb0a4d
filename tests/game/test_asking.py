"""A question's clock in every format: pauses move it, time is never up while it stops."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.game import asking
from bot.game.asking import Asking

T0 = datetime(2026, 1, 1, 20, 0, tzinfo=UTC)


def _at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_ask_opens_now_with_the_limit_to_answer():
    assert asking.ask(T0, 30.0) == Asking(T0, _at(30))


def test_resume_moves_opening_and_deadline_by_the_pause():
    resumed = asking.resume(asking.ask(T0, 30.0), _at(10), _at(25))
    assert resumed == Asking(_at(15), _at(45))
    # The time limit stays: the time from the opening is the time the question ran.
    assert resumed.deadline - resumed.opened_at == timedelta(seconds=30)


def test_pause_spanning_the_deadline_keeps_the_time_that_was_left():
    question = asking.ask(T0, 30.0)
    # Paused with 10 seconds left, resumed long after the old deadline.
    assert asking.is_time_up(question, _at(100), running=True)
    assert not asking.is_time_up(question, _at(100), running=False)
    resumed = asking.resume(question, _at(20), _at(100))
    assert resumed.deadline == _at(110)
    assert not asking.is_time_up(resumed, _at(100), running=True)
    assert not asking.is_time_up(resumed, _at(109.9), running=True)
    assert asking.is_time_up(resumed, _at(110), running=True)


def test_resume_before_any_question_has_no_clock_to_move():
    assert asking.resume(None, _at(1), _at(5)) is None


def test_resume_at_a_time_before_the_pause_moves_nothing():
    question = asking.ask(T0, 30.0)
    assert asking.pause_length(_at(10), _at(5)) == timedelta(0)
    assert asking.resume(question, _at(10), _at(5)) == question


@pytest.mark.parametrize(
    ("now", "last_instant", "expected"),
    [
        (_at(29), False, False),
        (_at(30), False, True),
        (_at(30), True, False),
        (_at(30.001), True, True),
    ],
)
def test_time_up_from_the_deadline_or_after_its_last_instant(now, last_instant, expected):
    question = asking.ask(T0, 30.0)
    assert asking.is_time_up(question, now, running=True, last_instant=last_instant) is expected


def test_time_is_never_up_without_a_question():
    assert not asking.is_time_up(None, _at(1000), running=True)


def test_elapsed_leaves_the_pause_out_and_is_never_negative():
    question = asking.ask(T0, 30.0)
    assert asking.elapsed_seconds(question, _at(12)) == 12.0
    resumed = asking.resume(question, _at(10), _at(70))
    assert asking.elapsed_seconds(resumed, _at(72)) == 12.0
    assert asking.elapsed_seconds(question, _at(-1)) == 0.0


def test_hints_are_counted_and_kept_across_a_pause():
    question = asking.hinted(asking.hinted(asking.ask(T0, 30.0)))
    assert question.hints_used == 2
    resumed = asking.resume(question, _at(5), _at(8))
    assert resumed == Asking(_at(3), _at(33), hints_used=2)
