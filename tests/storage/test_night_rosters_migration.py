"""Migration 0010 fills the roster and placing rows from the nights saved before 0009,
and the season table reads the placings.

The database is created at the previous revision (0009) and filled as the code before
0009 stored nights: snapshots and JSON results only, no roster or placing rows. The
nights: a finished team night with a joker, a solo night decided by a tie-breaker, a
night only signed up for, unreadable snapshots, a reserved id, a result kept before wins
were recorded and an unreadable result.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import timedelta

import sqlalchemy as sa
from pydantic import TypeAdapter
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.night import play, rules
from bot.night.ledger import NightLedger
from bot.night.models import NightId, NightState, NightStatus, RoundPlan, team_key
from bot.night.repository import roster_of
from bot.night.season import NightResult, night_result, season_table
from bot.night.service import NightService
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.moderation import SqlCurationRepository
from bot.storage.sql.nights import SqlNightRepository
from tests.fakes import shipped_judge
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
from tests.storage.nights_before import NIGHTS, RESULTS, team_night, version_1

ROW_TABLES = (
    "night_signups",
    "night_teams",
    "night_jokers",
    "night_tie_break_guesses",
    "night_finishes",
    "night_placings",
)
_RESULT = TypeAdapter(NightResult)


def _tie_break_night() -> NightState:
    """Two players both right, then tie-breaker numbers; finished on the closer one."""
    night = make_night(night_id=2, team_play=False, rounds=(RoundPlan("films", 1),))
    state = started(signed_up(night, {YURI: None, NADIA: None}))
    state = answer_all(state, {YURI: RIGHT, NADIA: RIGHT})
    state, _ = rules.next_question(state, HOST, START)
    state, _ = play.submit_tie_break(state, NADIA, 1961, START + timedelta(seconds=3))
    state, _ = play.submit_tie_break(state, YURI, 1990, START + timedelta(seconds=4))
    state, _ = rules.next_question(state, HOST, START + timedelta(minutes=1))
    assert state.status is NightStatus.FINISHED
    return state


def _signed_up_night() -> NightState:
    return signed_up(make_night(night_id=3), {NADIA: "Solo"})


def _old_result(result: NightResult) -> str:
    """A result as kept before wins were recorded: no ``won``."""
    data = json.loads(_RESULT.dump_json(result))
    for entry in data["players"]:
        del entry["won"]
    return json.dumps(data)


async def _fill_previous_schema(connection: AsyncConnection, states) -> None:
    snapshots: list[tuple[int, str | None, str | None]] = [
        (s.night.id, s.status.value, json.dumps(version_1(s))) for s in states
    ]
    snapshots.append((4, NightStatus.FINISHED.value, "{not json"))
    snapshots.append((5, NightStatus.FINISHED.value, json.dumps({"version": 2, "night": {}})))
    snapshots.append((6, NightStatus.FINISHED.value, json.dumps({"version": 1})))
    damaged = {"version": 1, "night": {"participants": [{"player": {"platform": "discord"}}]}}
    snapshots.append((7, NightStatus.FINISHED.value, json.dumps(damaged)))
    snapshots.append((8, None, None))  # an id reserved, never saved
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
            for night_id, status, text in snapshots
        ],
    )
    team, tie = night_result(states[0]), night_result(states[1])
    results = [(team, _old_result(team)), (tie, _RESULT.dump_json(tie).decode())]
    rows = [
        {
            "night_id": r.night_id,
            "guild_id": GUILD,
            "finished_at": r.finished_at,
            "result": text,
        }
        for r, text in results
    ]
    rows.append({"night_id": 4, "guild_id": GUILD, "finished_at": START, "result": "[]"})
    await connection.execute(sa.insert(RESULTS), rows)


async def _row_counts(engine) -> dict[str, int]:
    async with engine.connect() as connection:
        return {
            table: await connection.scalar(sa.select(sa.func.count()).select_from(sa.table(table)))
            for table in ROW_TABLES
        }


async def test_migration_fills_rosters_and_placings_from_the_snapshots(database_url):
    team, tie, signed = team_night(), _tie_break_night(), _signed_up_night()
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine, "0009")
        async with engine.begin() as connection:
            await _fill_previous_schema(connection, (team, tie, signed))
        assert set((await _row_counts(engine)).values()) == {0}
        await db.upgrade(engine, "0018")  # 0010 to 0018; 0019 waits for an export
        nights = SqlNightRepository(db.session_factory(engine))

        for state in (team, tie, signed):
            roster = await nights.roster(state.night.id)
            assert roster == roster_of(state)
            assert roster is not None
            expected = roster_of(state)
            assert [p.player.name for p in roster.participants] == [
                p.player.name for p in expected.participants
            ]
            assert [g.player.name for g in roster.guesses] == [
                g.player.name for g in expected.guesses
            ]
        team_roster = await nights.roster(team.night.id)
        assert team_roster is not None
        assert [(t.name, t.members) for t in team_roster.teams] == [
            ("Red Rockets", (VALENTINA, ALEXEI)),
            ("Cosmonauts", (YURI,)),
        ]
        assert [(j.contestant, j.round) for j in team_roster.jokers] == [
            (team_key("Cosmonauts"), 1)
        ]
        tie_roster = await nights.roster(tie.night.id)
        assert tie_roster is not None
        assert [g.value for g in tie_roster.guesses] == [1961.0, 1990.0]
        # Unreadable snapshots get no rows (their raw text stays, quarantined by 0016: the
        # store reads no night there).
        for unreadable in (4, 5, 6, 7):
            assert await nights.roster(NightId(unreadable)) is None
        assert await nights.roster(NightId(8)) is None

        # The placings are the JSON results; the older result keeps no ``won`` (its
        # ranks decide the wins), the newer one does; the unreadable one gets no rows.
        placed = await nights.placings(GUILD)  # oldest first: the tie-break night ended first
        assert [p.night_id for p in placed] == [tie.night.id, team.night.id]
        old = night_result(team)
        assert placed[1] == replace(old, players=tuple(replace(p, won=None) for p in old.players))
        assert [p.player.name for p in placed[1].players] == [p.player.name for p in old.players]
        assert placed[0] == night_result(tie)
        assert [(p.player, p.won) for p in placed[0].players] == [(NADIA, True), (YURI, False)]

        # The season table reads them: the damaged result is left out rather than failing.
        service = NightService(
            nights,
            SqlCurationRepository(db.session_factory(engine)),
            (),
            lambda: START,
            random.Random(0),
            NightLedger(SqlRepository(db.session_factory(engine))),
            judge=shipped_judge(),
        )
        assert await service.season(GUILD, None) == season_table(placed)
        assert {row.player for row in await service.season(GUILD, None)} == {
            VALENTINA,
            ALEXEI,
            YURI,
            NADIA,
        }

        # Downgrading empties the rows; upgrading again fills them alike.
        await db.downgrade(engine, "0009")
        assert set((await _row_counts(engine)).values()) == {0}
        await db.upgrade(engine, "0018")  # 0019 waits for an export
        assert await nights.placings(GUILD) == placed
        assert await nights.roster(team.night.id) == team_roster
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()


async def test_a_night_saved_after_the_migration_replaces_the_rows_filled_in(database_url):
    """The back-fill and the night service write the same rows: a save replaces them."""
    state = _signed_up_night()
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine, "0009")
        async with engine.begin() as connection:
            await connection.execute(
                sa.insert(NIGHTS).values(
                    id=state.night.id,
                    guild_id=GUILD,
                    channel_id=8,
                    status=state.status.value,
                    starts_at=START,
                    snapshot=json.dumps(version_1(state)),
                )
            )
        await db.upgrade(engine)
        nights = SqlNightRepository(db.session_factory(engine))
        later = signed_up(replace(state.night), {NADIA: "Solo", VALENTINA: "solo"})
        await nights.save(later)
        roster = await nights.roster(state.night.id)
        assert roster == roster_of(later)
        assert roster is not None
        assert [(t.name, t.members) for t in roster.teams] == [("Solo", (NADIA, VALENTINA))]
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
