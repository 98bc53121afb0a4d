"""A night's roster is read from its rows only: snapshots leave out sign-ups, jokers and
tie-breaker numbers (snapshot version 2).

Since 0009 the roster rows (``night_signups``, ``night_teams``, ``night_jokers``,
``night_tie_break_guesses``) are written with every snapshot, and 0010 filled them for
the nights saved before. Each snapshot of version 1 that can be read has its rows written
again from it, as 0010 wrote them, and becomes version 2 without ``participants``,
``jokers`` and ``guesses``; the night service joins the rows back when it reads a night.
A snapshot whose roster cannot be made rows is left as it was, without rows, as 0010 left
it (it could not be read before either).

Downgrading puts each version 2 snapshot's roster rows back into it as version 1; the
rows stay, as 0011 has them.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib import import_module
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
ROSTER_FIELDS = ("participants", "jokers", "guesses")

# The rows are written exactly as 0010 wrote them from a version 1 snapshot.
_backfill = import_module("bot.storage.migrations.versions.0010_night_rosters_backfill")

_nights = sa.table("quiz_nights", sa.column("id", sa.Integer), sa.column("snapshot", sa.Text))
_signups = sa.table(
    "night_signups",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position")),
    *(sa.column(name, sa.String) for name in ("platform", "external_id", "name", "team")),
    sa.column("joined_at", TS),
)
_jokers = sa.table(
    "night_jokers",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position", "round")),
    sa.column("contestant", sa.String),
)
_guesses = sa.table(
    "night_tie_break_guesses",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position")),
    *(sa.column(name, sa.String) for name in ("contestant", "platform", "external_id", "name")),
    sa.column("value", sa.Float),
    sa.column("submitted_at", TS),
)


def _snapshot(text: str | None, version: int) -> dict[str, Any] | None:
    """The snapshot's data when it is JSON of ``version`` holding a night, else None."""
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("version") != version:
        return None
    return data if isinstance(data.get("night"), dict) else None


def _iso(moment: datetime) -> str:
    """As the snapshots write times: UTC (SQLite hands them back without their zone)."""
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return aware.isoformat()


def _player(row: Any) -> dict[str, str]:
    return {"platform": row.platform, "external_id": row.external_id, "name": row.name}


def _saved(connection: sa.Connection, version: int) -> list[tuple[int, dict[str, Any]]]:
    rows = connection.execute(
        sa.select(_nights.c.id, _nights.c.snapshot).order_by(_nights.c.id)
    ).all()
    found = [(night_id, _snapshot(text, version)) for night_id, text in rows]
    return [(night_id, data) for night_id, data in found if data is not None]


def _store(connection: sa.Connection, night_id: int, data: dict[str, Any]) -> None:
    connection.execute(
        sa.update(_nights).where(_nights.c.id == night_id).values(snapshot=json.dumps(data))
    )


def upgrade() -> None:
    connection = op.get_bind()
    for night_id, data in _saved(connection, 1):
        night = data["night"]
        try:
            _backfill._fill_roster(connection, night_id, night)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # as in 0010: the night keeps no rows
        kept = {key: value for key, value in night.items() if key not in ROSTER_FIELDS}
        _store(connection, night_id, {**data, "version": 2, "night": kept})


def downgrade() -> None:
    connection = op.get_bind()
    for night_id, data in _saved(connection, 2):

        def rows(table: sa.TableClause, night_id: int = night_id) -> list[Any]:
            query = sa.select(table).where(table.c.night_id == night_id)
            return list(connection.execute(query.order_by(table.c.position)).all())

        roster = {
            "participants": [
                {"player": _player(r), "team": r.team, "joined_at": _iso(r.joined_at)}
                for r in rows(_signups)
            ],
            "jokers": [{"contestant": r.contestant, "round": r.round} for r in rows(_jokers)],
            "guesses": [
                {
                    "contestant": r.contestant,
                    "player": _player(r),
                    "value": r.value,
                    "submitted_at": _iso(r.submitted_at),
                }
                for r in rows(_guesses)
            ],
        }
        _store(connection, night_id, {**data, "version": 1, "night": {**data["night"], **roster}})
