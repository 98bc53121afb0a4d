"""The night snapshots migration 0016 could not read leave the database: the quarantine goes.

``night_snapshot_quarantine`` kept, as they were, the snapshots 0016 could not read, for an
operator to mend; no night was read from them. Now that no night is a snapshot, the table
is dropped, but only when it is empty: while it still holds snapshots the upgrade stops
with one line naming ``trivia db export-unreadable-nights``, which writes them to a file
and then deletes them; the database stays at 0018, unchanged (each migration is committed
on its own, ``migrations/env.py``), so nothing is lost without the operator's say.

Downgrading creates the table again, empty (the snapshots exported stay in their file).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from alembic.util import CommandError

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

QUARANTINE = "night_snapshot_quarantine"
EXPORT_COMMAND = "trivia db export-unreadable-nights PATH"

_quarantine = sa.table(QUARANTINE, sa.column("night_id", sa.Integer))


def upgrade() -> None:
    connection = op.get_bind()
    kept = connection.scalar(sa.select(sa.func.count()).select_from(_quarantine)) or 0
    if kept:
        snapshots = "snapshot" if kept == 1 else "snapshots"
        are = "is" if kept == 1 else "are"
        raise CommandError(
            f"{kept} night {snapshots} migration 0016 could not read {are} still in "
            f"{QUARANTINE}, so the database stays at revision 0018, unchanged: export them "
            f"with `{EXPORT_COMMAND}`, then upgrade again"
        )
    op.drop_table(QUARANTINE)


def downgrade() -> None:
    op.create_table(
        QUARANTINE,
        sa.Column(
            "night_id",
            sa.Integer,
            sa.ForeignKey("quiz_nights.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("snapshot", sa.Text, nullable=False),
    )
