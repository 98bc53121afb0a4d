"""Pack choices per server, on both databases and in memory: one contract."""

from __future__ import annotations

import pytest

from bot.game.models import GuildId
from bot.game.packs import InMemoryPackChoices
from bot.storage import db
from bot.storage.sql.packs import SqlPackChoices


@pytest.fixture(params=["memory", "sql"])
async def choices(request, migrated_url):
    if request.param == "memory":
        yield InMemoryPackChoices()
        return
    engine = db.create_engine(migrated_url)
    try:
        yield SqlPackChoices(db.session_factory(engine))
    finally:
        await engine.dispose()


async def test_pack_choices_are_per_server_and_idempotent(choices):
    one, two = GuildId(1), GuildId(2)
    assert await choices.enabled(one) == frozenset()
    await choices.set_enabled(one, "cosmos", True)
    await choices.set_enabled(one, "cosmos", True)
    await choices.set_enabled(one, "space", True)
    assert await choices.enabled(one) == {"cosmos", "space"}
    assert await choices.enabled(two) == frozenset()
    await choices.set_enabled(one, "cosmos", False)
    await choices.set_enabled(one, "cosmos", False)
    assert await choices.enabled(one) == {"space"}
