"""`trivia health`: the database and the running bot's gateway connection, as the
container's healthcheck sees them (the bot runs against the fake Discord)."""

from __future__ import annotations

import asyncio
import re
import signal

from tests.e2e.conftest import bot_environment, start_trivia

TIMEOUT = 30


async def _run(process):
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), TIMEOUT)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    return process.returncode, stdout.decode(), stderr.decode()


def _says(path, connected: bool) -> bool:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return f'"connected": {str(connected).lower()}' in text


async def _health_file_says(path, connected: bool) -> None:
    # Another process writes the file: nothing to await but time.
    async with asyncio.timeout(TIMEOUT):
        for _ in iter(int, 1):
            if _says(path, connected):
                return
            await asyncio.sleep(0.05)


async def test_health_follows_the_gateway_connection(fake_discord, bank_file, tmp_path):
    env = bot_environment(
        fake_discord,
        bank_file,
        f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}",
        TRIVIA_DATA_DIR=str(tmp_path / "data"),
    )
    quiet = {**env, "TRIVIA_LOG_LEVEL": "WARNING"}
    code, _, stderr = await _run(await start_trivia(quiet, "health"))
    assert code == 1
    assert re.fullmatch(
        r"error: the database is at revision base \(empty\), not \d+: run `trivia db upgrade`",
        stderr.strip(),
    )
    bot = await start_trivia(env, "run")
    try:
        await fake_discord.wait_for(lambda: 0 in fake_discord.shards, within=TIMEOUT)
        await _health_file_says(tmp_path / "data" / "health.json", connected=True)
        code, stdout, stderr = await _run(await start_trivia(quiet, "health"))
        assert code == 0, stderr
        assert stdout.startswith("healthy: database at revision ")
        assert "gateway connected (ready)" in stdout
    finally:
        bot.send_signal(signal.SIGTERM)
        assert (await _run(bot))[0] == 0
    code, _, stderr = await _run(await start_trivia(quiet, "health"))
    assert code == 1
    assert stderr.strip() == ("error: the gateway is disconnected (the bot is shutting down)")
