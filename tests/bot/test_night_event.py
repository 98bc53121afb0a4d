"""The Discord scheduled event follows the quiz night: active, completed or cancelled."""

from __future__ import annotations

import logging

import discord

from tests.bot.conftest import TICK_SECONDS, acknowledge
from tests.bot.test_quiznight import _join, _playable, _question_message, _setup


async def _created(run, bank, rounds="films x1"):
    env, guild, channel, host, reds, blues = await _setup(run, bank)
    created = await host.slash(
        channel, "quiznight create", title="Friday night", start="in 20m", rounds=rounds
    )
    announcement = created.response.message
    await _join(reds[0], announcement, "Red Rockets")
    await _join(blues[0], announcement, "Cosmonauts")
    return env, guild, channel, host


def _event(env, guild):
    (event,) = env.backend.get_guild(guild.id).scheduled_events.values()
    return event


async def test_night_event_goes_active_at_start_and_completed_at_end_across_restart(
    run, world, bank
):
    env, guild, channel, host = await _created(run, bank)
    assert discord.EventStatus(_event(env, guild).status) is discord.EventStatus.scheduled
    await env.bot.close()
    await env.restart_bot(world.bot(_playable(bank)))
    await env.advance_time(TICK_SECONDS)

    await host.slash(channel, "quiznight start")
    assert discord.EventStatus(_event(env, guild).status) is discord.EventStatus.active
    await host.slash(channel, "quiznight end")
    assert discord.EventStatus(_event(env, guild).status) is discord.EventStatus.completed


async def test_night_ended_before_start_cancels_its_event(run, bank):
    env, guild, channel, host = await _created(run, bank)
    await host.slash(channel, "quiznight end")
    assert discord.EventStatus(_event(env, guild).status) is discord.EventStatus.cancelled


async def test_night_with_deleted_event_starts_and_logs_warning(run, bank, caplog):
    env, guild, channel, host = await _created(run, bank)
    env.backend.delete_scheduled_event(guild.id, _event(env, guild).id)
    await env.advance_time(TICK_SECONDS)
    with caplog.at_level(logging.WARNING, logger="bot.cogs.nights"):
        await host.slash(channel, "quiznight start")
    assert _question_message(channel).embeds[0].title.startswith("Round 1")
    assert any("cannot start its event" in record.getMessage() for record in caplog.records)


async def test_night_whose_announcement_is_refused_is_called_off(run, bank):
    env, guild, channel, host, *_ = await _setup(run, bank)
    env.inject_error("POST", "/interactions/*")
    await host.slash(
        channel, "quiznight create", title="Friday night", start="in 20m", rounds="films x1"
    )
    assert acknowledge(env)  # the host was told something went wrong
    assert discord.EventStatus(_event(env, guild).status) is discord.EventStatus.cancelled
    # Nothing is left planned in the channel: a new night can be created right away.
    again = await host.slash(
        channel, "quiznight create", title="Friday night", start="in 20m", rounds="films x1"
    )
    assert again.response.message.embeds[0].title
