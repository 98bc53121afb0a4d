"""Tie-breakers: a numeric question between the players sharing first place; closest wins."""

from __future__ import annotations

import re
from datetime import datetime

from bot.game import rules
from bot.game.errors import SessionStateError
from bot.game.live import LiveGames, LiveSession
from bot.game.models import AnswerRecord, ChannelId, PlayerRef
from bot.game.outcomes import AnswerResult, AskedQuestion
from bot.game.rules import Phase
from questions.models import ItemType, TriviaItem

TIE_BREAK_POINTS = 1
TIE_BREAK_SECONDS = 20.0
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def number_answer(item: TriviaItem) -> float | None:
    """The numeric answer of an open question, if it has one (a tie-breaker candidate)."""
    if item.type is not ItemType.OPEN or not item.answers:
        return None
    found = _NUMBER.fullmatch(item.answers[0].strip())
    return None if found is None else float(found.group(0).replace(",", "."))


class TieBreaks(LiveGames):
    """Asking a tie-breaker, taking its guesses and awarding the closest."""

    async def tie_break(self, channel_id: ChannelId) -> AskedQuestion:
        """Ask a tie-breaker between the players sharing first place: closest number wins.

        A game has one tie-breaker at most: the bot asks it when the last question leaves
        first place shared, and ends the game after it whatever it gave.

        Raises:
            NoSessionError: no game runs in the channel.
            SessionStateError: there is no tie, a question is open, the game had its
                tie-breaker, or the bank has no numeric question.
        """
        live = self._require(channel_id)
        async with live.turn:
            self._require_same(channel_id, live)
            best = max(live.state.totals.values(), default=0)
            contenders = frozenset(p for p, points in live.state.totals.items() if points == best)
            numeric = sorted(
                i for i, item in self._items.items() if number_answer(item) is not None
            )
            if best <= 0 or len(contenders) < 2 or live.state.phase is not Phase.BETWEEN:
                raise SessionStateError("There is no tie to break now.")
            if live.tie_broken:
                raise SessionStateError("This game has had its tie-breaker.")
            if not numeric:
                raise SessionStateError("The bank has no numeric question for a tie-breaker.")
            live.tie_broken = True
            item = self._items[self._rng.choice(numeric)]
            return await self._open(live, item, TIE_BREAK_SECONDS, contenders)

    async def _tie_break_answer(
        self, live: LiveSession, asked: AskedQuestion, player: PlayerRef, text: str, now: datetime
    ) -> AnswerResult:
        found = _NUMBER.search(text)
        if found is not None:
            live.tie_guesses[player] = (float(found.group(0).replace(",", ".")), now)
        judgement = self._judge(live, asked.item, text)
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
        return AnswerResult(judgement, 0, round_id=asked.round.id, tie_break=True)

    async def _award_tie_break(
        self, live: LiveSession, asked: AskedQuestion
    ) -> dict[PlayerRef, int]:
        target = number_answer(asked.item)
        winners = rules.closest(live.tie_guesses, target or 0.0)
        now = self._clock()
        for winner in winners:
            await self._retrying(
                lambda winner=winner: self._repo.award(  # type: ignore[misc]  # bound per loop
                    asked.round.id, winner, TIE_BREAK_POINTS, now
                )
            )
        return dict.fromkeys(winners, TIE_BREAK_POINTS)
