"""Crashes in the middle of a question: the night is paused where it was last seen running."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.night.errors import NightStateError
from bot.night.models import NightStatus
from bot.night.service import Control
from tests.night.conftest import (
    ALEXEI,
    GUILD,
    HOST,
    VALENTINA,
    right_answer,
    started_night,
    tick,
)


async def _crash_and_resume(world, service, state, downtime: float):
    world.clock.advance(downtime)
    later = world.service()
    (recovered,) = await later.recover()
    assert recovered.status is NightStatus.PAUSED
    resumed = await later.control(state.night.id, GUILD, Control.RESUME, HOST, False)
    return later, resumed.state


async def test_crash_after_an_answer_keeps_the_fastest_answer_the_fastest(world):
    service = world.service()
    state = await started_night(world, service)
    question = state.question
    right = right_answer(service, question.item_id)
    world.clock.advance(12)
    await service.answer(state.night.id, GUILD, question.cursor, VALENTINA, right)

    later, resumed = await _crash_and_resume(world, service, state, 600)
    world.clock.advance(1)
    await later.answer(state.night.id, GUILD, question.cursor, ALEXEI, right)
    ended = await later.control(state.night.id, GUILD, Control.END, HOST, False)

    times = {a.player: a.elapsed_ms for a in ended.state.answers}
    assert times == {VALENTINA: 12_000, ALEXEI: 13_000}
    assert later.recap(ended.state).fastest.player == VALENTINA
    # The question kept the time it had left at the last answer, not a fresh 30 seconds.
    assert resumed.question.deadline - (world.clock() - timedelta(seconds=1)) == timedelta(
        seconds=state.night.time_limit_seconds - 12
    )


async def test_clock_checks_keep_the_running_time_across_a_crash(world):
    service = world.service()
    state = await started_night(world, service)
    question = state.question
    for _ in range(4):
        world.clock.advance(5)
        await tick(world, service)
    stored = await world.nights.get(state.night.id)
    assert stored.question.checked_at == world.clock()

    later, _ = await _crash_and_resume(world, service, state, 3600)
    world.clock.advance(2)
    answered = await later.answer(
        state.night.id, GUILD, question.cursor, VALENTINA, right_answer(later, question.item_id)
    )
    (answer,) = answered.state.answers
    assert answer.elapsed_ms == 22_000


async def test_answer_while_paused_and_after_the_end_says_why(world):
    service = world.service()
    state = await started_night(world, service)
    cursor = state.question.cursor
    await service.control(state.night.id, GUILD, Control.PAUSE, HOST, False)
    with pytest.raises(NightStateError, match="paused"):
        await service.answer(state.night.id, GUILD, cursor, VALENTINA, "A")
    with pytest.raises(NightStateError, match="paused"):
        await service.check_open(state.night.id, GUILD, cursor)
    await service.control(state.night.id, GUILD, Control.END, HOST, False)
    with pytest.raises(NightStateError, match="over"):
        await service.answer(state.night.id, GUILD, cursor, VALENTINA, "A")
    with pytest.raises(NightStateError, match="over"):
        await service.check_open(state.night.id, GUILD, cursor)
    with pytest.raises(NightStateError, match="over"):
        await service.check_join(state.night.id, GUILD)


async def test_join_after_the_start_says_sign_ups_closed(world):
    service = world.service()
    state = await started_night(world, service)
    with pytest.raises(NightStateError, match="closed when the night started"):
        await service.check_join(state.night.id, GUILD)


async def test_question_message_is_kept_only_while_the_question_is_on_screen(world):
    service = world.service()
    state = await started_night(world, service)
    cursor = state.question.cursor
    assert await service.shown(state.night.id, GUILD, cursor, 555)
    revealed = await service.control(state.night.id, GUILD, Control.REVEAL, HOST, False)
    assert revealed.events[0].message_id == 555
    moved = await service.control(state.night.id, GUILD, Control.NEXT, HOST, False)
    # A message posted late for a question that has moved on is not kept.
    assert not await service.shown(state.night.id, GUILD, cursor, 556)
    assert moved.state.status is NightStatus.BETWEEN_ROUNDS
