"""A night's question on screen is the engine's value (``OnScreen``) and its cursor."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.game.asking import Asking
from bot.game.models import Cursor
from bot.game.onscreen import OnScreen
from bot.night import play, rules
from bot.night.models import position
from tests.night.conftest import HOST, RIGHT, START, VALENTINA


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
