"""A night's question on screen is the engine's value (``OnScreen``) and its cursor."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.game import answered
from bot.game.answered import Answered
from bot.game.asking import Asking
from bot.game.models import Cursor, Mode
from bot.game.onscreen import OnScreen
from bot.night import play, rules
from bot.night.erasure import forget_in_night
from bot.night.errors import NightStateError
from bot.night.models import position, with_answers
from tests.night.conftest import (
    ALEXEI,
    CLOSE,
    HOST,
    PAVEL,
    POOL,
    RIGHT,
    START,
    VALENTINA,
    WRONG,
    answer_all,
    make_night,
    signed_up,
)


def test_a_night_opens_its_question_on_screen_at_its_place_with_its_limit(teams_night):
    question = teams_night.question
    assert question is not None
    assert question.cursor == Cursor(0, 0)
    limit = teams_night.time_limit(Cursor(0, 0))
    assert question.screen == OnScreen(
        question.item_id, 0, Asking(START, START + timedelta(seconds=limit)), limit
    )


def test_a_nights_place_counts_across_its_rounds(teams_night):
    state, _ = rules.reveal(teams_night, HOST)
    state, _ = rules.next_question(state, HOST, START + timedelta(seconds=40))
    state, _ = rules.reveal(state, HOST)
    state, _ = rules.next_question(state, HOST, START + timedelta(seconds=80))
    assert state.status.value == "between_rounds"
    state, _ = rules.next_question(state, HOST, START + timedelta(seconds=90))
    assert state.question is not None
    assert state.question.cursor == Cursor(1, 0)
    assert state.question.screen.position == position(state.night, Cursor(1, 0)) == 2


def test_a_reveal_marks_the_screen_and_keeps_the_rest(teams_night):
    state, _ = rules.reveal(teams_night, HOST)
    before, after = teams_night.question, state.question
    assert before is not None
    assert after is not None
    assert after.screen == before.screen.revealing()
    assert (after.cursor, after.checked_at) == (before.cursor, before.checked_at)


def test_a_nights_answer_is_scored_against_the_time_limit_on_screen(solo_night):
    question = solo_night.question
    assert question is not None
    at = START + timedelta(seconds=10)
    longer = question.with_screen(replace(question.screen, time_limit_seconds=120.0))
    quick, _ = play.record_answer(solo_night, VALENTINA, "x", RIGHT, at)
    slow, _ = play.record_answer(replace(solo_night, question=longer), VALENTINA, "x", RIGHT, at)
    # Ten seconds are a smaller share of a longer limit: a larger speed bonus.
    assert slow.answers[-1].points > quick.answers[-1].points


def test_a_nights_question_on_screen_holds_who_answered_it_as_a_games_round_does():
    night = make_night(team_play=False, mode=Mode.RACE)
    state = signed_up(night, {VALENTINA: None, ALEXEI: None, PAVEL: None})
    state, _ = rules.start(state, HOST, START, POOL, random.Random(0))
    state = answer_all(state, {PAVEL: WRONG, VALENTINA: RIGHT})
    assert state.question is not None
    who = state.question.answered
    assert who == answered.of(a.attempt for a in state.answers)
    assert who.guesses == {PAVEL: 1, VALENTINA: 1}
    assert who.winner == VALENTINA
    state, _ = rules.next_question(state, HOST, START + timedelta(seconds=40))
    assert state.question is not None
    assert state.question.answered == answered.Answered()


def test_who_answered_is_read_back_with_the_nights_answers(teams_night):
    state = answer_all(teams_night, {VALENTINA: RIGHT, ALEXEI: CLOSE})
    assert state.question is not None
    stored = replace(state, answers=(), question=replace(state.question, answered=Answered()))
    restored = with_answers(stored, state.answers)
    assert restored.question is not None
    assert restored.question.answered == state.question.answered
    with pytest.raises(NightStateError, match="already answered"):
        play.record_answer(restored, ALEXEI, "again", RIGHT, START)
    forgotten = forget_in_night(state, VALENTINA)
    assert forgotten.question is not None
    assert forgotten.question.answered.players == (ALEXEI,)
