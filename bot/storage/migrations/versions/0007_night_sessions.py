"""Quiz nights are recorded as sessions of the play engine (``format`` 'night'), so their
points count in leaderboards and statistics.

Back-fill: every night whose questions were drawn becomes a session of format 'night' with
a round per question asked, an answer row per answer its snapshot holds and a score row
per right answer of a closed question (its points with the joker applied, awarded when
the answer was given); a finished night gets its final standings too. The snapshot learns
the ids (``session_id``, the open question's and each answer's ``round_id``) so the night
goes on recording where it was. Snapshots do not hold everything the tables do, so:

- a question's opening time is its first answer's start (the night's start without
  answers) and its closing time its last answer (or its opening);
- answers to skipped questions were dropped from the snapshot and cannot be back-filled
  (they scored nothing); the rounds of an interrupted round after its last question
  answered or skipped are not known and get no row;
- a snapshot that cannot be read (not JSON, unknown version) is left as it is, unrecorded.

The one-round sessions credited so far for nights planned to count on the leaderboard
(item ``night:<id>``) are removed: their points are now the night's own answers. When
anything was back-filled or removed, the leaderboard totals and their histogram are
rebuilt from the score rows. Downgrading removes the night sessions and rebuilds the
totals likewise (the old one-round credits do not come back).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
GLOBAL_SCOPE = -1

_nights = sa.table("quiz_nights", sa.column("id", sa.Integer), sa.column("snapshot", sa.Text))
_sessions = sa.table(
    "sessions",
    *(sa.column(name, sa.Integer) for name in ("id", "question_limit", "time_limit_ms")),
    *(sa.column(name, sa.BigInteger) for name in ("guild_id", "channel_id")),
    *(sa.column(name, sa.String) for name in ("mode", "status", "phase", "format")),
    *(sa.column(name, TS) for name in ("started_at", "ended_at", "phase_at")),
    sa.column("target_score", sa.Integer),
    sa.column("guess_limit", sa.Integer),
    sa.column("streak_bonus", sa.Boolean),
)
_rounds = sa.table(
    "rounds",
    *(sa.column(name, sa.Integer) for name in ("id", "session_id", "position", "time_limit_ms")),
    sa.column("item_id", sa.String),
    sa.column("opened_at", TS),
    sa.column("closed_at", TS),
    sa.column("winner_id", sa.Integer),
    sa.column("hints_used", sa.Integer),
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
)
_scores = sa.table(
    "scores",
    *(sa.column(name, sa.Integer) for name in ("player_id", "session_id", "round_id", "points")),
    sa.column("guild_id", sa.BigInteger),
    sa.column("awarded_at", TS),
)
_results = sa.table(
    "session_results",
    *(sa.column(name, sa.Integer) for name in ("session_id", "player_id", "rank", "points")),
)
_players = sa.table(
    "players",
    sa.column("id", sa.Integer),
    *(sa.column(name, sa.String) for name in ("platform", "external_id", "display_name")),
    sa.column("created_at", TS),
)
_totals = sa.table(
    "leaderboard_totals",
    *(sa.column(name, sa.BigInteger) for name in ("scope", "points")),
    *(sa.column(name, sa.String) for name in ("period", "period_key")),
    sa.column("player_id", sa.Integer),
)
_histogram = sa.table(
    "leaderboard_points",
    *(sa.column(name, sa.BigInteger) for name in ("scope", "points")),
    *(sa.column(name, sa.String) for name in ("period", "period_key")),
    sa.column("players", sa.Integer),
)
_seasons = sa.table("seasons", sa.column("id", sa.Integer), sa.column("started_at", TS))


def submission_id(night_id: int, cursor: dict[str, int], player: dict[str, str]) -> str:
    """The submission id the night service gives an answer (see ``bot.night.ledger``)."""
    key = f"{night_id}:{cursor['round']}:{cursor['question']}"
    key += f":{player['platform']}:{player['external_id']}"
    return "night:" + hashlib.sha256(key.encode()).hexdigest()[:40]


def _utc(value: Any) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _cursors(night: dict[str, Any]) -> list[tuple[int, int]]:
    """The questions asked, in order, as far as the snapshot tells."""
    plan = night["night"]["rounds"]
    seen = [(a["cursor"]["round"], a["cursor"]["question"]) for a in night["answers"]]
    seen += [(c["round"], c["question"]) for c in night["skipped"]]
    if night.get("question"):
        seen.append((night["question"]["cursor"]["round"], night["question"]["cursor"]["question"]))
    done = night["rounds_done"]
    asked = [(r, q) for r in range(min(done, len(plan))) for q in range(plan[r]["questions"])]
    later = [(r, q) for r, q in seen if r >= done]
    if later:
        last = max(later)
        asked += [(last[0], q) for q in range(last[1] + 1)]
    return asked


def _player_ids(connection: sa.Connection, night: dict[str, Any]) -> dict[tuple[str, str], int]:
    ids: dict[tuple[str, str], int] = {}
    for answer in night["answers"]:
        player = answer["player"]
        key = (player["platform"], player["external_id"])
        if key in ids:
            continue
        found = connection.execute(
            sa.select(_players.c.id).where(
                _players.c.platform == key[0], _players.c.external_id == key[1]
            )
        ).scalar()
        if found is None:
            found = connection.execute(
                sa.insert(_players)
                .values(
                    platform=key[0],
                    external_id=key[1],
                    display_name=player["name"][:100],
                    created_at=_utc(answer["submitted_at"]),
                )
                .returning(_players.c.id)
            ).scalar_one()
        ids[key] = found
    return ids


def _joker_factor(night: dict[str, Any], player: dict[str, str], round_index: int) -> int:
    """2 when the player's side played its joker on the round (as ``bot.night.standings``)."""
    plan = night["night"]
    signed = next(
        (
            p
            for p in night["participants"]
            if (p["player"]["platform"], p["player"]["external_id"])
            == (player["platform"], player["external_id"])
        ),
        None,
    )
    if signed is None:
        return 1
    if plan["team_play"] and signed["team"] is not None:
        contestant = "team:" + " ".join(signed["team"].casefold().split())
    else:
        contestant = f"player:{player['platform']}:{player['external_id']}"
    played = any(
        j["contestant"] == contestant and j["round"] == round_index for j in night["jokers"]
    )
    return 2 if played else 1


def _backfill_night(connection: sa.Connection, night_id: int, night: dict[str, Any]) -> None:
    """Record one night's questions and answers as a session; tell the snapshot the ids."""
    plan = night["night"]
    limit_ms = round(plan["time_limit_seconds"] * 1000)
    answers = sorted(night["answers"], key=lambda a: _utc(a["submitted_at"]))
    starts = [_utc(a["submitted_at"]) for a in answers] or [_utc(plan["starts_at"])]
    finished = night["status"] == "finished"
    ended = _utc(night["finished_at"]) if night.get("finished_at") else None
    session_id = connection.execute(
        sa.insert(_sessions)
        .values(
            guild_id=plan["guild_id"],
            channel_id=plan["channel_id"],
            mode=plan["mode"],
            status="finished" if finished else "running",
            question_limit=sum(r["questions"] for r in plan["rounds"]),
            started_at=min(starts),
            ended_at=ended,
            target_score=None,
            time_limit_ms=limit_ms,
            guess_limit=1,
            streak_bonus=False,
            phase="ended" if finished else "between",
            phase_at=ended or min(starts),
            format="night",
        )
        .returning(_sessions.c.id)
    ).scalar_one()
    night["session_id"] = session_id
    offsets = [sum(r["questions"] for r in plan["rounds"][:i]) for i in range(len(plan["rounds"]))]
    current = night.get("question")
    open_cursor = None
    if current is not None and not current["revealed"] and not finished:
        open_cursor = (current["cursor"]["round"], current["cursor"]["question"])
    players = _player_ids(connection, night)
    round_ids: dict[tuple[int, int], int] = {}
    for r, q in _cursors(night):
        given = [a for a in answers if (a["cursor"]["round"], a["cursor"]["question"]) == (r, q)]
        opened = min(
            (_utc(a["submitted_at"]).timestamp() - a["elapsed_ms"] / 1000 for a in given),
            default=None,
        )
        opened_at = min(starts) if opened is None else datetime.fromtimestamp(opened, UTC)
        if current is not None and (r, q) == (
            current["cursor"]["round"],
            current["cursor"]["question"],
        ):
            opened_at = _utc(current["opened_at"])
        closed_at = max((_utc(a["submitted_at"]) for a in given), default=opened_at)
        round_ids[r, q] = connection.execute(
            sa.insert(_rounds)
            .values(
                session_id=session_id,
                position=offsets[r] + q,
                item_id=night["questions"][r][q],
                opened_at=opened_at,
                closed_at=None if (r, q) == open_cursor else closed_at,
                winner_id=None,
                time_limit_ms=limit_ms,
                hints_used=0,
            )
            .returning(_rounds.c.id)
        ).scalar_one()
    if (
        current is not None
        and (current["cursor"]["round"], current["cursor"]["question"]) in round_ids
    ):
        current["round_id"] = round_ids[current["cursor"]["round"], current["cursor"]["question"]]
    totals: dict[int, int] = {}
    for answer in answers:
        cursor, player = answer["cursor"], answer["player"]
        round_id = round_ids.get((cursor["round"], cursor["question"]))
        if round_id is None:
            continue
        answer["round_id"] = round_id
        player_id = players[player["platform"], player["external_id"]]
        points = answer["points"] * _joker_factor(night, player, cursor["round"])
        at = _utc(answer["submitted_at"])
        connection.execute(
            sa.insert(_answers).values(
                round_id=round_id,
                player_id=player_id,
                text=answer["text"][:400],
                submitted_at=at,
                accepted=answer["correct"],
                close=answer["near_miss"] or answer.get("accepted_by") is not None,
                similarity=answer["similarity"],
                elapsed_ms=answer["elapsed_ms"],
                points=points,
                submission_id=submission_id(night_id, cursor, player),
                reviewed=answer.get("accepted_by") is not None or answer.get("rejected", False),
            )
        )
        totals.setdefault(player_id, 0)
        if (
            answer["correct"]
            and points > 0
            and (cursor["round"], cursor["question"]) != open_cursor
        ):
            connection.execute(
                sa.insert(_scores).values(
                    guild_id=plan["guild_id"],
                    player_id=player_id,
                    session_id=session_id,
                    round_id=round_id,
                    points=points,
                    awarded_at=at,
                )
            )
            totals[player_id] += points
    if finished:
        ordered = sorted(totals.items(), key=lambda pair: (-pair[1], pair[0]))
        rank = 0
        for index, (player_id, points) in enumerate(ordered):
            rank = rank if index and ordered[index - 1][1] == points else index + 1
            connection.execute(
                sa.insert(_results).values(
                    session_id=session_id, player_id=player_id, rank=rank, points=points
                )
            )


def _backfill(connection: sa.Connection) -> bool:
    """Record every started night; whether any was."""
    rows = connection.execute(
        sa.select(_nights.c.id, _nights.c.snapshot)
        .where(_nights.c.snapshot.is_not(None))
        .order_by(_nights.c.id)
    ).all()
    recorded = False
    for night_id, text in rows:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if not isinstance(data, dict) or data.get("version") != 1:
            continue
        night = data["night"]
        if not night.get("questions") or night.get("session_id") is not None:
            continue
        _backfill_night(connection, night_id, night)
        connection.execute(
            sa.update(_nights).where(_nights.c.id == night_id).values(snapshot=json.dumps(data))
        )
        recorded = True
    return recorded


def _delete_sessions(connection: sa.Connection, session_ids: list[int]) -> None:
    """Delete sessions with everything stored under them (SQLite may not cascade)."""
    for chunk in range(0, len(session_ids), 500):
        ids = session_ids[chunk : chunk + 500]
        rounds = sa.select(_rounds.c.id).where(_rounds.c.session_id.in_(ids))
        connection.execute(sa.delete(_scores).where(_scores.c.session_id.in_(ids)))
        connection.execute(sa.delete(_answers).where(_answers.c.round_id.in_(rounds)))
        connection.execute(sa.delete(_results).where(_results.c.session_id.in_(ids)))
        connection.execute(sa.delete(_rounds).where(_rounds.c.session_id.in_(ids)))
        connection.execute(sa.delete(_sessions).where(_sessions.c.id.in_(ids)))


def _remove_night_credits(connection: sa.Connection) -> bool:
    """Remove the one-round sessions that credited nights on the leaderboard; whether any."""
    ids = sorted(
        set(
            connection.execute(
                sa.select(_rounds.c.session_id).where(_rounds.c.item_id.like("night:%"))
            ).scalars()
        )
    )
    _delete_sessions(connection, ids)
    return bool(ids)


def _period_keys(at: datetime, season: int | None) -> dict[str, str]:
    """As ``bot.game.ports.period_keys``: the boards a point earned at ``at`` counts on."""
    year, week, _ = at.isocalendar()
    keys = {"week": f"{year}-W{week:02d}", "month": f"{at.year}-{at.month:02d}", "all": ""}
    if season is not None:
        keys["season"] = str(season)
    return keys


def _rebuild_boards(connection: sa.Connection) -> None:
    """Recompute every leaderboard total and the points histogram from the score rows."""
    seasons = sorted(
        (_utc(started), season_id)
        for season_id, started in connection.execute(
            sa.select(_seasons.c.id, _seasons.c.started_at)
        ).all()
    )
    starts = [started for started, _ in seasons]
    totals: dict[tuple[int, str, str, int], int] = defaultdict(int)
    scored = connection.execute(
        sa.select(_scores.c.guild_id, _scores.c.player_id, _scores.c.points, _scores.c.awarded_at)
    )
    for guild_id, player_id, points, awarded in scored:
        at = _utc(awarded)
        index = bisect_right(starts, at)
        season = seasons[index - 1][1] if index else None
        for period, key in _period_keys(at, season).items():
            for scope in (guild_id, GLOBAL_SCOPE):
                totals[scope, period, key, player_id] += points
    connection.execute(sa.delete(_totals))
    connection.execute(sa.delete(_histogram))
    rows = [
        {"scope": s, "period": p, "period_key": k, "player_id": player, "points": points}
        for (s, p, k, player), points in sorted(totals.items())
        if points > 0
    ]
    counts: dict[tuple[int, str, str, int], int] = defaultdict(int)
    for row in rows:
        counts[row["scope"], row["period"], row["period_key"], row["points"]] += 1
    for chunk in range(0, len(rows), 5000):
        connection.execute(sa.insert(_totals), rows[chunk : chunk + 5000])
    histogram = [
        {"scope": s, "period": p, "period_key": k, "points": v, "players": n}
        for (s, p, k, v), n in sorted(counts.items())
    ]
    for chunk in range(0, len(histogram), 5000):
        connection.execute(sa.insert(_histogram), histogram[chunk : chunk + 5000])


def _forget_ids(connection: sa.Connection) -> None:
    """Take the session and round ids out of the snapshots (their rows are gone)."""
    rows = connection.execute(
        sa.select(_nights.c.id, _nights.c.snapshot).where(_nights.c.snapshot.is_not(None))
    ).all()
    for night_id, text in rows:
        try:
            data = json.loads(text)
            night = data["night"]
        except (ValueError, TypeError, KeyError):
            continue
        if night.get("session_id") is None:
            continue
        night.pop("session_id")
        for answer in night.get("answers", ()):
            answer.pop("round_id", None)
        if night.get("question"):
            night["question"].pop("round_id", None)
        connection.execute(
            sa.update(_nights).where(_nights.c.id == night_id).values(snapshot=json.dumps(data))
        )


def upgrade() -> None:
    # Plain ALTER TABLE, never a batch copy: on SQLite, dropping the copied ``sessions``
    # table would cascade to every round, answer and score.
    op.add_column(
        "sessions", sa.Column("format", sa.String(16), nullable=False, server_default="game")
    )
    connection = op.get_bind()
    removed = _remove_night_credits(connection)
    if _backfill(connection) or removed:
        _rebuild_boards(connection)


def downgrade() -> None:
    connection = op.get_bind()
    nights = list(
        connection.execute(sa.select(_sessions.c.id).where(_sessions.c.format == "night")).scalars()
    )
    _delete_sessions(connection, nights)
    if nights:
        _rebuild_boards(connection)
    _forget_ids(connection)
    # SQLite drops a column in place (3.35 and later), without copying the table.
    op.drop_column("sessions", "format")
