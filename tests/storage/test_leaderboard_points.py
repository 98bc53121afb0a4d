"""The points histogram ranks are counted from stays equal to the totals it summarises."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from bot.game.models import AnswerRecord, ChannelId, GuildId, Mode, Period, PlayerRef, SessionConfig
from bot.storage import db
from bot.storage.sql import SqlRepository

T0 = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
GROUPED_TOTALS = (
    "SELECT scope, period, period_key, points, COUNT(*) FROM leaderboard_totals "
    "GROUP BY scope, period, period_key, points"
)
HISTOGRAM = (
    "SELECT scope, period, period_key, points, players FROM leaderboard_points WHERE players <> 0"
)


async def _rows(engine, sql: str) -> set[tuple[object, ...]]:
    async with engine.connect() as connection:
        return {tuple(row) for row in (await connection.execute(text(sql))).all()}


async def _play(repository: SqlRepository, rng: random.Random) -> None:
    """Rounds in three guilds over two weeks: race wins, quiz credits, direct awards."""
    players = [PlayerRef("discord", str(n), f"Player {n}") for n in range(12)]
    for position in range(1, 16):
        at = T0 + timedelta(days=position)
        guild, mode = GuildId(position % 3 + 1), rng.choice([Mode.RACE, Mode.QUIZ])
        session = await repository.create_session(
            guild, ChannelId(position), SessionConfig(mode), at
        )
        stored = await repository.open_round(session.id, 1, f"q-{position}", at, 30.0)
        for player in rng.sample(players, 6):
            points = rng.choice([0, 5, 10, 10, 15])
            record = AnswerRecord(stored.id, player, "a", at, points > 0, False, 90.0, 900, points)
            race = mode is Mode.RACE
            await repository.record_answer(record, race, race)
        await repository.settle_round(stored.id, at, mode is Mode.QUIZ)
        await repository.award(stored.id, rng.choice(players), 1, at)


async def test_histogram_matches_totals_after_mixed_credits(migrated_url, rng):
    engine = db.create_engine(migrated_url)
    try:
        await _play(SqlRepository(db.session_factory(engine)), rng)
        histogram = await _rows(engine, HISTOGRAM)
        assert histogram == await _rows(engine, GROUPED_TOTALS)
        assert {row[1] for row in histogram} == {"all", "week", "month"}
    finally:
        await engine.dispose()


async def test_rank_counts_every_player_with_more_points(migrated_url, rng):
    engine = db.create_engine(migrated_url)
    repository = SqlRepository(db.session_factory(engine))
    try:
        await _play(repository, rng)
        now = T0 + timedelta(days=15)
        for guild in (None, GuildId(1)):
            ranked = 0
            board = await repository.leaderboard(guild, Period.ALL_TIME, now, limit=100)
            for standing in board:
                info = await repository.rank(guild, Period.ALL_TIME, now, standing.player_id)
                expected = 1 + sum(1 for other in board if other.points > standing.points)
                assert info.standing.rank == expected == standing.rank
                around = {s.player_id: s.rank for s in (*info.above, *info.below)}
                assert around == {s.player_id: s.rank for s in board if s.player_id in around}
                ranked += 1
            assert ranked >= 6
    finally:
        await engine.dispose()


async def test_migration_backfills_histogram_from_existing_totals(database_url):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine, "0002")
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO players (id, platform, external_id, display_name, created_at) "
                    "VALUES (1, 'discord', '1', 'A', :at), (2, 'discord', '2', 'B', :at), "
                    "(3, 'discord', '3', 'C', :at)"
                ),
                {"at": T0},
            )
            await connection.execute(
                text(
                    "INSERT INTO leaderboard_totals (scope, period, period_key, player_id, points) "
                    "VALUES (-1, 'all', '', 1, 20), (-1, 'all', '', 2, 20), "
                    "(-1, 'all', '', 3, 7), (5, 'all', '', 3, 7)"
                )
            )
        await db.upgrade(engine)
        assert await _rows(engine, HISTOGRAM) == {
            (-1, "all", "", 20, 2),
            (-1, "all", "", 7, 1),
            (5, "all", "", 7, 1),
        }
        await db.downgrade(engine, "base")
    finally:
        await engine.dispose()
