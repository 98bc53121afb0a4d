"""Recovery with several processes: each closes only the sessions of its own guilds."""

from __future__ import annotations

import random

from bot.app import BotOptions, owned_guilds, shard_of
from bot.game.models import ChannelId, GuildId, Mode, SessionConfig
from bot.storage.memory import InMemoryRepository
from tests.fakes import game_service, shipped_judge, text_item

# Guild ids whose shard (id >> 22, modulo two shards) is 0 and 1.
SHARD_0_GUILD = GuildId(4 << 22)
SHARD_1_GUILD = GuildId(5 << 22)


def test_shard_of_follows_discords_formula():
    assert shard_of(SHARD_0_GUILD, 2) == 0
    assert shard_of(SHARD_1_GUILD, 2) == 1
    assert shard_of(SHARD_1_GUILD, 1) == 0


def test_owned_guilds_is_everything_for_a_single_process():
    assert owned_guilds(BotOptions()) is None
    assert owned_guilds(BotOptions(shard_count=2)) is None


def test_owned_guilds_keeps_only_this_process_shards():
    owned = owned_guilds(BotOptions(shard_count=2, shard_ids=[1]))
    assert owned is not None
    assert owned(SHARD_1_GUILD)
    assert not owned(SHARD_0_GUILD)


async def test_recover_leaves_other_processes_sessions_running(clock):
    item = text_item()
    repository = InMemoryRepository()
    first = game_service(repository, [item], clock, random.Random(0), judge=shipped_judge())
    await first.start(SHARD_0_GUILD, ChannelId(1), SessionConfig(Mode.RACE))
    await first.start(SHARD_1_GUILD, ChannelId(2), SessionConfig(Mode.RACE))

    restarted = game_service(repository, [item], clock, random.Random(0), judge=shipped_judge())
    owned = owned_guilds(BotOptions(shard_count=2, shard_ids=[1]))
    closed = await restarted.recover(owned)

    assert [r.session.guild_id for r in closed] == [SHARD_1_GUILD]
    left = await repository.unfinished_sessions()
    assert [entry.session.guild_id for entry in left] == [SHARD_0_GUILD]
