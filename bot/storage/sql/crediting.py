"""Crediting points atomically: the round's winner, the score row and the leaderboard totals.

Points are credited with conditional writes the database enforces, so a round is won at
most once and a player scores at most once per round even under concurrent submissions.
Leaderboard totals, and the histogram of totals per board that ranks are counted from, are
kept on write in the same transaction as the score they sum.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Insert, select, tuple_, update
from sqlalchemy.orm import Session

from bot.game.models import AwardOutcome, PlayerRef, SeasonId
from bot.storage.repository import GLOBAL_SCOPE, StorageError, period_keys
from bot.storage.sql.base import NEW_PLAYERS, NEW_ROUNDS, SqlStore, rowcount, season_at
from bot.storage.tables import (
    LeaderboardPointsRow,
    LeaderboardTotalRow,
    PlayerRow,
    RoundRow,
    ScoreRow,
    SessionRow,
)


class CreditingStore(SqlStore):
    """Player and round look-ups (cached) and the one way points are credited."""

    def _player_id(self, session: Session, player: PlayerRef, now: datetime) -> int:
        staged: dict[PlayerRef, int] = session.info.setdefault(NEW_PLAYERS, {})
        cached = self._player_ids.get(player) or staged.get(player)
        if cached is not None:
            return cached
        identity = (PlayerRow.platform == player.platform) & (
            PlayerRow.external_id == player.external_id
        )
        found = session.scalar(select(PlayerRow.id).where(identity))
        if found is None:
            # ON CONFLICT DO NOTHING: losing a race to create the same player is harmless.
            values = {
                "platform": player.platform,
                "external_id": player.external_id,
                "display_name": player.name[:100],
                "created_at": now,
            }
            insert = self._insert(session, PlayerRow).values(values)
            session.execute(insert.on_conflict_do_nothing())
            found = session.scalar(select(PlayerRow.id).where(identity))
        if found is None:
            raise StorageError(f"player {player.platform}:{player.external_id} was not stored")
        staged[player] = found
        return found

    def _player_ids_of(
        self, session: Session, arrivals: list[tuple[PlayerRef, datetime]]
    ) -> list[int]:
        """Ids of many players (each with when they were seen), creating the missing ones."""
        staged: dict[PlayerRef, int] = session.info.setdefault(NEW_PLAYERS, {})
        known = {**staged, **self._player_ids}
        players = [player for player, _ in arrivals]
        first_seen = dict(reversed(arrivals))
        missing = list(dict.fromkeys(p for p in players if p not in known))
        if missing:
            rows = [
                {
                    "platform": p.platform,
                    "external_id": p.external_id,
                    "display_name": p.name[:100],
                    "created_at": first_seen[p],
                }
                for p in missing
            ]
            # Rows as parameters (executemany): one compiled statement however many rows.
            session.execute(self._insert(session, PlayerRow).on_conflict_do_nothing(), rows)
            identity = tuple_(PlayerRow.platform, PlayerRow.external_id)
            wanted = [(p.platform, p.external_id) for p in missing]
            found = session.execute(
                select(PlayerRow.platform, PlayerRow.external_id, PlayerRow.id).where(
                    identity.in_(wanted)
                )
            )
            ids = {(platform, external): pid for platform, external, pid in found.all()}
            for player in missing:
                found_id = ids.get((player.platform, player.external_id))
                if found_id is None:
                    raise StorageError(f"player {player.platform}:{player.external_id} not stored")
                known[player] = staged[player] = found_id
        return [known[p] for p in players]

    def _round_home(self, session: Session, round_id: int) -> tuple[int, int]:
        """The (session id, guild id) a round belongs to."""
        staged: dict[int, tuple[int, int]] = session.info.setdefault(NEW_ROUNDS, {})
        cached = self._round_homes.get(round_id) or staged.get(round_id)
        if cached is not None:
            return cached
        found = (
            session.execute(
                select(RoundRow.session_id, SessionRow.guild_id)
                .join(SessionRow, SessionRow.id == RoundRow.session_id)
                .where(RoundRow.id == round_id)
            )
        ).first()
        if found is None:
            raise StorageError(f"round {round_id} does not exist")
        staged[round_id] = (found[0], found[1])
        return found[0], found[1]

    def _credit(
        self,
        session: Session,
        round_id: int,
        player_id: int,
        points: int,
        at: datetime,
        race: bool,
    ) -> AwardOutcome:
        session_id, guild_id = self._round_home(session, round_id)
        if race:
            claimed = session.execute(
                update(RoundRow)
                .where(RoundRow.id == round_id, RoundRow.winner_id.is_(None))
                .values(winner_id=player_id)
            )
            if rowcount(claimed) != 1:
                return AwardOutcome(0, False)
        values = {
            "guild_id": guild_id,
            "player_id": player_id,
            "session_id": session_id,
            "round_id": round_id,
            "points": points,
            "awarded_at": at,
        }
        insert = self._insert(session, ScoreRow).on_conflict_do_nothing()
        if rowcount(session.execute(insert, values)) != 1:
            return AwardOutcome(0, False)  # this player already scored this round
        self._add_totals(session, guild_id, player_id, points, at)
        return AwardOutcome(points, race)

    def _add_totals(
        self, session: Session, guild_id: int, player_id: int, points: int, at: datetime
    ) -> None:
        """Add points to the player's totals and move them up each board's histogram."""
        season = session.scalar(season_at(at))
        keys = period_keys(at, None if season is None else SeasonId(season))
        rows = [
            {
                "scope": scope,
                "period": period.value,
                "period_key": key,
                "player_id": player_id,
                "points": points,
            }
            for scope in (guild_id, GLOBAL_SCOPE)
            for period, key in keys.items()
        ]
        table = LeaderboardTotalRow
        insert: Insert = self._insert(session, table)
        upsert = insert.on_conflict_do_update(  # type: ignore[attr-defined]  # dialect insert
            index_elements=[table.scope, table.period, table.period_key, table.player_id],
            set_={"points": table.points + insert.excluded.points},  # type: ignore[attr-defined]
        ).returning(table.scope, table.period, table.period_key, table.points)
        totals = session.execute(upsert, rows).all()
        self._move_in_histogram(session, totals, points)

    def _move_in_histogram(self, session: Session, totals: Sequence[Any], points: int) -> None:
        """Count the player at each board's new total instead of the old one."""
        deltas: dict[tuple[int, str, str, int], int] = {}
        for scope, period, key, total in totals:
            deltas[scope, period, key, total] = deltas.get((scope, period, key, total), 0) + 1
            if total > points:  # the player was already on this board, at total - points
                old = (scope, period, key, total - points)
                deltas[old] = deltas.get(old, 0) - 1
        # One statement touching the rows in key order: concurrent transactions lock the
        # histogram rows in the same order and cannot deadlock on them (PostgreSQL).
        rows = [
            {"scope": s, "period": p, "period_key": k, "points": v, "players": n}
            for (s, p, k, v), n in sorted(deltas.items())
        ]
        table = LeaderboardPointsRow
        insert: Insert = self._insert(session, table)
        upsert = insert.on_conflict_do_update(  # type: ignore[attr-defined]  # dialect insert
            index_elements=[table.scope, table.period, table.period_key, table.points],
            set_={"players": table.players + insert.excluded.players},  # type: ignore[attr-defined]
        )
        session.execute(upsert, rows)
