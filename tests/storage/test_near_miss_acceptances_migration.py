"""Who accepted a night's near miss is kept with the answer (migration 0015, snapshot
version 4): moved out of version 3 snapshots and back, and forgotten with the member."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from pydantic import TypeAdapter
from sqlalchemy import inspect

from bot.game.models import Cursor, PlayerRef, SessionId
from bot.game.privacy import DELETED_NAME
from bot.night.erasure import DELETED_PLATFORM
from bot.night.ledger import NightLedger
from bot.night.models import NightAnswer, NightId, NightState
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.nights import SqlNightRepository
from bot.storage.sql.privacy import SqlMemberDataStore
from tests.night.conftest import GUILD, HOST, START, YURI
from tests.storage.nights_before import (
    NIGHTS,
    accepted_in_snapshot,
    snapshot_data,
    team_night,
    version_4,
)
from tests.storage.test_night_rounds import _played

_STATE = TypeAdapter(NightState)
_ANSWERS = TypeAdapter(tuple[NightAnswer, ...])
ACCEPTED_AT = START + timedelta(seconds=20)  # when the night in ``_played`` accepts it
ROSTER = {"participants", "jokers", "guesses"}


def _version_3(state: NightState) -> dict[str, object]:
    """The state as a version 3 snapshot's data: with a session, only the answers a host
    accepted after the fact."""
    if state.session_id is not None:
        state = replace(state, answers=tuple(a for a in state.answers if a.accepted_by))
    return {"version": 3, "night": snapshot_data(state, frozenset(ROSTER))}


def _normalised(text: str) -> dict[str, object]:
    """A snapshot's data with its answers' times written as pydantic writes them."""
    data: dict[str, Any] = json.loads(text)
    answers = _ANSWERS.validate_python(data["night"]["answers"])
    data["night"]["answers"] = _ANSWERS.dump_python(answers, mode="json")
    return data


async def _snapshots(engine) -> dict[int, str]:
    async with engine.connect() as connection:
        rows = (await connection.execute(sa.select(NIGHTS.c.id, NIGHTS.c.snapshot))).all()
    return {row.id: row.snapshot for row in rows}


async def _columns(engine) -> set[str]:
    async with engine.connect() as connection:
        found = await connection.run_sync(lambda c: inspect(c).get_columns("answers"))
    return {column["name"] for column in found}


async def _accepted(store: SqlRepository, state: NightState) -> list[tuple[object, ...]]:
    assert state.session_id is not None
    stored = await store.session_answers(SessionId(state.session_id))
    return [(a.player, a.accepted_by, a.accepted_at) for a in stored if a.accepted_at]


async def test_migration_moves_who_accepted_a_near_miss_to_the_answers(database_url):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine)
        sessions = db.session_factory(engine)
        store = SqlRepository(sessions)
        ledger = NightLedger(store)
        state = await _played(ledger)  # Yuri's near miss accepted by the host, on his joker
        await SqlNightRepository(sessions).save(state)
        await store.drain()
        assert await _accepted(store, state) == [(YURI, HOST, ACCEPTED_AT)]
        night_id = state.night.id
        # A night without a session, with a near miss accepted, and a damaged snapshot.
        alone = team_night()
        alone = replace(alone, night=replace(alone.night, id=NightId(night_id + 1)))
        alone = accepted_in_snapshot(alone, HOST, Cursor(0, 0), YURI)
        assert any(a.accepted_by == HOST for a in alone.answers)
        async with engine.begin() as connection:
            await connection.execute(
                sa.insert(NIGHTS),
                [
                    {"id": night_id + 1, "guild_id": GUILD, "status": "finished"},
                    {"id": night_id + 2, "guild_id": GUILD, "status": "finished"},
                ],
            )
        await db.downgrade(engine, "0014")
        # What the earlier code saved: version 3, keeping the accepted near miss.
        async with engine.begin() as connection:
            for key, text in (
                (night_id + 1, json.dumps(_version_3(alone))),
                (night_id + 2, "{not json"),
            ):
                await connection.execute(
                    sa.update(NIGHTS).where(NIGHTS.c.id == key).values(snapshot=text)
                )
        assert not {"accepted_at", "accepted_by_id"} & await _columns(engine)
        before = await _snapshots(engine)
        assert _normalised(before[night_id]) == _version_3(state)

        await db.upgrade(engine, "0015")
        after = await _snapshots(engine)
        assert json.loads(after[night_id]) == version_4(state)
        assert json.loads(after[night_id])["night"]["answers"] == []
        assert json.loads(after[night_id + 1]) == version_4(alone)
        assert len(json.loads(after[night_id + 1])["night"]["answers"]) == len(alone.answers)
        assert after[night_id + 2] == "{not json"
        # The session tells who accepted it, and when (its points were credited then).
        assert await _accepted(store, state) == [(YURI, HOST, ACCEPTED_AT)]

        # Down and up again: the same snapshots, nothing lost.
        await db.downgrade(engine, "0014")
        assert await _snapshots(engine) == before
        await db.upgrade(engine, "0015")
        assert await _snapshots(engine) == after
        assert await _accepted(store, state) == [(YURI, HOST, ACCEPTED_AT)]
        await db.upgrade(engine, "0018")  # 0019 waits for an export
        read = await SqlNightRepository(sessions).get(night_id)
        assert read is not None
        assert (await ledger.answered(read)).answers == state.answers
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()


async def test_forgetting_the_host_who_accepted_a_near_miss(database_url):
    """The answer names the night's stand-in; a member named only as the one who accepted
    an answer is found and made anonymous too."""
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine)
        sessions = db.session_factory(engine)
        store = SqlRepository(sessions)
        ledger = NightLedger(store)
        state = await _played(ledger)
        nights = SqlNightRepository(sessions)
        await nights.save(state)
        await store.drain()
        privacy = SqlMemberDataStore(sessions, store.drain)

        await privacy.forget_member(HOST)
        stand_in = PlayerRef(DELETED_PLATFORM, "1", DELETED_NAME)
        assert await _accepted(store, state) == [(YURI, stand_in, ACCEPTED_AT)]
        assert (await privacy.member_data(HOST)).quiz_nights == 0
        read = await nights.get(state.night.id)
        assert read is not None
        assert read.night.host == stand_in
        (accepted,) = [a for a in (await ledger.answered(read)).answers if a.accepted_by]
        assert (accepted.player, accepted.accepted_by.name) == (YURI, DELETED_NAME)

        # Someone the night no longer names, who accepted an answer all the same.
        helper = PlayerRef("discord", "4242", "Former co-host")
        async with engine.begin() as connection:
            await connection.execute(
                sa.text(
                    "UPDATE answers SET accepted_by_platform = :p, accepted_by_id = :i,"
                    " accepted_by_name = :n WHERE accepted_by_id IS NOT NULL"
                ),
                {"p": helper.platform, "i": helper.external_id, "n": helper.name},
            )
        assert (await privacy.member_data(helper)).quiz_nights == 1
        await privacy.forget_member(helper)
        assert (await privacy.member_data(helper)).quiz_nights == 0
        ((_, by, _),) = await _accepted(store, state)
        assert (by.platform, by.name) == (DELETED_PLATFORM, DELETED_NAME)
        async with engine.connect() as connection:
            named = await connection.execute(
                sa.text("SELECT count(*) FROM answers WHERE accepted_by_id = :i"),
                {"i": helper.external_id},
            )
            assert named.scalar_one() == 0
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
