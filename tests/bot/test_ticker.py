"""The clock behind games and quiz nights: when it ticks, when it stops, what it survives."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace

import discord
import pytest

from bot.cogs.ticker import Ticker
from bot.game.errors import GameError
from questions.models import ItemType
from tests.bot.conftest import TICK_SECONDS, only
from tests.bot.test_quiz import _asked, _start

INTERVAL = 0.01


class Needs:
    """What the ticker asks: ticks left to give before the clock is no longer needed."""

    def __init__(self, ticks: int, fail_with: BaseException | None = None) -> None:
        self.left = ticks
        self.calls = 0
        self.fail_with = fail_with

    def needed(self) -> bool:
        return self.left > 0

    async def tick(self) -> None:
        self.calls += 1
        self.left -= 1
        if self.fail_with is not None:
            raise self.fail_with


async def _until_idle(ticker: Ticker) -> None:
    for _ in range(500):
        if not ticker.running:
            return
        await asyncio.sleep(INTERVAL)
    raise AssertionError("the ticker never stopped")


async def test_ticks_while_needed_then_stops_and_wakes_again():
    needs = Needs(3)
    ticker = Ticker("test clock", INTERVAL, needs.tick, needs.needed)
    ticker.wake()
    assert ticker.running
    assert needs.calls == 0  # the first tick waits one interval
    await _until_idle(ticker)
    assert needs.calls == 3

    needs.left = 2
    ticker.wake()
    await _until_idle(ticker)
    assert needs.calls == 5


async def test_wake_without_need_does_nothing_and_stop_is_idempotent():
    needs = Needs(0)
    ticker = Ticker("test clock", INTERVAL, needs.tick, needs.needed)
    ticker.wake()
    assert not ticker.running
    await ticker.stop()
    await asyncio.sleep(INTERVAL * 3)
    assert needs.calls == 0


RATE_LIMITED = SimpleNamespace(status=429, reason="Too Many Requests")


@pytest.mark.parametrize(
    "error",
    [
        GameError("no such round"),
        discord.HTTPException(RATE_LIMITED, "slow down"),
        RuntimeError("a bug"),
    ],
)
async def test_a_failed_tick_is_logged_and_the_clock_goes_on(error, caplog):
    needs = Needs(3, fail_with=error)
    ticker = Ticker("test clock", INTERVAL, needs.tick, needs.needed)
    with caplog.at_level(logging.WARNING, logger="bot.cogs.ticker"):
        ticker.wake()
        await _until_idle(ticker)
    assert needs.calls == 3
    assert sum("test clock" in r.getMessage() for r in caplog.records) == 3


async def test_a_clock_cancelled_from_outside_wakes_again():
    needs = Needs(1_000)
    ticker = Ticker("test clock", INTERVAL, needs.tick, needs.needed)
    ticker.wake()
    await asyncio.sleep(INTERVAL * 3)
    (clock,) = [task for task in asyncio.all_tasks() if task.get_name() == "test clock"]
    clock.cancel()
    await asyncio.sleep(INTERVAL)
    calls = needs.calls
    ticker.wake()
    await asyncio.sleep(INTERVAL * 5)
    assert needs.calls > calls
    await ticker.stop()


async def test_stop_cancels_a_running_clock():
    needs = Needs(1_000)
    ticker = Ticker("test clock", INTERVAL, needs.tick, needs.needed)
    ticker.wake()
    await asyncio.sleep(INTERVAL * 5)
    await ticker.stop()
    assert not ticker.running
    calls = needs.calls
    await asyncio.sleep(INTERVAL * 5)
    assert needs.calls == calls


async def test_game_time_moves_only_when_virtual_time_does(run, bank):
    # The game clock's wait belongs to the virtual clock: real seconds passing while a
    # question is open (a slow machine) must not close it or change anyone's points.
    env = await run(only(bank, ItemType.TRUE_FALSE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    alice = guild.add_member(env.create_user("alice"))
    await _start(alice, channel, questions=1)
    await _asked(env, channel, bank)
    before = env.now()
    await asyncio.sleep(TICK_SECONDS + 0.5)
    await env.settle()
    assert env.now() == before


async def test_stop_lets_a_tick_in_progress_finish():
    # A tick may be ending a game at shutdown: cut off, its standings would be lost.
    entered, release = asyncio.Event(), asyncio.Event()
    finished = []

    async def tick():
        entered.set()
        await release.wait()
        finished.append(True)

    ticker = Ticker("test clock", INTERVAL, tick, lambda: True)
    ticker.wake()
    await asyncio.wait_for(entered.wait(), 5)
    stopping = asyncio.create_task(ticker.stop())
    await asyncio.sleep(INTERVAL * 3)
    assert not stopping.done()
    release.set()
    await stopping
    assert finished == [True]
    assert not ticker.running
