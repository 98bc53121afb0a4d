"""Notes the gateway connection for ``trivia health``.

On connect, resume and disconnect, and every half minute while running, so a hung bot's
note grows old.
"""

from __future__ import annotations

import asyncio
import logging
import math
from pathlib import Path
from typing import TYPE_CHECKING

from discord.ext import commands, tasks

from bot.game.models import Clock
from bot.health import REFRESH_SECONDS, GatewayState, note_gateway

if TYPE_CHECKING:
    from bot.app import TriviaBot

log = logging.getLogger(__name__)


class HealthCog(commands.Cog):
    """Writes the gateway state to the health file."""

    def __init__(self, bot: TriviaBot, path: Path, clock: Clock) -> None:
        self._bot = bot
        self._path = path
        self._clock = clock

    async def cog_load(self) -> None:
        """Start the periodic note."""
        self._refresh.start()

    async def cog_unload(self) -> None:
        """Stop noting and say the bot is gone."""
        self._refresh.cancel()
        await self._note(False, "the bot is shutting down")

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """Connected (first time, or after a new session)."""
        await self._note(True, "ready")

    @commands.Cog.listener()
    async def on_resumed(self) -> None:
        """Connected again after a short drop."""
        await self._note(True, "resumed")

    @commands.Cog.listener()
    async def on_disconnect(self) -> None:
        """The gateway connection dropped (discord.py reconnects by itself)."""
        await self._note(False, "disconnected; reconnecting")

    @tasks.loop(seconds=REFRESH_SECONDS)
    async def _refresh(self) -> None:
        latency = self._bot.latency
        up = self._bot.is_ready() and not self._bot.is_closed() and math.isfinite(latency)
        detail = f"latency {latency * 1000:.0f} ms" if up else "not connected"
        await self._note(up, detail)

    async def _note(self, connected: bool, detail: str) -> None:
        state = GatewayState(connected, self._clock(), detail)
        try:
            await asyncio.to_thread(note_gateway, state, self._path)
        except OSError as exc:
            log.warning("cannot write the health file %s: %s", self._path, exc)
