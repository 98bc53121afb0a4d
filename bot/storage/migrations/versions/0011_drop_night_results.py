"""Finished nights' results are kept as rows only: ``quiz_night_results`` goes.

Since 0009 every finished night's result is written twice, as JSON in
``quiz_night_results`` and as rows in ``night_finishes`` and ``night_placings``, and 0010
filled the rows of the results kept before; the season table and privacy read the rows.
Before the table is dropped, a result that has no ``night_finishes`` row yet and can be
read becomes rows as 0010 made them (``won`` stays empty in results kept before it was
recorded). A result that cannot be read was never shown anywhere and goes with the table.

Downgrading creates the table again and writes each finished night's rows back as the
JSON result the code before this migration wrote and read.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)

_results = sa.table(
    "quiz_night_results",
    sa.column("night_id", sa.Integer),
    sa.column("guild_id", sa.BigInteger),
    sa.column("finished_at", TS),
    sa.column("result", sa.Text),
)
_finishes = sa.table(
    "night_finishes",
    sa.column("night_id", sa.Integer),
    sa.column("guild_id", sa.BigInteger),
    sa.column("title", sa.Text),
    sa.column("finished_at", TS),
)
_placings = sa.table(
    "night_placings",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position", "points", "rank")),
    *(sa.column(name, sa.String) for name in ("platform", "external_id", "name")),
    sa.column("won", sa.Boolean),
)


def _utc(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; they were stored in UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _rows_of(night_id: int, result: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The finish and placing rows of a JSON result.

    Raises:
        KeyError, TypeError, ValueError, AttributeError: The result cannot be read.
    """
    finish = {
        "night_id": night_id,
        "guild_id": int(result["guild_id"]),
        "title": str(result["title"]),
        "finished_at": _utc(result["finished_at"]),
    }
    placings = [
        {
            "night_id": night_id,
            "position": position,
            "platform": str(entry["player"]["platform"]),
            "external_id": str(entry["player"]["external_id"]),
            "name": str(entry["player"]["name"])[:100],
            "points": int(entry["points"]),
            "rank": int(entry["rank"]),
            "won": entry.get("won"),
        }
        for position, entry in enumerate(result["players"])
    ]
    return finish, placings


def upgrade() -> None:
    connection = op.get_bind()
    placed = set(connection.scalars(sa.select(_finishes.c.night_id)))
    results = connection.execute(
        sa.select(_results.c.night_id, _results.c.result).order_by(_results.c.night_id)
    ).all()
    for night_id, text in results:
        if night_id in placed:
            continue
        try:
            finish, placings = _rows_of(night_id, json.loads(text))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        connection.execute(sa.insert(_finishes).values(**finish))
        if placings:
            connection.execute(sa.insert(_placings), placings)
    op.drop_index("ix_quiz_night_results_finished_at", table_name="quiz_night_results")
    op.drop_index("ix_quiz_night_results_guild_id", table_name="quiz_night_results")
    op.drop_table("quiz_night_results")


def downgrade() -> None:
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
    connection = op.get_bind()
    finishes = connection.execute(sa.select(_finishes).order_by(_finishes.c.night_id)).all()
    placings = connection.execute(
        sa.select(_placings).order_by(_placings.c.night_id, _placings.c.position)
    ).all()
    players: dict[int, list[dict[str, Any]]] = {f.night_id: [] for f in finishes}
    for p in placings:
        players.setdefault(p.night_id, []).append(
            {
                "player": {"platform": p.platform, "external_id": p.external_id, "name": p.name},
                "points": p.points,
                "rank": p.rank,
                "won": p.won,
            }
        )
    rows = [
        {
            "night_id": f.night_id,
            "guild_id": f.guild_id,
            "finished_at": _aware(f.finished_at),
            "result": json.dumps(
                {
                    "night_id": f.night_id,
                    "guild_id": f.guild_id,
                    "title": f.title,
                    "finished_at": _aware(f.finished_at).isoformat(),
                    "players": players[f.night_id],
                }
            ),
        }
        for f in finishes
    ]
    if rows:
        connection.execute(sa.insert(_results), rows)
