"""In-memory implementation of every repository protocol (tests, dry runs).

It keeps the same rules as the SQL store: a round is won once, a player scores once per
round, a repeated submission is stored once. Leaderboards are summed on read, leaving out
the nights of guilds that do not count night points; the records leaderboard rows show
(answers, right answers, best streak per guild) are kept on write as the SQL store keeps
them, moved on by each answer and counted again when an answer cannot move them on.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.game.models import (
    GAMES_ONLY,
    AnswerId,
    AnswerRecord,
    AwardOutcome,
    BoardRecord,
    ChannelId,
    GuildId,
    GuildSettings,
    NearMiss,
    Period,
    PlayerId,
    PlayerRef,
    PlayerStats,
    QuestionStats,
    RankInfo,
    RoundId,
    RoundInfo,
    Season,
    SeasonId,
    SessionConfig,
    SessionFormat,
    SessionId,
    SessionInfo,
    SessionStatus,
    Standing,
    StoredAnswer,
    UnfinishedRound,
    UnfinishedSession,
)
from bot.game.ports import Credit, Repository, StorageError, period_keys
from bot.game.statistics import RunningRecord, best_streak, median_ms, running_record


@dataclass(frozen=True, slots=True)
class _Answer:
    id: AnswerId
    record: AnswerRecord
    player_id: PlayerId
    reviewed: bool = False
    accepted_by: PlayerRef | None = None
    accepted_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class _Score:
    guild_id: GuildId
    session_id: SessionId
    round_id: RoundId
    player_id: PlayerId
    points: int
    awarded_at: datetime


def _ranked(rows: Sequence[tuple[PlayerId, str, int]]) -> list[Standing]:
    standings: list[Standing] = []
    for index, (player_id, name, points) in enumerate(rows):
        tied = standings and standings[-1].points == points
        rank = standings[-1].rank if tied else index + 1
        standings.append(Standing(rank, player_id, name, points))
    return standings


class InMemoryRepository:
    """Every repository protocol over plain dictionaries; ``available`` simulates outages."""

    def __init__(self) -> None:
        self.available = True
        self._players: dict[PlayerRef, PlayerId] = {}
        self._names: dict[PlayerId, str] = {}
        self._sessions: dict[SessionId, SessionInfo] = {}
        self._phases: dict[SessionId, str] = {}
        self._rounds: dict[RoundId, RoundInfo] = {}
        self._closed: set[RoundId] = set()
        self._winners: dict[RoundId, PlayerId] = {}
        self._hints: dict[RoundId, int] = {}
        self._answers: list[_Answer] = []
        self._submissions: dict[str, _Answer] = {}
        self._scores: dict[tuple[RoundId, PlayerId], _Score] = {}
        self._results: dict[SessionId, tuple[Standing, ...]] = {}
        self._settings: dict[GuildId, GuildSettings] = {}
        self._seasons: list[Season] = []
        self._forms: dict[tuple[GuildId, str], tuple[str, ...]] = {}
        self._records: dict[tuple[GuildId, PlayerId], RunningRecord] = {}

    def _check(self) -> None:
        if not self.available:
            raise StorageError("the in-memory database is switched off")

    # --- sessions -------------------------------------------------------------------------

    async def create_session(
        self, guild_id: GuildId, channel_id: ChannelId, config: SessionConfig, started_at: datetime
    ) -> SessionInfo:
        """Store a new running session."""
        self._check()
        session = SessionInfo(
            SessionId(len(self._sessions) + 1),
            guild_id,
            channel_id,
            config.mode,
            SessionStatus.RUNNING,
            started_at,
            config.question_limit,
            config.target_score,
            config.time_limit_seconds,
            config.guess_limit,
            config.streak_bonus,
            config.format,
        )
        self._sessions[session.id] = session
        return session

    async def save_phase(self, session_id: SessionId, phase: str, at: datetime) -> None:
        """Store the session's phase."""
        self._check()
        self._phases[session_id] = phase

    async def end_session(
        self,
        session_id: SessionId,
        status: SessionStatus,
        ended_at: datetime,
        standings: Sequence[Standing],
    ) -> None:
        """Mark a session ended and keep its final standings."""
        self._check()
        self._sessions[session_id] = replace(self._sessions[session_id], status=status)
        self._results.setdefault(session_id, tuple(standings))

    async def unfinished_sessions(
        self, formats: Collection[SessionFormat] = GAMES_ONLY
    ) -> Sequence[UnfinishedSession]:
        """Sessions of these formats still marked running, with their last and open rounds."""
        self._check()
        found = []
        for session in self._sessions.values():
            if session.status is not SessionStatus.RUNNING or session.format not in formats:
                continue
            rounds = sorted(
                (r for r in self._rounds.values() if r.session_id == session.id),
                key=lambda r: r.position,
            )
            last = rounds[-1] if rounds else None
            unfinished = None if last is None else UnfinishedRound(last, last.id in self._closed)
            left_open = tuple(r for r in rounds if r.id not in self._closed)
            found.append(UnfinishedSession(session, unfinished, left_open))
        return found

    async def asked_item_ids(self, guild_id: GuildId) -> set[str]:
        """Ids of every item already asked in the guild."""
        self._check()
        return {
            r.item_id
            for r in self._rounds.values()
            if self._sessions[r.session_id].guild_id == guild_id
        }

    # --- rounds and answers ---------------------------------------------------------------

    async def open_round(
        self,
        session_id: SessionId,
        position: int,
        item_id: str,
        opened_at: datetime,
        time_limit_seconds: float,
    ) -> RoundInfo:
        """Store a question being asked."""
        self._check()
        if session_id not in self._sessions:
            raise StorageError(f"session {session_id} does not exist")
        for existing in self._rounds.values():
            if existing.session_id == session_id and existing.position == position:
                return existing
        stored = RoundInfo(
            RoundId(len(self._rounds) + 1),
            session_id,
            position,
            item_id,
            opened_at,
            time_limit_seconds,
        )
        self._rounds[stored.id] = stored
        return stored

    def _player_id(self, player: PlayerRef) -> PlayerId:
        if player not in self._players:
            self._players[player] = PlayerId(len(self._players) + 1)
            self._names[self._players[player]] = player.name
        return self._players[player]

    async def record_answer(self, answer: AnswerRecord, credit: bool, race: bool) -> AwardOutcome:
        """Store a judged answer and credit its points (see the protocol)."""
        self._check()
        player_id = self._player_id(answer.player)
        if answer.submission_id is not None and answer.submission_id in self._submissions:
            return self._outcome(answer.round_id, player_id)
        stored = _Answer(AnswerId(len(self._answers) + 1), answer, player_id)
        self._answers.append(stored)
        if answer.submission_id is not None:
            self._submissions[answer.submission_id] = stored
        self._count(stored)
        if not (credit and answer.accepted and answer.points > 0):
            return AwardOutcome(0, False)
        return self._credit(answer.round_id, player_id, answer.points, answer.submitted_at, race)

    def _count(self, answer: _Answer) -> None:
        """Move the player's kept record in the guild on by a new answer, where it counts."""
        round_id = answer.record.round_id
        if round_id not in self._rounds or not self._counted(self._rounds[round_id].session_id):
            return
        key = (self._guild_of(round_id), answer.player_id)
        moved = self._records.get(key, RunningRecord()).answered(round_id, answer.record.accepted)
        if moved is None:
            self._recount(*key)
        else:
            self._records[key] = moved

    def _recount(self, guild_id: GuildId, player_id: PlayerId) -> None:
        """Count a player's kept record in a guild again from their answers there."""
        answers = sorted(
            (
                a
                for a in self._answers
                if a.player_id == player_id
                and self._guild_of(a.record.round_id) == guild_id
                and self._counted(self._rounds[a.record.round_id].session_id)
            ),
            key=lambda a: (a.record.round_id, a.id),
        )
        record = running_record((a.record.round_id, a.record.accepted) for a in answers)
        if record is None:
            self._records.pop((guild_id, player_id), None)
        else:
            self._records[guild_id, player_id] = record

    def _outcome(self, round_id: RoundId, player_id: PlayerId) -> AwardOutcome:
        score = self._scores.get((round_id, player_id))
        won = self._winners.get(round_id) == player_id
        return AwardOutcome(0 if score is None else score.points, won)

    def _credit(
        self, round_id: RoundId, player_id: PlayerId, points: int, at: datetime, race: bool
    ) -> AwardOutcome:
        stored = self._rounds.get(round_id)
        if stored is None:
            raise StorageError(f"round {round_id} does not exist")
        if race:
            if round_id in self._winners:
                return AwardOutcome(0, False)
            self._winners[round_id] = player_id
        if (round_id, player_id) in self._scores:
            return AwardOutcome(0, False)
        guild = self._sessions[stored.session_id].guild_id
        self._scores[round_id, player_id] = _Score(
            guild, stored.session_id, round_id, player_id, points, at
        )
        return AwardOutcome(points, race)

    async def record_hint(self, round_id: RoundId, hints_used: int) -> None:
        """Store how many hints the round has given."""
        self._check()
        self._hints[round_id] = hints_used

    async def settle_round(
        self, round_id: RoundId, closed_at: datetime, credit_latest: bool
    ) -> Sequence[Credit]:
        """Close a round, crediting each player's latest accepted answer when asked."""
        self._check()
        if round_id in self._closed:
            return ()
        self._closed.add(round_id)
        if not credit_latest:
            return ()
        latest = {a.player_id: a for a in self._answers if a.record.round_id == round_id}
        credits = []
        for player_id, answer in sorted(latest.items()):
            record = answer.record
            if record.accepted and record.points > 0:
                outcome = self._credit(round_id, player_id, record.points, closed_at, False)
                if outcome.points:
                    credits.append(Credit(record.player, outcome.points))
        return credits

    async def award(
        self, round_id: RoundId, player: PlayerRef, points: int, at: datetime
    ) -> AwardOutcome:
        """Credit points for a round directly, at most once per player."""
        self._check()
        return self._credit(round_id, self._player_id(player), points, at, False)

    async def session_answers(self, session_id: SessionId) -> Sequence[StoredAnswer]:
        """Every answer stored in the session's rounds, in the order they were stored."""
        self._check()
        found = []
        for answer in self._answers:
            record, asked = answer.record, self._rounds[answer.record.round_id]
            if asked.session_id != session_id:
                continue
            found.append(
                StoredAnswer(
                    answer.id,
                    record.round_id,
                    asked.position,
                    asked.item_id,
                    record.player,
                    record.text,
                    record.submitted_at,
                    record.accepted,
                    record.close,
                    answer.reviewed,
                    record.similarity,
                    record.elapsed_ms,
                    record.points,
                    record.submission_id,
                    answer.accepted_by,
                    answer.accepted_at,
                )
            )
        return found

    # --- leaderboards ---------------------------------------------------------------------

    def _totals(
        self, guild_id: GuildId | None, period: Period, now: datetime
    ) -> dict[PlayerId, int] | None:
        season = self._season_at(now)
        if period is Period.SEASON and season is None:
            return None
        wanted = period_keys(now, None if season is None else season.id)[period]
        totals: dict[PlayerId, int] = {}
        for score in self._scores.values():
            if guild_id is not None and score.guild_id != guild_id:
                continue
            if not self._counted(score.session_id):
                continue
            scored_in = self._season_at(score.awarded_at)
            keys = period_keys(score.awarded_at, None if scored_in is None else scored_in.id)
            if keys.get(period) == wanted:
                totals[score.player_id] = totals.get(score.player_id, 0) + score.points
        return totals

    def _board(self, totals: Mapping[PlayerId, int]) -> list[Standing]:
        ordered = sorted(totals.items(), key=lambda pair: (-pair[1], pair[0]))
        return _ranked([(pid, self._names[pid], points) for pid, points in ordered])

    async def leaderboard(
        self, guild_id: GuildId | None, period: Period, now: datetime, limit: int = 10
    ) -> Sequence[Standing]:
        """Top players for the period containing ``now``."""
        self._check()
        totals = self._totals(guild_id, period, now)
        return [] if totals is None else self._board(totals)[:limit]

    async def rank(
        self,
        guild_id: GuildId | None,
        period: Period,
        now: datetime,
        player_id: PlayerId,
        neighbours: int = 2,
    ) -> RankInfo | None:
        """A player's rank with the players just above and below."""
        self._check()
        board = self._board(self._totals(guild_id, period, now) or {})
        index = next((i for i, s in enumerate(board) if s.player_id == player_id), None)
        if index is None:
            return None
        above = tuple(board[max(index - neighbours, 0) : index])
        return RankInfo(board[index], above, tuple(board[index + 1 : index + 1 + neighbours]))

    async def session_standings(self, session_id: SessionId) -> Sequence[Standing]:
        """Every player who answered in the session, with their points."""
        self._check()
        totals: dict[PlayerId, int] = {}
        for answer in self._answers:
            if self._rounds[answer.record.round_id].session_id == session_id:
                totals.setdefault(answer.player_id, 0)
        for score in self._scores.values():
            if score.session_id == session_id:
                totals[score.player_id] = totals.get(score.player_id, 0) + score.points
        return self._board(totals)

    async def player_id(self, player: PlayerRef) -> PlayerId | None:
        """The stored id of a player, or None if they never answered."""
        self._check()
        return self._players.get(player)

    # --- statistics -----------------------------------------------------------------------

    async def player_stats(
        self, player_id: PlayerId, guild_id: GuildId | None
    ) -> PlayerStats | None:
        """A player's record in one guild (or everywhere)."""
        self._check()
        if player_id not in self._names:
            return None
        answers = [
            a
            for a in self._answers
            if a.player_id == player_id
            and (guild_id is None or self._guild_of(a.record.round_id) == guild_id)
            and self._counted(self._rounds[a.record.round_id].session_id)
        ]
        answers.sort(key=lambda a: (a.record.round_id, a.id))
        # A question counts once, with the player's last answer (as the SQL store counts).
        answers = list({a.record.round_id: a for a in answers}.values())
        wins = sum(
            1
            for sid, standings in self._results.items()
            if (guild_id is None or self._sessions[sid].guild_id == guild_id)
            and self._counted(sid)
            and any(s.player_id == player_id and s.rank == 1 and s.points > 0 for s in standings)
        )
        return PlayerStats(
            player_id,
            self._names[player_id],
            len({self._rounds[a.record.round_id].session_id for a in answers}),
            wins,
            len(answers),
            sum(1 for a in answers if a.record.accepted),
            median_ms([a.record.elapsed_ms for a in answers if a.record.accepted]),
            best_streak(a.record.accepted for a in answers),
        )

    async def board_records(
        self, player_ids: Sequence[PlayerId], guild_id: GuildId
    ) -> Mapping[PlayerId, BoardRecord]:
        """Several players' answers, correct answers and best streaks in a guild (kept)."""
        self._check()
        kept = {p: self._records.get((guild_id, p)) for p in player_ids}
        return {
            p: BoardRecord(record.answers, record.correct, record.best_streak)
            for p, record in kept.items()
            if record is not None
        }

    async def guild_question_stats(self, guild_id: GuildId) -> Mapping[str, QuestionStats]:
        """How each item asked in one guild fared there, by item id."""
        self._check()
        rounds = [r for r in self._rounds.values() if self._guild_of(r.id) == guild_id]
        asked: dict[str, set[RoundId]] = {}
        for stored in rounds:
            asked.setdefault(stored.item_id, set()).add(stored.id)
        result: dict[str, QuestionStats] = {}
        for item_id, ids in asked.items():
            ordered = sorted(
                (a for a in self._answers if a.record.round_id in ids),
                key=lambda a: (a.record.round_id, a.id),
            )
            answers = list({(a.record.round_id, a.player_id): a.record for a in ordered}.values())
            correct = [a.elapsed_ms for a in answers if a.accepted]
            result[item_id] = QuestionStats(
                item_id, len(ids), len(answers), len(correct), median_ms(correct)
            )
        return result

    def _counted(self, session_id: SessionId) -> bool:
        """Whether a session counts in leaderboards and statistics (a night: per guild)."""
        session = self._sessions[session_id]
        if session.format is SessionFormat.GAME:
            return True
        return self._settings.get(session.guild_id, GuildSettings(session.guild_id)).night_points

    def _guild_of(self, round_id: RoundId) -> GuildId:
        return self._sessions[self._rounds[round_id].session_id].guild_id

    async def question_stats(self, item_id: str) -> QuestionStats:
        """How often an item was asked and answered correctly."""
        self._check()
        rounds = {r.id for r in self._rounds.values() if r.item_id == item_id}
        ordered = sorted(
            (a for a in self._answers if a.record.round_id in rounds),
            key=lambda a: (a.record.round_id, a.id),
        )
        answers = list({(a.record.round_id, a.player_id): a.record for a in ordered}.values())
        correct = [a.elapsed_ms for a in answers if a.accepted]
        return QuestionStats(item_id, len(rounds), len(answers), len(correct), median_ms(correct))

    # --- near misses ----------------------------------------------------------------------

    def _near_miss(self, answer: _Answer) -> NearMiss:
        record, stored = answer.record, self._rounds[answer.record.round_id]
        return NearMiss(
            answer.id,
            self._guild_of(stored.id),
            stored.id,
            stored.item_id,
            answer.player_id,
            replace(record.player, name=self._names[answer.player_id]),
            record.text,
            record.similarity,
            record.elapsed_ms,
            record.submitted_at,
            stored.time_limit_seconds,
            self._session_of(stored.id).format,
        )

    def _open_misses(self) -> list[_Answer]:
        return [
            a for a in self._answers if a.record.close and not a.record.accepted and not a.reviewed
        ]

    def _session_of(self, round_id: RoundId) -> SessionInfo:
        return self._sessions[self._rounds[round_id].session_id]

    async def near_misses(self, guild_id: GuildId, limit: int = 20) -> Sequence[NearMiss]:
        """Close answers not yet accepted, newest first."""
        self._check()
        found = [self._near_miss(a) for a in reversed(self._open_misses())]
        return [miss for miss in found if miss.guild_id == guild_id][:limit]

    async def near_miss(self, answer_id: AnswerId) -> NearMiss | None:
        """One near miss still open for review, or None."""
        self._check()
        found = [a for a in self._open_misses() if a.id == answer_id]
        return self._near_miss(found[0]) if found else None

    async def submitted_near_miss(self, submission_id: str) -> NearMiss | None:
        """The near miss stored under a submission id, while open for review, or None."""
        self._check()
        found = [a for a in self._open_misses() if a.record.submission_id == submission_id]
        return self._near_miss(found[0]) if found else None

    async def reject_near_miss(self, answer_id: AnswerId) -> bool:
        """Settle a near miss as wrong; False when it is not open for review."""
        self._check()
        found = [a for a in self._open_misses() if a.id == answer_id]
        if not found:
            return False
        self._answers[answer_id - 1] = replace(found[0], reviewed=True)
        return True

    async def accept_near_miss(
        self, answer_id: AnswerId, points: int, at: datetime, by: PlayerRef | None = None
    ) -> AwardOutcome | None:
        """Accept a near miss: credit its points once; keep its form, when and by whom."""
        self._check()
        found = [a for a in self._open_misses() if a.id == answer_id]
        if not found:
            return None
        answer = found[0]
        record = replace(answer.record, accepted=True, points=points)
        self._answers[answer.id - 1] = replace(
            answer, record=record, reviewed=True, accepted_by=by, accepted_at=at
        )
        guild_id = self._guild_of(record.round_id)
        self._recount(guild_id, answer.player_id)
        key = (guild_id, self._rounds[record.round_id].item_id)
        form = record.text.strip()
        if form not in self._forms.get(key, ()):
            self._forms[key] = (*self._forms.get(key, ()), form)
        return self._credit(record.round_id, answer.player_id, points, at, False)

    async def accepted_forms(self) -> Mapping[tuple[GuildId, str], tuple[str, ...]]:
        """Extra accepted answer forms per guild and item id (a form counts in its guild)."""
        self._check()
        return dict(self._forms)

    # --- settings and seasons -------------------------------------------------------------

    async def guild_settings(self, guild_id: GuildId) -> GuildSettings:
        """A guild's settings (the defaults when never saved)."""
        self._check()
        return self._settings.get(guild_id, GuildSettings(guild_id))

    async def save_guild_settings(self, settings: GuildSettings) -> None:
        """Store a guild's settings; turning ``night_points`` over recounts its records."""
        self._check()
        before = self._settings.get(settings.guild_id, GuildSettings(settings.guild_id))
        self._settings[settings.guild_id] = settings
        if before.night_points != settings.night_points:
            players = {
                a.player_id
                for a in self._answers
                if self._guild_of(a.record.round_id) == settings.guild_id
            }
            for player_id in sorted(players):
                self._recount(settings.guild_id, player_id)

    async def start_season(self, name: str, at: datetime) -> Season:
        """Start a new season; it becomes the current one from ``at``."""
        self._check()
        season = Season(SeasonId(len(self._seasons) + 1), name[:100], at)
        self._seasons.append(season)
        return season

    async def current_season(self, at: datetime) -> Season | None:
        """The newest season started at or before ``at``."""
        self._check()
        return self._season_at(at)

    def _season_at(self, at: datetime) -> Season | None:
        started = [s for s in self._seasons if s.started_at <= at]
        return max(started, key=lambda s: (s.started_at, s.id), default=None)


def as_repository(repository: InMemoryRepository) -> Repository:
    """The in-memory store typed as the protocol, so any signature drift fails mypy."""
    return repository
