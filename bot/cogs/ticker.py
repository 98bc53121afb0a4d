"""A clock that ticks only while something needs it, on discord.py's task loops.

Games and quiz nights both need "call ``tick`` every few seconds while a question runs":
this is that, once. It rests on :class:`discord.ext.tasks.Loop`, so its waits are the
library's own (they survive reconnects, and test harnesses that drive discord.py on a
virtual clock recognise them as timers to fire only when virtual time says so).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import discord
from discord.ext import tasks

from bot.game.errors import GameError

log = logging.getLogger(__name__)


class Ticker:
    """Calls ``tick`` every ``seconds`` while ``needed()`` says so; idle otherwise.

    The first call comes one interval after :meth:`wake`, never at once. A failed tick is
    logged and the clock keeps going: one bad message (or one bug) must not stop every game.
    """

    def __init__(
        self,
        name: str,
        seconds: float,
        tick: Callable[[], Awaitable[None]],
        needed: Callable[[], bool],
    ) -> None:
        self._name = name
        self._seconds = seconds
        self._tick = tick
        self._needed = needed
        self._loop: tasks.Loop[Callable[[], Coroutine[Any, Any, None]]] | None = None
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def running(self) -> bool:
        """Whether the clock is ticking (or about to)."""
        return self._loop is not None

    def wake(self) -> None:
        """Start ticking if something needs the clock and it is not running yet."""
        if self._loop is not None and not self._loop.is_running():
            self._loop = None  # ended without stop(): cancelled from outside
        if self._loop is None and self._needed():
            loop = tasks.loop(seconds=self._seconds, name=self._name)(self._run_once)
            self._loop = loop
            loop.start()

    async def stop(self) -> None:
        """Stop ticking: let a tick in progress finish, then cancel the clock.

        A tick may be ending a game; cut off, its standings would never be posted.
        """
        loop, self._loop = self._loop, None
        if loop is None:
            return
        await self._idle.wait()
        task = loop.get_task()
        loop.cancel()
        if task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run_once(self) -> None:
        loop = self._loop
        if loop is None or loop.current_loop == 0:
            return  # the loop's first pass runs at once; the clock's first tick waits
        self._idle.clear()
        try:
            await self._tick()
        except GameError as error:
            log.warning("%s: %s", self._name, error)
        except discord.HTTPException as error:
            log.warning("%s could not post or edit a message: %s", self._name, error)
        except Exception:
            # A bug in one tick must not stop every game's clock: log it whole, tick on.
            log.exception("%s: a tick failed", self._name)
        finally:
            self._idle.set()
        if not self._needed() and self._loop is loop:
            # Forget the loop before it ends, so a wake() from now on starts a fresh one.
            self._loop = None
            loop.stop()
