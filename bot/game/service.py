"""GameService: the one API every front end (terminal, Discord) calls to play.

It combines the judge, the rules and the scoring with the repositories. Time comes from an
injected clock and question order from an injected random source.
"""

from __future__ import annotations

import logging
import random
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Protocol

from bot.game.errors import NoQuestionsError, StorageUnavailableError
from bot.game.judging import Judgement, judge_answer
from bot.game.models import (
    AnswerRecord,
    ChannelId,
    Clock,
    GuildId,
    Mode,
    PlayerRef,
    RoundInfo,
    SessionInfo,
    SessionStatus,
    Standing,
)
from bot.game.scoring import award_points
from bot.storage.repository import GameRepository, ScoreRepository, StorageError
from questions.models import TriviaItem

log = logging.getLogger(__name__)

DEFAULT_TIME_LIMIT_SECONDS = 30.0


class Repository(GameRepository, ScoreRepository, Protocol):
    """Both repository protocols, as one object (the SQL and memory stores provide both)."""


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    """A question put to the players, with its stored round."""

    round: RoundInfo
    item: TriviaItem
    number: int
    time_limit_seconds: float


@dataclass(frozen=True, slots=True)
class AnswerResult:
    """How an answer was judged and what it earned."""

    judgement: Judgement
    points: int


class GameService:
    """Plays sessions against a question bank and records everything as it happens."""

    def __init__(
        self,
        repository: Repository,
        items: Sequence[TriviaItem],
        clock: Clock,
        rng: random.Random,
    ) -> None:
        self._repo = repository
        self._items = {item.id: item for item in items}
        self._clock = clock
        self._rng = rng

    async def start(
        self, guild_id: GuildId, channel_id: ChannelId, mode: Mode, questions: int
    ) -> SessionInfo:
        """Open a session.

        Raises:
            NoQuestionsError: the bank is empty.
            StorageUnavailableError: the database cannot be reached.
        """
        if not self._items:
            raise NoQuestionsError("The question bank is empty; build it with `trivia build`.")
        async with _recorded():
            session = await self._repo.create_session(
                guild_id, channel_id, mode, questions, self._clock()
            )
        log.info("session %s started in guild %s (%s)", session.id, guild_id, mode.value)
        return session

    async def ask(self, session: SessionInfo, number: int) -> AskedQuestion:
        """Pick a question not yet asked in the guild (all again once the bank is used up)."""
        async with _recorded():
            asked = await self._repo.asked_item_ids(session.guild_id)
        fresh = sorted(set(self._items) - asked) or sorted(self._items)
        item = self._items[self._rng.choice(fresh)]
        async with _recorded():
            stored = await self._repo.open_round(session.id, number, item.id, self._clock())
        return AskedQuestion(stored, item, number, DEFAULT_TIME_LIMIT_SECONDS)

    async def answer(
        self, session: SessionInfo, question: AskedQuestion, player: PlayerRef, text: str
    ) -> AnswerResult:
        """Judge an answer, store it and credit its points."""
        item = question.item
        judgement = judge_answer(
            text, item.answers, kind=item.type.value, choices=item.choices or None
        )
        now = self._clock()
        elapsed = max((now - question.round.opened_at).total_seconds(), 0.0)
        points = award_points(judgement.accepted, elapsed, question.time_limit_seconds)
        record = AnswerRecord(
            round_id=question.round.id,
            player=player,
            text=text,
            submitted_at=now,
            accepted=judgement.accepted,
            close=judgement.close,
            similarity=judgement.score,
            elapsed_ms=round(elapsed * 1000),
            points=points,
        )
        async with _recorded():
            outcome = await self._repo.record_answer(record, race=session.mode is Mode.RACE)
        return AnswerResult(judgement, outcome.points)

    async def close(self, question: AskedQuestion) -> None:
        """Close a question (reveal time)."""
        async with _recorded():
            await self._repo.close_round(question.round.id, self._clock())

    async def finish(
        self, session: SessionInfo, status: SessionStatus = SessionStatus.FINISHED
    ) -> Sequence[Standing]:
        """End the session and return its final standings."""
        async with _recorded():
            await self._repo.end_session(session.id, status, self._clock())
            return await self._repo.session_standings(session.id)

    async def leaderboard(self, guild_id: GuildId | None, limit: int = 10) -> Sequence[Standing]:
        """All-time leaderboard of a guild (or of every guild)."""
        async with _recorded():
            return await self._repo.leaderboard(guild_id, limit=limit)


@asynccontextmanager
async def _recorded() -> AsyncIterator[None]:
    """Turn a storage failure into an error players can read; nothing half-done is hidden."""
    try:
        yield
    except StorageError as exc:
        raise StorageUnavailableError(
            "The score database is unreachable, so this was not recorded. Try again shortly."
        ) from exc
