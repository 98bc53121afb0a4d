"""A night's round keeps its question's time limit with reading time, as it was asked.

A night giving reading time (``quiz_nights.reading_time``) gives each long question more
time than the night's own limit; the questions drawn keep it (``night_questions.time_limit``)
and the question on screen is answered and scored against it. Its round in the engine's
``rounds`` table was stored with the night's own limit, though, so a near miss settled by
its round alone was measured against less time than it had. Each round of such a night
gets the time limit of the question drawn at its place (the round's place counted across
the night's planned rounds, ``night_round_plans``; the drawn question's item must be the
round's), as the night's ledger now stores it. Rounds of nights without reading time, of
questions without a time limit of their own and of games are left as they are.

Downgrading gives the rounds of nights with reading time the night's own limit again, as
the earlier code stored them.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_nights = sa.table(
    "quiz_nights",
    sa.column("id", sa.Integer),
    sa.column("reading_time", sa.Boolean),
    sa.column("time_limit_seconds", sa.Float),
)
_plans = sa.table(
    "night_round_plans",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position", "questions")),
)
_questions = sa.table(
    "night_questions",
    *(sa.column(name, sa.Integer) for name in ("night_id", "round", "position")),
    sa.column("item_id", sa.String),
    sa.column("time_limit", sa.Float),
)
_night_sessions = sa.table(
    "night_sessions", *(sa.column(name, sa.Integer) for name in ("night_id", "session_id"))
)
_rounds = sa.table(
    "rounds",
    *(sa.column(name, sa.Integer) for name in ("id", "session_id", "position", "time_limit_ms")),
    sa.column("item_id", sa.String),
)


def _reading_nights(connection: sa.Connection) -> list[sa.Row[tuple[int, int, float]]]:
    """Each night giving reading time that has a session: its id, session and own limit."""
    return list(
        connection.execute(
            sa.select(_nights.c.id, _night_sessions.c.session_id, _nights.c.time_limit_seconds)
            .join(_night_sessions, _night_sessions.c.night_id == _nights.c.id)
            .where(_nights.c.reading_time.is_(True))
            .order_by(_nights.c.id)
        )
    )


def _limits(connection: sa.Connection, night_id: int) -> dict[int, tuple[str, float]]:
    """The item and time limit of each question drawn for the night with a limit of its
    own, by its place in the whole night (counted from 0 across the planned rounds)."""
    counts = [
        int(count)
        for count in connection.execute(
            sa.select(_plans.c.questions)
            .where(_plans.c.night_id == night_id)
            .order_by(_plans.c.position)
        ).scalars()
    ]
    drawn = connection.execute(
        sa.select(_questions.c.round, _questions.c.position, _questions.c.item_id)
        .add_columns(_questions.c.time_limit)
        .where(_questions.c.night_id == night_id, _questions.c.time_limit.is_not(None))
    )
    return {
        sum(counts[:round_index]) + position: (item_id, float(limit))
        for round_index, position, item_id, limit in drawn
        if round_index < len(counts)
    }


def upgrade() -> None:
    connection = op.get_bind()
    for night_id, session_id, _ in _reading_nights(connection):
        limits = _limits(connection, night_id)
        rounds = connection.execute(
            sa.select(_rounds.c.id, _rounds.c.position, _rounds.c.item_id).where(
                _rounds.c.session_id == session_id
            )
        )
        for round_id, place, item_id in rounds.all():
            drawn = limits.get(place)
            if drawn is None or drawn[0] != item_id:
                continue
            connection.execute(
                sa.update(_rounds)
                .where(_rounds.c.id == round_id)
                .values(time_limit_ms=round(drawn[1] * 1000))
            )


def downgrade() -> None:
    connection = op.get_bind()
    for _, session_id, own in _reading_nights(connection):
        if own is None:
            continue
        connection.execute(
            sa.update(_rounds)
            .where(_rounds.c.session_id == session_id)
            .values(time_limit_ms=round(own * 1000))
        )
