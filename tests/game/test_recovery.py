"""The engine's recovery step: what a stop left open, settled once, each session to its policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from bot.game import recovery
from bot.game.closing import Closing, Crediting
from bot.game.errors import StorageUnavailableError
from bot.game.models import (
    AnswerRecord,
    ChannelId,
    GuildId,
    Mode,
    PlayerRef,
    RoundInfo,
    SessionConfig,
    SessionFormat,
    SessionId,
    SessionInfo,
    UnfinishedSession,
)
from bot.game.ports import StorageError
from bot.storage.memory import InMemoryRepository

T0 = datetime(2026, 1, 1, tzinfo=UTC)
GUILD = GuildId(1)
ANNA = PlayerRef("discord", "1", "Anna")
QUIZ = SessionConfig(Mode.QUIZ)
NIGHT = SessionConfig(Mode.QUIZ, format=SessionFormat.NIGHT)


@dataclass
class Policy:
    """A policy that records what it was asked and closes what it is told to."""

    closes: bool = True
    left_alone: set[SessionId] = field(default_factory=set)
    asked: list[tuple[SessionId, int]] = field(default_factory=list)
    taken: list[SessionId] = field(default_factory=list)

    def takes(self, session: SessionInfo) -> bool:
        return session.id not in self.left_alone

    def closing(self, left: UnfinishedSession, open_round: RoundInfo) -> Closing | None:
        self.asked.append((left.session.id, open_round.position))
        return Closing(Crediting.ON_CLOSE) if self.closes else None

    async def take_up(self, left: UnfinishedSession) -> SessionId:
        self.taken.append(left.session.id)
        return left.session.id


async def _answered(store: InMemoryRepository, config: SessionConfig, channel: int):
    session = await store.create_session(GUILD, ChannelId(channel), config, T0)
    asked = await store.open_round(session.id, 0, "q-1", T0, 30.0)
    answer = AnswerRecord(asked.id, ANNA, "Gagarin", T0, True, False, 100.0, 1000, 5)
    await store.record_answer(answer, credit=False, race=False)
    return session, asked


async def test_recover_settles_each_open_question_once_and_hands_the_session_over(clock):
    store = InMemoryRepository()
    session, asked = await _answered(store, QUIZ, 1)
    policy = Policy()

    assert await recovery.recover(store, {SessionFormat.GAME: policy}, clock) == [session.id]

    assert policy.asked == [(session.id, 0)]
    assert [s.points for s in await store.session_standings(session.id)] == [5]
    # The session is the policy's to end: it is still running, its question settled.
    (left,) = await store.unfinished_sessions()
    assert left.open_rounds == ()
    assert left.last_round is not None
    assert left.last_round.round.id == asked.id
    assert left.last_round.closed
    await recovery.recover(store, {SessionFormat.GAME: policy}, clock)
    assert [s.points for s in await store.session_standings(session.id)] == [5]


async def test_recover_keeps_open_what_the_policy_goes_on_with(clock):
    store = InMemoryRepository()
    session, _ = await _answered(store, NIGHT, 8)
    policy = Policy(closes=False)

    assert await recovery.recover(store, {SessionFormat.NIGHT: policy}, clock) == [session.id]

    (left,) = await store.unfinished_sessions({SessionFormat.NIGHT})
    assert [r.position for r in left.open_rounds] == [0]
    assert [s.points for s in await store.session_standings(session.id)] == [0]


async def test_recover_leaves_formats_without_a_policy_and_sessions_not_taken(clock):
    store = InMemoryRepository()
    game, _ = await _answered(store, QUIZ, 1)
    night, _ = await _answered(store, NIGHT, 8)
    other, _ = await _answered(store, QUIZ, 2)
    policy = Policy(left_alone={other.id})

    assert await recovery.recover(store, {SessionFormat.GAME: policy}, clock) == [game.id]

    assert policy.asked == [(game.id, 0)]
    for untouched in (night, other):
        assert [s.points for s in await store.session_standings(untouched.id)] == [0]


async def test_recover_takes_only_this_process_guilds(clock):
    store = InMemoryRepository()
    await _answered(store, QUIZ, 1)
    policy = Policy()
    mine = await recovery.recover(
        store, {SessionFormat.GAME: policy}, clock, owned=lambda guild: guild != GUILD
    )
    assert mine == []
    assert policy.asked == []


async def test_recover_retries_a_settle_while_the_database_is_down(clock):
    store = InMemoryRepository()
    session, _ = await _answered(store, QUIZ, 1)
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        store.available = True

    policy = Policy()
    read = await store.unfinished_sessions()
    store.unfinished_sessions = _replay(read)
    store.available = False
    assert await recovery.recover(store, {SessionFormat.GAME: policy}, clock, sleep=sleep) == [
        session.id
    ]
    assert len(waits) == 1
    assert [s.points for s in await store.session_standings(session.id)] == [5]


async def test_recover_without_retries_reports_the_outage(clock):
    store = InMemoryRepository()
    await _answered(store, QUIZ, 1)
    read = await store.unfinished_sessions()
    store.unfinished_sessions = _replay(read)
    store.available = False
    with pytest.raises(StorageError):
        await recovery.recover(store, {SessionFormat.GAME: Policy()}, clock)

    async def never(_: float) -> None:
        return None

    with pytest.raises(StorageUnavailableError):
        await recovery.recover(store, {SessionFormat.GAME: Policy()}, clock, sleep=never)


def _replay(read):
    async def unfinished_sessions(formats=()):
        return read

    return unfinished_sessions
