"""Server time of the web leaderboard page at 1,000,000 stored answers, SQLite and PostgreSQL.

What is measured: one ``GET /g/{guild}/leaderboard/all`` answered by the pages' Starlette
application in this process (httpx's ASGI transport, no socket): the guild's settings, the
current season, the top 25 of the leaderboard totals, the records of those 25 players
(answers, accuracy, best streak: their rows of ``board_records``, kept on write) and the
rendering of the template. The kept rows are loaded with the answers, counted from them
as the store keeps them (``RunningRecord``). Figures are wall-clock milliseconds per request and this process's CPU
milliseconds (which include aiosqlite's thread, not PostgreSQL's server processes).

- cold: the first request of a new engine and application (connections opened, statements
  and the template compiled, every record read); the file cache is warm from loading.
- warm: the median (and p90) of the requests after it, the rows' records kept (the pages
  read a guild's accuracy and streaks at most once a minute, ``BoardRecords``).
- re-read: the same with the records read again at every request (what the first request
  of each minute costs).

Two guilds are timed: a big one holding a fifth of the answers (200 players who each
answered 1,000 questions: 25,000 answers of its top 25, counted in 25 kept rows), and small
ones (20 players, 40 questions each). What is left out: the network and HTTP parsing
(uvicorn), the browser, the week/month/season boards (the same statements on other
totals' keys) and the leaderboard's rank histogram (the page does not read it).

    python benchmarks/web_bench.py [--answers 1000000] [--postgres URL] [--no-sqlite] [--no-postgres]
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
import httpx
from throwaway import migrated, postgres_database, sqlite_file

from bot.game.statistics import RunningRecord
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.moderation import SqlCurationRepository
from bot.storage.sql.nights import SqlNightRepository
from bot.web.app import create_app
from bot.web.serve import build_site
from bot.web.site import BoardRecords

PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
BIG_GUILD = 1
BIG_PLAYERS, BIG_SHARE = 200, 0.2
SMALL_PLAYERS, SMALL_ROUNDS = 20, 40
ROUNDS_PER_SESSION = 100
WARM_RUNS = 60
POINTS = 10


def generate(answers: int, rng: random.Random):
    """Players, sessions, rounds, answers, results, settings, all-time totals and records."""
    players, sessions, rounds, rows, results = [], [], [], [], []
    totals: dict[tuple[int, int], int] = defaultdict(int)
    records: dict[tuple[int, int], RunningRecord] = defaultdict(RunningRecord)
    created = NOW - timedelta(days=30)

    def guild(guild_id: int, player_count: int, round_count: int) -> None:
        first_player = len(players) + 1
        for p in range(player_count):
            pid = first_player + p
            players.append((pid, "discord", str(10**17 + pid), f"Player {pid}", created))
        for r in range(round_count):
            if r % ROUNDS_PER_SESSION == 0:
                sid = len(sessions) + 1
                sessions.append(
                    (sid, guild_id, guild_id, "quiz", "finished", ROUNDS_PER_SESSION, created)
                )
                results.append((sid, first_player + rng.randrange(player_count), 1, 50))
            rid = len(rounds) + 1
            rounds.append((rid, len(sessions), r % ROUNDS_PER_SESSION + 1, f"q-{r}", created))
            for p in range(player_count):
                pid = first_player + p
                right = rng.random() < 0.3 + 0.6 * p / player_count
                at = created + timedelta(seconds=rid)
                rows.append(
                    (
                        len(rows) + 1,
                        rid,
                        pid,
                        "answer",
                        at,
                        right,
                        False,
                        100.0 if right else 20.0,
                        rng.randrange(500, 20_000),
                        POINTS if right else 0,
                        False,
                    )
                )
                if right:
                    totals[guild_id, pid] += POINTS
                records[guild_id, pid] = records[guild_id, pid].answered(rid, right)

    guild(BIG_GUILD, BIG_PLAYERS, int(answers * BIG_SHARE) // BIG_PLAYERS)
    small = max((answers - len(rows)) // (SMALL_PLAYERS * SMALL_ROUNDS), 1)
    for guild_id in range(2, small + 2):
        guild(guild_id, SMALL_PLAYERS, SMALL_ROUNDS)
    total_rows = [(g, "all", "", pid, pts) for (g, pid), pts in totals.items()]
    settings = [(g, 30_000, "", 3, True, True) for g in range(1, small + 2)]
    kept = [
        (
            g,
            pid,
            r.answers,
            r.correct,
            r.best_streak,
            r.streak,
            r.last_round,
            r.last_correct,
            r.streak_before,
            r.best_before,
        )
        for (g, pid), r in records.items()
    ]
    return players, sessions, rounds, rows, results, total_rows, settings, kept, small + 1


COLUMNS = {
    "players": ["id", "platform", "external_id", "display_name", "created_at"],
    "sessions": ["id", "guild_id", "channel_id", "mode", "status", "question_limit", "started_at"],
    "rounds": ["id", "session_id", "position", "item_id", "opened_at"],
    "answers": [
        "id",
        "round_id",
        "player_id",
        "text",
        "submitted_at",
        "accepted",
        "close",
        "similarity",
        "elapsed_ms",
        "points",
        "reviewed",
    ],
    "session_results": ["session_id", "player_id", "rank", "points"],
    "leaderboard_totals": ["scope", "period", "period_key", "player_id", "points"],
    "guild_settings": [
        "guild_id",
        "time_limit_ms",
        "allowed_channels",
        "guess_limit",
        "night_points",
        "web_pages",
    ],
    "board_records": [
        "guild_id",
        "player_id",
        "answers",
        "correct",
        "best_streak",
        "streak",
        "last_round_id",
        "last_correct",
        "streak_before",
        "best_before",
    ],
}


def load_sqlite(path: Path, data) -> None:
    con = sqlite3.connect(path)
    for (table, columns), rows in zip(COLUMNS.items(), data[:8], strict=True):
        marks = ",".join("?" * len(columns))
        cleaned = [
            tuple(v.isoformat(sep=" ") if isinstance(v, datetime) else v for v in row)
            for row in rows
        ]
        con.executemany(f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})", cleaned)  # noqa: S608
    con.commit()
    con.execute("ANALYZE")
    con.close()


async def load_postgres(dsn: str, data) -> None:
    con = await asyncpg.connect(dsn)
    for (table, columns), rows in zip(COLUMNS.items(), data[:8], strict=True):
        await con.copy_records_to_table(table, records=rows, columns=columns)
    await con.execute("VACUUM ANALYZE")
    await con.close()


async def _request(client: httpx.AsyncClient, path: str) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    answer = await client.get(path)
    elapsed = (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000
    if answer.status_code != 200 or "board" not in answer.text:
        raise SystemExit(f"{path}: status {answer.status_code}")
    return elapsed


async def measure(url: str, guilds: int, rng: random.Random) -> dict[str, tuple[float, ...]]:
    figures: dict[str, tuple[float, ...]] = {}
    for label, pick in (
        ("big guild", lambda: BIG_GUILD),
        ("small guilds", lambda: rng.randint(2, guilds)),
    ):
        engine = db.create_engine(url)
        sessions = db.session_factory(engine)
        kept = BoardRecords(lambda: NOW)
        repository = SqlRepository(sessions, keep_settings=False)  # as trivia web reads them
        site = build_site(
            repository,
            SqlNightRepository(sessions),
            SqlCurationRepository(sessions),
            (),
            lambda: NOW,
            board_records=kept,
        )
        transport = httpx.ASGITransport(app=create_app(site, None))
        try:
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
                cold = await _request(client, f"/g/{pick()}/leaderboard/all")
                warm = [
                    await _request(client, f"/g/{pick()}/leaderboard/all") for _ in range(WARM_RUNS)
                ]
                again = []
                for _ in range(WARM_RUNS):
                    kept.clear()
                    again.append(await _request(client, f"/g/{pick()}/leaderboard/all"))
        finally:
            await engine.dispose()
        figures[label] = (*cold, *_summary(warm), *_summary(again))
    return figures


def _summary(runs: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Median and p90 wall time, median CPU time."""
    walls = sorted(wall for wall, _ in runs)
    return (
        statistics.median(walls),
        walls[int(len(walls) * 0.9)],
        statistics.median(c for _, c in runs),
    )


def report(backend: str, loaded: str, figures: dict[str, tuple[float, ...]]) -> None:
    print(
        f"\n{backend} ({loaded}): leaderboard page, server time in ms (wall; CPU of this process)"
    )
    print(
        f"  {'':<14}{'cold':>8}{'CPU':>7} |{'warm med':>9}{'p90':>7}{'CPU':>7} |{'re-read med':>12}{'p90':>7}{'CPU':>7}"
    )
    for label, f in figures.items():
        print(
            f"  {label:<14}{f[0]:8.1f}{f[1]:7.1f} |{f[2]:9.1f}{f[3]:7.1f}{f[4]:7.1f} |{f[5]:12.1f}{f[6]:7.1f}{f[7]:7.1f}"
        )


async def run_sqlite(answers: int) -> None:
    with sqlite_file() as (path, url):
        await migrated(url)
        data = generate(answers, random.Random(1))
        started = time.perf_counter()
        load_sqlite(path, data)
        loaded = f"{len(data[3]):,} answers, {data[8]:,} guilds, loaded in {time.perf_counter() - started:.0f} s"
        report("SQLite", loaded, await measure(url, data[8], random.Random(2)))


async def run_postgres(answers: int, admin_url: str) -> None:
    async with postgres_database(admin_url, "trivia_web_bench") as url:
        await migrated(url)
        data = generate(answers, random.Random(1))
        started = time.perf_counter()
        await load_postgres(url.replace("postgresql+asyncpg", "postgresql"), data)
        loaded = f"{len(data[3]):,} answers, {data[8]:,} guilds, loaded in {time.perf_counter() - started:.0f} s"
        report("PostgreSQL", loaded, await measure(url, data[8], random.Random(2)))


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=1_000_000)
    parser.add_argument("--postgres", default=PG_URL)
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    if not args.no_sqlite:
        await run_sqlite(args.answers)
    if not args.no_postgres:
        await run_postgres(args.answers, args.postgres)


if __name__ == "__main__":
    asyncio.run(main())
