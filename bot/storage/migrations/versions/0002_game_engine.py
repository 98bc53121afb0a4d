"""Game engine: session settings and phase, hints, answer points and submission ids,
leaderboard totals kept on write, session results, guild settings, seasons and accepted forms.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("target_score", sa.Integer, nullable=True))
        batch.add_column(
            sa.Column("time_limit_ms", sa.Integer, nullable=False, server_default="30000")
        )
        batch.add_column(sa.Column("guess_limit", sa.Integer, nullable=False, server_default="3"))
        batch.add_column(
            sa.Column("streak_bonus", sa.Boolean, nullable=False, server_default=sa.true())
        )
        batch.add_column(
            sa.Column("phase", sa.String(16), nullable=False, server_default="between")
        )
        batch.add_column(sa.Column("phase_at", TS, nullable=True))
    with op.batch_alter_table("rounds") as batch:
        batch.add_column(
            sa.Column("time_limit_ms", sa.Integer, nullable=False, server_default="30000")
        )
        batch.add_column(sa.Column("hints_used", sa.Integer, nullable=False, server_default="0"))
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("points", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("submission_id", sa.String(100), nullable=True))
        batch.add_column(
            sa.Column("reviewed", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.create_unique_constraint("uq_answers_submission", ["submission_id"])
    _create_totals()
    op.create_table(
        "session_results",
        sa.Column(
            "session_id",
            sa.Integer,
            sa.ForeignKey("sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("player_id", sa.Integer, sa.ForeignKey("players.id"), nullable=False),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("session_id", "player_id"),
    )
    op.create_index("ix_session_results_player_id", "session_results", ["player_id"])
    op.create_table(
        "guild_settings",
        sa.Column("guild_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("time_limit_ms", sa.Integer, nullable=False),
        sa.Column("allowed_channels", sa.Text, nullable=False),
        sa.Column("host_role_id", sa.BigInteger, nullable=True),
        sa.Column("guess_limit", sa.Integer, nullable=False),
    )
    op.create_table(
        "seasons",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("started_at", TS, nullable=False),
    )
    op.create_index("ix_seasons_started_at", "seasons", ["started_at"])
    op.create_table(
        "accepted_forms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("form", sa.String(400), nullable=False),
        sa.Column("added_at", TS, nullable=False),
        sa.UniqueConstraint("item_id", "form", name="uq_accepted_forms_item_form"),
    )


def _create_totals() -> None:
    op.create_table(
        "leaderboard_totals",
        sa.Column("scope", sa.BigInteger, nullable=False),
        sa.Column("period", sa.String(8), nullable=False),
        sa.Column("period_key", sa.String(16), nullable=False),
        sa.Column("player_id", sa.Integer, sa.ForeignKey("players.id"), nullable=False),
        sa.Column("points", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("scope", "period", "period_key", "player_id"),
    )
    op.create_index(
        "ix_leaderboard_totals_rank",
        "leaderboard_totals",
        ["scope", "period", "period_key", sa.text("points DESC"), "player_id"],
    )
    # Points stored before this revision count towards the all-time boards (scope -1: all).
    op.execute(
        "INSERT INTO leaderboard_totals (scope, period, period_key, player_id, points) "
        "SELECT guild_id, 'all', '', player_id, SUM(points) FROM scores "
        "GROUP BY guild_id, player_id"
    )
    op.execute(
        "INSERT INTO leaderboard_totals (scope, period, period_key, player_id, points) "
        "SELECT -1, 'all', '', player_id, SUM(points) FROM scores "
        "GROUP BY player_id"
    )


def downgrade() -> None:
    op.drop_table("accepted_forms")
    op.drop_index("ix_seasons_started_at", table_name="seasons")
    op.drop_table("seasons")
    op.drop_table("guild_settings")
    op.drop_index("ix_session_results_player_id", table_name="session_results")
    op.drop_table("session_results")
    op.drop_index("ix_leaderboard_totals_rank", table_name="leaderboard_totals")
    op.drop_table("leaderboard_totals")
    with op.batch_alter_table("answers") as batch:
        batch.drop_constraint("uq_answers_submission", type_="unique")
        batch.drop_column("reviewed")
        batch.drop_column("submission_id")
        batch.drop_column("points")
    with op.batch_alter_table("rounds") as batch:
        batch.drop_column("hints_used")
        batch.drop_column("time_limit_ms")
    with op.batch_alter_table("sessions") as batch:
        for column in ("phase_at", "phase", "streak_bonus", "guess_limit", "time_limit_ms"):
            batch.drop_column(column)
        batch.drop_column("target_score")
