"""Community packs through Discord: upload, report, enable, play a question, remove."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from discord import app_commands

from bot.app import BotOptions, Services, TriviaBot, startup
from bot.game.errors import NoQuestionsError
from bot.game.packs import PackError, PackLimits, PackService
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.moderation import SqlCurationRepository
from bot.storage.sql.nights import SqlNightRepository
from bot.storage.sql.packs import SqlPackChoices
from questions.models import ItemType
from questions.packs import MAX_PACK_BYTES, PackStore
from tests.bot.conftest import TICK_SECONDS, acknowledge, manager_role, only, started
from tests.bot.test_quiz import _question_message, _right_and_wrong
from tests.fakes import shipped_judge

COSMOS = b"""\
AUTHOR: Test crew
DESCRIPTION: Cosmos firsts, for the tests
CONFIG:
  timeout: 20
  max_score: 3
  delay: 5
"Which dog flew on Sputnik 2?\\nOptions: Laika | Belka | Strelka | Zvezdochka":
- Laika
"Which dog flew on Sputnik 2?\\nOptions: Laika | Belka | Strelka | Zvezdochka":
- Belka
Which cosmonauts flew on Soyuz 11?:
- [Dobrovolsky, Volkov, Patsayev]
"""


@pytest.fixture
async def run_with_packs(world, tmp_path: Path):
    """``await run_with_packs(items)`` → a started Env whose bot keeps packs in tmp_path."""
    envs = []

    async def start(items, limits=None):
        engine = db.create_engine(world.database_url)
        world.engines.append(engine)
        sessions = db.session_factory(engine)
        store = PackStore(tmp_path / "packs")
        packs = PackService(store.load_all()[0], store, SqlPackChoices(sessions), limits)
        services = Services(
            SqlRepository(sessions, batch_writes=False),
            items,
            world.clock,
            random.Random(7),
            nights=(SqlNightRepository(sessions), SqlCurationRepository(sessions)),
            packs=packs,
            judge=shipped_judge(),
        )
        options = BotOptions(shard_count=1, tick_seconds=TICK_SECONDS)
        bot = TriviaBot(services, options, startup(lambda: db.upgrade(engine), services))
        env = await started(world, bot)
        envs.append(env)
        return env

    yield start
    for env in envs:
        await env.shutdown()


def _reply(result):
    """The embed or text a deferred or direct reply ended with."""
    return result.followups[-1] if result.followups else result.response


async def test_pack_upload_report_enable_play_and_remove(run_with_packs, bank, tmp_path: Path):
    env = await run_with_packs(only(bank, ItemType.MULTIPLE_CHOICE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"), roles=[manager_role(guild)])
    bob = guild.add_member(env.create_user("bob"))

    refused = await bob.slash(channel, "trivia pack import", file=("cosmos.yaml", COSMOS))
    assert "Manage Server" in refused.response.content
    assert acknowledge(env) == [app_commands.CheckFailure]

    uploaded = await alice.slash(channel, "trivia pack import", file=("cosmos.yaml", COSMOS))
    report = _reply(uploaded)
    assert report.ephemeral
    text = report.embeds[0].description
    assert report.embeds[0].title == "📦 Pack cosmos imported"
    assert "pack cosmos (Red-DiscordBot list): 1 imported, 2 skipped" in text
    assert "description: Cosmos firsts, for the tests" in text
    assert "author: Test crew" in text
    assert "time limit: 20 s per question" in text
    assert "target score: 3" in text
    assert "ignored (no such setting here): delay" in text
    assert "appears twice" in text
    assert "an answer is a list or mapping, not text" in text
    assert (tmp_path / "packs" / f"guild-{guild.id}" / "cosmos.json").is_file()

    listed = await bob.slash(channel, "trivia pack list")
    assert "▫️ **cosmos**, 1 questions, this server's: Cosmos firsts" in (
        listed.response.embeds[0].description
    )
    offered = await alice.autocomplete(channel, "trivia start", "pack", "")
    assert offered == []
    not_yet = await alice.slash(channel, "trivia start", pack="cosmos")
    assert "No pack named 'cosmos' is enabled here" in not_yet.response.content
    assert acknowledge(env) == [PackError]

    denied = await bob.slash(channel, "trivia pack enable", pack="cosmos")
    assert "Manage Server" in denied.response.content
    acknowledge(env)
    enabled = await alice.slash(channel, "trivia pack enable", pack="cosmos")
    assert "**cosmos** is enabled" in enabled.response.content
    offered = await alice.autocomplete(channel, "trivia start", "pack", "cos")
    assert [choice["value"] for choice in offered] == ["cosmos"]

    started_game = await alice.slash(channel, "trivia start", pack="cosmos", questions=1)
    assert "20 seconds" in started_game.response.embeds[0].description
    await env.advance_time(TICK_SECONDS)
    message = _question_message(channel)
    assert "Which dog flew on Sputnik 2?" in message.embeds[0].description
    pack_item = next(
        i for i in (await _pack_items(env, guild.id)) if i.question.startswith("Which dog")
    )
    right, _ = _right_and_wrong(pack_item, message)
    won = await bob.click(message, custom_id=right.custom_id)
    assert "got it" in won.response.content
    reveal = next(m for m in channel.history() if m.id == message.id)
    why = await bob.click(reveal, label="Why?")
    assert why.response.embeds[0].footer.text.startswith("community pack: cosmos (unverified)")

    removed = await alice.slash(channel, "trivia pack remove", pack="cosmos")
    assert "**cosmos** and its 1 questions are removed" in removed.response.content
    assert not (tmp_path / "packs" / f"guild-{guild.id}" / "cosmos.json").exists()
    listed = await bob.slash(channel, "trivia pack list")
    assert "No packs yet" in listed.response.embeds[0].description
    gone = await alice.slash(channel, "trivia start", pack="cosmos")
    assert "No pack named 'cosmos'" in gone.response.content
    acknowledge(env)


async def _pack_items(env, guild_id):
    bot = env.bot
    packs = await bot.services.packs.enabled_packs(guild_id)
    return [item for pack in packs for item in pack.items]


async def test_a_pack_stays_with_the_server_that_imported_it(run_with_packs, bank):
    env = await run_with_packs(only(bank, ItemType.MULTIPLE_CHOICE))
    first, second = env.create_guild("First"), env.create_guild("Second")
    one, two = first.create_text_channel("trivia"), second.create_text_channel("trivia")
    hosts = first.create_role("Hosts")
    alice = first.add_member(env.create_user("alice"), roles=[manager_role(first)])
    dave = first.add_member(env.create_user("dave"), roles=[hosts])
    bob = second.add_member(env.create_user("bob"), roles=[manager_role(second)])

    await alice.slash(one, "trivia settings", host_role=hosts)
    uploaded = await dave.slash(one, "trivia pack import", file=("cosmos.yaml", COSMOS))
    assert "1 imported" in _reply(uploaded).embeds[0].description
    assert (
        "No packs yet" in (await bob.slash(two, "trivia pack list")).response.embeds[0].description
    )
    refused = await bob.slash(two, "trivia pack enable", pack="cosmos")
    assert "There is no pack named 'cosmos' here" in refused.response.content
    refused = await bob.slash(two, "trivia pack remove", pack="cosmos")
    assert "There is no pack named 'cosmos' here" in refused.response.content
    assert acknowledge(env) == [PackError, PackError]
    offered = await dave.autocomplete(one, "trivia pack enable", "pack", "COS")
    assert [choice["value"] for choice in offered] == ["cosmos"]
    assert await bob.autocomplete(two, "trivia pack remove", "pack", "") == []
    enabled = await dave.slash(one, "trivia pack enable", pack="cosmos")
    assert "is enabled" in enabled.response.content
    disabled = await dave.slash(one, "trivia pack disable", pack="cosmos")
    assert "is disabled" in disabled.response.content


async def test_a_bad_upload_is_one_clear_line_and_keeps_nothing(run_with_packs, bank, tmp_path):
    env = await run_with_packs(only(bank, ItemType.MULTIPLE_CHOICE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"), roles=[manager_role(guild)])
    bomb = b"a: &a [x, x]\nb: &b [*a, *a]\n"
    refused = await alice.slash(channel, "trivia pack import", file=("bomb.yaml", bomb))
    assert "aliases (*name) are not allowed" in _reply(refused).content
    wrong = await alice.slash(channel, "trivia pack import", file=("notes.txt", b"hello"))
    assert "upload a .yaml (Red) or .json (Open Trivia DB)" in wrong.response.content
    huge = b"q?: [a]\n" + b"#" * MAX_PACK_BYTES
    too_large = await alice.slash(channel, "trivia pack import", file=("huge.yaml", huge))
    assert "huge.yaml is too large (limit 5,242,880 bytes)" in too_large.response.content
    assert acknowledge(env) == [PackError, PackError, PackError]
    assert not (tmp_path / "packs").exists()


async def test_operator_packs_are_offered_everywhere_but_not_removable(
    run_with_packs, bank, tmp_path: Path
):
    store = PackStore(tmp_path / "packs")
    from questions.packs import parse_pack

    store.save(parse_pack(COSMOS, "cosmos.yaml"))
    env = await run_with_packs(only(bank, ItemType.MULTIPLE_CHOICE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"), roles=[manager_role(guild)])
    listed = await alice.slash(channel, "trivia pack list")
    assert "**cosmos**, 1 questions, comes with the bot" in listed.response.embeds[0].description
    clash = await alice.slash(channel, "trivia pack import", file=("cosmos.yaml", COSMOS))
    assert "already a pack named 'cosmos'" in _reply(clash).content
    kept = await alice.slash(channel, "trivia pack remove", pack="cosmos")
    assert "cannot be removed; disable it instead" in kept.response.content
    assert acknowledge(env) == [PackError, PackError]
    await alice.slash(channel, "trivia pack enable", pack="cosmos")
    await alice.slash(channel, "trivia start", questions=1, category="imported")
    await env.advance_time(TICK_SECONDS)
    assert "Which dog flew on Sputnik 2?" in _question_message(channel).embeds[0].description
    with pytest.raises(NoQuestionsError):
        await env.bot.services.playable(guild.id, "no such category", None)


async def test_an_upload_past_the_servers_pack_limit_is_refused(run_with_packs, bank, tmp_path):
    env = await run_with_packs(only(bank, ItemType.MULTIPLE_CHOICE), PackLimits(1, 1024 * 1024))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"), roles=[manager_role(guild)])
    await alice.slash(channel, "trivia pack import", file=("cosmos.yaml", COSMOS))
    refused = await alice.slash(channel, "trivia pack import", file=("more.yaml", COSMOS))
    assert "already keeps 1 packs, the most it may" in str(_reply(refused).content)
    assert acknowledge(env) == [PackError]
    assert not (tmp_path / "packs" / f"guild-{guild.id}" / "more.json").exists()
