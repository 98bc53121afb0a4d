"""A member's data: counted for ``/trivia privacy``, and forgotten in one transaction.

Forgetting deletes the member's answers, scores and session results, clears the rounds
they won, takes their points off every leaderboard (the totals row goes, and the points
histogram that ranks are read from loses one player at that value), deletes the records
kept of their answers in each guild (``board_records``) and their player row. In quiz
nights their sign-up, answers, guesses and results go (:mod:`bot.night.erasure`), from
the nights' rows and placings alike (a night whose snapshot migration 0016 could not
read keeps only rows, and loses theirs too), and a finished night's placings are
recomputed without them (from the answers its session keeps, once theirs are deleted),
so the season table no longer ranks them. A near miss they accepted as a host names,
instead of them, the night's anonymous stand-in (:mod:`bot.night.erasure`), or an
anonymous reference outside a readable night; one of a game they accepted as a moderator
names the anonymous reference. A fact decision keeps the decision with
:data:`~bot.game.privacy.DELETED_NAME` and no id. A report keeps the member's Discord id
without their name: it is what refuses a second report of one question by one member.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.game.models import PlayerRef, SessionFormat, SessionStatus
from bot.game.privacy import DELETED_NAME, MemberData, MemberPlayingError
from bot.night.erasure import DELETED_PLATFORM, forget_in_night, forget_in_result, names_member
from bot.night.ledger import night_answers, submission_id
from bot.night.models import NightState, NightStatus, player_key, with_answers
from bot.storage.db import reachable
from bot.storage.sql.answers import stored_answers
from bot.storage.sql.moderation import FactDecisionRow, ReportRow
from bot.storage.sql.nights import (
    NightCohostRow,
    NightGuessRow,
    NightJokerRow,
    NightPlacingRow,
    NightSessionRow,
    NightSignupRow,
    QuizNightRow,
    read_nights,
    read_placings,
    write_night,
    write_placings,
)
from bot.storage.tables import (
    AnswerRow,
    BoardRecordRow,
    LeaderboardPointsRow,
    LeaderboardTotalRow,
    PlayerRow,
    RoundRow,
    ScoreRow,
    SessionResultRow,
    SessionRow,
)


class SqlMemberDataStore:
    """Implements :class:`~bot.game.privacy.MemberDataStore`."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        drain: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        """Use ``sessions``; ``drain`` writes the answers still queued (the batch writer)."""
        self._sessions = sessions
        self._drain = drain

    @asynccontextmanager
    async def _unit(self) -> AsyncIterator[AsyncSession]:
        async with reachable(), self._sessions.begin() as session:
            yield session

    async def member_data(self, player: PlayerRef) -> MemberData:
        """What is stored about ``player``."""
        async with self._unit() as session:
            return await _count(session, player)

    async def forget_member(self, player: PlayerRef) -> MemberData:
        """Remove the member's data everywhere (see the module); one transaction.

        Raises:
            MemberPlayingError: they are in a game or night still under way.
        """
        if self._drain is not None:
            await self._drain()
        async with self._unit() as session:
            found = await _count(session, player)
            player_id = await _player_id(session, player)
            await _refuse_while_playing(session, player, player_id)
            if player_id is not None:
                await _take_off_the_boards(session, player_id)
                for table in (AnswerRow, ScoreRow, SessionResultRow, BoardRecordRow):
                    await session.execute(delete(table).where(table.player_id == player_id))
                await session.execute(
                    update(RoundRow).where(RoundRow.winner_id == player_id).values(winner_id=None)
                )
                await session.execute(delete(PlayerRow).where(PlayerRow.id == player_id))
            await _rename(session, player)
        return found


async def _refuse_while_playing(
    session: AsyncSession, player: PlayerRef, player_id: int | None
) -> None:
    if player_id is not None:
        running = await session.scalar(
            select(func.count())
            .select_from(AnswerRow)
            .join(RoundRow, RoundRow.id == AnswerRow.round_id)
            .join(SessionRow, SessionRow.id == RoundRow.session_id)
            .where(AnswerRow.player_id == player_id, SessionRow.status == SessionStatus.RUNNING)
        )
        if running:
            raise MemberPlayingError(
                "You are playing a game that is still running; delete your data once it ends."
            )
    named, _ = await _nights_naming(session, player)
    for _, state in named:
        if state is not None and state.status is not NightStatus.FINISHED:
            raise MemberPlayingError(
                f"You take part in the quiz night {state.night.title!r}, which is not over: "
                "leave it with /quiznight leave (or, as its host, wait until it ends), "
                "then delete your data."
            )


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
    named, placed = await _nights_naming(session, player)
    nights = len(named) + len(placed)
    accepted = (
        await session.scalar(
            select(func.count())
            .select_from(AnswerRow)
            .join(RoundRow, RoundRow.id == AnswerRow.round_id)
            .join(SessionRow, SessionRow.id == RoundRow.session_id)
            .where(_accepted_by(player), SessionRow.format == SessionFormat.GAME.value)
        )
        or 0
    )
    return MemberData(
        name, answers, scores, points, games, wins, boards, reports, decisions, nights, accepted
    )


# Records that keep the member's name; once forgotten, only a number without a name is left
# (reports need it to refuse a second report of one question by the same member).
def _reported_by(player: PlayerRef) -> Any:
    return (
        (ReportRow.reporter_platform == player.platform)
        & (ReportRow.reporter_id == player.external_id)
        & (ReportRow.reporter_name != DELETED_NAME)
    )


def _accepted_by(player: PlayerRef) -> Any:
    return (AnswerRow.accepted_by_platform == player.platform) & (
        AnswerRow.accepted_by_id == player.external_id
    )


def _decided_by(player: PlayerRef) -> Any:
    return (FactDecisionRow.by_platform == player.platform) & (
        FactDecisionRow.by_id == player.external_id
    )


_NamedNight = tuple[int, NightState | None]
"""A night naming the member: its id and state (None when it is not kept)."""


async def _nights_naming(
    session: AsyncSession, player: PlayerRef
) -> tuple[list[_NamedNight], list[int]]:
    """The nights whose rows name the player; the placings naming them.

    Returns:
        The nights naming the player, and the ids of finished nights whose placings do.
    """
    in_rows: set[int] = set()
    for table in (NightSignupRow, NightGuessRow, NightCohostRow):
        in_rows.update(
            await session.scalars(
                select(table.night_id).where(
                    table.platform == player.platform, table.external_id == player.external_id
                )
            )
        )
    for platform, external_id in (
        (QuizNightRow.host_platform, QuizNightRow.host_id),
        (QuizNightRow.controller_platform, QuizNightRow.controller_id),
    ):
        in_rows.update(
            await session.scalars(
                select(QuizNightRow.id).where(
                    platform == player.platform, external_id == player.external_id
                )
            )
        )
    in_rows.update(
        await session.scalars(
            select(NightJokerRow.night_id).where(NightJokerRow.contestant == player_key(player))
        )
    )
    in_rows.update(
        await session.scalars(
            select(NightSessionRow.night_id)
            .join(RoundRow, RoundRow.session_id == NightSessionRow.session_id)
            .join(AnswerRow, AnswerRow.round_id == RoundRow.id)
            .where(_accepted_by(player))
        )
    )
    named: list[_NamedNight] = []
    for night_id in sorted(in_rows):
        state = await _state_of(session, night_id)
        if state is None or names_member(state, player):
            named.append((night_id, state))
    placed = await session.scalars(
        select(NightPlacingRow.night_id)
        .where(
            NightPlacingRow.platform == player.platform,
            NightPlacingRow.external_id == player.external_id,
        )
        .distinct()
        .order_by(NightPlacingRow.night_id)
    )
    return named, list(placed)


async def _rename(session: AsyncSession, player: PlayerRef) -> None:
    """Take the member out of reports, decisions and nights (see the module)."""
    await session.execute(
        update(ReportRow).where(_reported_by(player)).values(reporter_name=DELETED_NAME)
    )
    await session.execute(
        update(FactDecisionRow)
        .where(_decided_by(player))
        .values(by_platform=DELETED_PLATFORM, by_id="", by_name=DELETED_NAME)
    )
    named, placed = await _nights_naming(session, player)
    states: dict[int, NightState | None] = {}
    for night_id, state in named:
        states[night_id] = state
        if state is not None:
            states[night_id] = forgotten = forget_in_night(state, player)
            await write_night(session, forgotten, state)
            if state.session_id is not None:
                await _forget_acceptances(session, state, forgotten, player)
    for night_id in placed:
        if night_id not in states:  # the placings name them, the night no longer does
            states[night_id] = await _state_of(session, night_id)
        result = await read_placings(session, night_id)
        if result is not None:
            await write_placings(session, forget_in_result(result, player, states[night_id]))
    await _forget_in_night_rows(session, player)
    await session.execute(
        update(AnswerRow)
        .where(_accepted_by(player))
        .values(
            accepted_by_platform=DELETED_PLATFORM, accepted_by_id="0", accepted_by_name=DELETED_NAME
        )
    )


async def _forget_acceptances(
    session: AsyncSession, state: NightState, forgotten: NightState, player: PlayerRef
) -> None:
    """The session's answers the member accepted name the night's stand-in instead."""
    after = {(a.cursor, a.player): a.accepted_by for a in forgotten.answers}
    for answer in state.answers:
        by = after.get((answer.cursor, answer.player))
        if answer.accepted_by != player or by is None:
            continue
        await session.execute(
            update(AnswerRow)
            .where(
                AnswerRow.submission_id
                == submission_id(state.night.id, answer.cursor, answer.player)
            )
            .values(
                accepted_by_platform=by.platform,
                accepted_by_id=by.external_id,
                accepted_by_name=by.name,
            )
        )


async def _forget_in_night_rows(session: AsyncSession, player: PlayerRef) -> None:
    """Delete the night rows still naming the member (nights whose plan is not kept)."""
    for table in (NightSignupRow, NightGuessRow, NightCohostRow, NightPlacingRow):
        await session.execute(
            delete(table).where(
                table.platform == player.platform, table.external_id == player.external_id
            )
        )
    await session.execute(
        delete(NightJokerRow).where(NightJokerRow.contestant == player_key(player))
    )


async def _state_of(session: AsyncSession, night_id: int) -> NightState | None:
    """The night its rows hold, with its session's answers; None when it is not kept.

    A night is not kept when only its id was reserved, or when migration 0016 could not
    read its snapshot (its rows stay; the snapshot was exported, see migration 0019).
    """
    states = await read_nights(session, select(QuizNightRow).where(QuizNightRow.id == night_id))
    if not states:
        return None
    (state,) = states
    if state.session_id is None:
        return state
    return with_answers(
        state, night_answers(state, await stored_answers(session, state.session_id))
    )
