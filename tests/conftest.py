"""Shared fixtures: settings isolated from the developer's environment, a fake clock,
seeded randomness, and databases on both backends (SQLite file and real PostgreSQL)."""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from bot.settings import Settings
from bot.storage import db
from tests import postgres

# Timing is measured by the benchmark scripts, not by tests: a loaded CI machine must not
# turn a slow example into a failure.
hypothesis_settings.register_profile("project", deadline=None, print_blob=True)
hypothesis_settings.load_profile("project")

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS = REPO_ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 1, 1, 20, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No TRIVIA_* variable or .env of the developer leaks into a test; data goes to tmp."""
    for name in list(os.environ):
        if name.startswith("TRIVIA_") and name != "TRIVIA_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,
        discord_token="x",
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}",
        seeds_dir=SEEDS,
    )


@pytest.fixture
def rng() -> random.Random:
    return random.Random(0)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a PostgreSQL server: the configured one, else a throwaway cluster.

    Without any, PostgreSQL tests are skipped locally and fail under ``CI=true``.
    """
    url = postgres.configured_url()
    with ExitStack() as stack:
        if not postgres.answers(url):
            try:
                url = stack.enter_context(postgres.throwaway_cluster())
            except RuntimeError as exc:
                message = f"no PostgreSQL at {postgres.configured_url()} and {exc}"
                if os.environ.get("CI", "").lower() == "true":
                    pytest.fail(message)
                pytest.skip(message)
        yield url


@pytest.fixture(scope="session")
def postgres_database(postgres_server: str) -> Iterator[str]:
    """A fresh database for this test run on the PostgreSQL server."""
    name = f"trivia_test_{uuid.uuid4().hex[:10]}"
    with postgres.fresh_database(postgres_server, name) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL on each backend (PostgreSQL tables are dropped after use)."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'trivia.sqlite3'}"
    request.applymarker(pytest.mark.postgres)
    return str(request.getfixturevalue("postgres_database"))


@pytest.fixture
async def migrated_url(database_url: str) -> AsyncIterator[str]:
    """A database URL upgraded to the newest schema, emptied again afterwards."""
    engine = db.create_engine(database_url)
    await db.upgrade(engine)
    try:
        yield database_url
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
