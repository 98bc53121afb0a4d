"""Kept records stay equal to the answers counted when PostgreSQL transactions race.

Two repositories on two engines stand for two processes writing for the same guild and
player at once. The first transaction is held at a chosen point (its connection open, its
locks kept) while the second runs until it finishes or waits for a lock; then the first
goes on. Every interleaving the locks allow must leave the kept record equal to the count
of the answers (``player_stats`` and the query the leaderboard counted them with).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.util import await_only

from bot.game.models import (
    AnswerRecord,
    BoardRecord,
    ChannelId,
    GuildId,
    GuildSettings,
    Mode,
    PlayerRef,
    RoundId,
    SessionConfig,
    SessionFormat,
)
from bot.game.statistics import RunningRecord
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.answers import AnswerStore
from tests.storage.board_oracle import counted_in_sql

pytestmark = pytest.mark.postgres

T0 = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
ANNA = PlayerRef("discord", "100", "Anna")
GUILD = GuildId(1)


@dataclass
class Gate:
    """Holds the first call of a patched method, once armed, until told to go on."""

    armed: bool = False
    held: asyncio.Event = field(default_factory=asyncio.Event)
    go: asyncio.Event = field(default_factory=asyncio.Event)

    def wrap(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def held_once(*args: Any, **kwargs: Any) -> Any:
            result = method(*args, **kwargs)
            if self.armed and not self.held.is_set():
                self.held.set()
                # Inside the transaction's synchronous job: wait on the event loop, so the
                # other engine's transaction runs meanwhile.
                await_only(self.go.wait())
            return result

        return held_once


@dataclass
class Race:
    """Two 'processes' (repositories on engines of their own) and an observer engine."""

    first: SqlRepository
    second: SqlRepository
    engine: AsyncEngine
    gate: Gate

    async def run(
        self,
        first: Callable[[SqlRepository], Awaitable[Any]],
        second: Callable[[SqlRepository], Awaitable[Any]],
    ) -> None:
        """Start ``first``, hold it at the gate, run ``second`` until done or waiting."""
        self.gate.armed = True
        held: asyncio.Future[Any] = asyncio.ensure_future(first(self.first))
        await asyncio.wait_for(self.gate.held.wait(), 10)
        other: asyncio.Future[Any] = asyncio.ensure_future(second(self.second))
        await self._until_done_or_waiting(other)
        self.gate.go.set()
        await asyncio.wait_for(asyncio.gather(held, other), 20)

    async def _until_done_or_waiting(self, task: asyncio.Future[Any]) -> None:
        waiting = sa.text(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        for _ in range(2000):
            if task.done():
                return
            async with self.engine.connect() as connection:
                if await connection.scalar(waiting):
                    return
            await asyncio.sleep(0.005)  # polling the other transaction, not timing it
        raise AssertionError("the second transaction neither finished nor waited for a lock")

    async def kept_and_counted(self) -> tuple[BoardRecord | None, BoardRecord | None]:
        player_id = await self.first.player_id(ANNA)
        assert player_id is not None
        kept = (await self.first.board_records([player_id], GUILD)).get(player_id)
        stats = await self.first.player_stats(player_id, GUILD)
        assert stats is not None
        counted = (await counted_in_sql(self.engine, [player_id], GUILD)).get(player_id)
        assert counted == BoardRecord(stats.answers, stats.correct, stats.best_streak)
        return kept, counted


@pytest.fixture
async def engines(postgres_database: str) -> AsyncIterator[list[AsyncEngine]]:
    engines = [db.create_engine(postgres_database) for _ in range(3)]
    await db.upgrade(engines[0])
    try:
        yield engines
    finally:
        await db.downgrade(engines[0], "base")
        for engine in engines:
            await engine.dispose()


def _race(engines: list[AsyncEngine], gate: Gate) -> Race:
    first, second = (
        SqlRepository(db.session_factory(engine), batch_writes=False) for engine in engines[:2]
    )
    return Race(first, second, engines[2], gate)


@pytest.fixture
def counting_held(monkeypatch: pytest.MonkeyPatch, engines: list[AsyncEngine]) -> Race:
    """The first transaction held just after it counted an answer (moved a record on)."""
    gate = Gate()
    monkeypatch.setattr(RunningRecord, "answered", gate.wrap(RunningRecord.answered))
    return _race(engines, gate)


@pytest.fixture
def storing_held(monkeypatch: pytest.MonkeyPatch, engines: list[AsyncEngine]) -> Race:
    """The first transaction held just after it stored its answers, before it went on."""
    gate = Gate()
    monkeypatch.setattr(AnswerStore, "_insert_answers", gate.wrap(AnswerStore._insert_answers))
    return _race(engines, gate)


async def _rounds(repo: SqlRepository, *kinds: SessionFormat, guild: GuildId = GUILD):
    rounds: list[RoundId] = []
    for kind in kinds:
        config = SessionConfig(Mode.QUIZ, format=kind)
        session = await repo.create_session(guild, ChannelId(len(rounds) + 1), config, T0)
        rounds.append((await repo.open_round(session.id, 1, f"q-{kind}", T0, 30.0)).id)
    return rounds


def _given(round_id: RoundId, right: bool, sid: str, close: bool = False) -> AnswerRecord:
    return AnswerRecord(round_id, ANNA, "a", T0, right, close, 90.0, 900, 10 if right else 0, sid)


def _answering(round_id: RoundId, right: bool, sid: str):
    def answer(repo: SqlRepository) -> Awaitable[Any]:
        return repo.record_answer(_given(round_id, right, sid), False, False)

    return answer


async def _known_elsewhere(repo: SqlRepository) -> None:
    """The player answered in another guild: the race is not to create the player."""
    (elsewhere,) = await _rounds(repo, SessionFormat.GAME, guild=GuildId(2))
    await repo.record_answer(_given(elsewhere, True, "elsewhere"), False, False)


async def test_two_first_answers_at_once_both_count(counting_held):
    race = counting_held
    await _known_elsewhere(race.first)
    r1, r2 = await _rounds(race.first, SessionFormat.GAME, SessionFormat.GAME)
    await race.run(_answering(r1, True, "a1"), _answering(r2, True, "b1"))
    kept, counted = await race.kept_and_counted()
    assert counted == BoardRecord(2, 2, 2)
    assert kept == counted


async def test_a_near_miss_accepted_while_an_answer_is_counted_keeps_both(counting_held):
    race = counting_held
    r1, r2 = await _rounds(race.first, SessionFormat.GAME, SessionFormat.GAME)
    await race.first.record_answer(_given(r1, False, "m1", close=True), False, False)
    (miss,) = await race.first.near_misses(GUILD)

    def accept(repo: SqlRepository) -> Awaitable[Any]:
        return repo.accept_near_miss(miss.answer_id, 5, T0)

    await race.run(_answering(r2, True, "a2"), accept)
    kept, counted = await race.kept_and_counted()
    assert counted == BoardRecord(2, 2, 2)
    assert kept == counted


@pytest.mark.parametrize("switch_first", [False, True], ids=["answer first", "switch first"])
async def test_night_points_switched_on_while_an_answer_is_counted_keeps_both(
    counting_held, switch_first
):
    race = counting_held
    await _known_elsewhere(race.first)
    night, game = await _rounds(race.first, SessionFormat.NIGHT, SessionFormat.GAME)
    await race.first.save_guild_settings(GuildSettings(GUILD, night_points=False))
    await race.first.record_answer(_given(night, True, "n1"), False, False)  # not counted

    def switch(repo: SqlRepository) -> Awaitable[Any]:
        return repo.save_guild_settings(GuildSettings(GUILD, night_points=True))

    answer = _answering(game, True, "g1")
    await (race.run(switch, answer) if switch_first else race.run(answer, switch))
    kept, counted = await race.kept_and_counted()
    assert counted == BoardRecord(2, 2, 2)
    assert kept == counted


async def test_two_answers_to_one_question_keep_the_one_stored_last(storing_held):
    race = storing_held
    r0, r1 = await _rounds(race.first, SessionFormat.GAME, SessionFormat.GAME)
    await race.first.record_answer(_given(r0, True, "r0"), False, False)
    # The first changes its answer to r1 to right, the second to wrong: the answer with
    # the higher id is the player's answer, and its transaction must commit last.
    await race.run(_answering(r1, True, "right"), _answering(r1, False, "wrong"))
    kept, counted = await race.kept_and_counted()
    assert kept == counted
