"""The one clock runs the engine's tick step once per tick, for every format it times."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.cogs.ticker import Ticker
from bot.game import ticking
from bot.game.asking import Asking
from bot.game.closing import Timed
from tests.bot.test_ticker import Needs

INTERVAL = 0.01
NOW = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)


class Policy:
    """One format's questions: each key's question ran out of time at NOW."""

    def __init__(self, *keys: str) -> None:
        self.keys = keys
        self.housekept: list[datetime] = []

    async def housekeep(self, now: datetime) -> None:
        self.housekept.append(now)

    def on_screen(self):
        asking = Asking(NOW - timedelta(seconds=30), NOW)
        return [(key, Timed(asking, running=True)) for key in self.keys]

    async def time_up(self, key: str, due: ticking.Due) -> str | None:
        return f"closed {key}"


class TimedFormat:
    """A format whose questions the step times; it keeps what each tick made of them."""

    def __init__(self, ticks: int, *keys: str) -> None:
        self.left = ticks
        self.policy = Policy(*keys)
        self.shown: list[dict[str, str]] = []

    def needs_clock(self) -> bool:
        return self.left > 0

    def seconds_until_needed(self) -> float | None:
        return None

    def tick_policy(self) -> Policy:
        return self.policy

    async def ticked(self, ticked: ticking.Ticked) -> None:
        self.left -= 1
        self.shown.append(dict(ticked.of(self.policy).closed))


async def test_one_step_per_tick_times_every_format_and_each_shows_its_own(monkeypatch):
    steps: list[set[str]] = []
    step = ticking.tick

    async def counted(policies, now):
        steps.append(set(policies))
        return await step(policies, now)

    monkeypatch.setattr(ticking, "tick", counted)
    games, nights, plain = TimedFormat(2, "here"), TimedFormat(1, "friday"), Needs(1)
    ticker = Ticker(INTERVAL, "test clock", clock=lambda: NOW)
    ticker.add_timed("game clock", games)
    ticker.add_timed("night clock", nights)
    ticker.add("plain clock", plain)

    ticker.wake()
    for _ in range(500):
        if not ticker.running:
            break
        await asyncio.sleep(INTERVAL)
    await ticker.stop()

    assert steps == [{"game clock", "night clock"}, {"game clock"}]
    assert games.shown == [{"here": "closed here"}, {"here": "closed here"}]
    assert nights.shown == [{"friday": "closed friday"}]
    assert games.policy.housekept == [NOW, NOW]
    assert plain.calls == 1
