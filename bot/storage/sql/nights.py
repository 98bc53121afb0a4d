"""Quiz nights, their results, question reports and fixes in SQL.

A night is stored as its versioned snapshot (JSON text, :mod:`bot.night.snapshot`) next to
the columns queries need (guild, status, planned start), so whatever a night holds
survives a restart unchanged. The tables are declared here on the shared declarative base;
the schema itself comes from migration ``0004``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from pydantic import TypeAdapter
from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from bot.game.models import GuildId, PlayerRef
from bot.moderation.curation import CurationRepository, FactDecision, QuestionFix, Report
from bot.night.models import NightId, NightState, NightStatus
from bot.night.repository import NightRepository
from bot.night.season import NightResult
from bot.night.snapshot import from_dict, to_dict
from bot.storage.db import unit_of_work
from bot.storage.tables import Base, UtcDateTime

_RESULT = TypeAdapter(NightResult)
_FORMS = TypeAdapter(tuple[str, ...])


class QuizNightRow(Base):
    """A night: its snapshot (None while the id is only reserved) and indexed columns."""

    __tablename__ = "quiz_nights"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    channel_id: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str | None] = mapped_column(String(16), index=True)
    starts_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    snapshot: Mapped[str | None] = mapped_column(Text)
    reminded: Mapped[bool] = mapped_column(Boolean, default=False)


class NightResultRow(Base):
    """A finished night's result for the season table."""

    __tablename__ = "quiz_night_results"

    night_id: Mapped[int] = mapped_column(
        ForeignKey("quiz_nights.id", ondelete="CASCADE"), primary_key=True
    )
    guild_id: Mapped[int] = mapped_column(BigInteger, index=True)
    finished_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    result: Mapped[str] = mapped_column(Text)


class ReportRow(Base):
    """A member's report on a question; ``settled_at`` is set once a moderator acted."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guild_id: Mapped[int] = mapped_column(BigInteger, index=True)
    item_id: Mapped[str] = mapped_column(String(64), index=True)
    reporter_platform: Mapped[str] = mapped_column(String(16))
    reporter_id: Mapped[str] = mapped_column(String(64))
    reporter_name: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class QuestionFixRow(Base):
    """A guild's changes to a question (JSON lists of answers)."""

    __tablename__ = "question_fixes"

    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    answers: Mapped[str | None] = mapped_column(Text)
    extra_forms: Mapped[str] = mapped_column(Text)
    retired: Mapped[str | None] = mapped_column(String(300))
    difficulty: Mapped[int | None] = mapped_column(Integer)
    answers_seen: Mapped[int] = mapped_column(Integer)
    correct_seen: Mapped[int] = mapped_column(Integer)


class FactDecisionRow(Base):
    """A guild moderator's decision on a claim."""

    __tablename__ = "fact_decisions"

    guild_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    claim_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    approved: Mapped[bool] = mapped_column(Boolean)
    by_platform: Mapped[str] = mapped_column(String(16))
    by_id: Mapped[str] = mapped_column(String(64))
    by_name: Mapped[str] = mapped_column(String(100))
    why: Mapped[str] = mapped_column(String(300))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime())


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

    async def save(self, state: NightState) -> None:
        """Store the night's snapshot and its indexed columns."""
        night = state.night
        async with unit_of_work(self._sessions) as session:
            row = await session.get(QuizNightRow, night.id) or QuizNightRow(id=night.id)
            row.guild_id, row.channel_id = night.guild_id, night.channel_id
            row.status, row.starts_at = state.status.value, night.starts_at
            row.snapshot = json.dumps(to_dict(state))
            session.add(row)

    async def get(self, night_id: NightId) -> NightState | None:
        """The stored state of a night, or None."""
        async with unit_of_work(self._sessions) as session:
            text = await session.scalar(
                select(QuizNightRow.snapshot).where(QuizNightRow.id == night_id)
            )
        return None if text is None else from_dict(json.loads(text))

    async def unfinished(self) -> tuple[NightState, ...]:
        """Every night not finished yet, by id."""
        query = (
            select(QuizNightRow.snapshot)
            .where(QuizNightRow.status != NightStatus.FINISHED.value)
            .order_by(QuizNightRow.id)
        )
        async with unit_of_work(self._sessions) as session:
            texts = (await session.scalars(query)).all()
        return tuple(from_dict(json.loads(text)) for text in texts if text is not None)

    async def recent(self, guild_id: GuildId, limit: int = 20) -> tuple[NightState, ...]:
        """The guild's nights, newest id first."""
        query = (
            select(QuizNightRow.snapshot)
            .where(QuizNightRow.guild_id == guild_id)
            .order_by(QuizNightRow.id.desc())
            .limit(limit)
        )
        async with unit_of_work(self._sessions) as session:
            texts = (await session.scalars(query)).all()
        return tuple(from_dict(json.loads(text)) for text in texts if text is not None)

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
        """Keep a finished night's result, replacing an earlier one."""
        async with unit_of_work(self._sessions) as session:
            await session.merge(
                NightResultRow(
                    night_id=result.night_id,
                    guild_id=result.guild_id,
                    finished_at=result.finished_at,
                    result=_RESULT.dump_json(result).decode(),
                )
            )

    async def results(
        self, guild_id: GuildId, since: datetime | None = None
    ) -> tuple[NightResult, ...]:
        """The guild's results finished at or after ``since``, oldest first."""
        query = select(NightResultRow.result).where(NightResultRow.guild_id == guild_id)
        if since is not None:
            query = query.where(NightResultRow.finished_at >= since)
        query = query.order_by(NightResultRow.finished_at, NightResultRow.night_id)
        async with unit_of_work(self._sessions) as session:
            texts = (await session.scalars(query)).all()
        return tuple(_RESULT.validate_json(text) for text in texts)


class SqlCurationRepository:
    """Implements :class:`~bot.moderation.curation.CurationRepository`."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def add_report(self, report: Report) -> None:
        """Keep a report."""
        async with unit_of_work(self._sessions) as session:
            session.add(
                ReportRow(
                    guild_id=report.guild_id,
                    item_id=report.item_id,
                    reporter_platform=report.reporter.platform,
                    reporter_id=report.reporter.external_id,
                    reporter_name=report.reporter.name[:100],
                    reason=report.reason[:300],
                    created_at=report.created_at,
                )
            )

    async def open_reports(self, guild_id: GuildId) -> tuple[Report, ...]:
        """The guild's reports not settled yet, oldest first."""
        query = (
            select(ReportRow)
            .where(ReportRow.guild_id == guild_id, ReportRow.settled_at.is_(None))
            .order_by(ReportRow.created_at, ReportRow.id)
        )
        async with unit_of_work(self._sessions) as session:
            rows = (await session.scalars(query)).all()
        return tuple(
            Report(
                GuildId(row.guild_id),
                row.item_id,
                PlayerRef(row.reporter_platform, row.reporter_id, row.reporter_name),
                row.reason,
                row.created_at,
            )
            for row in rows
        )

    async def settle_reports(self, guild_id: GuildId, item_id: str, at: datetime) -> int:
        """Settle every open report on a question; returns how many were open."""
        query = (
            update(ReportRow)
            .where(
                ReportRow.guild_id == guild_id,
                ReportRow.item_id == item_id,
                ReportRow.settled_at.is_(None),
            )
            .values(settled_at=at)
        )
        async with unit_of_work(self._sessions) as session:
            result = await session.execute(query)
        return int(getattr(result, "rowcount", 0))

    async def explain_report(
        self, guild_id: GuildId, item_id: str, reporter: PlayerRef, reason: str
    ) -> bool:
        """Set the reason of the member's open report on a question; False if there is none."""
        query = (
            update(ReportRow)
            .where(
                ReportRow.guild_id == guild_id,
                ReportRow.item_id == item_id,
                ReportRow.reporter_platform == reporter.platform,
                ReportRow.reporter_id == reporter.external_id,
                ReportRow.settled_at.is_(None),
            )
            .values(reason=reason[:300])
        )
        async with unit_of_work(self._sessions) as session:
            result = await session.execute(query)
        return bool(getattr(result, "rowcount", 0))

    async def fixes(self, guild_id: GuildId) -> Mapping[str, QuestionFix]:
        """The guild's question fixes by item id."""
        query = select(QuestionFixRow).where(QuestionFixRow.guild_id == guild_id)
        async with unit_of_work(self._sessions) as session:
            rows = (await session.scalars(query)).all()
        return {
            row.item_id: QuestionFix(
                GuildId(row.guild_id),
                row.item_id,
                None if row.answers is None else _FORMS.validate_json(row.answers),
                _FORMS.validate_json(row.extra_forms),
                row.retired,
                row.difficulty,
                row.answers_seen,
                row.correct_seen,
            )
            for row in rows
        }

    async def save_fix(self, fix: QuestionFix) -> None:
        """Store a question's fix, replacing the one stored."""
        answers = None if fix.answers is None else _FORMS.dump_json(fix.answers).decode()
        async with unit_of_work(self._sessions) as session:
            await session.merge(
                QuestionFixRow(
                    guild_id=fix.guild_id,
                    item_id=fix.item_id,
                    answers=answers,
                    extra_forms=_FORMS.dump_json(fix.extra_forms).decode(),
                    retired=fix.retired,
                    difficulty=fix.difficulty,
                    answers_seen=fix.answers_seen,
                    correct_seen=fix.correct_seen,
                )
            )

    async def decide_fact(self, decision: FactDecision) -> None:
        """Keep a decision on a claim, replacing an earlier one."""
        async with unit_of_work(self._sessions) as session:
            await session.merge(
                FactDecisionRow(
                    guild_id=decision.guild_id,
                    claim_id=decision.claim_id,
                    approved=decision.approved,
                    by_platform=decision.by.platform,
                    by_id=decision.by.external_id,
                    by_name=decision.by.name[:100],
                    why=decision.why[:300],
                    decided_at=decision.decided_at,
                )
            )

    async def fact_decisions(self, guild_id: GuildId) -> Mapping[str, FactDecision]:
        """The guild's decisions by claim id."""
        query = select(FactDecisionRow).where(FactDecisionRow.guild_id == guild_id)
        async with unit_of_work(self._sessions) as session:
            rows = (await session.scalars(query)).all()
        return {
            row.claim_id: FactDecision(
                GuildId(row.guild_id),
                row.claim_id,
                row.approved,
                PlayerRef(row.by_platform, row.by_id, row.by_name),
                row.why,
                row.decided_at,
            )
            for row in rows
        }


def as_repositories(
    nights: SqlNightRepository, curation: SqlCurationRepository
) -> tuple[NightRepository, CurationRepository]:
    """The stores typed as their protocols, so signature drift fails mypy."""
    return nights, curation
