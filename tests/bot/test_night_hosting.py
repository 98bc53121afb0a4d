"""Hosting a night in Discord: co-hosts taking over, jokers, withdrawals and a race night."""

from __future__ import annotations

import pytest

from bot.night.errors import NightPermissionError
from tests.bot.conftest import acknowledge
from tests.bot.test_quiznight import _join, _question_message, _right_button, _setup


async def _planned(run, bank, **options):
    env, _guild, channel, host, reds, blues = await _setup(run, bank)
    created = await host.slash(
        channel, "quiznight create", title="Friday night", start="in 20m", **options
    )
    return env, channel, host, reds, blues, created.response.message


async def test_cohost_takes_over_and_the_creator_must_take_it_back(run, bank):
    env, channel, host, reds, blues, announcement = await _planned(run, bank, rounds="films x1")
    await _join(reds[0], announcement, "Red Rockets")
    named = await host.slash(channel, "quiznight cohost", member=blues[1])
    assert named.ephemeral
    assert "co-host" in channel.last_message.content
    taken = await blues[1].slash(channel, "quiznight takeover")
    assert taken.ephemeral
    assert "is hosting now" in channel.last_message.content
    refused = await host.slash(channel, "quiznight start")
    assert refused.ephemeral
    assert acknowledge(env) == [NightPermissionError]
    await blues[1].slash(channel, "quiznight start")
    assert _question_message(channel).embeds[0].title.startswith("Round 1")


async def test_joker_is_announced_and_a_member_can_withdraw_before_the_start(run, bank):
    env, channel, host, reds, blues, announcement = await _planned(
        run, bank, rounds="films x1, plot x1", joker=True
    )
    await _join(reds[0], announcement, "Red Rockets")
    await _join(blues[0], announcement, "Cosmonauts")
    await _join(blues[1], announcement, "Cosmonauts")
    played = await reds[0].slash(channel, "quiznight joker", round=2)
    assert played.ephemeral
    assert "Red Rockets plays the joker on round 2" in channel.last_message.content
    left = await blues[1].slash(channel, "quiznight leave")
    assert "no longer signed up" in left.response.content
    await host.slash(channel, "quiznight start")
    (state,) = await env.bot.services.nights.recent(channel.guild.id)
    assert [p.player.name for p in state.participants] == ["valentina", "alexei"]


async def test_race_night_announces_the_winner_and_tells_the_others_it_is_taken(run, bank):
    _, channel, host, reds, blues, announcement = await _planned(
        run, bank, rounds="films x1", mode="race", teams=False
    )
    for member in (reds[0], blues[0]):
        await member.click(announcement, label="Join")
    await host.slash(channel, "quiznight start")
    question = _question_message(channel)
    right = _right_button(bank, question)
    won = await reds[0].click(question, custom_id=right.custom_id)
    assert "Right!" in won.response.content
    assert "got it" in channel.last_message.content
    late = await blues[0].click(question, custom_id=right.custom_id)
    assert "already answered this one" in late.response.content


@pytest.mark.parametrize("on", [True, False])
async def test_the_game_rules_a_host_switches_on_are_the_nights(run, bank, on):
    env, channel, *_ = await _planned(
        run, bank, rounds="films x1", hints=on, streaks=on, reading_time=on
    )
    (state,) = await env.bot.services.nights.recent(channel.guild.id)
    assert (state.night.hints, state.night.streaks, state.night.reading_time) == (on, on, on)
