"""Answers, jokers, tie-breaker numbers and near misses accepted after the fact."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.game.models import Cursor, Mode
from bot.night import play, rules, signup
from bot.night.errors import NightPermissionError, NightStateError
from bot.night.events import AnswerRecorded
from bot.night.models import NightStatus, RoundPlan, player_key, team_key
from bot.night.standings import player_points, standings
from tests.night.conftest import (
    ALEXEI,
    CLOSE,
    COHOST,
    HOST,
    NADIA,
    PAVEL,
    POOL,
    RIGHT,
    START,
    STRANGER,
    VALENTINA,
    WRONG,
    YURI,
    answer_all,
    make_night,
    signed_up,
)


def test_record_answer_scores_by_speed(teams_night):
    state, events = play.record_answer(
        teams_night, VALENTINA, "Planeta Bur", RIGHT, START + timedelta(seconds=15)
    )
    assert events == (AnswerRecorded(Cursor(0, 0), VALENTINA, True, False, 8),)
    assert state.answers[0].elapsed_ms == 15_000


def test_record_answer_by_a_stranger_is_refused(teams_night):
    with pytest.raises(NightPermissionError, match="Sign up"):
        play.record_answer(teams_night, STRANGER, "x", RIGHT, START)


def test_record_answer_after_reveal_or_deadline_or_twice_is_refused(teams_night):
    with pytest.raises(NightStateError, match="Time is up"):
        play.record_answer(teams_night, VALENTINA, "x", RIGHT, START + timedelta(seconds=31))
    state, _ = play.record_answer(teams_night, VALENTINA, "x", WRONG, START)
    with pytest.raises(NightStateError, match="already answered"):
        play.record_answer(state, VALENTINA, "y", RIGHT, START)
    state, _ = rules.reveal(state, HOST)
    with pytest.raises(NightStateError, match="No question"):
        play.record_answer(state, YURI, "x", RIGHT, START)


@pytest.mark.parametrize("late", [ALEXEI, PAVEL], ids=["new", "answered before"])
def test_record_answer_in_a_race_refuses_answers_after_the_winner(late):
    # The engine's order (bot.game.answering.refusal): a race won comes before the
    # member's own answer already given, so Pavel too is told who won.
    night = make_night(team_play=False, mode=Mode.RACE)
    state = signed_up(night, {VALENTINA: None, ALEXEI: None, PAVEL: None})
    state, _ = rules.start(state, HOST, START, POOL, random.Random(0))
    state = answer_all(state, {PAVEL: WRONG, VALENTINA: RIGHT})
    with pytest.raises(NightStateError, match="Валентина already answered"):
        play.record_answer(state, late, "x", RIGHT, START)


def test_record_answer_at_the_deadline_itself_still_counts(teams_night):
    deadline = teams_night.question.deadline
    state, (event,) = play.record_answer(teams_night, VALENTINA, "x", RIGHT, deadline)
    assert isinstance(event, AnswerRecorded)
    assert event.points == 5
    with pytest.raises(NightStateError, match="Time is up"):
        play.record_answer(state, ALEXEI, "x", RIGHT, deadline + timedelta(microseconds=1))


def test_record_answer_close_but_wrong_is_a_near_miss(teams_night):
    _, (event,) = play.record_answer(teams_night, NADIA, "Planeta Burr", CLOSE, START)
    assert isinstance(event, AnswerRecorded)
    assert (event.correct, event.near_miss, event.points) == (False, True, 0)


def test_play_joker_doubles_the_whole_team_in_that_round(teams_night):
    state = replace(teams_night, status=NightStatus.SIGNING_UP, question=None)
    state, _ = play.play_joker(state, YURI, 0)
    state = replace(state, status=teams_night.status, question=teams_night.question)
    state = answer_all(state, {VALENTINA: RIGHT, ALEXEI: RIGHT})
    assert player_points(state)[VALENTINA] == 20
    assert player_points(state)[ALEXEI] == 10
    assert {s.contestant: s.points for s in standings(state)}[team_key("Red Rockets")] == 20


def test_play_joker_on_a_started_round_or_twice_is_refused(teams_night):
    with pytest.raises(NightStateError, match="not started"):
        play.play_joker(teams_night, VALENTINA, 0)
    with pytest.raises(NightStateError, match="not started"):
        play.play_joker(teams_night, VALENTINA, 5)
    state, _ = play.play_joker(teams_night, VALENTINA, 1)
    with pytest.raises(NightStateError, match="already played"):
        play.play_joker(state, YURI, 1)


def test_play_joker_when_jokers_are_off_or_the_night_is_over_is_refused(teams_night):
    no_jokers = replace(teams_night, night=replace(teams_night.night, joker_enabled=False))
    with pytest.raises(NightStateError, match="without jokers"):
        play.play_joker(no_jokers, VALENTINA, 1)
    finished, _ = rules.end(teams_night, HOST, START)
    with pytest.raises(NightStateError, match="not started"):
        play.play_joker(finished, VALENTINA, 1)


def test_play_joker_between_rounds_takes_the_next_round(teams_night):
    state, _ = rules.next_question(teams_night, HOST, START)
    state, _ = rules.next_question(state, HOST, START)
    state, _ = play.play_joker(state, PAVEL, 1)
    assert state.jokers[0].contestant == team_key("Cosmonauts")


def _tie_break(solo: bool = True):
    night = make_night(team_play=not solo, rounds=(RoundPlan("films", 1),))
    members = {VALENTINA: "A", ALEXEI: "B", PAVEL: "C"}
    state, _ = rules.start(signed_up(night, members), HOST, START, POOL, random.Random(0))
    state = answer_all(state, {VALENTINA: RIGHT, ALEXEI: RIGHT, PAVEL: RIGHT})
    state, _ = rules.next_question(state, HOST, START)
    return state


def test_submit_tie_break_first_number_counts_and_only_contenders_answer():
    state = _tie_break()
    assert state.status is NightStatus.TIE_BREAK
    state, _ = play.submit_tie_break(state, VALENTINA, 1960, START)
    with pytest.raises(NightStateError, match="already gave"):
        play.submit_tie_break(state, VALENTINA, 1963, START)
    with pytest.raises(NightStateError, match="needs a number"):
        play.submit_tie_break(state, ALEXEI, float("inf"), START)
    outsider = replace(state, contenders=(player_key(VALENTINA),))
    with pytest.raises(NightStateError, match="tied contestants"):
        play.submit_tie_break(outsider, ALEXEI, 1963, START)


def test_submit_tie_break_a_team_gives_one_number_through_any_member():
    night = make_night(team_play=True, rounds=(RoundPlan("films", 1),))
    members = {VALENTINA: "Reds", YURI: "Reds", ALEXEI: "Blues"}
    state, _ = rules.start(signed_up(night, members), HOST, START, POOL, random.Random(0))
    state = answer_all(state, dict.fromkeys(members, RIGHT))
    state, _ = rules.next_question(state, HOST, START)
    state, _ = play.submit_tie_break(state, VALENTINA, 1960, START)
    with pytest.raises(NightStateError, match="Your side already gave its number"):
        play.submit_tie_break(state, YURI, 1963, START)
    state, _ = play.submit_tie_break(state, ALEXEI, 1963, START)
    given = [(g.contestant, g.player, g.value) for g in state.guesses]
    assert given == [(team_key("Reds"), VALENTINA, 1960), (team_key("Blues"), ALEXEI, 1963)]


def test_submit_tie_break_outside_the_tie_break_is_refused(teams_night):
    with pytest.raises(NightStateError, match="no tie-breaker"):
        play.submit_tie_break(teams_night, VALENTINA, 1963, START)


def test_only_a_host_of_the_night_may_settle_its_near_misses(teams_night):
    state, _ = signup.add_cohost(teams_night, HOST, COHOST)
    for host in (HOST, COHOST):
        for accept in (True, False):
            play.ensure_may_settle(state, host, accept)
    with pytest.raises(NightPermissionError, match="host of the night can accept"):
        play.ensure_may_settle(state, VALENTINA, True)
    with pytest.raises(NightPermissionError, match="host of the night can reject"):
        play.ensure_may_settle(state, VALENTINA, False)


def test_a_near_miss_waits_until_it_is_settled(teams_night):
    state, _ = play.record_answer(teams_night, NADIA, "x", CLOSE, START)
    state, _ = play.record_answer(state, VALENTINA, "x", RIGHT, START)
    assert play.waiting_near_miss(state, Cursor(0, 0), NADIA, accept=True) == state.answers[0]
    with pytest.raises(NightStateError, match="no near miss to accept"):
        play.waiting_near_miss(state, Cursor(0, 0), VALENTINA, accept=True)
    rejected = replace(state, answers=(replace(state.answers[0], rejected=True),))
    with pytest.raises(NightStateError, match="no near miss to reject"):
        play.waiting_near_miss(rejected, Cursor(0, 0), NADIA, accept=False)
