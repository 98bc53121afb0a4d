"""Statistics per player and per question, computed from the stored answers.

A leaderboard row's record is the exception: kept on write (:mod:`bot.storage.sql.kept_records`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, or_, select, true

from bot.game.models import (
    BoardRecord,
    GuildId,
    PlayerId,
    PlayerStats,
    QuestionStats,
    SessionFormat,
)
from bot.game.statistics import best_streak, median_ms
from bot.storage.sql.base import SqlDatabase
from bot.storage.sql.kept_records import KeptRecords
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

    def __init__(self, db: SqlDatabase, records: KeptRecords) -> None:
        """Read through ``db``; leaderboard rows' records from ``records`` (kept on write)."""
        self._db = db
        self._records = records

    async def player_stats(
        self, player_id: PlayerId, guild_id: GuildId | None
    ) -> PlayerStats | None:
        """A player's games, wins, answers, accuracy, median correct time and best streak.

        Quiz nights count as games where their guild counts night points.
        """
        return (await self.players_stats([player_id], guild_id)).get(player_id)

    async def players_stats(
        self, player_ids: Sequence[PlayerId], guild_id: GuildId | None
    ) -> Mapping[PlayerId, PlayerStats]:
        """The records of several players at once (a leaderboard's rows); unknown ids left out.

        Three statements whatever the number of players: their names, their answers (by the
        index of answers by player) and their wins.
        """
        if not player_ids:
            return {}
        ids = sorted(set(player_ids))
        in_guild = true() if guild_id is None else SessionRow.guild_id == guild_id
        nights_count = or_(
            SessionRow.format != SessionFormat.NIGHT.value,
            func.coalesce(GuildSettingsRow.night_points, true()),
        )
        settings = GuildSettingsRow.guild_id == SessionRow.guild_id
        async with self._db.unit() as session:
            names = dict(
                (
                    await session.execute(
                        select(PlayerRow.id, PlayerRow.display_name).where(PlayerRow.id.in_(ids))
                    )
                ).all()
            )
            answers = (
                await session.execute(
                    select(
                        AnswerRow.player_id,
                        RoundRow.session_id,
                        AnswerRow.round_id,
                        AnswerRow.accepted,
                        AnswerRow.elapsed_ms,
                    )
                    .join(RoundRow, RoundRow.id == AnswerRow.round_id)
                    .join(SessionRow, SessionRow.id == RoundRow.session_id)
                    .outerjoin(GuildSettingsRow, settings)
                    .where(AnswerRow.player_id.in_(ids), in_guild, nights_count)
                    .order_by(AnswerRow.player_id, AnswerRow.round_id, AnswerRow.id)
                )
            ).all()
            wins = dict(
                (
                    await session.execute(
                        select(SessionResultRow.player_id, func.count())
                        .join(SessionRow, SessionRow.id == SessionResultRow.session_id)
                        .outerjoin(GuildSettingsRow, settings)
                        .where(
                            SessionResultRow.player_id.in_(ids),
                            SessionResultRow.rank == 1,
                            SessionResultRow.points > 0,
                            in_guild,
                            nights_count,
                        )
                        .group_by(SessionResultRow.player_id)
                    )
                ).all()
            )
        by_player: dict[int, list[Any]] = {player: [] for player in names}
        for row in answers:
            by_player[row.player_id].append(row)
        return {
            PlayerId(player): _record(PlayerId(player), names[player], rows, wins.get(player, 0))
            for player, rows in by_player.items()
        }

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

    async def board_records(
        self, player_ids: Sequence[PlayerId], guild_id: GuildId
    ) -> Mapping[PlayerId, BoardRecord]:
        """Answers, correct answers and best streak of each player in a guild: kept rows.

        Counted as :meth:`player_stats` counts them, on write (see
        :mod:`bot.storage.sql.kept_records`): one row per player, whatever their answers.
        """
        if not player_ids:
            return {}
        return await self._db.read(
            lambda session: self._records.board(session, guild_id, player_ids)
        )

    async def guild_question_stats(self, guild_id: GuildId) -> Mapping[str, QuestionStats]:
        """How each item asked in one guild fared there (each player's last answer counts)."""
        async with self._db.unit() as session:
            asked = dict(
                (
                    await session.execute(
                        select(RoundRow.item_id, func.count())
                        .join(SessionRow, SessionRow.id == RoundRow.session_id)
                        .where(SessionRow.guild_id == guild_id)
                        .group_by(RoundRow.item_id)
                    )
                ).all()
            )
            rows = (
                await session.execute(
                    select(
                        RoundRow.item_id,
                        AnswerRow.round_id,
                        AnswerRow.player_id,
                        AnswerRow.accepted,
                        AnswerRow.elapsed_ms,
                    )
                    .join(RoundRow, RoundRow.id == AnswerRow.round_id)
                    .join(SessionRow, SessionRow.id == RoundRow.session_id)
                    .where(SessionRow.guild_id == guild_id)
                    .order_by(AnswerRow.round_id, AnswerRow.id)
                )
            ).all()
        last = {(row.round_id, row.player_id): row for row in rows}.values()
        times: dict[str, list[int | None]] = {item: [] for item in asked}
        for row in last:
            times[row.item_id].append(row.elapsed_ms if row.accepted else None)
        return {
            item: QuestionStats(
                item,
                asked[item],
                len(given),
                sum(1 for t in given if t is not None),
                median_ms([t for t in given if t is not None]),
            )
            for item, given in times.items()
        }


def _record(player_id: PlayerId, name: str, rows: Sequence[Any], wins: int) -> PlayerStats:
    """A player's record from their answers, ordered by round and answer."""
    # A question counts once, with the player's last answer: a changed quiz answer or
    # a race's earlier wrong guesses are not questions answered.
    counted = list({row.round_id: row for row in rows}.values())
    return PlayerStats(
        player_id=player_id,
        name=name,
        games=len({row.session_id for row in counted}),
        wins=wins,
        answers=len(counted),
        correct=sum(1 for row in counted if row.accepted),
        median_answer_ms=median_ms([row.elapsed_ms for row in counted if row.accepted]),
        best_streak=best_streak(row.accepted for row in counted),
    )
