"""Quiz nights (versioned snapshots), their results, question reports, per-guild question
fixes and fact decisions.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "quiz_nights",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("guild_id", sa.BigInteger, nullable=True),
        sa.Column("channel_id", sa.BigInteger, nullable=True),
        sa.Column("status", sa.String(16), nullable=True),
        sa.Column("starts_at", TS, nullable=True),
        sa.Column("snapshot", sa.Text, nullable=True),
        sa.Column("reminded", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_quiz_nights_guild_id", "quiz_nights", ["guild_id"])
    op.create_index("ix_quiz_nights_status", "quiz_nights", ["status"])
    op.create_index("ix_quiz_nights_starts_at", "quiz_nights", ["starts_at"])
    op.create_table(
        "quiz_night_results",
        sa.Column(
            "night_id",
            sa.Integer,
            sa.ForeignKey("quiz_nights.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("guild_id", sa.BigInteger, nullable=False),
        sa.Column("finished_at", TS, nullable=False),
        sa.Column("result", sa.Text, nullable=False),
    )
    op.create_index("ix_quiz_night_results_guild_id", "quiz_night_results", ["guild_id"])
    op.create_index("ix_quiz_night_results_finished_at", "quiz_night_results", ["finished_at"])
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("guild_id", sa.BigInteger, nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("reporter_platform", sa.String(16), nullable=False),
        sa.Column("reporter_id", sa.String(64), nullable=False),
        sa.Column("reporter_name", sa.String(100), nullable=False),
        sa.Column("reason", sa.String(300), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("settled_at", TS, nullable=True),
    )
    op.create_index("ix_reports_guild_id", "reports", ["guild_id"])
    op.create_index("ix_reports_item_id", "reports", ["item_id"])
    op.create_table(
        "question_fixes",
        sa.Column("guild_id", sa.BigInteger, nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("answers", sa.Text, nullable=True),
        sa.Column("extra_forms", sa.Text, nullable=False),
        sa.Column("retired", sa.String(300), nullable=True),
        sa.Column("difficulty", sa.Integer, nullable=True),
        sa.Column("answers_seen", sa.Integer, nullable=False),
        sa.Column("correct_seen", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("guild_id", "item_id"),
    )
    op.create_table(
        "fact_decisions",
        sa.Column("guild_id", sa.BigInteger, nullable=False),
        sa.Column("claim_id", sa.String(64), nullable=False),
        sa.Column("approved", sa.Boolean, nullable=False),
        sa.Column("by_platform", sa.String(16), nullable=False),
        sa.Column("by_id", sa.String(64), nullable=False),
        sa.Column("by_name", sa.String(100), nullable=False),
        sa.Column("why", sa.String(300), nullable=False),
        sa.Column("decided_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("guild_id", "claim_id"),
    )


def downgrade() -> None:
    op.drop_table("fact_decisions")
    op.drop_table("question_fixes")
    op.drop_table("reports")
    op.drop_table("quiz_night_results")
    op.drop_table("quiz_nights")
