"""How the game service writes to storage: bounded retries of idempotent writes.

Writes that earn points are retried a bounded number of times with exponential backoff;
they are idempotent (a submission id makes a repeated answer count once), so a retry never
double-counts. When every attempt fails the caller gets :class:`StorageUnavailableError`,
whose message tells the player the answer was not recorded.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TypeVar

from bot.game.errors import StorageUnavailableError
from bot.game.ports import StorageError

log = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]

STORE_ATTEMPTS = 4
FIRST_BACKOFF_SECONDS = 0.25
NOT_RECORDED = "The score database is unreachable, so this was not recorded. Try again shortly."


async def retrying(
    call: Callable[[], Awaitable[T]], sleep: Sleep, failed: StorageError | None = None
) -> T:
    """Run an idempotent write, retrying with backoff while the database is down.

    Args:
        call: Starts the write; called once per attempt.
        sleep: Waits between attempts.
        failed: How the caller's own first attempt failed, when it made one: the attempts
            go on from the second (a caller awaiting the write itself first keeps no
            coroutine of this function per write while all goes well).

    Raises:
        StorageUnavailableError: every attempt failed.
    """
    delay = FIRST_BACKOFF_SECONDS
    first = 1
    if failed is not None:
        log.warning("storage failed (attempt 1), retrying: %s", failed)
        await sleep(delay)
        delay *= 2
        first = 2
    for attempt in range(first, STORE_ATTEMPTS + 1):
        try:
            return await call()
        except StorageError as exc:
            if attempt == STORE_ATTEMPTS:
                raise StorageUnavailableError(NOT_RECORDED) from exc
            log.warning("storage failed (attempt %s), retrying: %s", attempt, exc)
            await sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")  # pragma: no cover


@asynccontextmanager
async def recorded() -> AsyncIterator[None]:
    """Turn a storage failure into an error players can read; nothing half-done is hidden."""
    try:
        yield
    except StorageError as exc:
        raise StorageUnavailableError(NOT_RECORDED) from exc
