"""Migration 0011 drops the JSON results of finished nights, keeping what only they held.

The database is created at the previous revision (0010) and filled as the code of 0010
stored nights: each finished night's result twice, as JSON and as finish and placing rows.
One result is kept as JSON only (written by a process still running the code before 0009
after 0010 ran), one of those without wins recorded, one cannot be read, and one has no
players.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from pydantic import TypeAdapter
from sqlalchemy import inspect

from bot.night import rules
from bot.night.models import NightId, NightState, NightStatus, RoundPlan
from bot.night.season import NightResult, night_result, season_table
from bot.storage import db
from bot.storage.sql.nights import SqlNightRepository
from tests.night.conftest import (
    GUILD,
    HOST,
    NADIA,
    RIGHT,
    START,
    YURI,
    answer_all,
    make_night,
    signed_up,
    started,
)
from tests.storage.nights_before import NIGHTS, RESULTS, team_night, version_1

_RESULT = TypeAdapter(NightResult)


def _tie_break_night() -> NightState:
    night = make_night(night_id=2, team_play=False, rounds=(RoundPlan("films", 1),))
    state = answer_all(started(signed_up(night, {YURI: None, NADIA: None})), {YURI: RIGHT})
    state, _ = rules.end(state, HOST, START + timedelta(minutes=1))
    assert state.status is NightStatus.FINISHED
    return state


def _without_wins(result: NightResult) -> str:
    data = json.loads(_RESULT.dump_json(result))
    for entry in data["players"]:
        del entry["won"]
    return json.dumps(data)


def _utc(moment: datetime) -> datetime:
    """SQLite hands back stored UTC times without their zone."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


async def _tables(engine):
    async with engine.connect() as connection:
        return await connection.run_sync(lambda c: set(inspect(c).get_table_names()))


async def _fill_previous_schema(engine, team: NightState, solo: NightState) -> None:
    """Nights 1 to 4; night 1's result as 0010 kept it, the others as JSON only."""
    async with engine.begin() as connection:
        await connection.execute(
            sa.insert(NIGHTS),
            [
                {
                    "id": night_id,
                    "guild_id": GUILD,
                    "channel_id": 8,
                    "status": NightStatus.FINISHED.value,
                    "starts_at": START,
                    "snapshot": text,
                }
                for night_id, text in (
                    (1, json.dumps(version_1(team))),
                    (2, json.dumps(version_1(solo))),
                    (3, "{not json"),
                    (4, None),
                )
            ],
        )
    team_result = night_result(team)
    await SqlNightRepository(db.session_factory(engine)).add_result(team_result)
    empty = replace(night_result(solo), night_id=NightId(4), title="Nobody came", players=())
    rows = [
        # The rows of night 1 are what counts; its JSON was an earlier draft.
        (team_result, _RESULT.dump_json(replace(team_result, title="draft")).decode()),
        (night_result(solo), _without_wins(night_result(solo))),
        (replace(team_result, night_id=NightId(3)), "[]"),
        (empty, _RESULT.dump_json(empty).decode()),
    ]
    async with engine.begin() as connection:
        await connection.execute(
            sa.insert(RESULTS),
            [
                {
                    "night_id": result.night_id,
                    "guild_id": result.guild_id,
                    "finished_at": result.finished_at,
                    "result": text,
                }
                for result, text in rows
            ],
        )


async def test_migration_keeps_every_readable_result_as_rows_and_drops_the_json(database_url):
    team, solo = team_night(), _tie_break_night()
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine, "0010")
        await _fill_previous_schema(engine, team, solo)
        nights = SqlNightRepository(db.session_factory(engine))
        assert [r.night_id for r in await nights.placings(GUILD)] == [team.night.id]

        await db.upgrade(engine, "0018")  # 0019 waits for an export
        assert "quiz_night_results" not in await _tables(engine)
        placed = await nights.placings(GUILD)
        old = night_result(solo)
        empty = replace(old, night_id=NightId(4), title="Nobody came", players=())
        without_wins = replace(old, players=tuple(replace(p, won=None) for p in old.players))
        # Oldest first: the solo night and the empty one ended before the team night.
        assert placed == (without_wins, empty, night_result(team))
        assert [p.player.name for p in placed[0].players] == [YURI.name, NADIA.name]
        season = {row.player: (row.nights, row.wins) for row in season_table(placed)}
        assert season[YURI] == (2, 1)  # the solo night, won by rank before wins were kept

        # Downgrading writes the rows back as JSON results the earlier code reads.
        await db.downgrade(engine, "0010")
        async with engine.connect() as connection:
            query = sa.select(RESULTS.c.night_id, RESULTS.c.finished_at, RESULTS.c.result)
            kept = (await connection.execute(query.order_by(RESULTS.c.night_id))).all()
        assert [night_id for night_id, _, _ in kept] == [1, 2, 4]
        by_id = {r.night_id: r for r in placed}
        for night_id, finished_at, text in kept:
            assert _RESULT.validate_json(text) == by_id[night_id]
            assert _utc(finished_at) == by_id[night_id].finished_at
        await db.upgrade(engine, "0018")  # 0019 waits for an export
        assert await nights.placings(GUILD) == placed
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
