"""A night's roster and a finished night's placings as rows of their own.

``night_signups``, ``night_teams``, ``night_jokers`` and ``night_tie_break_guesses`` hold
what a night's snapshot says of who plays: sign-ups with their teams, the teams, the jokers
played and the tie-breaker numbers, each in the night's order (``position``).
``night_finishes`` and ``night_placings`` hold each finished night's result for the
season table. The snapshots stay; nights saved from now on write both. Filling these
tables from the snapshots saved before is the next migration's work.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def _night_id() -> sa.Column[int]:
    return sa.Column(
        "night_id", sa.Integer, sa.ForeignKey("quiz_nights.id", ondelete="CASCADE"), nullable=False
    )


def _player() -> list[sa.Column[str]]:
    return [
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("external_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "night_signups",
        _night_id(),
        sa.Column("position", sa.Integer, nullable=False),
        *_player(),
        sa.Column("team", sa.String(100)),
        sa.Column("joined_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("night_id", "position"),
    )
    op.create_table(
        "night_teams",
        _night_id(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("team_key", sa.String(200), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("night_id", "position"),
    )
    op.create_table(
        "night_jokers",
        _night_id(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("contestant", sa.String(200), nullable=False),
        sa.Column("round", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("night_id", "position"),
    )
    op.create_table(
        "night_tie_break_guesses",
        _night_id(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("contestant", sa.String(200), nullable=False),
        *_player(),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("submitted_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("night_id", "position"),
    )
    op.create_table(
        "night_finishes",
        sa.Column(
            "night_id",
            sa.Integer,
            sa.ForeignKey("quiz_nights.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("guild_id", sa.BigInteger, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("finished_at", TS, nullable=False),
    )
    op.create_index("ix_night_finishes_guild_id", "night_finishes", ["guild_id"])
    op.create_index("ix_night_finishes_finished_at", "night_finishes", ["finished_at"])
    op.create_table(
        "night_placings",
        sa.Column(
            "night_id",
            sa.Integer,
            sa.ForeignKey("night_finishes.night_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        *_player(),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("won", sa.Boolean),
        sa.PrimaryKeyConstraint("night_id", "position"),
    )


def downgrade() -> None:
    op.drop_table("night_placings")
    op.drop_index("ix_night_finishes_finished_at", "night_finishes")
    op.drop_index("ix_night_finishes_guild_id", "night_finishes")
    op.drop_table("night_finishes")
    for table in ("night_tie_break_guesses", "night_jokers", "night_teams", "night_signups"):
        op.drop_table(table)
