"""Leaderboard latency at scale: top 10 and "my rank" over 1,000,000 score rows, 1,000 guilds.

Loads the schema with the project's migrations, bulk-loads score rows (executemany on SQLite,
COPY on PostgreSQL) together with the leaderboard totals and the points histogram the
repository keeps on write, then
times the repository's own ``leaderboard`` and ``rank`` calls (median of many runs) and
prints the query plans. Runs at 1/10 size and at full size to show the growth.

    python benchmarks/leaderboard_bench.py [--rows 1000000] [--postgres URL] [--no-sqlite]
"""

# ruff: noqa: E501  (bulk-load statements and printed tables read better on one line)
from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
from throwaway import migrated, postgres_database, sqlite_file

from bot.game.models import GuildId, Period, PlayerId
from bot.game.ports import GLOBAL_SCOPE, period_keys
from bot.storage import db
from bot.storage.sql import SqlRepository

GUILDS = 1000
PLAYERS_PER_GUILD = 100
ROUNDS_PER_GUILD = 100
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
RUNS = 200
PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"

TOP_SQL = (
    "SELECT player_id, points FROM leaderboard_totals WHERE scope = {scope} AND period = 'all' "
    "AND period_key = '' ORDER BY points DESC, player_id LIMIT 10"
)
RANK_SQL = (
    "SELECT sum(players) FROM leaderboard_points WHERE scope = {scope} AND period = 'all' "
    "AND period_key = '' AND points > 500"
)
TIED_SQL = (
    "SELECT count(*) FROM leaderboard_totals WHERE scope = {scope} AND period = 'all' "
    "AND period_key = '' AND points = 500 AND player_id < 5000"
)


def generate(rows: int, rng: random.Random):
    """Players, sessions, rounds, score rows and the totals kept on write."""
    guilds = max(rows // (PLAYERS_PER_GUILD * ROUNDS_PER_GUILD // 10), 1)
    guilds = min(guilds, GUILDS)
    per_guild = rows // guilds
    players, sessions, rounds, scores = [], [], [], []
    totals: dict[tuple[int, str, str, int], int] = defaultdict(int)
    created = "2026-01-01 00:00:00+00:00"
    for g in range(1, guilds + 1):
        base_player = (g - 1) * PLAYERS_PER_GUILD
        for p in range(1, PLAYERS_PER_GUILD + 1):
            players.append(
                (base_player + p, "discord", str(base_player + p), f"P{base_player + p}", created)
            )
        sessions.append((g, g, g, "race", "finished", ROUNDS_PER_GUILD, created))
        first_round = (g - 1) * ROUNDS_PER_GUILD
        pairs = rng.sample(range(ROUNDS_PER_GUILD * PLAYERS_PER_GUILD), per_guild)
        for r in range(ROUNDS_PER_GUILD):
            rounds.append((first_round + r + 1, g, r + 1, f"q-{r}", created))
        for pair in pairs:
            round_id = first_round + pair // PLAYERS_PER_GUILD + 1
            player_id = base_player + pair % PLAYERS_PER_GUILD + 1
            at = NOW - timedelta(days=rng.randrange(400), seconds=rng.randrange(86400))
            points = rng.randint(5, 15)
            scores.append((len(scores) + 1, g, player_id, g, round_id, points, at))
            for period, key in period_keys(at, None).items():
                for scope in (g, GLOBAL_SCOPE):
                    totals[scope, period.value, key, player_id] += points
    total_rows = [(s, p, k, pid, pts) for (s, p, k, pid), pts in totals.items()]
    histogram: dict[tuple[int, str, str, int], int] = defaultdict(int)
    for s, p, k, _, pts in total_rows:
        histogram[s, p, k, pts] += 1
    points_rows = [(*key, n) for key, n in histogram.items()]
    return players, sessions, rounds, scores, total_rows, guilds, points_rows


def load_sqlite(path: Path, data) -> None:
    players, sessions, rounds, scores, totals, _, points = data
    con = sqlite3.connect(path)
    con.executemany(
        "INSERT INTO players (id, platform, external_id, display_name, created_at) VALUES (?,?,?,?,?)",
        players,
    )
    con.executemany(
        "INSERT INTO sessions (id, guild_id, channel_id, mode, status, question_limit, started_at) VALUES (?,?,?,?,?,?,?)",
        sessions,
    )
    con.executemany(
        "INSERT INTO rounds (id, session_id, position, item_id, opened_at) VALUES (?,?,?,?,?)",
        rounds,
    )
    con.executemany(
        "INSERT INTO scores (id, guild_id, player_id, session_id, round_id, points, awarded_at) VALUES (?,?,?,?,?,?,?)",
        [(*row[:6], row[6].isoformat(sep=" ")) for row in scores],
    )
    con.executemany(
        "INSERT INTO leaderboard_totals (scope, period, period_key, player_id, points) VALUES (?,?,?,?,?)",
        totals,
    )
    con.executemany(
        "INSERT INTO leaderboard_points (scope, period, period_key, points, players) VALUES (?,?,?,?,?)",
        points,
    )
    con.commit()
    con.execute("ANALYZE")
    print(
        "  SQLite plan, top 10:",
        [r[3] for r in con.execute("EXPLAIN QUERY PLAN " + TOP_SQL.format(scope=7))],
    )
    for label, sql in (("my rank, above", RANK_SQL), ("my rank, tied", TIED_SQL)):
        plan = con.execute("EXPLAIN QUERY PLAN " + sql.format(scope=GLOBAL_SCOPE))
        print(f"  SQLite plan, {label}:", [r[3] for r in plan])
    con.close()


async def load_postgres(dsn: str, data) -> None:
    players, sessions, rounds, scores, totals, _, points = data
    con = await asyncpg.connect(dsn)
    created = datetime(2026, 1, 1, tzinfo=UTC)
    await con.copy_records_to_table(
        "players",
        records=[(*r[:4], created) for r in players],
        columns=["id", "platform", "external_id", "display_name", "created_at"],
    )
    await con.copy_records_to_table(
        "sessions",
        records=[(*r[:6], created) for r in sessions],
        columns=["id", "guild_id", "channel_id", "mode", "status", "question_limit", "started_at"],
    )
    await con.copy_records_to_table(
        "rounds",
        records=[(*r[:4], created) for r in rounds],
        columns=["id", "session_id", "position", "item_id", "opened_at"],
    )
    await con.copy_records_to_table(
        "scores",
        records=scores,
        columns=["id", "guild_id", "player_id", "session_id", "round_id", "points", "awarded_at"],
    )
    await con.copy_records_to_table(
        "leaderboard_totals",
        records=totals,
        columns=["scope", "period", "period_key", "player_id", "points"],
    )
    await con.copy_records_to_table(
        "leaderboard_points",
        records=points,
        columns=["scope", "period", "period_key", "points", "players"],
    )
    await con.execute("VACUUM ANALYZE")
    for label, sql in (
        ("top 10", TOP_SQL.format(scope=7)),
        ("my rank, above", RANK_SQL.format(scope=GLOBAL_SCOPE)),
        ("my rank, tied", TIED_SQL.format(scope=GLOBAL_SCOPE)),
    ):
        plan = await con.fetch("EXPLAIN " + sql)
        print(f"  PostgreSQL plan, {label}:", " | ".join(r[0].strip() for r in plan))
    await con.close()


async def measure(url: str, guilds: int, rng: random.Random) -> dict[str, float]:
    engine = db.create_engine(url)
    repo = SqlRepository(db.session_factory(engine))
    timings: dict[str, list[float]] = defaultdict(list)
    try:
        for _ in range(RUNS):
            guild = GuildId(rng.randint(1, guilds))
            player = PlayerId((guild - 1) * PLAYERS_PER_GUILD + rng.randint(1, PLAYERS_PER_GUILD))
            for label, call in (
                ("guild top 10", repo.leaderboard(guild, Period.ALL_TIME, NOW)),
                ("global top 10", repo.leaderboard(None, Period.ALL_TIME, NOW)),
                ("guild my rank", repo.rank(guild, Period.ALL_TIME, NOW, player)),
                ("global my rank", repo.rank(None, Period.ALL_TIME, NOW, player)),
                ("global month top 10", repo.leaderboard(None, Period.MONTH, NOW)),
            ):
                started = time.perf_counter()
                await call
                timings[label].append((time.perf_counter() - started) * 1000)
    finally:
        await engine.dispose()
    return {label: statistics.median(values) for label, values in timings.items()}


async def run_sqlite(rows: int) -> dict[str, float]:
    with sqlite_file() as (path, url):
        await migrated(url)
        data = generate(rows, random.Random(1))
        started = time.perf_counter()
        load_sqlite(path, data)
        print(
            f"  loaded {len(data[3]):,} score rows, {len(data[4]):,} totals, {len(data[6]):,} histogram rows in {time.perf_counter() - started:.1f} s"
        )
        return await measure(url, data[5], random.Random(2))


async def run_postgres(rows: int, admin_url: str) -> dict[str, float]:
    async with postgres_database(admin_url, "trivia_leaderboard_bench") as url:
        await migrated(url)
        data = generate(rows, random.Random(1))
        started = time.perf_counter()
        await load_postgres(url.replace("postgresql+asyncpg", "postgresql"), data)
        print(
            f"  loaded {len(data[3]):,} score rows, {len(data[4]):,} totals, {len(data[6]):,} histogram rows in {time.perf_counter() - started:.1f} s"
        )
        return await measure(url, data[5], random.Random(2))


def report(backend: str, small: dict[str, float], full: dict[str, float]) -> None:
    print(f"\n{backend}: median latency in ms (1/10 size -> full size, growth)")
    for label in full:
        print(
            f"  {label:<20} {small[label]:7.2f} -> {full[label]:7.2f}  x{full[label] / small[label]:.2f}"
        )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--postgres", default=PG_URL)
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    sizes = (args.rows // 10, args.rows)
    if not args.no_sqlite:
        results = []
        for rows in sizes:
            print(f"SQLite, {rows:,} score rows")
            results.append(await run_sqlite(rows))
        report("SQLite", *results)
    if not args.no_postgres:
        results = []
        for rows in sizes:
            print(f"PostgreSQL, {rows:,} score rows")
            results.append(await run_postgres(rows, args.postgres))
        report("PostgreSQL", *results)


if __name__ == "__main__":
    asyncio.run(main())
