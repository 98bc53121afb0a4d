"""What moderators keep about questions, in SQL: reports, question fixes, fact decisions.

Every row is per guild, as :mod:`bot.moderation.curation` keeps them; the review queue's
near misses are the engine's answers (:mod:`bot.storage.sql.review`). The tables are
declared here on the shared declarative base; the schema itself comes from migration
``0004``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pydantic import TypeAdapter
from sqlalchemy import BigInteger, Boolean, Integer, String, Text, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from bot.game.models import GuildId, PlayerRef
from bot.moderation.curation import CurationRepository, FactDecision, QuestionFix, Report
from bot.storage.db import unit_of_work
from bot.storage.tables import Base, UtcDateTime

_FORMS = TypeAdapter(tuple[str, ...])


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


def as_curation_repository(repository: SqlCurationRepository) -> CurationRepository:
    """The store typed as its protocol, so signature drift fails mypy."""
    return repository
