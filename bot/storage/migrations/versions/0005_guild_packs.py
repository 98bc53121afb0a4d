"""The community packs each server enabled.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "guild_packs",
        sa.Column("guild_id", sa.BigInteger, primary_key=True),
        sa.Column("pack", sa.String(40), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("guild_packs")
