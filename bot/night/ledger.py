"""A night recorded in the play engine's tables: one session, a round per question, answers.

The :class:`NightLedger` stores what happened through the engine's storage ports as it
happens, so leaderboards and player statistics read nights as they read games, and reads
a night's answers back from its session (:meth:`NightLedger.answered`): the night's
standings, recap and results are computed from those. The night stores keep no answers:
a night gets its session when its first question is asked (migration 0016 gave one to
the nights saved before nights had sessions).

The session has the format ``night``; each question asked is a round at its place in the
plan; each answer is stored as it is given and credited, like a quiz game's,
when its question closes (a skipped question credits nobody), through the engine's one
close step (:func:`bot.game.closing.close_question`), which tells the night who was right
as a game's reveal is told (:class:`Followed`); a near miss is settled
later the engine's one way (:func:`bot.game.moderation.settle_near_miss`) over its stored
answer, with the night's joker, and credited then, with when and by whom it was
accepted. A round is stored with its question's time limit as the screen gives it
(reading time included), so every settling measures a near miss against the limit it was
given. Whether a night's points count on the leaderboards and in statistics is the
guild's setting (:attr:`~bot.game.models.GuildSettings.night_points`), which the stores
apply.

Every write can be repeated: an answer's submission id is derived from the night, the
question and the player, opening a question's round again returns the stored one,
settling and crediting count once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol, TypeVar

from bot.game import closing
from bot.game.closing import QuestionClosed
from bot.game.models import (
    AnswerRecord,
    ChannelId,
    Clock,
    Cursor,
    GuildId,
    NearMiss,
    PlayerRef,
    RoundId,
    SessionConfig,
    SessionFormat,
    SessionId,
    SessionInfo,
    SessionStatus,
    Standing,
    StoredAnswer,
)
from bot.game.moderation import NearMissStore, settle_near_miss
from bot.game.recovery import RecoveryPolicy, RecoveryStore, recover
from bot.night import rules
from bot.night.models import (
    Joker,
    NightAnswer,
    NightId,
    NightState,
    NightStatus,
    QuizNight,
    with_answers,
)

# A question's place in the whole night, which :func:`cursor_at` inverts.
from bot.night.models import position as position
from bot.night.standings import JOKER_FACTOR, joker_factor

R = TypeVar("R")


class PlayStore(RecoveryStore, NearMissStore, Protocol):
    """What the ledger needs of the play engine's store: rounds, sessions, near misses."""

    async def create_session(
        self, guild_id: GuildId, channel_id: ChannelId, config: SessionConfig, started_at: datetime
    ) -> SessionInfo:
        """Store a new running session."""
        ...

    async def session_standings(self, session_id: SessionId) -> Sequence[Standing]:
        """Points of every player who scored or answered in one session."""
        ...

    async def submitted_near_miss(self, submission_id: str) -> NearMiss | None:
        """The near miss stored under a submission id, while open for review, or None."""
        ...

    async def end_session(
        self,
        session_id: SessionId,
        status: SessionStatus,
        ended_at: datetime,
        standings: Sequence[Standing],
    ) -> None:
        """Mark a session finished and keep its final standings."""
        ...


def submission_id(night_id: NightId, cursor: Cursor, player: PlayerRef) -> str:
    """The submission id of a player's answer to a question of a night (one per question)."""
    key = f"{night_id}:{cursor.round}:{cursor.question}:{player.platform}:{player.external_id}"
    return "night:" + hashlib.sha256(key.encode()).hexdigest()[:40]


def cursor_at(night: QuizNight, place: int) -> Cursor | None:
    """The question at a place in the whole night (see :func:`position`); None past its end."""
    for index, plan in enumerate(night.rounds):
        if 0 <= place < plan.questions:
            return Cursor(index, place)
        place -= plan.questions
    return None


def night_answers(state: NightState, stored: Sequence[StoredAnswer]) -> tuple[NightAnswer, ...]:
    """The night's answers as its session stores them, in the order they were given.

    Answers given at the same moment keep the order they were stored in. The rounds'
    places give the questions; answers to skipped questions are left out (they score
    nothing, and the rules drop them), and so are answers of members not signed up; a
    participant keeps the reference they signed up with. Stored points carry the joker,
    which the standings apply themselves, so they are divided by it here. Who accepted a
    near miss is stored with the answer.
    """
    signed = {p.player: p for p in state.participants}
    sides = {p.player: state.contestant_of(p) for p in state.participants}
    jokers, skipped = set(state.jokers), set(state.skipped)
    answers = []
    for row in sorted(stored, key=lambda row: row.submitted_at):
        cursor = cursor_at(state.night, row.position)
        participant = signed.get(row.player)
        # Only participants answer: a member forgotten since is gone.
        if cursor is None or cursor in skipped or participant is None:
            continue
        player = participant.player
        doubled = Joker(sides[player], cursor.round) in jokers
        near_miss = row.close and not row.accepted
        answers.append(
            NightAnswer(
                cursor=cursor,
                item_id=row.item_id,
                player=player,
                text=row.text,
                correct=row.accepted,
                near_miss=near_miss,
                similarity=row.similarity,
                elapsed_ms=row.elapsed_ms,
                points=row.points // (JOKER_FACTOR if doubled else 1),
                submitted_at=row.submitted_at,
                accepted_by=row.accepted_by,
                rejected=near_miss and row.reviewed,
                round_id=row.round_id,
            )
        )
    return tuple(answers)


@dataclass(frozen=True, slots=True)
class Followed:
    """What the ledger stored of one action: the night then, and the question it closed.

    Attributes:
        state: The night, told the ids of what was stored.
        closed: What closing a question meant and left (the engine's close step), by the
            question's place in the plan: the one the action revealed, skipped, moved
            past or ended with the night, if any.
    """

    state: NightState
    closed: Mapping[Cursor, QuestionClosed] = field(default_factory=dict)


class NightLedger:
    """Stores a night's questions, answers and points through the play engine's store."""

    def __init__(self, store: PlayStore) -> None:
        self._store = store

    async def follow(self, before: NightState, after: NightState, now: datetime) -> NightState:
        """Store what one action changed; the new state, told the ids of what was stored."""
        return (await self.followed(before, after, now)).state

    async def followed(self, before: NightState, after: NightState, now: datetime) -> Followed:
        """Store what one action changed; the new state and what closing a question meant."""
        state = await self._opened(after, now)
        await self._hinted(before, state)
        closed = await self._closed(before, state, now)
        state = await self._answered(before, state)
        if after.status is NightStatus.FINISHED and before.status is not NightStatus.FINISHED:
            await self._finished(state, now)
        return Followed(state, closed)

    async def recover(
        self,
        policy: RecoveryPolicy[R],
        clock: Clock,
        owned: Callable[[GuildId], bool] | None = None,
    ) -> list[R]:
        """The nights' sessions a stop left running, through the engine's recovery step.

        Their open questions are settled as ``policy`` says and each session is handed to
        it (:func:`bot.game.recovery.recover`); ``owned`` names this process's guilds.
        """
        return await recover(self._store, {SessionFormat.NIGHT: policy}, clock, owned=owned)

    async def answered(self, state: NightState) -> NightState:
        """The state with its answers as the night's session stores them.

        Who answered the question on screen is read from them too
        (:func:`~bot.night.models.with_answers`). A night without a session (not started
        yet) keeps the answers it holds.
        """
        if state.session_id is None:
            return state
        stored = await self._store.session_answers(SessionId(state.session_id))
        return with_answers(state, night_answers(state, stored))

    async def _session(self, state: NightState, now: datetime) -> NightState:
        if state.session_id is not None:
            return state
        night = state.night
        config = SessionConfig(
            mode=night.mode,
            question_limit=sum(plan.questions for plan in night.rounds),
            time_limit_seconds=night.time_limit_seconds,
            guess_limit=1,
            streak_bonus=False,
            format=SessionFormat.NIGHT,
        )
        session = await self._store.create_session(night.guild_id, night.channel_id, config, now)
        return replace(state, session_id=session.id)

    async def _opened(self, state: NightState, now: datetime) -> NightState:
        """A question just put on screen gets its round, with the screen's time limit.

        That limit holds the question's reading time when the night gives it, so the
        stored round says what its answers were scored against, and a near miss is settled
        by it however it is settled.
        """
        question = state.question
        if question is None or question.round_id is not None:
            return state
        state = await self._session(state, now)
        if state.session_id is None:  # pragma: no cover - _session just set it
            return state
        screen = question.screen
        opened = await self._store.open_round(
            SessionId(state.session_id),
            screen.position,
            screen.item_id,
            screen.opened_at,
            screen.time_limit_seconds,
        )
        return replace(state, question=question.with_screen(screen.stored(opened.id)))

    async def _hinted(self, before: NightState, after: NightState) -> None:
        """A hint given on the question on screen is stored with its round."""
        question, earlier = after.question, before.question
        screen = None if question is None else question.screen
        if question is None or screen is None or screen.round_id is None or earlier is None:
            return
        if earlier.cursor == question.cursor and screen.hints_used > earlier.screen.hints_used:
            await self._store.record_hint(RoundId(screen.round_id), screen.hints_used)

    async def _closed(
        self, before: NightState, after: NightState, now: datetime
    ) -> dict[Cursor, QuestionClosed]:
        """A question revealed, skipped, moved past or ended with the night is closed.

        It closes through the engine's one step (:func:`bot.game.closing.close_question`):
        settled in the store, then what closing it meant from who answered it (as the
        question on screen held it) and the store's credits, and the streaks after, from
        the runs the night's earlier questions left (:func:`rules.streaks_before`).
        """
        question = before.question
        if question is None or question.screen.revealed or question.screen.round_id is None:
            return {}
        still = after.question
        if still is not None and still.cursor == question.cursor and not still.screen.revealed:
            return {}
        closed = await closing.close_question(
            self._store,
            RoundId(question.screen.round_id),
            rules.closing_of(after, question.cursor),
            now,
            answered=lambda: question.answered,
            streaks=rules.streaks_before(before, question.cursor),
        )
        return {question.cursor: closed}

    async def _answered(self, before: NightState, state: NightState) -> NightState:
        """Answers given in this action are stored (credited when their question closes)."""
        known = {(a.cursor, a.player) for a in before.answers}
        for answer in state.answers:
            if (answer.cursor, answer.player) in known or answer.round_id is None:
                continue
            await self._store.record_answer(self._record(state, answer), False, False)
        return state

    def _record(self, state: NightState, answer: NightAnswer) -> AnswerRecord:
        factor = joker_factor(state, answer.player, answer.cursor.round)
        return AnswerRecord(
            RoundId(answer.round_id or 0),
            answer.player,
            answer.text,
            answer.submitted_at,
            answer.correct,
            answer.near_miss,
            answer.similarity,
            answer.elapsed_ms,
            answer.points * factor,
            submission_id(state.night.id, answer.cursor, answer.player),
        )

    async def settle(
        self, state: NightState, answer: NightAnswer, accept: bool, by: PlayerRef, now: datetime
    ) -> NightState:
        """Settle a near miss of the night as ``by`` decided; the night with its answers then.

        Its stored answer is settled the engine's one way
        (:func:`~bot.game.moderation.settle_near_miss`), at its round's time limit (the
        screen's, reading time included) and with the joker on its round; an accepted one
        earns its points now and names ``by``. One settled meanwhile is left as it is.
        """
        key = submission_id(state.night.id, answer.cursor, answer.player)
        miss = await self._store.submitted_near_miss(key)
        if miss is not None:
            await settle_near_miss(
                self._store,
                miss,
                accept,
                now,
                by,
                factor=joker_factor(state, answer.player, answer.cursor.round),
            )
        return await self.answered(state)

    async def settle_alone(
        self, miss: NearMiss, accept: bool, now: datetime, by: PlayerRef
    ) -> None:
        """Settle a stored near miss of a night no longer kept: its points without a joker.

        Its points are measured against its round's time limit, as while the night is
        kept; an accepted one names ``by``, the moderator who accepted it.
        """
        await settle_near_miss(self._store, miss, accept, now, by)

    async def _finished(self, state: NightState, now: datetime) -> None:
        if state.session_id is None:
            return
        session_id = SessionId(state.session_id)
        standings = await self._store.session_standings(session_id)
        await self._store.end_session(session_id, SessionStatus.FINISHED, now, standings)
