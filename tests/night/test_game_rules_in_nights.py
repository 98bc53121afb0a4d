"""Hints, streaks and reading time in a night, switched on in its plan, as games have them."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.game import rules as game_rules
from bot.game.scoring import BASE_POINTS, HINT_COST, STREAK_BONUS_PER_ANSWER
from bot.night import play, rules
from bot.night.errors import NightPermissionError, NightStateError
from bot.night.events import HintGiven
from bot.night.ledger import NightLedger
from bot.night.models import NightState
from bot.night.service import Control
from bot.storage.memory import InMemoryRepository
from questions.models import ItemType
from tests.night.conftest import (
    ALEXEI,
    GUILD,
    HOST,
    POOL,
    RIGHT,
    START,
    VALENTINA,
    WRONG,
    World,
    make_night,
    right_answer,
    signed_up,
)

LONG = " ".join(["word"] * 40) + "?"


def _night(**switches) -> NightState:
    night = replace(make_night(team_play=False, joker=False), **switches)
    return signed_up(night, {VALENTINA: None, ALEXEI: None})


def _start(state: NightState, texts=None) -> NightState:
    started, _ = rules.start(state, HOST, START, POOL, random.Random(0), texts)
    return started


def _answer(state, player, judgement):
    question = state.question
    return play.record_answer(state, player, "answer", judgement, question.opened_at)[0]


def _next(state):
    """The next question on screen (past the end of a round too)."""
    later = state.question.opened_at + timedelta(seconds=40)
    state = rules.next_question(state, HOST, later)[0]
    if state.question is None:  # between rounds
        state = rules.next_question(state, HOST, later)[0]
    return state


@pytest.mark.parametrize("reading_time", [True, False])
def test_reading_time_gives_long_questions_the_games_extra_time(reading_time):
    state = _night(reading_time=reading_time)
    texts = dict.fromkeys((i for ids in POOL.values() for i in ids), "Short question?")
    first = _start(state).questions[0][0]
    texts[first] = LONG
    started = _start(state, texts)
    question = started.question
    limit = (question.deadline - question.opened_at).total_seconds()
    base = started.night.time_limit_seconds
    expected = game_rules.time_limit(LONG, base) if reading_time else base
    assert limit == expected
    assert (limit > base) is reading_time
    moved = _next(started)  # the next question is short: the night's own limit
    assert (moved.question.deadline - moved.question.opened_at).total_seconds() == base


@pytest.mark.parametrize("streaks", [True, False])
def test_streaks_add_the_games_bonus_to_right_answers_in_a_row(streaks):
    state = _start(_night(streaks=streaks))
    state = _next(_answer(state, VALENTINA, RIGHT))
    state = _next(_answer(_answer(state, VALENTINA, RIGHT), ALEXEI, RIGHT))
    state = _answer(_answer(state, VALENTINA, WRONG), ALEXEI, RIGHT)
    points = {
        player: [
            a.points for a in sorted(state.answers, key=lambda a: a.cursor) if a.player == player
        ]
        for player in (VALENTINA, ALEXEI)
    }
    bonus = STREAK_BONUS_PER_ANSWER if streaks else 0
    assert points[VALENTINA] == [BASE_POINTS, BASE_POINTS + bonus, 0]
    # Alexei left the first question alone: his streak starts with the second.
    assert points[ALEXEI] == [BASE_POINTS, BASE_POINTS + bonus]


def _open_item(items, answer="Solaris"):
    return replace(items[0], type=ItemType.OPEN, choices=(), answers=(answer,))


def test_hints_cost_points_and_run_out(items):
    state = _start(_night(hints=True))
    item = _open_item(items)
    hinted, events = play.give_hint(state, HOST, item)
    assert events == (HintGiven(state.question.cursor, 1, "S______"),)
    answered = _answer(hinted, VALENTINA, RIGHT)
    assert answered.answers[-1].points == BASE_POINTS - HINT_COST
    for _ in range(2):
        hinted, _ = play.give_hint(hinted, HOST, item)
    with pytest.raises(NightStateError, match="No more hints"):
        play.give_hint(hinted, HOST, item)


def test_hints_are_refused_when_off_on_choices_and_to_others(items):
    with pytest.raises(NightStateError, match="without hints"):
        play.give_hint(_start(_night()), HOST, _open_item(items))
    state = _start(_night(hints=True))
    with pytest.raises(NightStateError, match="no hint"):
        play.give_hint(state, HOST, items[0])  # multiple choice
    with pytest.raises(NightStateError, match="no hint"):
        play.give_hint(state, HOST, _open_item(items, "1963"))
    with pytest.raises(NightPermissionError):
        play.give_hint(state, VALENTINA, _open_item(items))
    revealed, _ = rules.reveal(state, HOST)
    with pytest.raises(NightStateError, match="No question"):
        play.give_hint(revealed, HOST, _open_item(items))


async def test_the_ledger_stores_the_hints_given(items):
    store = InMemoryRepository()
    ledger = NightLedger(store)
    state = _night(hints=True)
    started, _ = rules.start(state, HOST, START, POOL, random.Random(0))
    started = await ledger.follow(state, started, START)
    hinted, _ = play.give_hint(started, HOST, _open_item(items))
    await ledger.follow(started, hinted, START)
    assert store._hints == {started.question.round_id: 1}


async def test_the_service_gives_hints_only_for_nights_that_have_them(world):
    service = world.service()
    state = await service.create(world.plan(hints=True))
    await service.join(state.night.id, GUILD, VALENTINA, None)
    started = await service.control(state.night.id, GUILD, Control.START, HOST, False)
    assert started.state.night.hints
    assert right_answer(service, started.state.question.item_id)
    # The bank's night items are multiple choice: nothing to hint.
    with pytest.raises(NightStateError, match="no hint"):
        await service.control(state.night.id, GUILD, Control.HINT, HOST, False)


@pytest.mark.parametrize("reading_time", [True, False])
async def test_the_service_gives_reading_time_to_the_nights_that_have_it(items, reading_time):
    world = World(tuple(replace(item, question=LONG) for item in items))
    service = world.service()
    state = await service.create(world.plan(reading_time=reading_time))
    await service.join(state.night.id, GUILD, VALENTINA, None)
    started = (await service.control(state.night.id, GUILD, Control.START, HOST, False)).state
    question = started.question
    base = started.night.time_limit_seconds
    limit = game_rules.time_limit(LONG, base) if reading_time else base
    assert (question.deadline - question.opened_at).total_seconds() == limit
    # The question's round is stored with the same limit.
    assert world.store._rounds[question.round_id].time_limit_seconds == limit
