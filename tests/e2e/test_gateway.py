"""The real discord.py client against the fake Discord: login, READY, and a whole game."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path
from typing import Any

import pytest

from bot.app import BotOptions, Services, TriviaBot, configure_discord, startup
from bot.cli import build_bank
from bot.storage import db
from bot.storage.sql import SqlRepository
from questions.models import ItemType
from tests.conftest import SEEDS
from tests.e2e.fake_discord import FakeDiscord
from tests.fakes import shipped_judge

TICK = 0.05
SLASH, COMPONENT, MODAL = 2, 3, 5


async def until(predicate, within: float = 10.0):
    """Poll (the bot runs in this loop) until ``predicate()`` is truthy."""
    # The state lives inside discord.py and the bot, which offer no event to wait on.
    async with asyncio.timeout(within):
        while not (found := predicate()):  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        return found


@pytest.fixture
async def live_bot(fake_discord: FakeDiscord, tmp_path: Path):
    guild = fake_discord.add_guild()
    items = tuple(i for i in build_bank(SEEDS).build.items if i.type is ItemType.OPEN)
    engine = db.create_engine(f"sqlite+aiosqlite:///{tmp_path / 'trivia.sqlite3'}")
    services = Services(
        SqlRepository(db.session_factory(engine)),
        items,
        _utc_now,
        random.Random(3),
        judge=shipped_judge(),
    )
    options = BotOptions(message_content=True, shard_count=1, tick_seconds=TICK)
    bot = TriviaBot(services, options, startup(lambda: db.upgrade(engine), services))
    configure_discord(fake_discord.url, fake_discord.gateway_url)
    task = asyncio.create_task(bot.start(fake_discord.token))
    try:
        await until(bot.is_ready)
        yield bot, guild, items
    finally:
        await bot.close()
        await task
        configure_discord(None, None)
        await engine.dispose()


def _utc_now():
    from datetime import UTC, datetime

    return datetime.now(UTC)


def _slash(sub: str, **options) -> dict[str, Any]:
    kinds = {str: 3, int: 4}
    values = [{"name": k, "type": kinds[type(v)], "value": v} for k, v in options.items()]
    return {
        "id": "1",
        "name": "trivia",
        "type": 1,
        "options": [{"name": sub, "type": 1, "options": values}],
    }


def _callbacks(fake: FakeDiscord, payload: dict[str, Any]) -> list[Any]:
    return [c for c in fake.calls if c.path.startswith(f"/interactions/{payload['id']}/")]


def _posted_question(fake: FakeDiscord, after: int):
    for call in fake.calls[after:]:
        if (
            call.method == "POST"
            and call.path.endswith("/messages")
            and call.body.get("components")
        ):
            return next(m for m in fake.messages.values() if m["embeds"] == call.body["embeds"])
    return None


def _item(items, message):
    text = message["embeds"][0]["description"].replace("\\", "")
    return next(item for item in items if item.question in text)


def _filled(components: list[Any], value: str) -> list[Any]:
    """The modal's components as the client submits them: each text input with a value."""
    filled = []
    for component in components:
        if component["type"] == 4:
            filled.append({"type": 4, "custom_id": component["custom_id"], "value": value})
        elif "components" in component:
            filled.append({**component, "components": _filled(component["components"], value)})
        elif "component" in component:
            filled.append({**component, "component": _filled([component["component"]], value)[0]})
    return filled


async def test_login_identifies_and_receives_ready(fake_discord, live_bot):
    bot, guild, _ = live_bot
    assert [c.path for c in fake_discord.calls[:1]] == ["/users/@me"]
    assert bot.get_guild(guild.id) is not None
    assert sorted(bot.shards) == [0]


async def test_slash_button_modal_and_chat_answers_reach_discord(fake_discord, live_bot):
    bot, guild, items = live_bot
    player = 700_000_000_000_000_001

    start = fake_discord.interaction(guild, player, SLASH, _slash("start", questions=1))
    mark = len(fake_discord.calls)
    await fake_discord.dispatch(guild, "INTERACTION_CREATE", start)
    started = await fake_discord.wait_call("POST", f"/interactions/{start['id']}/")
    assert started.body["type"] == 4
    assert "Race" in started.body["data"]["embeds"][0]["description"]

    question = await until(lambda: _posted_question(fake_discord, mark))
    item = _item(items, question)
    write = question["components"][0]["components"][0]["custom_id"]
    click = fake_discord.interaction(
        guild, player, COMPONENT, {"custom_id": write, "component_type": 2}, message=question
    )
    await fake_discord.dispatch(guild, "INTERACTION_CREATE", click)
    opened = await until(lambda: _callbacks(fake_discord, click))
    assert opened[0].body["type"] == 9
    form = opened[0].body["data"]

    submit = fake_discord.interaction(
        guild,
        player,
        MODAL,
        {
            "custom_id": form["custom_id"],
            "components": _filled(form["components"], item.answers[0]),
        },
    )
    await fake_discord.dispatch(guild, "INTERACTION_CREATE", submit)
    answered = await until(lambda: _callbacks(fake_discord, submit))
    assert "got it" in answered[0].body["data"]["content"]
    assert answered[0].body["data"]["allowed_mentions"] == {"parse": []}

    reveal = await until(lambda: _reveal(fake_discord, question))
    why = reveal["components"][0]["components"][0]["custom_id"]
    ask_why = fake_discord.interaction(
        guild, player, COMPONENT, {"custom_id": why, "component_type": 2}, message=reveal
    )
    await fake_discord.dispatch(guild, "INTERACTION_CREATE", ask_why)
    explained = await until(lambda: _callbacks(fake_discord, ask_why))
    assert explained[0].body["data"]["flags"] & 64
    assert item.sources[0].document in explained[0].body["data"]["embeds"][0]["fields"][0]["name"]

    await until(lambda: any("Game over" in str(c.body) for c in fake_discord.calls))
    again = fake_discord.interaction(guild, player, SLASH, _slash("start", questions=1))
    mark = len(fake_discord.calls)
    await fake_discord.dispatch(guild, "INTERACTION_CREATE", again)
    second = await until(lambda: _posted_question(fake_discord, mark))
    typed = fake_discord.chat_message(guild, player, _item(items, second).answers[0])
    await fake_discord.dispatch(guild, "MESSAGE_CREATE", typed)
    won = await until(
        lambda: [
            c for c in fake_discord.calls[mark:] if "got it" in str((c.body or {}).get("content"))
        ]
    )
    assert won[0].path == f"/channels/{guild.channel_id}/messages"
    assert won[0].body["allowed_mentions"] == {"parse": []}
    await until(lambda: not bot.get_cog("QuizCog").table.get(guild.channel_id))


def _reveal(fake: FakeDiscord, question: dict[str, Any]):
    stored = fake.messages[int(question["id"])]
    labels = [c.get("label") for row in stored["components"] for c in row["components"]]
    return stored if labels == ["Why?", "Report"] else None
