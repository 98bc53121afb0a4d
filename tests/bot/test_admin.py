"""Server settings and scores: permissions, and one guild never touching another."""

from __future__ import annotations

from discord import app_commands

from questions.models import ItemType
from tests.bot.conftest import TICK_SECONDS, acknowledge, manager_role, only
from tests.bot.test_quiz import _asked, _right_and_wrong, _start


def _field(embed, name):
    return next(field.value for field in embed.fields if field.name == name)


async def test_settings_refused_without_manage_server(run, bank):
    env = await run(bank)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    bob = guild.add_member(env.create_user("bob"))
    refused = await bob.slash(channel, "trivia settings", timer=45)
    assert refused.ephemeral
    assert "Manage Server" in refused.response.content
    assert acknowledge(env) == [app_commands.CheckFailure]


async def test_settings_changed_by_manager_apply_to_host_role_and_new_games(run, bank):
    env = await run(bank)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    carol = guild.add_member(env.create_user("carol"), roles=[manager_role(guild)])
    hosts = guild.create_role("Hosts")
    dave = guild.add_member(env.create_user("dave"), roles=[hosts])

    changed = await carol.slash(channel, "trivia settings", timer=45, host_role=hosts)
    assert changed.ephemeral
    assert _field(changed.response.embeds[0], "Timer") == "45 s"
    by_role = await dave.slash(channel, "trivia settings", guess_limit=2)
    assert _field(by_role.response.embeds[0], "Guess limit") == "2"

    started = await _start(dave, channel)
    assert "45 seconds" in started.response.embeds[0].description


async def test_settings_allowed_channels_block_other_channels(run, bank):
    env = await run(bank)
    guild = env.create_guild()
    quiz = guild.create_text_channel("quiz")
    chat = guild.create_text_channel("chat")
    carol = guild.add_member(env.create_user("carol"), roles=[manager_role(guild)])
    await carol.slash(quiz, "trivia settings", allow_channel=quiz)
    refused = await carol.slash(chat, "trivia start")
    assert refused.ephemeral
    assert "not enabled in this channel" in refused.response.content
    acknowledge(env)


async def test_guilds_keep_their_own_settings_and_scores(run, bank):
    env = await run(only(bank, ItemType.MULTIPLE_CHOICE))
    first, second = env.create_guild("First"), env.create_guild("Second")
    one, two = first.create_text_channel("trivia"), second.create_text_channel("trivia")
    alice = first.add_member(env.create_user("alice"), roles=[manager_role(first)])
    bob = second.add_member(env.create_user("bob"), roles=[manager_role(second)])

    await alice.slash(one, "trivia settings", timer=60)
    shown = await bob.slash(two, "trivia settings")
    assert _field(shown.response.embeds[0], "Timer") == "30 s"

    await _start(alice, one, questions=1)
    await _start(bob, two, questions=1)
    message, item = await _asked(env, one, bank)
    right, _ = _right_and_wrong(item, message)
    await alice.click(message, custom_id=right.custom_id)

    here = await alice.slash(one, "trivia leaderboard")
    there = await bob.slash(two, "trivia leaderboard")
    everywhere = await bob.slash(two, "trivia leaderboard", scope="global")
    assert "alice" in here.response.embeds[0].description
    assert "alice" not in (there.response.embeds[0].description or "")
    assert "alice" in everywhere.response.embeds[0].description
    await env.advance_time(TICK_SECONDS)


async def test_stats_show_a_players_record(run, bank):
    env = await run(only(bank, ItemType.MULTIPLE_CHOICE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    bob = guild.add_member(env.create_user("bob"))
    await _start(alice, channel, questions=1)
    message, item = await _asked(env, channel, bank)
    right, _ = _right_and_wrong(item, message)
    await alice.click(message, custom_id=right.custom_id)

    mine = await alice.slash(channel, "trivia stats")
    assert _field(mine.response.embeds[0], "Correct").startswith("1/1")
    theirs = await alice.slash(channel, "trivia stats", member=bob)
    assert "No answers yet" in theirs.response.embeds[0].description


async def test_category_autocomplete_offers_bank_categories(run, bank):
    env = await run(bank)
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    offered = await alice.autocomplete(channel, "trivia start", "category", "")
    assert sorted(choice["value"] for choice in offered) == sorted({i.category for i in bank})
    some = sorted({i.category for i in bank})[0]
    narrowed = await alice.autocomplete(channel, "trivia start", "category", some[:3].upper())
    assert some in [choice["value"] for choice in narrowed]
    packs = await alice.autocomplete(channel, "trivia start", "pack", "")
    assert packs == []  # only packs this server enabled (see tests/bot/test_packs.py)
