"""Migration 0012 takes the roster out of the night snapshots: nights read it from rows.

The database is created at the previous revision (0011) and filled as its code saved
nights: version 1 snapshots holding the whole state, and the roster rows written beside
them. Besides, a snapshot whose sign-up cannot be read, one that is not JSON and a
reserved id.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import sqlalchemy as sa
from pydantic import TypeAdapter

from bot.night import play, rules
from bot.night.models import NightId, NightState, NightStatus, RoundPlan
from bot.night.repository import roster_of
from bot.storage import db
from bot.storage.sql.nights import SqlNightRepository, write_roster
from tests.night.conftest import (
    ALEXEI,
    GUILD,
    HOST,
    NADIA,
    RIGHT,
    START,
    VALENTINA,
    YURI,
    answer_all,
    make_night,
    signed_up,
    started,
)
from tests.storage.nights_before import NIGHTS, SNAPSHOT_VERSION, team_night, version_1

_STATE = TypeAdapter(NightState)
DAMAGED = json.dumps(
    {"version": 1, "night": {"participants": [{"player": {"platform": "discord"}}]}}
)


def _tie_break_night() -> NightState:
    """Two players both right, in the tie-breaker with one number given: not over."""
    night = make_night(night_id=2, team_play=False, rounds=(RoundPlan("films", 1),))
    state = started(signed_up(night, {YURI: None, NADIA: None}))
    state = answer_all(state, {YURI: RIGHT, NADIA: RIGHT})
    state, _ = rules.next_question(state, HOST, START)
    state, _ = play.submit_tie_break(state, NADIA, 1961.5, START + timedelta(seconds=3))
    assert state.status is NightStatus.TIE_BREAK
    return state


def _signed_up_night() -> NightState:
    return signed_up(make_night(night_id=3), {NADIA: "Solo", VALENTINA: "solo"})


async def _fill_previous_schema(engine, states) -> None:
    saved: list[tuple[int, str | None, str | None]] = [
        (s.night.id, s.status.value, json.dumps(version_1(s))) for s in states
    ]
    saved += [
        (4, NightStatus.FINISHED.value, DAMAGED),
        (5, NightStatus.FINISHED.value, "{not json"),
        (6, None, None),
    ]
    async with engine.begin() as connection:
        await connection.execute(
            sa.insert(NIGHTS),
            [
                {
                    "id": night_id,
                    "guild_id": GUILD,
                    "channel_id": 8,
                    "status": status,
                    "starts_at": START,
                    "snapshot": text,
                }
                for night_id, status, text in saved
            ],
        )
    async with db.session_factory(engine).begin() as session:
        for state in states:
            await write_roster(session, state.night.id, roster_of(state))


async def _snapshots(engine) -> dict[int, str | None]:
    async with engine.connect() as connection:
        rows = (await connection.execute(sa.select(NIGHTS.c.id, NIGHTS.c.snapshot))).all()
    return {row.id: row.snapshot for row in rows}


def _names(state: NightState) -> list[str]:
    return [p.player.name for p in state.participants] + [g.player.name for g in state.guesses]


async def test_migration_moves_the_roster_out_of_the_snapshots_and_back(database_url):
    states = (team_night(), _tie_break_night(), _signed_up_night())
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine, "0011")
        await _fill_previous_schema(engine, states)
        before = await _snapshots(engine)

        await db.upgrade(engine, "0015")
        after = await _snapshots(engine)
        for state in states:
            data = json.loads(after[state.night.id] or "")
            assert data["version"] == SNAPSHOT_VERSION  # 0014 left the answers to sessions
            assert not {"participants", "jokers", "guesses"} & set(data["night"])
        # What could not be read is left as it was, without rows.
        assert (after[4], after[5], after[6]) == (DAMAGED, "{not json", None)

        # Downgrading puts the rows back into the snapshots: the earlier code reads them.
        await db.downgrade(engine, "0011")
        back = await _snapshots(engine)
        for state in states:
            data = json.loads(back[state.night.id] or "")
            assert data["version"] == 1
            old = _STATE.validate_python(data["night"])
            assert old == state
            assert _names(old) == _names(state)
        assert {key: back[key] for key in (4, 5, 6)} == {key: before[key] for key in (4, 5, 6)}

        # Read by the store (0016 keeps the night as rows; its answers go to a session).
        await db.upgrade(engine, "0018")  # 0019 waits for an export
        nights = SqlNightRepository(db.session_factory(engine))
        for state in states:
            read = await nights.get(state.night.id)
            assert read is not None
            assert await nights.roster(state.night.id) == roster_of(state)
            assert replace(read, answers=state.answers, session_id=None, question=None) == (
                replace(state, question=None)
            )
            assert _names(read) == _names(state)
        team = await nights.get(NightId(1))
        assert team is not None
        assert [(t.name, t.members) for t in team.teams()] == [
            ("Red Rockets", (VALENTINA, ALEXEI)),
            ("Cosmonauts", (YURI,)),
        ]
        assert team.jokers == states[0].jokers
        # The unfinished nights come back for the service to take up.
        assert [s.night.id for s in await nights.unfinished()] == [2, 3]
        # A snapshot that could not be read is no night the store reads any more.
        assert await nights.roster(NightId(4)) is None
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
