"""Two `trivia run` processes, one shard each, sharing one PostgreSQL: one leaderboard."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path
from typing import Any

import pytest

from bot.cli import build_bank
from bot.storage import db
from questions.bank import save_bank
from questions.models import ItemType
from tests.conftest import SEEDS
from tests.e2e.conftest import bot_environment, start_trivia
from tests.e2e.fake_discord import FakeDiscord, FakeGuild

pytestmark = pytest.mark.postgres
TIMEOUT = 30
SLASH, COMPONENT = 2, 3
ALICE, BOB = 700_000_000_000_000_011, 700_000_000_000_000_022


def _slash(sub: str, **options: Any) -> dict[str, Any]:
    kinds = {str: 3, int: 4}
    values = [{"name": k, "type": kinds[type(v)], "value": v} for k, v in options.items()]
    return {
        "id": "1",
        "name": "trivia",
        "type": 1,
        "options": [{"name": sub, "type": 1, "options": values}],
    }


async def _command(fake: FakeDiscord, guild: FakeGuild, user: int, data: dict[str, Any]) -> Any:
    payload = fake.interaction(guild, user, SLASH, data)
    await fake.dispatch(guild, "INTERACTION_CREATE", payload)
    return await fake.wait_call(
        "POST",
        f"/interactions/{payload['id']}/",
    )


async def _question(fake: FakeDiscord, guild: FakeGuild) -> dict[str, Any]:
    def posted() -> dict[str, Any] | None:
        for message in fake.messages.values():
            if message["channel_id"] == str(guild.channel_id) and message["components"]:
                return message
        return None

    found: dict[str, Any] = await fake.wait_for(posted, within=TIMEOUT)
    return found


async def _click_right(fake: FakeDiscord, guild: FakeGuild, user: int, items: Any) -> Any:
    message = await _question(fake, guild)
    text = message["embeds"][0]["description"].replace("\\", "")
    buttons = message["components"][0]["components"]
    labels = {b["label"].split(" ", 1)[1]: b for b in buttons}
    # Match on the question and the offered choices: a question alone may be worded alike.
    item = next(i for i in items if i.question in text and set(i.choices) == set(labels))
    right = labels[item.answers[0]]
    payload = fake.interaction(
        guild, user, COMPONENT, {"custom_id": right["custom_id"], "component_type": 2}, message
    )
    await fake.dispatch(guild, "INTERACTION_CREATE", payload)
    return await fake.wait_call("POST", f"/interactions/{payload['id']}/")


def _points(board: Any) -> int:
    """Points of the leader in a leaderboard reply ("🥇 name: 10 points")."""
    first_line = board.body["data"]["embeds"][0]["description"].splitlines()[0]
    return int(first_line.rsplit(": ", 1)[1].split()[0])


@pytest.fixture
async def postgres_url(postgres_database: str):
    yield postgres_database
    engine = db.create_engine(postgres_database)
    await db.downgrade(engine, "base")
    await engine.dispose()


async def test_two_shard_processes_share_one_leaderboard(postgres_url, tmp_path: Path):
    items = tuple(i for i in build_bank(SEEDS).build.items if i.type is ItemType.MULTIPLE_CHOICE)
    bank = tmp_path / "bank.json"
    save_bank(items, bank)
    fake = FakeDiscord(shard_count=2)
    first, second = fake.add_guild(shard_id=0), fake.add_guild(shard_id=1)
    await fake.start()
    base = bot_environment(fake, bank, postgres_url, TRIVIA_SHARD_COUNT="2")
    processes = []
    try:
        migrate = await start_trivia(base, "db", "upgrade")
        assert await asyncio.wait_for(migrate.wait(), TIMEOUT) == 0
        for shard in ("0", "1"):
            processes.append(await start_trivia({**base, "TRIVIA_SHARD_IDS": shard}, "run"))
        await fake.wait_for(lambda: len(fake.shards) == 2, within=TIMEOUT)

        for guild in (first, second):
            started = await _command(fake, guild, ALICE, _slash("start", questions=1))
            assert started.body["type"] == 4
        won_first = await _click_right(fake, first, ALICE, items)
        won_second = await _click_right(fake, second, ALICE, items)
        assert "got it" in won_first.body["data"]["content"]
        assert "got it" in won_second.body["data"]["content"]

        boards = [
            await _command(fake, guild, BOB, _slash("leaderboard", scope="global"))
            for guild in (first, second)
        ]
        texts = [board.body["data"]["embeds"][0]["description"] for board in boards]
        assert texts[0] == texts[1]
        assert texts[0].count("player11") == 1
        per_guild = [
            _points(await _command(fake, guild, BOB, _slash("leaderboard")))
            for guild in (first, second)
        ]
        assert min(per_guild) > 0
        assert _points(boards[0]) == sum(per_guild)
    finally:
        for process in processes:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        for process in processes:
            _, stderr = await asyncio.wait_for(process.communicate(), TIMEOUT)
            assert process.returncode == 0, stderr.decode()
        await fake.stop()
