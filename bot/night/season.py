"""Results of finished nights and the season table that ranks players across them.

The table ranks by total points, then by nights won; players equal on both share a rank.
A night is won by the side that placed first in its final standings: the team with team
play (every member gets the win), after the tie-breaker; sides still tied for first
each get the win. A player's name is the one they used in their latest night.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from bot.game.models import GuildId, PlayerRef
from bot.night.errors import NightStateError
from bot.night.models import NightId, NightState, NightStatus
from bot.night.standings import final_standings, player_standings


@dataclass(frozen=True, slots=True)
class PlayerResult:
    """A player's points and rank in one night (rank among players, not teams).

    ``won`` says whether the player's side (their team, or themselves) placed first after
    the tie-breaker; None in results kept before it was recorded (the rank decides then).
    """

    player: PlayerRef
    points: int
    rank: int
    won: bool | None = None

    @property
    def is_win(self) -> bool:
        """Whether the night counts as won for the player."""
        return self.won if self.won is not None else self.rank == 1


@dataclass(frozen=True, slots=True)
class NightResult:
    """What is kept of a finished night for the season table."""

    night_id: NightId
    guild_id: GuildId
    title: str
    finished_at: datetime
    players: tuple[PlayerResult, ...]


@dataclass(frozen=True, slots=True)
class SeasonRow:
    """A player's line in the season table."""

    rank: int
    player: PlayerRef
    points: int
    nights: int
    wins: int
    best_rank: int


def night_result(state: NightState) -> NightResult:
    """The result to store for a finished night.

    Raises:
        NightStateError: The night is not finished.
    """
    if state.status is not NightStatus.FINISHED or state.finished_at is None:
        raise NightStateError("The night is not over yet.")
    winners = {
        member for side in final_standings(state) if side.rank == 1 for member in side.members
    }
    players = tuple(
        PlayerResult(s.members[0], s.points, s.rank, s.members[0] in winners)
        for s in player_standings(state)
    )
    night = state.night
    return NightResult(night.id, night.guild_id, night.title, state.finished_at, players)


def season_table(results: Iterable[NightResult]) -> tuple[SeasonRow, ...]:
    """Rank every player who took part in any of the nights.

    Args:
        results: The season's nights, in any order.

    Returns:
        Rows best first: most points, then most wins; equal on both share a rank.
    """
    rows: dict[PlayerRef, SeasonRow] = {}
    for result in sorted(results, key=lambda r: r.finished_at):
        for entry in result.players:
            row = rows.get(entry.player) or SeasonRow(0, entry.player, 0, 0, 0, entry.rank)
            rows[entry.player] = SeasonRow(
                rank=0,
                player=entry.player,
                points=row.points + entry.points,
                nights=row.nights + 1,
                wins=row.wins + entry.is_win,
                best_rank=min(row.best_rank, entry.rank),
            )
    ordered = sorted(rows.values(), key=lambda r: (-r.points, -r.wins, r.player.name.casefold()))
    table: list[SeasonRow] = []
    for position, row in enumerate(ordered, start=1):
        previous = table[-1] if table else None
        tied = previous and (previous.points, previous.wins) == (row.points, row.wins)
        table.append(replace(row, rank=previous.rank if previous and tied else position))
    return tuple(table)
