"""Which session records each night's rounds and answers, as a row: ``night_sessions``.

A night's near miss names its round; the round's session leads to the night through this
table instead of through the snapshots. Each snapshot (version 2, or version 1 left by
0012) naming a session that exists gets its row.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_nights = sa.table("quiz_nights", sa.column("id", sa.Integer), sa.column("snapshot", sa.Text))
_sessions = sa.table("sessions", sa.column("id", sa.Integer))


def _session_of(text: str | None) -> int | None:
    """The session id a snapshot names, or None."""
    try:
        data = json.loads(text or "")
    except ValueError:
        return None
    night = data.get("night") if isinstance(data, dict) else None
    session_id = night.get("session_id") if isinstance(night, dict) else None
    return session_id if isinstance(session_id, int) and not isinstance(session_id, bool) else None


def upgrade() -> None:
    table = op.create_table(
        "night_sessions",
        sa.Column(
            "night_id",
            sa.Integer,
            sa.ForeignKey("quiz_nights.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "session_id",
            sa.Integer,
            sa.ForeignKey("sessions.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
    )
    connection = op.get_bind()
    sessions = set(connection.scalars(sa.select(_sessions.c.id)))
    snapshots = connection.execute(
        sa.select(_nights.c.id, _nights.c.snapshot).order_by(_nights.c.id)
    ).all()
    rows: list[dict[str, int]] = []
    taken: set[int] = set()
    for night_id, text in snapshots:
        session_id = _session_of(text)
        if session_id in sessions and session_id not in taken:
            taken.add(session_id)
            rows.append({"night_id": night_id, "session_id": session_id})
    if rows:
        connection.execute(sa.insert(table), rows)


def downgrade() -> None:
    op.drop_table("night_sessions")
