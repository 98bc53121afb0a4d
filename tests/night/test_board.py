"""Night points on the server leaderboard: only for nights planned to count there."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from bot.game.models import Period
from bot.night.board import NightBoard
from bot.night.service import Control, NightService
from bot.storage.memory import InMemoryRepository
from tests.fakes import shipped_judge
from tests.night.conftest import ALEXEI, GUILD, HOST, VALENTINA, right_answer


def _service(world, scores):
    board = NightBoard(scores)
    return NightService(
        world.nights,
        world.curation,
        world.items,
        world.clock,
        random.Random(3),
        board,
        judge=shipped_judge(),
    )


async def _played(world, service, leaderboard):
    state = await service.create(world.plan(leaderboard=leaderboard))
    for player in (VALENTINA, ALEXEI):
        await service.join(state.night.id, GUILD, player, None)
    started = await service.control(state.night.id, GUILD, Control.START, HOST, False)
    question = started.state.question
    world.clock.advance(3)
    right = right_answer(service, question.item_id)
    await service.answer(state.night.id, GUILD, question.cursor, VALENTINA, right)
    await service.answer(state.night.id, GUILD, question.cursor, ALEXEI, "nothing like it")
    ended = await service.control(state.night.id, GUILD, Control.END, HOST, False)
    return ended.state


async def _board(world, scores):
    rows = await scores.leaderboard(GUILD, Period.ALL_TIME, world.clock())
    return {row.name: row.points for row in rows}


@pytest.mark.parametrize("leaderboard", [True, False])
async def test_night_points_reach_the_leaderboard_only_when_the_night_counts(world, leaderboard):
    scores = InMemoryRepository()
    service = _service(world, scores)
    state = await _played(world, service, leaderboard)
    (valentina,) = [a for a in state.answers if a.player == VALENTINA]
    expected = {VALENTINA.name: valentina.points} if leaderboard else {}
    assert await _board(world, scores) == expected
    # The night is no game in anyone's statistics.
    assert await scores.asked_item_ids(GUILD) == (
        {f"night:{state.night.id}"} if leaderboard else set()
    )


async def test_near_miss_accepted_after_a_counted_night_adds_its_points(world):
    scores = InMemoryRepository()
    service = _service(world, scores)
    state = await _played(world, service, True)
    stored = await world.nights.get(state.night.id)
    answers = tuple(replace(a, near_miss=True) if a.player == ALEXEI else a for a in stored.answers)
    await world.nights.save(replace(stored, answers=answers))
    before = await _board(world, scores)
    cursor = answers[0].cursor
    accepted = await service.review_near_miss(state.night.id, GUILD, cursor, ALEXEI, True)
    (alexei,) = [a for a in accepted.state.answers if a.player == ALEXEI]
    assert alexei.points > 0
    assert await _board(world, scores) == {**before, ALEXEI.name: alexei.points}
