"""The Discord bot: services, extensions, persistent buttons and the one error handler.

:func:`run_bot` is the composition root used by ``trivia run``: it builds the storage and
the game service once, hands them to :class:`TriviaBot`, and closes everything on SIGTERM.
"""

from __future__ import annotations

import asyncio
import logging
import random
import signal
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.ext import commands

from bot import heap
from bot.cogs.health import HealthCog
from bot.cogs.ticker import Ticker
from bot.game.errors import NoQuestionsError
from bot.game.judging import Judge
from bot.game.models import Clock, GuildId, SessionFormat
from bot.game.packs import InMemoryPackChoices, PackLimits, PackService
from bot.game.ports import Repository
from bot.game.privacy import MemberDataEverywhere, MemberDataStore
from bot.game.records import RecordsService
from bot.game.selection import of_difficulty
from bot.game.service import FinalResult, GameService
from bot.moderation.curation import CurationRepository, curated
from bot.moderation.facts import FactLedger
from bot.moderation.memory import InMemoryCurationRepository
from bot.moderation.reviewing import ReviewService
from bot.night.ledger import NightLedger
from bot.night.memory import InMemoryNightRepository
from bot.night.models import NightState
from bot.night.repository import NightRepository
from bot.night.service import NightService
from bot.settings import Settings
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.moderation import SqlCurationRepository
from bot.storage.sql.nights import SqlNightRepository
from bot.storage.sql.packs import SqlPackChoices
from bot.storage.sql.privacy import SqlMemberDataStore
from bot.views.answer_buttons import DYNAMIC_ITEMS
from bot.views.base import report_error
from bot.views.desks import Desks
from bot.web.links import WebAccess, web_access
from questions.models import TriviaItem
from questions.packs import Pack, PackStore

log = logging.getLogger(__name__)

# The quiz extension owns /trivia; the others add subcommands to it, so it loads first.
EXTENSIONS = (
    "bot.cogs.quiz",
    "bot.cogs.leaderboard",
    "bot.cogs.admin",
    "bot.cogs.quiznight",
    "bot.cogs.review",
    "bot.cogs.privacy",
    "bot.cogs.packs",
    "bot.cogs.web",
)
NIGHTS_EXTENSION = "bot.cogs.quiznight"
"""The quiz nights' extension: when it loads, start-up recovers the nights too."""
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
DISCORD_API_BASE = discord.http.Route.BASE
DISCORD_GATEWAY = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
NightStores = tuple[NightRepository, CurationRepository]


class Services:
    """What the cogs need, built once by the entry point."""

    def __init__(
        self,
        repository: Repository,
        items: Sequence[TriviaItem],
        clock: Clock,
        rng: random.Random | None = None,
        nights: NightStores | None = None,
        facts: FactLedger | None = None,
        privacy: MemberDataStore | None = None,
        packs: PackService | None = None,
        *,
        judge: Judge,
        web: WebAccess | None = None,
    ) -> None:
        """Build the services; ``judge`` knows the references' aliases (see ``trivia run``).

        ``web`` is where the web pages are, for ``/trivia web`` (None: no pages).
        """
        self.items = tuple(items)
        self.web = web
        # Moderators' fact decisions also name them in the decisions file.
        self.privacy = (
            privacy if privacy is None or facts is None else MemberDataEverywhere(privacy, facts)
        )
        self.packs = packs or PackService((), None, InMemoryPackChoices())
        self.clock = clock
        self._by_id = {item.id: item for item in self.items}
        chance = rng or random.Random()
        # One store provides every port; each service is handed the ones it uses.
        self.game = GameService(
            self.items,
            clock,
            chance,
            sessions=repository,
            rounds=repository,
            settings=repository,
            review=repository,
            unfinished=repository,
            judge=judge,
        )
        self.records = RecordsService(
            clock, leaderboards=repository, stats=repository, settings=repository
        )
        night_repo, curation = nights or (InMemoryNightRepository(), InMemoryCurationRepository())
        self.curation = curation
        ledger = NightLedger(repository)  # nights recorded in the games' tables
        self.nights = NightService(
            night_repo, curation, self.items, clock, chance, ledger, judge=judge
        )
        pending, record = (facts.pending_for, facts.record) if facts else (None, None)
        self.review = ReviewService(
            self.nights.item, self.nights, curation, self.game, clock, pending, record
        )

    async def select(
        self, guild_id: GuildId, category: str | None, pack: Pack | None
    ) -> tuple[TriviaItem, ...]:
        """The bank and the guild's enabled packs, or one pack alone; of one category if given.

        Raises:
            NoQuestionsError: nothing matches.
        """
        if pack is not None:
            pool = pack.items
        else:
            enabled = await self.packs.enabled_packs(guild_id)
            pool = (*self.items, *(item for each in enabled for item in each.items))
        chosen = tuple(item for item in pool if category is None or item.category == category)
        if not chosen and pool:
            wanted = " / ".join(part for part in (category, pack and pack.name) if part)
            raise NoQuestionsError(f"There are no questions in {wanted}.")
        return chosen

    async def playable(
        self,
        guild_id: GuildId,
        category: str | None,
        pack: Pack | None,
        difficulty: str | None = None,
    ) -> tuple[TriviaItem, ...]:
        """The items a guild's game plays: :meth:`select`, the guild's curation, a difficulty.

        ``difficulty`` (easy, medium, hard) goes by the difficulty play has recalibrated
        in this guild where there is one, else by the bank's.

        Raises:
            NoQuestionsError: nothing matches, or every match is retired.
        """
        chosen = await self.select(guild_id, category, pack)
        fixes = await self.curation.fixes(guild_id)
        items = curated(chosen, fixes)
        if chosen and not items:
            raise NoQuestionsError("Every question there has been retired by the moderators.")
        if difficulty is not None:
            rated = {i: fix.difficulty for i, fix in fixes.items() if fix.difficulty is not None}
            items = of_difficulty(items, difficulty, rated)
            if not items:
                raise NoQuestionsError(f"There are no {difficulty} questions there.")
        return items

    def item(self, item_id: str) -> TriviaItem | None:
        """One item of the bank or of a pack by id."""
        return self._by_id.get(item_id) or self.packs.item(item_id)

    async def recover(
        self, owned: Callable[[GuildId], bool] | None = None, *, nights: bool = True
    ) -> Recovered:
        """Take up what the last stop left running: one recovery step for every format.

        The engine's step (:func:`bot.game.recovery.recover`) runs once, with the games'
        policy and, when ``nights``, the nights' (:meth:`NightService.left_running`);
        each format then does its own after it (the nights not started yet are taken up).

        Args:
            owned: Which guilds this process plays for (None: all).
            nights: Whether the nights are recovered too (their extension loads).

        Raises:
            StorageUnavailableError: the database cannot be reached.
        """
        left = await self.nights.left_running(owned) if nights else None
        # Without sessions of theirs the nights add nothing to the step's search.
        others = {SessionFormat.NIGHT: left} if left is not None and left.sessions else {}
        games = await self.game.recover(owned, others)
        taken = None if left is None else await self.nights.taken_up(left)
        return Recovered(games, taken)


@dataclass(frozen=True, slots=True)
class Recovered:
    """What start-up took up of the sessions the last stop left running, by format."""

    games: Sequence[FinalResult] = ()
    """The games ended; the quiz extension tells their channels."""
    nights: Sequence[NightState] | None = None
    """The nights taken up; None when start-up left them to their extension as it loads."""


@dataclass(frozen=True, slots=True)
class BotOptions:
    """Gateway options taken from the settings."""

    message_content: bool = False
    shard_count: int | None = None
    shard_ids: Sequence[int] | None = None
    dev_guild_id: int | None = None
    tick_seconds: float = 1.0
    """How often the one clock closes timed-out questions and updates countdowns."""
    health_file: Path | None = None
    """Where to note the gateway connection for ``trivia health`` (None: nowhere)."""
    extensions: Sequence[str] = EXTENSIONS
    """The extensions loaded, in order."""

    @classmethod
    def from_settings(cls, settings: Settings) -> BotOptions:
        """The options a deployment asked for."""
        return cls(
            settings.message_content_intent,
            settings.shard_count,
            settings.shard_ids,
            settings.dev_guild_id,
            health_file=settings.health_file(),
        )


def build_intents(message_content: bool) -> discord.Intents:
    """Default intents (no members or presences); message content only when asked for."""
    intents = discord.Intents.default()
    intents.message_content = message_content
    return intents


class TriviaTree(app_commands.CommandTree[Any]):
    """The command tree: every slash-command error ends in :func:`report_error`."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        """Show game errors to the player; log the rest and apologise."""
        await report_error(interaction, error)


class TriviaBot(commands.AutoShardedBot):
    """The trivia bot: one process runs the shards it is given."""

    def __init__(
        self,
        services: Services,
        options: BotOptions | None = None,
        prepare: Callable[[bool], Awaitable[Recovered]] | None = None,
    ) -> None:
        self.options = options or BotOptions()
        sharding: dict[str, Any] = {"shard_count": self.options.shard_count}
        if self.options.shard_ids is not None:
            sharding["shard_ids"] = list(self.options.shard_ids)
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            tree_cls=TriviaTree,
            intents=build_intents(self.options.message_content),
            allowed_mentions=discord.AllowedMentions.none(),
            **sharding,
        )
        self.services = services
        self.desks = Desks()
        """Where persistent buttons hand their clicks: set by each extension as it loads."""
        self.ticker = Ticker(self.options.tick_seconds, clock=services.clock)
        """The one clock: each format's extension joins it as it loads (games, nights)."""
        self._prepare = prepare
        self.recovered = Recovered()
        """Sessions the last stop left running, taken up at start; each format's extension
        takes its own as it loads (their channels are told)."""

    async def setup_hook(self) -> None:
        """Prepare (migrate, recover), load the extensions, re-attach the buttons, sync in dev."""
        extensions = self.options.extensions
        if self._prepare is not None:
            self.recovered = await self._prepare(NIGHTS_EXTENSION in extensions)
        for extension in extensions:
            await self.load_extension(extension)
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        if self.options.health_file is not None:
            await self.add_cog(HealthCog(self, self.options.health_file, self.services.clock))
        log.info("loaded %d extensions", len(extensions))
        if self.options.dev_guild_id is not None:
            guild = discord.Object(self.options.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            await self.tree.sync(guild=guild)
            log.info("commands synced to the development guild")

    @property
    def trivia_group(self) -> app_commands.Group:
        """The /trivia command group (owned by the quiz extension)."""
        group = self.tree.get_command("trivia")
        if not isinstance(group, app_commands.Group):
            raise commands.ExtensionError("load bot.cogs.quiz first", name="bot.cogs.quiz")
        return group

    async def on_ready(self) -> None:
        """Log the shards this process runs."""
        log.info("ready as %s on shards %s", self.user, sorted(self.shards))


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard Discord routes a guild to (the formula from Discord's sharding guide)."""
    return (guild_id >> 22) % shard_count


def owned_guilds(options: BotOptions) -> Callable[[GuildId], bool] | None:
    """Which guilds this process plays for; ``None`` when it runs every shard."""
    count, ids = options.shard_count, options.shard_ids
    if count is None or ids is None:
        return None
    mine = frozenset(ids)
    return lambda guild_id: shard_of(guild_id, count) in mine


def startup(
    migrate: Callable[[], Awaitable[None]],
    services: Services,
    owned: Callable[[GuildId], bool] | None = None,
) -> Callable[[bool], Awaitable[Recovered]]:
    """What ``trivia run`` does before connecting: migrate, then take up sessions left running.

    The returned step is told whether the nights' extension loads; one recovery step then
    takes up the games and, if so, the nights (:meth:`Services.recover`). Only the guilds
    of this process's shards are recovered: another process sharing the database may be
    playing the others right now. What was taken up is returned; the quiz extension tells
    the ended games' channels, the nights' extension the paused nights'.
    """

    async def prepare(nights: bool) -> Recovered:
        await migrate()
        # A crash or restart leaves sessions running; the engine closes them, points kept.
        recovered = await services.recover(owned, nights=nights)
        log.info("closed %d sessions left running by the last stop", len(recovered.games))
        return recovered

    return prepare


def configure_discord(api_base: str | None, gateway: str | None) -> None:
    """The one place the process changes discord.py's globals, called before connecting.

    discord.py keeps its endpoints and its voice warnings in class attributes, so they are
    set here, by the entry points (``trivia run``, ``trivia sync``) and the end-to-end
    tests, never by a library module or a constructor: talk to proxies in front of Discord
    (REST and gateway), or to Discord when unset; and, since the bot never joins voice,
    keep discord.py from warning that voice libraries are missing.
    """
    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
    discord.http.Route.BASE = api_base.rstrip("/") if api_base else DISCORD_API_BASE
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = (
        yarl.URL(gateway) if gateway else DISCORD_GATEWAY
    )


async def run_bot(
    settings: Settings,
    items: Sequence[TriviaItem],
    clock: Clock,
    facts: FactLedger | None = None,
    *,
    judge: Judge,
) -> None:
    """Run the bot until it is closed; SIGTERM closes it cleanly.

    ``facts`` brings the pipeline's claims waiting for approval to the review queue;
    ``judge`` judges every game's and night's answers with the references' aliases.

    Raises:
        discord.LoginFailure: the token was rejected.
        discord.PrivilegedIntentsRequired: an intent is not enabled for the application.
    """
    token = _token(settings)
    configure_discord(settings.discord_api_base, settings.discord_gateway_url)
    engine = db.create_engine(settings.database_url)
    sessions = db.session_factory(engine)
    stores = (SqlNightRepository(sessions), SqlCurationRepository(sessions))
    repository = SqlRepository(sessions)
    privacy = SqlMemberDataStore(sessions, repository.drain)
    packs = await _pack_service(settings, SqlPackChoices(sessions))
    services = Services(
        repository,
        tuple(items),
        clock,
        nights=stores,
        facts=facts,
        privacy=privacy,
        packs=packs,
        judge=judge,
        web=web_access(settings, clock),
    )
    options = BotOptions.from_settings(settings)
    prepare = startup(lambda: db.upgrade(engine), services, owned_guilds(options))
    bot = TriviaBot(services, options, prepare)
    heap.settle()  # everything loaded stays: full collections need not walk it again
    closing: set[asyncio.Task[None]] = set()
    loop = asyncio.get_running_loop()
    # SIGTERM (docker stop) and Ctrl-C close the bot: the cogs end their games, points kept.
    for stop in STOP_SIGNALS:
        loop.add_signal_handler(stop, lambda: closing.add(loop.create_task(bot.close())))
    try:
        async with bot:
            await bot.start(token)
    finally:
        for stop in STOP_SIGNALS:
            loop.remove_signal_handler(stop)
        await repository.drain()
        await engine.dispose()


async def sync_commands(settings: Settings, items: Sequence[TriviaItem], clock: Clock) -> int:
    """Register the slash commands, in the development guild if one is set, else globally.

    Returns the number of top-level commands registered.

    Raises:
        discord.LoginFailure: the token was rejected.
    """
    token = _token(settings)
    configure_discord(settings.discord_api_base, settings.discord_gateway_url)
    engine = db.create_engine(settings.database_url)
    options = BotOptions(dev_guild_id=None)
    bot = TriviaBot(
        # Syncing plays no game, so the judge needs no aliases.
        Services(SqlRepository(db.session_factory(engine)), tuple(items), clock, judge=Judge()),
        options,
    )
    try:
        async with bot:
            await bot.login(token)
            guild = None
            if settings.dev_guild_id is not None:
                guild = discord.Object(settings.dev_guild_id)
                bot.tree.copy_global_to(guild=guild)
            synced = await bot.tree.sync(guild=guild)
    finally:
        await engine.dispose()
    return len(synced)


async def _pack_service(settings: Settings, choices: SqlPackChoices) -> PackService:
    """The packs of the packs folder (a file that cannot be read is logged and left out)."""
    store = PackStore(settings.packs_folder())
    packs, problems = await asyncio.to_thread(store.load_all)
    log.info("%d community packs loaded, %d left out", len(packs), len(problems))
    limits = PackLimits(settings.guild_pack_limit, int(settings.guild_pack_megabytes * 1024 * 1024))
    return PackService(packs, store, choices, limits)


def _token(settings: Settings) -> str:
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        raise discord.LoginFailure(
            "no Discord token: set TRIVIA_DISCORD_TOKEN (see .env.example and the README)"
        )
    return token
