"""Statistics per player and per question, computed from the stored answers."""

from __future__ import annotations

from sqlalchemy import func, or_, select, true

from bot.game.models import GuildId, PlayerId, PlayerStats, QuestionStats, SessionFormat
from bot.game.statistics import best_streak, median_ms
from bot.storage.sql.base import SqlDatabase
from bot.storage.tables import (
    AnswerRow,
    GuildSettingsRow,
    PlayerRow,
    RoundRow,
    SessionResultRow,
    SessionRow,
)


class StatsStore:
    """Player and question statistics."""

    def __init__(self, db: SqlDatabase) -> None:
        self._db = db

    async def player_stats(
        self, player_id: PlayerId, guild_id: GuildId | None
    ) -> PlayerStats | None:
        """A player's games, wins, answers, accuracy, median correct time and best streak.

        Quiz nights count as games where their guild counts night points.
        """
        in_guild = true() if guild_id is None else SessionRow.guild_id == guild_id
        nights_count = or_(
            SessionRow.format != SessionFormat.NIGHT.value,
            func.coalesce(GuildSettingsRow.night_points, true()),
        )
        settings = GuildSettingsRow.guild_id == SessionRow.guild_id
        async with self._db.unit() as session:
            name = await session.scalar(
                select(PlayerRow.display_name).where(PlayerRow.id == player_id)
            )
            if name is None:
                return None
            answers = (
                await session.execute(
                    select(
                        RoundRow.session_id,
                        AnswerRow.round_id,
                        AnswerRow.accepted,
                        AnswerRow.elapsed_ms,
                    )
                    .join(RoundRow, RoundRow.id == AnswerRow.round_id)
                    .join(SessionRow, SessionRow.id == RoundRow.session_id)
                    .outerjoin(GuildSettingsRow, settings)
                    .where(AnswerRow.player_id == player_id, in_guild, nights_count)
                    .order_by(AnswerRow.round_id, AnswerRow.id)
                )
            ).all()
            wins = await session.scalar(
                select(func.count())
                .select_from(SessionResultRow)
                .join(SessionRow, SessionRow.id == SessionResultRow.session_id)
                .outerjoin(GuildSettingsRow, settings)
                .where(
                    SessionResultRow.player_id == player_id,
                    SessionResultRow.rank == 1,
                    SessionResultRow.points > 0,
                    in_guild,
                    nights_count,
                )
            )
        # A question counts once, with the player's last answer: a changed quiz answer or
        # a race's earlier wrong guesses are not questions answered.
        counted = list({row.round_id: row for row in answers}.values())
        return PlayerStats(
            player_id=player_id,
            name=name,
            games=len({row.session_id for row in counted}),
            wins=wins or 0,
            answers=len(counted),
            correct=sum(1 for row in counted if row.accepted),
            median_answer_ms=median_ms([row.elapsed_ms for row in counted if row.accepted]),
            best_streak=best_streak(row.accepted for row in counted),
        )

    async def question_stats(self, item_id: str) -> QuestionStats:
        """How often an item was asked and answered correctly (each player's last answer)."""
        async with self._db.unit() as session:
            asked = await session.scalar(
                select(func.count()).select_from(RoundRow).where(RoundRow.item_id == item_id)
            )
            rows = (
                await session.execute(
                    select(
                        AnswerRow.round_id,
                        AnswerRow.player_id,
                        AnswerRow.accepted,
                        AnswerRow.elapsed_ms,
                    )
                    .join(RoundRow, RoundRow.id == AnswerRow.round_id)
                    .where(RoundRow.item_id == item_id)
                    .order_by(AnswerRow.round_id, AnswerRow.id)
                )
            ).all()
        answers = list({(row.round_id, row.player_id): row for row in rows}.values())
        correct = [row.elapsed_ms for row in answers if row.accepted]
        return QuestionStats(item_id, asked or 0, len(answers), len(correct), median_ms(correct))
