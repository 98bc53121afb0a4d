"""Each player's answers, right answers and streaks per guild, kept on write.

What a guild's leaderboard row shows beside the points is counted from the player's
answers in the guild (each question once, with the last answer; a quiz night's only where
the guild counts night points). Counting it at each request read every answer of the top
players; here it is kept in ``board_records``, moved on in the same transaction as the
answers it counts, so a leaderboard reads one row per player shown.

An answer to the last question counted or a later one moves a row on from its end
(:meth:`~bot.game.statistics.RunningRecord.answered`); whatever else changes what the
answers count is counted again from the player's answers in that guild, in the same
transaction: an answer to an earlier question (a player in two games of one guild at
once), a near miss accepted, a guild's night points switched on or off. A member's data
forgotten deletes their rows with their answers (:mod:`bot.storage.sql.privacy`).

Every path that writes a row first makes sure it exists, then locks it, and only then
reads what the new value depends on (the row, or the player's answers for a recount;
:meth:`KeptRecords.hold`). On PostgreSQL two transactions writing for the same guild and
player so take turns, the second seeing what the first committed; without a row to lock
both would count from what they saw before, and the last to commit would win. An answer
batch holds its rows before it stores its answers, so a player's answers to one question
get their ids in the order their transactions commit: the one stored last (the highest
id, the one the answers count) is the one the row ends with. SQLite writes one
transaction at a time: there the rows are read and written as they are, with no row
made only to be locked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import (
    BigInteger,
    bindparam,
    delete,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session

from bot.game.models import BoardRecord, GuildId, PlayerId, SessionFormat
from bot.game.statistics import RunningRecord, running_record
from bot.storage.sql.base import insert_into, prepared
from bot.storage.sql.crediting import Crediting
from bot.storage.tables import (
    AnswerRow,
    BoardRecordRow,
    GuildSettingsRow,
    RoundRow,
    SessionRow,
)

_Counted = tuple[int, int, int, bool]
"""An answer as a record counts it: (guild id, player id, round id, right)."""

_Key = tuple[int, int]
"""A record's key: (guild id, player id)."""

_COUNTS = (
    "answers",
    "correct",
    "best_streak",
    "streak",
    "last_round_id",
    "last_correct",
    "streak_before",
    "best_before",
)
"""The columns of a row that answers change (all but its key)."""

PLAYERS_AT_ONCE = 500
"""Players counted again per statement (bound parameters stay well under the limits)."""

_STATE = (*_COUNTS[:2], *_COUNTS[4:], *_COUNTS[2:4])
"""The columns as a lock reads them: first those a :class:`RunningRecord` is made of."""

_HELD: dict[str, Any] = dict.fromkeys(_COUNTS, 0) | {"last_correct": False}
"""A row made only to be locked (no answers): read as no row, never committed as such."""


@dataclass(frozen=True, slots=True)
class HeldRecords:
    """Rows locked before answers are stored: where those answers count, and the rows."""

    guilds: Mapping[int, int]
    """The guild of each round whose answers count (a night's only where nights count)."""
    records: dict[_Key, RunningRecord]
    """The rows as locked (keys without answers yet left out)."""
    keys: frozenset[_Key] = frozenset()
    """Every key locked."""


@dataclass(frozen=True, slots=True)
class Recounted:
    """What counting rows again did: rows written, how many of them changed, rows removed."""

    kept: int = 0
    changed: int = 0
    removed: int = 0

    def __add__(self, other: Recounted) -> Recounted:
        return Recounted(
            self.kept + other.kept, self.changed + other.changed, self.removed + other.removed
        )


def _state_query() -> Any:
    """The kept rows of some guilds' players, locked until the commit (PostgreSQL).

    Two lists, not one of pairs: SQLite seeks the key's index for each pair of the lists,
    and scans the whole table for a list of pairs. Locked in key order, as every path
    locks them, so two transactions never wait for each other's rows in a circle.
    """
    table = BoardRecordRow
    return (
        select(
            table.guild_id,
            table.player_id,
            *(getattr(table, name) for name in _STATE),
        )
        .where(
            table.guild_id.in_(bindparam("guilds", expanding=True)),
            table.player_id.in_(bindparam("players", expanding=True)),
        )
        .order_by(table.guild_id, table.player_id)
        .with_for_update()
    )


def _upsert(session: Session) -> Any:
    table = BoardRecordRow
    insert = insert_into(session, table)
    changed = {name: insert.excluded[name] for name in _COUNTS}
    return insert.on_conflict_do_update(
        index_elements=[table.guild_id, table.player_id], set_=changed
    )


def _board_query() -> Any:
    """What one guild's leaderboard shows of some players."""
    table = BoardRecordRow
    return select(table.player_id, table.answers, table.correct, table.best_streak).where(
        table.guild_id == bindparam("guild", type_=BigInteger),
        table.player_id.in_(bindparam("players", expanding=True)),
    )


def _counted_answers(guild_id: int, player_ids: Sequence[int]) -> Any:
    """The guild's answers that count, of these players, by player, round and answer."""
    nights_count = or_(
        SessionRow.format != SessionFormat.NIGHT.value,
        func.coalesce(GuildSettingsRow.night_points, true()),
    )
    return (
        select(AnswerRow.player_id, AnswerRow.round_id, AnswerRow.accepted)
        .join(RoundRow, RoundRow.id == AnswerRow.round_id)
        .join(SessionRow, SessionRow.id == RoundRow.session_id)
        .outerjoin(GuildSettingsRow, GuildSettingsRow.guild_id == SessionRow.guild_id)
        .where(AnswerRow.player_id.in_(player_ids), SessionRow.guild_id == guild_id, nights_count)
        .order_by(AnswerRow.player_id, AnswerRow.round_id, AnswerRow.id)
    )


def _values(key: _Key, record: RunningRecord) -> dict[str, Any]:
    guild_id, player_id = key
    return {
        "guild_id": guild_id,
        "player_id": player_id,
        "answers": record.answers,
        "correct": record.correct,
        "best_streak": record.best_streak,
        "streak": record.streak,
        "last_round_id": record.last_round,
        "last_correct": record.last_correct,
        "streak_before": record.streak_before,
        "best_before": record.best_before,
    }


class KeptRecords:
    """The ``board_records`` rows: moved on with answers, counted again, read for boards."""

    def __init__(self, crediting: Crediting) -> None:
        """Look rounds, sessions and night points up through ``crediting`` (its caches)."""
        self._crediting = crediting

    def hold(self, session: Session, answers: Sequence[tuple[int, int]]) -> HeldRecords:
        """Lock the rows answers about to be stored will move, (round id, player id) each.

        Called before the answers are stored (see the module docstring). A night's answers
        are counted where its guild counts night points, read with the guild's settings row
        locked as a night's credit reads it (see :meth:`Crediting.night_points`): a change
        of the setting counts them again after or before, never beside. The settings rows
        are locked before the records, as a change of the setting locks them.
        """
        if not answers:
            return HeldRecords({}, {})
        homes = self._crediting.round_homes_of(session, {r for r, _ in answers})
        formats = self._crediting.formats_of(session, {homes[r][0] for r, _ in answers})
        night = SessionFormat.NIGHT.value
        nights = {homes[r][1] for r, _ in answers if formats[homes[r][0]] == night}
        counting = self._crediting.night_points(session, nights) if nights else {}
        guilds = {
            round_id: guild_id
            for round_id, (session_id, guild_id) in homes.items()
            if formats[session_id] != night or counting[guild_id]
        }
        keys = frozenset((guilds[r], player) for r, player in answers if r in guilds)
        return HeldRecords(guilds, self._lock(session, keys)[0], keys)

    def _lock(
        self, session: Session, keys: Iterable[_Key]
    ) -> tuple[dict[_Key, RunningRecord], dict[_Key, dict[str, Any]]]:
        """Lock the rows of these keys, made first where missing; their records and columns."""
        ordered = sorted(set(keys))
        if not ordered:
            return {}, {}
        connection = session.connection()
        # SQLite writes one transaction at a time (the file's write lock), so nothing can
        # come between reading a row and writing it: no row is made only to be locked.
        if session.get_bind().dialect.name == "postgresql":
            # A missing row is made (empty) so that there is something to lock: a second
            # transaction making it waits for the first to commit, then locks its row.
            make = prepared(
                session,
                "board records to lock",
                lambda: insert_into(session, BoardRecordRow).on_conflict_do_nothing(),
            )
            connection.execute(make, [{"guild_id": g, "player_id": p} | _HELD for g, p in ordered])
        query = prepared(session, "board records of", _state_query)
        values = {
            "guilds": sorted({g for g, _ in ordered}),
            "players": sorted({p for _, p in ordered}),
        }
        wanted = set(ordered)
        records: dict[_Key, RunningRecord] = {}
        columns: dict[_Key, dict[str, Any]] = {}
        for row in connection.execute(query, values):
            key = (row[0], row[1])
            if key in wanted and row.answers:  # a row made to be locked holds no answers
                records[key] = RunningRecord(*row[2:8])
                columns[key] = dict(zip(_STATE, row[2:], strict=True))
        return records, columns

    def add_answers(
        self, session: Session, held: HeldRecords, answers: Sequence[tuple[int, int, bool]]
    ) -> None:
        """Count answers just stored, (round id, player id, right), in the order stored.

        ``held`` is what :meth:`hold` locked for them before they were stored.
        """
        counted = [
            (held.guilds[round_id], player_id, round_id, right)
            for round_id, player_id, right in answers
            if round_id in held.guilds
        ]
        if counted:
            self._move_on(session, counted, held.records)
        moved = {(guild, player) for guild, player, _, _ in counted}
        idle = sorted(held.keys - held.records.keys() - moved)
        if idle:  # only repeated submissions, for a key without a row: none is left made
            table = BoardRecordRow
            session.connection().execute(
                delete(table).where(
                    table.guild_id.in_({g for g, _ in idle}),
                    table.player_id.in_({p for _, p in idle}),
                    table.answers == 0,
                )
            )

    def _move_on(
        self, session: Session, counted: list[_Counted], records: dict[_Key, RunningRecord]
    ) -> None:
        keys = sorted({(guild, player) for guild, player, _, _ in counted})
        records = dict(records)
        again: set[_Key] = set()
        for guild_id, player_id, round_id, right in counted:
            key = (guild_id, player_id)
            if key in again:
                continue
            moved = records.get(key, RunningRecord()).answered(round_id, right)
            if moved is None:
                again.add(key)
            else:
                records[key] = moved
        rows = [_values(key, records[key]) for key in keys if key not in again]
        if rows:
            upsert = prepared(session, "board records upsert", lambda: _upsert(session))
            session.connection().execute(upsert, rows)
        for guild_id, recounted in groupby(sorted(again), key=lambda key: key[0]):
            self.recount(session, guild_id, [player for _, player in recounted])

    def recount(self, session: Session, guild_id: int, player_ids: Iterable[int]) -> Recounted:
        """Count the players' rows in the guild again from their answers there.

        Each row is locked (made first where missing) before the answers are read, so a
        transaction storing the player's answers meanwhile is counted after or before,
        never beside; the rows are updated in place, not deleted and inserted again, so a
        transaction waiting for one locks what this one wrote. A player without an answer
        that counts there loses the row.
        """
        ordered = sorted(set(player_ids))
        connection = session.connection()
        table = BoardRecordRow
        done = Recounted()
        for start in range(0, len(ordered), PLAYERS_AT_ONCE):
            players = ordered[start : start + PLAYERS_AT_ONCE]
            _, before = self._lock(session, [(guild_id, player) for player in players])
            answers = connection.execute(_counted_answers(guild_id, players)).all()
            rows: list[dict[str, Any]] = []
            for player_id, given in groupby(answers, key=lambda row: row[0]):
                record = running_record((row[1], bool(row[2])) for row in given)
                if record is not None:
                    rows.append(_values((guild_id, player_id), record))
            if rows:
                upsert = prepared(session, "board records upsert", lambda: _upsert(session))
                connection.execute(upsert, rows)
            counted = {row["player_id"] for row in rows}
            gone = [player for player in players if player not in counted]
            if gone:  # rows made only to be locked go too, uncounted
                connection.execute(
                    delete(table).where(table.guild_id == guild_id, table.player_id.in_(gone))
                )
            removed = sum((guild_id, player) in before for player in gone)
            changed = sum(
                before.get((guild_id, row["player_id"])) != {c: row[c] for c in _STATE}
                for row in rows
            )
            done += Recounted(len(rows), changed, removed)
        return done

    def recount_nights(self, session: Session, guild_id: int) -> None:
        """Count again the rows of every player who answered in one of the guild's nights."""
        players = session.scalars(
            select(AnswerRow.player_id)
            .distinct()
            .join(RoundRow, RoundRow.id == AnswerRow.round_id)
            .join(SessionRow, SessionRow.id == RoundRow.session_id)
            .where(SessionRow.guild_id == guild_id, SessionRow.format == SessionFormat.NIGHT.value)
        )
        self.recount(session, guild_id, list(players))

    def guilds(self, session: Session) -> list[int]:
        """Every guild with an answer or a kept row, by id."""
        answered = select(SessionRow.guild_id).join(RoundRow, RoundRow.session_id == SessionRow.id)
        answered = answered.where(
            select(AnswerRow.id).where(AnswerRow.round_id == RoundRow.id).exists()
        )
        kept = select(BoardRecordRow.guild_id)
        return sorted(set(session.scalars(answered.union(kept))))

    def recount_guild(self, session: Session, guild_id: int) -> Recounted:
        """Count a guild's rows again from the answers, its rows and its players' alike.

        Every player who answered there or has a row there is counted; a row left without
        answers that count is deleted.
        """
        answered = (
            select(AnswerRow.player_id)
            .join(RoundRow, RoundRow.id == AnswerRow.round_id)
            .join(SessionRow, SessionRow.id == RoundRow.session_id)
            .where(SessionRow.guild_id == guild_id)
        )
        kept = select(BoardRecordRow.player_id).where(BoardRecordRow.guild_id == guild_id)
        return self.recount(session, guild_id, session.scalars(answered.union(kept)))

    def board(
        self, session: Session, guild_id: GuildId, player_ids: Sequence[PlayerId]
    ) -> Mapping[PlayerId, BoardRecord]:
        """The kept records of players in a guild; those without answers there left out."""
        query = prepared(session, "board records", _board_query)
        values = {"guild": guild_id, "players": sorted(set(player_ids))}
        return {
            PlayerId(player): BoardRecord(answers, correct, best)
            for player, answers, correct, best in session.connection().execute(query, values)
        }
