"""A game's tie-breaker: a numeric question between the players sharing first place.

The rule (who is tied, one number each, the closest wins) is :mod:`bot.game.tiebreak`, which
nights play too; a game's contestants are its players who scored, it breaks a tie for first
place only, an earlier number beats one equally near, and it asks its question like any other.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import datetime

from bot.game import tiebreak
from bot.game.errors import SessionStateError
from bot.game.live import LiveGames, LiveSession, open_question
from bot.game.models import AnswerRecord, ChannelId, Clock, PlayerRef
from bot.game.outcomes import AnswerResult, AskedQuestion
from bot.game.ports import RoundRepository
from bot.game.recording import Sleep, retrying
from bot.game.rules import Phase
from questions.models import TriviaItem

TIE_BREAK_POINTS = 1
TIE_BREAK_SECONDS = 20.0


class TieBreaks:
    """Asking a tie-breaker, taking its guesses and awarding the closest."""

    def __init__(
        self,
        games: LiveGames,
        rounds: RoundRepository,
        items: Mapping[str, TriviaItem],
        clock: Clock,
        rng: random.Random,
        sleep: Sleep,
    ) -> None:
        self._games = games
        self._rounds = rounds
        self._items = items
        self._clock = clock
        self._rng = rng
        self._sleep = sleep

    async def ask(self, channel_id: ChannelId) -> AskedQuestion:
        """Ask a tie-breaker between the players sharing first place: closest number wins.

        A game has one tie-breaker at most: the bot asks it when the last question leaves
        first place shared, and ends the game after it whatever it gave.

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: there is no tie, a question is open, the game had its
                tie-breaker, or the bank has no numeric question.
        """
        live = self._games.require(channel_id)
        async with live.turn:
            self._games.require_same(channel_id, live)
            scorers = [(p, points) for p, points in live.state.totals.items() if points > 0]
            contenders = frozenset(tiebreak.tied(scorers))
            numeric = sorted(
                i for i, item in self._items.items() if tiebreak.from_item(item) is not None
            )
            if not contenders or live.state.phase is not Phase.BETWEEN:
                raise SessionStateError("There is no tie to break now.")
            if live.tie_broken:
                raise SessionStateError("This game has had its tie-breaker.")
            if not numeric:
                raise SessionStateError("The bank has no numeric question for a tie-breaker.")
            live.tie_broken = True
            item = self._items[self._rng.choice(numeric)]
            return await open_question(
                live, item, TIE_BREAK_SECONDS, contenders, self._rounds, self._clock()
            )

    async def answer(
        self, live: LiveSession, asked: AskedQuestion, player: PlayerRef, text: str, now: datetime
    ) -> AnswerResult:
        """Note a player's number; the answer is stored but scores nothing by itself.

        The first number written in the answer is the player's guess; an answer without one
        is stored and guesses nothing.

        Raises:
            StorageUnavailableError: the answer could not be recorded, even after retries.
        """
        value = tiebreak.number_in(text)
        current = live.state.round
        tied = () if current is None else current.contenders or ()
        if value is not None and tiebreak.refusal(tied, live.tie_guesses, player, value) is None:
            live.tie_guesses = (*live.tie_guesses, tiebreak.Guess(player, value, now))
        judgement = self._games.judge(live, asked.item, text)
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
        await retrying(lambda: self._rounds.record_answer(record, False, False), self._sleep)
        return AnswerResult(judgement, 0, round_id=asked.round.id, tie_break=True)

    async def award(self, live: LiveSession, asked: AskedQuestion) -> dict[PlayerRef, int]:
        """Credit the closest number(s) as the tie-breaker closes.

        Raises:
            StorageUnavailableError: the points could not be recorded, even after retries.
        """
        asked_number = tiebreak.from_item(asked.item)
        target = 0.0 if asked_number is None else asked_number.answer
        winners = tiebreak.closest(live.tie_guesses, target, tiebreak.EqualDistance.EARLIER)
        now = self._clock()
        for winner in winners:
            await retrying(
                lambda winner=winner: self._rounds.award(  # type: ignore[misc]  # bound per loop
                    asked.round.id, winner, TIE_BREAK_POINTS, now
                ),
                self._sleep,
            )
        return dict.fromkeys(winners, TIE_BREAK_POINTS)
