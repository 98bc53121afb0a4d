"""The one clock of every format: a loop that ticks only while a format needs it.

Games and quiz nights both need "close what ran out of time every few seconds while a
question runs". Each format joins the bot's one :class:`Ticker`, so one task drives every
deadline, whatever formats are loaded: at each tick the clock runs the engine's one tick
step (:func:`bot.game.ticking.tick`) once, with the policy of every format whose questions
it times (a :class:`Timing`), and then hands each format what the step made of its
questions, to show (a format the step need not look at is a plain :class:`Ticking`).
While no format needs it the clock stops; a format that will need it at a known time (a
quiz night's reminder) says when, and the clock sets one alarm for then instead of ticking
until it. The clock rests on
:class:`discord.ext.tasks.Loop`, so its waits are the library's own (they survive
reconnects, and test harnesses that drive discord.py on a virtual clock recognise them as
timers to fire only when virtual time says so).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import discord
from discord.ext import tasks

from bot.game import ticking
from bot.game.errors import GameError
from bot.game.models import Clock
from bot.game.ticking import Ticked, TickPolicy

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


class Timing(Protocol):
    """A format whose questions' time the engine's tick step watches, as the clock sees it."""

    def needs_clock(self) -> bool:
        """Whether anything of the format's waits on time now (a deadline, a reminder due)."""
        ...

    def seconds_until_needed(self) -> float | None:
        """As :meth:`Ticking.seconds_until_needed`."""
        ...

    def tick_policy(self) -> TickPolicy[Any, object, object]:
        """The format's policy for the tick step (the same one every time)."""
        ...

    async def ticked(self, ticked: Ticked) -> None:
        """An interval passed and the step ran: show what it made, then post what is due.

        What the step made of the format's questions is :meth:`Ticked.of` its policy.
        """
        ...


@dataclass(frozen=True, slots=True)
class _Format:
    """A format joined to the clock: how the log calls it, and what the clock asks of it."""

    name: str
    owner: Ticking | Timing
    policy: TickPolicy[Any, object, object] | None
    """The format's policy for the tick step; None for a plain :class:`Ticking`."""
    tick: Callable[[Ticked], Awaitable[None]]


def _wall_clock() -> datetime:
    """The machine's time, for a clock built without the services' (see :class:`Ticker`)."""
    return datetime.now(UTC)


class Ticker:
    """Ticks, every ``seconds``, each format that needs it, in one task; idle otherwise.

    A format joins with :meth:`add_timed` (or :meth:`add`) and calls :meth:`wake` when it
    has something to time. The first tick comes one interval after the clock starts, never
    at once. Stopped, the clock keeps one alarm, for the soonest time a format says it will
    need it (at least one interval away, at most :data:`MAX_REST_SECONDS`), which wakes it.
    At a tick the step runs once for the formats due (it keeps a format's failure to that
    format), then the formats show what it made side by side, each on its own: one whose
    showing fails is logged in one line and the others, and the clock, go on; one kept
    waiting by Discord holds up no other's deadline.
    """

    def __init__(
        self, seconds: float, name: str = CLOCK_NAME, *, clock: Clock = _wall_clock
    ) -> None:
        """Build the clock; ``clock`` is the time the tick step runs at (the services')."""
        self._seconds = seconds
        self._name = name
        self._clock = clock
        self._formats: list[_Format] = []
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

        async def tick(_: Ticked) -> None:
            await ticking.tick()

        self._formats.append(_Format(name, ticking, None, tick))

    def add_timed(self, name: str, timing: Timing) -> None:
        """Let the clock time the questions of ``timing`` too, through the tick step."""
        self._formats.append(_Format(name, timing, timing.tick_policy(), timing.ticked))

    async def remove(self, ticking: Ticking | Timing) -> None:
        """Tick ``ticking`` no more, once a tick in progress is done; stop if none is left.

        Its tick may be ending a game; cut off, its standings would never be posted.
        """
        self._formats = [f for f in self._formats if f.owner is not ticking]
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
        return any(joined.owner.needs_clock() for joined in self._formats)

    def _arm(self) -> None:
        """Set the one alarm for the soonest need a format foresees; none if none does."""
        self._disarm()
        waits = [
            wait
            for joined in self._formats
            if (wait := joined.owner.seconds_until_needed()) is not None
        ]
        if waits:
            delay = min(max(min(waits), self._seconds), MAX_REST_SECONDS)
            self._alarm = asyncio.get_running_loop().call_later(delay, self.wake)

    async def _step(self, due: list[_Format]) -> Ticked:
        """The engine's tick step, once for every format due whose questions it times."""
        policies = {joined.name: joined.policy for joined in due if joined.policy is not None}
        if not policies:
            return Ticked()
        try:
            return await ticking.tick(policies, self._clock())
        except Exception:
            # The step keeps each format's failures to it; this is a bug in the step itself.
            # The formats still post what else is due (a game's next question, a reminder).
            log.exception("the tick step failed")
            return Ticked()

    def _disarm(self) -> None:
        if self._alarm is not None:
            self._alarm.cancel()
            self._alarm = None

    async def _run_once(self) -> None:
        loop = self._loop
        if loop is None or loop.current_loop == 0:
            return  # the loop's first pass runs at once; the clock's first tick waits
        due = [joined for joined in self._formats if joined.owner.needs_clock()]
        self._idle.clear()
        try:
            ticked = await self._step(due)
            await asyncio.gather(*(_tick(joined.name, joined.tick(ticked)) for joined in due))
        finally:
            self._idle.set()
        if not self._needed() and self._loop is loop:
            # Forget the loop before it ends, so a wake() from now on starts a fresh one.
            self._loop = None
            loop.stop()
            self._arm()


async def _tick(name: str, tick: Awaitable[None]) -> None:
    """One format's tick; a failure is logged and never reaches the clock or other formats."""
    try:
        await tick
    except GameError as error:
        log.warning("%s: %s", name, error)
    except discord.HTTPException as error:
        log.warning("%s could not post or edit a message: %s", name, error)
    except Exception:
        # A bug in one tick must not stop every game's clock: log it whole, tick on.
        log.exception("%s: a tick failed", name)
