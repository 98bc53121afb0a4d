"""From Discord to the pages: through the real discord.py client and the fake Discord, a
manager switches the pages on with /trivia settings web:on, /trivia web hands them the
addresses, and both open on the pages served over the bot's database."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.app import BotOptions, Services, TriviaBot, configure_discord, startup
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.moderation import SqlCurationRepository
from bot.storage.sql.nights import SqlNightRepository
from bot.web.app import create_app
from bot.web.links import HostLinks, WebAccess
from bot.web.serve import build_site
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.test_privacy import _ask, until
from tests.fakes import shipped_judge, text_item

SLASH = 2
OWNER, MEMBER = 1, 700_000_000_000_000_012
"""The fake guild's owner (who has every permission, Manage Server too) and a member."""
BASE = "https://quiz.example"


def _clock() -> datetime:
    return datetime.now(UTC)


@pytest.fixture
async def web_bot(fake_discord: FakeDiscord, tmp_path: Path):
    guild = fake_discord.add_guild()
    engine = db.create_engine(f"sqlite+aiosqlite:///{tmp_path / 'trivia.sqlite3'}")
    sessions = db.session_factory(engine)
    links = HostLinks("e2e key", _clock)
    services = Services(
        SqlRepository(sessions),
        (text_item(),),
        _clock,
        random.Random(3),
        judge=shipped_judge(),
        web=WebAccess(BASE, links),
    )
    bot = TriviaBot(
        services, BotOptions(shard_count=1), startup(lambda: db.upgrade(engine), services)
    )
    configure_discord(fake_discord.url, fake_discord.gateway_url)
    task = asyncio.create_task(bot.start(fake_discord.token))
    try:
        await until(bot.is_ready)
        site = build_site(
            SqlRepository(sessions, keep_settings=False),
            SqlNightRepository(sessions),
            SqlCurationRepository(sessions),
            (text_item(),),
            _clock,
        )
        transport = httpx.ASGITransport(app=create_app(site, links))
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as pages:
            yield guild, pages
    finally:
        await bot.close()
        await task
        configure_discord(None, None)
        await engine.dispose()


def _command(name: str, **options: str) -> dict[str, Any]:
    given = [{"name": key, "type": 3, "value": value} for key, value in options.items()]
    return {
        "id": "1",
        "name": "trivia",
        "type": 1,
        "options": [{"name": name, "type": 1, "options": given}],
    }


def _fields(answer: dict[str, Any]) -> dict[str, str]:
    return {field["name"]: field["value"] for field in answer["data"]["embeds"][0]["fields"]}


async def test_a_manager_switches_the_pages_on_and_opens_the_host_link(fake_discord, web_bot):
    guild, pages = web_bot
    refused = await _ask(fake_discord, guild, MEMBER, SLASH, _command("web"))
    assert "Manage Server" in str(refused["data"])
    assert (await pages.get(f"/g/{guild.id}")).status_code == 404

    before = await _ask(fake_discord, guild, OWNER, SLASH, _command("web"))
    assert before["data"]["flags"] & 64
    assert "off" in _fields(before)["Public pages"]

    turned = await _ask(fake_discord, guild, OWNER, SLASH, _command("settings", web="on"))
    assert _fields(turned)["Web pages"].startswith("on")
    shown = await _ask(fake_discord, guild, OWNER, SLASH, _command("web"))
    fields = _fields(shown)
    public = fields["Public pages"]
    assert public == f"{BASE}/g/{guild.id}"
    host = fields["Host view (do not share)"].split()[0]

    board = await pages.get(public)
    assert board.status_code == 200
    assert "Nobody has scored" in board.text
    view = await pages.get(host)
    assert view.status_code == 200
    assert "Near misses waiting" in view.text
    assert (await pages.get(host.replace(str(guild.id), str(guild.id + 1), 1))).status_code in {
        403,
        404,
    }
