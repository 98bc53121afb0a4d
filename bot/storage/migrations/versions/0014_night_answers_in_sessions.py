"""Snapshot version 3: a night recorded in a session leaves its answers to the session.

A night's standings, recap and results are computed from the answers its session stores
(``answers`` under the session's ``rounds``). Nights recorded since 0007 store each answer
there as it is given; before the snapshots stop holding them, this back-fill makes sure
nothing only a snapshot holds is lost. For each version 2 snapshot naming a session, an
answer whose submission id (see ``bot.night.ledger``) is not stored is stored as 0007
stored answers: its points with the joker of the night's roster rows applied, accepted
when right, close and reviewed as the near miss was settled. Its question gets a round
when the session has none at its place (closed unless it is the question still on
screen; the snapshot learns the new round's id), and a right answer with points to a
closed question is credited when the player has no score for that round; when anything
was credited, the leaderboard totals and their histogram are rebuilt from the score
rows.

Every version 2 snapshot then becomes version 3: one naming a session keeps only the
answers a host accepted after the fact (who accepted them is not in the answers table);
one naming no session, or a session no longer stored (it forgets that id), keeps every
answer. Downgrading writes version 2 again, each session night's answers read back from
its session as the night reads them (questions from the rounds' places, the joker taken
off the points, answers to skipped questions and of members not signed up left out,
the order given; who accepted from the snapshot); the back-filled rows stay.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
GLOBAL_SCOPE = -1

_nights = sa.table("quiz_nights", sa.column("id", sa.Integer), sa.column("snapshot", sa.Text))
_sessions = sa.table("sessions", sa.column("id", sa.Integer))
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
_players = sa.table(
    "players",
    sa.column("id", sa.Integer),
    *(sa.column(name, sa.String) for name in ("platform", "external_id", "display_name")),
    sa.column("created_at", TS),
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
    """The submission id the night's ledger gives an answer (see ``bot.night.ledger``)."""
    key = f"{night_id}:{cursor['round']}:{cursor['question']}"
    key += f":{player['platform']}:{player['external_id']}"
    return "night:" + hashlib.sha256(key.encode()).hexdigest()[:40]


def _utc(value: Any) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _cursor(value: dict[str, int]) -> tuple[int, int]:
    return value["round"], value["question"]


def _joker_factor(
    connection: sa.Connection, night_id: int, team_play: bool
) -> dict[tuple[str, str, int], int]:
    """2 for each (platform, player id, round) whose side played its joker on the round.

    As ``bot.night.standings``: the side is the player's team with team play, else the
    player; the roster is the night's rows (moved out of the snapshots by 0012).
    """
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


def _player_id(connection: sa.Connection, player: dict[str, str], at: datetime) -> int:
    found = connection.execute(
        sa.select(_players.c.id).where(
            _players.c.platform == player["platform"],
            _players.c.external_id == player["external_id"],
        )
    ).scalar()
    if found is not None:
        return int(found)
    return int(
        connection.execute(
            sa.insert(_players)
            .values(
                platform=player["platform"],
                external_id=player["external_id"],
                display_name=player["name"][:100],
                created_at=at,
            )
            .returning(_players.c.id)
        ).scalar_one()
    )


def _round_id(
    connection: sa.Connection,
    session_id: int,
    position: int,
    answer: dict[str, Any],
    night: dict[str, Any],
) -> tuple[int, bool]:
    """The round at the answer's place in the session, opened now if there is none; and
    whether its question is still on screen (not to be credited yet)."""
    current = night.get("question")
    on_screen = (
        current is not None
        and _cursor(current["cursor"]) == _cursor(answer["cursor"])
        and not current["revealed"]
        and night["status"] != "finished"
    )
    found = connection.execute(
        sa.select(_rounds.c.id).where(
            _rounds.c.session_id == session_id, _rounds.c.position == position
        )
    ).scalar()
    if found is not None:
        return int(found), on_screen
    at = _utc(answer["submitted_at"])
    opened_at = (
        _utc(current["opened_at"])
        if on_screen
        else at - timedelta(milliseconds=answer["elapsed_ms"])
    )
    new_id = int(
        connection.execute(
            sa.insert(_rounds)
            .values(
                session_id=session_id,
                position=position,
                item_id=answer["item_id"],
                opened_at=opened_at,
                closed_at=None if on_screen else at,
                winner_id=None,
                time_limit_ms=round(night["night"]["time_limit_seconds"] * 1000),
                hints_used=0,
            )
            .returning(_rounds.c.id)
        ).scalar_one()
    )
    for other in night["answers"]:
        if _cursor(other["cursor"]) == _cursor(answer["cursor"]):
            other["round_id"] = new_id
    if current is not None and _cursor(current["cursor"]) == _cursor(answer["cursor"]):
        current["round_id"] = new_id
    return new_id, on_screen


def _backfill_night(connection: sa.Connection, night_id: int, night: dict[str, Any]) -> bool:
    """Store the snapshot's answers its session lacks; whether any was credited."""
    session_id = night["session_id"]
    plan = night["night"]
    offsets = [sum(r["questions"] for r in plan["rounds"][:i]) for i in range(len(plan["rounds"]))]
    wanted = {submission_id(night_id, a["cursor"], a["player"]): a for a in night["answers"]}
    stored = set(
        connection.scalars(
            sa.select(_answers.c.submission_id).where(_answers.c.submission_id.in_(list(wanted)))
        )
    )
    missing = [(key, a) for key, a in wanted.items() if key not in stored]
    if not missing:
        return False
    factors = _joker_factor(connection, night_id, plan["team_play"])
    credited = False
    for key, answer in missing:
        round_index, question = _cursor(answer["cursor"])
        player = answer["player"]
        at = _utc(answer["submitted_at"])
        round_id, on_screen = _round_id(
            connection, session_id, offsets[round_index] + question, answer, night
        )
        player_id = _player_id(connection, player, at)
        factor = factors.get((player["platform"], player["external_id"], round_index), 1)
        points = answer["points"] * factor
        accepted_later = answer.get("accepted_by") is not None
        connection.execute(
            sa.insert(_answers).values(
                round_id=round_id,
                player_id=player_id,
                text=answer["text"][:400],
                submitted_at=at,
                accepted=answer["correct"],
                close=answer["near_miss"] or accepted_later,
                similarity=answer["similarity"],
                elapsed_ms=answer["elapsed_ms"],
                points=points,
                submission_id=key,
                reviewed=accepted_later or answer.get("rejected", False),
            )
        )
        scored = connection.execute(
            sa.select(_scores.c.round_id).where(
                _scores.c.round_id == round_id, _scores.c.player_id == player_id
            )
        ).first()
        if answer["correct"] and points > 0 and not on_screen and scored is None:
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
            credited = True
    return credited


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


def _version_3(night: dict[str, Any], session_stored: bool) -> None:
    """Turn a version 2 snapshot's night into version 3's (see the module)."""
    if night.get("session_id") is None:
        return
    if not session_stored:
        night["session_id"] = None
        return
    night["answers"] = [a for a in night["answers"] if a.get("accepted_by") is not None]


def upgrade() -> None:
    connection = op.get_bind()
    sessions = set(connection.scalars(sa.select(_sessions.c.id)))
    rows = connection.execute(
        sa.select(_nights.c.id, _nights.c.snapshot)
        .where(_nights.c.snapshot.is_not(None))
        .order_by(_nights.c.id)
    ).all()
    credited = False
    for night_id, text in rows:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if not isinstance(data, dict) or data.get("version") != 2:
            continue
        night = data.get("night")
        if not isinstance(night, dict) or not isinstance(night.get("answers"), list):
            continue
        if night.get("session_id") in sessions and night["answers"]:
            credited = _backfill_night(connection, night_id, night) or credited
        _version_3(night, night.get("session_id") in sessions)
        data["version"] = 3
        connection.execute(
            sa.update(_nights).where(_nights.c.id == night_id).values(snapshot=json.dumps(data))
        )
    if credited:
        _rebuild_boards(connection)


def _stored_answers(
    connection: sa.Connection, night_id: int, night: dict[str, Any]
) -> list[dict[str, Any]]:
    """A session night's answers as version 2 held them, read back from its session."""
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
    skipped = {_cursor(c) for c in night.get("skipped", ())}
    accepted_by = {
        (_cursor(a["cursor"]), a["player"]["platform"], a["player"]["external_id"]): a[
            "accepted_by"
        ]
        for a in night.get("answers", ())
    }
    rows = connection.execute(
        sa.select(
            _answers.c.id,
            _answers.c.round_id,
            _rounds.c.position,
            _rounds.c.item_id,
            _players.c.platform,
            _players.c.external_id,
            _answers.c.text,
            _answers.c.submitted_at,
            _answers.c.accepted,
            _answers.c.close,
            _answers.c.reviewed,
            _answers.c.similarity,
            _answers.c.elapsed_ms,
            _answers.c.points,
        )
        .select_from(
            _answers.join(_rounds, _rounds.c.id == _answers.c.round_id).join(
                _players, _players.c.id == _answers.c.player_id
            )
        )
        .where(_rounds.c.session_id == night["session_id"])
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
                "accepted_by": accepted_by.get((cursor, row.platform, row.external_id)),
                "rejected": near_miss and row.reviewed,
                "round_id": row.round_id,
            }
        )
    return answers


def downgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(_nights.c.id, _nights.c.snapshot)
        .where(_nights.c.snapshot.is_not(None))
        .order_by(_nights.c.id)
    ).all()
    for night_id, text in rows:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if not isinstance(data, dict) or data.get("version") != 3:
            continue
        night = data.get("night")
        if not isinstance(night, dict):
            continue
        if night.get("session_id") is not None:
            night["answers"] = _stored_answers(connection, night_id, night)
        data["version"] = 2
        connection.execute(
            sa.update(_nights).where(_nights.c.id == night_id).values(snapshot=json.dumps(data))
        )
