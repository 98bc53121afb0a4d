"""Domain values of a quiz night: the plan, participants, teams, answers and the night's state.

A night is planned as rounds (a category and a number of questions), signed up for by
participants (in teams when team play is on), run by a host who may hand over to a co-host,
and decided by its points, an optional joker round and a tie-breaker announced in advance.
Every value is a frozen dataclass of plain fields, which the stores keep as rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import NewType

from bot.game import answered as engine_answered
from bot.game.answered import Answered
from bot.game.asking import Asking
from bot.game.closing import Attempt
from bot.game.models import ChannelId, Cursor, GuildId, Mode, PlayerRef
from bot.game.onscreen import OnScreen
from bot.game.tiebreak import Guess

# A night's tie-breaker, announced before it starts, is the engine's number asked.
from bot.game.tiebreak import TieBreaker as TieBreaker

NightId = NewType("NightId", int)
ContestantId = NewType("ContestantId", str)
"""Who competes for the podium: a team (``team:<name>``) or, without teams, a player."""

DEFAULT_NIGHT_TIME_LIMIT_SECONDS = 30.0


class NightStatus(StrEnum):
    """Where a night is in its lifecycle (see :mod:`bot.night.rules`)."""

    SCHEDULED = "scheduled"
    SIGNING_UP = "signing_up"
    RUNNING = "running"
    PAUSED = "paused"
    BETWEEN_ROUNDS = "between_rounds"
    TIE_BREAK = "tie_break"
    FINISHED = "finished"


@dataclass(frozen=True, slots=True)
class RoundPlan:
    """One round of the night: questions from one category."""

    category: str
    questions: int


@dataclass(frozen=True, slots=True)
class QuizNight:
    """A planned quiz night.

    Attributes:
        id: The night's id.
        guild_id: The guild it runs in.
        channel_id: The channel where questions are asked.
        title: Shown in the announcement, the recap and on the podium.
        starts_at: Planned start (aware UTC).
        rounds: The rounds in order.
        mode: Race (the first right answer takes the question) or quiz (everyone answers).
        team_play: Whether participants compete in teams.
        host: The member who created the night.
        tie_breaker: The question that decides ties for a podium place.
        joker_enabled: Whether each contestant may double its points for one round.
        time_limit_seconds: Time to answer each question.
        tie_break_enabled: Whether ties for a podium place go to the tie-breaker; when off
            they stay ties.
        event_id: The Discord scheduled event announcing the night, or None.
        hints: Whether the host may give hints on open questions; each hint taken before
            an answer costs points, as in games.
        streaks: Whether right answers in a row earn the games' streak bonus.
        reading_time: Whether long questions get the games' extra reading time on top of
            ``time_limit_seconds``.
    """

    id: NightId
    guild_id: GuildId
    channel_id: ChannelId
    title: str
    starts_at: datetime
    rounds: tuple[RoundPlan, ...]
    mode: Mode
    team_play: bool
    host: PlayerRef
    tie_breaker: TieBreaker
    joker_enabled: bool = False
    time_limit_seconds: float = DEFAULT_NIGHT_TIME_LIMIT_SECONDS
    tie_break_enabled: bool = True
    event_id: int | None = None
    hints: bool = False
    streaks: bool = False
    reading_time: bool = False


@dataclass(frozen=True, slots=True)
class Participant:
    """A member signed up for the night, with the team they chose (None without team play)."""

    player: PlayerRef
    team: str | None
    joined_at: datetime


@dataclass(frozen=True, slots=True)
class Team:
    """A team and its members, in sign-up order."""

    name: str
    members: tuple[PlayerRef, ...]


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    """A night's question on screen: the engine's value, and where it is in the plan.

    What every format's question on screen has is :attr:`screen`
    (:class:`~bot.game.onscreen.OnScreen`): the item, its place in the whole night (see
    :func:`position`), its clock and hints, its time limit (the night's, with reading
    time when the night gives it), the round storing it, the message showing it and
    whether it was revealed. Who answered it is :attr:`answered`
    (:class:`~bot.game.answered.Answered`), as a game's round has it. Beside them is only
    what a night adds: the ``cursor`` (round and question of the plan) and
    ``checked_at``, the latest moment the question is known to have been running (saved
    by the clock now and then): after a crash the night is paused there. The store keeps
    both in the ``open_*`` columns of its night.
    """

    cursor: Cursor
    screen: OnScreen
    checked_at: datetime | None = None
    answered: Answered = field(default_factory=Answered, compare=False)
    """Who answered it (:mod:`bot.game.answered`). Like the night's answers it is the
    session's: the night store keeps neither, and the ledger reads both back
    (:func:`with_answers`), so it is left out when two nights are compared, as the answers
    it follows from are compared already."""

    @property
    def item_id(self) -> str:
        """The item asked (the screen's)."""
        return self.screen.item_id

    @property
    def asking(self) -> Asking:
        """Its clock and hints as every format keeps them (:mod:`bot.game.asking`)."""
        return self.screen.asking

    @property
    def opened_at(self) -> datetime:
        """When it opened, moved forward by every pause (the screen's)."""
        return self.screen.opened_at

    @property
    def deadline(self) -> datetime:
        """When its time runs out (the screen's)."""
        return self.screen.deadline

    @property
    def hints_used(self) -> int:
        """Hints the host gave on it (the screen's)."""
        return self.screen.hints_used

    @property
    def revealed(self) -> bool:
        """Whether its answer was shown (the screen's)."""
        return self.screen.revealed

    @property
    def message_id(self) -> int | None:
        """The message showing it, None until posted (the screen's)."""
        return self.screen.message_id

    @property
    def round_id(self) -> int | None:
        """The round storing it in the play engine's tables, None until stored."""
        return self.screen.round_id

    def with_screen(self, screen: OnScreen) -> OpenQuestion:
        """The question with the engine's value as it moved."""
        return replace(self, screen=screen)

    def with_asking(self, asking: Asking) -> OpenQuestion:
        """The question with its clock and hints as the engine moved them."""
        return replace(self, screen=self.screen.with_asking(asking))

    def with_answered(self, answered: Answered) -> OpenQuestion:
        """The question with who answered it as the engine keeps it."""
        return replace(self, answered=answered)


@dataclass(frozen=True, slots=True)
class NightAnswer:
    """One judged answer of a participant.

    ``points`` are the raw points; a joker doubles them when standings are computed, so a
    near miss accepted later is doubled too. ``accepted_by`` names the host who accepted a
    near miss after the fact; ``rejected`` marks a near miss a host confirmed as wrong.
    ``round_id`` is the round of the play engine's tables the answer is stored under.
    """

    cursor: Cursor
    item_id: str
    player: PlayerRef
    text: str
    correct: bool
    near_miss: bool
    similarity: float
    elapsed_ms: int
    points: int
    submitted_at: datetime
    accepted_by: PlayerRef | None = None
    rejected: bool = False
    round_id: int | None = None

    @property
    def attempt(self) -> Attempt:
        """The answer as the engine sees it (its points without a joker)."""
        return Attempt(self.player, self.correct, self.elapsed_ms / 1000, self.points)


@dataclass(frozen=True, slots=True)
class Joker:
    """A contestant's joker: its points in that round (counted from 0) count double."""

    contestant: ContestantId
    round: int


@dataclass(frozen=True, slots=True)
class TieBreakGuess:
    """A contestant's number for the tie-breaker, given by one of its members."""

    contestant: ContestantId
    player: PlayerRef
    value: float
    submitted_at: datetime

    @property
    def guess(self) -> Guess[ContestantId]:
        """The number as the engine's tie-break rule takes it (its contestant's guess)."""
        return Guess(self.contestant, self.value, self.submitted_at)


@dataclass(frozen=True, slots=True)
class NightState:
    """Everything that happened in a night so far; the rules return a new one per action.

    Attributes:
        night: The plan.
        status: Where the night is.
        controller: The host currently in control (the creator or a co-host who took over).
        cohosts: Members allowed to take over.
        participants: Sign-ups in order.
        questions: Item ids per round, drawn when the night starts.
        question: The question on screen (running or paused), else None.
        paused_at: When the night was paused, else None.
        answers: Every judged answer.
        skipped: Questions the host skipped; they score nothing.
        jokers: Jokers played.
        rounds_done: Rounds finished so far.
        contenders: Contestants playing the tie-breaker (empty outside it).
        guesses: Tie-breaker numbers given.
        finished_at: When the night ended, else None.
        tie_break_message_id: The message asking for the tie-breaker numbers, once posted.
        session_id: The session recording the night's rounds and answers in the play
            engine's tables (None until the night starts).
        time_limits: Seconds to answer each drawn question, per round, when the night
            gives reading time (empty: the night's time limit for every question).
    """

    night: QuizNight
    status: NightStatus
    controller: PlayerRef
    cohosts: tuple[PlayerRef, ...] = ()
    participants: tuple[Participant, ...] = ()
    questions: tuple[tuple[str, ...], ...] = ()
    question: OpenQuestion | None = None
    paused_at: datetime | None = None
    answers: tuple[NightAnswer, ...] = ()
    skipped: tuple[Cursor, ...] = ()
    jokers: tuple[Joker, ...] = ()
    rounds_done: int = 0
    contenders: tuple[ContestantId, ...] = ()
    guesses: tuple[TieBreakGuess, ...] = ()
    finished_at: datetime | None = None
    tie_break_message_id: int | None = None
    session_id: int | None = None
    time_limits: tuple[tuple[float, ...], ...] = ()

    def time_limit(self, cursor: Cursor) -> float:
        """Seconds to answer the question at ``cursor``."""
        if self.time_limits:
            return self.time_limits[cursor.round][cursor.question]
        return self.night.time_limit_seconds

    def participant(self, player: PlayerRef) -> Participant | None:
        """The player's sign-up, or None if they did not sign up."""
        return next((p for p in self.participants if p.player == player), None)

    def contestant_of(self, participant: Participant) -> ContestantId:
        """Who the participant competes for: their team with team play, else themselves."""
        if self.night.team_play and participant.team is not None:
            return team_key(participant.team)
        return player_key(participant.player)

    def teams(self) -> tuple[Team, ...]:
        """The teams with their members, in the order they were first chosen."""
        members: dict[str, list[PlayerRef]] = {}
        names: dict[str, str] = {}
        for participant in self.participants:
            if participant.team is None:
                continue
            key = team_key(participant.team)
            names.setdefault(key, participant.team)
            members.setdefault(key, []).append(participant.player)
        return tuple(Team(names[key], tuple(players)) for key, players in members.items())


def with_answers(state: NightState, answers: tuple[NightAnswer, ...]) -> NightState:
    """The night with ``answers`` as all its answers, read again (from its session).

    Who answered the question on screen is read from them too: its answers in the order
    given, the first right one winning a race (:func:`bot.game.answered.of`).
    """
    question = state.question
    if question is not None:
        given = (a.attempt for a in answers if a.cursor == question.cursor)
        question = question.with_answered(engine_answered.of(given))
    return replace(state, answers=answers, question=question)


def player_key(player: PlayerRef) -> ContestantId:
    """The contestant id of a player competing alone."""
    return ContestantId(f"player:{player.platform}:{player.external_id}")


def team_key(name: str) -> ContestantId:
    """The contestant id of a team; names differing only in case or spacing are one team."""
    return ContestantId(f"team:{' '.join(name.casefold().split())}")


def position(night: QuizNight, cursor: Cursor) -> int:
    """The question's place in the whole night, counted from 0 across rounds."""
    return sum(plan.questions for plan in night.rounds[: cursor.round]) + cursor.question
