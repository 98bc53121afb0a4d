"""A member's data: counted for ``/trivia privacy``, and forgotten in one transaction.

Forgetting deletes the member's answers, scores and session results, clears the rounds
they won, takes their points off every leaderboard (the totals row goes, and the points
histogram that ranks are read from loses one player at that value), deletes their player
row, and writes :data:`~bot.game.privacy.DELETED_NAME` where reports, fact decisions and
quiz-night snapshots and results kept their name.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.game.models import PlayerRef
from bot.game.privacy import DELETED_NAME, MemberData
from bot.storage.db import reachable
from bot.storage.sql.nights import FactDecisionRow, NightResultRow, QuizNightRow, ReportRow
from bot.storage.tables import (
    AnswerRow,
    LeaderboardPointsRow,
    LeaderboardTotalRow,
    PlayerRow,
    RoundRow,
    ScoreRow,
    SessionResultRow,
)


class SqlMemberDataStore:
    """Implements :class:`~bot.game.privacy.MemberDataStore`."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    @asynccontextmanager
    async def _unit(self) -> AsyncIterator[AsyncSession]:
        async with reachable(), self._sessions.begin() as session:
            yield session

    async def member_data(self, player: PlayerRef) -> MemberData:
        """What is stored about ``player``."""
        async with self._unit() as session:
            return await _count(session, player)

    async def forget_member(self, player: PlayerRef) -> MemberData:
        """Remove the member's data everywhere (see the module); one transaction."""
        async with self._unit() as session:
            found = await _count(session, player)
            player_id = await _player_id(session, player)
            if player_id is not None:
                await _take_off_the_boards(session, player_id)
                for table in (AnswerRow, ScoreRow, SessionResultRow):
                    await session.execute(delete(table).where(table.player_id == player_id))
                await session.execute(
                    update(RoundRow).where(RoundRow.winner_id == player_id).values(winner_id=None)
                )
                await session.execute(delete(PlayerRow).where(PlayerRow.id == player_id))
            await _rename(session, player)
        return found


async def _player_id(session: AsyncSession, player: PlayerRef) -> int | None:
    return await session.scalar(
        select(PlayerRow.id).where(
            PlayerRow.platform == player.platform, PlayerRow.external_id == player.external_id
        )
    )


async def _take_off_the_boards(session: AsyncSession, player_id: int) -> None:
    totals = LeaderboardTotalRow
    rows = (
        await session.execute(
            select(totals.scope, totals.period, totals.period_key, totals.points).where(
                totals.player_id == player_id
            )
        )
    ).all()
    points = LeaderboardPointsRow
    for scope, period, period_key, held in rows:
        await session.execute(
            update(points)
            .where(
                points.scope == scope,
                points.period == period,
                points.period_key == period_key,
                points.points == held,
            )
            .values(players=points.players - 1)
        )
    await session.execute(delete(totals).where(totals.player_id == player_id))


async def _count(session: AsyncSession, player: PlayerRef) -> MemberData:
    row = (
        await session.execute(
            select(PlayerRow.id, PlayerRow.display_name).where(
                PlayerRow.platform == player.platform,
                PlayerRow.external_id == player.external_id,
            )
        )
    ).first()
    player_id, name = (row[0], row[1]) if row is not None else (None, None)

    async def count(statement: Any) -> int:
        return int(await session.scalar(statement) or 0) if player_id is not None else 0

    answers = await count(select(func.count()).where(AnswerRow.player_id == player_id))
    scores = await count(select(func.count()).where(ScoreRow.player_id == player_id))
    points = await count(select(func.sum(ScoreRow.points)).where(ScoreRow.player_id == player_id))
    results = SessionResultRow
    games = await count(select(func.count()).where(results.player_id == player_id))
    wins = await count(
        select(func.count()).where(
            results.player_id == player_id, results.rank == 1, results.points > 0
        )
    )
    boards = await count(select(func.count()).where(LeaderboardTotalRow.player_id == player_id))
    reports = await session.scalar(select(func.count()).where(_reported_by(player))) or 0
    decisions = await session.scalar(select(func.count()).where(_decided_by(player))) or 0
    nights = len(await _nights_naming(session, player))
    return MemberData(
        name, answers, scores, points, games, wins, boards, reports, decisions, nights
    )


# Records that keep the member's name; once forgotten, only a number without a name is left
# (reports need it to refuse a second report of one question by the same member).
def _reported_by(player: PlayerRef) -> Any:
    return (
        (ReportRow.reporter_platform == player.platform)
        & (ReportRow.reporter_id == player.external_id)
        & (ReportRow.reporter_name != DELETED_NAME)
    )


def _decided_by(player: PlayerRef) -> Any:
    return (
        (FactDecisionRow.by_platform == player.platform)
        & (FactDecisionRow.by_id == player.external_id)
        & (FactDecisionRow.by_name != DELETED_NAME)
    )


async def _nights_naming(
    session: AsyncSession, player: PlayerRef
) -> list[tuple[type[Any], int, str]]:
    """(table, id, JSON text) of the night snapshots and results that name the player."""
    needle = f'"{player.external_id}"'
    found: list[tuple[type[Any], int, str]] = []
    snapshots = await session.execute(
        select(QuizNightRow.id, QuizNightRow.snapshot).where(QuizNightRow.snapshot.contains(needle))
    )
    for night_id, text in snapshots.all():
        if text is not None and _names(json.loads(text), player):
            found.append((QuizNightRow, night_id, text))
    results = await session.execute(
        select(NightResultRow.night_id, NightResultRow.result).where(
            NightResultRow.result.contains(needle)
        )
    )
    for night_id, text in results.all():
        if _names(json.loads(text), player):
            found.append((NightResultRow, night_id, text))
    return found


def _is_player(node: dict[str, Any], player: PlayerRef) -> bool:
    return node.get("platform") == player.platform and node.get("external_id") == str(
        player.external_id
    )


def _named(node: dict[str, Any], player: PlayerRef) -> bool:
    return _is_player(node, player) and node.get("name") not in (None, DELETED_NAME)


def _names(node: Any, player: PlayerRef) -> bool:
    """Whether the JSON value holds the player's name anywhere."""
    if isinstance(node, dict):
        return _named(node, player) or any(_names(v, player) for v in node.values())
    if isinstance(node, list):
        return any(_names(v, player) for v in node)
    return False


def _scrubbed(node: Any, player: PlayerRef) -> Any:
    """The JSON value with the player's name replaced wherever their reference is."""
    if isinstance(node, dict):
        copy = {key: _scrubbed(value, player) for key, value in node.items()}
        if _is_player(node, player) and "name" in copy:
            copy["name"] = DELETED_NAME
        return copy
    if isinstance(node, list):
        return [_scrubbed(value, player) for value in node]
    return node


async def _rename(session: AsyncSession, player: PlayerRef) -> None:
    """Write the deleted name where reports, decisions and nights kept the member's."""
    await session.execute(
        update(ReportRow).where(_reported_by(player)).values(reporter_name=DELETED_NAME)
    )
    await session.execute(
        update(FactDecisionRow).where(_decided_by(player)).values(by_name=DELETED_NAME)
    )
    for table, row_id, text in await _nights_naming(session, player):
        scrubbed = json.dumps(_scrubbed(json.loads(text), player))
        if table is QuizNightRow:
            await session.execute(
                update(QuizNightRow).where(QuizNightRow.id == row_id).values(snapshot=scrubbed)
            )
        else:
            await session.execute(
                update(NightResultRow)
                .where(NightResultRow.night_id == row_id)
                .values(result=scrubbed)
            )
