"""A database filled by play on each backend, the fact report, and the pages over them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpx
import pytest

from bot.cli import build_bank
from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.sql.moderation import SqlCurationRepository
from bot.storage.sql.nights import SqlNightRepository
from bot.web.app import create_app
from bot.web.links import HostLinks
from bot.web.serve import build_site
from bot.web.site import FactReport
from questions.pipeline import PipelineResult
from tests.conftest import SEEDS, FakeClock
from tests.web.world import START, Filled, fill

SECRET = "correct horse battery staple"


@pytest.fixture(scope="session")
def pipeline() -> PipelineResult:
    return build_bank(SEEDS)


@dataclass(frozen=True)
class Played:
    """A database filled by :func:`fill`, and what was played in it."""

    url: str
    filled: Filled


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def played(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, pipeline
) -> Iterator[Played]:
    """One filled database per backend for a module's tests, emptied afterwards."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('web') / 'trivia.sqlite3'}"
    else:
        request.applymarker(pytest.mark.postgres)
        url = str(request.getfixturevalue("postgres_database"))
    filled = asyncio.run(fill(url, pipeline.build.items))
    yield Played(url, filled)

    async def empty() -> None:
        engine = db.create_engine(url)
        await db.downgrade(engine, "base")
        await engine.dispose()

    asyncio.run(empty())


@dataclass
class Pages:
    """An HTTP client of the pages, the clock they read and the host links they check."""

    client: httpx.AsyncClient
    clock: FakeClock
    links: HostLinks
    filled: Filled

    async def get(self, path: str, **options: object) -> httpx.Response:
        return await self.client.get(path, **options)  # type: ignore[arg-type]


@pytest.fixture
async def pages(played: Played, pipeline) -> AsyncIterator[Pages]:
    engine = db.create_engine(played.url)
    sessions = db.session_factory(engine)
    clock = FakeClock(START)
    site = build_site(
        SqlRepository(sessions, keep_settings=False),
        SqlNightRepository(sessions),
        SqlCurationRepository(sessions),
        pipeline.build.items,
        clock,
        FactReport(pipeline.assessments, pipeline),
    )
    links = HostLinks(SECRET, clock)
    transport = httpx.ASGITransport(app=create_app(site, links))
    async with httpx.AsyncClient(transport=transport, base_url="http://pages.test") as client:
        yield Pages(client, clock, links, played.filled)
    await engine.dispose()
