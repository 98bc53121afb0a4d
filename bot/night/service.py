"""The quiz-night service: the only API the Discord layer calls to run nights.

It ties the pure rules (:mod:`bot.night.rules`, :mod:`bot.night.signup`,
:mod:`bot.night.play`) to a :class:`~bot.night.repository.NightRepository`, the question
bank, the clock and the random source. Every transition runs under the night's lock and is
saved before it is announced, so a night survives a restart with every point kept; the
nights this process drives are also kept in memory for the clock's tick.

Every night is recorded through the :class:`~bot.night.ledger.NightLedger`: a night's
answers are the ones its session stores in the play engine's tables. A night read from
its repository takes them from there, and so does a night whose earlier answers an
action changed (a near miss settled, a question skipped), once the ledger stored the
change; a new answer is stored as the rules made it. Its standings, recap and results
are computed from them.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from bot.game import judging
from bot.game.closing import QuestionClosed, Timed
from bot.game.models import ChannelId, Clock, Cursor, GuildId, NearMiss, PlayerRef
from bot.game.ticking import Due
from bot.moderation.curation import CurationRepository
from bot.night import play, recovery, rules, signup
from bot.night.errors import NightStateError
from bot.night.events import NightEvent, NightFinished, QuestionRevealed
from bot.night.ledger import NightLedger
from bot.night.models import NightId, NightState, NightStatus
from bot.night.planning import NightPlan
from bot.night.podium import render_podium
from bot.night.pool import GuildQuestions
from bot.night.recap import Recap, build_recap
from bot.night.repository import NightRepository
from bot.night.season import SeasonRow, night_result, season_table
from questions.models import TriviaItem

log = logging.getLogger(__name__)

NO_NIGHT = "There is no quiz night here. Create one with `/quiznight create`."
QUESTION_CLOSED = play.QUESTION_CLOSED
CHECK_EVERY = timedelta(seconds=5)
"""How often the clock saves that a question is still running (see :mod:`.recovery`)."""
NOT_STARTED = (NightStatus.SCHEDULED, NightStatus.SIGNING_UP)

Step = Callable[[NightState, datetime], rules.Transition]


class Control(StrEnum):
    """The host's controls."""

    START = "start"
    NEXT = "next"
    REVEAL = "reveal"
    SKIP = "skip"
    PAUSE = "pause"
    RESUME = "resume"
    END = "end"
    HINT = "hint"


@dataclass(frozen=True, slots=True)
class Outcome:
    """A night after an action, and what to announce."""

    state: NightState
    events: tuple[NightEvent, ...]


Apply = Callable[[NightId, GuildId, Step], Awaitable[Outcome]]
"""Runs a step on a night under its lock, stores it and tells what came of it."""


class NightService:
    """Creates, runs and recovers quiz nights."""

    def __init__(
        self,
        nights: NightRepository,
        curation: CurationRepository,
        items: Sequence[TriviaItem],
        clock: Clock,
        rng: random.Random,
        ledger: NightLedger,
        *,
        judge: judging.Judge,
    ) -> None:
        """Build the service; ``ledger`` records nights in the play engine's tables."""
        self._nights = nights
        self._ledger = ledger
        self._items = {item.id: item for item in items}
        self._clock = clock
        self._rng = rng
        self._locks: dict[NightId, asyncio.Lock] = {}
        self._live: dict[NightId, NightState] = {}
        self._reminded: set[NightId] = set()
        self._pools: dict[GuildId, Mapping[str, Sequence[str]]] = {}
        self._questions = GuildQuestions(self._items, curation, judge)

    def categories(self) -> tuple[str, ...]:
        """The bank's categories, sorted."""
        return tuple(sorted({item.category for item in self._items.values()}))

    def item(self, item_id: str) -> TriviaItem | None:
        """One item of the bank."""
        return self._items.get(item_id)

    def live(self) -> tuple[NightState, ...]:
        """The unfinished nights this process drives."""
        return tuple(self._live.values())

    def needs_clock(self, lead: timedelta) -> bool:
        """Whether a question's time is running or a reminder is due (see :meth:`reminders`).

        A night only planned needs no clock until ``lead`` before its start.
        """
        now = self._clock()
        return any(recovery.needs_clock_stopped(s) for s in self._live.values()) or any(
            at <= now for at in self._reminders_at(lead)
        )

    def until_reminder(self, lead: timedelta) -> timedelta | None:
        """How long until the next reminder falls due (zero if one is); None if none waits."""
        due = self._reminders_at(lead)
        return max(min(due) - self._clock(), timedelta(0)) if due else None

    def _reminders_at(self, lead: timedelta) -> list[datetime]:
        """When each reminder still to go out is due: ``lead`` before its night's start."""
        return [
            s.night.starts_at - lead
            for s in self._live.values()
            if s.status in NOT_STARTED and s.night.id not in self._reminded
        ]

    @staticmethod
    def validate(plan: NightPlan) -> None:
        """Check a plan before anything is created for it.

        Raises:
            NightPlanError: The plan is invalid (see :func:`bot.night.rules.create_night`).
        """
        rules.create_night(plan.night(NightId(0)))

    async def create(self, plan: NightPlan) -> NightState:
        """Plan a night and open its sign-ups.

        Raises:
            NightPlanError: The plan is invalid (see :func:`bot.night.rules.create_night`).
        """
        night = plan.night(await self._nights.next_id())
        state, _ = signup.open_signups(rules.create_night(night), plan.host)
        await self._store(state)
        log.info("quiz night %s created in guild %s", night.id, night.guild_id)
        return state

    async def get(self, night_id: NightId, guild_id: GuildId) -> NightState:
        """A night of this guild.

        Raises:
            NightStateError: There is no such night in the guild.
        """
        state = self._live.get(night_id)
        if state is None:
            stored = await self._nights.get(night_id)
            state = None if stored is None else await self._answered(stored)
        if state is None or state.night.guild_id != guild_id:
            raise NightStateError(NO_NIGHT)
        return state

    async def in_channel(self, guild_id: GuildId, channel_id: ChannelId) -> NightState:
        """The night a host command in this channel is about (under way, else the next one).

        Raises:
            NightStateError: No unfinished night runs in the channel.
        """
        candidates = [
            s
            for s in await self._nights.recent(guild_id)
            if s.night.channel_id == channel_id and s.status is not NightStatus.FINISHED
        ]
        if not candidates:
            raise NightStateError(NO_NIGHT)
        chosen = min(candidates, key=lambda s: (s.status in NOT_STARTED, s.night.starts_at))
        return await self._answered(chosen)

    async def recent(self, guild_id: GuildId) -> tuple[NightState, ...]:
        """The guild's latest nights, newest first."""
        return tuple([await self._answered(s) for s in await self._nights.recent(guild_id)])

    async def settle_near_miss(
        self, guild_id: GuildId, miss: NearMiss, accept: bool, by: PlayerRef
    ) -> Outcome | None:
        """Settle a stored near miss of one of the guild's nights, as moderator ``by``.

        The review queue checked who may. The night is the one whose session holds the
        near miss's round; it settles the stored answer (see :meth:`review_near_miss`) and
        its standings, results and joker follow. When no night of the guild holds the
        answer any more, the stored answer is settled alone (None is returned).

        Raises:
            NightStateError: The night no longer has that near miss waiting.
        """
        state = await self._nights.night_of_round(miss.round_id)
        if state is not None and state.night.guild_id == guild_id:
            state = await self._answered(state)
            answer = next(
                (
                    a
                    for a in state.answers
                    if a.round_id == miss.round_id and a.player == miss.player
                ),
                None,
            )
            if answer is not None:
                return await self._settle(
                    state.night.id, guild_id, answer.cursor, answer.player, accept, by, host=False
                )
        await self._ledger.settle_alone(miss, accept, self._clock(), by)
        return None

    async def join(
        self, night_id: NightId, guild_id: GuildId, player: PlayerRef, team: str | None
    ) -> Outcome:
        """Sign a member up (or move them to another team)."""
        return await self._apply(
            night_id, guild_id, lambda s, now: signup.join(s, player, team, now)
        )

    async def join_interested(
        self, night_id: NightId, guild_id: GuildId, players: Sequence[PlayerRef]
    ) -> Outcome:
        """Sign up the members interested in the night's event (no team play only)."""
        return await self._apply(
            night_id, guild_id, lambda s, now: signup.join_interested(s, players, now)
        )

    async def check_join(self, night_id: NightId, guild_id: GuildId) -> NightState:
        """The night, if it takes sign-ups (checked before asking for a team name).

        Raises:
            NightStateError: There is no such night, or sign-ups are not open.
        """
        state = await self.get(night_id, guild_id)
        signup.check_signups_open(state)
        return state

    async def leave(self, night_id: NightId, guild_id: GuildId, player: PlayerRef) -> Outcome:
        """Withdraw a member's sign-up."""
        return await self._apply(night_id, guild_id, lambda s, _: signup.leave(s, player))

    async def control(
        self, night_id: NightId, guild_id: GuildId, action: Control, by: PlayerRef, manager: bool
    ) -> Outcome:
        """Run a host control.

        Args:
            night_id: The night.
            guild_id: The guild the command came from.
            action: What to do.
            by: Who asks.
            manager: Whether ``by`` manages the server (or has the host role): they act
                for the host in control without taking over.

        Raises:
            NightError: The member may not, or the action does not fit the night now.
        """
        if action is Control.START:
            self._pools[guild_id] = await self._questions.pool(guild_id)
        step = self._control_step(action)
        return await self._apply(
            night_id, guild_id, lambda s, now: step(s, s.controller if manager else by, now)
        )

    def _control_step(
        self, action: Control
    ) -> Callable[[NightState, PlayerRef, datetime], rules.Transition]:
        steps: dict[Control, Callable[[NightState, PlayerRef, datetime], rules.Transition]] = {
            Control.NEXT: rules.next_question,
            Control.REVEAL: lambda s, by, _: rules.reveal(s, by),
            Control.SKIP: rules.skip,
            Control.PAUSE: rules.pause,
            Control.RESUME: rules.resume,
            Control.END: rules.end,
            Control.HINT: lambda s, by, _: play.give_hint(
                s, by, self._items.get(s.question.screen.item_id) if s.question else None
            ),
        }
        if action is Control.START:
            return self._start
        return steps[action]

    def _start(self, state: NightState, by: PlayerRef, now: datetime) -> rules.Transition:
        pool = self._pools.get(state.night.guild_id, {})
        texts = None
        if state.night.reading_time:
            ids = {item_id for category in pool.values() for item_id in category}
            texts = {i: self._items[i].question for i in ids if i in self._items}
        return rules.start(state, by, now, pool, self._rng, texts)

    async def add_cohost(
        self,
        night_id: NightId,
        guild_id: GuildId,
        by: PlayerRef,
        cohost: PlayerRef,
        manager: bool,
    ) -> Outcome:
        """Name a co-host who may take over."""
        return await self._apply(
            night_id,
            guild_id,
            lambda s, _: signup.add_cohost(s, s.controller if manager else by, cohost),
        )

    async def take_over(self, night_id: NightId, guild_id: GuildId, by: PlayerRef) -> Outcome:
        """A co-host (or the creator) takes control."""
        return await self._apply(night_id, guild_id, lambda s, _: signup.take_over(s, by))

    async def answer(
        self, night_id: NightId, guild_id: GuildId, cursor: Cursor, player: PlayerRef, text: str
    ) -> Outcome:
        """Judge a participant's answer to the question at ``cursor``.

        Raises:
            NightError: The question has closed, or the answer is refused by the rules.
        """
        judge = await self._questions.judge(guild_id)

        def step(state: NightState, now: datetime) -> rules.Transition:
            question = play.check_question(state, cursor)
            judgement = judge(question.screen.item_id, text)
            return play.record_answer(state, player, text, judgement, now)

        return await self._apply(night_id, guild_id, step)

    async def check_open(self, night_id: NightId, guild_id: GuildId, cursor: Cursor) -> None:
        """Check that the question at ``cursor`` takes answers, before the form opens.

        Raises:
            NightStateError: No such night, or the night is over, paused or the question
                has closed (the message says which).
        """
        play.check_question(await self.get(night_id, guild_id), cursor)

    async def check_tie_break(self, night_id: NightId, guild_id: GuildId) -> None:
        """Check that the night takes tie-breaker numbers, before the form opens.

        Raises:
            NightStateError: No such night, the night is over or not in its tie-breaker.
        """
        play.check_tie_break(await self.get(night_id, guild_id))

    async def shown(
        self, night_id: NightId, guild_id: GuildId, cursor: Cursor, message_id: int
    ) -> bool:
        """Keep which message shows the question at ``cursor``.

        Returns:
            Whether that question is still on screen unrevealed; when it is not (closed
            while its message was being posted), the caller closes the message itself.
        """

        def step(state: NightState, _: datetime) -> rules.Transition:
            question = state.question
            if question is None or question.cursor != cursor or question.screen.revealed:
                return state, ()
            if state.status is NightStatus.FINISHED:
                return state, ()
            shown = question.with_screen(question.screen.posted(message_id))
            return replace(state, question=shown), ()

        outcome = await self._apply(night_id, guild_id, step)
        question = outcome.state.question
        return question is not None and question.screen.message_id == message_id

    async def tie_break_shown(self, night_id: NightId, guild_id: GuildId, message_id: int) -> bool:
        """Keep which message asks for the tie-breaker; False when the night is already over."""

        def step(state: NightState, _: datetime) -> rules.Transition:
            if state.status is not NightStatus.TIE_BREAK:
                return state, ()
            return replace(state, tie_break_message_id=message_id), ()

        outcome = await self._apply(night_id, guild_id, step)
        return outcome.state.status is NightStatus.TIE_BREAK

    async def play_joker(
        self, night_id: NightId, guild_id: GuildId, player: PlayerRef, round_index: int
    ) -> Outcome:
        """Play the member's side's joker on a round to come (counted from 0)."""
        return await self._apply(
            night_id, guild_id, lambda s, _: play.play_joker(s, player, round_index)
        )

    async def tie_break(
        self, night_id: NightId, guild_id: GuildId, player: PlayerRef, value: float
    ) -> Outcome:
        """Give the member's side's number for the tie-breaker."""
        return await self._apply(
            night_id, guild_id, lambda s, now: play.submit_tie_break(s, player, value, now)
        )

    async def review_near_miss(
        self,
        night_id: int,
        guild_id: GuildId,
        cursor: Cursor,
        player: PlayerRef,
        accept: bool,
        by: PlayerRef,
    ) -> Outcome:
        """A host of the night settles a participant's near miss; standings and results follow.

        Accepted, it earns the points it would have earned, with the joker on its round,
        and names ``by``; rejected, it scores nothing. Either leaves the review.

        Raises:
            NightPermissionError: ``by`` does not host this night.
            NightStateError: There is no such near miss waiting.
        """
        return await self._settle(NightId(night_id), guild_id, cursor, player, accept, by)

    async def _settle(
        self,
        night_id: NightId,
        guild_id: GuildId,
        cursor: Cursor,
        player: PlayerRef,
        accept: bool,
        by: PlayerRef,
        *,
        host: bool = True,
    ) -> Outcome:
        """Settle a near miss through the ledger under the night's lock (``host``: checked)."""
        async with self._locks.setdefault(night_id, asyncio.Lock()):
            state = await self.get(night_id, guild_id)
            if host:
                play.ensure_may_settle(state, by, accept)
            answer = play.waiting_near_miss(state, cursor, player, accept=accept)
            new = await self._ledger.settle(state, answer, accept, by, self._clock())
            await self._store(new, state)
        if new.status is NightStatus.FINISHED:
            await self._nights.add_result(night_result(new))
        return Outcome(new, ())

    def on_the_clock(self) -> NightsOnTheClock:
        """The nights' tick policy: a question out of time is revealed (see the class).

        The engine's tick step (:func:`bot.game.ticking.tick`) decides which questions are
        out of time and hands them to it.
        """
        return NightsOnTheClock(self._live, self._apply)

    async def reminders(self, lead: timedelta) -> tuple[NightState, ...]:
        """Nights starting within ``lead`` whose reminder has not gone out; each once."""
        now = self._clock()
        due = []
        for state in list(self._live.values()):
            night = state.night
            if state.status not in NOT_STARTED or night.id in self._reminded:
                continue
            if now >= night.starts_at - lead:
                self._reminded.add(night.id)
                if await self._nights.claim_reminder(night.id):
                    due.append(state)
        return tuple(due)

    async def suspend_all(self) -> tuple[NightState, ...]:
        """The bot is stopping: pause every night running a question (its time is kept)."""
        now = self._clock()
        suspended = []
        for state in list(self._live.values()):
            if recovery.needs_clock_stopped(state):
                outcome = await self._apply(
                    state.night.id,
                    state.night.guild_id,
                    lambda s, _: (recovery.suspend(s, now), ()),
                )
                suspended.append(outcome.state)
        return tuple(suspended)

    async def recover(
        self, owned: Callable[[GuildId], bool] | None = None
    ) -> tuple[NightState, ...]:
        """Take up the unfinished nights after a start; a question left running is paused.

        The engine's recovery step settles what the nights' sessions left open
        (:mod:`.recovery`); every night is then paused where it was last seen running.

        Args:
            owned: Which guilds this process plays for (None: all).

        Returns:
            The nights taken up.
        """
        policy = await self.left_running(owned)
        if policy.sessions:  # else there is nothing of theirs to find (the tables may not exist)
            await self._ledger.recover(policy, self._clock, owned)
        return await self.taken_up(policy)

    async def taken_up(self, policy: recovery.NightsLeftRunning) -> tuple[NightState, ...]:
        """Every night of ``policy`` taken up, once the recovery step has run with it.

        The nights whose sessions the step handed to the policy are returned as it took
        them up; the others (not started yet, say) are taken up now.
        """
        taken = await policy.take_up_the_rest()
        log.info("took up %d unfinished quiz nights", len(taken))
        return taken

    async def left_running(
        self, owned: Callable[[GuildId], bool] | None = None
    ) -> recovery.NightsLeftRunning:
        """The nights' recovery policy over the unfinished nights of these guilds."""
        nights = await self._nights.unfinished()
        mine = [s for s in nights if owned is None or owned(s.night.guild_id)]
        return recovery.NightsLeftRunning(mine, self._take_up)

    async def _take_up(self, stored: NightState) -> NightState:
        stored = await self._answered(stored)
        state = recovery.recover(stored)
        await self._store(state, stored)
        return state

    async def season(self, guild_id: GuildId, since: datetime | None) -> tuple[SeasonRow, ...]:
        """The season table of the guild's nights finished since ``since``, from their placings."""
        return season_table(await self._nights.placings(guild_id, since))

    @staticmethod
    def recap(state: NightState) -> Recap:
        """The recap of a night."""
        return build_recap(state)

    @staticmethod
    def podium(recap: Recap) -> bytes:
        """The podium picture (PNG bytes)."""
        return render_podium(recap)

    async def _apply(self, night_id: NightId, guild_id: GuildId, step: Step) -> Outcome:
        async with self._locks.setdefault(night_id, asyncio.Lock()):
            state = await self.get(night_id, guild_id)
            now = self._clock()
            new, events = step(state, now)
            if new != state:
                followed = await self._ledger.followed(state, new, now)
                new, events = followed.state, _named_right(events, followed.closed)
                if _answers_changed(state, new):
                    new = await self._ledger.answered(new)
                await self._store(new, state)
            if any(isinstance(event, NightFinished) for event in events):
                await self._finished(new)
            return Outcome(new, events)

    async def _answered(self, state: NightState) -> NightState:
        """A night read from its store, with the answers its session stores (see the module)."""
        return await self._ledger.answered(state)

    async def _store(self, state: NightState, previous: NightState | None = None) -> None:
        await self._nights.save(state, previous)
        if state.status is NightStatus.FINISHED:
            self._live.pop(state.night.id, None)
        else:
            self._live[state.night.id] = state

    async def _finished(self, state: NightState) -> None:
        """Keep the result and feed back the answers."""
        await self._nights.add_result(night_result(state))
        await self._questions.feed_back(state)
        log.info("quiz night %s finished", state.night.id)


class NightsOnTheClock:
    """A night's tick policy (:mod:`bot.game.ticking`): a question out of time is revealed.

    The reveal is the clock's, as the host's would be (:func:`bot.night.rules.reveal`); the
    night then waits for its host to move on. Its housekeeping notes, every
    :data:`CHECK_EVERY`, that a night's question still runs, so that recovery pauses the
    night where it was last seen running (:mod:`.recovery`).
    """

    def __init__(self, live: Mapping[NightId, NightState], apply: Apply) -> None:
        self._live = live
        self._apply = apply

    async def housekeep(self, now: datetime) -> None:
        """Note that the questions still running run, where it is time to."""
        for state in [s for s in self._live.values() if recovery.check_due(s, now, CHECK_EVERY)]:
            await self._apply(
                state.night.id,
                state.night.guild_id,
                lambda s, at: (recovery.mark_running(s, at), ()),
            )

    def on_screen(self) -> Iterator[tuple[NightId, Timed]]:
        """Every live night's question on screen, by night, as the clock sees it."""
        return ((state.night.id, rules.timed(state)) for state in list(self._live.values()))

    async def time_up(self, key: NightId, due: Due) -> Outcome | None:
        """Reveal the night's question, if it is still the one due; the night and its events."""
        state = self._live.get(key)
        if state is None:
            return None  # finished meanwhile

        def step(current: NightState, _: datetime) -> rules.Transition:
            if not due(rules.timed(current)):
                return current, ()  # revealed, and another asked since; or paused
            return rules.reveal(current, current.controller)

        outcome = await self._apply(key, state.night.guild_id, step)
        return outcome if outcome.events else None


def _named_right(
    events: tuple[NightEvent, ...], closed: Mapping[Cursor, QuestionClosed]
) -> tuple[NightEvent, ...]:
    """The events, a revealed question naming who was right as closing it meant."""
    return tuple(
        replace(event, correct=closed[event.cursor].right)
        if isinstance(event, QuestionRevealed) and event.cursor in closed
        else event
        for event in events
    )


def _answers_changed(before: NightState, after: NightState) -> bool:
    """Whether an action changed answers given before it (skipped or dropped).

    An answer given now is stored as the rules made it, so it alone needs no reading back.
    """
    given = len(before.answers)
    return after.answers[:given] != before.answers or after.skipped != before.skipped
