"""The one clock behind games and quiz nights: when it ticks, when it stops, what it survives."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace

import discord
import pytest

from bot.cogs.ticker import CLOCK_NAME, MAX_REST_SECONDS, Ticker
from bot.game.errors import GameError
from questions.models import ItemType
from tests.bot.conftest import TICK_SECONDS, only
from tests.bot.test_night_messages import _night
from tests.bot.test_quiz import _asked, _start
from tests.bot.test_quiznight import _question_message as _night_question

INTERVAL = 0.01


class Needs:
    """A format as the ticker sees it: ticks left to give before it needs no clock."""

    def __init__(
        self, ticks: int, fail_with: BaseException | None = None, due_in: float | None = None
    ) -> None:
        self.left = ticks
        self.calls = 0
        self.fail_with = fail_with
        self.due_in = due_in
        self.asked = 0

    def needs_clock(self) -> bool:
        return self.left > 0

    def seconds_until_needed(self) -> float | None:
        self.asked += 1
        return self.due_in

    async def tick(self) -> None:
        self.calls += 1
        self.left -= 1
        if self.fail_with is not None:
            raise self.fail_with


def _ticker(*formats: Needs) -> Ticker:
    ticker = Ticker(INTERVAL, "test clock")
    for number, needs in enumerate(formats):
        ticker.add(f"format {number}", needs)
    return ticker


async def _until_idle(ticker: Ticker) -> None:
    for _ in range(500):
        if not ticker.running:
            return
        await asyncio.sleep(INTERVAL)
    raise AssertionError("the ticker never stopped")


async def test_ticks_while_needed_then_stops_and_wakes_again():
    needs = Needs(3)
    ticker = _ticker(needs)
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
    ticker = _ticker(needs)
    ticker.wake()
    assert not ticker.running
    await ticker.stop()
    await asyncio.sleep(INTERVAL * 3)
    assert needs.calls == 0


class Planned(Needs):
    """A format that will need the clock once a loop time is reached (a night's reminder)."""

    def __init__(self, due_at: float) -> None:
        super().__init__(0)
        self.due_at = due_at

    def needs_clock(self) -> bool:
        return self.left > 0 or (self.calls == 0 and self._now() >= self.due_at)

    def seconds_until_needed(self) -> float | None:
        self.asked += 1
        return None if self.calls else self.due_at - self._now()

    @staticmethod
    def _now() -> float:
        return asyncio.get_running_loop().time()


async def test_a_format_needed_later_stops_the_clock_and_its_alarm_wakes_it_on_time():
    now = asyncio.get_running_loop().time()
    planned = Planned(due_at=now + INTERVAL * 20)
    ticker = _ticker(planned)
    ticker.wake()
    assert not ticker.running  # nothing ticks while the need is far off
    await asyncio.sleep(INTERVAL * 10)
    assert (ticker.running, planned.calls) == (False, 0)
    await asyncio.sleep(INTERVAL * 30)
    assert planned.calls == 1  # woken by the alarm: ticked once, then stopped
    assert not ticker.running
    await ticker.stop()


async def test_the_alarm_is_never_sooner_than_an_interval_nor_later_than_the_longest_rest(
    monkeypatch,
):
    delays: list[float] = []
    loop = asyncio.get_running_loop()
    real = loop.call_later

    def recorded(delay, callback, *args):
        delays.append(delay)
        return real(delay, callback, *args)

    monkeypatch.setattr(loop, "call_later", recorded)
    for due_in in (0.0, 7.0, 10_000.0):
        ticker = _ticker(Needs(0, due_in=due_in), Needs(0))
        ticker.wake()
        await ticker.stop()
    assert delays == [INTERVAL, 7.0, MAX_REST_SECONDS]


async def test_stop_cancels_the_alarm():
    needs = Needs(0, due_in=INTERVAL * 2)
    ticker = _ticker(needs)
    ticker.wake()
    assert needs.asked == 1
    await ticker.stop()
    await asyncio.sleep(INTERVAL * 5)
    assert needs.asked == 1  # the alarm never rang


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
    ticker = _ticker(needs)
    with caplog.at_level(logging.WARNING, logger="bot.cogs.ticker"):
        ticker.wake()
        await _until_idle(ticker)
    assert needs.calls == 3
    assert sum("format 0" in r.getMessage() for r in caplog.records) == 3


async def test_a_clock_cancelled_from_outside_wakes_again():
    needs = Needs(1_000)
    ticker = _ticker(needs)
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
    ticker = _ticker(needs)
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


class Held:
    """A format whose tick waits until the test releases it."""

    def __init__(self) -> None:
        self.entered, self.release = asyncio.Event(), asyncio.Event()
        self.finished: list[bool] = []

    def needs_clock(self) -> bool:
        return not self.finished

    def seconds_until_needed(self) -> float | None:
        return None

    async def tick(self) -> None:
        self.entered.set()
        await self.release.wait()
        self.finished.append(True)


async def _holding(*others: Needs) -> tuple[Ticker, Held]:
    """A clock whose first format is in the middle of a tick that waits for the test."""
    held = Held()
    ticker = Ticker(INTERVAL, "test clock")
    ticker.add("held", held)
    for number, other in enumerate(others, start=1):
        ticker.add(f"format {number}", other)
    ticker.wake()
    await asyncio.wait_for(held.entered.wait(), 5)
    return ticker, held


async def test_stop_lets_a_tick_in_progress_finish():
    # A tick may be ending a game at shutdown: cut off, its standings would be lost.
    ticker, held = await _holding()
    stopping = asyncio.create_task(ticker.stop())
    await asyncio.sleep(INTERVAL * 3)
    assert not stopping.done()
    held.release.set()
    await stopping
    assert held.finished == [True]
    assert not ticker.running


def _clocks() -> list[asyncio.Task[object]]:
    return [task for task in asyncio.all_tasks() if task.get_name() == "test clock"]


async def test_two_formats_tick_on_one_task_until_neither_needs_it():
    games, nights = Needs(2), Needs(5)
    ticker = _ticker(games, nights)
    ticker.wake()
    await asyncio.sleep(INTERVAL * 1.5)
    assert len(_clocks()) == 1
    await _until_idle(ticker)
    assert (games.calls, nights.calls) == (2, 5)  # a format no longer needing it is left be
    assert _clocks() == []

    games.left = 1
    ticker.wake()
    await _until_idle(ticker)
    assert (games.calls, nights.calls) == (3, 5)


async def test_a_format_whose_tick_fails_holds_up_no_other(caplog):
    broken, working = Needs(1_000, fail_with=RuntimeError("a bug")), Needs(4)
    ticker = _ticker(broken, working)
    with caplog.at_level(logging.WARNING, logger="bot.cogs.ticker"):
        ticker.wake()
        for _ in range(500):
            if working.calls == 4:
                break
            await asyncio.sleep(INTERVAL)
        await ticker.stop()
    assert working.calls == 4
    failures = [r.getMessage() for r in caplog.records]
    assert len(failures) == broken.calls  # one line a failed tick
    assert all(line == "format 0: a tick failed" for line in failures)


async def test_a_format_slow_on_discord_holds_up_no_other_deadline():
    working = Needs(1)
    ticker, held = await _holding(working)
    await asyncio.sleep(INTERVAL)
    assert working.calls == 1  # ticked in the same pass, while the other still waits
    held.release.set()
    await _until_idle(ticker)


async def test_removing_a_format_waits_for_its_tick_and_leaves_the_others_ticking():
    other = Needs(1_000)
    ticker, held = await _holding(other)
    removing = asyncio.create_task(ticker.remove(held))
    await asyncio.sleep(INTERVAL * 3)
    assert not removing.done()
    held.release.set()
    await removing
    assert held.finished == [True]
    held.finished.clear()  # it would need the clock again: removed, it is not ticked
    held.entered.clear()
    calls = other.calls
    await asyncio.sleep(INTERVAL * 5)
    assert other.calls > calls
    assert not held.entered.is_set()
    await ticker.remove(other)
    assert not ticker.running


async def test_a_game_and_a_night_time_out_through_the_one_clock(run, bank):
    env, night_channel, host, *_ = await _night(run, bank, rounds="films x2", timer=10)
    night_question = _night_question(night_channel)
    game_channel = night_channel.guild.create_text_channel("trivia")
    await _start(host, game_channel, questions=2, timer=10)
    game_question, _ = await _asked(env, game_channel, bank)

    clocks = [t.get_name() for t in asyncio.all_tasks() if t.get_name().endswith("clock")]
    assert clocks == [CLOCK_NAME]
    await env.advance_time(10 + 2 * TICK_SECONDS)
    assert _shown(game_channel, game_question).embeds[0].title.endswith("the answer")
    assert _shown(night_channel, night_question).embeds[0].title.endswith("the answer")


def _shown(channel, message):
    return next(m for m in channel.history() if m.id == message.id)
