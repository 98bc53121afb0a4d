"""Forgetting a member: answers, scores, results and name go everywhere, the boards are
recomputed as if they had never played; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import random

import sqlalchemy as sa

from bot.game.models import (
    ChannelId,
    GuildId,
    Mode,
    Period,
    PlayerRef,
    SessionConfig,
)
from bot.game.privacy import DELETED_NAME, MemberData
from bot.game.records import RecordsService
from bot.game.service import GameService
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.nights import NightResultRow, QuizNightRow, ReportRow
from bot.storage.sql.privacy import SqlMemberDataStore
from tests.fakes import text_item

ANNA = PlayerRef("discord", "1001", "Anna")
BORIS = PlayerRef("discord", "1002", "Boris")
CHEN = PlayerRef("discord", "1003", "Chen")


async def _game(service: GameService, guild: int, channel: int, answers) -> None:
    """One race question in ``guild``; ``answers`` in order (the first right one wins)."""
    here = ChannelId(channel)
    await service.start(GuildId(guild), here, SessionConfig(Mode.RACE, question_limit=1))
    asked = await service.ask(here)
    for player, right in answers:
        await service.answer(here, player, asked.item.answers[0] if right else "Gagarin")
    await service.close(here)
    await service.finish(here)


async def _add_reports_and_nights(engine) -> None:
    person = {"platform": "discord", "external_id": ANNA.external_id, "name": "Anna"}
    other = {"platform": "discord", "external_id": BORIS.external_id, "name": "Boris"}
    snapshot = {"version": 1, "night": {"participants": [{"player": person}, {"player": other}]}}
    async with engine.begin() as connection:
        await connection.execute(
            sa.insert(ReportRow).values(
                guild_id=1,
                item_id="q",
                reporter_platform="discord",
                reporter_id=ANNA.external_id,
                reporter_name="Anna",
                reason="typo",
                created_at=sa.func.now(),
            )
        )
        await connection.execute(
            sa.insert(QuizNightRow).values(
                id=5, guild_id=1, channel_id=1, status="finished", snapshot=json.dumps(snapshot)
            )
        )
        await connection.execute(
            sa.insert(NightResultRow).values(
                night_id=5,
                guild_id=1,
                finished_at=sa.func.now(),
                result=json.dumps({"winners": [person]}),
            )
        )


async def test_forget_member_removes_everything_and_recomputes_the_boards(database_url, clock):
    engine = db.create_engine(database_url)
    await db.upgrade(engine)
    try:
        repository = SqlRepository(db.session_factory(engine))
        service = GameService(repository, [text_item()], clock, random.Random(0))
        # Anna wins in two servers; Boris and Chen score less.
        await _game(service, 1, 10, [(ANNA, True), (BORIS, False)])
        clock.advance(60)
        await _game(service, 2, 20, [(ANNA, True)])
        clock.advance(60)
        await _game(service, 1, 11, [(BORIS, True)])
        clock.advance(60)
        await _game(service, 1, 12, [(CHEN, False), (CHEN, True)])
        await repository.drain()
        await _add_reports_and_nights(engine)
        records = RecordsService(repository, clock)
        assert (await records.leaderboard(GuildId(1)))[0].name == "Anna"
        boris = await records.player_stats(BORIS)

        store = SqlMemberDataStore(db.session_factory(engine))
        before = await store.member_data(ANNA)
        assert before.name == "Anna"
        assert (before.answers, before.scores, before.games, before.wins) == (2, 2, 2, 2)
        assert before.reports == 1
        assert before.quiz_nights == 2
        assert before.boards > 0

        assert await store.forget_member(ANNA) == before
        after = await store.member_data(ANNA)
        assert after == MemberData(None, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        assert after.is_empty

        for guild in (GuildId(1), None):
            board = await records.leaderboard(guild, Period.ALL_TIME)
            assert "Anna" not in [s.name for s in board]
            assert [s.rank for s in board] == [
                1 + sum(o.points > s.points for o in board) for s in board
            ]
        assert (await records.rank(GuildId(1), BORIS)).standing.rank == 1
        assert await records.leaderboard(GuildId(2)) == []
        assert await records.player_stats(BORIS) == boris
        async with engine.connect() as connection:
            reporter = await connection.scalar(sa.select(ReportRow.reporter_name))
            snapshot = await connection.scalar(sa.select(QuizNightRow.snapshot))
            result = await connection.scalar(sa.select(NightResultRow.result))
        assert reporter == DELETED_NAME
        assert "Anna" not in snapshot + result
        assert "Boris" in snapshot
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
