"""A night's question on screen keeps its item and hints in its round row only.

``quiz_nights.open_item_id`` and ``open_hints_used`` repeated what the engine's ``rounds``
row of the question (``open_round_id``) holds, which the night's ledger writes. Their
values move to that row (as the night kept them), and the columns go. A question on
screen without a round (a night saved before its ledger stored one, or whose round is
gone) gets one first, as the ledger gives it: at its place in the night, in the night's
session, which a night without one gets too (running, of format ``night``).

Downgrading puts the columns back, filled from the rounds (the rounds and sessions
recorded here stay).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
_COLUMNS = (("open_item_id", sa.String(64)), ("open_hints_used", sa.Integer()))

_nights = sa.table(
    "quiz_nights",
    *(sa.column(name, sa.Integer) for name in ("id", "open_round", "open_question")),
    *(sa.column(name, sa.Integer) for name in ("open_round_id", "open_hints_used")),
    *(sa.column(name, sa.BigInteger) for name in ("guild_id", "channel_id")),
    sa.column("open_item_id", sa.String),
    sa.column("open_opened_at", TS),
    sa.column("mode", sa.String),
    sa.column("time_limit_seconds", sa.Float),
)
_plans = sa.table(
    "night_round_plans",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position", "questions")),
)
_night_sessions = sa.table(
    "night_sessions", *(sa.column(name, sa.Integer) for name in ("night_id", "session_id"))
)
_sessions = sa.table(
    "sessions",
    sa.column("id", sa.Integer),
    *(sa.column(name, sa.BigInteger) for name in ("guild_id", "channel_id")),
    *(sa.column(name, sa.String) for name in ("mode", "status", "phase", "format")),
    *(sa.column(name, sa.Integer) for name in ("question_limit", "time_limit_ms", "guess_limit")),
    sa.column("streak_bonus", sa.Boolean),
    *(sa.column(name, TS) for name in ("started_at", "phase_at")),
)
_rounds = sa.table(
    "rounds",
    *(sa.column(name, sa.Integer) for name in ("id", "session_id", "position")),
    *(sa.column(name, sa.Integer) for name in ("time_limit_ms", "hints_used")),
    sa.column("item_id", sa.String),
    sa.column("opened_at", TS),
)


def _session_of(connection: sa.Connection, night: Any, questions: int) -> int:
    """The night's session; a night without one gets one, as its ledger would give it."""
    linked = connection.scalar(
        sa.select(_night_sessions.c.session_id).where(_night_sessions.c.night_id == night.id)
    )
    if linked is not None:
        return int(linked)
    session_id = connection.execute(
        sa.insert(_sessions)
        .values(
            guild_id=night.guild_id,
            channel_id=night.channel_id,
            mode=night.mode,
            status="running",
            question_limit=questions,
            started_at=night.open_opened_at,
            time_limit_ms=round(night.time_limit_seconds * 1000),
            guess_limit=1,
            streak_bonus=False,
            phase="between",
            phase_at=night.open_opened_at,
            format="night",
        )
        .returning(_sessions.c.id)
    ).scalar_one()
    connection.execute(sa.insert(_night_sessions).values(night_id=night.id, session_id=session_id))
    return int(session_id)


def _round_of(connection: sa.Connection, night: Any) -> int:
    """The round of the night's question on screen: its own, else one given it now."""
    if night.open_round_id is not None:
        kept = sa.select(_rounds.c.id).where(_rounds.c.id == night.open_round_id)
        found = connection.scalar(kept)
        if found is not None:
            return int(found)
    plans = connection.execute(
        sa.select(_plans.c.questions)
        .where(_plans.c.night_id == night.id)
        .order_by(_plans.c.position)
    ).scalars()
    counts = [int(count) for count in plans]
    place = sum(counts[: night.open_round]) + night.open_question
    session_id = _session_of(connection, night, sum(counts))
    at_place = connection.scalar(
        sa.select(_rounds.c.id).where(
            _rounds.c.session_id == session_id, _rounds.c.position == place
        )
    )
    if at_place is not None:
        return int(at_place)
    return int(
        connection.execute(
            sa.insert(_rounds)
            .values(
                session_id=session_id,
                position=place,
                item_id=night.open_item_id,
                opened_at=night.open_opened_at,
                time_limit_ms=round(night.time_limit_seconds * 1000),
                hints_used=0,
            )
            .returning(_rounds.c.id)
        ).scalar_one()
    )


def upgrade() -> None:
    connection = op.get_bind()
    on_screen = connection.execute(
        sa.select(_nights).where(_nights.c.open_round.is_not(None)).order_by(_nights.c.id)
    ).all()
    for night in on_screen:
        round_id = _round_of(connection, night)
        connection.execute(
            sa.update(_rounds)
            .where(_rounds.c.id == round_id)
            .values(item_id=night.open_item_id, hints_used=night.open_hints_used or 0)
        )
        if round_id != night.open_round_id:
            connection.execute(
                sa.update(_nights).where(_nights.c.id == night.id).values(open_round_id=round_id)
            )
    # Plain ALTER TABLE, not batch mode: copying quiz_nights on SQLite would delete the rows
    # of every table referencing it (foreign keys cascade).
    for name, _ in reversed(_COLUMNS):
        op.drop_column("quiz_nights", name)


def downgrade() -> None:
    for name, kind in _COLUMNS:
        op.add_column("quiz_nights", sa.Column(name, kind, nullable=True))
    connection = op.get_bind()
    on_screen = connection.execute(
        sa.select(_nights.c.id, _rounds.c.item_id, _rounds.c.hints_used).join(
            _rounds, _rounds.c.id == _nights.c.open_round_id
        )
    ).all()
    for night_id, item_id, hints_used in on_screen:
        connection.execute(
            sa.update(_nights)
            .where(_nights.c.id == night_id)
            .values(open_item_id=item_id, open_hints_used=hints_used)
        )
