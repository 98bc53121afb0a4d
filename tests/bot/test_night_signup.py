"""Sign-ups through Discord: the team form, the event's Interested members and the reminder."""

from __future__ import annotations

import pytest
import simcord

from tests.bot.conftest import TICK_SECONDS
from tests.bot.test_quiznight import TEAM_TEXT, _join, _setup


def _text_input(modal):
    """The form's text input in a modal payload, wherever the layout nests it."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("custom_id") == TEAM_TEXT:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(modal)
    (field,) = found
    return field


async def _planned(run, bank, teams, start="in 20m"):
    env, guild, channel, host, reds, blues = await _setup(run, bank)
    created = await host.slash(
        channel,
        "quiznight create",
        title="Friday night",
        start=start,
        rounds="films x1",
        teams=teams,
    )
    (event,) = env.backend.get_guild(guild.id).scheduled_events.values()
    return env, channel, host, reds, blues, created.response.message, event


async def test_team_form_takes_at_most_forty_characters_and_shows_the_current_team(run, bank):
    _env, _channel, _, reds, _, announcement, _ = await _planned(run, bank, True)
    shown = await reds[0].click(announcement, label="Join")
    assert _text_input(shown.modal)["max_length"] == 40
    with pytest.raises(simcord.SetupError, match="max_length=40"):
        await reds[0].submit_modal(shown, {TEAM_TEXT: "R" * 41})
    await _join(reds[0], announcement, "Red Rockets of the Dream Come True 1963")
    again = await reds[0].click(announcement, label="Join")
    assert _text_input(again.modal)["value"] == "Red Rockets of the Dream Come True 1963"


def _reminder(channel):
    return next(m for m in channel.history() if m.content.startswith("⏰"))


async def test_reminder_mentions_the_members_signed_up_and_the_events_interested_ones(run, bank):
    env, channel, host, reds, blues, announcement, event = await _planned(run, bank, False)
    # One round of one question, in the right number everywhere.
    assert announcement.embeds[0].fields[0].value == "1. films: 1 question"
    assert event.description == "Quiz night: 1 round, 1 question."
    joined = await reds[0].click(announcement, label="Join")
    assert "signed up" in joined.response.content
    await blues[0].subscribe_event(event.id)
    await env.advance_time(6 * 60)

    reminder = _reminder(channel)
    assert "2 signed up" in reminder.content
    assert {user.id for user in reminder.mentions} == {reds[0].id, blues[0].id}
    for bystander in (host, reds[1], blues[1]):
        assert f"<@{bystander.id}>" not in reminder.content
    # The interested member plays: the question takes their answer once the night starts.
    await host.slash(channel, "quiznight start")
    state = (await env.bot.services.nights.recent(channel.guild.id))[0]
    assert {p.player.external_id for p in state.participants} == {
        str(reds[0].id),
        str(blues[0].id),
    }


async def test_team_night_reminder_counts_interested_members_without_mentioning_them(run, bank):
    env, channel, _, reds, blues, announcement, event = await _planned(run, bank, True)
    await _join(reds[0], announcement, "Red Rockets")
    await blues[0].subscribe_event(event.id)
    await env.advance_time(6 * 60)

    reminder = _reminder(channel)
    assert "1 signed up" in reminder.content
    assert "1 member marked the event Interested but has not joined yet" in reminder.content
    assert {user.id for user in reminder.mentions} == {reds[0].id}


async def test_a_night_planned_days_ahead_stops_the_clock_and_still_reminds_on_time(run, bank):
    env, channel, _, reds, _, announcement, _ = await _planned(run, bank, False, "in 50h")
    await reds[0].click(announcement, label="Join")
    assert not env.bot.ticker.running  # nothing to time for two days: the clock rests
    until_reminder = (50 * 60 - 15) * 60
    await env.advance_time(until_reminder - 60)
    assert not env.bot.ticker.running
    assert not any(m.content.startswith("⏰") for m in channel.history())
    # The reminder falls due: the clock wakes and the next tick posts it.
    await env.advance_time(60 + 2 * TICK_SECONDS)
    assert "1 signed up" in _reminder(channel).content
    await env.advance_time(2 * TICK_SECONDS)
    assert not env.bot.ticker.running
