"""Each guild chooses whether ``trivia web`` shows its pages (``guild_settings.web_pages``).

Off for every guild, existing or new, until its admins switch it on with
``/trivia settings web:on``: no server's leaderboards or nights become public by an upgrade.
Downgrading drops the column (the pages' setting goes with it).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE on both backends (no batch copy of the table).
    op.add_column(
        "guild_settings",
        sa.Column("web_pages", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("guild_settings", "web_pages")
