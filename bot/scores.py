"""Scores outside Discord: leaderboards, a player's record and seasons, for the terminal.

The same :class:`~bot.game.records.RecordsService` the slash commands use, opened on the
configured database (migrated first, as ``trivia play`` does), printed with rich tables.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bot.game.models import (
    TERMINAL_GUILD,
    Clock,
    GuildId,
    Period,
    PlayerRef,
    PlayerStats,
    Season,
    Standing,
)
from bot.game.records import RecordsService
from bot.storage import db
from bot.storage.sql import SqlRepository


@asynccontextmanager
async def open_records(database_url: str, clock: Clock) -> AsyncIterator[RecordsService]:
    """The records of the database at ``database_url``, its schema brought up to date.

    Raises:
        StorageError: The database is unreachable (subclasses say so in their message).
    """
    engine = db.create_engine(database_url)
    repository = SqlRepository(db.session_factory(engine))
    try:
        await db.upgrade(engine)
        yield RecordsService(clock, leaderboards=repository, stats=repository, settings=repository)
    finally:
        await repository.drain()
        await engine.dispose()


def terminal_player(name: str) -> PlayerRef:
    """The reference ``trivia play`` stores a terminal player under."""
    shown = name.strip() or "player"
    return PlayerRef("terminal", shown.casefold(), shown)


def discord_player(user_id: int) -> PlayerRef:
    """The reference the bot stores a Discord member under (the name is not needed to find)."""
    return PlayerRef("discord", str(user_id), str(user_id))


PERIOD_WORDS = {
    Period.WEEK: "this week",
    Period.MONTH: "this month",
    Period.SEASON: "this season",
    Period.ALL_TIME: "all time",
}


def leaderboard_title(guild_id: GuildId | None, period: Period) -> str:
    """Which board this is: terminal games, one server or every server, and the period."""
    if guild_id is None:
        where = "every server"
    elif guild_id == TERMINAL_GUILD:
        where = "terminal"
    else:
        where = f"server {guild_id}"
    return f"Leaderboard ({where}, {PERIOD_WORDS[period]})"


def print_leaderboard(console: Console, title: str, standings: Sequence[Standing]) -> None:
    """A ranked table, or a line saying nobody has scored."""
    if not standings:
        console.print(f"{title}: nobody has scored yet.")
        return
    table = Table(title=title, title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("player")
    table.add_column("points", justify="right")
    for standing in standings:
        table.add_row(str(standing.rank), escape(standing.name), str(standing.points))
    console.print(table)


def print_stats(console: Console, stats: PlayerStats) -> None:
    """One player's record as a two-column table."""
    median = "—" if stats.median_answer_ms is None else f"{stats.median_answer_ms / 1000:.1f} s"
    table = Table(title=escape(stats.name), title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    rows = (
        ("games", str(stats.games)),
        ("wins", str(stats.wins)),
        ("answers", str(stats.answers)),
        ("correct", str(stats.correct)),
        ("accuracy", f"{stats.accuracy:.0%}"),
        ("median time (correct)", median),
        ("best streak", str(stats.best_streak)),
    )
    for what, value in rows:
        table.add_row(what, value)
    console.print(table)


def describe_season(season: Season | None) -> str:
    """One line about the current season."""
    if season is None:
        return "No season has been started; seasonal leaderboards count from the first one."
    started = season.started_at.strftime("%Y-%m-%d %H:%M UTC")
    return f"Current season: {season.name} (since {started})."
