"""A TriviaBot on simcord's virtual Discord, with a SQLite database and a pipeline-built bank."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import discord
import pytest
import simcord

from bot.app import BotOptions, Services, TriviaBot, startup
from bot.cli import build_bank
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.moderation import SqlCurationRepository
from bot.storage.sql.nights import SqlNightRepository
from bot.web.links import WebAccess
from questions.models import ItemType, TriviaItem
from tests.conftest import SEEDS
from tests.fakes import shipped_judge

START = datetime(2026, 1, 1, 20, 0, tzinfo=UTC)


class VirtualClock:
    """The engine's clock: simcord's virtual time once the environment runs."""

    def __init__(self) -> None:
        self.env: simcord.Env | None = None

    def __call__(self) -> datetime:
        return self.env.now() if self.env is not None else START


@pytest.fixture(scope="session")
def bank() -> tuple[TriviaItem, ...]:
    return build_bank(SEEDS).build.items


def only(items: Sequence[TriviaItem], kind: ItemType) -> tuple[TriviaItem, ...]:
    return tuple(item for item in items if item.type is kind)


class World:
    """Builds bots that share one database, as a restart or a second process would."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.engines: list[object] = []
        self.clock = VirtualClock()

    def bot(
        self,
        items: Sequence[TriviaItem],
        message_content: bool = False,
        web: WebAccess | None = None,
    ) -> TriviaBot:
        engine = db.create_engine(self.database_url)
        self.engines.append(engine)
        sessions = db.session_factory(engine)
        nights = (SqlNightRepository(sessions), SqlCurationRepository(sessions))
        services = Services(
            SqlRepository(sessions, batch_writes=False),
            items,
            self.clock,
            random.Random(7),
            nights=nights,
            judge=shipped_judge(),
            web=web,
        )
        options = BotOptions(
            message_content=message_content, shard_count=1, tick_seconds=TICK_SECONDS
        )
        return TriviaBot(services, options, startup(lambda: db.upgrade(engine), services))


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    world = World(f"sqlite+aiosqlite:///{tmp_path / 'trivia.sqlite3'}")
    yield world
    for engine in world.engines:
        await engine.dispose()  # type: ignore[attr-defined]


Start = Callable[..., "AsyncIterator[simcord.Env]"]


# Shorter than the game clock's tick, so simcord treats the tick as a virtual timer that
# only env.advance_time() fires: no test ever waits on the real clock, even on a slow machine.
TICK_SECONDS = 5.0
SETTLE_SECONDS = 4.0


async def started(world: World, bot: TriviaBot, **options: object) -> simcord.Env:
    options.setdefault("settle_timeout", SETTLE_SECONDS)
    env = simcord.Env(bot, **options)  # type: ignore[arg-type]
    await env.start()
    world.clock.env = env
    await bot.tree.sync()
    return env


@pytest.fixture
async def run(world: World) -> AsyncIterator[Callable[..., object]]:
    """``await run(items, message_content=False)`` → a started simcord Env around a new bot."""
    envs: list[simcord.Env] = []

    async def start(
        items: Sequence[TriviaItem],
        message_content: bool = False,
        web: WebAccess | None = None,
        **options: object,
    ):
        env = await started(world, world.bot(items, message_content, web), **options)
        envs.append(env)
        return env

    yield start
    for env in envs:
        await env.shutdown()
        if env.check_errors:
            env._raise_errors_since(env._errors_acknowledged)


def manager_role(guild: simcord.GuildHandle) -> simcord.RoleHandle:
    return guild.create_role("Quizmasters", permissions=discord.Permissions(manage_guild=True))


def acknowledge(env: simcord.Env) -> list[type[BaseException]]:
    """The errors the bot reported to players so far (unwrapped), marked as expected."""
    found = [
        getattr(error, "original", error) for error in env.errors_since(env._errors_acknowledged)
    ]
    env._errors_acknowledged = env.error_cursor
    return [type(error) for error in found]
