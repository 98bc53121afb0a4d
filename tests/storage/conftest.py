"""A repository on each backend: memory, SQLite and PostgreSQL, for the contract tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.game.ports import Repository
from bot.storage import db
from bot.storage.memory import InMemoryRepository, as_repository
from bot.storage.sql import SqlRepository
from tests.night.conftest import items  # noqa: F401  (the bank's items, for night tests)


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> str | None:
    """None for the in-memory store, else an empty database URL (resolved outside a loop)."""
    if request.param == "memory":
        return None
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'contract.sqlite3'}"
    request.applymarker(pytest.mark.postgres)
    return str(request.getfixturevalue("postgres_database"))


@pytest.fixture
async def repo(backend_url: str | None) -> AsyncIterator[Repository]:
    if backend_url is None:
        yield as_repository(InMemoryRepository())
        return
    engine = db.create_engine(backend_url)
    await db.upgrade(engine)
    try:
        yield SqlRepository(db.session_factory(engine))
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
