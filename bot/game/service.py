"""GameService: the one API every front end (terminal, Discord) calls to play.

It combines the judge, the rules and the scoring with the repositories. Time comes from an
injected clock, question order from an injected random source, and waiting between storage
retries from an injected ``sleep``. One session runs per channel; a guild may run several.

Durability: every transition is stored as it happens (session created, question opened,
each judged answer with its points, hints, question closed, session ended), so the live
state held here is only a cache of what the database already knows.

Recovery policy after a crash or restart: :meth:`GameService.recover`, which the bot calls
at start, **closes** every session still marked running, **keeping all points**: a question
left open is settled as if its time had run out (in quiz mode each player's latest stored
answer is credited; race points were credited when they were won), and the session is
marked abandoned with its final standings stored. Sessions are not resumed: the players
who were in the channel may be gone, and a question reappearing minutes later would be
unfair. The recovered sessions are returned so the bot can post their standings.

Storage outages: writes that earn points are retried a bounded number of times with
exponential backoff; they are idempotent (a submission id makes a repeated answer count
once), so a retry never double-counts. When every attempt fails the caller gets
:class:`StorageUnavailableError`, whose message tells the player the answer was not recorded.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from bot.game import rules
from bot.game.errors import (
    ChannelNotAllowedError,
    NoQuestionsError,
    NoSessionError,
    NotFoundError,
    SessionStateError,
    StorageUnavailableError,
)
from bot.game.hints import MAX_HINTS, has_hints, hint_mask
from bot.game.judging import Judgement, judge_answer
from bot.game.models import (
    AnswerId,
    AnswerRecord,
    AwardOutcome,
    ChannelId,
    Clock,
    GuildId,
    Mode,
    NearMiss,
    PlayerRef,
    RoundInfo,
    SessionConfig,
    SessionInfo,
    SessionStatus,
    Standing,
)
from bot.game.rules import Attempt, Phase, Refusal, SessionState
from bot.game.scoring import award_points
from bot.storage.repository import Repository as Repository
from bot.storage.repository import StorageError
from questions.models import ItemType, TriviaItem

log = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]

STORE_ATTEMPTS = 4
FIRST_BACKOFF_SECONDS = 0.25
QUIET_SECONDS = 300.0
TIE_BREAK_POINTS = 1
TIE_BREAK_SECONDS = 20.0
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
_NOT_RECORDED = "The score database is unreachable, so this was not recorded. Try again shortly."


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    """A question put to the players, with its stored round."""

    round: RoundInfo
    item: TriviaItem
    number: int
    time_limit_seconds: float
    has_hints: bool = False
    tie_break: bool = False


@dataclass(frozen=True, slots=True)
class AnswerResult:
    """How an answer was judged and what it earned.

    ``refused`` says why an answer was not taken (then ``judgement`` is None). In quiz mode
    ``points`` stays 0 until the reveal, where the latest answer of each player counts.
    """

    judgement: Judgement | None
    points: int
    won: bool = False
    refused: Refusal | None = None


@dataclass(frozen=True, slots=True)
class Reveal:
    """What the players see when a question closes."""

    question: AskedQuestion
    answer: str
    credited: Mapping[PlayerRef, int]
    answered: int
    correct: int
    fastest: PlayerRef | None
    skipped: bool
    session_over: bool

    @property
    def share_correct(self) -> float:
        """Share of players whose (latest) answer was right."""
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class FinalResult:
    """A session's end: standings, and the players tied for first if there is a tie."""

    session: SessionInfo
    status: SessionStatus
    standings: Sequence[Standing]
    tied: tuple[Standing, ...]


@dataclass(frozen=True, slots=True)
class SkipResult:
    """A skip request: whether the question was skipped, and the vote count."""

    skipped: bool
    votes: int
    needed: int
    reveal: Reveal | None = None


@dataclass(frozen=True, slots=True)
class Hint:
    """A hint: the masked answer at a level; each level costs points."""

    text: str
    level: int


@dataclass(frozen=True, slots=True)
class TickReport:
    """What :meth:`GameService.tick` did: questions closed on time, sessions auto-stopped."""

    reveals: Mapping[ChannelId, Reveal] = field(default_factory=dict)
    stopped: Mapping[ChannelId, FinalResult] = field(default_factory=dict)


class _Live:
    """The cached state of one channel's session (mutable holder; the values are frozen)."""

    __slots__ = ("asked", "items", "state", "tie_guesses")

    def __init__(self, state: SessionState, items: Mapping[str, TriviaItem]) -> None:
        self.state = state
        self.items = items
        self.asked: AskedQuestion | None = None
        self.tie_guesses: dict[PlayerRef, tuple[float, datetime]] = {}


class GameService:
    """Plays sessions against a question bank and records everything as it happens."""

    def __init__(
        self,
        repository: Repository,
        items: Sequence[TriviaItem],
        clock: Clock,
        rng: random.Random,
        sleep: Sleep = asyncio.sleep,
        quiet_seconds: float = QUIET_SECONDS,
    ) -> None:
        self._repo = repository
        self._items = {item.id: item for item in items}
        self._clock = clock
        self._rng = rng
        self._sleep = sleep
        self._quiet_seconds = quiet_seconds
        self._live: dict[ChannelId, _Live] = {}
        self._extra_forms: dict[str, tuple[str, ...]] = {}

    # --- session lifecycle ----------------------------------------------------------------

    async def start(
        self,
        guild_id: GuildId,
        channel_id: ChannelId,
        config: SessionConfig | None = None,
        items: Sequence[TriviaItem] | None = None,
    ) -> SessionInfo:
        """Open a session in a channel; without ``config`` the guild's defaults apply.

        ``items`` narrows the questions of this session (a category or pack); by default
        the whole bank is used.

        Raises:
            NoQuestionsError: the bank is empty.
            SessionStateError: a game already runs in the channel.
            ChannelNotAllowedError: the guild does not allow games in this channel.
            StorageUnavailableError: the database cannot be reached.
        """
        pool = self._items if items is None else {item.id: item for item in items}
        if not pool:
            raise NoQuestionsError("The question bank is empty; build it with `trivia build`.")
        if channel_id in self._live:
            raise SessionStateError("A game is already running in this channel.")
        async with _recorded():
            settings = await self._repo.guild_settings(guild_id)
        if settings.allowed_channels and channel_id not in settings.allowed_channels:
            raise ChannelNotAllowedError("Trivia is not enabled in this channel.")
        config = config or SessionConfig(
            time_limit_seconds=settings.time_limit_seconds, guess_limit=settings.guess_limit
        )
        now = self._clock()
        async with _recorded():
            session = await self._repo.create_session(guild_id, channel_id, config, now)
        self._live[channel_id] = _Live(rules.new_session(session, now), pool)
        log.info("session %s started in guild %s (%s)", session.id, guild_id, config.mode.value)
        return session

    def session(self, channel_id: ChannelId) -> SessionState | None:
        """The live state of the channel's session, or None when no game runs there."""
        live = self._live.get(channel_id)
        return None if live is None else live.state

    async def ask(self, channel_id: ChannelId) -> AskedQuestion:
        """Ask the next question, one not yet asked in the guild while the bank allows.

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: a question is open, the game is paused or over.
            StorageUnavailableError: the database cannot be reached.
        """
        live = self._require(channel_id)
        if live.state.phase is not Phase.BETWEEN or rules.is_over(live.state):
            raise SessionStateError("The next question cannot be asked now.")
        session = live.state.session
        async with _recorded():
            asked = await self._repo.asked_item_ids(session.guild_id)
        item = live.items[rules.pick_item(list(live.items), asked, self._rng)]
        return await self._open(live, item, session.time_limit_seconds, None)

    async def _open(
        self,
        live: _Live,
        item: TriviaItem,
        base_seconds: float,
        contenders: frozenset[PlayerRef] | None,
    ) -> AskedQuestion:
        now = self._clock()
        limit = base_seconds if contenders else rules.time_limit(item.question, base_seconds)
        number = live.state.asked + 1
        async with _recorded():
            stored = await self._repo.open_round(live.state.session.id, number, item.id, now, limit)
        live.state = rules.open_round(live.state, now, limit, contenders)
        live.tie_guesses = {}
        tie = contenders is not None
        live.asked = AskedQuestion(stored, item, number, limit, has_hints(item) and not tie, tie)
        return live.asked

    async def answer(
        self,
        channel_id: ChannelId,
        player: PlayerRef,
        text: str,
        submission_id: str | None = None,
    ) -> AnswerResult:
        """Judge an answer, store it and, in a race, credit its points at once.

        Args:
            channel_id: Where the answer was given.
            player: Who answered.
            text: The raw answer.
            submission_id: The message or interaction id; a repeated delivery of the same
                submission is stored and counted once.

        Raises:
            NoSessionError: no game runs in the channel.
            StorageUnavailableError: the answer could not be recorded, even after retries.
        """
        live = self._require(channel_id)
        now = self._clock()
        refused = rules.refusal(live.state, player, now)
        if refused is not None or live.asked is None:
            return AnswerResult(None, 0, refused=refused or Refusal.NO_QUESTION)
        live.state = rules.count_guess(live.state, player, now)
        asked, state = live.asked, live.state
        if asked.tie_break:
            return await self._tie_break_answer(live, asked, player, text, now)
        judgement = self._judge(asked.item, text)
        current = state.round
        if current is None:  # pragma: no cover - count_guess just succeeded
            raise SessionStateError("There is no open question.")
        elapsed = max(current.time_limit_seconds - (current.deadline - now).total_seconds(), 0.0)
        points = award_points(
            judgement.accepted,
            elapsed,
            current.time_limit_seconds,
            current.hints_used,
            rules.streak_of(state, player),
        )
        record = AnswerRecord(
            asked.round.id,
            player,
            text,
            now,
            judgement.accepted,
            judgement.close,
            judgement.score,
            round(elapsed * 1000),
            points,
            submission_id or f"{asked.round.id}:{self._rng.getrandbits(64):016x}",
        )
        race = state.session.mode is Mode.RACE
        outcome = await self._retrying(lambda: self._repo.record_answer(record, race, race))
        if live.asked is asked:  # the question may have closed while the answer was stored
            attempt = Attempt(player, judgement.accepted, elapsed, outcome.points or points)
            live.state = rules.note_attempt(live.state, attempt, outcome.won_round)
        return AnswerResult(judgement, outcome.points, outcome.won_round)

    def _judge(self, item: TriviaItem, text: str) -> Judgement:
        answers = (*item.answers, *self._extra_forms.get(item.id, ()))
        return judge_answer(text, answers, kind=item.type.value, choices=item.choices or None)

    async def hint(self, channel_id: ChannelId) -> Hint:
        """Reveal a little more of the answer; every hint lowers the points still to win.

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: no question is open, it has no hints, or all were given.
        """
        live = self._require(channel_id)
        if live.asked is None or not live.asked.has_hints:
            raise SessionStateError("There is no hint for this question.")
        try:
            live.state = rules.take_hint(live.state, MAX_HINTS)
        except ValueError as exc:
            raise SessionStateError("No more hints for this question.") from exc
        level = live.state.round.hints_used if live.state.round else 0
        async with _recorded():
            await self._repo.record_hint(live.asked.round.id, level)
        return Hint(hint_mask(live.asked.item.answers[0], level), level)

    async def skip(self, channel_id: ChannelId, player: PlayerRef, is_host: bool) -> SkipResult:
        """Skip the open question: at once for the host, else by a vote of half the players.

        A skipped question scores nothing.

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: no question is open.
        """
        live = self._require(channel_id)
        if live.state.phase is not Phase.ASKING or live.state.round is None:
            raise SessionStateError("There is no question to skip.")
        live.state, enough = rules.vote_skip(live.state, player)
        votes = len(live.state.round.skip_votes) if live.state.round else 0
        needed = rules.skip_votes_needed(live.state)
        if not (enough or is_host):
            return SkipResult(False, votes, needed)
        return SkipResult(True, votes, needed, await self._close(live, skipped=True))

    async def pause(self, channel_id: ChannelId) -> None:
        """Stop the clock of the channel's game.

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: the game is already paused.
        """
        live = self._require(channel_id)
        now = self._clock()
        try:
            live.state = rules.pause(live.state, now)
        except ValueError as exc:
            raise SessionStateError("The game is already paused.") from exc
        async with _recorded():
            await self._repo.save_phase(live.state.session.id, Phase.PAUSED.value, now)

    async def resume(self, channel_id: ChannelId) -> None:
        """Restart the clock; an open question keeps the time it had left.

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: the game is not paused.
        """
        live = self._require(channel_id)
        now = self._clock()
        try:
            live.state = rules.resume(live.state, now)
        except ValueError as exc:
            raise SessionStateError("The game is not paused.") from exc
        async with _recorded():
            await self._repo.save_phase(live.state.session.id, live.state.phase.value, now)

    async def close(self, channel_id: ChannelId) -> Reveal:
        """Close the open question (its time ran out, or a race was won) and reveal it.

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: no question is open.
            StorageUnavailableError: the points could not be recorded, even after retries.
        """
        return await self._close(self._require(channel_id), skipped=False)

    async def _close(self, live: _Live, skipped: bool) -> Reveal:
        asked, current = live.asked, live.state.round
        if asked is None or current is None:
            raise SessionStateError("There is no open question.")
        now = self._clock()
        quiz = live.state.session.mode is Mode.QUIZ and not asked.tie_break
        credits = await self._retrying(
            lambda: self._repo.settle_round(asked.round.id, now, quiz and not skipped)
        )
        credited = {credit.player: credit.points for credit in credits}
        if asked.tie_break:
            credited = await self._award_tie_break(live, asked)
        elif not quiz and current.winner is not None and not skipped:
            credited = {current.winner: current.latest[current.winner].points}
        live.state = rules.close_round(live.state, credited)
        live.asked = None
        right = [a for a in current.latest.values() if a.accepted]
        fastest = min(right, key=lambda a: a.elapsed_seconds).player if right else None
        async with _recorded():
            await self._repo.save_phase(live.state.session.id, live.state.phase.value, now)
        log.info("round %s closed (skipped=%s)", asked.round.id, skipped)
        return Reveal(
            asked,
            asked.item.answers[0],
            credited,
            len(current.latest),
            len(right),
            fastest,
            skipped,
            rules.is_over(live.state),
        )

    async def tie_break(self, channel_id: ChannelId) -> AskedQuestion:
        """Ask a tie-breaker between the players sharing first place: closest number wins.

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: there is no tie, a question is open, or no numeric question.
        """
        live = self._require(channel_id)
        best = max(live.state.totals.values(), default=0)
        contenders = frozenset(p for p, points in live.state.totals.items() if points == best)
        numeric = sorted(i for i, item in self._items.items() if _number_answer(item) is not None)
        if best <= 0 or len(contenders) < 2 or live.state.phase is not Phase.BETWEEN:
            raise SessionStateError("There is no tie to break now.")
        if not numeric:
            raise SessionStateError("The bank has no numeric question for a tie-breaker.")
        item = self._items[self._rng.choice(numeric)]
        return await self._open(live, item, TIE_BREAK_SECONDS, contenders)

    async def _tie_break_answer(
        self, live: _Live, asked: AskedQuestion, player: PlayerRef, text: str, now: datetime
    ) -> AnswerResult:
        found = _NUMBER.search(text)
        if found is not None:
            live.tie_guesses[player] = (float(found.group(0).replace(",", ".")), now)
        judgement = self._judge(asked.item, text)
        elapsed_ms = round((now - asked.round.opened_at).total_seconds() * 1000)
        record = AnswerRecord(
            asked.round.id,
            player,
            text,
            now,
            judgement.accepted,
            False,
            judgement.score,
            elapsed_ms,
            0,
            f"{asked.round.id}:tie:{player.platform}:{player.external_id}",
        )
        await self._retrying(lambda: self._repo.record_answer(record, False, False))
        return AnswerResult(judgement, 0)

    async def _award_tie_break(self, live: _Live, asked: AskedQuestion) -> dict[PlayerRef, int]:
        target = _number_answer(asked.item)
        winners = rules.closest(live.tie_guesses, target or 0.0)
        now = self._clock()
        for winner in winners:
            await self._retrying(
                lambda winner=winner: self._repo.award(  # type: ignore[misc]  # bound per loop
                    asked.round.id, winner, TIE_BREAK_POINTS, now
                )
            )
        return dict.fromkeys(winners, TIE_BREAK_POINTS)

    async def finish(
        self, channel_id: ChannelId, status: SessionStatus = SessionStatus.FINISHED
    ) -> FinalResult:
        """End the channel's game (an open question is settled first, its points kept).

        Raises:
            NoSessionError: no game runs in the channel.
            StorageUnavailableError: the database cannot be reached.
        """
        live = self._require(channel_id)
        if live.asked is not None:
            await self._close(live, skipped=False)
        session = live.state.session
        result = await self._end(session, status)
        del self._live[channel_id]
        return result

    async def _end(self, session: SessionInfo, status: SessionStatus) -> FinalResult:
        now = self._clock()
        async with _recorded():
            standings = await self._repo.session_standings(session.id)
            await self._repo.end_session(session.id, status, now, standings)
        leaders = rules.leaders(standings)
        log.info("session %s ended (%s)", session.id, status.value)
        return FinalResult(session, status, standings, leaders if len(leaders) > 1 else ())

    async def tick(self) -> TickReport:
        """Close questions whose time ran out and stop games quiet for too long.

        The bot calls this every second or so; nothing else here waits on a timer.
        """
        now = self._clock()
        reveals: dict[ChannelId, Reveal] = {}
        stopped: dict[ChannelId, FinalResult] = {}
        for channel_id, live in list(self._live.items()):
            if rules.is_quiet(live.state, now, self._quiet_seconds):
                stopped[channel_id] = await self.finish(channel_id)
            elif rules.is_time_up(live.state, now):
                reveals[channel_id] = await self._close(live, skipped=False)
        return TickReport(reveals, stopped)

    async def recover(self) -> Sequence[FinalResult]:
        """Close every session left running by a crash, keeping all points (see the module).

        Raises:
            StorageUnavailableError: the database cannot be reached.
        """
        async with _recorded():
            self._extra_forms = dict(await self._repo.accepted_forms())
            unfinished = await self._repo.unfinished_sessions()
        running = {live.state.session.id for live in self._live.values()}
        results: list[FinalResult] = []
        for entry in unfinished:
            if entry.session.id in running:
                continue
            last = entry.last_round
            if last is not None and not last.closed:
                await self._settle_left_open(last.round, entry.session.mode is Mode.QUIZ)
            results.append(await self._end(entry.session, SessionStatus.ABANDONED))
        return results

    async def _settle_left_open(self, stored: RoundInfo, quiz: bool) -> None:
        now = self._clock()
        await self._retrying(lambda: self._repo.settle_round(stored.id, now, quiz))

    # --- near misses ----------------------------------------------------------------------

    async def near_misses(self, guild_id: GuildId, limit: int = 20) -> Sequence[NearMiss]:
        """Close answers a host may still accept, newest first."""
        async with _recorded():
            return await self._repo.near_misses(guild_id, limit)

    async def accept_near_miss(self, guild_id: GuildId, answer_id: AnswerId) -> AwardOutcome:
        """Accept a near miss: award its points now and accept its form from now on.

        Raises:
            NotFoundError: no open near miss with that id in the guild.
            StorageUnavailableError: the database cannot be reached.
        """
        async with _recorded():
            miss = await self._repo.near_miss(answer_id)
        if miss is None or miss.guild_id != guild_id:
            raise NotFoundError("There is no such near miss to accept.")
        points = award_points(True, miss.elapsed_ms / 1000, miss.time_limit_seconds)
        outcome = await self._retrying(
            lambda: self._repo.accept_near_miss(answer_id, points, self._clock())
        )
        if outcome is None:
            raise NotFoundError("That near miss was already reviewed.")
        forms = self._extra_forms.get(miss.item_id, ())
        self._extra_forms[miss.item_id] = (*forms, miss.text.strip())
        return outcome

    # --- plumbing -------------------------------------------------------------------------

    def _require(self, channel_id: ChannelId) -> _Live:
        live = self._live.get(channel_id)
        if live is None:
            raise NoSessionError("No trivia game is running in this channel.")
        return live

    async def _retrying(self, call: Callable[[], Awaitable[T]]) -> T:
        """Run an idempotent write, retrying with backoff while the database is down."""
        delay = FIRST_BACKOFF_SECONDS
        for attempt in range(1, STORE_ATTEMPTS + 1):
            try:
                return await call()
            except StorageError as exc:
                if attempt == STORE_ATTEMPTS:
                    raise StorageUnavailableError(_NOT_RECORDED) from exc
                log.warning("storage failed (attempt %s), retrying: %s", attempt, exc)
                await self._sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover


def _number_answer(item: TriviaItem) -> float | None:
    """The numeric answer of an open question, if it has one (a tie-breaker candidate)."""
    if item.type is not ItemType.OPEN or not item.answers:
        return None
    found = _NUMBER.fullmatch(item.answers[0].strip())
    return None if found is None else float(found.group(0).replace(",", "."))


@asynccontextmanager
async def _recorded() -> AsyncIterator[None]:
    """Turn a storage failure into an error players can read; nothing half-done is hidden."""
    try:
        yield
    except StorageError as exc:
        raise StorageUnavailableError(_NOT_RECORDED) from exc
