"""A night's state is kept as rows: ``quiz_nights.snapshot`` goes.

``quiz_nights`` gains the plan (title, mode, team play, host, tie-breaker, the rules it
plays by, time limit, event), where the night is (host in control, rounds done, pause,
end, tie-breaker message) and the question on screen (``open_`` columns); new tables hold
the planned rounds (``night_round_plans``), the questions drawn with their time limits
(``night_questions``), co-hosts (``night_cohosts``), skipped questions (``night_skips``)
and tie-breaker contenders (``night_contenders``). Each version 4 snapshot is written out
as those rows. A night without a session whose snapshot still holds answers (saved before
nights had sessions, or whose session was gone) is recorded as a session first, as 0007
recorded nights (rounds, answers, points credited, final standings of a finished night;
the leaderboards rebuilt from the score rows), with who accepted a near miss as 0015 keeps
it; its answers are then the session's, as every other night's.

A snapshot that cannot be read (not JSON, another version, a field missing or malformed,
an answer, skip or open question at a place not drawn) is not lost: it moves as it is to
``night_snapshot_quarantine``, one line is logged for it, and its night is no longer read
(before, reading it failed); an operator can mend it from there. Then the column is
dropped.

Downgrading writes every night back as a version 4 snapshot (a night with a session
holds no answers; the sessions recorded here stay), puts quarantined snapshots back as
they were, and drops the new columns and tables.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import import_module
from typing import Any, TypeVar

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
VERSION = 4
STATUSES = {
    "scheduled",
    "signing_up",
    "running",
    "paused",
    "between_rounds",
    "tie_break",
    "finished",
}
MODES = {"race", "quiz"}

log = logging.getLogger(__name__)

# A night without a session is recorded exactly as 0007 recorded nights, and who accepted
# a near miss as 0015 keeps it.
_recorded = import_module("bot.storage.migrations.versions.0007_night_sessions")
_accepted = import_module("bot.storage.migrations.versions.0015_near_miss_acceptances")

_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("title", sa.Text()),
    ("mode", sa.String(16)),
    ("team_play", sa.Boolean()),
    ("host_platform", sa.String(16)),
    ("host_id", sa.String(64)),
    ("host_name", sa.String(100)),
    ("tie_breaker_question", sa.Text()),
    ("tie_breaker_answer", sa.Float()),
    ("tie_break_enabled", sa.Boolean()),
    ("joker_enabled", sa.Boolean()),
    ("hints", sa.Boolean()),
    ("streaks", sa.Boolean()),
    ("reading_time", sa.Boolean()),
    ("time_limit_seconds", sa.Float()),
    ("event_id", sa.BigInteger()),
    ("controller_platform", sa.String(16)),
    ("controller_id", sa.String(64)),
    ("controller_name", sa.String(100)),
    ("rounds_done", sa.Integer()),
    ("paused_at", TS),
    ("finished_at", TS),
    ("tie_break_message_id", sa.BigInteger()),
    ("open_round", sa.Integer()),
    ("open_question", sa.Integer()),
    ("open_item_id", sa.String(64)),
    ("open_opened_at", TS),
    ("open_deadline", TS),
    ("open_revealed", sa.Boolean()),
    ("open_message_id", sa.BigInteger()),
    ("open_checked_at", TS),
    ("open_round_id", sa.Integer()),
    ("open_hints_used", sa.Integer()),
)

_nights = sa.table(
    "quiz_nights",
    sa.column("id", sa.Integer),
    *(sa.column(name, sa.BigInteger) for name in ("guild_id", "channel_id")),
    sa.column("status", sa.String),
    sa.column("starts_at", TS),
    sa.column("snapshot", sa.Text),
    *(sa.column(name, kind) for name, kind in _COLUMNS),
)
_plans = sa.table(
    "night_round_plans",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position", "questions")),
    sa.column("category", sa.Text),
)
_questions = sa.table(
    "night_questions",
    *(sa.column(name, sa.Integer) for name in ("night_id", "round", "position")),
    sa.column("item_id", sa.String),
    sa.column("time_limit", sa.Float),
)
_cohosts = sa.table(
    "night_cohosts",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position")),
    *(sa.column(name, sa.String) for name in ("platform", "external_id", "name")),
)
_skips = sa.table(
    "night_skips",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position", "round", "question")),
)
_contenders = sa.table(
    "night_contenders",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position")),
    sa.column("contestant", sa.String),
)
_quarantine = sa.table(
    "night_snapshot_quarantine", sa.column("night_id", sa.Integer), sa.column("snapshot", sa.Text)
)
_night_sessions = sa.table(
    "night_sessions", *(sa.column(name, sa.Integer) for name in ("night_id", "session_id"))
)
_sessions = sa.table("sessions", sa.column("id", sa.Integer))
_signups = sa.table(
    "night_signups",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position")),
    *(sa.column(name, sa.String) for name in ("platform", "external_id", "name", "team")),
)
_jokers = sa.table(
    "night_jokers",
    *(sa.column(name, sa.Integer) for name in ("night_id", "position", "round")),
    sa.column("contestant", sa.String),
)


class UnreadableError(ValueError):
    """A snapshot field is missing or malformed."""


_T = TypeVar("_T")


def _of(kind: type[_T], value: object) -> _T:
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise UnreadableError(f"{value!r} is no {kind.__name__}")
    return value


def _text(value: object) -> str:
    return _of(str, value)


def _int(value: object) -> int:
    return _of(int, value)


def _flag(value: object) -> bool:
    return _of(bool, value)


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UnreadableError(f"{value!r} is no number")
    return float(value)


def _moment(value: object) -> datetime:
    moment = datetime.fromisoformat(_text(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _maybe(read: Callable[[object], _T], value: object) -> _T | None:
    return None if value is None else read(value)


def _list(value: object) -> list[Any]:
    return _of(list, value)


def _dict(value: object) -> dict[str, Any]:
    return _of(dict, value)


def _player(value: object) -> tuple[str, str, str]:
    player = _dict(value)
    return _text(player["platform"]), _text(player["external_id"]), _text(player["name"])


def _check_answer(answer: dict[str, Any], asked: set[tuple[int, int]]) -> None:
    """Check the fields of an answer 0007 records (see :func:`_record`)."""
    for value in (answer["elapsed_ms"], answer["points"]):
        _int(value)
    for flag in (answer["correct"], answer["near_miss"]):
        _flag(flag)
    _cursor(answer["cursor"], asked)
    _player(answer["player"])
    _moment(answer["submitted_at"])
    _text(answer["text"])
    _number(answer["similarity"])


def _cursor(value: object, asked: set[tuple[int, int]]) -> tuple[int, int]:
    """A question's place, which must be one of the questions drawn."""
    cursor = _dict(value)
    place = _int(cursor["round"]), _int(cursor["question"])
    if place not in asked:
        raise UnreadableError(f"question {place} was not drawn")
    return place


def _rows(night_id: int, night: dict[str, Any]) -> dict[str, Any]:
    """The rows a version 4 snapshot's night becomes, by table.

    Raises:
        UnreadableError, KeyError, TypeError, ValueError: a field is missing or malformed.
    """
    plan = _dict(night["night"])
    status, mode = _text(night["status"]), _text(plan["mode"])
    if status not in STATUSES or mode not in MODES:
        raise UnreadableError(f"status {status!r} or mode {mode!r} is unknown")
    host = _player(plan["host"])
    controller = _player(night["controller"])
    tie_breaker = _dict(plan["tie_breaker"])
    question = _maybe(_dict, night.get("question"))
    opened: dict[str, Any] = dict.fromkeys(name for name, _ in _COLUMNS if name[:5] == "open_")
    if question is not None:
        cursor = _dict(question["cursor"])
        opened = {
            "open_round": _int(cursor["round"]),
            "open_question": _int(cursor["question"]),
            "open_item_id": _text(question["item_id"]),
            "open_opened_at": _moment(question["opened_at"]),
            "open_deadline": _moment(question["deadline"]),
            "open_revealed": _flag(question.get("revealed", False)),
            "open_message_id": _maybe(_int, question.get("message_id")),
            "open_checked_at": _maybe(_moment, question.get("checked_at")),
            "open_round_id": _maybe(_int, question.get("round_id")),
            "open_hints_used": _int(question.get("hints_used", 0)),
        }
    columns = {
        "guild_id": _int(plan["guild_id"]),
        "channel_id": _int(plan["channel_id"]),
        "status": status,
        "starts_at": _moment(plan["starts_at"]),
        "title": _text(plan["title"]),
        "mode": mode,
        "team_play": _flag(plan["team_play"]),
        "host_platform": host[0],
        "host_id": host[1],
        "host_name": host[2][:100],
        "tie_breaker_question": _text(tie_breaker["question"]),
        "tie_breaker_answer": _number(tie_breaker["answer"]),
        "tie_break_enabled": _flag(plan.get("tie_break_enabled", True)),
        "joker_enabled": _flag(plan.get("joker_enabled", False)),
        "hints": _flag(plan.get("hints", False)),
        "streaks": _flag(plan.get("streaks", False)),
        "reading_time": _flag(plan.get("reading_time", False)),
        "time_limit_seconds": _number(plan.get("time_limit_seconds", 30.0)),
        "event_id": _maybe(_int, plan.get("event_id")),
        "controller_platform": controller[0],
        "controller_id": controller[1],
        "controller_name": controller[2][:100],
        "rounds_done": _int(night.get("rounds_done", 0)),
        "paused_at": _maybe(_moment, night.get("paused_at")),
        "finished_at": _maybe(_moment, night.get("finished_at")),
        "tie_break_message_id": _maybe(_int, night.get("tie_break_message_id")),
        **opened,
    }
    drawn = [[_text(item) for item in _list(items)] for items in _list(night.get("questions", []))]
    limits = [[_number(v) for v in _list(vs)] for vs in _list(night.get("time_limits", []))]
    if limits and [len(v) for v in limits] != [len(items) for items in drawn]:
        raise UnreadableError("the time limits do not match the questions drawn")
    planned = [_int(_dict(r)["questions"]) for r in _list(plan["rounds"])]
    if drawn and [len(items) for items in drawn] != planned:
        raise UnreadableError("the questions drawn do not match the rounds planned")
    asked = {(r, q) for r, items in enumerate(drawn) for q in range(len(items))}
    if question is not None:
        _cursor(question["cursor"], asked)
    for cursor in _list(night.get("skipped", [])):
        _cursor(cursor, asked)
    _maybe(_int, night.get("session_id"))
    for answer in _list(night.get("answers", [])):
        _check_answer(_dict(answer), asked)
    return {
        "columns": columns,
        "plans": [
            {
                "night_id": night_id,
                "position": position,
                "category": _text(_dict(r)["category"]),
                "questions": _int(r["questions"]),
            }
            for position, r in enumerate(_list(plan["rounds"]))
        ],
        "questions": [
            {
                "night_id": night_id,
                "round": round_index,
                "position": position,
                "item_id": item_id,
                "time_limit": limits[round_index][position] if limits else None,
            }
            for round_index, items in enumerate(drawn)
            for position, item_id in enumerate(items)
        ],
        "cohosts": [
            dict(zip(("platform", "external_id", "name"), _player(c), strict=True))
            | {"night_id": night_id, "position": position}
            for position, c in enumerate(_list(night.get("cohosts", [])))
        ],
        "skips": [
            {
                "night_id": night_id,
                "position": position,
                "round": _int(_dict(c)["round"]),
                "question": _int(c["question"]),
            }
            for position, c in enumerate(_list(night.get("skipped", [])))
        ],
        "contenders": [
            {"night_id": night_id, "position": position, "contestant": _text(c)}
            for position, c in enumerate(_list(night.get("contenders", [])))
        ],
    }


def _record(connection: sa.Connection, night_id: int, night: dict[str, Any]) -> None:
    """Record a night without a session that holds answers as 0007 did; link the session.

    0007 read the roster from the snapshot: it is given the night's roster rows. The
    snapshot learns the session's id and the rounds' (its question's and answers').
    """
    signups = connection.execute(
        sa.select(_signups).where(_signups.c.night_id == night_id).order_by(_signups.c.position)
    ).all()
    jokers = connection.execute(
        sa.select(_jokers.c.contestant, _jokers.c.round).where(_jokers.c.night_id == night_id)
    ).all()
    whole = {
        **night,
        "skipped": night.get("skipped", []),
        "rounds_done": night.get("rounds_done", 0),
        "participants": [
            {"player": _ref(s.platform, s.external_id, s.name), "team": s.team} for s in signups
        ],
        "jokers": [{"contestant": j.contestant, "round": j.round} for j in jokers],
    }
    _recorded._backfill_night(connection, night_id, whole)
    night["session_id"] = whole["session_id"]
    connection.execute(
        sa.insert(_night_sessions).values(night_id=night_id, session_id=night["session_id"])
    )
    _accepted._record_acceptances(connection, night_id, night)


def _quarantine_night(connection: sa.Connection, night_id: int, text: str, why: str) -> None:
    connection.execute(sa.insert(_quarantine).values(night_id=night_id, snapshot=text))
    log.warning(
        "quiz night %d: its snapshot cannot be read (%s); kept as it was in "
        "night_snapshot_quarantine",
        night_id,
        why,
    )


def _create_tables() -> None:
    # Plain ALTER TABLE, not batch mode: copying quiz_nights on SQLite would delete the rows
    # of every table referencing it (foreign keys cascade).
    for name, kind in _COLUMNS:
        op.add_column("quiz_nights", sa.Column(name, kind, nullable=True))

    def night_id() -> sa.Column[int]:
        return sa.Column(
            "night_id", sa.Integer, sa.ForeignKey("quiz_nights.id", ondelete="CASCADE")
        )

    def position() -> sa.Column[int]:
        return sa.Column("position", sa.Integer)

    op.create_table(
        "night_round_plans",
        night_id(),
        position(),
        sa.Column("category", sa.Text, nullable=False),
        sa.Column("questions", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("night_id", "position"),
    )
    op.create_table(
        "night_questions",
        night_id(),
        sa.Column("round", sa.Integer),
        position(),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("time_limit", sa.Float, nullable=True),
        sa.PrimaryKeyConstraint("night_id", "round", "position"),
    )
    op.create_table(
        "night_cohosts",
        night_id(),
        position(),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("external_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("night_id", "position"),
    )
    op.create_table(
        "night_skips",
        night_id(),
        position(),
        sa.Column("round", sa.Integer, nullable=False),
        sa.Column("question", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("night_id", "position"),
    )
    op.create_table(
        "night_contenders",
        night_id(),
        position(),
        sa.Column("contestant", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("night_id", "position"),
    )
    op.create_table(
        "night_snapshot_quarantine",
        sa.Column(
            "night_id",
            sa.Integer,
            sa.ForeignKey("quiz_nights.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("snapshot", sa.Text, nullable=False),
    )


_TABLES = {
    "plans": _plans,
    "questions": _questions,
    "cohosts": _cohosts,
    "skips": _skips,
    "contenders": _contenders,
}


def upgrade() -> None:
    _create_tables()
    connection = op.get_bind()
    sessions = set(connection.scalars(sa.select(_sessions.c.id)))
    linked = dict(
        connection.execute(
            sa.select(_night_sessions.c.night_id, _night_sessions.c.session_id)
        ).all()
    )
    snapshots = connection.execute(
        sa.select(_nights.c.id, _nights.c.snapshot)
        .where(_nights.c.snapshot.is_not(None))
        .order_by(_nights.c.id)
    ).all()
    recorded = False
    for night_id, text in snapshots:
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("version") != VERSION:
                raise UnreadableError(f"not a version {VERSION} snapshot")
            night = _dict(data.get("night"))
            _rows(night_id, night)
        except (UnreadableError, KeyError, TypeError, ValueError) as exc:
            _quarantine_night(connection, night_id, text, str(exc) or type(exc).__name__)
            continue
        session_id = night.get("session_id")
        if night_id in linked:  # its session's row is there since 0013
            pass
        elif session_id in sessions and session_id not in linked.values():
            connection.execute(
                sa.insert(_night_sessions).values(night_id=night_id, session_id=session_id)
            )
            linked[night_id] = session_id
        elif night.get("answers"):  # no session (0014 forgot the ids of sessions gone)
            night["session_id"] = None
            _record(connection, night_id, night)
            linked[night_id] = night["session_id"]
            recorded = True
        rows = _rows(night_id, night)
        connection.execute(
            sa.update(_nights).where(_nights.c.id == night_id).values(rows["columns"])
        )
        for key, table in _TABLES.items():
            if rows[key]:
                connection.execute(sa.insert(table), rows[key])
    if recorded:
        _recorded._rebuild_boards(connection)
    op.drop_column("quiz_nights", "snapshot")


def _iso(moment: datetime | None) -> str | None:
    """As the snapshots wrote times: UTC, ``Z`` (SQLite hands them back without a zone)."""
    if moment is None:
        return None
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return aware.isoformat().replace("+00:00", "Z")


def _by_night(
    connection: sa.Connection, table: sa.TableClause, *order: str
) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = {}
    query = sa.select(table).order_by(table.c.night_id, *(table.c[name] for name in order))
    for row in connection.execute(query):
        found.setdefault(row.night_id, []).append(row)
    return found


def _ref(platform: str, external_id: str, name: str) -> dict[str, str]:
    return {"platform": platform, "external_id": external_id, "name": name}


def _snapshot(row: Any, parts: dict[str, dict[int, list[Any]]], session_id: int | None) -> str:
    """A night's rows as the version 4 snapshot the code before this revision wrote."""
    night_id = row.id
    drawn: dict[int, list[Any]] = {}
    for q in parts["questions"].get(night_id, []):
        drawn.setdefault(q.round, []).append(q)
    count = max([len(parts["plans"].get(night_id, []))] + [r + 1 for r in drawn])
    questions = [[q.item_id for q in drawn.get(r, [])] for r in range(count)] if drawn else []
    timed = any(q.time_limit is not None for qs in drawn.values() for q in qs)
    question = None
    if row.open_round is not None:
        question = {
            "cursor": {"round": row.open_round, "question": row.open_question},
            "item_id": row.open_item_id,
            "opened_at": _iso(row.open_opened_at),
            "deadline": _iso(row.open_deadline),
            "revealed": row.open_revealed,
            "message_id": row.open_message_id,
            "checked_at": _iso(row.open_checked_at),
            "round_id": row.open_round_id,
            "hints_used": row.open_hints_used,
        }
    night = {
        "night": {
            "id": night_id,
            "guild_id": row.guild_id,
            "channel_id": row.channel_id,
            "title": row.title,
            "starts_at": _iso(row.starts_at),
            "rounds": [
                {"category": p.category, "questions": p.questions}
                for p in parts["plans"].get(night_id, [])
            ],
            "mode": row.mode,
            "team_play": row.team_play,
            "host": _ref(row.host_platform, row.host_id, row.host_name),
            "tie_breaker": {
                "question": row.tie_breaker_question,
                "answer": row.tie_breaker_answer,
            },
            "joker_enabled": row.joker_enabled,
            "time_limit_seconds": row.time_limit_seconds,
            "tie_break_enabled": row.tie_break_enabled,
            "event_id": row.event_id,
            "hints": row.hints,
            "streaks": row.streaks,
            "reading_time": row.reading_time,
        },
        "status": row.status,
        "controller": _ref(row.controller_platform, row.controller_id, row.controller_name),
        "cohosts": [
            _ref(c.platform, c.external_id, c.name) for c in parts["cohosts"].get(night_id, [])
        ],
        "questions": questions,
        "question": question,
        "paused_at": _iso(row.paused_at),
        "answers": [],
        "skipped": [
            {"round": s.round, "question": s.question} for s in parts["skips"].get(night_id, [])
        ],
        "rounds_done": row.rounds_done,
        "contenders": [c.contestant for c in parts["contenders"].get(night_id, [])],
        "finished_at": _iso(row.finished_at),
        "tie_break_message_id": row.tie_break_message_id,
        "session_id": session_id,
        "time_limits": (
            [[q.time_limit for q in drawn.get(r, [])] for r in range(count)] if timed else []
        ),
    }
    return json.dumps({"version": VERSION, "night": night})


def downgrade() -> None:
    op.add_column("quiz_nights", sa.Column("snapshot", sa.Text, nullable=True))
    connection = op.get_bind()
    parts = {
        "plans": _by_night(connection, _plans, "position"),
        "questions": _by_night(connection, _questions, "round", "position"),
        "cohosts": _by_night(connection, _cohosts, "position"),
        "skips": _by_night(connection, _skips, "position"),
        "contenders": _by_night(connection, _contenders, "position"),
    }
    linked = dict(
        connection.execute(
            sa.select(_night_sessions.c.night_id, _night_sessions.c.session_id)
        ).all()
    )
    nights = connection.execute(
        sa.select(_nights).where(_nights.c.title.is_not(None)).order_by(_nights.c.id)
    ).all()
    for row in nights:
        connection.execute(
            sa.update(_nights)
            .where(_nights.c.id == row.id)
            .values(snapshot=_snapshot(row, parts, linked.get(row.id)))
        )
    for night_id, text in connection.execute(sa.select(_quarantine)).all():
        connection.execute(sa.update(_nights).where(_nights.c.id == night_id).values(snapshot=text))
    for table in (*reversed(_TABLES.values()), _quarantine):
        op.drop_table(table.name)
    for name, _ in reversed(_COLUMNS):
        op.drop_column("quiz_nights", name)
