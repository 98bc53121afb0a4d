"""The query a leaderboard row's record was counted with before it was kept on write.

The oracle of the kept records' tests: whatever the records kept, counting the answers
this way gives the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import case, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.game.models import BoardRecord, SessionFormat
from bot.storage.tables import AnswerRow, GuildSettingsRow, RoundRow, SessionRow


async def counted_in_sql(
    engine: AsyncEngine, player_ids: Sequence[int], guild_id: int
) -> dict[int, BoardRecord]:
    """The query the leaderboard rows were counted with before they were kept.

    Each player's last answer to each question where it counts, then gaps and islands:
    along a player's questions, a run of right answers keeps the difference between its
    place among all answers and among the right ones.
    """
    nights_count = or_(
        SessionRow.format != SessionFormat.NIGHT.value,
        func.coalesce(GuildSettingsRow.night_points, true()),
    )
    latest = func.row_number().over(
        partition_by=(AnswerRow.player_id, AnswerRow.round_id), order_by=AnswerRow.id.desc()
    )
    ranked = (
        select(AnswerRow.player_id, AnswerRow.round_id, AnswerRow.accepted, latest.label("latest"))
        .join(RoundRow, RoundRow.id == AnswerRow.round_id)
        .join(SessionRow, SessionRow.id == RoundRow.session_id)
        .outerjoin(GuildSettingsRow, GuildSettingsRow.guild_id == SessionRow.guild_id)
        .where(AnswerRow.player_id.in_(player_ids), SessionRow.guild_id == guild_id, nights_count)
        .subquery()
    )
    last = (
        select(ranked.c.player_id, ranked.c.round_id, ranked.c.accepted)
        .where(ranked.c.latest == 1)
        .subquery()
    )
    totals = select(
        last.c.player_id, func.count(), func.sum(case((last.c.accepted, 1), else_=0))
    ).group_by(last.c.player_id)
    runs = select(
        last.c.player_id,
        last.c.accepted,
        (
            func.row_number().over(partition_by=last.c.player_id, order_by=last.c.round_id)
            - func.row_number().over(
                partition_by=(last.c.player_id, last.c.accepted), order_by=last.c.round_id
            )
        ).label("run"),
    ).subquery()
    lengths = (
        select(runs.c.player_id, func.count().label("length"))
        .where(runs.c.accepted)
        .group_by(runs.c.player_id, runs.c.run)
        .subquery()
    )
    best = select(lengths.c.player_id, func.max(lengths.c.length)).group_by(lengths.c.player_id)
    async with engine.connect() as connection:
        counted = (await connection.execute(totals)).all()
        streaks = dict((await connection.execute(best)).all())
    return {
        player: BoardRecord(int(answers), int(correct or 0), streaks.get(player, 0))
        for player, answers, correct in counted
    }
