"""Near misses kept for hosts to review, and the answer forms they accepted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.game.models import (
    AnswerId,
    AwardOutcome,
    GuildId,
    NearMiss,
    PlayerId,
    PlayerRef,
    RoundId,
    SessionFormat,
)
from bot.storage.sql.base import SqlDatabase, insert_into, rowcount
from bot.storage.sql.crediting import Crediting
from bot.storage.sql.kept_records import KeptRecords
from bot.storage.tables import (
    NAME_LIMIT,
    AcceptedFormRow,
    AnswerRow,
    PlayerRow,
    RoundRow,
    SessionRow,
)


def _near_miss_query() -> Any:
    return (
        select(
            AnswerRow.id,
            SessionRow.guild_id,
            AnswerRow.round_id,
            RoundRow.item_id,
            AnswerRow.player_id,
            PlayerRow.platform,
            PlayerRow.external_id,
            PlayerRow.display_name,
            AnswerRow.text,
            AnswerRow.similarity,
            AnswerRow.elapsed_ms,
            AnswerRow.submitted_at,
            RoundRow.time_limit_ms,
            SessionRow.format,
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


def _near_miss(row: Any) -> NearMiss:
    return NearMiss(
        AnswerId(row[0]),
        GuildId(row[1]),
        RoundId(row[2]),
        row[3],
        PlayerId(row[4]),
        PlayerRef(row[5], row[6], row[7]),
        row[8],
        row[9],
        row[10],
        row[11],
        row[12] / 1000,
        SessionFormat(row[13]),
    )


class ReviewStore:
    """Near misses, their acceptance (credited at most once) and accepted forms."""

    def __init__(self, db: SqlDatabase, crediting: Crediting, records: KeptRecords) -> None:
        """Credit accepted near misses through ``crediting``; count them in ``records``."""
        self._db = db
        self._crediting = crediting
        self._records = records

    async def near_misses(self, guild_id: GuildId, limit: int = 20) -> Sequence[NearMiss]:
        """Close answers not yet accepted, newest first."""
        query = (
            _near_miss_query()
            .where(SessionRow.guild_id == guild_id)
            .order_by(AnswerRow.id.desc())
            .limit(limit)
        )
        async with self._db.unit() as session:
            return [_near_miss(row) for row in (await session.execute(query)).all()]

    async def near_miss(self, answer_id: AnswerId) -> NearMiss | None:
        """One near miss still open for review, or None."""
        async with self._db.unit() as session:
            query = _near_miss_query().where(AnswerRow.id == answer_id)
            row = (await session.execute(query)).first()
        return None if row is None else _near_miss(row)

    async def submitted_near_miss(self, submission_id: str) -> NearMiss | None:
        """The near miss stored under a submission id, while open for review, or None."""
        async with self._db.unit() as session:
            query = _near_miss_query().where(AnswerRow.submission_id == submission_id)
            row = (await session.execute(query)).first()
        return None if row is None else _near_miss(row)

    async def reject_near_miss(self, answer_id: AnswerId) -> bool:
        """Settle a near miss as wrong: it scores nothing and leaves the review."""

        def job(session: Session) -> bool:
            rejected = session.execute(
                update(AnswerRow)
                .where(
                    AnswerRow.id == answer_id,
                    AnswerRow.close.is_(True),
                    AnswerRow.accepted.is_(False),
                    AnswerRow.reviewed.is_(False),
                )
                .values(reviewed=True)
            )
            return rowcount(rejected) == 1

        return await self._db.write(job)

    async def accept_near_miss(
        self, answer_id: AnswerId, points: int, at: datetime, by: PlayerRef | None = None
    ) -> AwardOutcome | None:
        """Accept a near miss: credit its points once; keep its form, when and by whom."""

        def job(session: Session) -> AwardOutcome | None:
            accepted = session.execute(
                update(AnswerRow)
                .where(
                    AnswerRow.id == answer_id,
                    AnswerRow.close.is_(True),
                    AnswerRow.accepted.is_(False),
                    AnswerRow.reviewed.is_(False),
                )
                .values(
                    accepted=True,
                    reviewed=True,
                    points=points,
                    accepted_at=at,
                    accepted_by_platform=None if by is None else by.platform,
                    accepted_by_id=None if by is None else by.external_id,
                    accepted_by_name=None if by is None else by.name[:NAME_LIMIT],
                )
            )
            if rowcount(accepted) != 1:
                return None
            row = (
                session.execute(
                    select(
                        AnswerRow.round_id,
                        AnswerRow.player_id,
                        AnswerRow.text,
                        RoundRow.item_id,
                        SessionRow.guild_id,
                    )
                    .join(RoundRow, RoundRow.id == AnswerRow.round_id)
                    .join(SessionRow, SessionRow.id == RoundRow.session_id)
                    .where(AnswerRow.id == answer_id)
                )
            ).one()
            form = {
                "guild_id": row.guild_id,
                "item_id": row.item_id,
                "form": row.text.strip(),
                "added_at": at,
            }
            insert = insert_into(session, AcceptedFormRow).values(form)
            session.execute(insert.on_conflict_do_nothing())
            # Now right: the player's record in the guild may change anywhere in it.
            self._records.recount(session, row.guild_id, [row.player_id])
            return self._crediting.credit(session, row.round_id, row.player_id, points, at, False)

        return await self._db.write(job)

    async def accepted_forms(self) -> Mapping[tuple[GuildId, str], tuple[str, ...]]:
        """Extra accepted answer forms per guild and item id."""
        query = select(
            AcceptedFormRow.guild_id, AcceptedFormRow.item_id, AcceptedFormRow.form
        ).order_by(AcceptedFormRow.id)
        async with self._db.unit() as session:
            rows = (await session.execute(query)).all()
        forms: dict[tuple[GuildId, str], tuple[str, ...]] = {}
        for guild_id, item_id, form in rows:
            key = (GuildId(guild_id), item_id)
            forms[key] = (*forms.get(key, ()), form)
        return forms
