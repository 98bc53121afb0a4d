"""SQLAlchemy implementation of the repositories: one transaction per method call.

Points are credited with conditional writes the database enforces, so a round is won at
most once and a player scores at most once per round even under concurrent submissions.
Leaderboard totals are kept on write in the same transaction as the score they sum.

Every SQL statement of the project lives in this module (the architecture test allows
SQLAlchemy only here, in ``tables.py`` and ``db.py``), which is why it is longer than most.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Insert, and_, func, select, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.game.models import (
    AnswerId,
    AnswerRecord,
    AwardOutcome,
    ChannelId,
    GuildId,
    GuildSettings,
    Mode,
    NearMiss,
    Period,
    PlayerId,
    PlayerRef,
    PlayerStats,
    QuestionStats,
    RankInfo,
    RoundId,
    RoundInfo,
    Season,
    SeasonId,
    SessionConfig,
    SessionId,
    SessionInfo,
    SessionStatus,
    Standing,
    UnfinishedRound,
    UnfinishedSession,
)
from bot.game.statistics import best_streak, median_ms
from bot.storage.db import reachable
from bot.storage.repository import GLOBAL_SCOPE, Credit, StorageError, period_keys
from bot.storage.tables import (
    ANSWER_TEXT_LIMIT,
    AcceptedFormRow,
    AnswerRow,
    GuildSettingsRow,
    LeaderboardTotalRow,
    PlayerRow,
    RoundRow,
    ScoreRow,
    SeasonRow,
    SessionResultRow,
    SessionRow,
)


def _ranked(rows: Sequence[Any], first_rank: int = 1) -> list[Standing]:
    """Standard competition ranking: equal points share a rank (1, 1, 3)."""
    standings: list[Standing] = []
    for index, (player_id, name, points) in enumerate(rows):
        tied = standings and standings[-1].points == points
        rank = standings[-1].rank if tied else first_rank + index
        standings.append(Standing(rank, PlayerId(player_id), name, int(points)))
    return standings


def _session_info(row: SessionRow) -> SessionInfo:
    return SessionInfo(
        SessionId(row.id),
        GuildId(row.guild_id),
        ChannelId(row.channel_id),
        Mode(row.mode),
        SessionStatus(row.status),
        row.started_at,
        row.question_limit,
        target_score=row.target_score,
        time_limit_seconds=row.time_limit_ms / 1000,
        guess_limit=row.guess_limit,
        streak_bonus=row.streak_bonus,
    )


def _round_info(row: RoundRow) -> RoundInfo:
    return RoundInfo(
        RoundId(row.id),
        SessionId(row.session_id),
        row.position,
        row.item_id,
        row.opened_at,
        row.time_limit_ms / 1000,
    )


def _rowcount(result: Any) -> int:
    return int(result.rowcount)


def _window_ranks(rows: Sequence[Any], first_rank: int, first_position: int) -> list[Standing]:
    """Ranks of a contiguous slice of a leaderboard, from the first row's rank and position."""
    standings: list[Standing] = []
    for offset, (player_id, name, points) in enumerate(rows):
        tied = standings and standings[-1].points == points
        rank = first_rank if offset == 0 else first_position + offset
        rank = standings[-1].rank if tied else rank
        standings.append(Standing(rank, PlayerId(player_id), name, int(points)))
    return standings


class SqlRepository:
    """Implements every protocol of :mod:`bot.storage.repository` over a session factory."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        # Both mappings are immutable once written, so caching them saves a query per answer.
        self._player_ids: dict[PlayerRef, int] = {}
        self._round_homes: dict[int, tuple[int, int]] = {}

    @asynccontextmanager
    async def _unit(self) -> AsyncIterator[AsyncSession]:
        """One transaction; database outages surface as :class:`StorageError`."""
        async with reachable(), self._sessions.begin() as session:
            yield session

    @staticmethod
    def _insert(session: AsyncSession, table: Any) -> Any:
        """An INSERT that understands ON CONFLICT on both backends."""
        dialect = session.get_bind().dialect.name
        return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)

    # --- sessions -------------------------------------------------------------------------

    async def create_session(
        self, guild_id: GuildId, channel_id: ChannelId, config: SessionConfig, started_at: datetime
    ) -> SessionInfo:
        """Store a new running session."""
        row = SessionRow(
            guild_id=guild_id,
            channel_id=channel_id,
            mode=config.mode.value,
            status=SessionStatus.RUNNING.value,
            question_limit=config.question_limit,
            started_at=started_at,
            target_score=config.target_score,
            time_limit_ms=round(config.time_limit_seconds * 1000),
            guess_limit=config.guess_limit,
            streak_bonus=config.streak_bonus,
            phase="between",
            phase_at=started_at,
        )
        async with self._unit() as session:
            session.add(row)
            await session.flush()
        return _session_info(row)

    async def save_phase(self, session_id: SessionId, phase: str, at: datetime) -> None:
        """Store the session's phase after a transition."""
        async with self._unit() as session:
            await session.execute(
                update(SessionRow)
                .where(SessionRow.id == session_id)
                .values(phase=phase, phase_at=at)
            )

    async def end_session(
        self,
        session_id: SessionId,
        status: SessionStatus,
        ended_at: datetime,
        standings: Sequence[Standing],
    ) -> None:
        """Mark a session ended and keep its final standings (idempotent)."""
        async with self._unit() as session:
            await session.execute(
                update(SessionRow)
                .where(SessionRow.id == session_id)
                .values(status=status.value, ended_at=ended_at, phase="ended", phase_at=ended_at)
            )
            if standings:
                rows = [
                    {
                        "session_id": session_id,
                        "player_id": s.player_id,
                        "rank": s.rank,
                        "points": s.points,
                    }
                    for s in standings
                ]
                insert = self._insert(session, SessionResultRow).values(rows)
                await session.execute(insert.on_conflict_do_nothing())

    async def unfinished_sessions(self) -> Sequence[UnfinishedSession]:
        """Sessions still marked running, each with its last round."""
        async with self._unit() as session:
            sessions = (
                await session.scalars(
                    select(SessionRow)
                    .where(SessionRow.status == SessionStatus.RUNNING.value)
                    .order_by(SessionRow.id)
                )
            ).all()
            found: list[UnfinishedSession] = []
            for row in sessions:
                last = await session.scalar(
                    select(RoundRow)
                    .where(RoundRow.session_id == row.id)
                    .order_by(RoundRow.position.desc())
                    .limit(1)
                )
                unfinished = (
                    None
                    if last is None
                    else UnfinishedRound(_round_info(last), last.closed_at is not None)
                )
                found.append(UnfinishedSession(_session_info(row), unfinished))
            return found

    async def asked_item_ids(self, guild_id: GuildId) -> set[str]:
        """Ids of every item already asked in the guild."""
        async with self._unit() as session:
            rows = await session.scalars(
                select(RoundRow.item_id)
                .join(SessionRow, SessionRow.id == RoundRow.session_id)
                .where(SessionRow.guild_id == guild_id)
                .distinct()
            )
            return set(rows)

    # --- rounds and answers ---------------------------------------------------------------

    async def open_round(
        self,
        session_id: SessionId,
        position: int,
        item_id: str,
        opened_at: datetime,
        time_limit_seconds: float,
    ) -> RoundInfo:
        """Store a question being asked."""
        row = RoundRow(
            session_id=session_id,
            position=position,
            item_id=item_id,
            opened_at=opened_at,
            time_limit_ms=round(time_limit_seconds * 1000),
            hints_used=0,
        )
        async with self._unit() as session:
            session.add(row)
            await session.flush()
        return _round_info(row)

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

    async def record_answer(self, answer: AnswerRecord, credit: bool, race: bool) -> AwardOutcome:
        """Store a judged answer and credit its points atomically (see the protocol)."""
        async with self._unit() as session:
            player_id = await self._player_id(session, answer.player, answer.submitted_at)
            values = {
                "round_id": answer.round_id,
                "player_id": player_id,
                "text": answer.text[:ANSWER_TEXT_LIMIT],
                "submitted_at": answer.submitted_at,
                "accepted": answer.accepted,
                "close": answer.close,
                "similarity": answer.similarity,
                "elapsed_ms": answer.elapsed_ms,
                "points": answer.points,
                "submission_id": answer.submission_id,
                "reviewed": False,
            }
            insert = self._insert(session, AnswerRow).values(values).on_conflict_do_nothing()
            if _rowcount(await session.execute(insert)) != 1:
                return await self._outcome(session, answer.round_id, player_id)
            if not (credit and answer.accepted and answer.points > 0):
                return AwardOutcome(0, False)
            return await self._credit(
                session, answer.round_id, player_id, answer.points, answer.submitted_at, race
            )

    async def _outcome(self, session: AsyncSession, round_id: int, player_id: int) -> AwardOutcome:
        """What an already stored submission earned."""
        points = await session.scalar(
            select(ScoreRow.points).where(
                ScoreRow.round_id == round_id, ScoreRow.player_id == player_id
            )
        )
        winner = await session.scalar(select(RoundRow.winner_id).where(RoundRow.id == round_id))
        return AwardOutcome(points or 0, winner == player_id)

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
            if _rowcount(claimed) != 1:
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
        if _rowcount(await session.execute(insert)) != 1:
            return AwardOutcome(0, False)  # this player already scored this round
        await self._add_totals(session, guild_id, player_id, points, at)
        return AwardOutcome(points, race)

    async def _add_totals(
        self, session: AsyncSession, guild_id: int, player_id: int, points: int, at: datetime
    ) -> None:
        season = await session.scalar(
            select(SeasonRow.id)
            .where(SeasonRow.started_at <= at)
            .order_by(SeasonRow.started_at.desc(), SeasonRow.id.desc())
            .limit(1)
        )
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

    async def record_hint(self, round_id: RoundId, hints_used: int) -> None:
        """Store how many hints the round has given."""
        async with self._unit() as session:
            await session.execute(
                update(RoundRow).where(RoundRow.id == round_id).values(hints_used=hints_used)
            )

    async def settle_round(
        self, round_id: RoundId, closed_at: datetime, credit_latest: bool
    ) -> Sequence[Credit]:
        """Close a round, crediting each player's latest accepted answer when asked."""
        async with self._unit() as session:
            closed = await session.execute(
                update(RoundRow)
                .where(RoundRow.id == round_id, RoundRow.closed_at.is_(None))
                .values(closed_at=closed_at)
            )
            if _rowcount(closed) != 1 or not credit_latest:
                return ()
            rows = (
                await session.execute(
                    select(
                        AnswerRow.player_id,
                        AnswerRow.accepted,
                        AnswerRow.points,
                        PlayerRow.platform,
                        PlayerRow.external_id,
                        PlayerRow.display_name,
                    )
                    .join(PlayerRow, PlayerRow.id == AnswerRow.player_id)
                    .where(AnswerRow.round_id == round_id)
                    .order_by(AnswerRow.id)
                )
            ).all()
            latest = {row.player_id: row for row in rows}
            credits: list[Credit] = []
            for player_id, row in sorted(latest.items()):
                if not row.accepted or row.points <= 0:
                    continue
                outcome = await self._credit(
                    session, round_id, player_id, row.points, closed_at, race=False
                )
                if outcome.points:
                    player = PlayerRef(row.platform, row.external_id, row.display_name)
                    credits.append(Credit(player, outcome.points))
            return credits

    async def award(
        self, round_id: RoundId, player: PlayerRef, points: int, at: datetime
    ) -> AwardOutcome:
        """Credit points for a round directly, at most once per player."""
        async with self._unit() as session:
            player_id = await self._player_id(session, player, at)
            return await self._credit(session, round_id, player_id, points, at, race=False)

    # --- leaderboards ---------------------------------------------------------------------

    async def _board(
        self, session: AsyncSession, guild_id: GuildId | None, period: Period, now: datetime
    ) -> ColumnElement[bool] | None:
        """The filter selecting one leaderboard's totals, or None when it cannot exist."""
        season = None
        if period is Period.SEASON:
            season = await session.scalar(
                select(SeasonRow.id)
                .where(SeasonRow.started_at <= now)
                .order_by(SeasonRow.started_at.desc(), SeasonRow.id.desc())
                .limit(1)
            )
            if season is None:
                return None
        key = period_keys(now, None if season is None else SeasonId(season))[period]
        table = LeaderboardTotalRow
        scope = GLOBAL_SCOPE if guild_id is None else guild_id
        return and_(table.scope == scope, table.period == period.value, table.period_key == key)

    @staticmethod
    def _standings_query(board: ColumnElement[bool]) -> Any:
        table = LeaderboardTotalRow
        return (
            select(table.player_id, PlayerRow.display_name, table.points)
            .join(PlayerRow, PlayerRow.id == table.player_id)
            .where(board)
        )

    async def leaderboard(
        self, guild_id: GuildId | None, period: Period, now: datetime, limit: int = 10
    ) -> Sequence[Standing]:
        """Top players for the period containing ``now``, ties sharing a rank."""
        table = LeaderboardTotalRow
        async with self._unit() as session:
            board = await self._board(session, guild_id, period, now)
            if board is None:
                return []
            query = self._standings_query(board).order_by(table.points.desc(), table.player_id)
            return _ranked((await session.execute(query.limit(limit))).all())

    async def rank(
        self,
        guild_id: GuildId | None,
        period: Period,
        now: datetime,
        player_id: PlayerId,
        neighbours: int = 2,
    ) -> RankInfo | None:
        """A player's rank with the players just above and below."""
        table = LeaderboardTotalRow
        async with self._unit() as session:
            board = await self._board(session, guild_id, period, now)
            if board is None:
                return None
            mine = (
                await session.execute(
                    self._standings_query(board).where(table.player_id == player_id)
                )
            ).first()
            if mine is None:
                return None
            points = mine[2]
            ahead = (table.points > points) | (
                (table.points == points) & (table.player_id < player_id)
            )
            behind = (table.points < points) | (
                (table.points == points) & (table.player_id > player_id)
            )
            above = (
                await session.execute(
                    self._standings_query(board)
                    .where(ahead)
                    .order_by(table.points.asc(), table.player_id.desc())
                    .limit(neighbours)
                )
            ).all()[::-1]
            below = (
                await session.execute(
                    self._standings_query(board)
                    .where(behind)
                    .order_by(table.points.desc(), table.player_id)
                    .limit(neighbours)
                )
            ).all()
            window = [*above, mine, *below]
            first = window[0]
            before = await session.execute(
                select(
                    func.count().filter(table.points > first[2]),
                    func.count().filter(table.points == first[2], table.player_id < first[0]),
                ).where(board, table.points >= first[2])
            )
            higher, tied_before = before.one()
        standings = _window_ranks(window, higher + 1, higher + tied_before + 1)
        index = len(above)
        return RankInfo(standings[index], tuple(standings[:index]), tuple(standings[index + 1 :]))

    async def session_standings(self, session_id: SessionId) -> Sequence[Standing]:
        """Every player who answered in the session, with their points (0 if none)."""
        points = (
            select(ScoreRow.player_id, func.sum(ScoreRow.points).label("points"))
            .where(ScoreRow.session_id == session_id)
            .group_by(ScoreRow.player_id)
            .subquery()
        )
        players = (
            select(AnswerRow.player_id)
            .join(RoundRow, RoundRow.id == AnswerRow.round_id)
            .where(RoundRow.session_id == session_id)
            .union(select(ScoreRow.player_id).where(ScoreRow.session_id == session_id))
            .subquery()
        )
        total = func.coalesce(points.c.points, 0).label("total")
        query = (
            select(PlayerRow.id, PlayerRow.display_name, total)
            .join(players, players.c.player_id == PlayerRow.id)
            .outerjoin(points, points.c.player_id == PlayerRow.id)
            .order_by(total.desc(), PlayerRow.id)
        )
        async with self._unit() as session:
            return _ranked((await session.execute(query)).all())

    async def player_id(self, player: PlayerRef) -> PlayerId | None:
        """The stored id of a player, or None if they never answered."""
        async with self._unit() as session:
            found = await session.scalar(
                select(PlayerRow.id).where(
                    PlayerRow.platform == player.platform,
                    PlayerRow.external_id == player.external_id,
                )
            )
        return None if found is None else PlayerId(found)

    # --- statistics -----------------------------------------------------------------------

    async def player_stats(
        self, player_id: PlayerId, guild_id: GuildId | None
    ) -> PlayerStats | None:
        """A player's games, wins, answers, accuracy, median correct time and best streak."""
        in_guild = true() if guild_id is None else SessionRow.guild_id == guild_id
        async with self._unit() as session:
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
                    .where(AnswerRow.player_id == player_id, in_guild)
                    .order_by(AnswerRow.round_id, AnswerRow.id)
                )
            ).all()
            wins = await session.scalar(
                select(func.count())
                .select_from(SessionResultRow)
                .join(SessionRow, SessionRow.id == SessionResultRow.session_id)
                .where(
                    SessionResultRow.player_id == player_id,
                    SessionResultRow.rank == 1,
                    SessionResultRow.points > 0,
                    in_guild,
                )
            )
        per_round: dict[int, bool] = {}
        for row in answers:
            per_round[row.round_id] = per_round.get(row.round_id, False) or row.accepted
        return PlayerStats(
            player_id=player_id,
            name=name,
            games=len({row.session_id for row in answers}),
            wins=wins or 0,
            answers=len(answers),
            correct=sum(1 for row in answers if row.accepted),
            median_answer_ms=median_ms([row.elapsed_ms for row in answers if row.accepted]),
            best_streak=best_streak(per_round.values()),
        )

    async def question_stats(self, item_id: str) -> QuestionStats:
        """How often an item was asked and answered correctly."""
        async with self._unit() as session:
            asked = await session.scalar(
                select(func.count()).select_from(RoundRow).where(RoundRow.item_id == item_id)
            )
            answers = (
                await session.execute(
                    select(AnswerRow.accepted, AnswerRow.elapsed_ms)
                    .join(RoundRow, RoundRow.id == AnswerRow.round_id)
                    .where(RoundRow.item_id == item_id)
                )
            ).all()
        correct = [row.elapsed_ms for row in answers if row.accepted]
        return QuestionStats(item_id, asked or 0, len(answers), len(correct), median_ms(correct))

    # --- near misses ----------------------------------------------------------------------

    @staticmethod
    def _near_miss_query() -> Any:
        return (
            select(
                AnswerRow.id,
                SessionRow.guild_id,
                AnswerRow.round_id,
                RoundRow.item_id,
                AnswerRow.player_id,
                PlayerRow.display_name,
                AnswerRow.text,
                AnswerRow.similarity,
                AnswerRow.elapsed_ms,
                AnswerRow.submitted_at,
                RoundRow.time_limit_ms,
            )
            .join(RoundRow, RoundRow.id == AnswerRow.round_id)
            .join(SessionRow, SessionRow.id == RoundRow.session_id)
            .join(PlayerRow, PlayerRow.id == AnswerRow.player_id)
            .where(
                AnswerRow.close.is_(True),
                AnswerRow.accepted.is_(False),
                AnswerRow.reviewed.is_(False),
            )
        )

    @staticmethod
    def _near_miss(row: Any) -> NearMiss:
        return NearMiss(
            AnswerId(row[0]),
            GuildId(row[1]),
            RoundId(row[2]),
            row[3],
            PlayerId(row[4]),
            row[5],
            row[6],
            row[7],
            row[8],
            row[9],
            row[10] / 1000,
        )

    async def near_misses(self, guild_id: GuildId, limit: int = 20) -> Sequence[NearMiss]:
        """Close answers not yet accepted, newest first."""
        query = (
            self._near_miss_query()
            .where(SessionRow.guild_id == guild_id)
            .order_by(AnswerRow.id.desc())
            .limit(limit)
        )
        async with self._unit() as session:
            return [self._near_miss(row) for row in (await session.execute(query)).all()]

    async def near_miss(self, answer_id: AnswerId) -> NearMiss | None:
        """One near miss still open for review, or None."""
        async with self._unit() as session:
            query = self._near_miss_query().where(AnswerRow.id == answer_id)
            row = (await session.execute(query)).first()
        return None if row is None else self._near_miss(row)

    async def accept_near_miss(
        self, answer_id: AnswerId, points: int, at: datetime
    ) -> AwardOutcome | None:
        """Accept a near miss: credit its points (at most once) and keep its form."""
        async with self._unit() as session:
            accepted = await session.execute(
                update(AnswerRow)
                .where(
                    AnswerRow.id == answer_id,
                    AnswerRow.close.is_(True),
                    AnswerRow.accepted.is_(False),
                    AnswerRow.reviewed.is_(False),
                )
                .values(accepted=True, reviewed=True, points=points)
            )
            if _rowcount(accepted) != 1:
                return None
            row = (
                await session.execute(
                    select(
                        AnswerRow.round_id, AnswerRow.player_id, AnswerRow.text, RoundRow.item_id
                    )
                    .join(RoundRow, RoundRow.id == AnswerRow.round_id)
                    .where(AnswerRow.id == answer_id)
                )
            ).one()
            form = {"item_id": row.item_id, "form": row.text.strip(), "added_at": at}
            insert = self._insert(session, AcceptedFormRow).values(form)
            await session.execute(insert.on_conflict_do_nothing())
            return await self._credit(session, row.round_id, row.player_id, points, at, False)

    async def accepted_forms(self) -> Mapping[str, tuple[str, ...]]:
        """Extra accepted answer forms per item id."""
        async with self._unit() as session:
            rows = (
                await session.execute(
                    select(AcceptedFormRow.item_id, AcceptedFormRow.form).order_by(
                        AcceptedFormRow.id
                    )
                )
            ).all()
        forms: dict[str, tuple[str, ...]] = {}
        for item_id, form in rows:
            forms[item_id] = (*forms.get(item_id, ()), form)
        return forms

    # --- settings and seasons -------------------------------------------------------------

    async def guild_settings(self, guild_id: GuildId) -> GuildSettings:
        """A guild's settings (the defaults when never saved)."""
        async with self._unit() as session:
            row = await session.get(GuildSettingsRow, guild_id)
        if row is None:
            return GuildSettings(guild_id)
        channels = frozenset(ChannelId(int(c)) for c in row.allowed_channels.split())
        return GuildSettings(
            guild_id, row.time_limit_ms / 1000, channels, row.host_role_id, row.guess_limit
        )

    async def save_guild_settings(self, settings: GuildSettings) -> None:
        """Store a guild's settings."""
        async with self._unit() as session:
            await session.merge(
                GuildSettingsRow(
                    guild_id=settings.guild_id,
                    time_limit_ms=round(settings.time_limit_seconds * 1000),
                    allowed_channels=" ".join(str(c) for c in sorted(settings.allowed_channels)),
                    host_role_id=settings.host_role_id,
                    guess_limit=settings.guess_limit,
                )
            )

    async def start_season(self, name: str, at: datetime) -> Season:
        """Start a new season; it becomes the current one from ``at``."""
        row = SeasonRow(name=name[:100], started_at=at)
        async with self._unit() as session:
            session.add(row)
            await session.flush()
        return Season(SeasonId(row.id), row.name, at)

    async def current_season(self, at: datetime) -> Season | None:
        """The newest season started at or before ``at``."""
        async with self._unit() as session:
            row = await session.scalar(
                select(SeasonRow)
                .where(SeasonRow.started_at <= at)
                .order_by(SeasonRow.started_at.desc(), SeasonRow.id.desc())
                .limit(1)
            )
        return None if row is None else Season(SeasonId(row.id), row.name, row.started_at)
