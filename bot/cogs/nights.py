"""The quiz nights this bot process shows: announcements, the clock, and what each event posts.

The night service decides everything (who may act, what is right, when time is up); this
module ticks on the bot's one clock to post reminders and reveal timed-out questions, renders
the service's events into channel messages, and takes the clicks of the night buttons.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

import discord

from bot.cogs.common import NO_MENTIONS, player_of
from bot.cogs.ticker import Ticker
from bot.game.models import Cursor, GuildId, Mode
from bot.game.ticking import Ticked
from bot.night.calendar import EventChange, event_change
from bot.night.errors import NightStateError
from bot.night.events import (
    AnswerRecorded,
    CohostAdded,
    HintGiven,
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
from bot.night.models import NightId, NightState, NightStatus
from bot.night.service import Control, NightService, NightsOnTheClock, Outcome
from bot.night.signup import MAX_TEAM_NAME
from bot.views import embeds, night_embeds
from bot.views.answer_buttons import NightQuestion, question_view, reveal_view
from bot.views.answer_modal import TextModal
from bot.views.base import send_private
from bot.views.night_buttons import tie_break_view

log = logging.getLogger(__name__)

REMINDER_LEAD = timedelta(minutes=15)
MAX_INTERESTED = 500


class NightTable:
    """Shows the nights of this process; the desk the night buttons call."""

    def __init__(
        self,
        service: NightService,
        client: discord.Client,
        ticker: Ticker,
        reminder_lead: timedelta = REMINDER_LEAD,
        owned: Callable[[GuildId], bool] | None = None,
    ) -> None:
        self.service = service
        self._client = client
        self._owned = owned
        self._lead = reminder_lead
        self._on_the_clock = service.on_the_clock()
        self._ticker = ticker
        ticker.add_timed("night clock", self)
        self._waiting: tuple[NightState, ...] = ()

    # Ticking -------------------------------------------------------------------

    def wake(self) -> None:
        """Run the clock only while a reminder is due or a question's time runs."""
        self._ticker.wake()

    def needs_clock(self) -> bool:
        """Whether a reminder is due or a question's time is running."""
        return self.service.needs_clock(self._lead)

    def seconds_until_needed(self) -> float | None:
        """Until the next planned night's reminder falls due; None when none waits for one."""
        wait = self.service.until_reminder(self._lead)
        return None if wait is None else wait.total_seconds()

    def tick_policy(self) -> NightsOnTheClock:
        """The nights' policy for the clock's tick step: a question out of time is revealed."""
        return self._on_the_clock

    async def ticked(self, ticked: Ticked) -> None:
        """Post due reminders and show the questions the tick step revealed."""
        for state in await self.service.reminders(self._lead):
            await self._remind(state)
        for outcome in ticked.of(self._on_the_clock).closed.values():
            await self.show(outcome)

    async def _remind(self, state: NightState) -> None:
        """The reminder, mentioning the members signed up (and only them)."""
        state, waiting = await self.take_interested(state)
        users = [discord.Object(int(i)) for i in night_embeds.mentioned(state)]
        mentions = discord.AllowedMentions(everyone=False, roles=False, users=users)
        await self._post(state, night_embeds.reminder(state, waiting), allowed_mentions=mentions)

    async def take_interested(self, state: NightState) -> tuple[NightState, int]:
        """Sign up the members who marked the night's event Interested (without team play).

        Returns:
            The night, and how many interested members still have to join themselves
            (with team play they must choose a team).
        """
        players = [player_of(user) for user in await self._interested(state) if not user.bot]
        if players:
            night = state.night
            state = (await self.service.join_interested(night.id, night.guild_id, players)).state
        joined = {(p.player.platform, p.player.external_id) for p in state.participants}
        waiting = sum(1 for p in players if (p.platform, p.external_id) not in joined)
        return state, waiting

    async def _interested(self, state: NightState) -> list[discord.User | discord.Member]:
        night = state.night
        guild = self._client.get_guild(night.guild_id)
        if night.event_id is None or guild is None or state.status is not NightStatus.SIGNING_UP:
            return []
        try:
            event = guild.get_scheduled_event(night.event_id) or await guild.fetch_scheduled_event(
                night.event_id
            )
            return [user async for user in event.users(limit=MAX_INTERESTED)]
        except discord.HTTPException as error:
            log.warning("quiz night %s: cannot read its event's members: %s", night.id, error)
            return []

    async def recover(self) -> None:
        """Take up unfinished nights at start; paused ones are announced once connected.

        Only the nights of guilds on this process's shards: another process sharing the
        database may be running the others right now.
        """
        self.take_up(await self.service.recover(self._owned))

    def take_up(self, recovered: Sequence[NightState]) -> None:
        """Go on with the nights recovered (here or at start); paused ones are announced."""
        self._waiting = tuple(
            s for s in recovered if s.paused_at is not None or _revealed_on_screen(s)
        )
        self.wake()

    async def announce_recovered(self) -> None:
        """Tell the channels of paused nights that the host can resume; stop the countdowns.

        A question revealed just before the stop may have kept its buttons (the bot
        stopped between saving the reveal and editing the message): it is closed again.
        """
        waiting, self._waiting = self._waiting, ()
        for state in waiting:
            question = state.question
            if question is not None and question.screen.revealed:
                await self._close_question(
                    state,
                    question.cursor,
                    question.screen.item_id,
                    question.screen.message_id,
                    post_if_gone=False,
                )
                continue
            with contextlib.suppress(discord.HTTPException):
                await self._post(state, night_embeds.recovered())
            await self._show_paused(state)

    async def close(self) -> None:
        """The bot is stopping: stop the clock and pause nights in the middle of a question."""
        await self._ticker.remove(self)
        for state in await self.service.suspend_all():
            with contextlib.suppress(discord.HTTPException):
                await self._post(state, night_embeds.suspended())
            await self._show_paused(state)
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
        if isinstance(event, QuestionOpened):
            await self._show_question(state, event)
        elif isinstance(event, QuestionRevealed):
            await self._close_question(state, event.cursor, event.item_id, event.message_id)
        elif isinstance(event, QuestionSkipped):
            await self._close_question(
                state, event.cursor, event.item_id, event.message_id, night_embeds.SKIPPED
            )
            await self._post(state, night_embeds.skipped(event.cursor))
        elif isinstance(event, RoundEnded):
            await self._post(state, embed=night_embeds.round_standings(state, event))
        elif isinstance(event, TieBreakStarted):
            await self._show_tie_break(state, event)
        elif isinstance(event, NightFinished):
            await self._show_end(state, event)
        elif isinstance(event, JokerPlayed):
            await self._post(state, night_embeds.joker_played(state, event))
        elif isinstance(event, NightPaused):
            await self._post(state, night_embeds.paused())
            await self._show_paused(state)
        elif isinstance(event, NightResumed):
            await self._post(state, night_embeds.resumed(event.deadline))
            await self._show_running(state)
        else:
            text = _line(event)
            if text is not None:
                await self._post(state, text)

    async def _show_question(self, state: NightState, event: QuestionOpened) -> None:
        """Post the question with its buttons; close it at once if it closed meanwhile."""
        item = self.service.item(event.item_id)
        if item is None:
            return
        night = state.night
        embed = night_embeds.question(state, item, event.cursor, event.deadline)
        message = await self._post(
            state, embed=embed, view=question_view(NightQuestion(night.id, event.cursor), item)
        )
        if message is None:
            return
        if not await self.service.shown(night.id, night.guild_id, event.cursor, message.id):
            # Revealed, skipped or ended while the message was on its way: close it now.
            current = await self.service.get(night.id, night.guild_id)
            await self._close_question(
                current, event.cursor, event.item_id, message.id, night_embeds.CLOSED
            )

    async def _close_question(
        self,
        state: NightState,
        cursor: Cursor,
        item_id: str,
        message_id: int | None,
        how: str = night_embeds.REVEALED,
        post_if_gone: bool = True,
    ) -> None:
        """Turn the question's message into its answer, without answer buttons or countdown.

        A question whose message is unknown or gone gets its answer in a new message,
        unless ``post_if_gone`` is off.
        """
        item = self.service.item(item_id)
        if item is None:
            return
        right = [a.player.name for a in state.answers if a.cursor == cursor and a.correct]
        embed = night_embeds.reveal(item, cursor, right, how)
        view = reveal_view(item.id)
        if not await self._edit(state, message_id, embed=embed, view=view) and post_if_gone:
            await self._post(state, embed=embed, view=view)

    async def _show_paused(self, state: NightState) -> None:
        """The question's countdown gives way to "paused" (its buttons stay)."""
        await self._redraw_question(state, None)

    async def _show_running(self, state: NightState) -> None:
        """The question's countdown runs again, to its new deadline."""
        question = state.question
        if question is not None:
            await self._redraw_question(state, question.screen.deadline)

    async def _redraw_question(self, state: NightState, deadline: datetime | None) -> None:
        question = state.question
        screen = None if question is None else question.screen
        item = self.service.item(screen.item_id) if screen is not None else None
        if question is None or screen is None or screen.revealed or item is None:
            return
        embed = night_embeds.question(state, item, question.cursor, deadline)
        await self._edit(state, screen.message_id, embed=embed)

    async def _show_tie_break(self, state: NightState, event: TieBreakStarted) -> None:
        night = state.night
        embed = night_embeds.tie_break(state, event)
        message = await self._post(state, embed=embed, view=tie_break_view(night.id))
        if message is not None and not await self.service.tie_break_shown(
            night.id, night.guild_id, message.id
        ):
            current = await self.service.get(night.id, night.guild_id)
            await self._edit(current, message.id, embed=night_embeds.tie_break_result(current))

    async def _show_end(self, state: NightState, event: NightFinished) -> None:
        closed = event.closed
        if closed is not None:
            await self._close_question(
                state, closed.cursor, closed.item_id, closed.message_id, night_embeds.ENDED
            )
        if state.tie_break_message_id is not None:
            await self._edit(
                state,
                state.tie_break_message_id,
                embed=night_embeds.tie_break_result(state),
                view=None,
            )
        recap = self.service.recap(state)
        picture = discord.File(io.BytesIO(self.service.podium(recap)), night_embeds.PODIUM_FILE)
        await self._post(state, embed=night_embeds.recap(recap), file=picture)

    async def _edit(self, state: NightState, message_id: int | None, **fields: Any) -> bool:
        """Edit one of the night's messages; False when it is unknown or gone."""
        if message_id is None:
            return False
        channel = self._client.get_partial_messageable(state.night.channel_id)
        try:
            await channel.get_partial_message(message_id).edit(**fields)
        except discord.NotFound:
            return False
        except discord.HTTPException as error:
            log.warning(
                "quiz night %s: cannot edit message %s: %s", state.night.id, message_id, error
            )
        return True

    async def _post(
        self, state: NightState, content: str | None = None, **kwargs: Any
    ) -> discord.Message | None:
        channel = self._client.get_channel(state.night.channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("quiz night %s: channel %s is gone", state.night.id, state.night.channel_id)
            return None
        kwargs.setdefault("allowed_mentions", NO_MENTIONS)
        return await channel.send(content, **kwargs)

    # NightDesk ---------------------------------------------------------------

    async def join(self, interaction: discord.Interaction[Any], night_id: NightId) -> None:
        """Sign up; with teams, ask for the team's name first (while sign-ups are open)."""
        guild_id = GuildId(interaction.guild_id or 0)
        state = await self.service.check_join(night_id, guild_id)
        if not state.night.team_play:
            await self._join(interaction, night_id, None)
            return

        async def submit(modal_interaction: discord.Interaction[Any], team: str) -> None:
            await self._join(modal_interaction, night_id, team)

        # The form holds what a team name may hold, so Discord refuses a longer one while
        # the member is still typing, instead of the bot refusing it after the form is gone.
        current = state.participant(player_of(interaction.user))
        form = TextModal(
            "Join the quiz night",
            "Team name",
            submit,
            max_length=MAX_TEAM_NAME,
            default=current.team if current is not None else None,
        )
        await interaction.response.send_modal(form)

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

    async def check_open(
        self, interaction: discord.Interaction[Any], night_id: NightId, cursor: Cursor
    ) -> None:
        """Refuse, saying why, when the question at ``cursor`` takes no answers now."""
        await self.service.check_open(night_id, GuildId(interaction.guild_id or 0), cursor)

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

    async def check_tie_break(
        self, interaction: discord.Interaction[Any], night_id: NightId
    ) -> None:
        """Refuse, saying why, when the night takes no tie-breaker number now."""
        await self.service.check_tie_break(night_id, GuildId(interaction.guild_id or 0))

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


def _revealed_on_screen(state: NightState) -> bool:
    screen = None if state.question is None else state.question.screen
    return screen is not None and screen.revealed and screen.message_id is not None


def _line(event: NightEvent) -> str | None:
    if isinstance(event, HostChanged):
        return night_embeds.host_changed(event.host.name)
    if isinstance(event, CohostAdded):
        return night_embeds.cohost_added(event.cohost.name)
    if isinstance(event, HintGiven):
        return embeds.hint(event.text, event.level)
    return None
