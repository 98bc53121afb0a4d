"""Where nights and their results are kept: the protocol storage implements.

Implementations store a night as its snapshot (:mod:`bot.night.snapshot`), so whatever a
night holds survives a restart unchanged; ``tests/night/test_repository_contract.py`` is
the contract every implementation must pass.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.game.models import GuildId
from bot.night.models import NightId, NightState
from bot.night.season import NightResult


class NightRepository(Protocol):
    """Nights in progress and the results of finished ones."""

    async def next_id(self) -> NightId:
        """A night id never handed out before."""
        ...

    async def save(self, state: NightState) -> None:
        """Store the night's state, replacing what was stored for its id."""
        ...

    async def get(self, night_id: NightId) -> NightState | None:
        """The stored state of a night, or None if there is none."""
        ...

    async def unfinished(self) -> tuple[NightState, ...]:
        """Every night not finished yet, by id: what to resume after a restart."""
        ...

    async def recent(self, guild_id: GuildId, limit: int = 20) -> tuple[NightState, ...]:
        """The guild's nights, finished or not, newest id first."""
        ...

    async def claim_reminder(self, night_id: NightId) -> bool:
        """Mark the night's reminder as sent: True the first time only, so it goes out once."""
        ...

    async def add_result(self, result: NightResult) -> None:
        """Keep a finished night's result; storing it again replaces it."""
        ...

    async def results(
        self, guild_id: GuildId, since: datetime | None = None
    ) -> tuple[NightResult, ...]:
        """The guild's results finished at or after ``since`` (None: all), oldest first."""
        ...
