"""Playing: /trivia start|stop|skip|hint, /answer, and typed answers in chat."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.cogs.common import NO_MENTIONS, player_of
from bot.cogs.game_messages import show_recovered
from bot.cogs.games import ChannelGame, GameTable
from bot.cogs.permissions import HOST_ONLY, guild_of, is_host
from bot.game.errors import NoSessionError, SessionStateError
from bot.game.models import ChannelId, Mode, SessionConfig
from bot.views import embeds
from bot.views.answer_modal import ANSWER_MAX_LENGTH
from bot.views.desks import desks_of
from questions.packs import PackSettings

if TYPE_CHECKING:
    from bot.app import Services, TriviaBot

log = logging.getLogger(__name__)

DEFAULT_QUESTIONS = 10
MIN_TIMER, MAX_TIMER = 10, 120


# Discord reads where a command may be used from the top-level command only, so the group
# itself is declared server-only: its subcommands' guild_only never reaches Discord.
@app_commands.guild_only()
@app_commands.allowed_contexts(guilds=True, dms=False, private_channels=False)
class QuizCog(
    commands.GroupCog, group_name="trivia", group_description="Soviet space cinema trivia"
):
    """Starts, steers and stops games; the game table shows them."""

    def __init__(self, services: Services, table: GameTable, chat_answers: bool) -> None:
        self.services = services
        self.table = table
        self.chat_answers = chat_answers
        super().__init__()

    async def cog_unload(self) -> None:
        """The bot is closing: end every game here, keeping every point scored."""
        await self.table.close_all()

    @app_commands.command(name="start")
    @app_commands.guild_only()
    async def start(
        self,
        interaction: discord.Interaction[Any],
        mode: Literal["race", "quiz"] = "race",
        category: str | None = None,
        pack: str | None = None,
        questions: app_commands.Range[int, 1, 50] = DEFAULT_QUESTIONS,
        timer: app_commands.Range[int, 10, 120] | None = None,
        difficulty: Literal["easy", "medium", "hard"] | None = None,
        target: app_commands.Range[int, 10, 1000] | None = None,
        streaks: bool = True,
    ) -> None:
        """Start a trivia game in this channel.

        Args:
            mode: race: first right answer wins; quiz: everyone answers privately.
            category: only questions of this category.
            pack: only questions from this community pack (one this server enabled).
            questions: how many questions to ask.
            timer: seconds to answer each question (default: the server's setting).
            difficulty: only easy, medium or hard questions (as play has rated them).
            target: end the game as soon as a player reaches this many points.
            streaks: bonus points for right answers in a row (default: on).
        """
        guild_id, channel_id = guild_of(interaction), ChannelId(interaction.channel_id or 0)
        settings = await self.services.records.settings(guild_id)
        chosen = await self.services.packs.chosen(guild_id, pack) if pack else None
        # A pack's own time limit and target apply unless the host gave theirs.
        asks = chosen.settings if chosen else PackSettings()
        seconds = timer or _fit_timer(asks.time_limit_seconds) or settings.time_limit_seconds
        config = SessionConfig(
            Mode(mode),
            questions,
            target or asks.target_score,
            float(round(seconds)),
            settings.guess_limit,
            streaks,
        )
        items = await self.services.playable(guild_id, category, chosen, difficulty)
        await self.services.game.start(guild_id, channel_id, config, items)
        channel = interaction.channel
        if not isinstance(channel, discord.abc.Messageable):  # pragma: no cover - guild_only
            raise SessionStateError("Games run in server text channels.")
        self.table.open(channel_id, ChannelGame(channel, interaction.user.id, questions))
        host = interaction.user.display_name
        await interaction.response.send_message(
            embed=embeds.game_started(config, host), allowed_mentions=NO_MENTIONS
        )

    async def _host_check(self, interaction: discord.Interaction[Any]) -> bool:
        game = self.table.get(interaction.channel_id or 0)
        if game is None:
            raise NoSessionError(embeds.NO_GAME)
        settings = await self.services.records.settings(guild_of(interaction))
        return is_host(interaction, game.host_id, settings.host_role_id)

    @app_commands.command(name="stop")
    @app_commands.guild_only()
    async def stop(self, interaction: discord.Interaction[Any]) -> None:
        """Stop the game in this channel (host only); every point is kept."""
        if not await self._host_check(interaction):
            raise app_commands.CheckFailure(HOST_ONLY)
        await interaction.response.send_message("🛑 Stopping the game…")
        await self.table.stop(interaction.channel_id or 0)

    @app_commands.command(name="pause")
    @app_commands.guild_only()
    async def pause(self, interaction: discord.Interaction[Any]) -> None:
        """Pause the game in this channel (host only): the clock stops, answers wait."""
        await self._pause(interaction, True)

    @app_commands.command(name="resume")
    @app_commands.guild_only()
    async def resume(self, interaction: discord.Interaction[Any]) -> None:
        """Resume a paused game (host only); the question keeps the time it had left."""
        await self._pause(interaction, False)

    async def _pause(self, interaction: discord.Interaction[Any], paused: bool) -> None:
        if not await self._host_check(interaction):
            raise app_commands.CheckFailure(HOST_ONLY)
        await self.table.pause(interaction.channel_id or 0, paused)
        await interaction.response.send_message(embeds.pause_notice(paused))

    @app_commands.command(name="skip")
    @app_commands.guild_only()
    async def skip(self, interaction: discord.Interaction[Any]) -> None:
        """Skip this question: at once for the host, or by a vote of half the players."""
        host = await self._host_check(interaction)
        channel_id = ChannelId(interaction.channel_id or 0)
        result = await self.services.game.skip(channel_id, player_of(interaction.user), host)
        vote = embeds.skip_vote(result.votes, result.needed, result.counted)
        await interaction.response.send_message(vote, ephemeral=not result.counted)
        if result.reveal is not None:
            await self.table.show_reveal(channel_id, result.reveal)

    @app_commands.command(name="hint")
    @app_commands.guild_only()
    async def hint(self, interaction: discord.Interaction[Any]) -> None:
        """Reveal a little of the answer; every hint lowers the points still to win."""
        given = await self.services.game.hint(ChannelId(interaction.channel_id or 0))
        await interaction.response.send_message(embeds.hint(given.text, given.level))

    @start.autocomplete("category")
    async def _category_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return _choices({item.category for item in self.services.items}, current)

    @start.autocomplete("pack")
    async def _pack_choices(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        enabled = await self.services.packs.enabled_packs(guild_of(interaction))
        return _choices({pack.name for pack in enabled}, current)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Typed answers in race games (only with the message content intent)."""
        if not self.chat_answers or message.author.bot or not message.content:
            return
        if message.guild is None or message.content.startswith("/"):
            return
        await self.table.answer_message(message)


MAX_CHOICES = 25


def _fit_timer(seconds: float | None) -> float | None:
    """A pack's time limit within the range /trivia start offers."""
    return None if seconds is None else min(max(seconds, MIN_TIMER), MAX_TIMER)


def _choices(values: set[str], current: str) -> list[app_commands.Choice[str]]:
    wanted = current.casefold()
    matching = sorted(value for value in values if wanted in value.casefold())
    return [app_commands.Choice(name=value, value=value) for value in matching[:MAX_CHOICES]]


@app_commands.command(name="answer")
@app_commands.guild_only()
@app_commands.allowed_contexts(guilds=True, dms=False, private_channels=False)
async def answer_command(
    interaction: discord.Interaction[Any], text: app_commands.Range[str, 1, ANSWER_MAX_LENGTH]
) -> None:
    """Answer the current trivia question (in a quiz only you see your answer).

    Args:
        text: your answer.
    """
    desk = desks_of(interaction).answers
    if not isinstance(desk, GameTable) or desk.get(interaction.channel_id or 0) is None:
        raise NoSessionError(embeds.NO_GAME)
    await desk.answer_in(interaction, interaction.channel_id or 0, text)


async def setup(bot: TriviaBot) -> None:
    """Install the game table as the buttons' desk, the quiz commands and /answer."""
    services = bot.services
    table = GameTable(
        services.game,
        services.item,
        services.clock,
        bot.ticker,
        services.review.report,
        chat_answers=bot.intents.message_content,
        played=services.records.question_stats,
    )
    bot.desks.answers = table
    await bot.add_cog(QuizCog(bot.services, table, bot.intents.message_content))
    bot.tree.add_command(answer_command)
    # Games a crash cut short were closed before connecting; their channels hear it now.
    for result in bot.recovered.games:
        channel = bot.get_partial_messageable(result.session.channel_id)
        await show_recovered(channel, result)
    bot.recovered = replace(bot.recovered, games=())


async def teardown(bot: TriviaBot) -> None:
    """Remove /answer and the desk."""
    bot.tree.remove_command(answer_command.name)
    bot.desks.answers = None
