"""The night service: plans, play, the clock, restarts, results and question feedback."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.game.models import ChannelId, Cursor, GuildId, SessionId
from bot.moderation.curation import QuestionFix
from bot.night.errors import NightPermissionError, NightStateError
from bot.night.events import NightFinished, QuestionRevealed
from bot.night.models import NightStatus, RoundPlan
from bot.night.service import Control
from tests.night.conftest import (
    ALEXEI,
    CHANNEL,
    GUILD,
    HOST,
    STRANGER,
    VALENTINA,
    right_answer,
    started_night,
    tick,
)

LEAD = timedelta(minutes=15)


async def test_answers_are_judged_against_the_bank_and_saved(world):
    service = world.service()
    state = await started_night(world, service)
    question = state.question
    assert question is not None
    right = right_answer(service, question.item_id)
    outcome = await service.answer(state.night.id, GUILD, question.cursor, VALENTINA, right)
    assert outcome.events[0].correct
    wrong = await service.answer(state.night.id, GUILD, question.cursor, ALEXEI, "no idea")
    assert not wrong.events[0].correct
    stored = await world.nights.get(state.night.id)
    assert stored is not None
    assert stored.answers == ()  # the night's session keeps them
    assert stored.session_id is not None
    assert len(await world.store.session_answers(SessionId(stored.session_id))) == 2
    assert len((await world.service().get(state.night.id, GUILD)).answers) == 2


async def test_old_question_and_other_guild_are_refused(world):
    service = world.service()
    state = await started_night(world, service)
    with pytest.raises(NightStateError, match="closed"):
        await service.answer(state.night.id, GUILD, Cursor(1, 0), VALENTINA, "A")
    with pytest.raises(NightStateError, match="no quiz night"):
        await service.join(state.night.id, GuildId(99), STRANGER, None)


async def test_only_host_or_manager_controls(world):
    service = world.service()
    state = await started_night(world, service)
    with pytest.raises(NightPermissionError):
        await service.control(state.night.id, GUILD, Control.NEXT, STRANGER, False)
    moved = await service.control(state.night.id, GUILD, Control.NEXT, STRANGER, True)
    assert moved.state.status is NightStatus.BETWEEN_ROUNDS
    assert moved.state.rounds_done == 1


async def test_tick_reveals_question_once_time_is_up(world):
    service = world.service()
    state = await started_night(world, service)
    assert service.needs_clock(LEAD)
    assert await tick(world, service) == ()
    world.clock.advance(state.night.time_limit_seconds + 1)
    (outcome,) = await tick(world, service)
    assert isinstance(outcome.events[0], QuestionRevealed)
    assert not service.needs_clock(LEAD)
    assert await tick(world, service) == ()


async def test_restart_with_open_question_keeps_its_remaining_time(world):
    service = world.service()
    state = await started_night(world, service)
    world.clock.advance(10)
    await service.suspend_all()
    world.clock.advance(600)
    later = world.service()
    (recovered,) = await later.recover()
    assert recovered.status is NightStatus.PAUSED
    resumed = await later.control(state.night.id, GUILD, Control.RESUME, HOST, False)
    question = resumed.state.question
    assert question is not None
    assert question.deadline - world.clock() == timedelta(
        seconds=state.night.time_limit_seconds - 10
    )
    answered = await later.answer(state.night.id, GUILD, question.cursor, VALENTINA, "A")
    assert answered.events


async def test_crash_with_open_question_gives_it_full_time_again(world):
    service = world.service()
    state = await started_night(world, service)
    world.clock.advance(3600)
    later = world.service()
    await later.recover()
    resumed = await later.control(state.night.id, GUILD, Control.RESUME, HOST, False)
    question = resumed.state.question
    assert question is not None
    assert question.deadline - world.clock() == timedelta(seconds=state.night.time_limit_seconds)


async def test_reminder_goes_out_once_within_the_lead(world):
    service = world.service()
    state = await service.create(world.plan())
    assert await service.reminders(LEAD) == ()
    world.clock.advance(50 * 60)
    assert [s.night.id for s in await service.reminders(LEAD)] == [state.night.id]
    assert await service.reminders(LEAD) == ()
    assert not service.needs_clock(LEAD)
    assert service.until_reminder(LEAD) is None
    restarted = world.service()
    await restarted.recover()
    assert await restarted.reminders(LEAD) == ()


async def test_a_planned_night_needs_the_clock_only_once_its_reminder_is_due(world):
    service = world.service()
    assert service.until_reminder(LEAD) is None
    await service.create(world.plan(starts_at=world.clock() + timedelta(days=3)))
    soon = await service.create(world.plan(starts_at=world.clock() + timedelta(hours=2)))
    assert not service.needs_clock(LEAD)
    assert service.until_reminder(LEAD) == timedelta(hours=2) - LEAD
    world.clock.advance((timedelta(hours=2) - LEAD).total_seconds() - 1)
    assert not service.needs_clock(LEAD)
    assert service.until_reminder(LEAD) == timedelta(seconds=1)
    world.clock.advance(1)
    assert service.needs_clock(LEAD)
    assert service.until_reminder(LEAD) == timedelta(0)
    assert [s.night.id for s in await service.reminders(LEAD)] == [soon.night.id]
    assert not service.needs_clock(LEAD)
    assert service.until_reminder(LEAD) == timedelta(days=3) - timedelta(hours=2)


async def test_finished_night_stores_result_and_feeds_question_statistics(world):
    service = world.service()
    state = await started_night(world, service)
    question = state.question
    assert question is not None
    await service.answer(
        state.night.id, GUILD, question.cursor, VALENTINA, right_answer(service, question.item_id)
    )
    outcome = await service.control(state.night.id, GUILD, Control.END, HOST, False)
    assert isinstance(outcome.events[-1], NightFinished)
    (result,) = await world.nights.placings(GUILD)
    assert {p.player for p in result.players} == {VALENTINA, ALEXEI}
    fix = (await world.curation.fixes(GUILD))[question.item_id]
    assert (fix.answers_seen, fix.correct_seen) == (1, 1)
    assert fix.difficulty is not None
    season = await service.season(GUILD, None)
    assert season[0].player == VALENTINA
    assert service.live() == ()


async def test_retired_questions_are_never_drawn(world):
    service = world.service()
    films = [item.id for item in world.items if item.category == "films"]
    for item_id in films[1:]:
        await world.curation.save_fix(QuestionFix(GUILD, item_id, retired="wrong"))
    state = await started_night(world, service)
    assert state.questions[0] == (films[0],)
    await service.control(state.night.id, GUILD, Control.END, HOST, False)
    second = await service.create(world.plan(rounds=(RoundPlan("films", 2),)))
    await service.join(second.night.id, GUILD, VALENTINA, None)
    with pytest.raises(NightStateError, match="films"):
        await service.control(second.night.id, GUILD, Control.START, HOST, False)


async def test_in_channel_prefers_the_night_under_way(world):
    service = world.service()
    planned = await service.create(world.plan(starts_at=world.clock() + timedelta(minutes=5)))
    running = await started_night(world, service)
    assert (await service.in_channel(GUILD, CHANNEL)).night.id == running.night.id
    await service.control(running.night.id, GUILD, Control.END, HOST, False)
    assert (await service.in_channel(GUILD, CHANNEL)).night.id == planned.night.id
    with pytest.raises(NightStateError):
        await service.in_channel(GUILD, ChannelId(99))
