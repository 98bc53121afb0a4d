"""Each guild chooses whether quiz nights count in leaderboards and statistics
(``guild_settings.night_points``, on by default, as nights have counted since 0007).

Nothing to recount: with the setting on, the leaderboard totals already hold every
night's points.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

from importlib import import_module

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE on both backends (no batch copy of the table).
    op.add_column(
        "guild_settings",
        sa.Column("night_points", sa.Boolean, nullable=False, server_default=sa.true()),
    )


def downgrade() -> None:
    # The previous schema counts every night: put back the points of guilds that did not.
    connection = op.get_bind()
    settings = sa.table(
        "guild_settings", sa.column("guild_id", sa.BigInteger), sa.column("night_points")
    )
    off = connection.execute(
        sa.select(settings.c.guild_id).where(settings.c.night_points.is_(False))
    ).scalars()
    if list(off):
        previous = import_module("bot.storage.migrations.versions.0007_night_sessions")
        previous._rebuild_boards(connection)
    op.drop_column("guild_settings", "night_points")
