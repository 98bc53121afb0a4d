"""Each player's answers, right answers and streaks per guild, kept on write (``board_records``).

A guild's leaderboard shows each row's accuracy and best streak; counting them from the
answers meant reading every answer of the top players at each request. The table is
filled here from the answers stored so far, counted as the leaderboard counted them
(``player_stats``): each question once, with the player's last answer to it (by answer
id); a streak runs over questions by round id; a quiz night's answers count only where
the guild counts night points (``guild_settings.night_points``, on without a row). From
now on the table changes in the same transaction as the answers it counts.

The answers are read a few hundred players at a time, so the upgrade holds one chunk in
memory, not every answer. Downgrading drops the table (it is counted again on upgrade).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

PLAYERS_PER_CHUNK = 500
ROWS_PER_INSERT = 1000

_answers = sa.table(
    "answers",
    *(sa.column(name, sa.Integer) for name in ("id", "round_id", "player_id")),
    sa.column("accepted", sa.Boolean),
)
_rounds = sa.table("rounds", sa.column("id", sa.Integer), sa.column("session_id", sa.Integer))
_sessions = sa.table(
    "sessions",
    sa.column("id", sa.Integer),
    sa.column("guild_id", sa.BigInteger),
    sa.column("format", sa.String),
)
_settings = sa.table(
    "guild_settings", sa.column("guild_id", sa.BigInteger), sa.column("night_points", sa.Boolean)
)
_COLUMNS = (
    "answers",
    "correct",
    "best_streak",
    "streak",
    "last_round_id",
    "last_correct",
    "streak_before",
    "best_before",
)


def upgrade() -> None:
    records = op.create_table(
        "board_records",
        sa.Column("guild_id", sa.BigInteger, nullable=False),
        sa.Column("player_id", sa.Integer, sa.ForeignKey("players.id"), nullable=False),
        *(sa.Column(name, sa.Integer, nullable=False) for name in _COLUMNS[:5]),
        sa.Column("last_correct", sa.Boolean, nullable=False),
        *(sa.Column(name, sa.Integer, nullable=False) for name in _COLUMNS[6:]),
        sa.PrimaryKeyConstraint("guild_id", "player_id"),
    )
    op.create_index("ix_board_records_player_id", "board_records", ["player_id"])
    connection = op.get_bind()
    players = connection.execute(
        sa.select(_answers.c.player_id).distinct().order_by(_answers.c.player_id)
    ).scalars()
    ids = list(players)
    for start in range(0, len(ids), PLAYERS_PER_CHUNK):
        chunk = ids[start : start + PLAYERS_PER_CHUNK]
        rows = list(_counted(connection.execute(_answers_of(chunk[0], chunk[-1]))))
        for first in range(0, len(rows), ROWS_PER_INSERT):
            connection.execute(records.insert(), rows[first : first + ROWS_PER_INSERT])


def downgrade() -> None:
    op.drop_index("ix_board_records_player_id", table_name="board_records")
    op.drop_table("board_records")


def _answers_of(first: int, last: int) -> Any:
    """The counted answers of players ``first`` to ``last``, by player, guild, round, id."""
    nights_count = sa.or_(
        _sessions.c.format != "night", sa.func.coalesce(_settings.c.night_points, sa.true())
    )
    return (
        sa.select(
            _answers.c.player_id, _sessions.c.guild_id, _answers.c.round_id, _answers.c.accepted
        )
        .join(_rounds, _rounds.c.id == _answers.c.round_id)
        .join(_sessions, _sessions.c.id == _rounds.c.session_id)
        .outerjoin(_settings, _settings.c.guild_id == _sessions.c.guild_id)
        .where(_answers.c.player_id.between(first, last), nights_count)
        .order_by(_answers.c.player_id, _sessions.c.guild_id, _answers.c.round_id, _answers.c.id)
    )


def _counted(answers: Iterable[Any]) -> Iterable[dict[str, Any]]:
    """One row per player and guild from their ordered answers (the last per round counts)."""
    key: tuple[int, int] | None = None
    row: dict[str, Any] = {}
    for player_id, guild_id, round_id, accepted in answers:
        right = bool(accepted)
        if (player_id, guild_id) != key:
            if key is not None:
                yield row
            key = (player_id, guild_id)
            row = dict.fromkeys(_COLUMNS, 0) | {"player_id": player_id, "guild_id": guild_id}
            row["last_round_id"] = None
        if round_id == row["last_round_id"]:  # a later answer to the same question replaces
            row["correct"] += int(right) - int(row["last_correct"])
        else:
            row["streak_before"] = row["streak"]
            row["best_before"] = row["best_streak"]
            row["answers"] += 1
            row["correct"] += int(right)
            row["last_round_id"] = round_id
        row["last_correct"] = right
        row["streak"] = row["streak_before"] + 1 if right else 0
        row["best_streak"] = max(row["best_before"], row["streak"])
    if key is not None:
        yield row
