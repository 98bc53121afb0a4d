"""Discord itself hides /trivia and /answer outside servers; nothing plays under no server."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import simcord

from bot.cogs.leaderboard import leaderboard_command
from bot.game.errors import SessionStateError
from questions.models import ItemType
from tests.bot.conftest import only


@pytest.mark.parametrize("command", ["trivia", "answer"])
async def test_game_commands_declare_servers_as_their_only_context(run, bank, command):
    env = await run(only(bank, ItemType.TRUE_FALSE))
    payload = env.bot.tree.get_command(command).to_dict(env.bot.tree)
    assert payload["contexts"] == [0]  # servers only: no bot DM (1), no private channel (2)


@pytest.mark.parametrize("command", ["trivia leaderboard", "trivia start", "answer"])
async def test_game_commands_are_not_offered_in_direct_messages(run, bank, command):
    env = await run(only(bank, ItemType.TRUE_FALSE))
    guild = env.create_guild()
    guild.add_member(env.create_user("alice"))
    stranger = env.create_user("stranger")
    options = {"text": "1963"} if command == "answer" else {}
    with pytest.raises(simcord.SetupError, match="context"):
        await stranger.slash(command, **options)


def _direct_message():
    user = SimpleNamespace(id=5, display_name="stranger", mention="<@5>")
    return SimpleNamespace(guild_id=None, channel_id=77, user=user, client=None)


async def test_a_start_from_a_direct_message_starts_no_game(run, bank):
    env = await run(only(bank, ItemType.TRUE_FALSE))
    cog = env.bot.get_cog("QuizCog")
    with pytest.raises(SessionStateError, match="server"):
        await cog.start.callback(cog, _direct_message())
    assert cog.services.game.session(77) is None


async def test_a_server_leaderboard_is_never_asked_outside_a_server(run, bank):
    env = await run(only(bank, ItemType.TRUE_FALSE))
    interaction = _direct_message()
    interaction.client = env.bot
    with pytest.raises(SessionStateError, match="server"):
        await leaderboard_command.callback(interaction)
