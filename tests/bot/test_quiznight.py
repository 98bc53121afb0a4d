"""A whole quiz night in Discord: create, join, three rounds, a restart, tie-breaker, podium."""

from __future__ import annotations

import io

import discord
from PIL import Image

from bot.night.errors import NightPermissionError, NightPlanError, NightStateError
from bot.views.night_embeds import PODIUM_FILE
from questions.models import ItemType, Relation
from questions.references import load_default_catalogue
from tests.bot.conftest import TICK_SECONDS, acknowledge
from tests.bot.test_quiz import _item_asked

TEAM_TEXT = "trivia:night-text"
ROUNDS = "films x2, plot x2, years x2"


def _playable(bank):
    return tuple(i for i in bank if i.type in (ItemType.MULTIPLE_CHOICE, ItemType.TRUE_FALSE))


def _release_year() -> int:
    (fact,) = load_default_catalogue().facts_about("mechte-navstrechu", Relation.RELEASE_YEAR)
    assert isinstance(fact.value, int)
    return fact.value


def _buttons(message):
    return [child for row in message.components for child in row.children]


def _question_message(channel):
    return next(
        m
        for m in reversed(channel.history())
        if m.embeds
        and m.embeds[0].title
        and m.embeds[0].title.startswith("Round")
        and "question" in m.embeds[0].title
        and "answer" not in m.embeds[0].title
    )


def _right_button(bank, message):
    item = _item_asked(bank, message)
    for button in _buttons(message):
        label = button.label.split(" ", 1)[-1] if item.choices else button.label
        if label == item.answers[0]:
            return button
    raise AssertionError(f"no right button for {item.id}")


async def _everyone_right(members, message, bank):
    button = _right_button(bank, message)
    for member in members:
        result = await member.click(message, custom_id=button.custom_id)
        assert result.ephemeral
        assert "answer is in" in result.response.content


async def _join(member, announcement, team):
    shown = await member.click(announcement, label="Join")
    assert shown.modal is not None
    joined = await member.submit_modal(shown, {TEAM_TEXT: team})
    assert joined.ephemeral
    assert team in joined.response.content


async def _setup(run, bank):
    env = await run(_playable(bank))
    guild = env.create_guild()
    channel = guild.create_text_channel("quiz-night")
    host = guild.add_member(env.create_user("host"))
    reds = [guild.add_member(env.create_user(n)) for n in ("valentina", "yuri")]
    blues = [guild.add_member(env.create_user(n)) for n in ("alexei", "pavel")]
    return env, guild, channel, host, reds, blues


async def test_whole_night_three_rounds_two_teams_restart_tie_break_to_podium(run, world, bank):
    env, guild, channel, host, reds, blues = await _setup(run, bank)
    stranger = guild.add_member(env.create_user("stranger"))
    created = await host.slash(
        channel, "quiznight create", title="Friday night", start="in 20m", rounds=ROUNDS
    )
    announcement = created.response.message
    assert "Tie-breaker" in announcement.embeds[0].fields[-1].name
    assert str(_release_year()) not in announcement.embeds[0].fields[-1].value
    # The default tie-breaker is plain text: no escaped markup shown as literal asterisks.
    assert "*" not in announcement.embeds[0].fields[-1].value
    assert "“" in announcement.embeds[0].fields[-1].value
    (join,) = _buttons(announcement)
    assert join.custom_id.startswith("trivia:join:")
    events = env.backend.get_guild(guild.id).scheduled_events
    assert [event.name for event in events.values()] == ["Friday night"]
    for member in reds:
        await _join(member, announcement, "Red Rockets")
    for member in blues:
        await _join(member, announcement, "Cosmonauts")

    await env.advance_time(6 * 60)
    assert any("starts" in m.content and "4 signed up" in m.content for m in channel.history())

    refused = await stranger.slash(channel, "quiznight start")
    assert refused.ephemeral
    assert acknowledge(env) == [NightPermissionError]
    await host.slash(channel, "quiznight start")
    players = [*reds, *blues]
    first = _question_message(channel)

    # Restart in the middle of the first question: the night comes back paused, the old
    # question message's buttons work again once the host resumes.
    await env.bot.close()
    await env.restart_bot(world.bot(_playable(bank)))
    await env.advance_time(TICK_SECONDS)
    texts = [m.content for m in channel.history()]
    assert any("restarting" in t for t in texts)
    assert any("bot is back" in t for t in texts)
    late = await reds[0].click(first, custom_id=_right_button(bank, first).custom_id)
    assert late.ephemeral
    assert "The night is paused" in late.response.content
    await host.slash(channel, "quiznight resume")
    await _everyone_right(players, first, bank)

    for number in range(6):
        if number:
            await _everyone_right(players, _question_message(channel), bank)
        await host.slash(channel, "quiznight next")
        if number in (1, 3):
            standings = channel.last_message.embeds[0]
            assert standings.title.startswith(f"📊 Standings after round {number // 2 + 1}")
            await host.slash(channel, "quiznight next")

    tie_break = channel.last_message
    assert tie_break.embeds[0].title.startswith("⚖️ Tie-breaker")
    for member, number in ((reds[0], _release_year()), (blues[1], _release_year() + 7)):
        shown = await member.click(tie_break, label="Our number")
        guessed = await member.submit_modal(shown, {TEAM_TEXT: str(number)})
        assert "number is in" in guessed.response.content
    await host.slash(channel, "quiznight next")

    # The tie-breaker message is settled: its button gone, the right number and both sides'.
    settled = next(m for m in channel.history() if m.id == tie_break.id)
    assert _buttons(settled) == []
    year = _release_year()
    assert f"The right number: **{year}**" in settled.embeds[0].description
    numbers = settled.embeds[0].fields[0].value
    assert f"Red Rockets: {year} (0 off)" in numbers
    assert f"Cosmonauts: {year + 7} (7 off)" in numbers

    final = channel.last_message
    recap = final.embeds[0]
    shown = next(f for f in recap.fields if f.name.startswith("Tie-breaker"))
    assert shown.name == f"Tie-breaker: the right number was {year}"
    assert shown.value == numbers
    assert recap.title == "🏁 Friday night: the results"
    lines = recap.description.splitlines()
    assert "Red Rockets" in lines[0]
    assert "Cosmonauts" in lines[1]
    assert [field.name.split(":")[0] for field in recap.fields[:3]] == [
        "Round 1",
        "Round 2",
        "Round 3",
    ]
    (picture,) = final.attachments
    assert picture.filename == PODIUM_FILE
    data = env.backend.cdn.get(picture.url)
    assert data is not None
    assert picture.size == len(data) > 0
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    image.verify()
    assert image.format == "PNG"
    assert image.size[0] == 960

    season = await host.slash(channel, "quiznight season")
    rows = season.response.embeds[0].description.splitlines()
    assert all(
        any(name in row for row in rows) for name in ("valentina", "yuri", "alexei", "pavel")
    )
    # The night is won by the team that won the tie-breaker, for each of its members.
    for name, wins in (("valentina", "1 win"), ("yuri", "1 win"), ("alexei", "0 wins")):
        (row,) = [row for row in rows if name in row]
        assert row.endswith(f"1 night, {wins}"), row


async def test_non_host_cannot_control_and_other_guild_never_sees_the_night(run, bank):
    env, _, channel, host, reds, _ = await _setup(run, bank)
    await host.slash(channel, "quiznight create", title="Night", start="in 1h", rounds="films x1")
    for command in ("quiznight start", "quiznight end", "quiznight pause"):
        refused = await reds[0].slash(channel, command)
        assert refused.ephemeral
    assert acknowledge(env) == [NightPermissionError] * 3

    elsewhere = env.create_guild()
    other_channel = elsewhere.create_text_channel("quiz-night")
    outsider = elsewhere.add_member(env.create_user("outsider"))
    for command in ("quiznight next", "quiznight end"):
        refused = await outsider.slash(other_channel, command)
        assert "no quiz night here" in refused.response.content
    assert acknowledge(env) == [NightStateError, NightStateError]


async def test_create_refuses_bad_rounds_and_missing_event_permission(run, bank):
    env, guild, channel, host, _, _ = await _setup(run, bank)
    bad = await host.slash(
        channel, "quiznight create", title="Night", start="in 1h", rounds="films 5"
    )
    assert bad.ephemeral
    assert "should read like `films x5`" in bad.response.content
    assert acknowledge(env) == [NightPlanError]
    state = env.backend.get_guild(guild.id)
    bot_role = next(role for role in state.roles.values() if role.managed)
    permissions = discord.Permissions(bot_role.permissions)
    permissions.manage_events = False
    env.backend.edit_role(guild.id, bot_role.id, {"permissions": permissions.value})
    refused = await host.slash(
        channel, "quiznight create", title="Night", start="in 1h", rounds="films x1"
    )
    assert refused.ephemeral
    assert "Manage Events" in refused.response.content
    assert acknowledge(env) == [NightPlanError]
    assert state.scheduled_events == {}
