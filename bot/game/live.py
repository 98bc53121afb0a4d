"""The live state of each channel's game, shared by the game service and its parts.

The state held here is only a cache of what the database already knows: every transition
is stored as it happens.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import datetime

from bot.game import rules
from bot.game.errors import NoSessionError
from bot.game.hints import has_hints
from bot.game.judging import Judge, Judgement
from bot.game.models import ChannelId, GuildId, PlayerRef
from bot.game.outcomes import AskedQuestion
from bot.game.ports import RoundRepository
from bot.game.recording import recorded
from bot.game.rules import SessionState
from bot.game.tiebreak import Guess
from questions.models import TriviaItem


class LiveSession:
    """The cached state of one channel's session (mutable holder; the values are frozen).

    ``turn`` is held by whatever opens, closes or ends the session's questions (the clock,
    a won race, a skip, a stop), so two of them never act on one question: the second
    finds it closed, or the session ended, and says so. Answers do not take it.
    """

    __slots__ = ("asked", "asked_items", "items", "state", "tie_broken", "tie_guesses", "turn")

    def __init__(self, state: SessionState, items: Mapping[str, TriviaItem]) -> None:
        self.state = state
        self.items = items
        self.asked_items: list[TriviaItem] = []
        self.turn = asyncio.Lock()
        self.asked: AskedQuestion | None = None
        self.tie_guesses: tuple[Guess[PlayerRef], ...] = ()
        self.tie_broken = False


class LiveGames:
    """The games running per channel, and the answer forms each guild's hosts accepted.

    Shared by the game service and its parts (tie-breaks, near-miss review), which each
    receive it in their constructor; it judges with the judge it was built with.
    """

    def __init__(self, judge: Judge) -> None:
        self._judge = judge
        self._live: dict[ChannelId, LiveSession] = {}
        # Forms a guild's hosts accepted, per (guild, item): they count in that guild only.
        self._extra_forms: dict[tuple[GuildId, str], tuple[str, ...]] = {}

    def session(self, channel_id: ChannelId) -> SessionState | None:
        """The live state of the channel's session, or None when no game runs there."""
        live = self._live.get(channel_id)
        return None if live is None else live.state

    def running(self) -> list[tuple[ChannelId, LiveSession]]:
        """Every channel's live game, as it stands now."""
        return list(self._live.items())

    def get(self, channel_id: ChannelId) -> LiveSession | None:
        """The channel's live game, or None."""
        return self._live.get(channel_id)

    def add(self, channel_id: ChannelId, live: LiveSession) -> None:
        """Keep a game just started."""
        self._live[channel_id] = live

    def remove(self, channel_id: ChannelId) -> None:
        """Forget a game that ended."""
        del self._live[channel_id]

    def require(self, channel_id: ChannelId) -> LiveSession:
        """The channel's live game.

        Raises:
            NoSessionError: no game runs in the channel.
        """
        live = self._live.get(channel_id)
        if live is None:
            raise NoSessionError("No trivia game is running in this channel.")
        return live

    def require_same(self, channel_id: ChannelId, live: LiveSession) -> None:
        """Refuse when the session ended while its turn was awaited.

        Raises:
            NoSessionError: the game is no longer the channel's.
        """
        if self._live.get(channel_id) is not live:
            raise NoSessionError("No trivia game is running in this channel.")

    def load_forms(self, forms: Mapping[tuple[GuildId, str], tuple[str, ...]]) -> None:
        """Replace the accepted forms with those stored (at start)."""
        self._extra_forms = dict(forms)

    def accept_form(self, guild_id: GuildId, item_id: str, form: str) -> None:
        """Judge ``form`` right for the question in the guild from now on."""
        key = (guild_id, item_id)
        self._extra_forms[key] = (*self._extra_forms.get(key, ()), form)

    def judge(self, live: LiveSession, item: TriviaItem, text: str) -> Judgement:
        """Judge an answer with the item's answers and the forms the guild accepted."""
        extra = self._extra_forms.get((live.state.session.guild_id, item.id), ())
        answers = (*item.answers, *extra)
        return self._judge.judge(
            text,
            answers,
            kind=item.type.value,
            choices=item.choices or None,
            question=item.question,
        )


async def open_question(
    live: LiveSession,
    item: TriviaItem,
    base_seconds: float,
    contenders: frozenset[PlayerRef] | None,
    rounds: RoundRepository,
    now: datetime,
) -> AskedQuestion:
    """Open a question in a live game and store it; the caller holds ``live.turn``.

    Raises:
        StorageUnavailableError: the database cannot be reached.
    """
    limit = base_seconds if contenders else rules.time_limit(item.question, base_seconds)
    number = live.state.asked + 1
    async with recorded():
        stored = await rounds.open_round(live.state.session.id, number, item.id, now, limit)
    live.state = rules.open_round(
        live.state, now, limit, contenders, item_id=item.id, round_id=stored.id
    )
    live.tie_guesses = ()
    tie = contenders is not None
    screen = rules.on_screen(live.state)
    live.asked = AskedQuestion(stored, item, screen, has_hints(item) and not tie, tie)
    return live.asked
