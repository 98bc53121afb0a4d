"""Discord itself hides /quiznight outside servers: the group declares its allowed contexts."""

from __future__ import annotations

import pytest
import simcord

from tests.bot.test_quiznight import _playable


async def test_quiznight_is_not_offered_in_direct_messages(run, bank):
    env = await run(_playable(bank))
    guild = env.create_guild()
    channel = guild.create_text_channel("quiz-night")
    member = guild.add_member(env.create_user("valentina"))
    in_server = await member.slash(channel, "quiznight season")
    assert in_server.response.embeds

    user = env.create_user("stranger")
    with pytest.raises(simcord.SetupError, match="context"):
        await user.slash("quiznight season")
    group = env.bot.tree.get_command("quiznight")
    assert group is not None
    payload = group.to_dict(env.bot.tree)
    assert payload["contexts"] == [0]  # servers only: no bot DM (1), no private channel (2)
