"""Standings of a night: points per player, fair team scores, ranks and the tie-breaker.

A team's score is the **mean** of its members' points. A sum would let the biggest team win
by head count; the mean asks how well the average member did, so a team of two can beat a
team of six, and a member who signs up and never answers pulls the team down rather than
being free. Points scored in a contestant's joker round count double, for the player and
for the team alike.

Ranks are shared on equal scores (1, 1, 3). Ties for a podium place go to the tie-breaker,
the engine's rule (:mod:`bot.game.tiebreak`) with a night's contestants: the closest number
wins; contestants equally close stay tied, and so does anyone who gave no number (they place
after those who did).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from fractions import Fraction
from itertools import groupby

from bot.game import tiebreak
from bot.game.models import PlayerRef
from bot.night.models import (
    ContestantId,
    Joker,
    NightState,
    player_key,
    team_key,
)

PODIUM_PLACES = 3
JOKER_FACTOR = 2


@dataclass(frozen=True, slots=True)
class ContestantStanding:
    """A contestant's place.

    Attributes:
        rank: Shared on equal scores.
        contestant: The team or player.
        name: Team name or player name.
        score: The fair score that ranks: a player's points, a team's mean.
        points: Total points (a team's sum over its members).
        members: The team's members, or the player alone.
        tie_break_distance: How far the contestant's tie-breaker number was, when it counted.
    """

    rank: int
    contestant: ContestantId
    name: str
    score: Fraction
    points: int
    members: tuple[PlayerRef, ...]
    tie_break_distance: float | None = None


def player_points(state: NightState, through_round: int | None = None) -> dict[PlayerRef, int]:
    """Each participant's points, in sign-up order.

    Args:
        state: The night.
        through_round: Count only rounds before this index (None: every round).

    Returns:
        Points per participant, 0 for those who scored nothing.
    """
    totals = {p.player: 0 for p in state.participants}
    sides = {p.player: state.contestant_of(p) for p in state.participants}
    for answer in state.answers:
        if through_round is not None and answer.cursor.round >= through_round:
            continue
        doubled = Joker(sides[answer.player], answer.cursor.round) in state.jokers
        totals[answer.player] += answer.points * (JOKER_FACTOR if doubled else 1)
    return totals


def joker_factor(state: NightState, player: PlayerRef, round_index: int) -> int:
    """How many times the player's points in a round count: twice in their side's joker round."""
    participant = state.participant(player)
    if participant is None:
        return 1
    doubled = Joker(state.contestant_of(participant), round_index) in state.jokers
    return JOKER_FACTOR if doubled else 1


def player_standings(
    state: NightState, through_round: int | None = None
) -> tuple[ContestantStanding, ...]:
    """Every participant ranked by their own points, whatever the team play."""
    entries = [
        _entry(player_key(player), player.name, Fraction(points), points, (player,))
        for player, points in player_points(state, through_round).items()
    ]
    return _ranked(entries)


def standings(
    state: NightState, through_round: int | None = None
) -> tuple[ContestantStanding, ...]:
    """The contestants ranked by fair score: teams with team play, players otherwise.

    Args:
        state: The night.
        through_round: Count only rounds before this index (None: every round).

    Returns:
        Standings, best first; equal scores share a rank.
    """
    if not state.night.team_play:
        return player_standings(state, through_round)
    points = player_points(state, through_round)
    entries = []
    for team in state.teams():
        total = sum(points[member] for member in team.members)
        score = Fraction(total, len(team.members))
        entries.append(_entry(team_key(team.name), team.name, score, total, team.members))
    return _ranked(entries)


def tied_for_podium(ranking: Iterable[ContestantStanding]) -> tuple[ContestantId, ...]:
    """Contestants sharing a place on the podium (rank 1 to ``PODIUM_PLACES``)."""
    return tiebreak.tied(((s.contestant, s.score) for s in ranking), PODIUM_PLACES)


def final_standings(state: NightState) -> tuple[ContestantStanding, ...]:
    """The standings with the tie-breaker applied to the contestants who played it."""
    ranking = standings(state)
    if not state.contenders:
        return ranking
    guesses = [guess.guess for guess in state.guesses]
    answer = state.night.tie_breaker.answer
    resolved: list[ContestantStanding] = []
    for rank, group in groupby(ranking, key=lambda s: s.rank):
        sharing = {s.contestant: s for s in group}
        if len(sharing) < 2 or any(c not in state.contenders for c in sharing):
            resolved.extend(sharing.values())
            continue
        placed = tiebreak.placings(tuple(sharing), guesses, answer, tiebreak.EqualDistance.SHARED)
        resolved.extend(
            replace(
                sharing[placing.contestant],
                rank=rank + placing.ahead,
                tie_break_distance=placing.distance,
            )
            for placing in placed
        )
    return tuple(resolved)


def _entry(
    contestant: ContestantId,
    name: str,
    score: Fraction,
    points: int,
    members: tuple[PlayerRef, ...],
) -> ContestantStanding:
    return ContestantStanding(0, contestant, name, score, points, members)


def _ranked(entries: list[ContestantStanding]) -> tuple[ContestantStanding, ...]:
    ordered = sorted(entries, key=lambda s: (-s.score, s.name.casefold(), s.contestant))
    ranked: list[ContestantStanding] = []
    for position, standing in enumerate(ordered, start=1):
        previous = ranked[-1] if ranked else None
        rank = previous.rank if previous and previous.score == standing.score else position
        ranked.append(replace(standing, rank=rank))
    return tuple(ranked)
