"""The rosters and placings of the nights saved before 0009, filled in from their snapshots.

For every night whose snapshot can be read (JSON of snapshot version 1), its sign-ups,
teams, jokers and tie-breaker numbers become rows as the night service writes them from
now on (``bot.storage.sql.nights.write_roster``): in the snapshot's order, each team under
the name it was first chosen with. For every finished night's result that can be read,
its guild, title and end become a ``night_finishes`` row and each player's points, rank
and win a ``night_placings`` row (``won`` stays empty in results kept before it was
recorded). Rows already there for a night are replaced. Snapshots and results that cannot
be read are left as they are, without rows. Downgrading empties the six tables: the
snapshots, which still hold everything, are what 0009 reads.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
_PLAYER = (sa.column("platform", sa.String), sa.column("external_id", sa.String))

_nights = sa.table("quiz_nights", sa.column("id", sa.Integer), sa.column("snapshot", sa.Text))
_results = sa.table(
    "quiz_night_results", sa.column("night_id", sa.Integer), sa.column("result", sa.Text)
)
_signups = sa.table(
    "night_signups",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position")),
    *_PLAYER,
    sa.column("name", sa.String),
    sa.column("team", sa.String),
    sa.column("joined_at", TS),
)
_teams = sa.table(
    "night_teams",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position")),
    sa.column("team_key", sa.String),
    sa.column("name", sa.String),
)
_jokers = sa.table(
    "night_jokers",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position", "round")),
    sa.column("contestant", sa.String),
)
_guesses = sa.table(
    "night_tie_break_guesses",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position")),
    sa.column("contestant", sa.String),
    *(sa.column(name, sa.String) for name in ("platform", "external_id", "name")),
    sa.column("value", sa.Float),
    sa.column("submitted_at", TS),
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
_ROSTER = (_signups, _teams, _jokers, _guesses)


def _utc(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def team_key(name: str) -> str:
    """As ``bot.night.models.team_key``: names differing in case or spacing are one team."""
    return "team:" + " ".join(name.casefold().split())


def _person(player: dict[str, Any]) -> dict[str, str]:
    return {
        "platform": player["platform"],
        "external_id": str(player["external_id"]),
        "name": player["name"][:100],
    }


def _fill_roster(connection: sa.Connection, night_id: int, night: dict[str, Any]) -> None:
    for table in _ROSTER:
        connection.execute(sa.delete(table).where(table.c.night_id == night_id))
    signups = night.get("participants") or []
    teams: dict[str, str] = {}
    for participant in signups:
        if participant.get("team") is not None:
            teams.setdefault(team_key(participant["team"]), participant["team"])
    rows: list[tuple[sa.TableClause, list[dict[str, Any]]]] = [
        (
            _signups,
            [
                {
                    **_person(p["player"]),
                    "team": p.get("team"),
                    "joined_at": _utc(p["joined_at"]),
                }
                for p in signups
            ],
        ),
        (_teams, [{"team_key": key, "name": name} for key, name in teams.items()]),
        (
            _jokers,
            [
                {"contestant": j["contestant"], "round": j["round"]}
                for j in night.get("jokers") or []
            ],
        ),
        (
            _guesses,
            [
                {
                    **_person(g["player"]),
                    "contestant": g["contestant"],
                    "value": g["value"],
                    "submitted_at": _utc(g["submitted_at"]),
                }
                for g in night.get("guesses") or []
            ],
        ),
    ]
    for table, values in rows:
        if values:
            connection.execute(
                sa.insert(table),
                [
                    {"night_id": night_id, "position": position, **row}
                    for position, row in enumerate(values)
                ],
            )


def _fill_placings(connection: sa.Connection, night_id: int, result: dict[str, Any]) -> None:
    connection.execute(sa.delete(_placings).where(_placings.c.night_id == night_id))
    connection.execute(sa.delete(_finishes).where(_finishes.c.night_id == night_id))
    connection.execute(
        sa.insert(_finishes).values(
            night_id=night_id,
            guild_id=result["guild_id"],
            title=result["title"],
            finished_at=_utc(result["finished_at"]),
        )
    )
    placings = [
        {
            "night_id": night_id,
            "position": position,
            **_person(entry["player"]),
            "points": entry["points"],
            "rank": entry["rank"],
            "won": entry.get("won"),
        }
        for position, entry in enumerate(result["players"])
    ]
    if placings:
        connection.execute(sa.insert(_placings), placings)


def _readable_night(text: str | None) -> dict[str, Any] | None:
    """The night a snapshot holds, or None when it cannot be read."""
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("version") != 1:
        return None
    night = data.get("night")
    return night if isinstance(night, dict) else None


def upgrade() -> None:
    connection = op.get_bind()
    snapshots = connection.execute(
        sa.select(_nights.c.id, _nights.c.snapshot).order_by(_nights.c.id)
    ).all()
    for night_id, text in snapshots:
        night = _readable_night(text)
        if night is None:
            continue
        try:
            _fill_roster(connection, night_id, night)
        except (KeyError, TypeError, ValueError):
            for table in _ROSTER:
                connection.execute(sa.delete(table).where(table.c.night_id == night_id))
    results = connection.execute(
        sa.select(_results.c.night_id, _results.c.result).order_by(_results.c.night_id)
    ).all()
    for night_id, text in results:
        try:
            result = json.loads(text)
            _fill_placings(connection, night_id, result)
        except (KeyError, TypeError, ValueError):
            connection.execute(sa.delete(_placings).where(_placings.c.night_id == night_id))
            connection.execute(sa.delete(_finishes).where(_finishes.c.night_id == night_id))


def downgrade() -> None:
    connection = op.get_bind()
    for table in (_placings, _finishes, *_ROSTER):
        connection.execute(sa.delete(table))
