"""Crediting points atomically: the round's winner, the score row and the leaderboard totals.

Points are credited with conditional writes the database enforces, so a round is won at
most once and a player scores at most once per round even under concurrent submissions.
Leaderboard totals, and the histogram of totals per board that ranks are counted from, are
kept on write in the same transaction as the score they sum.

Many credits are written together, a few statements for all of them (one per table): a
batch of answers costs the same handful of statements whether it holds one winner or
fifty. The result is the same as crediting them one by one in their order: the first
candidate of a race claims the round, later ones lose it, and totals add up.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Insert, bindparam, delete, select, update
from sqlalchemy.orm import Session

from bot.game.models import (
    AwardOutcome,
    GuildId,
    GuildSettings,
    PlayerRef,
    SeasonId,
    SessionFormat,
)
from bot.game.ports import GLOBAL_SCOPE, StorageError, period_keys
from bot.storage.sql.base import (
    NEW_FORMATS,
    NEW_PLAYERS,
    NEW_ROUNDS,
    NEW_SESSIONS,
    SqlDatabase,
    insert_into,
    prepared,
    rowcount,
)
from bot.storage.tables import (
    GuildSettingsRow,
    LeaderboardPointsRow,
    LeaderboardTotalRow,
    PlayerRow,
    RoundRow,
    ScoreRow,
    SeasonRow,
    SessionRow,
)

_Board = tuple[int, str, str]
_Total = tuple[int, str, str, int]
"""A leaderboard total's key: (scope, period, period key, player id)."""

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Candidate:
    """Points a player may be credited for a round (a race's first claim wins it)."""

    round_id: int
    player_id: int
    points: int
    at: datetime
    race: bool


class _Seasons:
    """The seasons started by a moment, read once per batch of credits."""

    def __init__(self, session: Session, latest: datetime) -> None:
        rows = session.execute(
            select(SeasonRow.started_at, SeasonRow.id)
            .where(SeasonRow.started_at <= latest)
            .order_by(SeasonRow.started_at, SeasonRow.id)
        ).all()
        self._starts = [started for started, _ in rows]
        self._ids = [season_id for _, season_id in rows]

    def at(self, at: datetime) -> SeasonId | None:
        """The newest season started at or before ``at`` (the last one on a tie)."""
        index = bisect_right(self._starts, at)
        return None if index == 0 else SeasonId(self._ids[index - 1])


class Crediting:
    """Player and round look-ups (cached) and the one way points are credited."""

    def __init__(self, db: SqlDatabase) -> None:
        self._db = db

    def player_id(self, session: Session, player: PlayerRef, now: datetime) -> int:
        """The player's id, the player stored first if new."""
        return self.player_ids_of(session, [(player, now)])[0]

    def player_ids_of(
        self, session: Session, arrivals: list[tuple[PlayerRef, datetime]]
    ) -> list[int]:
        """Ids of many players (each with when they were seen), creating the missing ones."""
        staged: dict[PlayerRef, int] = session.info.setdefault(NEW_PLAYERS, {})
        cache = self._db.player_ids
        missing = [p for p, _ in arrivals if p not in cache and p not in staged]
        if missing:
            first_seen = dict(reversed(arrivals))
            missing = list(dict.fromkeys(missing))
            rows = [
                {
                    "platform": p.platform,
                    "external_id": p.external_id,
                    "display_name": p.name[:100],
                    "created_at": first_seen[p],
                }
                for p in missing
            ]
            # ON CONFLICT DO NOTHING: losing a race to create the same player is harmless;
            # only the players inserted here come back, the others are looked up.
            insert = prepared(
                session,
                "insert players",
                lambda: (
                    insert_into(session, PlayerRow)
                    .on_conflict_do_nothing()
                    .returning(PlayerRow.platform, PlayerRow.external_id, PlayerRow.id)
                ),
            )
            connection = session.connection()
            ids = {(pf, external): pid for pf, external, pid in connection.execute(insert, rows)}
            known = [p for p in missing if (p.platform, p.external_id) not in ids]
            for platform in sorted({p.platform for p in known}):
                # One platform and a list of ids: a range of the identity index (a tuple
                # IN would scan the whole table on SQLite).
                wanted = [p.external_id for p in known if p.platform == platform]
                found = connection.execute(
                    select(PlayerRow.external_id, PlayerRow.id).where(
                        PlayerRow.platform == platform, PlayerRow.external_id.in_(wanted)
                    )
                )
                ids.update(((platform, external), pid) for external, pid in found.all())
            for player in missing:
                found_id = ids.get((player.platform, player.external_id))
                if found_id is None:
                    raise StorageError(f"player {player.platform}:{player.external_id} not stored")
                staged[player] = found_id
        return [cache.get(p) or staged[p] for p, _ in arrivals]

    def guild_of(self, session: Session, session_id: int) -> int:
        """The guild a session is played in (cached once committed)."""
        staged: dict[int, int] = session.info.setdefault(NEW_SESSIONS, {})
        found = self._db.session_guilds.get(session_id) or staged.get(session_id)
        if found is None:
            found = (
                session.connection()
                .execute(select(SessionRow.guild_id).where(SessionRow.id == session_id))
                .scalar()
            )
            if found is None:
                raise StorageError(f"session {session_id} does not exist")
            staged[session_id] = found
        return found

    def round_homes_of(self, session: Session, round_ids: set[int]) -> dict[int, tuple[int, int]]:
        """The (session id, guild id) each round belongs to."""

        def fetch(missing: list[int]) -> Iterable[tuple[int, tuple[int, int]]]:
            rows = session.connection().execute(
                select(RoundRow.id, RoundRow.session_id, SessionRow.guild_id)
                .join(SessionRow, SessionRow.id == RoundRow.session_id)
                .where(RoundRow.id.in_(missing))
            )
            return ((round_id, (home, guild)) for round_id, home, guild in rows.all())

        staged: dict[int, tuple[int, int]] = session.info.setdefault(NEW_ROUNDS, {})
        homes = _remembered(round_ids, self._db.round_homes, staged, fetch)
        absent = round_ids - homes.keys()
        if absent:
            raise StorageError(f"round {min(absent)} does not exist")
        return homes

    def credit(
        self,
        session: Session,
        round_id: int,
        player_id: int,
        points: int,
        at: datetime,
        race: bool,
    ) -> AwardOutcome:
        """Credit one player (see :meth:`_credit_many`)."""
        return self.credit_many(session, [Candidate(round_id, player_id, points, at, race)])[0]

    def credit_many(self, session: Session, candidates: list[Candidate]) -> list[AwardOutcome]:
        """Credit many players at once, as if one after another in their order.

        A race candidate first claims its round (``winner_id`` set only while empty: the
        first candidate of a round in the list, and only if nobody won it before); then a
        score row is inserted at most once per round and player; then the totals of those
        scored move up.
        """
        if not candidates:
            return []
        homes = self.round_homes_of(session, {c.round_id for c in candidates})
        claimed = self._claim_rounds(session, [c for c in candidates if c.race])
        eligible = [
            index
            for index, c in enumerate(candidates)
            if not c.race or claimed.get(c.round_id) == c.player_id
        ]
        scored = self._insert_scores(session, candidates, eligible, homes)
        outcomes = [AwardOutcome(0, False)] * len(candidates)
        credited: list[tuple[int, Candidate]] = []
        for index in scored:
            candidate = candidates[index]
            outcomes[index] = AwardOutcome(candidate.points, candidate.race)
            credited.append((homes[candidate.round_id][1], candidate))
        credited = self._on_boards(session, credited, homes)
        if credited:
            self._add_totals(session, credited)
        return outcomes

    def _on_boards(
        self,
        session: Session,
        credited: list[tuple[int, Candidate]],
        homes: dict[int, tuple[int, int]],
    ) -> list[tuple[int, Candidate]]:
        """The credits the leaderboards count: a night's only where its guild counts them."""
        formats = self.formats_of(session, {homes[c.round_id][0] for _, c in credited})
        nights = {sid for sid, kind in formats.items() if kind == SessionFormat.NIGHT.value}
        if not nights:
            return credited
        guilds = {g for g, c in credited if homes[c.round_id][0] in nights}
        counting = self.night_points(session, guilds)
        return [(g, c) for g, c in credited if homes[c.round_id][0] not in nights or counting[g]]

    def formats_of(self, session: Session, session_ids: set[int]) -> dict[int, str]:
        """The format of each session (cached: a session never changes format)."""

        def fetch(missing: list[int]) -> Iterable[tuple[int, str]]:
            rows = session.connection().execute(
                select(SessionRow.id, SessionRow.format).where(SessionRow.id.in_(missing))
            )
            return ((session_id, kind) for session_id, kind in rows.all())

        staged: dict[int, str] = session.info.setdefault(NEW_FORMATS, {})
        return _remembered(session_ids, self._db.session_formats, staged, fetch)

    def night_points(self, session: Session, guilds: set[int]) -> dict[int, bool]:
        """Whether each guild counts night points, its settings row locked until the commit.

        The lock orders a night's credit and a change of the setting (which recounts the
        night points on the leaderboards): either sees the other's commit (PostgreSQL;
        SQLite writes one transaction at a time). A guild without settings gets its
        default row first, so there is a row to lock.
        """
        connection = session.connection()
        # The pages' switch is left to its column's default (off): a row made here to
        # lock decides nothing about them.
        made = (settings_values(GuildSettings(GuildId(g))) for g in sorted(guilds))
        defaults = [{k: v for k, v in row.items() if k != "web_pages"} for row in made]
        connection.execute(
            insert_into(session, GuildSettingsRow).on_conflict_do_nothing(), defaults
        )
        rows = connection.execute(
            select(GuildSettingsRow.guild_id, GuildSettingsRow.night_points)
            .where(GuildSettingsRow.guild_id.in_(sorted(guilds)))
            .order_by(GuildSettingsRow.guild_id)
            .with_for_update(read=True)
        )
        return dict.fromkeys(guilds, True) | {g: bool(on) for g, on in rows.all()}

    def recount_nights(self, session: Session, guild_id: int, counted: bool) -> None:
        """Add the guild's night points to its leaderboards (``counted``) or take them off."""
        nights = select(SessionRow.id).where(
            SessionRow.guild_id == guild_id, SessionRow.format == SessionFormat.NIGHT.value
        )
        rows = session.execute(
            select(ScoreRow.round_id, ScoreRow.player_id, ScoreRow.points, ScoreRow.awarded_at)
            .where(ScoreRow.guild_id == guild_id, ScoreRow.session_id.in_(nights))
            .order_by(ScoreRow.id)
        ).all()
        sign = 1 if counted else -1
        credited = [
            (guild_id, Candidate(round_id, player_id, sign * points, at, False))
            for round_id, player_id, points, at in rows
        ]
        if credited:
            self._add_totals(session, credited)

    def _claim_rounds(self, session: Session, racing: list[Candidate]) -> dict[int, int]:
        """Set each round's winner to its first candidate where none is set: round -> winner."""
        first: dict[int, int] = {}
        for candidate in racing:
            first.setdefault(candidate.round_id, candidate.player_id)
        if not first:
            return {}
        claim = prepared(
            session,
            "claim round",
            lambda: (
                update(RoundRow)
                .where(RoundRow.id == bindparam("claimed"), RoundRow.winner_id.is_(None))
                .values(winner_id=bindparam("claimant"))
            ),
        )
        connection = session.connection()
        # Rows locked in id order: no deadlock between writers (PostgreSQL).
        claims = [{"claimed": r, "claimant": first[r]} for r in sorted(first)]
        if len(claims) == 1:
            won = connection.execute(claim, claims[0])
            return first if rowcount(won) == 1 else {}
        connection.execute(claim, claims)
        # Read back who holds each round: a candidate holds it only if the claim above set
        # it (a round is won once, and its winner's score row is written with the win, so
        # a player who won it before cannot score it again below).
        winners = prepared(
            session,
            "round winners",
            lambda: select(RoundRow.id, RoundRow.winner_id).where(
                RoundRow.id.in_(bindparam("rounds", expanding=True))
            ),
        )
        held = connection.execute(winners, {"rounds": sorted(first)})
        return {round_id: winner for round_id, winner in held if winner == first[round_id]}

    def _insert_scores(
        self,
        session: Session,
        candidates: list[Candidate],
        eligible: list[int],
        homes: dict[int, tuple[int, int]],
    ) -> list[int]:
        """Insert score rows (skipping a round and player already scored); which went in."""
        if not eligible:
            return []
        rows = []
        for index in eligible:
            c = candidates[index]
            session_id, guild_id = homes[c.round_id]
            rows.append(
                {
                    "guild_id": guild_id,
                    "player_id": c.player_id,
                    "session_id": session_id,
                    "round_id": c.round_id,
                    "points": c.points,
                    "awarded_at": c.at,
                }
            )
        if len(rows) == 1:
            insert = prepared(
                session,
                "insert score",
                lambda: insert_into(session, ScoreRow).on_conflict_do_nothing(),
            )
            return eligible if rowcount(session.connection().execute(insert, rows[0])) else []
        insert = prepared(
            session,
            "insert scores returning",
            lambda: (
                insert_into(session, ScoreRow)
                .on_conflict_do_nothing()
                .returning(ScoreRow.round_id, ScoreRow.player_id)
            ),
        )
        new = {(r, p) for r, p in session.connection().execute(insert, rows)}
        scored: list[int] = []
        for index in eligible:  # a repeated round and player scores once, the first time
            key = (candidates[index].round_id, candidates[index].player_id)
            if key in new:
                new.discard(key)
                scored.append(index)
        return scored

    def _add_totals(self, session: Session, credited: list[tuple[int, Candidate]]) -> None:
        """Add points to the players' totals and move them up each board's histogram."""
        seasons = _Seasons(session, max(c.at for _, c in credited))
        added: dict[_Total, int] = {}
        for guild_id, c in credited:
            for period, key in period_keys(c.at, seasons.at(c.at)).items():
                for scope in (guild_id, GLOBAL_SCOPE):
                    total = (scope, period.value, key, c.player_id)
                    added[total] = added.get(total, 0) + c.points
        # Rows in key order: concurrent transactions lock them in the same order and
        # cannot deadlock on them (PostgreSQL).
        rows = [
            {"scope": s, "period": p, "period_key": k, "player_id": player, "points": points}
            for (s, p, k, player), points in sorted(added.items())
        ]
        upsert = prepared(session, "add totals", lambda: self._totals_upsert(session))
        totals = session.connection().execute(upsert, rows).all()
        self._move_in_histogram(session, totals, added)

    def _totals_upsert(self, session: Session) -> Any:
        table = LeaderboardTotalRow
        insert: Insert = insert_into(session, table)
        return insert.on_conflict_do_update(  # type: ignore[attr-defined]  # dialect insert
            index_elements=[table.scope, table.period, table.period_key, table.player_id],
            set_={"points": table.points + insert.excluded.points},  # type: ignore[attr-defined]
        ).returning(table.scope, table.period, table.period_key, table.player_id, table.points)

    def _move_in_histogram(
        self, session: Session, totals: Sequence[Any], added: dict[_Total, int]
    ) -> None:
        """Count each player at their board's new total instead of the old one.

        Points taken off (a guild no longer counting its nights) can leave a player at
        0: they leave that board.
        """
        deltas: dict[tuple[int, str, str, int], int] = {}
        emptied: list[dict[str, Any]] = []
        for scope, period, key, player_id, total in totals:
            points = added[scope, period, key, player_id]
            if total > 0:
                deltas[scope, period, key, total] = deltas.get((scope, period, key, total), 0) + 1
            else:
                emptied.append({"s": scope, "p": period, "k": key, "player": player_id})
            if total > points:  # the player was already on this board, at total - points
                old = (scope, period, key, total - points)
                deltas[old] = deltas.get(old, 0) - 1
        if emptied:
            table = LeaderboardTotalRow
            session.connection().execute(
                delete(table).where(
                    table.scope == bindparam("s"),
                    table.period == bindparam("p"),
                    table.period_key == bindparam("k"),
                    table.player_id == bindparam("player"),
                ),
                emptied,
            )
        # One statement touching the rows in key order: concurrent transactions lock the
        # histogram rows in the same order and cannot deadlock on them (PostgreSQL).
        rows = [
            {"scope": s, "period": p, "period_key": k, "points": v, "players": n}
            for (s, p, k, v), n in sorted(deltas.items())
        ]
        upsert = prepared(session, "move in histogram", lambda: self._points_upsert(session))
        session.connection().execute(upsert, rows)

    def _points_upsert(self, session: Session) -> Any:
        table = LeaderboardPointsRow
        insert: Insert = insert_into(session, table)
        return insert.on_conflict_do_update(  # type: ignore[attr-defined]  # dialect insert
            index_elements=[table.scope, table.period, table.period_key, table.points],
            set_={"players": table.players + insert.excluded.players},  # type: ignore[attr-defined]
        )


def settings_values(settings: GuildSettings) -> dict[str, Any]:
    """A guild settings row's values."""
    return {
        "guild_id": settings.guild_id,
        "time_limit_ms": round(settings.time_limit_seconds * 1000),
        "allowed_channels": " ".join(str(c) for c in sorted(settings.allowed_channels)),
        "host_role_id": settings.host_role_id,
        "guess_limit": settings.guess_limit,
        "night_points": settings.night_points,
        "web_pages": settings.web_pages,
    }


def _remembered(
    ids: set[int],
    cache: Mapping[int, V],
    staged: dict[int, V],
    fetch: Callable[[list[int]], Iterable[tuple[int, V]]],
) -> dict[int, V]:
    """The value of each id: remembered (committed or staged in this transaction) or fetched.

    What is fetched is staged, to be remembered once the transaction commits.
    """
    found: dict[int, V] = {}
    missing: list[int] = []
    for key in ids:
        value = cache.get(key) or staged.get(key)
        if value is None:
            missing.append(key)
        else:
            found[key] = value
    if missing:
        for key, value in fetch(missing):
            found[key] = staged[key] = value
    return found
