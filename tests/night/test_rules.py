"""Host controls: who may act, in which status, and what each transition does."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.game import asking
from bot.game.asking import Asking
from bot.game.models import Cursor
from bot.night import rules
from bot.night.errors import NightPermissionError, NightPlanError, NightStateError
from bot.night.events import (
    NightFinished,
    NightPaused,
    QuestionOpened,
    QuestionRevealed,
    RoundEnded,
)
from bot.night.models import NightStatus, RoundPlan, TieBreaker
from tests.night.conftest import (
    ALEXEI,
    HOST,
    POOL,
    RIGHT,
    START,
    STRANGER,
    VALENTINA,
    WRONG,
    answer_all,
    make_night,
    signed_up,
)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": "  "}, "title"),
        ({"title": "Friday night " * 8}, "title has at most 100"),
        ({"starts_at": datetime(2026, 3, 14, 19, 0)}, "time zone"),  # noqa: DTZ001
        ({"rounds": ()}, "rounds"),
        ({"rounds": (RoundPlan("films", 1),) * 21}, "rounds"),
        ({"rounds": (RoundPlan(" ", 2),)}, "category"),
        ({"rounds": (RoundPlan("films", 0),)}, "questions"),
        ({"rounds": (RoundPlan("films", 51),)}, "questions"),
        ({"time_limit_seconds": 0.0}, "time"),
        ({"tie_breaker": TieBreaker("", 1.0)}, "tie-breaker"),
        ({"tie_breaker": TieBreaker("How many?", float("nan"))}, "tie-breaker"),
        ({"tie_breaker": TieBreaker("How many? " * 31, 5.0)}, "at most 300"),
    ],
)
def test_create_night_invalid_plan_is_refused(change, message):
    with pytest.raises(NightPlanError, match=message):
        rules.create_night(replace(make_night(), **change))


def test_create_night_valid_plan_is_scheduled_with_creator_in_control():
    state = rules.create_night(make_night())
    assert state.status is NightStatus.SCHEDULED
    assert state.controller == HOST


def test_start_by_someone_else_is_refused():
    state = signed_up(make_night(), {VALENTINA: "A"})
    with pytest.raises(NightPermissionError, match="Host"):
        rules.start(state, VALENTINA, START, POOL, random.Random(0))


def test_start_before_signups_is_refused():
    state = rules.create_night(make_night())
    with pytest.raises(NightStateError, match="sign-ups"):
        rules.start(state, HOST, START, POOL, random.Random(0))


def test_start_without_participants_is_refused():
    state = signed_up(make_night(), {})
    with pytest.raises(NightStateError, match="Nobody"):
        rules.start(state, HOST, START, POOL, random.Random(0))


def test_start_with_too_few_questions_names_the_category():
    night = make_night(rounds=(RoundPlan("films", 3), RoundPlan("films", 2)))
    state = signed_up(night, {VALENTINA: "A"})
    with pytest.raises(NightStateError, match="'films' has 1 questions left"):
        rules.start(state, HOST, START, POOL, random.Random(0))


def test_start_draws_distinct_questions_and_opens_the_first():
    night = make_night(rounds=(RoundPlan("films", 2), RoundPlan("films", 2)))
    state, events = rules.start(
        signed_up(night, {VALENTINA: "A"}), HOST, START, POOL, random.Random(5)
    )
    drawn = [item for round_items in state.questions for item in round_items]
    assert sorted(drawn) == sorted(POOL["films"])
    assert events == (
        QuestionOpened(Cursor(0, 0), drawn[0], "films", START + timedelta(seconds=30)),
    )


def test_reveal_shows_the_answer_and_closes_the_question(teams_night):
    # Who was right is what the engine's close step tells as the ledger settles it
    # (tests/night/test_closing_in_nights.py).
    state = answer_all(teams_night, {VALENTINA: RIGHT, ALEXEI: WRONG})
    state, events = rules.reveal(state, HOST)
    assert events == (QuestionRevealed(Cursor(0, 0), state.questions[0][0]),)
    assert state.question.screen.revealed
    with pytest.raises(NightStateError, match="already revealed"):
        rules.reveal(state, HOST)


def test_next_after_reveal_opens_the_next_question_without_revealing_again(teams_night):
    state, _ = rules.reveal(teams_night, HOST)
    state, events = rules.next_question(state, HOST, START)
    assert [type(e) for e in events] == [QuestionOpened]


def test_next_on_last_question_of_a_round_ends_the_round(teams_night):
    state, _ = rules.next_question(teams_night, HOST, START)
    state, events = rules.next_question(state, HOST, START)
    assert state.status is NightStatus.BETWEEN_ROUNDS
    assert state.rounds_done == 1
    assert isinstance(events[-1], RoundEnded)


@pytest.mark.parametrize("status", [NightStatus.SCHEDULED, NightStatus.PAUSED])
def test_next_outside_a_running_night_is_refused(teams_night, status):
    with pytest.raises(NightStateError, match="No question"):
        rules.next_question(replace(teams_night, status=status), HOST, START)


def test_skip_between_rounds_is_refused(teams_night):
    state = replace(teams_night, status=NightStatus.BETWEEN_ROUNDS, question=None)
    with pytest.raises(NightStateError, match="No question"):
        rules.skip(state, HOST, START)


def test_pause_twice_is_refused(teams_night):
    state, events = rules.pause(teams_night, HOST, START)
    assert events == (NightPaused(START),)
    with pytest.raises(NightStateError, match="running"):
        rules.pause(state, HOST, START)


def test_resume_without_pause_is_refused(teams_night):
    with pytest.raises(NightStateError, match="not paused"):
        rules.resume(teams_night, HOST, START)


def test_resume_keeps_the_time_that_was_left(teams_night):
    state, _ = rules.pause(teams_night, HOST, START + timedelta(seconds=20))
    state, _ = rules.resume(state, HOST, START + timedelta(seconds=80))
    assert state.question is not None
    assert state.question.deadline - (START + timedelta(seconds=80)) == timedelta(seconds=10)


def test_pause_spanning_the_deadline_keeps_the_time_left_and_the_running_time(teams_night):
    question = teams_night.question
    assert question is not None
    limit = question.deadline - question.opened_at
    state, _ = rules.pause(teams_night, HOST, START + timedelta(seconds=20))
    long_after = question.deadline + timedelta(minutes=5)
    assert not rules.is_time_up(state, long_after)  # the clock stands while paused
    state, (resumed,) = rules.resume(state, HOST, long_after)
    assert state.question is not None
    assert resumed.deadline == state.question.deadline
    assert state.question.deadline - long_after == limit - timedelta(seconds=20)
    assert state.question.deadline - state.question.opened_at == limit
    assert state.question.checked_at == long_after
    assert not rules.is_time_up(state, state.question.deadline)  # its last instant counts
    assert rules.is_time_up(state, state.question.deadline + timedelta(milliseconds=1))


def test_time_is_not_up_once_the_answer_is_revealed(teams_night):
    question = teams_night.question
    assert question is not None
    late = question.deadline + timedelta(seconds=1)
    assert rules.is_time_up(teams_night, late)
    revealed, _ = rules.reveal(teams_night, HOST)
    assert not rules.is_time_up(revealed, late)
    between = replace(teams_night, status=NightStatus.BETWEEN_ROUNDS, question=None)
    assert not rules.is_time_up(between, late)


def test_end_keeps_the_points_so_far_and_cannot_repeat(teams_night):
    state = answer_all(teams_night, {VALENTINA: RIGHT})
    now = datetime(2026, 3, 14, 20, 0, tzinfo=UTC)
    state, (finished,) = rules.end(state, HOST, now)
    assert isinstance(finished, NightFinished)
    assert state.status is NightStatus.FINISHED
    assert state.finished_at == now
    assert finished.standings[0].name == "Red Rockets"
    with pytest.raises(NightStateError, match="already over"):
        rules.end(state, HOST, now)


def test_last_round_without_ties_finishes_without_tie_breaker():
    night = make_night(team_play=False, rounds=(RoundPlan("films", 1),))
    state, _ = rules.start(
        signed_up(night, {VALENTINA: None, ALEXEI: None}), HOST, START, POOL, random.Random(0)
    )
    state = answer_all(state, {VALENTINA: RIGHT, ALEXEI: WRONG})
    state, events = rules.next_question(state, HOST, START)
    assert state.status is NightStatus.FINISHED
    assert [type(e) for e in events] == [QuestionRevealed, RoundEnded, NightFinished]


@pytest.mark.parametrize(
    "action",
    [
        lambda s: rules.reveal(s, STRANGER),
        lambda s: rules.next_question(s, STRANGER, START),
        lambda s: rules.skip(s, STRANGER, START),
        lambda s: rules.pause(s, STRANGER, START),
        lambda s: rules.resume(s, STRANGER, START),
        lambda s: rules.end(s, STRANGER, START),
    ],
)
def test_host_controls_by_a_non_host_are_refused(teams_night, action):
    with pytest.raises(NightPermissionError):
        action(teams_night)


def test_open_question_reads_and_takes_the_engines_question_being_asked(teams_night):
    question = teams_night.question
    assert question is not None
    clock = question.asking
    assert (clock.opened_at, clock.deadline, clock.hints_used) == (
        question.opened_at,
        question.deadline,
        question.hints_used,
    )
    moved = question.with_asking(asking.hinted(asking.resume(clock, START, START + timedelta(1))))
    assert moved.asking == Asking(
        question.opened_at + timedelta(1), question.deadline + timedelta(1), 1
    )
    unmoved = replace(moved.asking, opened_at=question.opened_at, deadline=question.deadline)
    assert moved.with_asking(unmoved) == question.with_asking(
        replace(question.asking, hints_used=1)
    )
