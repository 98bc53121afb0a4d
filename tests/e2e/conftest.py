"""Fixtures: a started fake Discord, a prebuilt bank, and bot processes pointed at the fake."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path

import pytest

from bot.cli import build_bank
from questions.bank import save_bank
from tests.conftest import REPO_ROOT, SEEDS
from tests.e2e.fake_discord import FakeDiscord

BotProcess = Callable[..., "asyncio.Future[asyncio.subprocess.Process]"]


@pytest.fixture(scope="session")
def bank_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bank") / "bank.json"
    save_bank(build_bank(SEEDS).build.items, path)
    return path


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


def bot_environment(
    fake: FakeDiscord, bank: Path, database_url: str, **extra: str
) -> dict[str, str]:
    """Environment of a ``trivia`` process that talks to the fake Discord."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIVIA_")}
    env.update(
        TRIVIA_DISCORD_TOKEN=fake.token,
        TRIVIA_DISCORD_API_BASE=fake.url,
        TRIVIA_DISCORD_GATEWAY_URL=fake.gateway_url,
        TRIVIA_DATABASE_URL=database_url,
        TRIVIA_BANK_PATH=str(bank),
        TRIVIA_LOG_LEVEL="INFO",
    )
    env.update(extra)
    return env


async def start_trivia(env: Mapping[str, str], *args: str) -> asyncio.subprocess.Process:
    """``trivia ARGS`` as a child process (stdin closed, output piped)."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        *args,
        cwd=REPO_ROOT,
        env=dict(env),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
