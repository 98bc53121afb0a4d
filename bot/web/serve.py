"""``trivia web``: the pages' wiring over the bot's database, served by uvicorn.

The stores are the bot's own (:class:`~bot.storage.sql.SqlRepository` and the nights' and
curation's), built once here and handed to :class:`~bot.web.site.GuildSite` port by port,
as ``bot.app.Services`` does for the cogs. The pages only read, so the database is not
migrated here: it must already be at the newest revision (the bot migrates at start,
``trivia db upgrade`` by hand).
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from dataclasses import dataclass

import uvicorn

from bot.game.models import Clock
from bot.game.records import RecordsService
from bot.night.ledger import NightLedger
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.moderation import SqlCurationRepository
from bot.storage.sql.nights import SqlNightRepository
from bot.web.app import create_app
from bot.web.links import HostLinks
from bot.web.site import BoardRecords, FactReport, GuildSite
from questions.models import TriviaItem


@dataclass(frozen=True, slots=True)
class WebOptions:
    """Where to listen and what to show."""

    host: str
    port: int
    items: Sequence[TriviaItem]
    facts: FactReport | None
    links: HostLinks | None


def build_site(
    repository: SqlRepository,
    nights: SqlNightRepository,
    curation: SqlCurationRepository,
    items: Sequence[TriviaItem],
    clock: Clock,
    facts: FactReport | None = None,
    board_records: BoardRecords | None = None,
) -> GuildSite:
    """The pages' reads over the bot's stores (one store hands out every engine port).

    ``board_records`` keeps the leaderboards' records between reads (a new one by default).
    """
    records = RecordsService(clock, leaderboards=repository, stats=repository, settings=repository)
    return GuildSite(
        records=records,
        nights=nights,
        ledger=NightLedger(repository),
        curation=curation,
        review=repository,
        items=items,
        facts=facts,
        board_records=board_records or BoardRecords(clock),
    )


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on ``host:port``, bound here so a port in use is one clear error.

    Raises:
        OSError: the address cannot be listened on (in use, unknown host, not allowed).
    """
    try:
        return socket.create_server((host, port))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OSError(exc.errno, f"cannot listen on {host}:{port}: {reason}") from exc


async def check_schema(database_url: str) -> None:
    """Check the database answers at the newest revision (the pages never migrate it).

    Raises:
        StorageError: the database is unreachable or not at the newest revision.
    """
    engine = db.create_engine(database_url)
    try:
        await db.require_head(engine)
    finally:
        await engine.dispose()


async def serve(database_url: str, options: WebOptions, clock: Clock) -> None:
    """Serve the pages until interrupted (Ctrl-C or SIGTERM end it cleanly).

    Raises:
        StorageError: the database is unreachable or not at the newest revision.
    """
    engine = db.create_engine(database_url)
    try:
        await db.require_head(engine)
        sessions = db.session_factory(engine)
        # The bot changes the guilds' settings (web:on): read them at every request.
        repository = SqlRepository(sessions, keep_settings=False)
        site = build_site(
            repository,
            SqlNightRepository(sessions),
            SqlCurationRepository(sessions),
            options.items,
            clock,
            options.facts,
        )
        app = create_app(site, options.links)
        # log_config=None: uvicorn logs through the logging the command configured.
        config = uvicorn.Config(
            app, host=options.host, port=options.port, log_config=None, access_log=False
        )
        listening = listen(options.host, options.port)
        with listening:
            await uvicorn.Server(config).serve(sockets=[listening])
    finally:
        await engine.dispose()
