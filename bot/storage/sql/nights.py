"""Quiz nights and their results in SQL.

A night is kept as rows only. ``quiz_nights`` holds its plan (title, mode, host,
tie-breaker, the rules it plays by), where it is (status, host in control, rounds done,
pause, end) and the question on screen (the ``open_`` columns, beside its round: the
engine's ``rounds`` row holds its item and hints); rows of their own hold
the planned rounds (``night_round_plans``), the questions drawn with their time limits
(``night_questions``), co-hosts, skipped questions and tie-breaker contenders, and the
roster (sign-ups, teams, jokers, tie-breaker numbers). Its answers are its session's
(``night_sessions`` names it), which the night's ledger reads back. Each save writes what
changed since the state it is told was stored before, and reading a night joins the rows
again, so whatever a night holds survives a restart unchanged. A finished night's result
is kept as rows too (``night_finishes`` and ``night_placings``). The tables are declared
here on the shared declarative base; the schema itself comes from migrations ``0004``,
``0009``, ``0011``, ``0013``, ``0016`` and ``0017``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Integer,
    PrimaryKeyConstraint,
    Select,
    String,
    Text,
    delete,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from bot.game.asking import Asking
from bot.game.models import ChannelId, Cursor, GuildId, Mode, PlayerRef
from bot.game.onscreen import OnScreen
from bot.night.models import (
    ContestantId,
    Joker,
    NightId,
    NightState,
    NightStatus,
    OpenQuestion,
    Participant,
    QuizNight,
    RoundPlan,
    Team,
    TieBreaker,
    TieBreakGuess,
    position,
    team_key,
)
from bot.night.repository import (
    NightRepository,
    NightRoster,
    roster_of,
    same_roster,
    with_roster,
)
from bot.night.season import NightResult, PlayerResult
from bot.storage.db import unit_of_work
from bot.storage.tables import Base, RoundRow, UtcDateTime


class QuizNightRow(Base):
    """A night: its plan and where it is, the question on screen (``open_`` columns).

    The question's item and hints are its round's (``open_round_id``), not repeated here.

    Every column but ``id`` and ``reminded`` is None while the id is only reserved; a
    saved night has a title.
    """

    __tablename__ = "quiz_nights"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    channel_id: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str | None] = mapped_column(String(16), index=True)
    starts_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    reminded: Mapped[bool] = mapped_column(Boolean, default=False)
    title: Mapped[str | None] = mapped_column(Text)
    mode: Mapped[str | None] = mapped_column(String(16))
    team_play: Mapped[bool | None] = mapped_column(Boolean)
    host_platform: Mapped[str | None] = mapped_column(String(16))
    host_id: Mapped[str | None] = mapped_column(String(64))
    host_name: Mapped[str | None] = mapped_column(String(100))
    tie_breaker_question: Mapped[str | None] = mapped_column(Text)
    tie_breaker_answer: Mapped[float | None] = mapped_column(Float)
    tie_break_enabled: Mapped[bool | None] = mapped_column(Boolean)
    joker_enabled: Mapped[bool | None] = mapped_column(Boolean)
    hints: Mapped[bool | None] = mapped_column(Boolean)
    streaks: Mapped[bool | None] = mapped_column(Boolean)
    reading_time: Mapped[bool | None] = mapped_column(Boolean)
    time_limit_seconds: Mapped[float | None] = mapped_column(Float)
    event_id: Mapped[int | None] = mapped_column(BigInteger)
    controller_platform: Mapped[str | None] = mapped_column(String(16))
    controller_id: Mapped[str | None] = mapped_column(String(64))
    controller_name: Mapped[str | None] = mapped_column(String(100))
    rounds_done: Mapped[int | None] = mapped_column(Integer)
    paused_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    tie_break_message_id: Mapped[int | None] = mapped_column(BigInteger)
    open_round: Mapped[int | None] = mapped_column(Integer)
    open_question: Mapped[int | None] = mapped_column(Integer)
    open_opened_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    open_deadline: Mapped[datetime | None] = mapped_column(UtcDateTime())
    open_revealed: Mapped[bool | None] = mapped_column(Boolean)
    open_message_id: Mapped[int | None] = mapped_column(BigInteger)
    open_checked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    open_round_id: Mapped[int | None] = mapped_column(Integer)


class NightRoundPlanRow(Base):
    """A planned round of a night: its category and number of questions, in order."""

    __tablename__ = "night_round_plans"
    __table_args__ = (PrimaryKeyConstraint("night_id", "position"),)

    night_id: Mapped[int] = mapped_column(ForeignKey("quiz_nights.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(Text)
    questions: Mapped[int] = mapped_column(Integer)


class NightQuestionRow(Base):
    """A question drawn for a night's round, and its time limit with reading time."""

    __tablename__ = "night_questions"
    __table_args__ = (PrimaryKeyConstraint("night_id", "round", "position"),)

    night_id: Mapped[int] = mapped_column(ForeignKey("quiz_nights.id", ondelete="CASCADE"))
    round: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(64))
    time_limit: Mapped[float | None] = mapped_column(Float)


class NightCohostRow(Base):
    """A member allowed to take over a night, in the order they were added."""

    __tablename__ = "night_cohosts"
    __table_args__ = (PrimaryKeyConstraint("night_id", "position"),)

    night_id: Mapped[int] = mapped_column(ForeignKey("quiz_nights.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(100))


class NightSkipRow(Base):
    """A question of a night the host skipped, in the order skipped."""

    __tablename__ = "night_skips"
    __table_args__ = (PrimaryKeyConstraint("night_id", "position"),)

    night_id: Mapped[int] = mapped_column(ForeignKey("quiz_nights.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    round: Mapped[int] = mapped_column(Integer)
    question: Mapped[int] = mapped_column(Integer)


class NightContenderRow(Base):
    """A contestant playing a night's tie-breaker."""

    __tablename__ = "night_contenders"
    __table_args__ = (PrimaryKeyConstraint("night_id", "position"),)

    night_id: Mapped[int] = mapped_column(ForeignKey("quiz_nights.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    contestant: Mapped[str] = mapped_column(String(200))


class NightSignupRow(Base):
    """A member signed up for a night, with the team they chose (None without teams)."""

    __tablename__ = "night_signups"
    __table_args__ = (PrimaryKeyConstraint("night_id", "position"),)

    night_id: Mapped[int] = mapped_column(ForeignKey("quiz_nights.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(100))
    team: Mapped[str | None] = mapped_column(String(100))
    joined_at: Mapped[datetime] = mapped_column(UtcDateTime())


class NightTeamRow(Base):
    """A team of a night: its key (``team:<folded name>``) and the name first chosen."""

    __tablename__ = "night_teams"
    __table_args__ = (PrimaryKeyConstraint("night_id", "position"),)

    night_id: Mapped[int] = mapped_column(ForeignKey("quiz_nights.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    team_key: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(100))


class NightJokerRow(Base):
    """A joker a contestant played on a round of a night (rounds counted from 0)."""

    __tablename__ = "night_jokers"
    __table_args__ = (PrimaryKeyConstraint("night_id", "position"),)

    night_id: Mapped[int] = mapped_column(ForeignKey("quiz_nights.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    contestant: Mapped[str] = mapped_column(String(200))
    round: Mapped[int] = mapped_column(Integer)


class NightGuessRow(Base):
    """A contestant's tie-breaker number, given by one of its members."""

    __tablename__ = "night_tie_break_guesses"
    __table_args__ = (PrimaryKeyConstraint("night_id", "position"),)

    night_id: Mapped[int] = mapped_column(ForeignKey("quiz_nights.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    contestant: Mapped[str] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(100))
    value: Mapped[float] = mapped_column(Float)
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime())


class NightSessionRow(Base):
    """The session recording a night's rounds and answers in the play engine's tables."""

    __tablename__ = "night_sessions"

    night_id: Mapped[int] = mapped_column(
        ForeignKey("quiz_nights.id", ondelete="CASCADE"), primary_key=True
    )
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), unique=True
    )


class NightFinishRow(Base):
    """A finished night as the season table sees it: guild, title and when it ended."""

    __tablename__ = "night_finishes"

    night_id: Mapped[int] = mapped_column(
        ForeignKey("quiz_nights.id", ondelete="CASCADE"), primary_key=True
    )
    guild_id: Mapped[int] = mapped_column(BigInteger, index=True)
    title: Mapped[str] = mapped_column(Text)
    finished_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class NightPlacingRow(Base):
    """A player's final points and rank in a finished night; ``won`` as in the result."""

    __tablename__ = "night_placings"
    __table_args__ = (PrimaryKeyConstraint("night_id", "position"),)

    night_id: Mapped[int] = mapped_column(ForeignKey("night_finishes.night_id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(100))
    points: Mapped[int] = mapped_column(Integer)
    rank: Mapped[int] = mapped_column(Integer)
    won: Mapped[bool | None] = mapped_column(Boolean)


ROSTER_TABLES = (NightSignupRow, NightTeamRow, NightJokerRow, NightGuessRow)


async def write_roster(session: AsyncSession, night_id: int, roster: NightRoster) -> None:
    """Replace the rows of a night's roster with ``roster``."""
    for table in ROSTER_TABLES:
        await session.execute(delete(table).where(table.night_id == night_id))
    session.add_all(
        NightSignupRow(
            night_id=night_id,
            position=position,
            platform=p.player.platform,
            external_id=p.player.external_id,
            name=p.player.name[:100],
            team=p.team,
            joined_at=p.joined_at,
        )
        for position, p in enumerate(roster.participants)
    )
    session.add_all(
        NightTeamRow(night_id=night_id, position=position, team_key=team_key(t.name), name=t.name)
        for position, t in enumerate(roster.teams)
    )
    session.add_all(
        NightJokerRow(night_id=night_id, position=position, contestant=j.contestant, round=j.round)
        for position, j in enumerate(roster.jokers)
    )
    session.add_all(
        NightGuessRow(
            night_id=night_id,
            position=position,
            contestant=g.contestant,
            platform=g.player.platform,
            external_id=g.player.external_id,
            name=g.player.name[:100],
            value=g.value,
            submitted_at=g.submitted_at,
        )
        for position, g in enumerate(roster.guesses)
    )


async def read_roster(session: AsyncSession, night_id: int) -> NightRoster:
    """The roster the rows of a night hold."""
    return (await read_rosters(session, [night_id]))[night_id]


async def read_rosters(session: AsyncSession, night_ids: Sequence[int]) -> dict[int, NightRoster]:
    """The rosters the rows of some nights hold, by night id (four queries in all)."""
    return {
        night_id: _roster(signups, teams, jokers, guesses)
        for night_id, signups, teams, jokers, guesses in zip(
            night_ids,
            (await _rows_by_night(session, NightSignupRow, night_ids)).values(),
            (await _rows_by_night(session, NightTeamRow, night_ids)).values(),
            (await _rows_by_night(session, NightJokerRow, night_ids)).values(),
            (await _rows_by_night(session, NightGuessRow, night_ids)).values(),
            strict=True,
        )
    }


_Row = TypeVar(
    "_Row",
    NightSignupRow,
    NightTeamRow,
    NightJokerRow,
    NightGuessRow,
    NightRoundPlanRow,
    NightCohostRow,
    NightSkipRow,
    NightContenderRow,
)


async def _rows_by_night(
    session: AsyncSession, table: type[_Row], night_ids: Sequence[int]
) -> dict[int, list[_Row]]:
    """A table's rows of each night in ``night_ids`` order, in the night's order."""
    found: dict[int, list[_Row]] = {night_id: [] for night_id in night_ids}
    query = select(table).where(table.night_id.in_(night_ids))
    for row in await session.scalars(query.order_by(table.night_id, table.position)):
        found[row.night_id].append(row)
    return found


def _roster(
    signup_rows: list[NightSignupRow],
    team_rows: list[NightTeamRow],
    joker_rows: list[NightJokerRow],
    guess_rows: list[NightGuessRow],
) -> NightRoster:
    participants = tuple(
        Participant(PlayerRef(r.platform, r.external_id, r.name), r.team, r.joined_at)
        for r in signup_rows
    )
    teams = tuple(
        Team(
            r.name,
            tuple(
                p.player
                for p in participants
                if p.team is not None and team_key(p.team) == r.team_key
            ),
        )
        for r in team_rows
    )
    jokers = tuple(Joker(ContestantId(r.contestant), r.round) for r in joker_rows)
    guesses = tuple(
        TieBreakGuess(
            ContestantId(r.contestant),
            PlayerRef(r.platform, r.external_id, r.name),
            r.value,
            r.submitted_at,
        )
        for r in guess_rows
    )
    return NightRoster(participants, teams, jokers, guesses)


def _night_columns(state: NightState) -> dict[str, object]:
    """The ``quiz_nights`` columns a night's state fills."""
    night, question = state.night, state.question
    return {
        "guild_id": night.guild_id,
        "channel_id": night.channel_id,
        "status": state.status.value,
        "starts_at": night.starts_at,
        "title": night.title,
        "mode": night.mode.value,
        "team_play": night.team_play,
        "host_platform": night.host.platform,
        "host_id": night.host.external_id,
        "host_name": night.host.name[:100],
        "tie_breaker_question": night.tie_breaker.question,
        "tie_breaker_answer": night.tie_breaker.answer,
        "tie_break_enabled": night.tie_break_enabled,
        "joker_enabled": night.joker_enabled,
        "hints": night.hints,
        "streaks": night.streaks,
        "reading_time": night.reading_time,
        "time_limit_seconds": night.time_limit_seconds,
        "event_id": night.event_id,
        "controller_platform": state.controller.platform,
        "controller_id": state.controller.external_id,
        "controller_name": state.controller.name[:100],
        "rounds_done": state.rounds_done,
        "paused_at": state.paused_at,
        "finished_at": state.finished_at,
        "tie_break_message_id": state.tie_break_message_id,
        **_open_columns(question),
    }


def _open_columns(question: OpenQuestion | None) -> dict[str, object]:
    """The ``open_*`` columns: the question on screen, its cursor beside the engine's value.

    What the question's round row holds (its item and the hints given, which the night's
    ledger stores) is read from there; its place and time limit are not kept either: the
    night's plan gives them again (:func:`_open_question`).

    Raises:
        ValueError: The question on screen has no round (the ledger stores it first).
    """
    if question is None:
        return dict.fromkeys(_OPEN_COLUMNS)
    screen = question.screen
    if screen.round_id is None:
        raise ValueError("a night's question on screen is saved after its round is stored")
    return {
        "open_round": question.cursor.round,
        "open_question": question.cursor.question,
        "open_opened_at": screen.opened_at,
        "open_deadline": screen.deadline,
        "open_revealed": screen.revealed,
        "open_message_id": screen.message_id,
        "open_checked_at": question.checked_at,
        "open_round_id": screen.round_id,
    }


_OPEN_COLUMNS = (
    "open_round",
    "open_question",
    "open_opened_at",
    "open_deadline",
    "open_revealed",
    "open_message_id",
    "open_checked_at",
    "open_round_id",
)


def _plan_rows(state: NightState) -> list[Base]:
    """The planned rounds and the questions drawn, as rows."""
    night_id = state.night.id
    rows: list[Base] = [
        NightRoundPlanRow(
            night_id=night_id, position=position, category=plan.category, questions=plan.questions
        )
        for position, plan in enumerate(state.night.rounds)
    ]
    for round_index, items in enumerate(state.questions):
        limits = state.time_limits[round_index] if state.time_limits else ()
        rows.extend(
            NightQuestionRow(
                night_id=night_id,
                round=round_index,
                position=position,
                item_id=item_id,
                time_limit=limits[position] if limits else None,
            )
            for position, item_id in enumerate(items)
        )
    return rows


def _hosts_rows(state: NightState) -> list[Base]:
    return [
        NightCohostRow(
            night_id=state.night.id,
            position=position,
            platform=cohost.platform,
            external_id=cohost.external_id,
            name=cohost.name[:100],
        )
        for position, cohost in enumerate(state.cohosts)
    ]


def _skip_rows(state: NightState) -> list[Base]:
    return [
        NightSkipRow(
            night_id=state.night.id, position=position, round=cursor.round, question=cursor.question
        )
        for position, cursor in enumerate(state.skipped)
    ]


def _contender_rows(state: NightState) -> list[Base]:
    return [
        NightContenderRow(night_id=state.night.id, position=position, contestant=contestant)
        for position, contestant in enumerate(state.contenders)
    ]


def _plan_of(state: NightState) -> object:
    return state.night.rounds, state.questions, state.time_limits


def _hosts_of(state: NightState) -> object:
    return tuple((c, c.name) for c in state.cohosts)


_PARTS: tuple[
    tuple[
        tuple[type[Base], ...],
        Callable[[NightState], object],
        Callable[[NightState], list[Base]],
    ],
    ...,
] = (
    ((NightRoundPlanRow, NightQuestionRow), _plan_of, _plan_rows),
    ((NightCohostRow,), _hosts_of, _hosts_rows),
    ((NightSkipRow,), lambda state: state.skipped, _skip_rows),
    ((NightContenderRow,), lambda state: state.contenders, _contender_rows),
)
"""A night's row tables besides the roster: the tables, what they hold, their rows."""


async def write_night(
    session: AsyncSession, state: NightState, previous: NightState | None = None
) -> None:
    """Store a night as rows; told the state stored before, only what changed since.

    Args:
        session: Where to write.
        state: The night now.
        previous: The state stored before, when known: the ``quiz_nights`` columns and
            the parts (plan and questions drawn, co-hosts, skipped questions,
            contenders, roster) unchanged since then are left as they are stored, so an
            answer writes nothing here and a clock tick one column. The night's answers
            are its session's.
    """
    night_id = state.night.id
    columns = _night_columns(state)
    if previous is not None:
        before = _night_columns(previous)
        changed = {name: value for name, value in columns.items() if before[name] != value}
        if changed:
            await session.execute(
                update(QuizNightRow)
                .where(QuizNightRow.id == night_id)
                .values(changed)
                .execution_options(synchronize_session=False)
            )
    else:
        result = await session.execute(
            update(QuizNightRow)
            .where(QuizNightRow.id == night_id)
            .values(columns)
            .execution_options(synchronize_session=False)
        )
        if not getattr(result, "rowcount", 0):
            session.add(QuizNightRow(id=night_id, **columns))
            await session.flush()
    for tables, part, rows in _PARTS:
        if previous is not None and part(previous) == part(state):
            continue
        for table in tables:
            await session.execute(delete(table).where(table.__table__.c.night_id == night_id))
        session.add_all(rows(state))
    if previous is None or not same_roster(previous, state):
        await write_roster(session, night_id, roster_of(state))
    if state.session_id is not None and (
        previous is None or previous.session_id != state.session_id
    ):
        await session.merge(NightSessionRow(night_id=night_id, session_id=state.session_id))


_T = TypeVar("_T")


def _kept(value: _T | None) -> _T:
    """A column every saved night fills (a reserved id fills none)."""
    if value is None:
        raise LookupError("a saved quiz night lacks a column it always has")
    return value


def _night_of(row: QuizNightRow, plans: Sequence[NightRoundPlanRow]) -> QuizNight:
    return QuizNight(
        id=NightId(row.id),
        guild_id=GuildId(_kept(row.guild_id)),
        channel_id=ChannelId(_kept(row.channel_id)),
        title=_kept(row.title),
        starts_at=_kept(row.starts_at),
        rounds=tuple(RoundPlan(p.category, p.questions) for p in plans),
        mode=Mode(_kept(row.mode)),
        team_play=_kept(row.team_play),
        host=PlayerRef(_kept(row.host_platform), _kept(row.host_id), _kept(row.host_name)),
        tie_breaker=TieBreaker(_kept(row.tie_breaker_question), _kept(row.tie_breaker_answer)),
        joker_enabled=_kept(row.joker_enabled),
        time_limit_seconds=_kept(row.time_limit_seconds),
        tie_break_enabled=_kept(row.tie_break_enabled),
        event_id=row.event_id,
        hints=_kept(row.hints),
        streaks=_kept(row.streaks),
        reading_time=_kept(row.reading_time),
    )


def _open_question(
    row: QuizNightRow, state: NightState, rounds: dict[int, RoundRow]
) -> OpenQuestion | None:
    """The question on screen kept in the night's ``open_*`` columns and its round, or None.

    Its item and the hints given are its round's (``rounds``, by id); its place in the
    night and its time limit are the plan's at its cursor, as they were when it opened.
    """
    if row.open_round is None:
        return None
    cursor = Cursor(row.open_round, _kept(row.open_question))
    stored = rounds.get(_kept(row.open_round_id))
    if stored is None:
        raise LookupError("a saved quiz night's question on screen lacks its round")
    screen = OnScreen(
        item_id=stored.item_id,
        position=position(state.night, cursor),
        asking=Asking(_kept(row.open_opened_at), _kept(row.open_deadline), stored.hints_used),
        time_limit_seconds=state.time_limit(cursor),
        round_id=row.open_round_id,
        message_id=row.open_message_id,
        revealed=_kept(row.open_revealed),
    )
    return OpenQuestion(cursor, screen, checked_at=row.open_checked_at)


def _drawn(
    rounds: int, rows: Sequence[NightQuestionRow]
) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[float, ...], ...]]:
    """The questions drawn per round and, with reading time, their time limits."""
    if not rows:
        return (), ()
    count = max(rounds, max(r.round for r in rows) + 1)
    items = tuple(tuple(r.item_id for r in rows if r.round == index) for index in range(count))
    if all(r.time_limit is None for r in rows):
        return items, ()
    limits = tuple(
        tuple(_kept(r.time_limit) for r in rows if r.round == index) for index in range(count)
    )
    return items, limits


async def read_nights(session: AsyncSession, query: Select[QuizNightRow]) -> tuple[NightState, ...]:
    """The saved nights among the rows a query selects, in its order.

    Each is joined again from its rows, and its question on screen from its round: nine
    more queries in all, whatever the number.
    """
    rows = [row for row in await session.scalars(query) if row.title is not None]
    ids = [row.id for row in rows]
    if not ids:
        return ()
    plans = await _rows_by_night(session, NightRoundPlanRow, ids)
    cohosts = await _rows_by_night(session, NightCohostRow, ids)
    skips = await _rows_by_night(session, NightSkipRow, ids)
    contenders = await _rows_by_night(session, NightContenderRow, ids)
    questions: dict[int, list[NightQuestionRow]] = {night_id: [] for night_id in ids}
    drawn = select(NightQuestionRow).where(NightQuestionRow.night_id.in_(ids))
    order = (NightQuestionRow.night_id, NightQuestionRow.round, NightQuestionRow.position)
    for question in await session.scalars(drawn.order_by(*order)):
        questions[question.night_id].append(question)
    linked = select(NightSessionRow.night_id, NightSessionRow.session_id).where(
        NightSessionRow.night_id.in_(ids)
    )
    sessions = dict((await session.execute(linked)).all())
    on_screen = [row.open_round_id for row in rows if row.open_round_id is not None]
    rounds = (
        {
            stored.id: stored
            for stored in await session.scalars(select(RoundRow).where(RoundRow.id.in_(on_screen)))
        }
        if on_screen
        else {}
    )  # (no query when no night has a question on screen)
    rosters = await read_rosters(session, ids)
    states = []
    for row in rows:
        items, limits = _drawn(len(plans[row.id]), questions[row.id])
        state = NightState(
            night=_night_of(row, plans[row.id]),
            status=NightStatus(_kept(row.status)),
            controller=PlayerRef(
                _kept(row.controller_platform), _kept(row.controller_id), _kept(row.controller_name)
            ),
            cohosts=tuple(PlayerRef(c.platform, c.external_id, c.name) for c in cohosts[row.id]),
            questions=items,
            paused_at=row.paused_at,
            skipped=tuple(Cursor(s.round, s.question) for s in skips[row.id]),
            rounds_done=_kept(row.rounds_done),
            contenders=tuple(ContestantId(c.contestant) for c in contenders[row.id]),
            finished_at=row.finished_at,
            tie_break_message_id=row.tie_break_message_id,
            session_id=sessions.get(row.id),
            time_limits=limits,
        )
        state = replace(state, question=_open_question(row, state, rounds))
        states.append(with_roster(state, rosters[row.id]))
    return tuple(states)


async def write_placings(session: AsyncSession, result: NightResult) -> None:
    """Replace the placings kept for the result's night with the result's."""
    await session.execute(
        delete(NightPlacingRow).where(NightPlacingRow.night_id == result.night_id)
    )
    await session.merge(
        NightFinishRow(
            night_id=result.night_id,
            guild_id=result.guild_id,
            title=result.title,
            finished_at=result.finished_at,
        )
    )
    await session.flush()
    session.add_all(
        NightPlacingRow(
            night_id=result.night_id,
            position=position,
            platform=p.player.platform,
            external_id=p.player.external_id,
            name=p.player.name[:100],
            points=p.points,
            rank=p.rank,
            won=p.won,
        )
        for position, p in enumerate(result.players)
    )


async def read_placings(session: AsyncSession, night_id: int) -> NightResult | None:
    """The result a finished night's rows hold, or None when it has none."""
    finish = await session.get(NightFinishRow, night_id)
    return None if finish is None else (await _results_of(session, [finish]))[0]


async def _results_of(
    session: AsyncSession, finishes: Sequence[NightFinishRow]
) -> tuple[NightResult, ...]:
    ids = [f.night_id for f in finishes]
    rows = (
        await session.scalars(
            select(NightPlacingRow)
            .where(NightPlacingRow.night_id.in_(ids))
            .order_by(NightPlacingRow.night_id, NightPlacingRow.position)
        )
    ).all()
    players: dict[int, list[PlayerResult]] = {night_id: [] for night_id in ids}
    for r in rows:
        ref = PlayerRef(r.platform, r.external_id, r.name)
        players[r.night_id].append(PlayerResult(ref, r.points, r.rank, r.won))
    return tuple(
        NightResult(
            NightId(f.night_id),
            GuildId(f.guild_id),
            f.title,
            f.finished_at,
            tuple(players[f.night_id]),
        )
        for f in finishes
    )


class SqlNightRepository:
    """Implements :class:`~bot.night.repository.NightRepository`."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def next_id(self) -> NightId:
        """Reserve a row and hand out its id."""
        async with unit_of_work(self._sessions) as session:
            row = QuizNightRow()
            session.add(row)
            await session.flush()
            return NightId(row.id)

    async def save(self, state: NightState, previous: NightState | None = None) -> None:
        """Store the night's rows; with ``previous``, only the parts that changed."""
        async with unit_of_work(self._sessions) as session:
            await write_night(session, state, previous)

    async def get(self, night_id: NightId) -> NightState | None:
        """The stored state of a night, or None."""
        states = await self._states(select(QuizNightRow).where(QuizNightRow.id == night_id))
        return states[0] if states else None

    async def night_of_round(self, round_id: int) -> NightState | None:
        """The night whose session holds the round, found through the session's row."""
        query = (
            select(QuizNightRow)
            .join(NightSessionRow, NightSessionRow.night_id == QuizNightRow.id)
            .join(RoundRow, RoundRow.session_id == NightSessionRow.session_id)
            .where(RoundRow.id == round_id)
        )
        states = await self._states(query)
        return states[0] if states else None

    async def unfinished(self) -> tuple[NightState, ...]:
        """Every night not finished yet, by id."""
        return await self._states(
            select(QuizNightRow)
            .where(QuizNightRow.status != NightStatus.FINISHED.value)
            .order_by(QuizNightRow.id)
        )

    async def recent(self, guild_id: GuildId, limit: int = 20) -> tuple[NightState, ...]:
        """The guild's nights, newest id first."""
        return await self._states(
            select(QuizNightRow)
            .where(QuizNightRow.guild_id == guild_id, QuizNightRow.title.is_not(None))
            .order_by(QuizNightRow.id.desc())
            .limit(limit)
        )

    async def _states(self, query: Select[QuizNightRow]) -> tuple[NightState, ...]:
        async with unit_of_work(self._sessions) as session:
            return await read_nights(session, query)

    async def roster(self, night_id: NightId) -> NightRoster | None:
        """The roster rows of the night, or None if it was never saved."""
        async with unit_of_work(self._sessions) as session:
            saved = await session.scalar(
                select(QuizNightRow.id).where(
                    QuizNightRow.id == night_id, QuizNightRow.title.is_not(None)
                )
            )
            return None if saved is None else await read_roster(session, night_id)

    async def claim_reminder(self, night_id: NightId) -> bool:
        """Mark the reminder sent; True only for the first caller, across processes too."""
        query = (
            update(QuizNightRow)
            .where(QuizNightRow.id == night_id, QuizNightRow.reminded.is_(False))
            .values(reminded=True)
        )
        async with unit_of_work(self._sessions) as session:
            result = await session.execute(query)
        return bool(getattr(result, "rowcount", 0))

    async def add_result(self, result: NightResult) -> None:
        """Keep a finished night's placings, replacing earlier ones."""
        async with unit_of_work(self._sessions) as session:
            await write_placings(session, result)

    async def placings(
        self, guild_id: GuildId, since: datetime | None = None
    ) -> tuple[NightResult, ...]:
        """The guild's results finished at or after ``since``, oldest first."""
        query = select(NightFinishRow).where(NightFinishRow.guild_id == guild_id)
        if since is not None:
            query = query.where(NightFinishRow.finished_at >= since)
        query = query.order_by(NightFinishRow.finished_at, NightFinishRow.night_id)
        async with unit_of_work(self._sessions) as session:
            finishes = (await session.scalars(query)).all()
            return await _results_of(session, finishes)


def as_night_repository(repository: SqlNightRepository) -> NightRepository:
    """The store typed as its protocol, so signature drift fails mypy."""
    return repository
