"""Leaderboards per guild or across guilds and periods, ranks with neighbours, standings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Integer, String, and_, bindparam, func, select
from sqlalchemy.orm import Session

from bot.game.models import (
    GuildId,
    Period,
    PlayerId,
    PlayerRef,
    RankInfo,
    SeasonId,
    SessionId,
    Standing,
)
from bot.game.ports import GLOBAL_SCOPE, period_keys
from bot.storage.sql.base import SqlDatabase, prepared, season_at
from bot.storage.tables import (
    AnswerRow,
    LeaderboardPointsRow,
    LeaderboardTotalRow,
    PlayerRow,
    RoundRow,
    ScoreRow,
)


def _ranked(rows: Sequence[Any], first_rank: int = 1) -> list[Standing]:
    """Standard competition ranking: equal points share a rank (1, 1, 3)."""
    standings: list[Standing] = []
    for index, (player_id, name, points) in enumerate(rows):
        tied = standings and standings[-1].points == points
        rank = standings[-1].rank if tied else first_rank + index
        standings.append(Standing(rank, PlayerId(player_id), name, int(points)))
    return standings


def _window_ranks(rows: Sequence[Any], first_rank: int, first_position: int) -> list[Standing]:
    """Ranks of a contiguous slice of a leaderboard, from the first row's rank and position."""
    standings: list[Standing] = []
    for offset, (player_id, name, points) in enumerate(rows):
        tied = standings and standings[-1].points == points
        rank = first_rank if offset == 0 else first_position + offset
        rank = standings[-1].rank if tied else rank
        standings.append(Standing(rank, PlayerId(player_id), name, int(points)))
    return standings


_Board = tuple[int, str, str]
"""A leaderboard: (scope, period, period key)."""


def _on_board(
    table: type[LeaderboardTotalRow] | type[LeaderboardPointsRow],
) -> ColumnElement[bool]:
    """The filter selecting one leaderboard's rows (``scope``, ``period``, ``key``)."""
    return and_(
        table.scope == bindparam("scope", type_=BigInteger),
        table.period == bindparam("period", type_=String),
        table.period_key == bindparam("key", type_=String),
    )


def _board_values(board: _Board) -> dict[str, Any]:
    scope, period, key = board
    return {"scope": scope, "period": period, "key": key}


def _top_query() -> Any:
    """The first ``count`` players of a board, with their names."""
    table = LeaderboardTotalRow
    return (
        select(table.player_id, PlayerRow.display_name, table.points)
        .join(PlayerRow, PlayerRow.id == table.player_id)
        .where(_on_board(table))
        .order_by(table.points.desc(), table.player_id)
        .limit(bindparam("count", type_=Integer))
    )


def _mine_query() -> Any:
    """One player's row of a board (without the name: no plan walks the players by id)."""
    table = LeaderboardTotalRow
    return select(table.player_id, table.points).where(
        _on_board(table), table.player_id == bindparam("player", type_=Integer)
    )


def _seek_query(side: str) -> Any:
    """Up to ``count`` rows next to a row (``player``, ``points``) on one side of it."""
    table = LeaderboardTotalRow
    player = bindparam("player", type_=Integer)
    points = bindparam("points", type_=BigInteger)
    tied = table.points == points
    where, order = {
        "tied above": (tied & (table.player_id < player), (table.player_id.desc(),)),
        "more": (table.points > points, (table.points.asc(), table.player_id.desc())),
        "tied below": (tied & (table.player_id > player), (table.player_id.asc(),)),
        "fewer": (table.points < points, (table.points.desc(), table.player_id.asc())),
    }[side]
    return (
        select(table.player_id, table.points)
        .where(_on_board(table), where)
        .order_by(*order)
        .limit(bindparam("count", type_=Integer))
    )


def _before_query() -> Any:
    """Players with more points than a row, and those tied with it but listed first.

    The first is a sum over the histogram's values above the row's points (a few hundred
    rows at most), not a count of every player above; the second is an index range.
    """
    histogram, totals = LeaderboardPointsRow, LeaderboardTotalRow
    player = bindparam("player", type_=Integer)
    points = bindparam("points", type_=BigInteger)
    higher = (
        select(func.coalesce(func.sum(histogram.players), 0))
        .where(_on_board(histogram), histogram.points > points)
        .scalar_subquery()
    )
    tied = (
        select(func.count())
        .select_from(totals)
        .where(_on_board(totals), totals.points == points, totals.player_id < player)
        .scalar_subquery()
    )
    return select(higher, tied)


def _names_query() -> Any:
    return select(PlayerRow.id, PlayerRow.display_name).where(
        PlayerRow.id.in_(bindparam("ids", expanding=True))
    )


def _session_standings_query() -> Any:
    """Every player of one session (``standings_of``) with their points, best first.

    Scores are found through the session's rounds (the index of scores by round), not
    by their own session column, which no index covers.
    """
    session_id = bindparam("standings_of", type_=Integer)
    scored = (
        select(ScoreRow.player_id, ScoreRow.points)
        .join(RoundRow, RoundRow.id == ScoreRow.round_id)
        .where(RoundRow.session_id == session_id)
        .subquery()
    )
    points = (
        select(scored.c.player_id, func.sum(scored.c.points).label("points"))
        .group_by(scored.c.player_id)
        .subquery()
    )
    players = (
        select(AnswerRow.player_id)
        .join(RoundRow, RoundRow.id == AnswerRow.round_id)
        .where(RoundRow.session_id == session_id)
        .union(select(scored.c.player_id))
        .subquery()
    )
    total = func.coalesce(points.c.points, 0).label("total")
    return (
        select(PlayerRow.id, PlayerRow.display_name, total)
        .join(players, players.c.player_id == PlayerRow.id)
        .outerjoin(points, points.c.player_id == PlayerRow.id)
        .order_by(total.desc(), PlayerRow.id)
    )


class LeaderboardStore:
    """Reads of the leaderboard totals kept on write, and of one session's standings."""

    def __init__(self, db: SqlDatabase) -> None:
        self._db = db

    def _board(
        self, session: Session, guild_id: GuildId | None, period: Period, now: datetime
    ) -> _Board | None:
        """The (scope, period, key) naming one leaderboard, or None when it cannot exist."""
        season = None
        if period is Period.SEASON:
            season = session.scalar(season_at(now))
            if season is None:
                return None
        key = period_keys(now, None if season is None else SeasonId(season))[period]
        return (GLOBAL_SCOPE if guild_id is None else guild_id), period.value, key

    async def leaderboard(
        self, guild_id: GuildId | None, period: Period, now: datetime, limit: int = 10
    ) -> Sequence[Standing]:
        """Top players for the period containing ``now``, ties sharing a rank."""

        def read(session: Session) -> Sequence[Standing]:
            found = self._board(session, guild_id, period, now)
            if found is None:
                return []
            query = prepared(session, "leaderboard top", _top_query)
            values = {**_board_values(found), "count": limit}
            return _ranked(session.connection().execute(query, values).all())

        return await self._db.read(read)

    async def rank(
        self,
        guild_id: GuildId | None,
        period: Period,
        now: datetime,
        player_id: PlayerId,
        neighbours: int = 2,
    ) -> RankInfo | None:
        """A player's rank with the players just above and below.

        Each side is read as two index seeks, the players tied with the row first, then
        those with more (or fewer) points: one ``OR`` of both would scan past every player
        between the top (or the bottom) of the board and the row.
        """

        def read(session: Session) -> RankInfo | None:
            found = self._board(session, guild_id, period, now)
            if found is None:
                return None
            connection = session.connection()
            board = _board_values(found)
            mine_query = prepared(session, "leaderboard row", _mine_query)
            mine = connection.execute(mine_query, {**board, "player": player_id}).first()
            if mine is None:
                return None

            def seek(side: str, count: int) -> list[Any]:
                if count <= 0:
                    return []
                query = prepared(session, f"leaderboard {side}", lambda: _seek_query(side))
                values = {**board, "player": mine[0], "points": mine[1], "count": count}
                return list(connection.execute(query, values).all())

            above = seek("tied above", neighbours)
            above += seek("more", neighbours - len(above))
            below = seek("tied below", neighbours)
            below += seek("fewer", neighbours - len(below))
            above.reverse()
            window = [*above, mine, *below]
            first_id, first_points = window[0]
            before = prepared(session, "leaderboard before", _before_query)
            values = {**board, "player": first_id, "points": first_points}
            higher, tied_before = connection.execute(before, values).one()
            higher, tied_before = int(higher or 0), int(tied_before or 0)
            names_query = prepared(session, "player names", _names_query)
            ids = [row[0] for row in window]
            names = dict(connection.execute(names_query, {"ids": ids}).all())
            named = [(pid, names[pid], points) for pid, points in window]
            standings = _window_ranks(named, higher + 1, higher + tied_before + 1)
            index = len(above)
            return RankInfo(
                standings[index], tuple(standings[:index]), tuple(standings[index + 1 :])
            )

        return await self._db.read(read)

    async def session_standings(self, session_id: SessionId) -> Sequence[Standing]:
        """Every player who answered in the session, with their points (0 if none).

        Read in the writers' queue: a session's standings are read just before it is
        ended, and there the read costs no trip of its own through the event loop.
        """
        standings: Sequence[Standing] = await self._db.write_item(self._standings_of, session_id)
        return standings

    def _standings_of(self, session: Session, session_ids: list[int]) -> list[list[Standing]]:
        query = prepared(session, "session standings", _session_standings_query)
        connection = session.connection()
        return [
            _ranked(connection.execute(query, {"standings_of": session_id}).all())
            for session_id in session_ids
        ]

    async def player_id(self, player: PlayerRef) -> PlayerId | None:
        """The stored id of a player, or None if they never answered."""
        async with self._db.unit() as session:
            found = await session.scalar(
                select(PlayerRow.id).where(
                    PlayerRow.platform == player.platform,
                    PlayerRow.external_id == player.external_id,
                )
            )
        return None if found is None else PlayerId(found)
