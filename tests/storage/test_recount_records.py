"""``trivia db recount-records``: a drifted ``board_records`` table counted again."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from bot.cli import main
from bot.game.models import (
    AnswerRecord,
    BoardRecord,
    ChannelId,
    GuildId,
    GuildSettings,
    Mode,
    PlayerId,
    PlayerRef,
    SessionConfig,
    SessionFormat,
)
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.tables import BoardRecordRow
from tests.storage.board_oracle import counted_in_sql

T0 = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
ANNA, BORIS = PlayerRef("discord", "100", "Anna"), PlayerRef("discord", "101", "Boris")


async def _play(url: str) -> list[PlayerId]:
    """Anna and Boris answer in guilds 1 and 2 (guild 2 without night points)."""
    engine = db.create_engine(url)
    repo = SqlRepository(db.session_factory(engine))
    await repo.save_guild_settings(GuildSettings(GuildId(2), night_points=False))
    sid = 0
    for guild, kind in ((1, SessionFormat.GAME), (1, SessionFormat.NIGHT), (2, SessionFormat.GAME)):
        config = SessionConfig(Mode.QUIZ, format=kind)
        session = await repo.create_session(GuildId(guild), ChannelId(sid), config, T0)
        for position in (1, 2):
            asked = await repo.open_round(session.id, position, f"q{position}", T0, 30.0)
            for player in (ANNA, BORIS):
                sid += 1
                right = (sid % 3) != 0
                answer = AnswerRecord(
                    asked.id, player, "a", T0, right, False, 90.0, 900, 10 * right, f"s{sid}"
                )
                await repo.record_answer(answer, False, False)
    await repo.drain()
    ids = [await repo.player_id(p) for p in (ANNA, BORIS)]
    await engine.dispose()
    return [i for i in ids if i is not None]


async def _drift(url: str, anna: PlayerId, boris: PlayerId) -> None:
    """Behind the stores' back: one row wrong, one missing, one where nothing was answered."""
    engine = db.create_engine(url)
    table = BoardRecordRow
    async with engine.begin() as connection:
        await connection.execute(
            sa.update(table)
            .where(table.guild_id == 1, table.player_id == anna)
            .values(answers=99, best_streak=7)
        )
        await connection.execute(
            sa.delete(table).where(table.guild_id == 2, table.player_id == boris)
        )
        stray = dict.fromkeys(("answers", "correct", "best_streak", "streak", "last_round_id"), 1)
        stray |= {"last_correct": True, "streak_before": 0, "best_before": 0}
        await connection.execute(sa.insert(table).values(guild_id=3, player_id=boris, **stray))
    await engine.dispose()


async def _kept_and_counted(url: str, ids: list[PlayerId]) -> list[tuple[Any, Any]]:
    engine = db.create_engine(url)
    repo = SqlRepository(db.session_factory(engine))
    compared = []
    for guild in (1, 2, 3):
        kept = await repo.board_records(ids, GuildId(guild))
        compared.append((kept, await counted_in_sql(engine, ids, guild)))
    await repo.drain()
    await engine.dispose()
    return compared


async def _downgrade(url: str, revision: str) -> None:
    engine = db.create_engine(url)
    await db.downgrade(engine, revision)
    await engine.dispose()


def test_recount_records_repairs_a_drifted_table_and_says_what_it_did(
    database_url, monkeypatch, capsys
):
    monkeypatch.setenv("TRIVIA_DATABASE_URL", database_url)
    assert main(["db", "upgrade"]) == 0
    try:
        anna, boris = asyncio.run(_play(database_url))
        asyncio.run(_drift(database_url, anna, boris))
        drifted = asyncio.run(_kept_and_counted(database_url, [anna, boris]))
        assert any(kept != counted for kept, counted in drifted)
        capsys.readouterr()

        assert main(["db", "recount-records"]) == 0
        out = capsys.readouterr().out.strip()
        # Guild 1 (games and a night) and guild 2 (games only: nights not counted) keep a
        # row for each player; guild 3's stray row goes.
        assert out == (
            "counted 4 kept records again from the answers in 3 guilds: "
            "2 corrected or added, 1 removed"
        )
        repaired = asyncio.run(_kept_and_counted(database_url, [anna, boris]))
        for kept, counted in repaired:
            assert kept == counted
        assert repaired[0][0][anna] == BoardRecord(4, 3, 2)  # right, wrong, right, right

        assert main(["db", "recount-records"]) == 0
        assert capsys.readouterr().out.strip().endswith(": 0 corrected or added, 0 removed")
    finally:
        asyncio.run(_downgrade(database_url, "base"))


def test_recount_records_on_an_older_schema_says_to_upgrade(database_url, monkeypatch, capsys):
    monkeypatch.setenv("TRIVIA_DATABASE_URL", database_url)
    assert main(["db", "upgrade", "0020"]) == 0
    capsys.readouterr()
    try:
        assert main(["db", "recount-records"]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.strip() == (
            f"error: the database is at revision 0020, not {db.head_revision()}: "
            "run `trivia db upgrade` (it counts the records)"
        )
    finally:
        asyncio.run(_downgrade(database_url, "base"))
