"""The games this bot process shows: their messages, countdowns and pacing.

The game service decides everything about play (what is asked, what is right, when time is
up, what it scores); this module ticks on the bot's one clock every second while a game runs,
posts and edits messages, and routes answers from buttons, modals, ``/answer`` and chat.
"""

from __future__ import annotations

import contextlib
import logging
import math
from collections.abc import Awaitable, Callable, Iterator, Mapping
from datetime import datetime
from typing import Any, TypeVar

import discord

from bot.cogs.common import NO_MENTIONS, player_of
from bot.cogs.game_messages import ChannelGame, channel_step, edit_or_send
from bot.cogs.permissions import guild_of
from bot.cogs.ticker import Ticker
from bot.game import ticking
from bot.game.closing import Timed
from bot.game.errors import (
    GameError,
    NoSessionError,
    SessionStateError,
    StorageUnavailableError,
)
from bot.game.models import (
    ChannelId,
    Clock,
    GuildId,
    Mode,
    PlayerRef,
    QuestionStats,
    RoundId,
    SessionStatus,
)
from bot.game.rules import Phase
from bot.game.service import AnswerResult, FinalResult, GameService, GamesOnTheClock, Reveal
from bot.game.ticking import Due, Ticked
from bot.views import embeds
from bot.views.answer_buttons import GameRound, question_view, reveal_view
from bot.views.base import send_private
from bot.views.review_buttons import report_reason_view
from questions.models import TriviaItem

# The quiz commands import these from here.
__all__ = ["ChannelGame", "GameTable"]

log = logging.getLogger(__name__)

COUNTDOWN_EDIT_SECONDS = 5
GAP_SECONDS = 3
GAME_CLOCK = "game clock"
"""How the log calls the games' clock."""
Report = Callable[[GuildId, str, PlayerRef], Awaitable[None]]
"""Files a member's report on a question for the moderators."""
Played = Callable[[str], Awaitable[QuestionStats]]
"""How a question has fared in play, by item id."""

T = TypeVar("T")
Shown = tuple[ChannelGame, T]
"""Something the clock did to a game, with the game the table showed as it did it."""


class ShownOnTheClock:
    """The games' tick policy (:class:`GamesOnTheClock`) as the table sees it.

    Each reveal or end comes with the game the table showed when the policy took it up:
    it belongs to that game even if a stop has taken it off the table meanwhile.
    """

    def __init__(self, games: GamesOnTheClock, shown: Mapping[ChannelId, ChannelGame]) -> None:
        self._games = games
        self._shown = shown

    async def housekeep(self, now: datetime) -> dict[ChannelId, Shown[FinalResult]]:
        """The games stopped as quiet, each with its game (see :class:`GamesOnTheClock`)."""
        shown = dict(self._shown)
        stopped = await self._games.housekeep(now)
        return {c: (shown[c], result) for c, result in stopped.items() if c in shown}

    def on_screen(self) -> Iterator[tuple[ChannelId, Timed]]:
        """Every running game's question, by channel, as the clock sees it."""
        return self._games.on_screen()

    async def time_up(self, key: ChannelId, due: Due) -> Shown[Reveal] | None:
        """The channel's question closed, if still due, with its game; None if not shown."""
        game = self._shown.get(key)
        reveal = await self._games.time_up(key, due)
        return None if game is None or reveal is None else (game, reveal)


class GameTable:
    """Every game this process shows, by channel; also the desk persistent buttons call."""

    def __init__(
        self,
        service: GameService,
        items: Callable[[str], TriviaItem | None],
        clock: Clock,
        ticker: Ticker,
        report: Report | None = None,
        chat_answers: bool = False,
        played: Played | None = None,
    ) -> None:
        self.service = service
        self._report = report
        self._played = played
        self._clock = clock
        self._chat = chat_answers
        self._edit_every = max(round(COUNTDOWN_EDIT_SECONDS / ticker.seconds), 1)
        self._gap = max(math.ceil(GAP_SECONDS / ticker.seconds), 1)
        self._item = items
        self._games: dict[ChannelId, ChannelGame] = {}
        self._on_the_clock = ShownOnTheClock(service.on_the_clock(), self._games)
        self._ticker = ticker
        ticker.add_timed(GAME_CLOCK, self)

    def get(self, channel_id: int) -> ChannelGame | None:
        """The game shown in a channel, if any (one being stopped included)."""
        return self._games.get(ChannelId(channel_id))

    def open(self, channel_id: int, game: ChannelGame) -> None:
        """Show a game that the service has just started; its first question comes next tick."""
        self._games[ChannelId(channel_id)] = game
        self._ticker.wake()

    # Ticking -------------------------------------------------------------------

    def needs_clock(self) -> bool:
        """Whether a game runs (the clock paces it, a question or a gap at a time)."""
        return bool(self._games)

    def seconds_until_needed(self) -> float | None:
        """Never by time alone: only a game started (:meth:`open`) needs the clock."""
        return None

    def tick_policy(self) -> ShownOnTheClock:
        """The games' policy for the clock's tick step, as this table shows them."""
        return self._on_the_clock

    async def tick(self) -> None:
        """One second passed, for the games alone: the tick step, then :meth:`ticked`.

        The bot's clock runs the step once for every format and calls :meth:`ticked`; this
        ticks the games by hand (a table driven without the clock).
        """
        await self.ticked(await ticking.tick({GAME_CLOCK: self._on_the_clock}, self._clock()))

    async def ticked(self, ticked: Ticked) -> None:
        """Show what the tick step did with the games, count down, ask what is due.

        Each channel's step runs on its own: a channel Discord refuses (a deleted message,
        a lost permission) is logged and never holds up the others.
        """
        done = ticked.of(self._on_the_clock)
        for channel_id, (game, reveal) in done.closed.items():
            async with channel_step(channel_id, "reveal"):
                await self.show_reveal(channel_id, reveal, game)
        for channel_id, (game, result) in (done.kept or {}).items():
            async with channel_step(channel_id, "end"):
                await self._conclude(channel_id, game, result)
        for channel_id, game in list(self._games.items()):
            async with channel_step(channel_id, "question"):
                await self._advance(channel_id, game)

    async def _advance(self, channel_id: ChannelId, game: ChannelGame) -> None:
        state = self.service.session(channel_id)
        if state is None or state.phase is Phase.PAUSED or game.ending or game.turn.locked():
            return
        game.ticks += 1
        if state.phase is Phase.BETWEEN and game.asked is None:
            if game.wait > 0:
                game.wait -= 1
                return
            async with game.turn:
                if not game.ending:
                    await self._ask(channel_id, game)
        elif game.asked is not None and game.message is not None and state.round is not None:
            left = round((state.round.deadline - self._clock()).total_seconds())
            # One edit every few seconds keeps well under Discord's per-channel rate limit.
            if left > 0 and game.ticks % self._edit_every == 0:
                embed = embeds.question(
                    game.asked, game.total, left, state.session.mode, self._chat
                )
                async with game.turn:
                    await self._count_down(game, embed)

    @staticmethod
    async def _count_down(game: ChannelGame, embed: discord.Embed) -> None:
        if game.message is None or game.asked is None:
            return  # revealed while the turn was awaited
        try:
            await game.message.edit(embed=embed)
        except discord.NotFound:
            game.message = None  # deleted: the reveal is posted as a new message

    async def _ask(self, channel_id: ChannelId, game: ChannelGame) -> None:
        asked = await self.service.ask(channel_id)
        state = self.service.session(channel_id)
        mode = state.session.mode if state is not None else None
        seconds = round(asked.time_limit_seconds)
        game.asked, game.ticks = asked, 0
        game.first_round = game.first_round or asked.round.id
        embed = embeds.question(asked, game.total, seconds, mode, self._chat)
        game.message = await game.channel.send(
            embed=embed, view=question_view(GameRound(asked.round.id), asked.item)
        )

    async def show_reveal(
        self, channel_id: ChannelId, reveal: Reveal, game: ChannelGame | None = None
    ) -> None:
        """Turn the question message into its reveal; end the game when it is over.

        ``game`` is the game the question belongs to (by default the channel's); a reveal
        already shown, by a stop that settled the question first, is not shown again.
        """
        game = game or self._games.get(channel_id)
        if game is None:
            return
        # The game moves on whatever Discord says: a reveal that cannot be shown is logged,
        # the next question still comes and the game still ends.
        try:
            async with game.turn:
                await self._reveal(game, reveal)
        finally:
            if reveal.session_over and not await self._tie_break(channel_id, game):
                await self._finish(channel_id, game, SessionStatus.FINISHED)

    async def _tie_break(self, channel_id: ChannelId, game: ChannelGame) -> bool:
        """Ask the tie-breaker when first place is shared; False when there is none to ask."""
        async with game.turn:
            if game.ending:
                return False
            try:
                asked = await self.service.tie_break(channel_id)
            except GameError:
                # No tie, the game had its tie-breaker, no numeric question, or storage is
                # down: the game ends as it stands.
                return False
            game.asked, game.ticks = asked, 0
            seconds = round(asked.time_limit_seconds)
            embed = embeds.question(asked, game.total, seconds, None, self._chat)
            game.message = await game.channel.send(
                embed=embed, view=question_view(GameRound(asked.round.id), asked.item)
            )
            return True

    async def _reveal(self, game: ChannelGame, reveal: Reveal) -> None:
        """Show a reveal on its question's message; the caller holds ``game.turn``."""
        if game.asked is None or game.asked.round.id != reveal.question.round.id:
            return
        names = [player.name for player in reveal.credited]
        embed = embeds.reveal(reveal, game.total, names)
        message, game.asked, game.message, game.wait = game.message, None, None, self._gap
        await edit_or_send(game.channel, message, embed, reveal_view(reveal.question.item.id))

    async def _finish(
        self, channel_id: ChannelId, game: ChannelGame, status: SessionStatus
    ) -> None:
        """End a game once: settle its question, reveal it, post the standings.

        A second caller (a stop racing the last reveal, the shutdown racing a stop) waits
        for the first to be done, so nothing is posted after the bot has closed.
        """
        if game.ending:
            await game.ended.wait()
            return
        game.ending = True
        try:
            async with game.turn:
                try:
                    result = await self.service.finish(channel_id, status)
                except NoSessionError:
                    return  # the clock ended it as quiet; its tick shows the end
                await self._show_end(game, result)
        finally:
            self._forget(channel_id, game)

    async def _conclude(
        self, channel_id: ChannelId, game: ChannelGame, result: FinalResult
    ) -> None:
        """Show an end the service decided on its own (a game quiet for too long)."""
        game.ending = True
        try:
            async with game.turn:
                await self._show_end(game, result)
        finally:
            self._forget(channel_id, game)

    def _forget(self, channel_id: ChannelId, game: ChannelGame) -> None:
        if self._games.get(channel_id) is game:
            del self._games[channel_id]
        game.ended.set()

    async def _show_end(self, game: ChannelGame, result: FinalResult) -> None:
        """Reveal the question the end settled, then post the final standings."""
        if result.reveal is not None:
            with contextlib.suppress(discord.HTTPException):
                await self._reveal(game, result.reveal)
        stopped = result.status is not SessionStatus.FINISHED
        await game.channel.send(embed=embeds.game_over(result, stopped))

    async def pause(self, channel_id: int, paused: bool) -> None:
        """Pause or resume a channel's game; its question shows the clock stopped or going.

        Raises:
            SessionStateError: no game runs there, or it is already paused (not paused).
        """
        channel = ChannelId(channel_id)
        if paused:
            await self.service.pause(channel)
        else:
            await self.service.resume(channel)
        state, game = self.service.session(channel), self._games.get(channel)
        if game is None or game.asked is None or state is None or state.round is None:
            return
        left = round((state.round.deadline - self._clock()).total_seconds())
        mode = state.session.mode
        embed = embeds.question(game.asked, game.total, left, mode, self._chat, paused)
        async with game.turn:
            await self._count_down(game, embed)

    async def stop(self, channel_id: int) -> None:
        """Stop a channel's game now; the open question is settled and every point kept."""
        game = self.get(channel_id)
        if game is None:
            raise SessionStateError(embeds.NO_GAME)
        await self._finish(ChannelId(channel_id), game, SessionStatus.ABANDONED)

    async def close_all(self) -> None:
        """The bot is shutting down: end every game, keeping every point.

        A stop already under way is waited for, so its standings are posted before the
        connection to Discord closes.
        """
        await self._ticker.remove(self)
        for channel_id, game in list(self._games.items()):
            if not game.ending:
                with contextlib.suppress(discord.HTTPException):
                    await game.channel.send(embeds.game_interrupted())
            async with channel_step(channel_id, "end"):
                await self._finish(channel_id, game, SessionStatus.ABANDONED)
            log.info("game in channel %s closed at shutdown", channel_id)

    # AnswerDesk ---------------------------------------------------------------

    def _channel_of(self, round_id: RoundId) -> ChannelId | None:
        for channel_id, game in self._games.items():
            if game.asked is not None and game.asked.round.id == round_id:
                return channel_id
        return None

    def closed(self, channel_id: int | None, round_id: RoundId) -> str | None:
        """Why a question takes no answers (its game is over, or it closed), or None."""
        if self._channel_of(round_id) is not None:
            return None
        game = self._games.get(ChannelId(channel_id or 0))
        if game is None or game.ending or game.first_round is None or round_id < game.first_round:
            return embeds.GAME_OVER
        return embeds.QUESTION_CLOSED

    async def answer(
        self, interaction: discord.Interaction[Any], round_id: RoundId, text: str
    ) -> None:
        """Judge a button or form answer and reply."""
        channel_id = self._channel_of(round_id)
        if channel_id is None:
            raise SessionStateError(
                self.closed(interaction.channel_id, round_id) or embeds.QUESTION_CLOSED
            )
        await self.answer_in(interaction, channel_id, text)

    async def answer_in(
        self, interaction: discord.Interaction[Any], channel_id: int, text: str
    ) -> None:
        """Judge an answer given in a channel; tell the player, and the channel on a race win."""
        channel = ChannelId(channel_id)
        game = self._games.get(channel)
        result = await self.service.answer(
            channel, player_of(interaction.user), text, submission_id=str(interaction.id)
        )
        if not result.won:
            quiz = self._is_quiz(channel)
            await send_private(interaction, embeds.answer_feedback(result, text, quiz))
            return
        announce = embeds.race_won(interaction.user.mention, text, result.points)
        try:
            await interaction.response.send_message(announce, allowed_mentions=NO_MENTIONS)
        finally:
            await self._close_won(channel, game, result)

    async def answer_message(self, message: discord.Message) -> AnswerResult | None:
        """Judge a typed chat answer in a race; announce a win in the channel."""
        channel = ChannelId(message.channel.id)
        game = self._games.get(channel)
        if game is None or game.asked is None or self._is_quiz(channel):
            return None
        result = await self.service.answer(
            channel, player_of(message.author), message.content, submission_id=str(message.id)
        )
        if result.won:
            announce = embeds.race_won(message.author.mention, message.content, result.points)
            try:
                await message.channel.send(announce, allowed_mentions=NO_MENTIONS)
            finally:
                await self._close_won(channel, game, result)
        return result

    async def _close_won(
        self, channel_id: ChannelId, game: ChannelGame | None, result: AnswerResult
    ) -> None:
        """Close the question a race was won on, unless the clock or a stop did first."""
        try:
            reveal = await self.service.close(channel_id, result.round_id)
        except SessionStateError:
            return  # closed (and revealed) by whoever came first
        await self.show_reveal(channel_id, reveal, game)

    def _is_quiz(self, channel_id: ChannelId) -> bool:
        state = self.service.session(channel_id)
        return state is not None and state.session.mode is Mode.QUIZ

    async def explain(self, interaction: discord.Interaction[Any], item_id: str) -> None:
        """Show the evidence of an item privately, with how it has fared in play."""
        item = self._item(item_id)
        if item is None:
            raise SessionStateError("That question is no longer in the bank.")
        played = None
        if self._played is not None:
            with contextlib.suppress(StorageUnavailableError):  # the quotes are what matter
                played = await self._played(item_id)
        await send_private(interaction, embed=embeds.evidence(item, played))

    async def report(self, interaction: discord.Interaction[Any], item_id: str) -> None:
        """File an item for review: it reaches the moderators' review queue."""
        log.info("question %s reported by user %s", item_id, interaction.user.id)
        if self._report is not None:
            await self._report(guild_of(interaction), item_id, player_of(interaction.user))
            # One click files the report; the button under the thanks adds what is wrong.
            reason = report_reason_view(item_id)
            await interaction.response.send_message(
                embeds.report_filed(), view=reason, ephemeral=True
            )
            return
        await send_private(interaction, embeds.report_filed())
