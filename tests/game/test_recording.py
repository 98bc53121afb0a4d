"""Retries of writes that earn points: after the caller's own first attempt too."""

from __future__ import annotations

import pytest

from bot.game.errors import StorageUnavailableError
from bot.game.ports import StorageError
from bot.game.recording import STORE_ATTEMPTS, retrying


class _Store:
    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    async def write(self) -> str:
        self.calls += 1
        if self.calls <= self.failures:
            raise StorageError("down")
        return "stored"


def _sleeper(waits: list[float]):
    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    return sleep


async def test_retrying_after_the_callers_failed_attempt_waits_first_then_goes_on():
    store, waits = _Store(failures=0), []
    assert await retrying(store.write, _sleeper(waits), failed=StorageError("down")) == "stored"
    assert store.calls == 1
    assert waits == [0.25]


async def test_retrying_after_the_callers_failed_attempt_makes_the_same_attempts_in_all():
    alone, waits_alone = _Store(failures=STORE_ATTEMPTS), []
    with pytest.raises(StorageUnavailableError):
        await retrying(alone.write, _sleeper(waits_alone))
    after, waits_after = _Store(failures=STORE_ATTEMPTS), []
    with pytest.raises(StorageUnavailableError):
        await retrying(after.write, _sleeper(waits_after), failed=StorageError("down"))
    assert after.calls + 1 == alone.calls == STORE_ATTEMPTS
    assert waits_after == waits_alone == [0.25, 0.5, 1.0]
