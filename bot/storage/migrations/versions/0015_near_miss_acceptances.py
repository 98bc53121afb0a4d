"""Snapshot version 4: who accepted a night's near miss is kept with the answer.

``answers`` gains ``accepted_at`` and who accepted a near miss after the fact
(``accepted_by_platform``, ``accepted_by_id``, ``accepted_by_name``), written whenever a
near miss is accepted, in a game or a night. Version 3 snapshots of nights with a session
kept those answers only for who accepted them: each is looked up by its submission id
(see ``bot.night.ledger``) and told who accepted it, and when (the time its points were
credited, when they were); the snapshot then keeps no answers. A snapshot of a night
without a session keeps its answers as they are. Every version 3 snapshot becomes version
4.

Downgrading writes version 3 again: a session night's snapshot gets back the answers of
its session that name who accepted them, as version 3 held them (question from the
round's place, the joker taken off the points, the name the player signed up with; answers
to skipped questions and of members not signed up left out); then the columns go.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
_COLUMNS = ("accepted_at", "accepted_by_platform", "accepted_by_id", "accepted_by_name")

_nights = sa.table("quiz_nights", sa.column("id", sa.Integer), sa.column("snapshot", sa.Text))
_rounds = sa.table(
    "rounds",
    *(sa.column(name, sa.Integer) for name in ("id", "session_id", "position")),
    sa.column("item_id", sa.String),
)
_answers = sa.table(
    "answers",
    *(sa.column(name, sa.Integer) for name in ("id", "round_id", "player_id", "elapsed_ms")),
    sa.column("text", sa.String),
    sa.column("submitted_at", TS),
    *(sa.column(name, sa.Boolean) for name in ("accepted", "close", "reviewed")),
    sa.column("similarity", sa.Float),
    sa.column("points", sa.Integer),
    sa.column("submission_id", sa.String),
    sa.column("accepted_at", TS),
    *(sa.column(name, sa.String) for name in _COLUMNS[1:]),
)
_scores = sa.table(
    "scores",
    *(sa.column(name, sa.Integer) for name in ("round_id", "player_id")),
    sa.column("awarded_at", TS),
)
_players = sa.table(
    "players",
    sa.column("id", sa.Integer),
    *(sa.column(name, sa.String) for name in ("platform", "external_id")),
)
_signups = sa.table(
    "night_signups",
    sa.column("night_id", sa.Integer),
    *(sa.column(name, sa.String) for name in ("platform", "external_id", "name", "team")),
)
_jokers = sa.table(
    "night_jokers",
    sa.column("night_id", sa.Integer),
    sa.column("contestant", sa.String),
    sa.column("round", sa.Integer),
)


def submission_id(night_id: int, cursor: dict[str, int], player: dict[str, str]) -> str:
    """The submission id the night's ledger gives an answer (see ``bot.night.ledger``)."""
    key = f"{night_id}:{cursor['round']}:{cursor['question']}"
    key += f":{player['platform']}:{player['external_id']}"
    return "night:" + hashlib.sha256(key.encode()).hexdigest()[:40]


def _utc(value: Any) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _snapshots(connection: sa.Connection, version: int) -> list[tuple[int, dict[str, Any]]]:
    """The readable snapshots of one version, with their night's id."""
    rows = connection.execute(
        sa.select(_nights.c.id, _nights.c.snapshot)
        .where(_nights.c.snapshot.is_not(None))
        .order_by(_nights.c.id)
    ).all()
    found = []
    for night_id, text in rows:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if (
            isinstance(data, dict)
            and data.get("version") == version
            and isinstance(data.get("night"), dict)
        ):
            found.append((night_id, data))
    return found


def _save(connection: sa.Connection, night_id: int, data: dict[str, Any]) -> None:
    connection.execute(
        sa.update(_nights).where(_nights.c.id == night_id).values(snapshot=json.dumps(data))
    )


def _record_acceptances(connection: sa.Connection, night_id: int, night: dict[str, Any]) -> None:
    """Tell the stored answers who accepted them, as the snapshot says."""
    for answer in night.get("answers") or ():
        by = answer.get("accepted_by")
        if not isinstance(by, dict):
            continue
        key = submission_id(night_id, answer["cursor"], answer["player"])
        row = connection.execute(
            sa.select(_answers.c.id, _answers.c.round_id, _answers.c.player_id).where(
                _answers.c.submission_id == key
            )
        ).first()
        if row is None:  # the answer is gone, and who accepted it with it
            continue
        credited = connection.execute(
            sa.select(_scores.c.awarded_at).where(
                _scores.c.round_id == row.round_id, _scores.c.player_id == row.player_id
            )
        ).scalar()
        connection.execute(
            sa.update(_answers)
            .where(_answers.c.id == row.id)
            .values(
                accepted_at=None if credited is None else _utc(credited),
                accepted_by_platform=by["platform"],
                accepted_by_id=by["external_id"],
                accepted_by_name=by["name"][:100],
            )
        )


def upgrade() -> None:
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("accepted_at", TS, nullable=True))
        batch.add_column(sa.Column("accepted_by_platform", sa.String(16), nullable=True))
        batch.add_column(sa.Column("accepted_by_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("accepted_by_name", sa.String(100), nullable=True))
    connection = op.get_bind()
    for night_id, data in _snapshots(connection, 3):
        night = data["night"]
        if night.get("session_id") is not None:
            _record_acceptances(connection, night_id, night)
            night["answers"] = []
        data["version"] = 4
        _save(connection, night_id, data)


def _joker_factor(
    connection: sa.Connection, night_id: int, team_play: bool
) -> dict[tuple[str, str, int], int]:
    """2 for each (platform, player id, round) whose side played its joker on the round."""
    played = {
        (contestant, round_index)
        for contestant, round_index in connection.execute(
            sa.select(_jokers.c.contestant, _jokers.c.round).where(_jokers.c.night_id == night_id)
        )
    }
    factors: dict[tuple[str, str, int], int] = {}
    signups = connection.execute(
        sa.select(_signups.c.platform, _signups.c.external_id, _signups.c.team).where(
            _signups.c.night_id == night_id
        )
    )
    for platform, external_id, team in signups:
        if team_play and team is not None:
            side = "team:" + " ".join(team.casefold().split())
        else:
            side = f"player:{platform}:{external_id}"
        for contestant, round_index in played:
            if contestant == side:
                factors[platform, external_id, round_index] = 2
    return factors


def _accepted_answers(
    connection: sa.Connection, night_id: int, night: dict[str, Any]
) -> list[dict[str, Any]]:
    """A session night's answers that name who accepted them, as version 3 held them."""
    plan = night["night"]
    places: dict[int, tuple[int, int]] = {}
    for index, planned in enumerate(plan["rounds"]):
        for question in range(planned["questions"]):
            places[len(places)] = (index, question)
    names = {
        (platform, external_id): name
        for platform, external_id, name in connection.execute(
            sa.select(_signups.c.platform, _signups.c.external_id, _signups.c.name).where(
                _signups.c.night_id == night_id
            )
        )
    }
    factors = _joker_factor(connection, night_id, plan["team_play"])
    skipped = {(c["round"], c["question"]) for c in night.get("skipped", ())}
    rows = connection.execute(
        sa.select(
            _answers,
            _rounds.c.position,
            _rounds.c.item_id,
            _players.c.platform,
            _players.c.external_id,
        )
        .select_from(
            _answers.join(_rounds, _rounds.c.id == _answers.c.round_id).join(
                _players, _players.c.id == _answers.c.player_id
            )
        )
        .where(
            _rounds.c.session_id == night["session_id"],
            _answers.c.accepted_by_platform.is_not(None),
        )
    ).all()
    answers = []
    for row in sorted(rows, key=lambda r: (_utc(r.submitted_at), r.id)):
        cursor = places.get(row.position)
        name = names.get((row.platform, row.external_id))
        if cursor is None or cursor in skipped or name is None:
            continue
        near_miss = row.close and not row.accepted
        factor = factors.get((row.platform, row.external_id, cursor[0]), 1)
        answers.append(
            {
                "cursor": {"round": cursor[0], "question": cursor[1]},
                "item_id": row.item_id,
                "player": {"platform": row.platform, "external_id": row.external_id, "name": name},
                "text": row.text,
                "correct": row.accepted,
                "near_miss": near_miss,
                "similarity": row.similarity,
                "elapsed_ms": row.elapsed_ms,
                "points": row.points // factor,
                "submitted_at": _utc(row.submitted_at).isoformat(),
                "accepted_by": {
                    "platform": row.accepted_by_platform,
                    "external_id": row.accepted_by_id,
                    "name": row.accepted_by_name or "",
                },
                "rejected": near_miss and row.reviewed,
                "round_id": row.round_id,
            }
        )
    return answers


def downgrade() -> None:
    connection = op.get_bind()
    for night_id, data in _snapshots(connection, 4):
        night = data["night"]
        if night.get("session_id") is not None:
            night["answers"] = _accepted_answers(connection, night_id, night)
        data["version"] = 3
        _save(connection, night_id, data)
    with op.batch_alter_table("answers") as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)
