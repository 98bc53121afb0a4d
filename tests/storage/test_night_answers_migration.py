"""Migration 0014 stores the answers only a night's snapshot held in its session's tables,
so standings read from the session lose none of them, and leaves them to the session
(snapshot version 3); downgrading gives the snapshots their answers back."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import sqlalchemy as sa
from pydantic import TypeAdapter

from bot.game.models import Period
from bot.moderation.memory import InMemoryCurationRepository
from bot.night import rules
from bot.night.ledger import NightLedger
from bot.night.models import NightAnswer, NightId, NightState
from bot.night.service import Control, NightService
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.nights import SqlNightRepository
from tests.fakes import shipped_judge
from tests.night.conftest import ALEXEI, GUILD, HOST, VALENTINA, World, make_night, right_answer
from tests.storage.nights_before import NIGHTS, SNAPSHOT_VERSION, team_night, version_2, version_4


def _service(engine, world: World) -> tuple[NightService, SqlRepository]:
    sessions = db.session_factory(engine)
    store = SqlRepository(sessions)
    service = NightService(
        SqlNightRepository(sessions),
        InMemoryCurationRepository(),
        world.items,
        world.clock,
        random.Random(3),
        NightLedger(store),
        judge=shipped_judge(),
    )
    return service, store


async def _played(service: NightService, world: World) -> NightState:
    """A night of two rounds: Valentina's joker on the first, whose question she gets right
    and Alexei wrong; Alexei answers the second round's question, still on screen."""
    state = await service.create(world.plan(joker_enabled=True))
    night_id = state.night.id
    for player in (VALENTINA, ALEXEI):
        await service.join(night_id, GUILD, player, None)
    await service.play_joker(night_id, GUILD, VALENTINA, 0)
    state = (await service.control(night_id, GUILD, Control.START, HOST, False)).state
    first = state.question
    assert first is not None
    world.clock.advance(3)
    await service.answer(
        night_id, GUILD, first.cursor, VALENTINA, right_answer(service, first.item_id)
    )
    world.clock.advance(1)
    await service.answer(night_id, GUILD, first.cursor, ALEXEI, "no idea")
    for action in (Control.REVEAL, Control.NEXT, Control.NEXT):
        state = (await service.control(night_id, GUILD, action, HOST, False)).state
    second = state.question
    assert second is not None
    assert second.cursor.round == 1
    world.clock.advance(2)
    right = right_answer(service, second.item_id)
    return (await service.answer(night_id, GUILD, second.cursor, ALEXEI, right)).state


async def _board(store: SqlRepository, world: World) -> dict[str, int]:
    rows = await store.leaderboard(GUILD, Period.ALL_TIME, world.clock())
    return {row.name: row.points for row in rows}


_ANSWERS = TypeAdapter(tuple[NightAnswer, ...])


async def _snapshots(engine) -> dict[int, str]:
    async with engine.connect() as connection:
        rows = (await connection.execute(sa.select(NIGHTS.c.id, NIGHTS.c.snapshot))).all()
    return {row.id: row.snapshot for row in rows}


def _without_rounds(state: NightState) -> list[object]:
    return [replace(a, round_id=None) for a in state.answers]


async def test_migration_stores_the_answers_only_the_snapshots_held(database_url, items):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine)
        world = World(items)
        service, store = _service(engine, world)
        state = await _played(service, world)
        await db.downgrade(engine, "0013")  # what follows is as the code of 0013 saved it
        night_id = state.night.id
        first, second = state.answers[0].round_id, state.answers[-1].round_id
        raw = state.answers[0].points
        board = await _board(store, world)
        assert board == {VALENTINA.name: 2 * raw}
        unstarted = rules.create_night(make_night(night_id=night_id + 1))
        async with engine.begin() as connection:
            # As the earlier code saved it: every answer in the snapshot.
            await connection.execute(
                sa.update(NIGHTS)
                .where(NIGHTS.c.id == night_id)
                .values(snapshot=json.dumps(version_2(state)))
            )
            valentina = (
                await connection.execute(
                    sa.text("SELECT id FROM players WHERE external_id = :id"),
                    {"id": VALENTINA.external_id},
                )
            ).scalar_one()
            # Lost where only the snapshot still has them: Valentina's right answer and its
            # score, and the second round's question with Alexei's answer.
            where = {"round": first, "player": valentina}
            for statement in (
                "DELETE FROM scores WHERE round_id = :round AND player_id = :player",
                "DELETE FROM answers WHERE round_id = :round AND player_id = :player",
            ):
                await connection.execute(sa.text(statement), where)
            await connection.execute(
                sa.text("DELETE FROM answers WHERE round_id = :r"), {"r": second}
            )
            await connection.execute(sa.text("DELETE FROM rounds WHERE id = :r"), {"r": second})
            # A night not started keeps its snapshot as it is.
            await connection.execute(
                sa.insert(NIGHTS).values(
                    id=night_id + 1,
                    guild_id=GUILD,
                    status="scheduled",
                    snapshot=json.dumps(version_2(unstarted)),
                )
            )
            count = sa.text("SELECT count(*) FROM answers")
            assert (await connection.execute(count)).scalar_one() == 1

        await db.upgrade(engine, "0015")
        snapshots = await _snapshots(engine)
        assert json.loads(snapshots[night_id])["night"]["answers"] == []
        assert json.loads(snapshots[night_id + 1]) == version_4(unstarted)
        assert version_4(unstarted)["version"] == SNAPSHOT_VERSION == 4
        await db.upgrade(engine)
        service, store = _service(engine, world)
        read = await service.get(night_id, GUILD)
        assert _without_rounds(read) == _without_rounds(state)
        assert [a.player.name for a in read.answers] == [a.player.name for a in state.answers]
        assert read.answers[0].round_id == first
        moved = read.answers[-1].round_id
        assert moved is not None  # a new round (SQLite may give the old id again)
        assert read.question is not None
        assert read.question.round_id == moved
        stored = await store.session_answers(state.session_id)
        assert [(a.player, a.points, a.accepted, a.position) for a in stored] == [
            (ALEXEI, 0, False, 0),
            (VALENTINA, 2 * raw, True, 0),
            (ALEXEI, read.answers[-1].points, True, 1),
        ]
        assert NightService.recap(read) == NightService.recap(state)
        # Valentina's points are credited again; Alexei's come when his question closes.
        assert await _board(store, world) == board
        await service.control(night_id, GUILD, Control.REVEAL, HOST, False)
        assert await _board(store, world) == board | {ALEXEI.name: read.answers[-1].points}

        # Downgrading gives the snapshot its answers back, as the earlier code reads them.
        await db.downgrade(engine, "0013")
        data = json.loads((await _snapshots(engine))[night_id])
        assert data["version"] == 2
        answers = _ANSWERS.validate_python(data["night"]["answers"])
        revealed = await service.get(night_id, GUILD)
        assert answers == revealed.answers
        assert [a.player.name for a in answers] == [a.player.name for a in state.answers]
        assert json.loads((await _snapshots(engine))[night_id + 1]) == version_2(unstarted)
        # Up again: nothing is stored twice.
        await db.upgrade(engine)
        assert len(await store.session_answers(state.session_id)) == 3
        await store.drain()
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()


async def test_migration_keeps_the_answers_of_nights_without_a_session(database_url):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine, "0013")
        night = team_night()  # answers, but no session
        lost = replace(night, night=replace(night.night, id=NightId(2)), session_id=999)
        saved = {
            1: json.dumps(version_2(night)),
            2: json.dumps(version_2(lost)),  # its session is no longer stored
            3: "{not json",
            4: json.dumps({"version": 1, "night": {}}),
        }
        async with engine.begin() as connection:
            await connection.execute(
                sa.insert(NIGHTS),
                [
                    {"id": key, "guild_id": GUILD, "status": "finished", "snapshot": text}
                    for key, text in saved.items()
                ],
            )
        await db.upgrade(engine, "0015")
        after = await _snapshots(engine)
        assert json.loads(after[1]) == version_4(night)
        assert json.loads(after[2]) == version_4(replace(lost, session_id=None))
        assert len(json.loads(after[2])["night"]["answers"]) == len(night.answers) == 2
        assert (after[3], after[4]) == (saved[3], saved[4])
        async with engine.connect() as connection:
            count = sa.text("SELECT count(*) FROM answers")
            assert (await connection.execute(count)).scalar_one() == 0
        await db.downgrade(engine, "0013")
        back = await _snapshots(engine)
        assert json.loads(back[1]) == version_2(night)
        assert json.loads(back[2]) == version_2(replace(lost, session_id=None))
        assert (back[3], back[4]) == (saved[3], saved[4])
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
