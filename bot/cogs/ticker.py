"""The one clock of every format: a loop that ticks only while a format needs it.

Games and quiz nights both need "call ``tick`` every few seconds while a question runs".
Each format implements :class:`Ticking` and joins the bot's one :class:`Ticker`, so one
task drives every deadline, whatever formats are loaded. While no format needs it the
clock stops; a format that will need it at a known time (a quiz night's reminder) says when,
and the clock sets one alarm for then instead of ticking until it. The clock rests on
:class:`discord.ext.tasks.Loop`, so its waits are the library's own (they survive
reconnects, and test harnesses that drive discord.py on a virtual clock recognise them as
timers to fire only when virtual time says so).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any, Protocol

import discord
from discord.ext import tasks

from bot.game.errors import GameError

log = logging.getLogger(__name__)

CLOCK_NAME = "trivia clock"
MAX_REST_SECONDS = 60.0
"""The longest the stopped clock waits before asking the formats again.

Formats count in wall-clock time, the alarm in the event loop's; should the two drift
apart (a clock set, a machine resumed), a reminder is late by this much at most.
"""


class Ticking(Protocol):
    """A format whose questions run against the clock, as the one clock sees it."""

    def needs_clock(self) -> bool:
        """Whether anything of the format's waits on time now (a deadline, a reminder due)."""
        ...

    def seconds_until_needed(self) -> float | None:
        """While the format needs no clock: in how many seconds it will, by time alone.

        None when only something someone does can make it need the clock (it then wakes the
        clock itself).
        """
        ...

    async def tick(self) -> None:
        """An interval passed: close what timed out, post what is due."""
        ...


class Ticker:
    """Ticks, every ``seconds``, each format that needs it, in one task; idle otherwise.

    A format joins with :meth:`add` and calls :meth:`wake` when it has something to time.
    The first tick comes one interval after the clock starts, never at once. Stopped, the
    clock keeps one alarm, for the soonest time a format says it will need it (at least one
    interval away, at most :data:`MAX_REST_SECONDS`), which wakes it. The formats
    due at a tick run side by side, each on its own: one whose tick fails is logged in one
    line and the others, and the clock, go on; one kept waiting by Discord holds up no
    other's deadline.
    """

    def __init__(self, seconds: float, name: str = CLOCK_NAME) -> None:
        self._seconds = seconds
        self._name = name
        self._formats: list[tuple[str, Ticking]] = []
        self._loop: tasks.Loop[Callable[[], Coroutine[Any, Any, None]]] | None = None
        self._alarm: asyncio.TimerHandle | None = None
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def seconds(self) -> float:
        """The interval between two ticks."""
        return self._seconds

    @property
    def running(self) -> bool:
        """Whether the clock is ticking (or about to)."""
        return self._loop is not None

    def add(self, name: str, ticking: Ticking) -> None:
        """Let the clock tick ``ticking`` too; ``name`` is how the log calls its clock."""
        self._formats.append((name, ticking))

    async def remove(self, ticking: Ticking) -> None:
        """Tick ``ticking`` no more, once a tick in progress is done; stop if none is left.

        Its tick may be ending a game; cut off, its standings would never be posted.
        """
        self._formats = [(n, t) for n, t in self._formats if t is not ticking]
        if self._formats:
            await self._idle.wait()
        else:
            await self.stop()

    def wake(self) -> None:
        """Start ticking if a format needs the clock; else set the alarm for when one will."""
        if self._loop is not None and not self._loop.is_running():
            self._loop = None  # ended without stop(): cancelled from outside
        if self._loop is not None:
            return
        if self._needed():
            self._disarm()
            loop = tasks.loop(seconds=self._seconds, name=self._name)(self._run_once)
            self._loop = loop
            loop.start()
        else:
            self._arm()

    async def stop(self) -> None:
        """Stop ticking: let a tick in progress finish, then cancel the clock and its alarm."""
        self._disarm()
        loop, self._loop = self._loop, None
        if loop is None:
            return
        await self._idle.wait()
        task = loop.get_task()
        loop.cancel()
        if task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def _needed(self) -> bool:
        return any(ticking.needs_clock() for _, ticking in self._formats)

    def _arm(self) -> None:
        """Set the one alarm for the soonest need a format foresees; none if none does."""
        self._disarm()
        waits = [
            wait
            for _, ticking in self._formats
            if (wait := ticking.seconds_until_needed()) is not None
        ]
        if waits:
            delay = min(max(min(waits), self._seconds), MAX_REST_SECONDS)
            self._alarm = asyncio.get_running_loop().call_later(delay, self.wake)

    def _disarm(self) -> None:
        if self._alarm is not None:
            self._alarm.cancel()
            self._alarm = None

    async def _run_once(self) -> None:
        loop = self._loop
        if loop is None or loop.current_loop == 0:
            return  # the loop's first pass runs at once; the clock's first tick waits
        due = [(name, ticking) for name, ticking in self._formats if ticking.needs_clock()]
        self._idle.clear()
        try:
            await asyncio.gather(*(_tick(name, ticking) for name, ticking in due))
        finally:
            self._idle.set()
        if not self._needed() and self._loop is loop:
            # Forget the loop before it ends, so a wake() from now on starts a fresh one.
            self._loop = None
            loop.stop()
            self._arm()


async def _tick(name: str, ticking: Ticking) -> None:
    """One format's tick; a failure is logged and never reaches the clock or other formats."""
    try:
        await ticking.tick()
    except GameError as error:
        log.warning("%s: %s", name, error)
    except discord.HTTPException as error:
        log.warning("%s could not post or edit a message: %s", name, error)
    except Exception:
        # A bug in one tick must not stop every game's clock: log it whole, tick on.
        log.exception("%s: a tick failed", name)
