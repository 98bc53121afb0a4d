"""Migration 0021: the kept records are counted from the answers stored before it."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import inspect

from bot.game.models import AnswerRecord, BoardRecord, GuildId, PlayerId, PlayerRef
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.tables import (
    AnswerRow,
    GuildSettingsRow,
    PlayerRow,
    RoundRow,
    SessionRow,
)
from tests.storage.board_oracle import counted_in_sql

T0 = datetime(2026, 5, 1, 19, 0, tzinfo=UTC)
PLAYERS = 5


async def _tables(engine):
    async with engine.connect() as connection:
        return await connection.run_sync(lambda c: set(inspect(c).get_table_names()))


async def _fill(engine, rng: random.Random) -> list[int]:
    """Games and nights in three guilds (the third counts no night points); their rounds."""
    players = [
        {"id": n, "platform": "discord", "external_id": str(n), "display_name": f"P{n}"}
        for n in range(1, PLAYERS + 1)
    ]
    sessions: list[dict[str, Any]] = []
    rounds: list[dict[str, Any]] = []
    answers: list[dict[str, Any]] = []
    for session_id in range(1, 13):
        guild = session_id % 3 + 1
        kind = "night" if session_id % 4 == 0 else "game"
        sessions.append(
            {
                "id": session_id,
                "guild_id": guild,
                "channel_id": session_id,
                "mode": "race",
                "status": "finished",
                "question_limit": 10,
                "started_at": T0,
                "format": kind,
            }
        )
        for position in range(1, 9):
            rounds.append(
                {
                    "id": len(rounds) + 1,
                    "session_id": session_id,
                    "position": position,
                    "item_id": f"q-{position}",
                    "opened_at": T0,
                }
            )
    # Answers stored in an order of their own: a round answered after later ones, several
    # answers of one player to one round (the last by id counts).
    for _ in range(400):
        right = rng.random() < 0.6
        answers.append(
            {
                "id": len(answers) + 1,
                "round_id": rng.randint(1, len(rounds)),
                "player_id": rng.randint(1, PLAYERS),
                "text": "a",
                "submitted_at": T0,
                "accepted": right,
                "close": False,
                "similarity": 90.0,
                "elapsed_ms": 900,
                "points": 10 if right else 0,
                "reviewed": False,
            }
        )
    at = {"created_at": T0}
    async with engine.begin() as connection:
        await connection.execute(sa.insert(PlayerRow), [p | at for p in players])
        await connection.execute(sa.insert(SessionRow), sessions)
        await connection.execute(sa.insert(RoundRow), rounds)
        await connection.execute(sa.insert(AnswerRow), answers)
        await connection.execute(
            sa.insert(GuildSettingsRow).values(
                guild_id=3,
                time_limit_ms=30_000,
                allowed_channels="",
                guess_limit=3,
                night_points=False,
            )
        )
    return [int(r["id"]) for r in rounds]


async def _kept(engine) -> dict[int, dict[PlayerId, BoardRecord]]:
    store = SqlRepository(db.session_factory(engine))
    ids = [PlayerId(n) for n in range(1, PLAYERS + 1)]
    return {guild: dict(await store.board_records(ids, GuildId(guild))) for guild in (1, 2, 3)}


async def test_upgrade_counts_the_stored_answers_and_downgrade_drops_the_table(database_url):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine, "0020")
        rounds = await _fill(engine, random.Random(7))
        await db.upgrade(engine)
        kept = await _kept(engine)
        ids = list(range(1, PLAYERS + 1))
        for guild in (1, 2, 3):
            assert kept[guild] == await counted_in_sql(engine, ids, guild)
        assert sum(len(records) for records in kept.values()) >= 12
        # What the upgrade kept moves on with the next answers as if kept all along.
        store = SqlRepository(db.session_factory(engine))
        rng = random.Random(8)
        for n in range(60):
            player = rng.randint(1, PLAYERS)
            right = rng.random() < 0.5
            answer = AnswerRecord(
                rounds[-1] if n % 3 else rng.choice(rounds),
                PlayerRef("discord", str(player), f"P{player}"),
                "a",
                T0 + timedelta(minutes=n),
                right,
                False,
                90.0,
                900,
                10 if right else 0,
                f"after-{n}",
            )
            await store.record_answer(answer, False, False)
        await store.drain()
        for guild in (1, 2, 3):
            assert (await _kept(engine))[guild] == await counted_in_sql(engine, ids, guild)

        await db.downgrade(engine, "0020")
        assert "board_records" not in await _tables(engine)
        await db.upgrade(engine)
        assert await _kept(engine) == {
            guild: await counted_in_sql(engine, ids, guild) for guild in (1, 2, 3)
        }
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
