"""A night recorded in the play engine's tables: session, rounds, answers and points."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta
from random import Random

import pytest

from bot.game.models import Cursor, Period, SessionFormat, SessionStatus
from bot.night import play, rules, signup
from bot.night.errors import NightPermissionError, NightStateError
from bot.night.ledger import NightLedger, position, submission_id
from bot.night.models import NightId, NightStatus
from bot.night.service import Control, NightService
from bot.storage.memory import InMemoryRepository
from tests.fakes import shipped_judge
from tests.night.conftest import (
    ALEXEI,
    CLOSE,
    COHOST,
    GUILD,
    HOST,
    NADIA,
    POOL,
    START,
    VALENTINA,
    make_night,
    right_answer,
    signed_up,
)


def _service(world, store):
    return NightService(
        world.nights,
        world.curation,
        world.items,
        world.clock,
        random.Random(3),
        NightLedger(store),
        judge=shipped_judge(),
    )


async def _started(world, service, **plan):
    state = await service.create(world.plan(**plan))
    await service.join(state.night.id, GUILD, VALENTINA, None)
    await service.join(state.night.id, GUILD, ALEXEI, None)
    return (await service.control(state.night.id, GUILD, Control.START, HOST, False)).state


async def _board(store, world):
    rows = await store.leaderboard(GUILD, Period.ALL_TIME, world.clock())
    return {row.name: row.points for row in rows}


async def test_a_night_is_a_session_its_answers_credited_when_each_question_closes(world):
    store = InMemoryRepository()
    service = _service(world, store)
    state = await _started(world, service)
    night_id, question = state.night.id, state.question
    assert state.session_id is not None
    assert question.round_id is not None
    world.clock.advance(4)
    right = right_answer(service, question.item_id)
    await service.answer(night_id, GUILD, question.cursor, VALENTINA, right)
    await service.answer(night_id, GUILD, question.cursor, ALEXEI, "no idea")
    assert await _board(store, world) == {}  # credited once the question closes
    revealed = await service.control(night_id, GUILD, Control.REVEAL, HOST, False)
    (points,) = [a.points for a in revealed.state.answers if a.player == VALENTINA]
    assert 5 <= points <= 10
    assert await _board(store, world) == {VALENTINA.name: points}
    await service.control(night_id, GUILD, Control.NEXT, HOST, False)  # between rounds
    finished = await service.control(night_id, GUILD, Control.END, HOST, False)
    assert finished.state.status is NightStatus.FINISHED

    assert await store.unfinished_sessions() == []
    standings = await store.session_standings(finished.state.session_id)
    assert [(s.name, s.points) for s in standings] == [(VALENTINA.name, points), (ALEXEI.name, 0)]
    # The night ended between rounds: the second round's question was never asked.
    assert await store.asked_item_ids(GUILD) == set(state.questions[0])
    stats = await store.player_stats(await store.player_id(VALENTINA), GUILD)
    assert (stats.games, stats.wins, stats.answers, stats.correct) == (1, 1, 1, 1)
    alexei = await store.player_stats(await store.player_id(ALEXEI), GUILD)
    assert (alexei.games, alexei.wins, alexei.answers, alexei.correct) == (1, 0, 1, 0)


async def test_a_skipped_question_credits_nobody(world):
    store = InMemoryRepository()
    service = _service(world, store)
    state = await _started(world, service)
    question = state.question
    right = right_answer(service, question.item_id)
    await service.answer(state.night.id, GUILD, question.cursor, VALENTINA, right)
    await service.control(state.night.id, GUILD, Control.SKIP, HOST, False)
    await service.control(state.night.id, GUILD, Control.END, HOST, False)
    assert await _board(store, world) == {}
    stats = await store.player_stats(await store.player_id(VALENTINA), GUILD)
    assert stats.answers == 1  # stored all the same, as a skipped game question's


async def test_joker_doubles_the_points_stored(world):
    store = InMemoryRepository()
    service = _service(world, store)
    state = await service.create(world.plan(joker_enabled=True))
    await service.join(state.night.id, GUILD, VALENTINA, None)
    await service.join(state.night.id, GUILD, ALEXEI, None)
    await service.play_joker(state.night.id, GUILD, VALENTINA, 0)
    state = (await service.control(state.night.id, GUILD, Control.START, HOST, False)).state
    question = state.question
    right = right_answer(service, question.item_id)
    answered = await service.answer(state.night.id, GUILD, question.cursor, VALENTINA, right)
    raw = answered.events[0].points
    await service.control(state.night.id, GUILD, Control.END, HOST, False)
    assert await _board(store, world) == {VALENTINA.name: 2 * raw}


async def _follow(ledger, before, transition, now):
    after, _ = transition
    return await ledger.follow(before, after, now)


async def test_a_near_miss_accepted_after_the_night_is_credited_then():
    store = InMemoryRepository()
    ledger = NightLedger(store)
    signed = signed_up(make_night(team_play=False), {VALENTINA: None, ALEXEI: None})
    state = await _follow(ledger, signed, rules.start(signed, HOST, START, POOL, Random(0)), START)
    cursor = state.question.cursor
    answered = play.record_answer(state, ALEXEI, "Solarix", CLOSE, START + timedelta(seconds=3))
    state = await _follow(ledger, state, answered, START)
    state = await _follow(ledger, state, rules.end(state, HOST, START), START)
    later = START + timedelta(days=1)
    assert await store.leaderboard(GUILD, Period.ALL_TIME, later) == []
    (miss,) = await store.near_misses(GUILD)
    assert (miss.format, miss.player) == (SessionFormat.NIGHT, ALEXEI)
    waiting = play.waiting_near_miss(state, cursor, ALEXEI, accept=True)
    state = await ledger.settle(state, waiting, True, HOST, later)
    (points,) = [a.points for a in state.answers if a.player == ALEXEI]
    board = await store.leaderboard(GUILD, Period.ALL_TIME, later)
    assert [(row.name, row.points) for row in board] == [(ALEXEI.name, points)]
    # The stored answer is accepted now: it counts as right and leaves the review.
    assert await store.near_misses(GUILD) == []
    stats = await store.player_stats(await store.player_id(ALEXEI), GUILD)
    assert (stats.answers, stats.correct) == (1, 1)
    # Settling the same again credits nothing more.
    await ledger.settle(state, waiting, True, HOST, later)
    board = await store.leaderboard(GUILD, Period.ALL_TIME, later)
    assert [row.points for row in board] == [points]


async def test_following_a_change_again_stores_nothing_twice(world):
    store = InMemoryRepository()
    ledger = NightLedger(store)
    service = _service(world, store)
    state = await _started(world, service)
    question = state.question
    right = right_answer(service, question.item_id)
    after = (await service.answer(state.night.id, GUILD, question.cursor, VALENTINA, right)).state
    # As if the round's id had not been saved: opening it again finds the stored round.
    unstored = replace(after.question.screen, round_id=None)
    forgotten = replace(after, question=replace(after.question, screen=unstored))
    again = await ledger.follow(state, forgotten, world.clock())
    assert again.question.round_id == question.round_id
    await service.control(state.night.id, GUILD, Control.END, HOST, False)
    assert len(await _board(store, world)) == 1
    stats = await store.player_stats(await store.player_id(VALENTINA), GUILD)
    assert stats.answers == 1


def test_positions_and_submission_ids_tell_questions_and_players_apart():
    night = make_night()  # two rounds of two questions
    assert [position(night, Cursor(r, q)) for r in (0, 1) for q in (0, 1)] == [0, 1, 2, 3]
    ids = {
        submission_id(NightId(n), Cursor(r, 0), player)
        for n in (1, 2)
        for r in (0, 1)
        for player in (VALENTINA, ALEXEI)
    }
    assert len(ids) == 8
    assert all(len(i) <= 100 for i in ids)


async def test_night_sessions_carry_the_night_format(world):
    store = InMemoryRepository()
    service = _service(world, store)
    state = await _started(world, service)
    world.clock.advance(timedelta(minutes=1).total_seconds())
    await service.control(state.night.id, GUILD, Control.END, HOST, False)
    standings = await store.session_standings(state.session_id)
    assert {s.name for s in standings} == set()  # nobody answered
    session = store._sessions[state.session_id]
    assert session.format is SessionFormat.NIGHT
    assert session.status is SessionStatus.FINISHED


async def _near_missed(world, store, joker: bool = False):
    """Valentina and Nadia's night, saved and followed by its ledger: Nadia's answer to
    the first question was close, given after 6 of its 30 seconds; a co-host named."""
    ledger = NightLedger(store)
    state = signed_up(make_night(), {VALENTINA: "Red Rockets", NADIA: "Cosmonauts"})
    state, _ = signup.add_cohost(state, HOST, COHOST)
    if joker:
        state, _ = play.play_joker(state, NADIA, 0)
    state = await _follow(ledger, state, rules.start(state, HOST, START, POOL, Random(0)), START)
    answered = play.record_answer(state, NADIA, "Solarix", CLOSE, START + timedelta(seconds=6))
    state = await _follow(ledger, state, answered, START)
    await world.nights.save(state)
    return state


@pytest.mark.parametrize("joker", [False, True])
async def test_a_host_accepts_a_near_miss_over_its_stored_answer(world, joker):
    store = InMemoryRepository()
    state = await _near_missed(world, store, joker)
    service = _service(world, store)
    cursor = state.question.cursor
    outcome = await service.review_near_miss(state.night.id, GUILD, cursor, NADIA, True, COHOST)
    (answer,) = outcome.state.answers
    assert (answer.correct, answer.near_miss, answer.points) == (True, False, 9)
    assert answer.accepted_by == COHOST
    (stored,) = await store.session_answers(state.session_id)
    assert (stored.accepted, stored.points, stored.accepted_by) == (True, 9 * (1 + joker), COHOST)
    assert await _board(store, world) == {NADIA.name: 9 * (1 + joker)}
    assert await store.near_misses(GUILD) == []
    with pytest.raises(NightStateError, match="no near miss to accept"):
        await service.review_near_miss(state.night.id, GUILD, cursor, NADIA, True, HOST)


async def test_a_host_rejects_a_near_miss_and_only_a_host_may(world):
    store = InMemoryRepository()
    state = await _near_missed(world, store)
    service = _service(world, store)
    cursor = state.question.cursor
    for accept in (True, False):
        with pytest.raises(NightPermissionError, match="host"):
            await service.review_near_miss(state.night.id, GUILD, cursor, NADIA, accept, NADIA)
    assert len(await store.near_misses(GUILD)) == 1
    outcome = await service.review_near_miss(state.night.id, GUILD, cursor, NADIA, False, HOST)
    (answer,) = outcome.state.answers
    assert (answer.rejected, answer.points) == (True, 0)
    assert await store.near_misses(GUILD) == []
    assert await _board(store, world) == {}
    with pytest.raises(NightStateError, match="no near miss to reject"):
        await service.review_near_miss(state.night.id, GUILD, cursor, NADIA, False, HOST)
