"""Throwaway databases for one benchmark run, removed afterwards even after a crash."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

from bot.storage import db


@contextlib.contextmanager
def sqlite_file(name: str = "bench.sqlite3") -> Iterator[tuple[Path, str]]:
    """A SQLite file in a new temporary folder: its path and its SQLAlchemy URL."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        yield path, f"sqlite+aiosqlite:///{path}"


async def migrated(url: str) -> None:
    """Bring the database at ``url`` to the newest revision."""
    engine = db.create_engine(url)
    try:
        await db.upgrade(engine)
    finally:
        await engine.dispose()


@contextlib.asynccontextmanager
async def postgres_database(admin_url: str, name: str) -> AsyncIterator[str]:
    """A new, empty database named ``name`` on ``admin_url``'s server: its SQLAlchemy URL."""
    admin = make_url(admin_url).set(drivername="postgresql").render_as_string(False)
    connection = await asyncpg.connect(admin)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await connection.execute(f'CREATE DATABASE "{name}"')
        try:
            yield make_url(admin_url).set(database=name).render_as_string(False)
        finally:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()
