"""Signed, expiring links to a guild's host-only pages (``/trivia web`` hands them out).

A link carries the guild and the moment it stops working, signed with the deployment's
key (``TRIVIA_WEB_SECRET``) by :mod:`itsdangerous`; the clock that says whether it has
expired is injected, so tests need no waiting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from itsdangerous import BadSignature, URLSafeSerializer

from bot.game.models import Clock, GuildId
from bot.settings import Settings

SALT = "trivia-host-link"
DEFAULT_LIFETIME = timedelta(hours=24)


class LinkError(Exception):
    """A host link that does not open its page; the message says why, for the page."""


class HostLinks:
    """Signs host links for a guild and checks them."""

    def __init__(self, secret: str, clock: Clock, lifetime: timedelta = DEFAULT_LIFETIME) -> None:
        """Sign with ``secret``; a link works for ``lifetime`` from when it was made."""
        if not secret:
            raise ValueError("a host link needs a signing key")
        self._serializer = URLSafeSerializer(secret, salt=SALT)
        self._clock = clock
        self.lifetime = lifetime

    def token(self, guild_id: GuildId) -> tuple[str, datetime]:
        """A signed token for the guild's host pages, and when it expires."""
        expires = self._clock() + self.lifetime
        return self._serializer.dumps([guild_id, int(expires.timestamp())]), expires

    def guild_of(self, token: str) -> GuildId:
        """The guild a token opens.

        Raises:
            LinkError: the token was not signed with this key, was changed, or has expired.
        """
        try:
            payload = self._serializer.loads(token)
        except BadSignature as exc:
            raise LinkError("This link is not valid: ask for a new one with /trivia web.") from exc
        match payload:
            case [int(guild), int(expires)]:
                pass
            case _:
                raise LinkError("This link is not valid: ask for a new one with /trivia web.")
        if self._clock() >= datetime.fromtimestamp(expires, UTC):
            raise LinkError("This link has expired: ask for a new one with /trivia web.")
        return GuildId(guild)


@dataclass(frozen=True, slots=True)
class WebAccess:
    """Where the pages are and who signs host links: what ``/trivia web`` hands out."""

    base_url: str
    links: HostLinks | None

    def guild_url(self, guild_id: GuildId) -> str:
        """The address of a guild's pages."""
        return f"{self.base_url.rstrip('/')}/g/{guild_id}"

    def host_url(self, guild_id: GuildId) -> tuple[str, datetime] | None:
        """A signed link to the guild's host view and when it expires; None without a key."""
        if self.links is None:
            return None
        token, expires = self.links.token(guild_id)
        return f"{self.guild_url(guild_id)}/host?key={token}", expires


def host_links(settings: Settings, clock: Clock) -> HostLinks | None:
    """The signer of host links, when the deployment set a key (``TRIVIA_WEB_SECRET``)."""
    secret = settings.web_secret.get_secret_value() if settings.web_secret else ""
    if not secret.strip():
        return None
    return HostLinks(secret, clock, timedelta(hours=settings.web_link_hours))


def web_access(settings: Settings, clock: Clock) -> WebAccess | None:
    """The pages' address and host links as the deployment configured them.

    None when no address is configured: the pages are not served where players can go.
    """
    if not settings.web_base_url:
        return None
    return WebAccess(settings.web_base_url, host_links(settings, clock))
