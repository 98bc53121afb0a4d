"""Crediting points atomically: the round's winner, the score row and the leaderboard totals.

Points are credited with conditional writes the database enforces, so a round is won at
most once and a player scores at most once per round even under concurrent submissions.
Leaderboard totals are kept on write in the same transaction as the score they sum.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.game.models import AwardOutcome, PlayerRef, SeasonId
from bot.storage.repository import GLOBAL_SCOPE, StorageError, period_keys
from bot.storage.sql.base import SqlStore, rowcount, season_at
from bot.storage.tables import LeaderboardTotalRow, PlayerRow, RoundRow, ScoreRow, SessionRow


class CreditingStore(SqlStore):
    """Player and round look-ups (cached) and the one way points are credited."""

    async def _player_id(self, session: AsyncSession, player: PlayerRef, now: datetime) -> int:
        cached = self._player_ids.get(player)
        if cached is not None:
            return cached
        identity = (PlayerRow.platform == player.platform) & (
            PlayerRow.external_id == player.external_id
        )
        found = await session.scalar(select(PlayerRow.id).where(identity))
        if found is None:
            # ON CONFLICT DO NOTHING: losing a race to create the same player is harmless.
            values = {
                "platform": player.platform,
                "external_id": player.external_id,
                "display_name": player.name[:100],
                "created_at": now,
            }
            insert = self._insert(session, PlayerRow).values(values)
            await session.execute(insert.on_conflict_do_nothing())
            found = await session.scalar(select(PlayerRow.id).where(identity))
        if found is None:
            raise StorageError(f"player {player.platform}:{player.external_id} was not stored")
        self._player_ids[player] = found
        return found

    async def _round_home(self, session: AsyncSession, round_id: int) -> tuple[int, int]:
        """The (session id, guild id) a round belongs to."""
        cached = self._round_homes.get(round_id)
        if cached is not None:
            return cached
        found = (
            await session.execute(
                select(RoundRow.session_id, SessionRow.guild_id)
                .join(SessionRow, SessionRow.id == RoundRow.session_id)
                .where(RoundRow.id == round_id)
            )
        ).first()
        if found is None:
            raise StorageError(f"round {round_id} does not exist")
        self._round_homes[round_id] = (found[0], found[1])
        return found[0], found[1]

    async def _credit(
        self,
        session: AsyncSession,
        round_id: int,
        player_id: int,
        points: int,
        at: datetime,
        race: bool,
    ) -> AwardOutcome:
        session_id, guild_id = await self._round_home(session, round_id)
        if race:
            claimed = await session.execute(
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
        insert = self._insert(session, ScoreRow).values(values).on_conflict_do_nothing()
        if rowcount(await session.execute(insert)) != 1:
            return AwardOutcome(0, False)  # this player already scored this round
        await self._add_totals(session, guild_id, player_id, points, at)
        return AwardOutcome(points, race)

    async def _add_totals(
        self, session: AsyncSession, guild_id: int, player_id: int, points: int, at: datetime
    ) -> None:
        season = await season_at(session, at)
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
        insert: Insert = self._insert(session, LeaderboardTotalRow).values(rows)
        table = LeaderboardTotalRow
        upsert = insert.on_conflict_do_update(  # type: ignore[attr-defined]  # dialect insert
            index_elements=[table.scope, table.period, table.period_key, table.player_id],
            set_={"points": table.points + insert.excluded.points},  # type: ignore[attr-defined]
        )
        await session.execute(upsert)
