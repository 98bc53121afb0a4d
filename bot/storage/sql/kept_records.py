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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
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


def _state_query() -> Any:
    """The kept rows of some guilds' players, locked until the commit (PostgreSQL).

    Two lists, not one of pairs: SQLite seeks the key's index for each pair of the lists,
    and scans the whole table for a list of pairs.
    """
    table = BoardRecordRow
    return (
        select(
            table.guild_id,
            table.player_id,
            table.answers,
            table.correct,
            table.last_round_id,
            table.last_correct,
            table.streak_before,
            table.best_before,
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

    def add_answers(self, session: Session, answers: Sequence[tuple[int, int, bool]]) -> None:
        """Count answers just stored, (round id, player id, right), in the order stored.

        A night's answers are counted where its guild counts night points, read with the
        guild's settings row locked as a night's credit reads it (see
        :meth:`Crediting.night_points`): a change of the setting counts them again after
        or before, never beside.
        """
        if not answers:
            return
        homes = self._crediting.round_homes_of(session, {r for r, _, _ in answers})
        formats = self._crediting.formats_of(session, {homes[r][0] for r, _, _ in answers})
        night = SessionFormat.NIGHT.value
        nights = {homes[r][1] for r, _, _ in answers if formats[homes[r][0]] == night}
        counting = self._crediting.night_points(session, nights) if nights else {}
        counted: list[_Counted] = []
        for round_id, player_id, right in answers:
            session_id, guild_id = homes[round_id]
            if formats[session_id] != night or counting[guild_id]:
                counted.append((guild_id, player_id, round_id, right))
        if counted:
            self._move_on(session, counted)

    def _move_on(self, session: Session, counted: list[_Counted]) -> None:
        keys = sorted({(guild, player) for guild, player, _, _ in counted})
        query = prepared(session, "board records of", _state_query)
        connection = session.connection()
        values = {"guilds": sorted({g for g, _ in keys}), "players": sorted({p for _, p in keys})}
        wanted = set(keys)
        records: dict[_Key, RunningRecord] = {}
        for row in connection.execute(query, values):
            if (row[0], row[1]) in wanted:
                records[row[0], row[1]] = RunningRecord(*row[2:])
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
            connection.execute(upsert, rows)
        for guild_id, recounted in groupby(sorted(again), key=lambda key: key[0]):
            self.recount(session, guild_id, [player for _, player in recounted])

    def recount(self, session: Session, guild_id: int, player_ids: Iterable[int]) -> None:
        """Count the players' rows in the guild again from their answers there.

        A player without an answer that counts there loses the row.
        """
        ordered = sorted(set(player_ids))
        connection = session.connection()
        table = BoardRecordRow
        for start in range(0, len(ordered), PLAYERS_AT_ONCE):
            players = ordered[start : start + PLAYERS_AT_ONCE]
            answers = connection.execute(_counted_answers(guild_id, players)).all()
            rows: list[dict[str, Any]] = []
            for player_id, given in groupby(answers, key=lambda row: row[0]):
                record = running_record((row[1], bool(row[2])) for row in given)
                if record is not None:
                    rows.append(_values((guild_id, player_id), record))
            connection.execute(
                delete(table).where(table.guild_id == guild_id, table.player_id.in_(players))
            )
            if rows:
                connection.execute(insert_into(session, table), rows)

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
