"""Quiz nights: /quiznight create|start|next|pause|resume|skip|reveal|end|cohost|takeover|...

Commands read their options, call the night service and hand its events to the
:class:`~bot.cogs.nights.NightTable`, which posts them. The host of a night is its creator
(or a co-host who took over); members with Manage Server or the host role act for the host.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import owned_guilds
from bot.cogs.common import NO_MENTIONS, player_of
from bot.cogs.nights import NightTable
from bot.cogs.permissions import has_role, is_manager
from bot.game.models import ChannelId, GuildId, Mode
from bot.night.errors import NightPlanError
from bot.night.models import NightState, TieBreaker
from bot.night.planning import NightPlan, default_tie_breaker, parse_rounds, parse_start
from bot.night.rules import MAX_TIE_BREAK_QUESTION
from bot.night.service import Control
from bot.views import night_embeds
from bot.views.night_buttons import NIGHT_ITEMS, announcement_view
from bot.views.night_embeds import counted
from questions.references import load_default_catalogue

if TYPE_CHECKING:
    from bot.app import Services, TriviaBot

log = logging.getLogger(__name__)

MINUTES_PER_QUESTION = 1.5
NO_EVENT_PERMISSION = (
    "I need the **Manage Events** permission to create the Discord event for the night. "
    "Give it to me (Server Settings → Roles) and run `/quiznight create` again."
)


@cache
def _default_tie_breaker() -> TieBreaker:
    return default_tie_breaker(load_default_catalogue())


# Discord reads where a command may be used from the top-level command only, so the group
# itself is declared guild-only: the subcommands' own guild_only never reaches Discord.
@app_commands.guild_only()
@app_commands.allowed_contexts(guilds=True, dms=False, private_channels=False)
class QuizNightCog(
    commands.GroupCog, group_name="quiznight", group_description="Quiz nights: plan, host, play"
):
    """Plans and hosts quiz nights; the night table shows them."""

    def __init__(
        self,
        services: Services,
        table: NightTable,
        recovered: Sequence[NightState] | None = None,
    ) -> None:
        self.services = services
        self.table = table
        self._recovered = recovered
        super().__init__()

    async def cog_load(self) -> None:
        """Take up the nights left unfinished by the last run (recovered at start, if so)."""
        recovered, self._recovered = self._recovered, None
        if recovered is None:
            await self.table.recover()
        else:
            self.table.take_up(recovered)

    async def cog_unload(self) -> None:
        """The bot is stopping: pause nights in the middle of a question."""
        await self.table.close()

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """Tell the channels of paused nights how to go on."""
        await self.table.announce_recovered()

    @app_commands.command(name="create")
    @app_commands.guild_only()
    async def create(
        self,
        interaction: discord.Interaction[Any],
        title: app_commands.Range[str, 1, 100],
        start: app_commands.Range[str, 1, 100],
        rounds: app_commands.Range[str, 1, 500],
        mode: Literal["quiz", "race"] = "quiz",
        teams: bool = True,
        joker: bool = False,
        tiebreaker: bool = True,
        tiebreak_question: app_commands.Range[str, 1, MAX_TIE_BREAK_QUESTION] | None = None,
        tiebreak_answer: float | None = None,
        timer: app_commands.Range[int, 10, 120] = 30,
        hints: bool = False,
        streaks: bool = False,
        reading_time: bool = False,
    ) -> None:
        """Plan a quiz night: a Discord event and an announcement with a Join button.

        Args:
            title: the night's title.
            start: when it starts: "in 30m", "in 2h" or "2026-03-14 19:00" (UTC).
            rounds: category and questions per round, e.g. "films x5, plot x5, years x3".
            mode: quiz: everyone answers every question; race: first right answer takes it.
            teams: members play in teams (scored by the team's mean).
            joker: each side may double its points in one round.
            tiebreaker: settle ties for the podium with a number question.
            tiebreak_question: the tie-breaker (default: a film's release year).
            tiebreak_answer: the tie-breaker's numeric answer.
            timer: seconds to answer each question.
            hints: the host may give hints (/quiznight hint); each costs points, as in games.
            streaks: right answers in a row earn a bonus, as in games.
            reading_time: long questions get extra time to read, as in games.
        """
        plan = NightPlan(
            guild_id=GuildId(interaction.guild_id or 0),
            channel_id=ChannelId(interaction.channel_id or 0),
            title=title,
            starts_at=parse_start(start, self.services.clock()),
            rounds=parse_rounds(rounds, self.services.nights.categories()),
            mode=Mode(mode),
            team_play=teams,
            host=player_of(interaction.user),
            tie_breaker=_tie_breaker(tiebreak_question, tiebreak_answer),
            joker_enabled=joker,
            tie_break_enabled=tiebreaker,
            time_limit_seconds=float(timer),
            hints=hints,
            streaks=streaks,
            reading_time=reading_time,
        )
        self.services.nights.validate(plan)
        event_id = await _schedule_event(interaction, plan)
        state = await self.services.nights.create(replace(plan, event_id=event_id))
        try:
            await interaction.response.send_message(
                embed=night_embeds.announcement(state),
                view=announcement_view(state.night.id),
                allowed_mentions=NO_MENTIONS,
            )
        except discord.HTTPException:
            await self.table.call_off(state)
            raise
        await interaction.followup.send(night_embeds.created(state, True), ephemeral=True)
        self.table.wake()

    async def _control(self, interaction: discord.Interaction[Any], action: Control) -> None:
        state = await self._night(interaction)
        manager = await self._manager(interaction)
        if action is Control.START:
            # Members who marked the event Interested since the reminder play too.
            state, _ = await self.table.take_interested(state)
        outcome = await self.services.nights.control(
            state.night.id, state.night.guild_id, action, player_of(interaction.user), manager
        )
        await interaction.response.send_message(
            night_embeds.control_done(action.value), ephemeral=True
        )
        await self.table.show(outcome)
        self.table.wake()

    async def _night(self, interaction: discord.Interaction[Any]) -> NightState:
        return await self.services.nights.in_channel(
            GuildId(interaction.guild_id or 0), ChannelId(interaction.channel_id or 0)
        )

    async def _manager(self, interaction: discord.Interaction[Any]) -> bool:
        settings = await self.services.records.settings(GuildId(interaction.guild_id or 0))
        return is_manager(interaction) or has_role(interaction, settings.host_role_id)

    @app_commands.command(name="start")
    @app_commands.guild_only()
    async def start(self, interaction: discord.Interaction[Any]) -> None:
        """Start this channel's quiz night (host): the questions are drawn, the first opens."""
        await self._control(interaction, Control.START)

    @app_commands.command(name="next")
    @app_commands.guild_only()
    async def next(self, interaction: discord.Interaction[Any]) -> None:
        """Reveal if needed and move on: next question, next round, or settle the tie-breaker."""
        await self._control(interaction, Control.NEXT)

    @app_commands.command(name="hint")
    @app_commands.guild_only()
    async def hint(self, interaction: discord.Interaction[Any]) -> None:
        """Show a little more of the answer; answers after it score less (host)."""
        await self._control(interaction, Control.HINT)

    @app_commands.command(name="reveal")
    @app_commands.guild_only()
    async def reveal(self, interaction: discord.Interaction[Any]) -> None:
        """Close the question on screen and show its answer (host)."""
        await self._control(interaction, Control.REVEAL)

    @app_commands.command(name="skip")
    @app_commands.guild_only()
    async def skip(self, interaction: discord.Interaction[Any]) -> None:
        """Drop the question on screen; its answers score nothing (host)."""
        await self._control(interaction, Control.SKIP)

    @app_commands.command(name="pause")
    @app_commands.guild_only()
    async def pause(self, interaction: discord.Interaction[Any]) -> None:
        """Pause the night; the question's clock stops (host)."""
        await self._control(interaction, Control.PAUSE)

    @app_commands.command(name="resume")
    @app_commands.guild_only()
    async def resume(self, interaction: discord.Interaction[Any]) -> None:
        """Go on after a pause or a restart; the question keeps its time (host)."""
        await self._control(interaction, Control.RESUME)

    @app_commands.command(name="end")
    @app_commands.guild_only()
    async def end(self, interaction: discord.Interaction[Any]) -> None:
        """Finish the night now; points so far stand (host)."""
        await self._control(interaction, Control.END)

    @app_commands.command(name="cohost")
    @app_commands.guild_only()
    async def cohost(self, interaction: discord.Interaction[Any], member: discord.Member) -> None:
        """Name a co-host who can take over the night (host).

        Args:
            member: the co-host.
        """
        state = await self._night(interaction)
        outcome = await self.services.nights.add_cohost(
            state.night.id,
            state.night.guild_id,
            player_of(interaction.user),
            player_of(member),
            await self._manager(interaction),
        )
        await interaction.response.send_message(night_embeds.control_done("cohost"), ephemeral=True)
        await self.table.show(outcome)

    @app_commands.command(name="takeover")
    @app_commands.guild_only()
    async def takeover(self, interaction: discord.Interaction[Any]) -> None:
        """Take over hosting (the night's creator or a co-host)."""
        state = await self._night(interaction)
        outcome = await self.services.nights.take_over(
            state.night.id, state.night.guild_id, player_of(interaction.user)
        )
        await interaction.response.send_message(
            night_embeds.control_done("takeover"), ephemeral=True
        )
        await self.table.show(outcome)

    @app_commands.command(name="joker")
    @app_commands.guild_only()
    async def joker(
        self, interaction: discord.Interaction[Any], round: app_commands.Range[int, 1, 20]
    ) -> None:
        """Play your side's joker: its points in that round count double.

        Args:
            round: the round (1 is the first); it must not have started.
        """
        state = await self._night(interaction)
        outcome = await self.services.nights.play_joker(
            state.night.id, state.night.guild_id, player_of(interaction.user), round - 1
        )
        await interaction.response.send_message(night_embeds.control_done("joker"), ephemeral=True)
        await self.table.show(outcome)

    @app_commands.command(name="leave")
    @app_commands.guild_only()
    async def leave(self, interaction: discord.Interaction[Any]) -> None:
        """Withdraw your sign-up before the night starts."""
        state = await self._night(interaction)
        outcome = await self.services.nights.leave(
            state.night.id, state.night.guild_id, player_of(interaction.user)
        )
        await interaction.response.send_message(night_embeds.left(outcome.state), ephemeral=True)

    @app_commands.command(name="season")
    @app_commands.guild_only()
    async def season(self, interaction: discord.Interaction[Any]) -> None:
        """The season table: players ranked across this server's quiz nights."""
        current = await self.services.records.current_season()
        since = current.started_at if current is not None else None
        rows = await self.services.nights.season(GuildId(interaction.guild_id or 0), since)
        await interaction.response.send_message(
            embed=night_embeds.season(rows), allowed_mentions=NO_MENTIONS
        )


def _tie_breaker(question: str | None, answer: float | None) -> TieBreaker:
    if question is None and answer is None:
        return _default_tie_breaker()
    if question is None or answer is None:
        raise NightPlanError("Give both the tie-breaker question and its numeric answer.")
    return TieBreaker(question, answer)


async def _schedule_event(interaction: discord.Interaction[Any], plan: NightPlan) -> int:
    """Create the Discord scheduled event for the night; returns its id."""
    guild = interaction.guild
    if guild is None:  # pragma: no cover - guild_only
        raise NightPlanError("Quiz nights are planned in a server.")
    questions = sum(r.questions for r in plan.rounds)
    length = timedelta(minutes=max(30.0, questions * MINUTES_PER_QUESTION))
    channel = getattr(interaction.channel, "name", "the quiz channel")
    try:
        event = await guild.create_scheduled_event(
            name=plan.title[:100],
            start_time=plan.starts_at,
            end_time=plan.starts_at + length,
            entity_type=discord.EntityType.external,
            privacy_level=discord.PrivacyLevel.guild_only,
            location=f"#{channel}"[:100],
            description=(
                f"Quiz night: {counted(len(plan.rounds), 'round')}, "
                f"{counted(questions, 'question')}."
            ),
        )
    except discord.Forbidden as exc:
        raise NightPlanError(NO_EVENT_PERMISSION) from exc
    return event.id


async def setup(bot: TriviaBot) -> None:
    """Install the night table as the night buttons' desk, the buttons and /quiznight."""
    owned = owned_guilds(bot.options)
    table = NightTable(bot.services.nights, bot, bot.ticker, owned=owned)
    bot.desks.nights = table
    bot.add_dynamic_items(*NIGHT_ITEMS)
    # Start-up's one recovery step took up the nights; a later load takes them up itself.
    recovered, bot.recovered = bot.recovered.nights, replace(bot.recovered, nights=None)
    await bot.add_cog(QuizNightCog(bot.services, table, recovered))


async def teardown(bot: TriviaBot) -> None:
    """Remove the buttons and the desk."""
    bot.remove_dynamic_items(*NIGHT_ITEMS)
    bot.desks.nights = None
