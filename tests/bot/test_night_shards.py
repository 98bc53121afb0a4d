"""A second process starting up takes up only the nights of its own shards' guilds."""

from __future__ import annotations

import random

from bot.app import BotOptions, Services, TriviaBot, shard_of
from bot.night.models import NightStatus
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.moderation import SqlCurationRepository
from bot.storage.sql.nights import SqlNightRepository
from tests.bot.test_night_messages import _night
from tests.bot.test_quiznight import _question_message
from tests.fakes import shipped_judge


def _process(world, items, shard_ids):
    """A bot of a process running only ``shard_ids`` of two, on the shared database."""
    engine = db.create_engine(world.database_url)
    world.engines.append(engine)
    sessions = db.session_factory(engine)
    nights = (SqlNightRepository(sessions), SqlCurationRepository(sessions))
    services = Services(
        SqlRepository(sessions, batch_writes=False),
        items,
        world.clock,
        random.Random(7),
        nights=nights,
        judge=shipped_judge(),
    )
    return TriviaBot(services, BotOptions(shard_count=2, shard_ids=shard_ids))


async def _stored(world, night_id):
    """The night as the database holds it (not as a process keeps it in memory)."""
    engine = db.create_engine(world.database_url)
    world.engines.append(engine)
    return await SqlNightRepository(db.session_factory(engine)).get(night_id)


async def test_second_process_leaves_the_other_shards_running_night_alone(run, world, bank):
    env, channel, _host, _red, _, _ = await _night(run, bank)
    guild_id = _question_message(channel).guild.id
    night = (await env.bot.services.nights.recent(guild_id))[0]
    assert night.status is NightStatus.RUNNING

    other = _process(world, env.bot.services.items, (1 - shard_of(guild_id, 2),))
    await other.load_extension("bot.cogs.quiznight")
    assert other.services.nights.live() == ()
    assert (await _stored(world, night.night.id)).status is NightStatus.RUNNING
    await other.unload_extension("bot.cogs.quiznight")
    assert (await _stored(world, night.night.id)).status is NightStatus.RUNNING

    # The process of the night's own shard does take it up (paused, as after a crash).
    own = _process(world, env.bot.services.items, (shard_of(guild_id, 2),))
    await own.load_extension("bot.cogs.quiznight")
    (taken,) = own.services.nights.live()
    assert taken.status is NightStatus.PAUSED
    await own.unload_extension("bot.cogs.quiznight")
