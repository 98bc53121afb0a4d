"""The web pages as a Starlette application: routes that read, templates that render.

A thin adapter like the Discord one: each route parses its path, asks :class:`GuildSite`
for one page's values and renders them with a Jinja2 template (autoescaped, so a name
holding markup is shown as text). Nothing here writes. A guild's pages answer only when
its admins switched them on; any other guild, player, night or question is a 404 page, a
host link that is not signed with the deployment's key or has expired a 403 page, and a
failure a 500 page, never a traceback.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.game.errors import StorageUnavailableError
from bot.game.models import GuildId, Period, PlayerId
from bot.night.models import NightId, NightStatus
from bot.night.podium import format_score, render_podium
from bot.web.links import HostLinks, LinkError
from bot.web.site import PERIODS, GuildSite, when

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
MAX_GUILD = 2**63 - 1
MAX_ROW_ID = 2**31 - 1
PERIOD_NAMES = {
    Period.WEEK: "this week",
    Period.MONTH: "this month",
    Period.SEASON: "this season",
    Period.ALL_TIME: "all time",
}
STATUS_NAMES = {status: status.value.replace("_", " ") for status in NightStatus}
NO_PAGES = "There are no pages for this server (its admins can switch them on)."

Page = Callable[[Request], Awaitable[Response]]


_ACCOUNT = re.compile(r"\s*\([a-z]+ \d{5,}\)")


def without_accounts(text: object) -> str:
    """``text`` without the accounts moderators signed with ("Olga (discord 9001...)")."""
    return _ACCOUNT.sub("", str(text))


def templates() -> Environment:
    """The pages' templates, autoescaped."""
    environment = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["when"] = when
    environment.filters["percent"] = lambda share: f"{share:.0%}"
    environment.filters["score"] = lambda value: format_score(Fraction(value))
    environment.filters["public"] = without_accounts
    environment.globals.update(
        PERIODS=PERIODS, PERIOD_NAMES=PERIOD_NAMES, STATUS_NAMES=STATUS_NAMES
    )
    return environment


class WebPages:
    """The routes of the pages over one :class:`GuildSite`."""

    def __init__(self, site: GuildSite, links: HostLinks | None) -> None:
        """Serve ``site``; host pages need ``links`` (None: host links are switched off)."""
        self._site = site
        self._links = links
        self._templates = templates()

    def render(self, name: str, code: int = 200, **values: Any) -> HTMLResponse:
        """One template rendered as an HTML response with the status ``code``.

        With :data:`SECURITY_HEADERS` itself: the page of an unexpected error is sent from
        outside the middleware that adds them to every other response.
        """
        headers = {name.decode(): value.decode() for name, value in SECURITY_HEADERS}
        return HTMLResponse(self._templates.get_template(name).render(**values), code, headers)

    async def _guild(self, request: Request) -> GuildId:
        """The guild in the path, if its pages are on.

        Raises:
            HTTPException: 404 for a guild whose pages are off (or any unknown guild).
        """
        guild = request.path_params["guild"]
        if guild > MAX_GUILD or not await self._site.is_public(GuildId(guild)):
            raise HTTPException(404, NO_PAGES)
        return GuildId(guild)

    async def index(self, request: Request) -> Response:
        """What this site is; no guild is listed (each has its own address)."""
        return self.render("index.html")

    async def health(self, request: Request) -> Response:
        """200 while the database answers (the container's healthcheck)."""
        try:
            await self._site.check()
        except StorageUnavailableError:
            return PlainTextResponse("database unreachable", 503)
        return PlainTextResponse("ok")

    async def leaderboard(self, request: Request) -> Response:
        """A guild's leaderboard for one period."""
        guild = await self._guild(request)
        name = request.path_params.get("period", Period.ALL_TIME.value)
        if name not in {p.value for p in Period}:
            raise HTTPException(404, "There is no such leaderboard.")
        board = await self._site.board(guild, Period(name))
        return self.render("board.html", guild=guild, board=board, section="board")

    async def player(self, request: Request) -> Response:
        """A player's record in a guild."""
        guild = await self._guild(request)
        player_id = request.path_params["player"]
        page = None
        if player_id <= MAX_ROW_ID:
            page = await self._site.player(guild, PlayerId(player_id))
        if page is None:
            raise HTTPException(404, "No such player has played in this server.")
        return self.render("player.html", guild=guild, page=page, section="board")

    async def season(self, request: Request) -> Response:
        """The season table and the guild's nights."""
        guild = await self._guild(request)
        page = await self._site.season(guild)
        return self.render("season.html", guild=guild, page=page, section="season")

    async def _night(self, request: Request) -> tuple[GuildId, Any]:
        guild = await self._guild(request)
        night_id = request.path_params["night"]
        page = None
        if night_id <= MAX_ROW_ID:
            page = await self._site.night(guild, NightId(night_id))
        if page is None:
            raise HTTPException(404, "There is no such quiz night in this server.")
        return guild, page

    async def night(self, request: Request) -> Response:
        """A night's recap."""
        guild, page = await self._night(request)
        return self.render(
            "night.html", guild=guild, page=page, item=self._site.item, section="season"
        )

    async def podium(self, request: Request) -> Response:
        """A finished night's podium picture (PNG)."""
        _, page = await self._night(request)
        if page.state.status is not NightStatus.FINISHED:
            raise HTTPException(404, "The podium is drawn when the night is over.")
        image = await run_in_threadpool(render_podium, page.recap)
        return Response(image, media_type="image/png")

    async def bank(self, request: Request) -> Response:
        """The question bank, of one category when asked for."""
        guild = await self._guild(request)
        category = request.query_params.get("category") or None
        if category is not None and category not in self._site.categories():
            raise HTTPException(404, "There is no such category.")
        entries = self._site.bank(category)
        return self.render(
            "bank.html",
            guild=guild,
            entries=entries,
            category=category,
            categories=self._site.categories(),
            section="bank",
        )

    async def question(self, request: Request) -> Response:
        """One question with its answers, evidence and verifying sources."""
        guild = await self._guild(request)
        item = self._site.item(request.path_params["item"])
        if item is None:
            raise HTTPException(404, "There is no such question.")
        sources = self._site.sources_of(item)
        return self.render("item.html", guild=guild, item=item, sources=sources, section="bank")

    async def facts(self, request: Request) -> Response:
        """The fact report, of one verdict when asked for."""
        guild = await self._guild(request)
        report = self._site.facts
        if report is None:
            raise HTTPException(404, "The fact report was not built for this site.")
        verdict = request.query_params.get("verdict") or None
        shown = [a for a in report.assessments if verdict in (None, a.verdict.value)]
        summary: dict[tuple[str, str], int] = {}
        for assessment in shown:
            key = (assessment.claim.evidence.document, assessment.verdict.value)
            summary[key] = summary.get(key, 0) + 1
        return self.render(
            "facts.html",
            guild=guild,
            report=report,
            shown=shown,
            verdict=verdict,
            summary=sorted(summary.items()),
            section="facts",
        )

    async def host(self, request: Request) -> Response:
        """The host's view: review-queue counts and per-question statistics."""
        if self._links is None:
            raise HTTPException(403, "Host links are switched off on this site.")
        try:
            guild = self._links.guild_of(request.query_params.get("key", ""))
        except LinkError as exc:
            raise HTTPException(403, str(exc)) from exc
        if guild != request.path_params["guild"]:
            raise HTTPException(403, "This link is for another server.")
        page = await self._site.host(guild)
        public = await self._site.is_public(guild)
        return self.render("host.html", guild=guild, page=page, public=public, section="host")

    async def problem(self, request: Request, exc: Exception) -> Response:
        """An HTTP error as a page: 404, 403 and the like, with their message."""
        if isinstance(exc, HTTPException):
            return self.render(
                "error.html", exc.status_code, status=exc.status_code, detail=exc.detail
            )
        if isinstance(exc, StorageUnavailableError):
            return self.render("error.html", 503, status=503, detail=str(exc))
        # The server logs the traceback (the error is raised on past this handler).
        log.error("page %s failed: %r", request.url.path, exc)
        return self.render("error.html", 500, status=500, detail="Something went wrong.")

    def routes(self) -> list[Route | Mount]:
        """Every route, read-only (GET and HEAD)."""
        return [
            Route("/", self.index),
            Route("/health", self.health),
            Route("/g/{guild:int}", self.leaderboard),
            Route("/g/{guild:int}/leaderboard/{period:str}", self.leaderboard),
            Route("/g/{guild:int}/players/{player:int}", self.player),
            Route("/g/{guild:int}/season", self.season),
            Route("/g/{guild:int}/nights/{night:int}", self.night),
            Route("/g/{guild:int}/nights/{night:int}/podium.png", self.podium),
            Route("/g/{guild:int}/questions", self.bank),
            Route("/g/{guild:int}/questions/{item:str}", self.question),
            Route("/g/{guild:int}/facts", self.facts),
            Route("/g/{guild:int}/host", self.host),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ]


# Every response says: no framing, no guessing types, no referrer, nothing but our own files
# (the pages use no script, inline style or outside resource).
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; "
        b"base-uri 'none'; form-action 'none'",
    ),
)


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, adding the headers to the response's start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                named = {name.lower() for name, _ in message.get("headers", [])}
                extra = [header for header in SECURITY_HEADERS if header[0] not in named]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(site: GuildSite, links: HostLinks | None) -> Starlette:
    """The application serving ``site``'s pages."""
    pages = WebPages(site, links)
    handlers: Mapping[Any, Any] = {
        HTTPException: pages.problem,
        StorageUnavailableError: pages.problem,
        Exception: pages.problem,
    }
    return Starlette(
        routes=pages.routes(),
        exception_handlers=dict(handlers),
        middleware=[Middleware(SecurityHeaders)],
    )
