"""Leaderboard histogram: how many players hold each points value on each board, so a
player's rank is a sum over the few values above theirs instead of a count of players.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "leaderboard_points",
        sa.Column("scope", sa.BigInteger, nullable=False),
        sa.Column("period", sa.String(8), nullable=False),
        sa.Column("period_key", sa.String(16), nullable=False),
        sa.Column("points", sa.BigInteger, nullable=False),
        sa.Column("players", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("scope", "period", "period_key", "points"),
    )
    # Backfill from the totals kept so far; from now on both change in the same transaction.
    op.execute(
        "INSERT INTO leaderboard_points (scope, period, period_key, points, players) "
        "SELECT scope, period, period_key, points, COUNT(*) FROM leaderboard_totals "
        "GROUP BY scope, period, period_key, points"
    )


def downgrade() -> None:
    op.drop_table("leaderboard_points")
