"""`trivia run` and `trivia sync` as processes against the fake Discord."""

from __future__ import annotations

import asyncio
import signal

import pytest

from bot.storage import db
from bot.storage.sql import SqlRepository
from tests.e2e.conftest import bot_environment, start_trivia

TIMEOUT = 30


async def _finish(process):
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), TIMEOUT)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    return process.returncode, stdout.decode(), stderr.decode()


async def test_run_without_token_exits_with_message(fake_discord, bank_file, tmp_path):
    env = bot_environment(fake_discord, bank_file, f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    env["TRIVIA_DISCORD_TOKEN"] = ""
    code, _, stderr = await _finish(await start_trivia(env, "run"))
    assert code == 1
    assert "TRIVIA_DISCORD_TOKEN" in stderr
    assert "Traceback" not in stderr
    assert fake_discord.calls == []


async def test_run_with_rejected_token_exits_with_message(fake_discord, bank_file, tmp_path):
    env = bot_environment(fake_discord, bank_file, f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    env["TRIVIA_DISCORD_TOKEN"] = "not-the-token"
    code, _, stderr = await _finish(await start_trivia(env, "run"))
    assert code == 1
    assert "rejected the token" in stderr
    assert "Traceback" not in stderr
    assert [c.path for c in fake_discord.calls] == ["/users/@me"]


async def test_sync_with_rejected_token_exits_with_message(fake_discord, bank_file, tmp_path):
    env = bot_environment(fake_discord, bank_file, f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    env["TRIVIA_DISCORD_TOKEN"] = "not-the-token"
    code, _, stderr = await _finish(await start_trivia(env, "sync"))
    assert code == 1
    assert "rejected the token" in stderr
    assert "Traceback" not in stderr


async def test_sync_registers_commands_to_dev_guild(fake_discord, bank_file, tmp_path):
    env = bot_environment(
        fake_discord,
        bank_file,
        f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}",
        TRIVIA_DEV_GUILD_ID="4242",
    )
    code, stdout, stderr = await _finish(await start_trivia(env, "sync"))
    assert code == 0, stderr
    put = [c for c in fake_discord.calls if c.method == "PUT"]
    assert [c.path.split("/")[-2:] for c in put] == [["4242", "commands"]]
    names = sorted(command["name"] for command in put[0].body)
    assert names == ["answer", "quiznight", "trivia"]
    assert "registered 3 commands" in stdout


async def test_sync_without_dev_guild_registers_globally(fake_discord, bank_file, tmp_path):
    env = bot_environment(fake_discord, bank_file, f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    code, _, stderr = await _finish(await start_trivia(env, "sync"))
    assert code == 0, stderr
    put = [c for c in fake_discord.calls if c.method == "PUT"]
    assert len(put) == 1
    assert "guilds" not in put[0].path


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
async def test_run_connects_and_stop_signal_exits_cleanly(fake_discord, bank_file, tmp_path, stop):
    env = bot_environment(fake_discord, bank_file, f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    process = await start_trivia(env, "run")
    try:
        await fake_discord.wait_for(lambda: 0 in fake_discord.shards, within=TIMEOUT)
    finally:
        process.send_signal(stop)
    code, _, stderr = await _finish(process)
    assert code == 0, stderr
    assert "Traceback" not in stderr
    assert (tmp_path / "db.sqlite3").exists()


async def test_run_after_a_crash_closes_the_sessions_left_running(
    fake_discord, bank_file, tmp_path
):
    guild = fake_discord.add_guild()
    url = f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}"
    env = bot_environment(fake_discord, bank_file, url)
    crashed = await start_trivia(env, "run")
    try:
        await fake_discord.wait_for(lambda: 0 in fake_discord.shards, within=TIMEOUT)
        start = fake_discord.interaction(guild, 7, 2, _start_command())
        await fake_discord.dispatch(guild, "INTERACTION_CREATE", start)
        await fake_discord.wait_call("POST", f"/interactions/{start['id']}/")
    finally:
        crashed.kill()
        await _finish(crashed)
    assert await _unfinished(url) == 1

    fake_discord.shards.clear()
    restarted = await start_trivia(env, "run")
    try:
        await fake_discord.wait_for(lambda: 0 in fake_discord.shards, within=TIMEOUT)
        assert await _unfinished(url) == 0
    finally:
        restarted.send_signal(signal.SIGTERM)
        code, _, stderr = await _finish(restarted)
    assert code == 0, stderr


def _start_command():
    start = {"name": "start", "type": 1, "options": [{"name": "questions", "type": 4, "value": 3}]}
    return {"id": "1", "name": "trivia", "type": 1, "options": [start]}


async def _unfinished(url: str) -> int:
    engine = db.create_engine(url)
    try:
        return len(await SqlRepository(db.session_factory(engine)).unfinished_sessions())
    finally:
        await engine.dispose()


async def test_run_while_unreadable_snapshots_wait_names_the_export(
    fake_discord, bank_file, tmp_path
):
    import sqlalchemy as sa

    url = f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}"
    engine = db.create_engine(url)
    try:
        await db.upgrade(engine, "0018")
        async with engine.begin() as connection:
            await connection.execute(sa.text("INSERT INTO quiz_nights (id) VALUES (3)"))
            await connection.execute(
                sa.text("INSERT INTO night_snapshot_quarantine VALUES (3, '{broken')")
            )
    finally:
        await engine.dispose()
    env = bot_environment(fake_discord, bank_file, url)
    code, _, stderr = await _finish(await start_trivia(env, "run"))
    assert code == 1
    assert "Traceback" not in stderr
    (line,) = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert line.startswith("error: cannot migrate: 1 night snapshot migration 0016 could not")
    assert "`trivia db export-unreadable-nights PATH`" in line
