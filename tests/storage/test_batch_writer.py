"""Writes grouped into shared transactions: order kept, failures isolated, queue drained."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import pytest

from bot.game.models import AnswerRecord, ChannelId, GuildId, Mode, Period, PlayerRef, SessionConfig
from bot.game.ports import StorageError
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.writer import BatchWriter

T0 = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
PLAYERS = [PlayerRef("discord", str(n), f"Player {n}") for n in range(40)]


def _record(round_id, player, *, points=10, sid=None) -> AnswerRecord:
    return AnswerRecord(round_id, player, "right", T0, True, False, 100.0, 500, points, sid)


@pytest.fixture
async def batched(migrated_url):
    engine = db.create_engine(migrated_url)
    try:
        yield SqlRepository(db.session_factory(engine), batch_writes=True)
    finally:
        await engine.dispose()


async def _open(repository, mode=Mode.RACE):
    session = await repository.create_session(GuildId(1), ChannelId(1), SessionConfig(mode), T0)
    return await repository.open_round(session.id, 1, "q-1", T0, 30.0)


async def test_batched_race_goes_to_first_submission_in_fewer_transactions(batched):
    stored = await _open(batched)
    before = batched.write_transactions
    outcomes = await asyncio.gather(
        *(batched.record_answer(_record(stored.id, p), True, True) for p in PLAYERS)
    )
    assert [o.won_round for o in outcomes] == [True] + [False] * (len(PLAYERS) - 1)
    assert batched.write_transactions - before < len(PLAYERS) / 2
    board = await batched.leaderboard(None, Period.ALL_TIME, T0)
    assert [(s.name, s.points) for s in board] == [("Player 0", 10)]


async def test_failing_write_fails_alone_and_the_rest_of_its_batch_is_kept(batched):
    stored = await _open(batched, Mode.QUIZ)
    good = [batched.record_answer(_record(stored.id, p), True, False) for p in PLAYERS[:10]]
    bad = batched.record_answer(_record(stored.id + 1000, PLAYERS[10]), True, False)
    results = await asyncio.gather(*good[:5], bad, *good[5:], return_exceptions=True)
    assert isinstance(results[5], Exception)
    assert [r.points for r in results[:5] + results[6:]] == [10] * 10
    board = await batched.leaderboard(GuildId(1), Period.ALL_TIME, T0, limit=50)
    assert sorted(s.name for s in board) == sorted(p.name for p in PLAYERS[:10])
    # The rolled-back batch created Player 10; no id of it may have been cached.
    assert await batched.player_id(PLAYERS[10]) is None
    again = await batched.record_answer(_record(stored.id, PLAYERS[10]), True, False)
    assert again.points == 10
    assert await batched.player_id(PLAYERS[10]) is not None


async def test_drain_waits_for_every_queued_write(batched):
    stored = await _open(batched, Mode.QUIZ)
    tasks = [  # the port returns an awaitable: a future here, queued at the call
        asyncio.ensure_future(
            batched.record_answer(_record(stored.id, p, sid=f"s-{p.external_id}"), True, False)
        )
        for p in PLAYERS
    ]
    await asyncio.sleep(0)
    await batched.drain()
    assert all(task.done() for task in tasks)
    board = await batched.leaderboard(GuildId(1), Period.ALL_TIME, T0, limit=50)
    assert sum(s.points for s in board) == 10 * len(PLAYERS)


async def test_repeated_submissions_in_one_batch_count_once(batched):
    stored = await _open(batched, Mode.QUIZ)
    record = _record(stored.id, PLAYERS[0], sid="interaction-1")
    outcomes = await asyncio.gather(
        *(batched.record_answer(record, True, False) for _ in range(20))
    )
    assert {o.points for o in outcomes} == {10}
    stats = await batched.player_stats(await batched.player_id(PLAYERS[0]), None)
    assert stats.answers == 1
    board = await batched.leaderboard(None, Period.ALL_TIME, T0)
    assert [s.points for s in board] == [10]


class _Unit:
    """A fake transaction: records the jobs of each batch; fails while told to."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.fail_batches_with: set[str] = set()

    @asynccontextmanager
    async def __call__(self):
        batch: list[str] = []
        yield batch
        if len(batch) > 1 and self.fail_batches_with & set(batch):
            raise StorageError("batch refused")
        self.batches.append(batch)


def _job(name: str, fails: bool = False):
    async def job(batch):
        await asyncio.sleep(0)
        if fails:
            raise ValueError(f"{name} is broken")
        batch.append(name)
        return name

    return job


async def test_writer_runs_jobs_in_submission_order_in_batches():
    unit = _Unit()
    writer = BatchWriter(unit, max_batch=4)
    results = await asyncio.gather(*(writer.submit(_job(f"j{n}")) for n in range(10)))
    assert results == [f"j{n}" for n in range(10)]
    assert [name for batch in unit.batches for name in batch] == results
    assert max(len(batch) for batch in unit.batches) == 4


async def test_writer_retries_a_failed_batch_one_job_at_a_time():
    unit = _Unit()
    writer = BatchWriter(unit)
    first = asyncio.ensure_future(writer.submit(_job("first")))
    await asyncio.sleep(0)  # a batch of one starts; the next jobs gather behind it
    rest = [
        writer.submit(_job("a")),
        writer.submit(_job("b", fails=True)),
        writer.submit(_job("c")),
    ]
    results = await asyncio.gather(first, *rest, return_exceptions=True)
    assert results[:2] == ["first", "a"]
    assert results[3] == "c"
    assert isinstance(results[2], ValueError)
    assert unit.batches[-2:] == [["a"], ["c"]]


async def test_cancelled_writer_fails_its_waiters_instead_of_leaving_them_hanging():
    unit = _Unit()
    writer = BatchWriter(unit)
    waiting = [asyncio.ensure_future(writer.submit(_job(f"j{n}"))) for n in range(3)]
    await asyncio.sleep(0)
    writer._batches.task.cancel()
    results = await asyncio.gather(*waiting, return_exceptions=True)
    assert all(isinstance(r, StorageError) for r in results)


async def _bulk_upper(batch, items):
    batch.append(f"upper{items}")
    return [item.upper() for item in items]


async def _bulk_double(batch, items):
    batch.append(f"double{items}")
    return [item * 2 for item in items]


async def test_items_of_one_bulk_job_run_together_and_each_caller_gets_its_own_result():
    unit = _Unit()
    writer = BatchWriter(unit)
    results = await asyncio.gather(
        writer.submit(_job("first")),
        writer.submit_item(_bulk_upper, "a"),
        writer.submit_item(_bulk_double, "b"),
        writer.submit(_job("j")),
        writer.submit_item(_bulk_upper, "c"),
        writer.submit_item(_bulk_double, "d"),
    )
    assert results == ["first", "A", "bb", "j", "C", "dd"]
    assert unit.batches == [["first", "upper['a', 'c']", "double['b', 'd']", "j"]]


async def test_callers_of_a_committed_batch_get_their_results_even_if_the_writer_stops():
    unit = _Unit()
    writer = BatchWriter(unit)
    waiting = [asyncio.ensure_future(writer.submit(_job(f"j{n}"))) for n in range(100)]
    done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
    assert len(done) < len(waiting)  # callers are resumed a few at a time
    writer._batches.task.cancel()
    results = await asyncio.gather(*waiting, return_exceptions=True)
    assert results == [f"j{n}" for n in range(100)]
    assert unit.batches == [results]


async def test_races_of_several_rounds_in_one_batch_each_go_to_their_first_right_answer(batched):
    rounds = []
    for channel in (1, 2, 3):
        session = await batched.create_session(
            GuildId(channel), ChannelId(channel), SessionConfig(Mode.RACE), T0
        )
        rounds.append(await batched.open_round(session.id, 1, f"q-{channel}", T0, 30.0))
    # Player n answers round n % 3: the answers to the rounds interleave in one batch.
    answers = [(rounds[n % 3].id, PLAYERS[n]) for n in range(12)]
    before = batched.write_transactions
    outcomes = await asyncio.gather(
        *(batched.record_answer(_record(r, p), True, True) for r, p in answers)
    )
    assert batched.write_transactions - before == 1
    assert [o.won_round for o in outcomes] == [True] * 3 + [False] * 9
    assert [o.points for o in outcomes] == [10] * 3 + [0] * 9
    board = await batched.leaderboard(None, Period.ALL_TIME, T0)
    assert sorted((s.name, s.points) for s in board) == [
        ("Player 0", 10),
        ("Player 1", 10),
        ("Player 2", 10),
    ]
    for guild in (1, 2, 3):
        top = await batched.leaderboard(GuildId(guild), Period.ALL_TIME, T0)
        assert [(s.name, s.points) for s in top] == [(f"Player {guild - 1}", 10)]


async def test_concurrent_answers_share_transactions_by_default(migrated_url):
    engine = db.create_engine(migrated_url)
    try:
        repository = SqlRepository(db.session_factory(engine))
        stored = await _open(repository, Mode.QUIZ)
        before = repository.write_transactions
        outcomes = await asyncio.gather(
            *(repository.record_answer(_record(stored.id, p), True, False) for p in PLAYERS)
        )
        assert all(outcome.points == 10 for outcome in outcomes)
        assert 0 < repository.write_transactions - before < len(PLAYERS) / 2
    finally:
        await engine.dispose()


async def test_an_answer_is_queued_when_recorded_and_stored_by_the_drain(batched):
    stored = await _open(batched, Mode.QUIZ)
    pending = batched.record_answer(_record(stored.id, PLAYERS[0]), True, False)
    await batched.drain()  # nothing has awaited the answer yet
    board = await batched.leaderboard(GuildId(1), Period.ALL_TIME, T0)
    assert [(s.name, s.points) for s in board] == [("Player 0", 10)]
    assert (await pending).points == 10


class _Unreachable:
    """A database that does not answer: every transaction fails to connect."""

    def __init__(self) -> None:
        self.attempts = 0

    @asynccontextmanager
    async def __call__(self):
        self.attempts += 1
        await asyncio.sleep(0)
        raise StorageError("the database is unreachable") from OSError("connection refused")
        yield []  # pragma: no cover - never reached


async def test_a_batch_that_cannot_reach_the_database_fails_at_once_not_job_by_job():
    unit = _Unreachable()
    writer = BatchWriter(unit)
    first = asyncio.ensure_future(writer.submit(_job("first")))
    await asyncio.sleep(0)  # a batch of one starts; the next jobs gather behind it
    rest = [writer.submit(_job(f"j{n}")) for n in range(20)]
    results = await asyncio.gather(first, *rest, return_exceptions=True)
    assert all(isinstance(r, StorageError) for r in results)
    assert unit.attempts <= 2  # one or two batches, never a retry of each job alone
