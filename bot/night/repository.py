"""Where nights and their results are kept: the protocol storage implements.

Implementations keep a night's roster (sign-ups with their teams, jokers played,
tie-breaker numbers) apart from the rest of its state (:meth:`NightRepository.roster`);
reading a night joins the two (:func:`with_roster`). A night comes back without answers:
they are its session's, which the night's ledger reads back
(:meth:`bot.night.ledger.NightLedger.answered`); a night gets its session when its first
question is asked, so a night without one has none.
``tests/night/test_repository_contract.py`` is the contract every implementation must
pass. A finished night's result is kept only as rows: its guild, title and end, and each
player's final points, rank and win (:meth:`NightRepository.placings` gives them back).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from bot.game.models import GuildId
from bot.night.models import (
    Joker,
    NightId,
    NightState,
    Participant,
    Team,
    TieBreakGuess,
)
from bot.night.season import NightResult


@dataclass(frozen=True, slots=True)
class NightRoster:
    """A night's sign-ups, teams, jokers played and tie-breaker numbers, in its order."""

    participants: tuple[Participant, ...] = ()
    teams: tuple[Team, ...] = ()
    jokers: tuple[Joker, ...] = ()
    guesses: tuple[TieBreakGuess, ...] = ()


def roster_of(state: NightState) -> NightRoster:
    """The roster a night's state holds."""
    return NightRoster(state.participants, state.teams(), state.jokers, state.guesses)


def same_roster(before: NightState, after: NightState) -> bool:
    """Whether two states of a night hold the same roster, the members' names included."""

    def names(state: NightState) -> tuple[str, ...]:
        players = (*(p.player for p in state.participants), *(g.player for g in state.guesses))
        return tuple(player.name for player in players)

    return roster_of(before) == roster_of(after) and names(before) == names(after)


def with_roster(state: NightState, roster: NightRoster) -> NightState:
    """The state with the roster's sign-ups, jokers and tie-breaker numbers.

    The teams are the sign-ups' (:meth:`NightState.teams`), so the roster's own list of
    teams is not needed.
    """
    return replace(
        state, participants=roster.participants, jokers=roster.jokers, guesses=roster.guesses
    )


class NightRepository(Protocol):
    """Nights in progress and the results of finished ones."""

    async def next_id(self) -> NightId:
        """A night id never handed out before."""
        ...

    async def save(self, state: NightState, previous: NightState | None = None) -> None:
        """Store the night's state, replacing what was stored for its id.

        Args:
            state: The night now.
            previous: The state stored before, when known: a roster unchanged since then
                (:func:`same_roster`) is left as it is stored, and a store may leave any
                other part unchanged since then as it is stored.

        A question on screen is saved once its round is stored (the night's ledger stores
        it first): a store may read its item and hints from that round.
        """
        ...

    async def get(self, night_id: NightId) -> NightState | None:
        """The stored state of a night, or None if there is none."""
        ...

    async def night_of_round(self, round_id: int) -> NightState | None:
        """The night one of whose questions is this round of the play engine's tables.

        The round belongs to the night's session (:attr:`NightState.session_id`); None
        when no night recorded it.
        """
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

    async def roster(self, night_id: NightId) -> NightRoster | None:
        """The roster of the night as last saved, or None if it was never saved."""
        ...

    async def add_result(self, result: NightResult) -> None:
        """Keep a finished night's result (its placings); storing it again replaces it."""
        ...

    async def placings(
        self, guild_id: GuildId, since: datetime | None = None
    ) -> tuple[NightResult, ...]:
        """The guild's results finished at or after ``since`` (None: all), oldest first."""
        ...
