"""In-memory night repository for tests and dry runs.

It keeps each night's state and its roster apart, like a database would, and no
answers: those are the night's session's (a night without a session has none); and, for
:meth:`~InMemoryNightRepository.night_of_round`, the rounds each night saved (as the SQL
store finds them through the night's session).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.game.models import GuildId
from bot.night.models import NightId, NightState, NightStatus
from bot.night.repository import (
    NightRepository,
    NightRoster,
    roster_of,
    same_roster,
    with_roster,
)
from bot.night.season import NightResult


class InMemoryNightRepository:
    """Nights and results in dictionaries."""

    def __init__(self) -> None:
        self._states: dict[NightId, NightState] = {}
        self._results: dict[NightId, NightResult] = {}
        self._rosters: dict[NightId, NightRoster] = {}
        self._last_id = 0
        self._reminded: set[NightId] = set()
        self._asked: dict[NightId, set[int]] = {}

    async def next_id(self) -> NightId:
        """A night id never handed out before."""
        self._last_id += 1
        return NightId(self._last_id)

    async def save(self, state: NightState, previous: NightState | None = None) -> None:
        """Store the night's state but its answers, replacing what was stored for its id."""
        kept = replace(state, participants=(), answers=(), jokers=(), guesses=())
        self._states[state.night.id] = kept
        asked = self._asked.setdefault(state.night.id, set())
        asked.update(a.round_id for a in state.answers if a.round_id is not None)
        if state.question is not None and state.question.screen.round_id is not None:
            asked.add(state.question.screen.round_id)
        if previous is None or not same_roster(previous, state):
            self._rosters[state.night.id] = roster_of(state)

    async def get(self, night_id: NightId) -> NightState | None:
        """The stored state of a night, or None if there is none."""
        return None if night_id not in self._states else self._read(night_id)

    async def night_of_round(self, round_id: int) -> NightState | None:
        """The night that saved that round as its question on screen or an answer's, ever."""
        for key in sorted(self._states):
            if round_id in self._asked.get(key, ()):
                return self._read(key)
        return None

    async def unfinished(self) -> tuple[NightState, ...]:
        """Every night not finished yet, by id."""
        states = (self._read(key) for key in sorted(self._states))
        return tuple(s for s in states if s.status is not NightStatus.FINISHED)

    async def recent(self, guild_id: GuildId, limit: int = 20) -> tuple[NightState, ...]:
        """The guild's nights, finished or not, newest id first."""
        states = (self._read(key) for key in sorted(self._states))
        mine = [s for s in states if s.night.guild_id == guild_id]
        return tuple(reversed(mine))[:limit]

    def _read(self, night_id: NightId) -> NightState:
        return with_roster(self._states[night_id], self._rosters[night_id])

    async def claim_reminder(self, night_id: NightId) -> bool:
        """Mark the night's reminder as sent: True the first time only."""
        if night_id in self._reminded:
            return False
        self._reminded.add(night_id)
        return True

    async def roster(self, night_id: NightId) -> NightRoster | None:
        """The roster of the night as last saved, or None if it was never saved."""
        return self._rosters.get(night_id)

    async def add_result(self, result: NightResult) -> None:
        """Keep a finished night's result; storing it again replaces it."""
        self._results[result.night_id] = result

    async def placings(
        self, guild_id: GuildId, since: datetime | None = None
    ) -> tuple[NightResult, ...]:
        """The guild's results finished at or after ``since`` (None: all), oldest first."""
        chosen = (
            r
            for r in self._results.values()
            if r.guild_id == guild_id and (since is None or r.finished_at >= since)
        )
        return tuple(sorted(chosen, key=lambda r: (r.finished_at, r.night_id)))


def as_night_repository(repository: InMemoryNightRepository) -> NightRepository:
    """The fake typed as the protocol, so signature drift fails mypy."""
    return repository
