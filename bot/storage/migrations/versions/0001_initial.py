"""Initial schema: players, sessions, rounds, answers and scores.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "players",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("external_id", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("platform", "external_id", name="uq_players_identity"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("guild_id", sa.BigInteger, nullable=False),
        sa.Column("channel_id", sa.BigInteger, nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("question_limit", sa.Integer, nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("ended_at", TS, nullable=True),
    )
    op.create_index("ix_sessions_guild_id", "sessions", ["guild_id"])
    op.create_index("ix_sessions_status", "sessions", ["status"])
    op.create_table(
        "rounds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "session_id",
            sa.Integer,
            sa.ForeignKey("sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("opened_at", TS, nullable=False),
        sa.Column("closed_at", TS, nullable=True),
        sa.Column("winner_id", sa.Integer, sa.ForeignKey("players.id"), nullable=True),
        sa.UniqueConstraint("session_id", "position", name="uq_rounds_position"),
    )
    op.create_index("ix_rounds_item_id", "rounds", ["item_id"])
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "round_id", sa.Integer, sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("player_id", sa.Integer, sa.ForeignKey("players.id"), nullable=False),
        sa.Column("text", sa.String(400), nullable=False),
        sa.Column("submitted_at", TS, nullable=False),
        sa.Column("accepted", sa.Boolean, nullable=False),
        sa.Column("close", sa.Boolean, nullable=False),
        sa.Column("similarity", sa.Float, nullable=False),
        sa.Column("elapsed_ms", sa.Integer, nullable=False),
    )
    op.create_index("ix_answers_round_id", "answers", ["round_id"])
    op.create_index("ix_answers_player_id", "answers", ["player_id"])
    op.create_table(
        "scores",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("guild_id", sa.BigInteger, nullable=False),
        sa.Column("player_id", sa.Integer, sa.ForeignKey("players.id"), nullable=False),
        sa.Column(
            "session_id",
            sa.Integer,
            sa.ForeignKey("sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "round_id", sa.Integer, sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("awarded_at", TS, nullable=False),
        sa.UniqueConstraint("round_id", "player_id", name="uq_scores_round_player"),
    )
    op.create_index("ix_scores_guild_player", "scores", ["guild_id", "player_id"])
    op.create_index("ix_scores_guild_awarded", "scores", ["guild_id", "awarded_at"])


def downgrade() -> None:
    op.drop_table("scores")
    op.drop_table("answers")
    op.drop_table("rounds")
    op.drop_table("sessions")
    op.drop_table("players")
