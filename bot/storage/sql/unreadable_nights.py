"""The night snapshots migration 0016 could not read, as an operator exports them.

0016 kept each snapshot it could not read, as it was, in ``night_snapshot_quarantine``;
no night is read from there. ``trivia db export-unreadable-nights`` reads them all
(:func:`unreadable_nights`), writes them to a file and then deletes the ones it wrote
(:func:`delete_unreadable_nights`), so that migration 0019 can drop the empty table. The
table is not part of the schema the code declares (0019 drops it), so it is named here on
its own, and found missing once dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.db import reachable

QUARANTINE = "night_snapshot_quarantine"
_quarantine = sa.table(
    QUARANTINE, sa.column("night_id", sa.Integer), sa.column("snapshot", sa.Text)
)


@dataclass(frozen=True, slots=True)
class UnreadableNight:
    """A night's snapshot 0016 could not read: the night's id and the text, as it was."""

    night_id: int
    snapshot: str


async def unreadable_nights(engine: AsyncEngine) -> tuple[UnreadableNight, ...] | None:
    """Every snapshot kept, by night id; None when the database has no such table.

    The table exists from revision 0016 up to 0018 (0019 drops it).

    Raises:
        StorageError: the database is unreachable or cannot be used.
    """
    async with reachable(str(engine.url)), engine.connect() as connection:
        if not await connection.run_sync(lambda c: sa.inspect(c).has_table(QUARANTINE)):
            return None
        rows = await connection.execute(
            sa.select(_quarantine.c.night_id, _quarantine.c.snapshot).order_by(
                _quarantine.c.night_id
            )
        )
        return tuple(UnreadableNight(int(night_id), text) for night_id, text in rows)


async def delete_unreadable_nights(engine: AsyncEngine, nights: Sequence[UnreadableNight]) -> int:
    """Delete these snapshots, each only while it is as given (one transaction).

    Returns:
        How many were deleted: a snapshot changed or gone since it was read is left alone.

    Raises:
        StorageError: the database is unreachable or cannot be used.
    """
    deleted = 0
    async with reachable(str(engine.url)), engine.begin() as connection:
        for night in nights:
            result = await connection.execute(
                sa.delete(_quarantine).where(
                    _quarantine.c.night_id == night.night_id,
                    _quarantine.c.snapshot == night.snapshot,
                )
            )
            deleted += result.rowcount
    return deleted
