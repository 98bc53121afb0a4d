"""Questions asked and every judged answer, with the points they earn."""

from __future__ import annotations

from collections.abc import Awaitable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from bot.game.models import (
    AnswerId,
    AnswerRecord,
    AwardOutcome,
    PlayerRef,
    RoundId,
    RoundInfo,
    SessionId,
    StoredAnswer,
)
from bot.game.ports import Credit
from bot.storage.sql.base import NEW_ASKED, NEW_ROUNDS, SqlDatabase, insert_into, prepared, rowcount
from bot.storage.sql.crediting import Candidate, Crediting
from bot.storage.sql.kept_records import KeptRecords
from bot.storage.tables import ANSWER_TEXT_LIMIT, AnswerRow, PlayerRow, RoundRow, ScoreRow


class AnswerStore:
    """Rounds opened, hinted and settled; answers stored and credited atomically."""

    def __init__(self, db: SqlDatabase, crediting: Crediting, records: KeptRecords) -> None:
        """Credit through ``crediting``; count every answer stored in ``records``."""
        self._db = db
        self._crediting = crediting
        self._records = records

    async def open_round(
        self,
        session_id: SessionId,
        position: int,
        item_id: str,
        opened_at: datetime,
        time_limit_seconds: float,
    ) -> RoundInfo:
        """Store a question being asked."""
        time_limit_ms = round(time_limit_seconds * 1000)
        values = {
            "session_id": session_id,
            "position": position,
            "item_id": item_id,
            "opened_at": opened_at,
            "closed_at": None,
            "winner_id": None,
            "time_limit_ms": time_limit_ms,
            "hints_used": 0,
        }
        opened: RoundInfo = await self._db.write_item(self._open_rounds, values)
        return opened

    def _open_rounds(self, session: Session, rows: list[dict[str, Any]]) -> list[RoundInfo]:
        """Insert rounds in one statement (told apart by their session and position)."""
        insert = prepared(
            session,
            "insert rounds",
            lambda: (
                insert_into(session, RoundRow)
                .on_conflict_do_nothing()
                .returning(RoundRow.id, RoundRow.session_id, RoundRow.position)
            ),
        )
        connection = session.connection()
        ids = {(sid, pos): rid for rid, sid, pos in connection.execute(insert, rows)}
        for row in rows:
            key = (row["session_id"], row["position"])
            if key not in ids:  # opened again (a night retrying its last write): the stored one
                ids[key] = connection.execute(
                    select(RoundRow.id).where(
                        RoundRow.session_id == key[0], RoundRow.position == key[1]
                    )
                ).scalar_one()
        homes = session.info.setdefault(NEW_ROUNDS, {})
        asked = session.info.setdefault(NEW_ASKED, [])
        opened: list[RoundInfo] = []
        for row in rows:
            session_id, position = row["session_id"], row["position"]
            round_id = ids[session_id, position]
            guild_id = self._crediting.guild_of(session, session_id)
            homes[round_id] = (session_id, guild_id)
            asked.append((guild_id, row["item_id"]))
            limit = row["time_limit_ms"] / 1000
            opened.append(
                RoundInfo(
                    RoundId(round_id), session_id, position, row["item_id"], row["opened_at"], limit
                )
            )
        return opened

    def record_answer(
        self, answer: AnswerRecord, credit: bool, race: bool
    ) -> Awaitable[AwardOutcome]:
        """Store a judged answer and credit its points atomically (see the protocol).

        The answer is queued at once; what is returned resolves after the commit.
        """
        outcome: Awaitable[AwardOutcome] = self._db.write_item(
            self._record_answers, (answer, credit, race)
        )
        return outcome

    def _record_answers(
        self, session: Session, items: list[tuple[AnswerRecord, bool, bool]]
    ) -> list[AwardOutcome]:
        """Store answers in one statement, count them, credit them, as if in their order.

        The same as storing, counting and crediting each in turn: crediting reads only
        scores and round winners, never answers, and the players' kept records are moved
        on by the new answers in their order. A repeated submission is neither counted
        again nor credited; its outcome is read after the batch's credits, so it sees the
        credit of its first copy even within the batch.
        """
        answers = [answer for answer, _, _ in items]
        player_ids = self._crediting.player_ids_of(
            session, [(a.player, a.submitted_at) for a in answers]
        )
        # The records are locked before the answers get their ids (see KeptRecords.hold).
        held = self._records.hold(
            session, [(a.round_id, p) for a, p in zip(answers, player_ids, strict=True)]
        )
        fresh = self._insert_answers(session, answers, player_ids)
        self._records.add_answers(
            session,
            held,
            [
                (answer.round_id, player_id, answer.accepted)
                for answer, player_id, stored in zip(answers, player_ids, fresh, strict=True)
                if stored
            ],
        )
        outcomes = [AwardOutcome(0, False)] * len(items)
        credits: list[int] = []
        candidates: list[Candidate] = []
        repeated: list[int] = []
        for index, ((answer, credit, race), player_id, stored) in enumerate(
            zip(items, player_ids, fresh, strict=True)
        ):
            if not stored:
                repeated.append(index)
            elif credit and answer.accepted and answer.points > 0:
                credits.append(index)
                candidates.append(
                    Candidate(answer.round_id, player_id, answer.points, answer.submitted_at, race)
                )
        for index, outcome in zip(
            credits, self._crediting.credit_many(session, candidates), strict=True
        ):
            outcomes[index] = outcome
        for index in repeated:
            outcomes[index] = self._outcome(session, answers[index].round_id, player_ids[index])
        return outcomes

    def _insert_answers(
        self, session: Session, answers: list[AnswerRecord], player_ids: list[int]
    ) -> list[bool]:
        """Insert answers (a repeated submission id is skipped); which ones were new."""
        rows = [
            {
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
            for answer, player_id in zip(answers, player_ids, strict=True)
        ]
        if any(answer.submission_id is None for answer in answers):
            # Nothing to tell the rows apart by: one statement each (never from the service).
            insert = prepared(
                session,
                "insert answer",
                lambda: insert_into(session, AnswerRow).on_conflict_do_nothing(),
            )
            connection = session.connection()
            return [rowcount(connection.execute(insert, row)) == 1 for row in rows]
        insert = prepared(
            session,
            "insert answers returning",
            lambda: (
                insert_into(session, AnswerRow)
                .on_conflict_do_nothing()
                .returning(AnswerRow.submission_id)
            ),
        )
        new = set(session.connection().execute(insert, rows).scalars())
        fresh: list[bool] = []
        for answer in answers:  # only the first copy of a submission repeated in the batch
            fresh.append(answer.submission_id in new)
            new.discard(answer.submission_id)
        return fresh

    def _outcome(self, session: Session, round_id: int, player_id: int) -> AwardOutcome:
        """What an already stored submission earned."""
        points = session.scalar(
            select(ScoreRow.points).where(
                ScoreRow.round_id == round_id, ScoreRow.player_id == player_id
            )
        )
        winner = session.scalar(select(RoundRow.winner_id).where(RoundRow.id == round_id))
        return AwardOutcome(points or 0, winner == player_id)

    async def record_hint(self, round_id: RoundId, hints_used: int) -> None:
        """Store how many hints the round has given."""

        def job(session: Session) -> None:
            session.execute(
                update(RoundRow).where(RoundRow.id == round_id).values(hints_used=hints_used)
            )

        await self._db.write(job)

    async def settle_round(
        self, round_id: RoundId, closed_at: datetime, credit_latest: bool
    ) -> Sequence[Credit]:
        """Close a round, crediting each player's latest accepted answer when asked."""
        if not credit_latest:
            await self._db.write_item(
                self._close_rounds, {"closing": round_id, "closing_at": closed_at}
            )
            return ()

        def job(session: Session) -> Sequence[Credit]:
            closing = {"closing": round_id, "closing_at": closed_at}
            closed = session.connection().execute(self._close_round(session), closing)
            if rowcount(closed) != 1 or not credit_latest:
                return ()
            rows = (
                session.execute(
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
            right = [row for _, row in sorted(latest.items()) if row.accepted and row.points > 0]
            candidates = [
                Candidate(round_id, row.player_id, row.points, closed_at, False) for row in right
            ]
            credits: list[Credit] = []
            for row, outcome in zip(
                right, self._crediting.credit_many(session, candidates), strict=True
            ):
                if outcome.points:
                    player = PlayerRef(row.platform, row.external_id, row.display_name)
                    credits.append(Credit(player, outcome.points))
            return credits

        return await self._db.write(job)

    def _close_rounds(self, session: Session, rows: list[dict[str, Any]]) -> list[None]:
        """Close rounds still open, in one statement."""
        session.connection().execute(self._close_round(session), rows)
        return [None] * len(rows)

    def _close_round(self, session: Session) -> Any:
        return prepared(
            session,
            "close round",
            lambda: (
                update(RoundRow)
                .where(RoundRow.id == bindparam("closing"), RoundRow.closed_at.is_(None))
                .values(closed_at=bindparam("closing_at"))
            ),
        )

    async def award(
        self, round_id: RoundId, player: PlayerRef, points: int, at: datetime
    ) -> AwardOutcome:
        """Credit points for a round directly, at most once per player."""

        def job(session: Session) -> AwardOutcome:
            player_id = self._crediting.player_id(session, player, at)
            return self._crediting.credit(session, round_id, player_id, points, at, race=False)

        return await self._db.write(job)

    async def session_answers(self, session_id: SessionId) -> Sequence[StoredAnswer]:
        """Every answer stored in the session's rounds, in the order they were stored."""
        async with self._db.unit() as session:
            return await stored_answers(session, session_id)


def accepted_by(
    platform: str | None, external_id: str | None, name: str | None
) -> PlayerRef | None:
    """Who accepted a near miss, from an answer's three columns; None when not recorded."""
    if platform is None or external_id is None:
        return None
    return PlayerRef(platform, external_id, name or "")


async def stored_answers(session: AsyncSession, session_id: int) -> list[StoredAnswer]:
    """Every answer stored in a session's rounds, in the order they were stored."""
    query = (
        select(
            AnswerRow.id,
            AnswerRow.round_id,
            RoundRow.position,
            RoundRow.item_id,
            PlayerRow.platform,
            PlayerRow.external_id,
            PlayerRow.display_name,
            AnswerRow.text,
            AnswerRow.submitted_at,
            AnswerRow.accepted,
            AnswerRow.close,
            AnswerRow.reviewed,
            AnswerRow.similarity,
            AnswerRow.elapsed_ms,
            AnswerRow.points,
            AnswerRow.submission_id,
            AnswerRow.accepted_at,
            AnswerRow.accepted_by_platform,
            AnswerRow.accepted_by_id,
            AnswerRow.accepted_by_name,
        )
        .join(RoundRow, RoundRow.id == AnswerRow.round_id)
        .join(PlayerRow, PlayerRow.id == AnswerRow.player_id)
        .where(RoundRow.session_id == session_id)
        .order_by(AnswerRow.id)
    )
    return [
        StoredAnswer(
            AnswerId(r.id),
            RoundId(r.round_id),
            r.position,
            r.item_id,
            PlayerRef(r.platform, r.external_id, r.display_name),
            r.text,
            r.submitted_at,
            r.accepted,
            r.close,
            r.reviewed,
            r.similarity,
            r.elapsed_ms,
            r.points,
            r.submission_id,
            accepted_by(r.accepted_by_platform, r.accepted_by_id, r.accepted_by_name),
            r.accepted_at,
        )
        for r in (await session.execute(query)).all()
    ]
