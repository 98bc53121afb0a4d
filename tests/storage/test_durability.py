"""Atomic scoring under 50 concurrent answers, crash recovery and database outages."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime

import pytest

from bot.game.errors import StorageUnavailableError
from bot.game.models import (
    AnswerRecord,
    ChannelId,
    GuildId,
    Mode,
    Period,
    PlayerRef,
    SessionConfig,
    SessionStatus,
)
from bot.storage import db
from bot.storage.memory import InMemoryRepository
from bot.storage.sql import SqlRepository
from tests.fakes import RecordingSleep, as_sleep, game_service, shipped_judge, text_item

T0 = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
CONCURRENT = 50


def _players(count: int) -> list[PlayerRef]:
    return [PlayerRef("discord", str(n), f"Player {n}") for n in range(count)]


def _record(round_id, player, sid=None) -> AnswerRecord:
    return AnswerRecord(round_id, player, "right", T0, True, False, 100.0, 500, 10, sid)


async def _open(repository, mode: Mode):
    session = await repository.create_session(GuildId(1), ChannelId(1), SessionConfig(mode), T0)
    return await repository.open_round(session.id, 1, "q-1", T0, 30.0)


async def test_race_with_50_concurrent_correct_answers_is_won_once(migrated_url):
    engine = db.create_engine(migrated_url)
    repository = SqlRepository(db.session_factory(engine))
    try:
        stored = await _open(repository, Mode.RACE)
        outcomes = await asyncio.gather(
            *(repository.record_answer(_record(stored.id, p), True, True) for p in _players(50))
        )
        assert sum(o.won_round for o in outcomes) == 1
        assert sum(o.points for o in outcomes) == 10
        board = await repository.leaderboard(None, Period.ALL_TIME, T0)
        assert [s.points for s in board] == [10]
    finally:
        await engine.dispose()


async def test_50_concurrent_copies_of_one_submission_count_once(migrated_url):
    engine = db.create_engine(migrated_url)
    repository = SqlRepository(db.session_factory(engine))
    player = _players(1)[0]
    try:
        stored = await _open(repository, Mode.QUIZ)
        record = _record(stored.id, player, sid="interaction-77")
        await asyncio.gather(
            *(repository.record_answer(record, True, False) for _ in range(CONCURRENT))
        )
        stats = await repository.player_stats(await repository.player_id(player), None)
        assert stats.answers == 1
        board = await repository.leaderboard(GuildId(1), Period.WEEK, T0)
        assert [s.points for s in board] == [10]
    finally:
        await engine.dispose()


async def test_50_concurrent_quiz_answers_lose_no_point(migrated_url):
    engine = db.create_engine(migrated_url)
    repository = SqlRepository(db.session_factory(engine))
    players = _players(CONCURRENT)
    try:
        stored = await _open(repository, Mode.QUIZ)
        await asyncio.gather(
            *(repository.record_answer(_record(stored.id, p), False, False) for p in players)
        )
        settled = await asyncio.gather(
            repository.settle_round(stored.id, T0, True),
            repository.settle_round(stored.id, T0, True),
        )
        assert sum(len(credits) for credits in settled) == CONCURRENT
        board = await repository.leaderboard(None, Period.ALL_TIME, T0, limit=100)
        assert sum(s.points for s in board) == 10 * CONCURRENT
    finally:
        await engine.dispose()


async def test_killed_session_is_recovered_with_every_point_kept(migrated_url, clock):
    anna, boris = _players(2)
    item = text_item()
    engine = db.create_engine(migrated_url)
    repository = SqlRepository(db.session_factory(engine))
    service = game_service(repository, [item], clock, random.Random(0), judge=shipped_judge())
    await service.start(GuildId(1), ChannelId(1), SessionConfig(Mode.RACE))
    await service.ask(ChannelId(1))
    won = await service.answer(ChannelId(1), anna, item.answers[0])
    await service.start(GuildId(1), ChannelId(2), SessionConfig(Mode.QUIZ))
    await service.ask(ChannelId(2))
    await service.answer(ChannelId(2), boris, item.answers[0])
    await engine.dispose()  # the process dies: nothing is closed or finished

    engine = db.create_engine(migrated_url)
    repository = SqlRepository(db.session_factory(engine))
    try:
        restarted = game_service(repository, [item], clock, random.Random(0), judge=shipped_judge())
        results = await restarted.recover()
        assert {r.status for r in results} == {SessionStatus.ABANDONED}
        points = {s.name: s.points for r in results for s in r.standings}
        assert points["Player 0"] == won.points > 0
        assert points["Player 1"] > 0
        assert await restarted.recover() == []
        assert await repository.unfinished_sessions() == []
    finally:
        await engine.dispose()


async def test_point_earned_while_database_is_down_is_retried_and_kept(clock):
    repository = InMemoryRepository()
    item = text_item()
    sleep = RecordingSleep(after=2, hook=lambda: setattr(repository, "available", True))
    service = game_service(
        repository, [item], clock, random.Random(0), sleep=as_sleep(sleep), judge=shipped_judge()
    )
    await service.start(GuildId(1), ChannelId(1), SessionConfig(Mode.RACE))
    await service.ask(ChannelId(1))
    repository.available = False
    result = await service.answer(ChannelId(1), _players(1)[0], item.answers[0])
    assert result.points > 0
    assert sleep.waits == [0.25, 0.5]
    board = await repository.leaderboard(GuildId(1), Period.ALL_TIME, clock())
    assert [s.points for s in board] == [result.points]


async def test_answer_not_recorded_when_database_stays_down(clock):
    repository = InMemoryRepository()
    item = text_item()
    sleep = RecordingSleep()
    service = game_service(
        repository, [item], clock, random.Random(0), sleep=as_sleep(sleep), judge=shipped_judge()
    )
    await service.start(GuildId(1), ChannelId(1), SessionConfig(Mode.RACE))
    await service.ask(ChannelId(1))
    repository.available = False
    with pytest.raises(StorageUnavailableError, match="not recorded"):
        await service.answer(ChannelId(1), _players(1)[0], item.answers[0])
    assert len(sleep.waits) == 3
    assert sleep.waits == sorted(sleep.waits)


async def test_unreachable_database_is_reported_clearly(clock):
    engine = db.create_engine("postgresql+asyncpg://nobody@127.0.0.1:1/none")
    repository = SqlRepository(db.session_factory(engine))
    service = game_service(
        repository, [text_item()], clock, random.Random(0), judge=shipped_judge()
    )
    try:
        with pytest.raises(StorageUnavailableError, match="unreachable"):
            await service.start(GuildId(1), ChannelId(1))
    finally:
        await engine.dispose()
