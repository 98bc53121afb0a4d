"""The records leaderboard rows show, kept on write, equal what counting the answers gives.

Every store (memory, SQLite, PostgreSQL) is played through randomized sequences: answers
one by one and in concurrent bursts (one transaction for many), races with several
guesses, changed answers, answers to an earlier question of the guild (a second game at
once), repeated submissions, quiz nights, near misses accepted, night points switched
both ways, seasons started. After each, every player's kept record in every guild is
compared with ``player_stats`` (the answers counted in Python) and, on SQL, with the
query the leaderboard counted them with before they were kept (window functions).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.game.models import (
    AnswerRecord,
    BoardRecord,
    ChannelId,
    GuildId,
    GuildSettings,
    Mode,
    PlayerId,
    PlayerRef,
    RoundId,
    SessionConfig,
    SessionFormat,
    SessionId,
    SessionStatus,
)
from bot.game.ports import Repository
from bot.storage import db
from bot.storage.memory import InMemoryRepository, as_repository
from bot.storage.sql import SqlRepository
from bot.storage.sql.privacy import SqlMemberDataStore
from bot.storage.tables import AnswerRow, BoardRecordRow
from tests.storage.board_oracle import counted_in_sql

T0 = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
GUILDS = (GuildId(1), GuildId(2))
PLAYERS = tuple(PlayerRef("discord", str(100 + n), f"Player {n}") for n in range(6))


@dataclass
class Store:
    """A repository and, on SQL, its engine (for the counting query and the table)."""

    repo: Repository
    engine: AsyncEngine | None = None
    sql: SqlRepository | None = None


@pytest.fixture
async def store(backend_url: str | None) -> AsyncIterator[Store]:
    if backend_url is None:
        yield Store(as_repository(InMemoryRepository()))
        return
    engine = db.create_engine(backend_url)
    await db.upgrade(engine)
    sql = SqlRepository(db.session_factory(engine))
    try:
        yield Store(sql, engine, sql)
    finally:
        await sql.drain()
        await db.downgrade(engine, "base")
        await engine.dispose()


async def assert_kept_as_counted(store: Store) -> int:
    """Every player's kept record in every guild equals the count of their answers there.

    Returns how many records were compared.
    """
    if store.sql is not None:
        await store.sql.drain()
    ids = [pid for p in PLAYERS if (pid := await store.repo.player_id(p)) is not None]
    compared = 0
    for guild in (*GUILDS, GuildId(99)):
        kept = await store.repo.board_records(ids, guild)
        expected: dict[PlayerId, BoardRecord] = {}
        for player_id in ids:
            stats = await store.repo.player_stats(player_id, guild)
            if stats is not None and stats.answers:
                expected[player_id] = BoardRecord(stats.answers, stats.correct, stats.best_streak)
        assert kept == expected, f"guild {guild}"
        if store.engine is not None and ids:
            assert kept == await counted_in_sql(store.engine, ids, guild)
        compared += len(kept)
    return compared


@dataclass
class Play:
    """A randomized sequence of play in two guilds (games and nights, several channels)."""

    repo: Repository
    rng: random.Random
    at: datetime = T0
    sessions: list[tuple[SessionId, GuildId, Mode]] = field(default_factory=list)
    rounds: dict[SessionId, list[RoundId]] = field(default_factory=dict)
    sent: list[AnswerRecord] = field(default_factory=list)
    night_points: dict[GuildId, bool] = field(default_factory=dict)

    def _tick(self) -> datetime:
        self.at += timedelta(seconds=self.rng.randint(1, 4000))
        return self.at

    async def open_round(self) -> None:
        """A new question in a running session, or in a new one (a game or a night)."""
        if not self.sessions or self.rng.random() < 0.25:
            guild = self.rng.choice(GUILDS)
            kind = self.rng.choice([SessionFormat.GAME, SessionFormat.GAME, SessionFormat.NIGHT])
            mode = self.rng.choice([Mode.RACE, Mode.QUIZ])
            channel = ChannelId(len(self.sessions) + 1)
            config = SessionConfig(mode, format=kind)
            info = await self.repo.create_session(guild, channel, config, self._tick())
            self.sessions.append((info.id, guild, mode))
            self.rounds[info.id] = []
            session_id = info.id
        else:
            session_id, _, _ = self.rng.choice(self.sessions)
        position = len(self.rounds[session_id]) + 1
        opened = await self.repo.open_round(session_id, position, f"q-{position}", self.at, 30.0)
        self.rounds[session_id].append(opened.id)

    def _answer(self) -> tuple[AnswerRecord, bool]:
        session_id, _, mode = self.rng.choice(self.sessions)
        asked = self.rounds[session_id]
        # Mostly the session's current question; at times an earlier one (another game of
        # the guild whose question opened before).
        round_id = asked[-1] if self.rng.random() < 0.8 else self.rng.choice(asked)
        if self.sent and self.rng.random() < 0.05:  # a submission delivered again
            return self.rng.choice(self.sent), mode is Mode.RACE
        right = self.rng.random() < 0.55
        close = not right and self.rng.random() < 0.3
        answer = AnswerRecord(
            round_id,
            self.rng.choice(PLAYERS),
            "answer",
            self._tick(),
            right,
            close,
            85.0 if close else 100.0 if right else 20.0,
            self.rng.randint(500, 20_000),
            10 if right else 0,
            submission_id=f"s-{len(self.sent)}",
        )
        self.sent.append(answer)
        return answer, mode is Mode.RACE

    async def answer(self) -> None:
        """One answer, or a burst of answers sent at once (one transaction when batched)."""
        if not self.rounds or not any(self.rounds.values()):
            await self.open_round()
        if self.rng.random() < 0.3:
            given = [self._answer() for _ in range(self.rng.randint(2, 25))]
            await asyncio.gather(*(self.repo.record_answer(a, race, race) for a, race in given))
        else:
            answer, race = self._answer()
            await self.repo.record_answer(answer, race, race)

    async def accept_near_miss(self) -> None:
        for guild in self.rng.sample(GUILDS, len(GUILDS)):
            misses = await self.repo.near_misses(guild, 50)
            if misses:
                miss = self.rng.choice(misses)
                await self.repo.accept_near_miss(miss.answer_id, 5, self._tick())
                return

    async def switch_night_points(self) -> None:
        guild = self.rng.choice(GUILDS)
        on = not self.night_points.get(guild, True)
        self.night_points[guild] = on
        await self.repo.save_guild_settings(GuildSettings(guild, night_points=on))

    async def start_season(self) -> None:
        await self.repo.start_season(f"Season {self.rng.randint(1, 99)}", self._tick())

    async def step(self) -> None:
        actions = [
            (self.open_round, 2),
            (self.answer, 10),
            (self.accept_near_miss, 1),
            (self.switch_night_points, 1),
            (self.start_season, 0.3),
        ]
        action = self.rng.choices([a for a, _ in actions], [w for _, w in actions])[0]
        await action()


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_kept_records_equal_the_answers_counted_through_random_play(store, seed):
    play = Play(store.repo, random.Random(seed))
    compared = 0
    for _ in range(6):
        for _step in range(30):
            await play.step()
        compared += await assert_kept_as_counted(store)
    assert compared >= 30, "the sequences compared too few records to mean anything"


async def _round(repo: Repository, guild: int, channel: int, kind=SessionFormat.GAME):
    config = SessionConfig(Mode.QUIZ, format=kind)
    session = await repo.create_session(GuildId(guild), ChannelId(channel), config, T0)
    return session, await repo.open_round(session.id, 1, f"q-{channel}", T0, 30.0)


def _given(round_id, player, right, sid, close=False):
    return AnswerRecord(round_id, player, "a", T0, right, close, 90.0, 900, 10 if right else 0, sid)


async def test_each_change_of_what_counts_moves_the_kept_record(store):
    anna = PLAYERS[0]
    _, r1 = await _round(store.repo, 1, 1)
    _, r2 = await _round(store.repo, 1, 2)
    _, r3 = await _round(store.repo, 1, 3, SessionFormat.NIGHT)
    _, r4 = await _round(store.repo, 1, 4)
    await store.repo.record_answer(_given(r1.id, anna, True, "1"), False, False)
    await store.repo.record_answer(_given(r2.id, anna, False, "2", close=True), False, False)
    await store.repo.record_answer(_given(r3.id, anna, True, "3"), False, False)
    await store.repo.record_answer(_given(r4.id, anna, True, "4"), False, False)
    await assert_kept_as_counted(store)
    pid = await store.repo.player_id(anna)

    async def kept():
        if store.sql is not None:
            await store.sql.drain()
        return (await store.repo.board_records([pid], GuildId(1)))[pid]

    assert await kept() == BoardRecord(4, 3, 2)
    # An answer again to the first question (a second game still open): counted again.
    await store.repo.record_answer(_given(r1.id, anna, False, "1b"), False, False)
    assert await kept() == BoardRecord(4, 2, 2)
    # The near miss accepted: the second question right, a run of three.
    (miss,) = await store.repo.near_misses(GuildId(1))
    await store.repo.accept_near_miss(miss.answer_id, 5, T0)
    assert await kept() == BoardRecord(4, 3, 3)
    # Night points off: the night's question leaves the record; on again: it is back.
    await store.repo.save_guild_settings(GuildSettings(GuildId(1), night_points=False))
    assert await kept() == BoardRecord(3, 2, 2)
    await store.repo.save_guild_settings(GuildSettings(GuildId(1), night_points=True))
    assert await kept() == BoardRecord(4, 3, 3)
    # A repeated submission changes nothing; a season started neither.
    await store.repo.record_answer(_given(r4.id, anna, True, "4"), False, False)
    await store.repo.start_season("Autumn", T0)
    assert await kept() == BoardRecord(4, 3, 3)
    await assert_kept_as_counted(store)


async def test_a_night_player_with_only_night_answers_leaves_and_comes_back(store):
    boris = PLAYERS[1]
    _, asked = await _round(store.repo, 2, 1, SessionFormat.NIGHT)
    await store.repo.record_answer(_given(asked.id, boris, True, "n"), False, False)
    pid = await store.repo.player_id(boris)
    if store.sql is not None:
        await store.sql.drain()
    assert await store.repo.board_records([pid], GuildId(2)) == {pid: BoardRecord(1, 1, 1)}
    await store.repo.save_guild_settings(GuildSettings(GuildId(2), night_points=False))
    assert await store.repo.board_records([pid], GuildId(2)) == {}
    # Answers of a night while its guild counts no night points are not counted either.
    _, later = await _round(store.repo, 2, 2, SessionFormat.NIGHT)
    await store.repo.record_answer(_given(later.id, boris, True, "m"), False, False)
    await assert_kept_as_counted(store)
    await store.repo.save_guild_settings(GuildSettings(GuildId(2), night_points=True))
    assert await store.repo.board_records([pid], GuildId(2)) == {pid: BoardRecord(2, 2, 2)}


@pytest.mark.parametrize("backend_url", ["sqlite", "postgresql"], indirect=True)
async def test_forgetting_a_member_deletes_their_kept_records_and_keeps_the_others(store):
    anna, boris = PLAYERS[:2]
    for guild in (1, 2):
        session, asked = await _round(store.repo, guild, guild)
        for player in (anna, boris):
            given = _given(asked.id, player, player is anna, f"{guild}{player.external_id}")
            await store.repo.record_answer(given, False, False)
        await store.repo.end_session(session.id, SessionStatus.FINISHED, T0, ())
    anna_id = await store.repo.player_id(anna)
    assert store.engine is not None
    await SqlMemberDataStore(db.session_factory(store.engine)).forget_member(anna)
    async with store.engine.connect() as connection:
        left = (await connection.execute(select(BoardRecordRow.player_id))).scalars().all()
    assert anna_id not in left
    assert sorted(left) == [await store.repo.player_id(boris)] * 2
    await assert_kept_as_counted(store)


@pytest.mark.parametrize("backend_url", ["sqlite", "postgresql"], indirect=True)
async def test_a_failed_batch_rerun_one_by_one_counts_each_answer_once(store):
    _, asked = await _round(store.repo, 1, 1)
    given = [_given(asked.id, p, n % 2 == 0, f"b{n}") for n, p in enumerate(PLAYERS)]
    # An answer to a question that does not exist fails its batch, which is run again
    # one transaction per answer: the others are stored and counted once.
    broken = _given(RoundId(10_000), PLAYERS[0], True, "broken")
    results = await asyncio.gather(
        *(store.repo.record_answer(a, False, False) for a in (*given[:3], broken, *given[3:])),
        return_exceptions=True,
    )
    assert sum(isinstance(result, Exception) for result in results) == 1
    assert await assert_kept_as_counted(store) == len(PLAYERS)


@pytest.mark.parametrize("backend_url", ["sqlite", "postgresql"], indirect=True)
async def test_a_leaderboard_reads_the_kept_records_not_the_answers(store):
    _, asked = await _round(store.repo, 1, 1)
    await store.repo.record_answer(_given(asked.id, PLAYERS[0], True, "x"), False, False)
    pid = await store.repo.player_id(PLAYERS[0])
    assert store.engine is not None
    assert store.sql is not None
    await store.sql.drain()
    async with store.engine.begin() as connection:  # behind the store's back
        await connection.execute(sa.delete(AnswerRow))
    assert await store.repo.board_records([pid], GuildId(1)) == {pid: BoardRecord(1, 1, 1)}


@pytest.mark.parametrize("backend_url", ["sqlite", "postgresql"], indirect=True)
async def test_a_repeated_submission_leaves_no_row_made_only_to_be_locked(store):
    _, asked = await _round(store.repo, 1, 1)
    answer = _given(asked.id, PLAYERS[0], True, "once")
    await store.repo.record_answer(answer, False, False)
    assert store.engine is not None
    assert store.sql is not None
    await store.sql.drain()
    async with store.engine.begin() as connection:  # the row lost behind the store's back
        await connection.execute(sa.delete(BoardRecordRow))
    await store.repo.record_answer(answer, False, False)  # delivered again: not counted
    await store.sql.drain()
    async with store.engine.connect() as connection:
        assert (await connection.execute(select(BoardRecordRow.answers))).all() == []
