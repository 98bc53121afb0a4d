"""A round of the play engine's tables leads to the night that asked it, in every store,
and migration 0013 records which session each night saved before uses."""

from __future__ import annotations

import json
import random
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
import sqlalchemy as sa

from bot.game.models import ChannelId, Mode, SessionConfig
from bot.moderation.memory import InMemoryCurationRepository
from bot.night import rules
from bot.night.ledger import NightLedger
from bot.night.memory import InMemoryNightRepository
from bot.night.models import NightId, NightStatus
from bot.night.repository import NightRepository
from bot.night.service import Control, NightService
from bot.night.snapshot import to_dict
from bot.storage import db
from bot.storage.memory import InMemoryRepository
from bot.storage.sql import SqlRepository
from bot.storage.sql.nights import SqlNightRepository
from tests.fakes import shipped_judge
from tests.night.conftest import ALEXEI, GUILD, HOST, START, VALENTINA, World, make_night
from tests.storage.nights_before import NIGHTS

Stores = tuple[InMemoryRepository | SqlRepository, NightRepository]


@pytest.fixture
async def stores(backend_url: str | None) -> AsyncIterator[Stores]:
    if backend_url is None:
        yield InMemoryRepository(), InMemoryNightRepository()
        return
    engine = db.create_engine(backend_url)
    await db.upgrade(engine)
    sessions = db.session_factory(engine)
    play = SqlRepository(sessions)
    try:
        yield play, SqlNightRepository(sessions)
    finally:
        await play.drain()
        await db.downgrade(engine, "base")
        await engine.dispose()


async def test_a_rounds_night_is_the_night_whose_session_holds_it(stores: Stores, items):
    play, nights = stores
    world = World(items)
    service = NightService(
        nights,
        InMemoryCurationRepository(),
        items,
        world.clock,
        random.Random(3),
        NightLedger(play),
        judge=shipped_judge(),
    )
    state = await service.create(world.plan())
    waiting = await service.create(world.plan())
    for player in (VALENTINA, ALEXEI):
        await service.join(state.night.id, GUILD, player, None)
    state = (await service.control(state.night.id, GUILD, Control.START, HOST, False)).state
    question = state.question
    assert question is not None
    assert question.round_id is not None
    world.clock.advance(2)
    await service.answer(state.night.id, GUILD, question.cursor, VALENTINA, "Gagarin")

    found = await nights.night_of_round(question.round_id)
    assert found is not None
    assert found == await nights.get(state.night.id)
    assert [a.player for a in found.answers] == [VALENTINA]
    assert found.night.id != waiting.night.id
    # A game's round, and a round nobody stored, belong to no night.
    game = await play.create_session(GUILD, ChannelId(3), SessionConfig(Mode.RACE), START)
    other = await play.open_round(game.id, 0, items[0].id, START, 30.0)
    assert await nights.night_of_round(other.id) is None
    assert await nights.night_of_round(other.id + 1000) is None


async def test_migration_links_the_nights_saved_before_to_their_sessions(database_url, items):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine, "0012")
        play = SqlRepository(db.session_factory(engine))
        night_session = await play.create_session(GUILD, ChannelId(8), SessionConfig(), START)
        asked = await play.open_round(night_session.id, 0, items[0].id, START, 30.0)
        game = await play.create_session(GUILD, ChannelId(3), SessionConfig(), START)
        game_round = await play.open_round(game.id, 0, items[0].id, START, 30.0)
        created = rules.create_night(make_night(night_id=1))
        linked = replace(created, status=NightStatus.RUNNING, session_id=night_session.id)
        saved = [
            (1, json.dumps(to_dict(linked))),
            # The same session named again, a session that is not stored, no session.
            (2, json.dumps(to_dict(replace(linked, night=replace(linked.night, id=NightId(2)))))),
            (3, json.dumps(to_dict(replace(linked, session_id=game.id + 1000)))),
            (4, json.dumps(to_dict(created))),
            (5, "{not json"),
            (6, None),
        ]
        async with engine.begin() as connection:
            await connection.execute(
                sa.insert(NIGHTS),
                [
                    {"id": night_id, "guild_id": GUILD, "status": "running", "snapshot": text}
                    for night_id, text in saved
                ],
            )

        await db.upgrade(engine)
        nights = SqlNightRepository(db.session_factory(engine))
        assert await nights.night_of_round(asked.id) == linked
        assert await nights.night_of_round(game_round.id) is None
        async with engine.connect() as connection:
            links = (await connection.execute(sa.text("SELECT * FROM night_sessions"))).all()
        assert [tuple(row) for row in links] == [(1, night_session.id)]

        await db.downgrade(engine, "0012")
        async with engine.connect() as connection:
            names = await connection.run_sync(lambda c: set(sa.inspect(c).get_table_names()))
        assert "night_sessions" not in names
        await play.drain()
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
