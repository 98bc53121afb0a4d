"""Every extension loads offline into a bot built with fakes, and command names are unique."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime

import pytest
from discord import app_commands

from bot.app import EXTENSIONS, BotOptions, Services, TriviaBot
from bot.storage.memory import InMemoryRepository, as_repository
from tests.fakes import shipped_judge


def _bot() -> TriviaBot:
    services = Services(
        as_repository(InMemoryRepository()),
        (),
        lambda: datetime(2026, 1, 1, tzinfo=UTC),
        random.Random(0),
        judge=shipped_judge(),
    )
    return TriviaBot(services, BotOptions(shard_count=1))


@pytest.mark.parametrize("extension", EXTENSIONS)
async def test_extension_loads_and_unloads_offline(extension):
    bot = _bot()
    for needed in EXTENSIONS[: EXTENSIONS.index(extension)]:
        await bot.load_extension(needed)
    before = set(_names(bot))
    await bot.load_extension(extension)
    assert set(_names(bot)) > before
    await bot.unload_extension(extension)
    assert set(_names(bot)) == before
    await _unload_all(bot)


async def test_extensions_register_unique_command_names():
    bot = _bot()
    for extension in EXTENSIONS:
        await bot.load_extension(extension)
    names = _names(bot)
    assert [name for name, count in Counter(names).items() if count > 1] == []
    assert {"trivia start", "trivia stop", "trivia skip", "trivia hint", "answer"} <= set(names)
    assert {"trivia leaderboard", "trivia stats", "trivia settings"} <= set(names)
    assert bot.desks.answers is not None
    await _unload_all(bot)


async def test_every_command_and_option_has_a_description():
    bot = _bot()
    for extension in EXTENSIONS:
        await bot.load_extension(extension)
    for command in bot.tree.walk_commands():
        assert command.description not in ("", "…"), command.qualified_name
        if isinstance(command, app_commands.Command):
            for parameter in command.parameters:
                assert parameter.description != "…", f"{command.qualified_name} {parameter.name}"
    await _unload_all(bot)


def _names(bot: TriviaBot) -> list[str]:
    return [command.qualified_name for command in bot.tree.walk_commands()]


async def _unload_all(bot: TriviaBot) -> None:
    # close() would need a started client; unloading runs every cog's cleanup.
    for extension in reversed(list(bot.extensions)):
        await bot.unload_extension(extension)
