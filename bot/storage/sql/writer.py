"""Group commit: concurrent writes share one transaction, run by one writer at a time.

SQLite lets one connection write at a time; with a transaction per answer, concurrent
writers spend their time in SQLite's busy-wait for the lock (a sleep of up to 100 ms per
try) and a few hundred answers a second get through. Here every write is a *job*, a
coroutine function taking the session; jobs queue up and one writer task runs them in
order, many per transaction, while new ones gather behind the commit. Each caller awaits
its own future, resolved only after the commit, so a result is never reported before it
is durable.

A job's statements keep their conditional writes (ON CONFLICT, ``WHERE winner IS NULL``),
so a batch scores exactly what the same jobs would score one transaction each, in some
order of theirs. Jobs of a batch were all waiting at once, so none can depend on another,
and the items of one *bulk* job (many answers, phases or round closes in a few
statements) run together wherever they were queued. When a batch fails, it is rolled back
whole and its jobs are run again one per transaction: a job that fails on its own gets its
error, the others their result.

Once a batch has committed its callers are resumed a few per pass of the event loop
(:data:`RESOLVE_CHUNK`), so that timers and I/O are not kept waiting behind hundreds of
them.

On a SQLite file, :class:`ThreadBatchWriter` runs each whole batch in a worker thread on a
synchronous connection: with thousands of sessions the event loop is busy, and an async
driver costs one pass of it per statement, a worker thread one per batch.

The writer task exists only while there is work: it starts with the first job and ends
when the queue is empty, so nothing needs starting or stopping with the application;
:meth:`BatchWriter.drain` waits for the queued work, e.g. before the engine is disposed.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from bot.game.ports import StorageError
from bot.storage.db import reachable

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[[AsyncSession], Awaitable[Any]]
Bulk = Callable[[AsyncSession, list[Any]], Awaitable[list[Any]]]
"""A job for many items at once, in a few statements: one result per item, in order."""

MAX_BATCH = 400
RESOLVE_CHUNK = 16
"""Callers resumed per pass of the event loop once their batch committed."""


@dataclass(frozen=True, slots=True)
class _Queued:
    job: Any
    future: asyncio.Future[Any]
    bulk: Any = None
    item: Any = None


Commit = Callable[[list[_Queued]], Awaitable[list[Any]]]
"""Commits one batch in one transaction: one result per queued job, in order."""


class _Batches:
    """The queue, the writer task and the retries; ``commit`` commits one batch."""

    def __init__(self, commit: Commit, max_batch: int = MAX_BATCH) -> None:
        self._commit = commit
        self._max_batch = max_batch
        self._queue: deque[_Queued] = deque()
        self.task: asyncio.Task[None] | None = None
        """The writer task while there is work (None before the first job)."""
        self._running: list[_Queued] = []
        self.committed = 0
        """Transactions committed so far."""

    def submit(self, job: Any) -> asyncio.Future[Any]:
        """Queue a job now; its future resolves once the transaction holding it committed.

        The future itself is handed back, not a coroutine awaiting it: thousands of answers
        may wait at once, and each coroutine between the caller and the future is kept
        alive (a few hundred bytes) until the commit. Jobs queue in the order of the calls.
        """
        loop = asyncio.get_running_loop()
        return self._queued(_Queued(job, loop.create_future()))

    def submit_item(self, bulk: Any, item: Any) -> asyncio.Future[Any]:
        """Queue one item of a bulk job now, as :meth:`submit` queues a job."""
        loop = asyncio.get_running_loop()
        return self._queued(_Queued(None, loop.create_future(), bulk, item))

    def _queued(self, queued: _Queued) -> asyncio.Future[Any]:
        self._queue.append(queued)
        if self.task is None or self.task.done():
            loop = asyncio.get_running_loop()
            self.task = loop.create_task(self._drain(), name="sql-batch-writer")
            self.task.add_done_callback(self._stopped)
        return queued.future

    async def drain(self) -> None:
        """Wait until every queued job has been committed or has failed."""
        while self.task is not None and not self.task.done():
            await asyncio.shield(self.task)

    async def _drain(self) -> None:
        while self._queue:
            # Let the callers just answered run up to their next write before the next
            # batch is cut, or every batch after the first would hold a single job.
            await asyncio.sleep(0)
            count = min(len(self._queue), self._max_batch)
            self._running = [self._queue.popleft() for _ in range(count)]
            await self._run(self._running)
            self._running = []

    def _stopped(self, task: asyncio.Task[None]) -> None:
        """Fail the jobs a cancelled writer leaves behind: nobody may wait forever."""
        if not task.cancelled() and task.exception() is None:
            return
        stranded = [*self._running, *(self._queue if self.task is task else ())]
        self._running = []
        if self.task is task:
            self._queue.clear()
        error = StorageError("the database writer stopped before this write was committed")
        for queued in stranded:
            if not queued.future.done():
                queued.future.set_exception(error)

    async def _run(self, batch: list[_Queued]) -> None:
        try:
            results = await self._commit(batch)
        except Exception as exc:  # noqa: BLE001  (handed to the caller waiting for this job)
            if len(batch) == 1 or _unreachable(exc):
                # the database itself is down: each write alone would wait as long again
                for queued in batch:
                    if not queued.future.done():
                        queued.future.set_exception(exc)
                return
            log.warning("a batch of %s writes failed, retrying each alone: %s", len(batch), exc)
            for queued in batch:
                await self._run([queued])
            return
        self.committed += 1
        await _resolve(batch, results)


def _unreachable(exc: BaseException) -> bool:
    """Whether a batch failed because the database could not be reached, not for a job."""
    cause = exc.__cause__ if isinstance(exc, StorageError) else exc
    return isinstance(cause, (OperationalError, InterfaceError, OSError, TimeoutError))


async def _resolve(batch: list[_Queued], results: list[Any]) -> None:
    """Hand each caller its committed result, a few callers per pass of the event loop.

    Every caller resumes in the pass after its future is resolved; resolving a whole batch
    at once would run hundreds of them back to back while timers and I/O wait.
    """
    done = 0
    try:
        for done in range(0, len(batch), RESOLVE_CHUNK):
            if done:
                await asyncio.sleep(0)
            chunk = slice(done, done + RESOLVE_CHUNK)
            for queued, result in zip(batch[chunk], results[chunk], strict=True):
                if not queued.future.done():  # a caller may have given up waiting
                    queued.future.set_result(result)
    finally:  # cancelled between passes: the rest was committed all the same
        for queued, result in zip(batch[done:], results[done:], strict=True):
            if not queued.future.done():
                queued.future.set_result(result)


def _groups(batch: list[_Queued]) -> list[list[int]]:
    """The batch's positions cut into single jobs and, per bulk job, all its items in order.

    The items of one bulk job run together at the place of the first one. Every job of a
    batch was queued while the others were waiting too (a caller hears of its job only
    after the commit), so no job of a batch can depend on another: any order is one the
    callers could have seen.
    """
    groups: list[list[int]] = []
    bulks: dict[Any, list[int]] = {}
    for index, queued in enumerate(batch):
        if queued.job is not None:
            groups.append([index])
            continue
        group = bulks.get(queued.bulk)
        if group is None:
            group = bulks[queued.bulk] = []
            groups.append(group)
        group.append(index)
    return groups


class BatchWriter:
    """Runs queued async jobs in shared transactions, one transaction at a time, in order."""

    def __init__(
        self,
        unit: Callable[[], AbstractAsyncContextManager[AsyncSession]],
        max_batch: int = MAX_BATCH,
    ) -> None:
        """Write in transactions opened by ``unit`` (it commits when the block ends)."""
        self._unit = unit
        self._batches = _Batches(self._commit, max_batch)

    @property
    def batches(self) -> int:
        """Transactions committed so far (for tests and benchmarks)."""
        return self._batches.committed

    def submit(self, job: Callable[[AsyncSession], Awaitable[T]]) -> Awaitable[T]:
        """Queue a job now; what is returned gives its result once its transaction committed.

        Raises:
            Exception: (when awaited) whatever the job raised when it ran in a transaction
                of its own (:class:`StorageError` when the database is unreachable).
        """
        return cast("Awaitable[T]", self._batches.submit(job))

    def submit_item(self, bulk: Bulk, item: Any) -> Awaitable[Any]:
        """Queue one item of a bulk job now; the items of one bulk job in a batch run together.

        Every statement costs a round trip through the event loop, which is slow when the
        loop is busy; a bulk job stores many items in a few statements.

        Returns:
            What to await for the item's result (a future, resolved after the commit).

        Raises:
            Exception: (when awaited) whatever the bulk job raised for this item in a
                transaction of its own.
        """
        return self._batches.submit_item(bulk, item)

    async def drain(self) -> None:
        """Wait until every queued job has been committed or has failed."""
        await self._batches.drain()

    async def _commit(self, batch: list[_Queued]) -> list[Any]:
        results: list[Any] = [None] * len(batch)
        async with self._unit() as session:
            for group in _groups(batch):
                first = batch[group[0]]
                if first.job is not None:
                    results[group[0]] = await first.job(session)
                    continue
                found = await first.bulk(session, [batch[index].item for index in group])
                for index, result in zip(group, found, strict=True):
                    results[index] = result
        return results


class ThreadBatchWriter:
    """Runs queued synchronous jobs, each batch in one worker thread and one transaction."""

    def __init__(
        self, unit: Callable[[], AbstractContextManager[Session]], max_batch: int = MAX_BATCH
    ) -> None:
        """Write in transactions opened by ``unit`` (it commits when the block ends).

        Only one batch runs at a time, so the unit's connection is used by one thread at
        a time (though not always the same thread).
        """
        self._unit = unit
        self._batches = _Batches(self._commit, max_batch)

    @property
    def batches(self) -> int:
        """Transactions committed so far (for tests and benchmarks)."""
        return self._batches.committed

    def submit(self, job: Callable[[Session], T]) -> Awaitable[T]:
        """Queue a job now; what is returned gives its result once its transaction committed.

        Raises:
            Exception: (when awaited) whatever the job raised when it ran in a transaction
                of its own (:class:`StorageError` when the database is unreachable).
        """
        return cast("Awaitable[T]", self._batches.submit(job))

    def submit_item(
        self, bulk: Callable[[Session, list[Any]], list[Any]], item: Any
    ) -> Awaitable[Any]:
        """Queue one item of a bulk job now; the items of one bulk job in a batch run together.

        Returns:
            What to await for the item's result (a future, resolved after the commit).

        Raises:
            Exception: (when awaited) whatever the bulk job raised for this item in a
                transaction of its own.
        """
        return self._batches.submit_item(bulk, item)

    async def drain(self) -> None:
        """Wait until every queued job has been committed or has failed."""
        await self._batches.drain()

    async def _commit(self, batch: list[_Queued]) -> list[Any]:
        async with reachable():
            return await asyncio.to_thread(self._commit_in_thread, batch)

    def _commit_in_thread(self, batch: list[_Queued]) -> list[Any]:
        results: list[Any] = [None] * len(batch)
        with self._unit() as session:
            for group in _groups(batch):
                first = batch[group[0]]
                if first.job is not None:
                    results[group[0]] = first.job(session)
                    continue
                found = first.bulk(session, [batch[index].item for index in group])
                for index, result in zip(group, found, strict=True):
                    results[index] = result
        return results
