"""/trivia privacy through the real discord.py client and the fake Discord: a member sees
what is stored about them, another member cannot press their delete button, and their
own press deletes everything and takes them off the leaderboard."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.app import BotOptions, Services, TriviaBot, configure_discord, startup
from bot.game.models import ChannelId, GuildId, Mode, PlayerRef, SessionConfig
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.privacy import SqlMemberDataStore
from tests.e2e.fake_discord import FakeDiscord
from tests.fakes import shipped_judge, text_item

SLASH, COMPONENT = 2, 3
MEMBER, OTHER = 700_000_000_000_000_001, 700_000_000_000_000_002


async def until(predicate, within: float = 10.0):
    # The state lives inside discord.py and the bot, which offer no event to wait on.
    async with asyncio.timeout(within):
        while not (found := predicate()):  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        return found


@pytest.fixture
async def privacy_bot(fake_discord: FakeDiscord, tmp_path: Path):
    guild = fake_discord.add_guild()
    engine = db.create_engine(f"sqlite+aiosqlite:///{tmp_path / 'trivia.sqlite3'}")
    sessions = db.session_factory(engine)
    services = Services(
        SqlRepository(sessions),
        (text_item(),),
        lambda: datetime.now(UTC),
        random.Random(3),
        privacy=SqlMemberDataStore(sessions),
        judge=shipped_judge(),
    )
    bot = TriviaBot(
        services, BotOptions(shard_count=1), startup(lambda: db.upgrade(engine), services)
    )
    configure_discord(fake_discord.url, fake_discord.gateway_url)
    task = asyncio.create_task(bot.start(fake_discord.token))
    try:
        await until(bot.is_ready)
        yield bot, guild
    finally:
        await bot.close()
        await task
        configure_discord(None, None)
        await engine.dispose()


def _privacy() -> dict[str, Any]:
    return {"id": "1", "name": "trivia", "type": 1, "options": [{"name": "privacy", "type": 1}]}


def _callbacks(fake: FakeDiscord, payload: dict[str, Any]) -> list[Any]:
    return [c for c in fake.calls if c.path.startswith(f"/interactions/{payload['id']}/")]


async def _ask(fake: FakeDiscord, guild, user: int, kind: int, data, **extra):
    payload = fake.interaction(guild, user, kind, data, **extra)
    await fake.dispatch(guild, "INTERACTION_CREATE", payload)
    return (await until(lambda: _callbacks(fake, payload)))[0].body


async def test_a_member_sees_and_deletes_their_data(fake_discord, privacy_bot):
    bot, guild = privacy_bot
    game = bot.services.game
    member = PlayerRef("discord", str(MEMBER), "Valentina")
    here = ChannelId(guild.channel_id)
    await game.start(GuildId(guild.id), here, SessionConfig(Mode.RACE, question_limit=1))
    asked = await game.ask(here)
    await game.answer(here, member, asked.item.answers[0])
    await game.close(here)
    await game.finish(here)
    board = await bot.services.records.leaderboard(GuildId(guild.id))
    assert [s.name for s in board] == ["Valentina"]

    shown = await _ask(fake_discord, guild, MEMBER, SLASH, _privacy())
    assert shown["data"]["flags"] & 64  # only the member sees it
    text = shown["data"]["embeds"][0]["description"]
    assert "Valentina" in text
    assert "Answers typed or chosen: **1**" in text
    button = shown["data"]["components"][0]["components"][0]
    assert button["custom_id"] == f"trivia:privacy:forget:{MEMBER}"
    press = {"custom_id": button["custom_id"], "component_type": 2}
    message = {
        "id": str(fake_discord.snowflake()),
        "channel_id": str(guild.channel_id),
        "content": "",
        "embeds": shown["data"]["embeds"],
        "components": shown["data"]["components"],
        "flags": 64,
        "author": {"id": "1", "username": "bot", "discriminator": "0", "avatar": None},
        "attachments": [],
        "mentions": [],
        "mention_roles": [],
        "pinned": False,
        "mention_everyone": False,
        "tts": False,
        "timestamp": "2026-12-01T20:00:00+00:00",
        "edited_timestamp": None,
        "type": 0,
    }

    refused = await _ask(fake_discord, guild, OTHER, COMPONENT, press, message=message)
    assert "someone else's data" in str(refused["data"])
    assert (await bot.services.privacy.member_data(member)).answers == 1

    deleted = await _ask(fake_discord, guild, MEMBER, COMPONENT, press, message=message)
    assert deleted["type"] == 7  # the message with the button becomes the confirmation
    assert deleted["data"]["embeds"][0]["title"] == "Your data is deleted"
    assert deleted["data"]["components"] == []
    assert (await bot.services.privacy.member_data(member)).is_empty
    assert await bot.services.records.leaderboard(GuildId(guild.id)) == []

    again = await _ask(fake_discord, guild, MEMBER, SLASH, _privacy())
    assert "Nothing" in again["data"]["embeds"][0]["description"]


def _message_with(fake: FakeDiscord, guild, shown: dict[str, Any]) -> dict[str, Any]:
    """The ephemeral message /trivia privacy sent, as Discord hands it back with a press."""
    return {
        "id": str(fake.snowflake()),
        "channel_id": str(guild.channel_id),
        "content": "",
        "embeds": shown["data"]["embeds"],
        "components": shown["data"]["components"],
        "flags": 64,
        "author": {"id": "1", "username": "bot", "discriminator": "0", "avatar": None},
        "attachments": [],
        "mentions": [],
        "mention_roles": [],
        "pinned": False,
        "mention_everyone": False,
        "tts": False,
        "timestamp": "2026-12-01T20:00:00+00:00",
        "edited_timestamp": None,
        "type": 0,
    }


async def test_delete_is_refused_while_the_member_plays_a_running_game(fake_discord, privacy_bot):
    bot, guild = privacy_bot
    game = bot.services.game
    member = PlayerRef("discord", str(MEMBER), "Valentina")
    here = ChannelId(guild.channel_id)
    await game.start(GuildId(guild.id), here, SessionConfig(Mode.QUIZ, question_limit=2))
    await game.ask(here)
    await game.answer(here, member, "Gagarin")

    shown = await _ask(fake_discord, guild, MEMBER, SLASH, _privacy())
    assert "Not while you play" in shown["data"]["embeds"][0]["footer"]["text"]
    button = shown["data"]["components"][0]["components"][0]
    press = {"custom_id": button["custom_id"], "component_type": 2}
    message = _message_with(fake_discord, guild, shown)
    refused = await _ask(fake_discord, guild, MEMBER, COMPONENT, press, message=message)
    assert "still running" in str(refused["data"])
    assert (await bot.services.privacy.member_data(member)).answers == 1

    await game.close(here)
    await game.finish(here)
    deleted = await _ask(fake_discord, guild, MEMBER, COMPONENT, press, message=message)
    assert deleted["data"]["embeds"][0]["title"] == "Your data is deleted"
    assert (await bot.services.privacy.member_data(member)).is_empty
