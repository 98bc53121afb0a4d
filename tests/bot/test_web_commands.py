"""/trivia settings web:on and /trivia web on simcord's Discord: who may, and what they get."""

from __future__ import annotations

from datetime import timedelta

from discord import app_commands

from bot.game.models import GuildId
from bot.web.links import HostLinks, WebAccess
from questions.models import ItemType
from tests.bot.conftest import acknowledge, manager_role, only

BASE = "https://quiz.example"


def _field(embed, name):
    return next(field.value for field in embed.fields if field.name.startswith(name))


async def test_web_pages_are_off_until_a_manager_switches_them_on(run, bank, world):
    links = HostLinks("secret", world.clock, timedelta(hours=3))
    env = await run(only(bank, ItemType.MULTIPLE_CHOICE), web=WebAccess(BASE, links))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    carol = guild.add_member(env.create_user("carol"), roles=[manager_role(guild)])

    before = await carol.slash(channel, "trivia web")
    assert before.ephemeral
    assert "off" in _field(before.response.embeds[0], "Public pages")

    changed = await carol.slash(channel, "trivia settings", web="on")
    assert _field(changed.response.embeds[0], "Web pages").startswith("on")
    shown = await carol.slash(channel, "trivia web")
    embed = shown.response.embeds[0]
    assert _field(embed, "Public pages") == f"{BASE}/g/{guild.id}"
    host = _field(embed, "Host view")
    url = host.split()[0]
    assert url.startswith(f"{BASE}/g/{guild.id}/host?key=")
    assert links.guild_of(url.split("key=")[1]) == GuildId(guild.id)
    assert "expires <t:" in host

    off = await carol.slash(channel, "trivia settings", web="off")
    assert _field(off.response.embeds[0], "Web pages") == "off"


async def test_web_links_are_for_hosts_only(run, bank, world):
    links = HostLinks("secret", world.clock)
    env = await run(only(bank, ItemType.MULTIPLE_CHOICE), web=WebAccess(BASE, links))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    bob = guild.add_member(env.create_user("bob"))
    refused = await bob.slash(channel, "trivia web")
    assert refused.ephemeral
    assert "Manage Server" in refused.response.content
    assert not refused.response.embeds
    turned = await bob.slash(channel, "trivia settings", web="on")
    assert "Manage Server" in turned.response.content
    assert acknowledge(env) == [app_commands.CheckFailure, app_commands.CheckFailure]


async def test_without_a_signing_key_the_host_view_is_off(run, bank):
    env = await run(only(bank, ItemType.MULTIPLE_CHOICE), web=WebAccess(BASE, None))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    carol = guild.add_member(env.create_user("carol"), roles=[manager_role(guild)])
    shown = await carol.slash(channel, "trivia web")
    assert "TRIVIA_WEB_SECRET" in _field(shown.response.embeds[0], "Host view")


async def test_a_bot_without_pages_says_so(run, bank):
    env = await run(only(bank, ItemType.MULTIPLE_CHOICE))
    guild = env.create_guild()
    channel = guild.create_text_channel("trivia")
    carol = guild.add_member(env.create_user("carol"), roles=[manager_role(guild)])
    shown = await carol.slash(channel, "trivia web")
    assert "no web pages" in shown.response.embeds[0].description
