"""Host links on their own, and pages whose reads fail: a clear page, never a traceback."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from itsdangerous import URLSafeSerializer

from bot.game.errors import StorageUnavailableError
from bot.game.models import GuildId
from bot.settings import Settings
from bot.web.app import create_app
from bot.web.links import SALT, HostLinks, LinkError, WebAccess, host_links, web_access
from tests.conftest import FakeClock


def test_a_link_opens_its_guild_until_it_expires():
    clock = FakeClock()
    links = HostLinks("key", clock, timedelta(hours=2))
    token, expires = links.token(GuildId(77))
    assert expires == clock() + timedelta(hours=2)
    clock.advance(2 * 3600 - 1)
    assert links.guild_of(token) == GuildId(77)
    clock.advance(1)
    with pytest.raises(LinkError, match="expired"):
        links.guild_of(token)


@pytest.mark.parametrize("payload", [[77], ["77", 10**12], {"guild": 77}, [77, "soon"], "77"])
def test_a_signed_payload_of_another_shape_is_refused(payload):
    forged = URLSafeSerializer("key", salt=SALT).dumps(payload)
    with pytest.raises(LinkError, match="not valid"):
        HostLinks("key", FakeClock()).guild_of(forged)


def test_links_need_a_key_and_follow_the_settings():
    with pytest.raises(ValueError, match="signing key"):
        HostLinks("", FakeClock())
    clock = FakeClock()
    bare = Settings(_env_file=None)
    assert host_links(bare, clock) is None
    assert web_access(bare, clock) is None  # no address players can reach: no pages offered
    keyless = Settings(_env_file=None, web_base_url="https://quiz.example/")
    keyless_access = web_access(keyless, clock)
    assert keyless_access is not None
    assert keyless_access.host_url(GuildId(5)) is None
    configured = Settings(
        _env_file=None,
        web_secret="a long enough s3cret",
        web_base_url="https://quiz.example/",
        web_link_hours=1,
    )
    access = web_access(configured, clock)
    assert access is not None
    assert access.guild_url(GuildId(5)) == "https://quiz.example/g/5"
    found = access.host_url(GuildId(5))
    assert found is not None
    url, expires = found
    assert url.startswith("https://quiz.example/g/5/host?key=")
    assert expires == clock() + timedelta(hours=1)
    assert HostLinks("a long enough s3cret", clock).guild_of(url.split("key=")[1]) == GuildId(5)
    assert WebAccess("x", None).host_url(GuildId(1)) is None


class _BrokenSite:
    """A site whose reads fail: with an unexpected error, or the database gone."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.facts = None

    async def is_public(self, guild_id):
        raise self.error

    async def check(self):
        raise self.error


@pytest.mark.parametrize(
    ("error", "status"),
    [(RuntimeError("boom at /secret/path"), 500), (StorageUnavailableError("down"), 503)],
)
async def test_a_failing_read_is_a_plain_error_page(error, status):
    app = create_app(_BrokenSite(error), None)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://pages.test") as client:
        page = await client.get("/g/1")
        health = await client.get("/health")
        host = await client.get("/g/1/host?key=x")
    assert page.status_code == status
    assert "Traceback" not in page.text
    assert "/secret/path" not in page.text
    assert f"{status}:" in page.text
    if status == 503:
        assert health.status_code == 503
    assert host.status_code == 403  # no host links on this site: refused before any read


@pytest.mark.parametrize(("error", "path"), [(RuntimeError("boom"), "/g/1"), (None, "/nowhere")])
async def test_every_response_forbids_framing_sniffing_referrers_and_outside_resources(error, path):
    app = create_app(_BrokenSite(error or StorageUnavailableError("down")), None)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://pages.test") as client:
        page = await client.get(path)
    assert page.status_code >= 400  # error pages too
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["referrer-policy"] == "no-referrer"
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
