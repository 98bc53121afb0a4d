"""GameService: the one API every front end (terminal, Discord) calls to play.

It combines the judge, the rules and the scoring with the storage ports it is given
(sessions, rounds, settings, review: :mod:`bot.game.ports`). Time comes from an injected
clock, question order from an injected random source, and waiting between storage retries
from an injected ``sleep``. One session runs per channel; a guild may run several.

Durability: every transition is stored as it happens (session created, question opened,
each judged answer with its points, hints, question closed, session ended), so the live
state held here is only a cache of what the database already knows.

Recovery policy after a crash or restart: :meth:`GameService.recover`, which the bot calls
at start, hands the engine's recovery step (:mod:`bot.game.recovery`) the games' policy
(:class:`GamesLeftRunning`); it **closes** every game still marked running, **keeping all
points**: a question left open is settled as if its time had run out (in quiz mode each
player's latest stored answer is credited; race points were credited when they were won),
and the session is marked abandoned with its final standings stored. Sessions are not
resumed: the players who were in the channel may be gone, and a question reappearing
minutes later would be unfair. The recovered sessions are returned so the bot can post
their standings.

Storage outages: writes that earn points are retried with backoff and never double-count
(see :mod:`bot.game.recording`); when every attempt fails the player is told the answer was
not recorded.

The service holds its parts, each given what it uses in its constructor: the live state per
channel (:class:`bot.game.live.LiveGames`), tie-breakers (:class:`bot.game.tiebreaks.TieBreaks`)
and near-miss review (:class:`bot.game.moderation.NearMissReview`); the values it returns are
in :mod:`bot.game.outcomes`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import random
from collections.abc import Awaitable, Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from bot.game import answering, asking, closing, onscreen, recovery, rules
from bot.game.answered import Answered
from bot.game.answering import Refusal
from bot.game.closing import Attempt, Closed, Closing, Crediting, Timed
from bot.game.errors import (
    ChannelNotAllowedError,
    NoQuestionsError,
    SessionStateError,
)
from bot.game.hints import MAX_HINTS, NO_HINT, NO_MORE_HINTS, NoHintError, next_hint
from bot.game.judging import Judge, Judgement
from bot.game.live import LiveGames, LiveSession, open_question
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
    RoundId,
    RoundInfo,
    SessionConfig,
    SessionFormat,
    SessionId,
    SessionInfo,
    SessionStatus,
    UnfinishedSession,
)
from bot.game.moderation import NearMissReview
from bot.game.outcomes import (
    AnswerResult,
    AskedQuestion,
    FinalResult,
    Hint,
    Reveal,
    SkipResult,
)
from bot.game.ports import (
    ReviewRepository,
    RoundRepository,
    SessionRepository,
    SettingsRepository,
    StorageError,
)
from bot.game.recording import Sleep, recorded, retrying
from bot.game.recovery import RecoveryPolicy, RecoveryStore
from bot.game.rules import Phase, SessionState
from bot.game.selection import choose_item
from bot.game.ticking import Due
from bot.game.tiebreaks import TieBreaks
from questions.models import TriviaItem

# Front ends import these from here; they live in modules of their own.
__all__ = [
    "AnswerResult",
    "AskedQuestion",
    "FinalResult",
    "GameService",
    "GamesLeftRunning",
    "GamesOnTheClock",
    "Hint",
    "Reveal",
    "SkipResult",
    "Sleep",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

QUIET_SECONDS = 300.0


class GameService:
    """Plays sessions against a question bank and records everything as it happens."""

    def __init__(
        self,
        items: Sequence[TriviaItem],
        clock: Clock,
        rng: random.Random,
        sleep: Sleep = asyncio.sleep,
        quiet_seconds: float = QUIET_SECONDS,
        *,
        sessions: SessionRepository,
        rounds: RoundRepository,
        settings: SettingsRepository,
        review: ReviewRepository,
        unfinished: RecoveryStore,
        judge: Judge,
    ) -> None:
        """Build the service and its parts, handing each part the ports it uses.

        Args:
            items: The question bank.
            clock: The time every transition is stored at.
            rng: Chooses the questions.
            sleep: Waits between retries of a write while the database is down.
            quiet_seconds: How long a game may go without an answer before it stops.
            sessions: Sessions created, saved at each transition, ended with standings.
            rounds: Questions asked, answers judged, hints given, rounds settled.
            settings: The guilds' settings (allowed channels, a game's defaults).
            review: Near misses, and the answer forms hosts accepted.
            unfinished: The sessions a stop left running with their rounds, for the
                engine's recovery step (:func:`bot.game.recovery.recover`).
            judge: The judge built with the references' aliases by the entry point.
        """
        self._sessions = sessions
        self._rounds = rounds
        self._settings = settings
        self._review = review
        self._unfinished = unfinished
        self._items = {item.id: item for item in items}
        self._clock = clock
        self._rng = rng
        self._sleep = sleep
        self._quiet_seconds = quiet_seconds
        self._games = LiveGames(judge)
        self._tie_breaks = TieBreaks(self._games, rounds, self._items, clock, rng, sleep)
        self._near_misses = NearMissReview(self._games, review, clock, sleep)

    def session(self, channel_id: ChannelId) -> SessionState | None:
        """The live state of the channel's session, or None when no game runs there."""
        return self._games.session(channel_id)

    async def tie_break(self, channel_id: ChannelId) -> AskedQuestion:
        """Ask a tie-breaker between the players sharing first place (see :mod:`.tiebreaks`).

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: there is no tie, a question is open, the game had its
                tie-breaker, or the bank has no numeric question.
        """
        return await self._tie_breaks.ask(channel_id)

    async def near_misses(self, guild_id: GuildId, limit: int = 20) -> Sequence[NearMiss]:
        """Close answers of games and nights a host may still accept, newest first."""
        return await self._near_misses.near_misses(guild_id, limit)

    async def accept_near_miss(
        self, guild_id: GuildId, answer_id: AnswerId, by: PlayerRef
    ) -> AwardOutcome:
        """Accept a game's near miss: its points now, its form judged right from now on.

        Its stored answer keeps when and by which moderator (``by``) it was accepted.

        Raises:
            NotFoundError: no open near miss of a game with that id in the guild.
            StorageUnavailableError: the database cannot be reached.
        """
        return await self._near_misses.accept_near_miss(guild_id, answer_id, by)

    def accept_form(self, guild_id: GuildId, item_id: str, form: str) -> None:
        """Judge ``form`` right for the question in the guild's games from now on.

        The store keeps it already (accepting a near miss stores its form); this tells the
        running games, as accepting a game's near miss does.
        """
        self._games.accept_form(guild_id, item_id, form)

    async def reject_near_miss(self, guild_id: GuildId, answer_id: AnswerId) -> None:
        """Reject a game's near miss: it scores nothing and leaves the review.

        Raises:
            NotFoundError: no open near miss of a game with that id in the guild.
            StorageUnavailableError: the database cannot be reached.
        """
        await self._near_misses.reject_near_miss(guild_id, answer_id)

    async def _retrying(self, call: Callable[[], Awaitable[T]]) -> T:
        """Run an idempotent write, retrying with backoff while the database is down."""
        return await retrying(call, self._sleep)

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
        if self._games.get(channel_id) is not None:
            raise SessionStateError("A game is already running in this channel.")
        async with recorded():
            settings = await self._settings.guild_settings(guild_id)
        if settings.allowed_channels and channel_id not in settings.allowed_channels:
            raise ChannelNotAllowedError("Trivia is not enabled in this channel.")
        config = config or SessionConfig(
            time_limit_seconds=settings.time_limit_seconds, guess_limit=settings.guess_limit
        )
        now = self._clock()
        async with recorded():
            session = await self._sessions.create_session(guild_id, channel_id, config, now)
        self._games.add(channel_id, LiveSession(rules.new_session(session, now), pool))
        log.info("session %s started in guild %s (%s)", session.id, guild_id, config.mode.value)
        return session

    async def ask(self, channel_id: ChannelId) -> AskedQuestion:
        """Ask the next question, unrelated to the game's others and new to the guild.

        Both hold while the bank allows (see :mod:`bot.game.selection`).

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: a question is open, the game is paused or over.
            StorageUnavailableError: the database cannot be reached.
        """
        live = self._games.require(channel_id)
        async with live.turn:
            self._games.require_same(channel_id, live)
            if live.state.phase is not Phase.BETWEEN or rules.is_over(live.state):
                raise SessionStateError("The next question cannot be asked now.")
            session = live.state.session
            async with recorded():
                asked = await self._sessions.asked_item_ids(session.guild_id)
            item = choose_item(live.items, asked, live.asked_items, self._rng)
            opened = await open_question(
                live, item, session.time_limit_seconds, None, self._rounds, self._clock()
            )
            live.asked_items.append(item)
            return opened

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
        live = self._games.require(channel_id)
        now = self._clock()
        refused = rules.refusal(live.state, player, now)
        if refused is not None or live.asked is None:
            return AnswerResult(None, 0, refused=refused or Refusal.NO_QUESTION)
        live.state = rules.count_guess(live.state, player, now)
        asked = live.asked
        if asked.tie_break:
            return await self._tie_breaks.answer(live, asked, player, text, now)
        # Only what is needed after the write is kept across it: in a burst thousands of
        # answers wait for their commit at once, each holding this frame.
        taken = self._judged(live, asked, player, text, now, submission_id)
        record = taken.record
        try:
            outcome = await self._rounds.record_answer(record, taken.race, taken.race)
        except StorageError as exc:  # retried as any write that earns points
            store = functools.partial(self._rounds.record_answer, record, taken.race, taken.race)
            outcome = await retrying(store, self._sleep, failed=exc)
        if live.asked is asked:  # the question may have closed while the answer was stored
            points = outcome.points or record.points
            attempt = Attempt(player, record.accepted, taken.elapsed, points)
            live.state = rules.note_attempt(live.state, attempt, outcome.won_round)
        return AnswerResult(
            taken.judgement, outcome.points, outcome.won_round, round_id=asked.round.id
        )

    def _judged(
        self,
        live: LiveSession,
        asked: AskedQuestion,
        player: PlayerRef,
        text: str,
        now: datetime,
        submission_id: str | None,
    ) -> _Judged:
        """Judge and score an answer just counted, ready to be stored."""
        judgement = self._games.judge(live, asked.item, text)
        state = live.state
        current = state.round
        if current is None:  # pragma: no cover - count_guess just succeeded
            raise SessionStateError("There is no open question.")
        screen = current.screen
        elapsed = asking.elapsed_seconds(screen.asking, now)
        scored = answering.score(
            judgement,
            elapsed,
            screen.time_limit_seconds,
            screen.hints_used,
            rules.streak_of(state, player),
        )
        record = AnswerRecord(
            asked.round.id,
            player,
            text,
            now,
            scored.accepted,
            scored.near_miss,
            scored.similarity,
            scored.elapsed_ms,
            scored.points,
            submission_id or f"{asked.round.id}:{self._rng.getrandbits(64):016x}",
        )
        return _Judged(judgement, record, elapsed, state.session.mode is Mode.RACE)

    async def hint(self, channel_id: ChannelId) -> Hint:
        """Reveal a little more of the answer; every hint lowers the points still to win.

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: no question is open, it has no hints, or all were given
                (or the next would show nothing new).
        """
        live = self._games.require(channel_id)
        asked = live.asked
        given = live.state.round.screen.hints_used if live.state.round else 0
        try:
            step = next_hint(asked.item if asked and asked.has_hints else None, given)
            live.state = rules.take_hint(live.state, MAX_HINTS)
        except NoHintError as exc:
            raise SessionStateError(str(exc)) from exc
        except ValueError as exc:
            raise SessionStateError(NO_MORE_HINTS) from exc
        if asked is None:  # pragma: no cover - next_hint refused a question not asked
            raise SessionStateError(NO_HINT)
        async with recorded():
            await self._rounds.record_hint(asked.round.id, step.level)
        return Hint(step.mask, step.level)

    async def skip(self, channel_id: ChannelId, player: PlayerRef, is_host: bool) -> SkipResult:
        """Skip the open question: at once for the host, else by a vote of half the players.

        Once anyone has answered in the game, only those who have answered vote. A
        skipped question scores nothing.

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: no question is open.
        """
        live = self._games.require(channel_id)
        async with live.turn:
            self._games.require_same(channel_id, live)
            if live.state.phase is not Phase.ASKING or live.state.round is None:
                raise SessionStateError("There is no question to skip.")
            counted = rules.may_vote_skip(live.state, player)
            live.state, enough = rules.vote_skip(live.state, player)
            votes = len(live.state.round.skip_votes) if live.state.round else 0
            needed = rules.skip_votes_needed(live.state)
            if not (enough or is_host):
                return SkipResult(False, votes, needed, counted=counted)
            return SkipResult(True, votes, needed, await self._close(live, skipped=True))

    async def pause(self, channel_id: ChannelId) -> None:
        """Stop the clock of the channel's game.

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: the game is already paused.
        """
        live = self._games.require(channel_id)
        async with live.turn:
            self._games.require_same(channel_id, live)
            now = self._clock()
            try:
                live.state = rules.pause(live.state, now)
            except ValueError as exc:
                raise SessionStateError("The game is already paused.") from exc
            async with recorded():
                await self._sessions.save_phase(live.state.session.id, Phase.PAUSED.value, now)

    async def resume(self, channel_id: ChannelId) -> None:
        """Restart the clock; an open question keeps the time it had left.

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: the game is not paused.
        """
        live = self._games.require(channel_id)
        async with live.turn:
            self._games.require_same(channel_id, live)
            now = self._clock()
            try:
                live.state = rules.resume(live.state, now)
            except ValueError as exc:
                raise SessionStateError("The game is not paused.") from exc
            async with recorded():
                await self._sessions.save_phase(live.state.session.id, live.state.phase.value, now)

    async def close(self, channel_id: ChannelId, round_id: RoundId | None = None) -> Reveal:
        """Close the open question (its time ran out, or a race was won) and reveal it.

        Args:
            channel_id: The channel of the game.
            round_id: Close only this question: a race won a moment ago must not close
                the question that the clock or a stop has put in its place meanwhile.

        Raises:
            NoSessionError: no game runs in the channel (a stop ended it meanwhile).
            SessionStateError: no question is open, or not the one named.
            StorageUnavailableError: the points could not be recorded, even after retries.
        """
        live = self._games.require(channel_id)
        async with live.turn:
            self._games.require_same(channel_id, live)
            if round_id is not None and (live.asked is None or live.asked.round.id != round_id):
                raise SessionStateError("That question has already closed.")
            return await self._close(live, skipped=False)

    async def _close(self, live: LiveSession, skipped: bool) -> Reveal:
        """Close the open question; the caller holds ``live.turn``.

        What closing means and how it is stored are the engine's (:mod:`bot.game.closing`):
        a quiz's latest right answers are credited as the round closes, a race's winner
        was credited as it won, a tie-breaker awards its own points.
        """
        asked, current = live.asked, live.state.round
        if asked is None or current is None:
            raise SessionStateError("There is no open question.")
        now = self._clock()
        quiz = live.state.session.mode is Mode.QUIZ and not asked.tie_break
        how = Closing(Crediting.ON_CLOSE if quiz else Crediting.AS_WON, skipped)

        def answered() -> Answered:
            # A race won while the round was being settled has noted its winner meanwhile.
            return (live.state.round or current).answered

        async def award(_: Closed) -> Mapping[PlayerRef, int]:
            return await self._tie_breaks.award(live, asked)

        closed = await closing.close_question(
            self._rounds,
            asked.round.id,
            how,
            now,
            answered=answered,
            streaks=live.state.streaks,
            run=self._retrying,
            award=award if asked.tie_break else None,
        )
        credited = closed.credited
        live.state = rules.close_round(live.state, credited, closed.streaks)
        live.asked = None
        async with recorded():
            await self._sessions.save_phase(live.state.session.id, live.state.phase.value, now)
        log.info("round %s closed (skipped=%s)", asked.round.id, skipped)
        return Reveal(
            asked,
            asked.item.answers[0],
            credited,
            closed.answers,
            len(closed.right),
            closed.fastest,
            skipped,
            rules.is_over(live.state),
        )

    async def finish(
        self, channel_id: ChannelId, status: SessionStatus = SessionStatus.FINISHED
    ) -> FinalResult:
        """End the channel's game (an open question is settled first, its points kept).

        Raises:
            NoSessionError: no game runs in the channel.
            StorageUnavailableError: the database cannot be reached.
        """
        live = self._games.require(channel_id)
        async with live.turn:
            self._games.require_same(channel_id, live)
            try:
                closed = await self._close(live, skipped=False) if live.asked else None
                result = await self._end(live.state.session, status)
            finally:
                # Even when storage fails the channel is freed: the session, still marked
                # running, is closed with its points by the next start's recovery.
                self._games.remove(channel_id)
        return replace(result, reveal=closed)

    async def _end(self, session: SessionInfo, status: SessionStatus) -> FinalResult:
        now = self._clock()
        async with recorded():
            standings = await self._sessions.session_standings(session.id)
            await self._sessions.end_session(session.id, status, now, standings)
        leaders = rules.leaders(standings)
        log.info("session %s ended (%s)", session.id, status.value)
        return FinalResult(session, status, standings, leaders if len(leaders) > 1 else ())

    def on_the_clock(self) -> GamesOnTheClock:
        """The games' tick policy: a question out of time closes its round; quiet games stop.

        The engine's tick step (:func:`bot.game.ticking.tick`), which the bot's clock runs
        every second or so, decides which questions are out of time and hands them to it;
        nothing else here waits on a timer.
        """
        return GamesOnTheClock(self._games, self._quiet_seconds, self.finish, self._close_on_time)

    async def _close_on_time(self, live: LiveSession) -> Reveal:
        """Close the open question as its time ran out; the caller holds ``live.turn``."""
        return await self._close(live, skipped=False)

    async def recover(
        self,
        owned: Callable[[GuildId], bool] | None = None,
        others: Mapping[SessionFormat, RecoveryPolicy[object]] | None = None,
    ) -> Sequence[FinalResult]:
        """Close every session left running by a crash, keeping all points (see the module).

        The engine's recovery step (:func:`bot.game.recovery.recover`) finds the games and
        settles their open questions; this format's policy ends each game. The step runs
        once for every format given: ``others`` are the other formats' policies (a quiz
        night's), whose sessions it settles and hands to them in the same pass.

        Args:
            owned: which guilds this process plays for; with several processes sharing one
                database, each must recover only its own guilds, never another's live games.
                ``None`` means every guild.
            others: the other formats' policies, by format (none: games alone).

        Returns:
            The games ended (what the other policies made of theirs stays with them).

        Raises:
            StorageUnavailableError: the database cannot be reached.
        """
        policies: dict[SessionFormat, RecoveryPolicy[object]] = dict(others or {})
        policies[SessionFormat.GAME] = self.left_running()
        async with recorded():
            self._games.load_forms(await self._review.accepted_forms())
            taken = await recovery.recover(
                self._unfinished, policies, self._clock, owned=owned, sleep=self._sleep
            )
        return [result for result in taken if isinstance(result, FinalResult)]

    def left_running(self) -> GamesLeftRunning:
        """The games' recovery policy: the games this service does not play end, points kept."""
        running = {live.state.session.id for _, live in self._games.running()}
        return GamesLeftRunning(running, self._items, self._abandon)

    async def _abandon(self, session: SessionInfo) -> FinalResult:
        return await self._end(session, SessionStatus.ABANDONED)


@dataclass(frozen=True, slots=True)
class _Judged:
    """An answer judged and scored, waiting to be stored."""

    judgement: Judgement
    record: AnswerRecord
    elapsed: float
    race: bool


class GamesLeftRunning:
    """A game's recovery policy: its open question closes, the game ends with its points.

    A question left open is settled as its time running out would have (a quiz credits
    each player's latest answer; a race's points were credited as they were won); the
    game is then marked abandoned with its standings, and its last question is named.
    Games this process plays are not taken up.
    """

    def __init__(
        self,
        running: Collection[SessionId],
        items: Mapping[str, TriviaItem],
        end: Callable[[SessionInfo], Awaitable[FinalResult]],
    ) -> None:
        self._running = running
        self._items = items
        self._end = end

    def takes(self, session: SessionInfo) -> bool:
        """Every game left running, but the ones played here."""
        return session.id not in self._running

    def closing(self, left: UnfinishedSession, open_round: RoundInfo) -> Closing:
        """Closed as if its time ran out."""
        quiz = left.session.mode is Mode.QUIZ
        return Closing(Crediting.ON_CLOSE if quiz else Crediting.AS_WON)

    async def take_up(self, left: UnfinishedSession) -> FinalResult:
        """The game ended, abandoned, with its standings and its last question."""
        result = await self._end(left.session)
        last = left.last_round
        item = self._items.get(last.round.item_id) if last is not None else None
        if last is None or item is None:
            return result
        stored = last.round
        screen = onscreen.show(
            item.id, stored.position, stored.opened_at, stored.time_limit_seconds, stored.id
        )
        shown = AskedQuestion(stored, item, screen)
        return replace(result, last_question=shown)


class GamesOnTheClock:
    """A game's tick policy (:mod:`bot.game.ticking`): its round closes as its time runs out.

    The question closes as a skip-free close does: a quiz credits each player's latest right
    answer, a race's points were credited as they were won. Its housekeeping stops every
    game nobody has played for ``quiet_seconds`` (its open question settled, its points
    kept). A game a stop, a skip or a won race is closing is left to them at this tick.
    """

    def __init__(
        self,
        games: LiveGames,
        quiet_seconds: float,
        finish: Callable[[ChannelId], Awaitable[FinalResult]],
        close: Callable[[LiveSession], Awaitable[Reveal]],
    ) -> None:
        self._games = games
        self._quiet_seconds = quiet_seconds
        self._finish = finish
        self._close = close

    async def housekeep(self, now: datetime) -> dict[ChannelId, FinalResult]:
        """Stop the games quiet for too long; each one's end, by channel."""
        stopped: dict[ChannelId, FinalResult] = {}
        for channel_id, live in self._games.running():
            if self._games.get(channel_id) is not live or live.turn.locked():
                continue  # ended meanwhile, or a stop, a skip or a won race is closing it
            if rules.is_quiet(live.state, now, self._quiet_seconds):
                stopped[channel_id] = await self._finish(channel_id)
        return stopped

    def on_screen(self) -> Iterator[tuple[ChannelId, Timed]]:
        """Every running game's question, by channel, as the clock sees it."""
        return ((channel_id, rules.timed(live.state)) for channel_id, live in self._games.running())

    async def time_up(self, key: ChannelId, due: Due) -> Reveal | None:
        """Close the channel's question, if it is still the one due; its reveal."""
        live = self._games.get(key)
        if live is None or live.turn.locked():
            return None  # ended meanwhile, or a stop, a skip or a won race is closing it
        async with live.turn:
            if not due(rules.timed(live.state)):
                return None  # closed, and another asked since; or paused
            return await self._close(live)
