"""The quiz nights this bot process shows: announcements, the clock, and what each event posts.

The night service decides everything (who may act, what is right, when time is up); this
module keeps one clock task that posts reminders and reveals timed-out questions, renders
the service's events into channel messages, and takes the clicks of the night buttons.
"""

from __future__ import annotations

import contextlib
import io
import logging
from datetime import timedelta
from typing import Any

import discord

from bot.cogs.games import NO_MENTIONS, player_of
from bot.cogs.ticker import Ticker
from bot.game.models import GuildId, Mode
from bot.night.calendar import EventChange, event_change
from bot.night.errors import NightStateError
from bot.night.events import (
    AnswerRecorded,
    CohostAdded,
    HostChanged,
    JokerPlayed,
    NightEvent,
    NightFinished,
    NightPaused,
    NightResumed,
    QuestionOpened,
    QuestionRevealed,
    QuestionSkipped,
    RoundEnded,
    TieBreakStarted,
)
from bot.night.models import Cursor, NightId, NightState
from bot.night.service import Control, NightService, Outcome
from bot.views import night_embeds
from bot.views.base import send_private
from bot.views.night_buttons import TextModal, question_view, reveal_buttons, tie_break_view

log = logging.getLogger(__name__)

TICK_SECONDS = 1.0
REMINDER_LEAD = timedelta(minutes=15)


class NightTable:
    """Shows the nights of this process; the desk the night buttons call."""

    def __init__(
        self,
        service: NightService,
        client: discord.Client,
        tick_seconds: float = TICK_SECONDS,
        reminder_lead: timedelta = REMINDER_LEAD,
    ) -> None:
        self.service = service
        self._client = client
        self._lead = reminder_lead
        self._ticker = Ticker("night clock", tick_seconds, self.tick, service.needs_clock)
        self._waiting: tuple[NightState, ...] = ()

    # The clock ---------------------------------------------------------------

    def wake(self) -> None:
        """Run the clock only while a reminder is due or a question's time runs."""
        self._ticker.wake()

    async def tick(self) -> None:
        """Post due reminders and reveal questions whose time is up."""
        for state in await self.service.reminders(self._lead):
            await self._post(state, night_embeds.reminder(state))
        for outcome in await self.service.tick():
            await self.show(outcome)

    async def recover(self) -> None:
        """Take up unfinished nights at start; paused ones are announced once connected."""
        recovered = await self.service.recover()
        self._waiting = tuple(s for s in recovered if s.paused_at is not None)
        self.wake()

    async def announce_recovered(self) -> None:
        """Tell the channels of paused nights that the host can resume."""
        waiting, self._waiting = self._waiting, ()
        for state in waiting:
            with contextlib.suppress(discord.HTTPException):
                await self._post(state, night_embeds.recovered())

    async def close(self) -> None:
        """The bot is stopping: stop the clock and pause nights in the middle of a question."""
        await self._ticker.stop()
        for state in await self.service.suspend_all():
            with contextlib.suppress(discord.HTTPException):
                await self._post(state, night_embeds.suspended())
            log.info("quiz night %s paused at shutdown", state.night.id)

    # Rendering ---------------------------------------------------------------

    async def show(self, outcome: Outcome) -> None:
        """Post what the channel should see of an action's events."""
        for event in outcome.events:
            await self._show_event(outcome.state, event)
        change = event_change(outcome.state, outcome.events)
        if change is not None:
            await self._follow_event(outcome.state, change)

    async def call_off(self, state: NightState) -> None:
        """End a night whose announcement could not be posted, and cancel its Discord event.

        Without the announcement nobody can join, so the night must not linger as planned.
        """
        outcome = await self.service.control(
            state.night.id, state.night.guild_id, Control.END, state.controller, manager=True
        )
        change = event_change(outcome.state, outcome.events)
        if change is not None:
            await self._follow_event(outcome.state, change)
        log.warning("quiz night %s called off: its announcement was refused", state.night.id)

    async def _follow_event(self, state: NightState, change: EventChange) -> None:
        """Start, complete or cancel the night's scheduled event; a failure is only logged."""
        night, event_id = state.night, state.night.event_id
        guild = self._client.get_guild(night.guild_id)
        if event_id is None or guild is None:
            return
        try:
            event = guild.get_scheduled_event(event_id) or await guild.fetch_scheduled_event(
                event_id
            )
            status = event.status
            if change is EventChange.START and status is discord.EventStatus.scheduled:
                await event.start()
            elif change is not EventChange.START and status is discord.EventStatus.active:
                await event.end()
            elif change is not EventChange.START and status is discord.EventStatus.scheduled:
                await event.cancel()
        except discord.HTTPException as error:
            log.warning("quiz night %s: cannot %s its event: %s", night.id, change, error)

    async def _show_event(self, state: NightState, event: NightEvent) -> None:
        night_id = state.night.id
        if isinstance(event, QuestionOpened):
            item = self.service.item(event.item_id)
            if item is not None:
                embed = night_embeds.question(state, item, event.cursor, event.deadline)
                await self._post(
                    state, embed=embed, view=question_view(night_id, event.cursor, item)
                )
        elif isinstance(event, QuestionRevealed):
            item = self.service.item(event.item_id)
            if item is not None:
                names = [player.name for player in event.correct]
                embed = night_embeds.reveal(item, event.cursor, names)
                await self._post(state, embed=embed, view=reveal_buttons(item.id))
        elif isinstance(event, RoundEnded):
            await self._post(state, embed=night_embeds.round_standings(state, event))
        elif isinstance(event, TieBreakStarted):
            embed = night_embeds.tie_break(state, event)
            await self._post(state, embed=embed, view=tie_break_view(night_id))
        elif isinstance(event, NightFinished):
            await self._show_end(state)
        elif isinstance(event, JokerPlayed):
            await self._post(state, night_embeds.joker_played(state, event))
        else:
            text = _line(event)
            if text is not None:
                await self._post(state, text)

    async def _show_end(self, state: NightState) -> None:
        recap = self.service.recap(state)
        picture = discord.File(io.BytesIO(self.service.podium(recap)), night_embeds.PODIUM_FILE)
        await self._post(state, embed=night_embeds.recap(recap), file=picture)

    async def _post(self, state: NightState, content: str | None = None, **kwargs: Any) -> None:
        channel = self._client.get_channel(state.night.channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("quiz night %s: channel %s is gone", state.night.id, state.night.channel_id)
            return
        await channel.send(content, allowed_mentions=NO_MENTIONS, **kwargs)

    # NightDesk ---------------------------------------------------------------

    async def join(self, interaction: discord.Interaction[Any], night_id: NightId) -> None:
        """Sign up; with teams, ask for the team's name first."""
        guild_id = GuildId(interaction.guild_id or 0)
        state = await self.service.get(night_id, guild_id)
        if not state.night.team_play:
            await self._join(interaction, night_id, None)
            return

        async def submit(modal_interaction: discord.Interaction[Any], team: str) -> None:
            await self._join(modal_interaction, night_id, team)

        await interaction.response.send_modal(TextModal("Join the quiz night", "Team name", submit))

    async def _join(
        self, interaction: discord.Interaction[Any], night_id: NightId, team: str | None
    ) -> None:
        player = player_of(interaction.user)
        outcome = await self.service.join(
            night_id, GuildId(interaction.guild_id or 0), player, team
        )
        participant = outcome.state.participant(player)
        chosen = participant.team if participant is not None else None
        await send_private(interaction, night_embeds.joined(outcome.state, chosen))

    async def open_question(self, night_id: NightId, cursor: Cursor) -> bool:
        """Whether the question at ``cursor`` is on screen and unrevealed."""
        state = next((s for s in self.service.live() if s.night.id == night_id), None)
        question = state.question if state is not None else None
        return question is not None and question.cursor == cursor and not question.revealed

    async def answer(
        self, interaction: discord.Interaction[Any], night_id: NightId, cursor: Cursor, text: str
    ) -> None:
        """Judge an answer and reply; a race win is announced to the channel."""
        outcome = await self.service.answer(
            night_id, GuildId(interaction.guild_id or 0), cursor, player_of(interaction.user), text
        )
        recorded = next(e for e in outcome.events if isinstance(e, AnswerRecorded))
        mode = outcome.state.night.mode
        reply = night_embeds.answer_received(
            recorded.correct, recorded.near_miss, recorded.points, mode
        )
        await send_private(interaction, reply)
        if mode is Mode.RACE and recorded.correct:
            await self._post(
                outcome.state, night_embeds.race_won(interaction.user.mention, recorded.points)
            )

    async def tie_break(
        self, interaction: discord.Interaction[Any], night_id: NightId, value: str
    ) -> None:
        """Take the side's number."""
        try:
            number = float(value.replace(",", ".").strip())
        except ValueError as exc:
            raise NightStateError("The tie-breaker needs a number.") from exc
        guild_id = GuildId(interaction.guild_id or 0)
        await self.service.tie_break(night_id, guild_id, player_of(interaction.user), number)
        await send_private(interaction, night_embeds.tie_break_guessed())


def _line(event: NightEvent) -> str | None:
    if isinstance(event, QuestionSkipped):
        return night_embeds.skipped(event.cursor)
    if isinstance(event, NightPaused):
        return night_embeds.paused()
    if isinstance(event, NightResumed):
        return night_embeds.resumed(event.deadline)
    if isinstance(event, HostChanged):
        return night_embeds.host_changed(event.host.name)
    if isinstance(event, CohostAdded):
        return night_embeds.cohost_added(event.cohost.name)
    return None
