"""`trivia run` and `trivia sync` as processes against the fake Discord."""

from __future__ import annotations

import asyncio
import signal

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
    assert names == ["answer", "trivia"]
    assert "registered 2 commands" in stdout


async def test_sync_without_dev_guild_registers_globally(fake_discord, bank_file, tmp_path):
    env = bot_environment(fake_discord, bank_file, f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    code, _, stderr = await _finish(await start_trivia(env, "sync"))
    assert code == 0, stderr
    put = [c for c in fake_discord.calls if c.method == "PUT"]
    assert len(put) == 1
    assert "guilds" not in put[0].path


async def test_run_connects_and_sigterm_exits_cleanly(fake_discord, bank_file, tmp_path):
    env = bot_environment(fake_discord, bank_file, f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    process = await start_trivia(env, "run")
    try:
        await fake_discord.wait_for(lambda: 0 in fake_discord.shards, within=TIMEOUT)
    finally:
        process.send_signal(signal.SIGTERM)
        await asyncio.sleep(0)
    code, _, stderr = await _finish(process)
    assert code == 0, stderr
    assert "Traceback" not in stderr
    assert (tmp_path / "db.sqlite3").exists()
