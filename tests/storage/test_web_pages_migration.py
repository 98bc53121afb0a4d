"""Migration 0020: every guild's web pages start switched off, and the setting round-trips."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import inspect

from bot.game.models import GuildId, GuildSettings
from bot.storage import db
from bot.storage.sql import SqlRepository

SETTINGS = sa.table(
    "guild_settings",
    sa.column("guild_id", sa.BigInteger),
    sa.column("time_limit_ms", sa.Integer),
    sa.column("allowed_channels", sa.Text),
    sa.column("host_role_id", sa.BigInteger),
    sa.column("guess_limit", sa.Integer),
)


async def _columns(engine) -> set[str]:
    async with engine.connect() as connection:
        found = await connection.run_sync(lambda c: inspect(c).get_columns("guild_settings"))
    return {column["name"] for column in found}


async def test_migration_adds_web_pages_switched_off_and_drops_it_again(database_url):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine, "0019")
        async with engine.begin() as connection:
            await connection.execute(
                SETTINGS.insert().values(
                    guild_id=7, time_limit_ms=45_000, allowed_channels="", guess_limit=2
                )
            )
        await db.upgrade(engine)
        store = SqlRepository(db.session_factory(engine))
        before = await store.guild_settings(GuildId(7))
        assert (before.time_limit_seconds, before.web_pages) == (45.0, False)
        assert (await store.guild_settings(GuildId(8))).web_pages is False

        await store.save_guild_settings(GuildSettings(GuildId(8), web_pages=True))
        fresh = SqlRepository(db.session_factory(engine))  # no cached settings
        assert (await fresh.guild_settings(GuildId(8))).web_pages is True
        assert (await fresh.guild_settings(GuildId(7))).web_pages is False

        await db.downgrade(engine, "0019")
        assert "web_pages" not in await _columns(engine)
        async with engine.connect() as connection:
            kept = (await connection.execute(sa.select(SETTINGS.c.guild_id))).scalars().all()
        assert sorted(kept) == [7, 8]
        await db.upgrade(engine)
        assert (await SqlRepository(db.session_factory(engine)).guild_settings(GuildId(8))) == (
            GuildSettings(GuildId(8))
        )
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()


async def test_a_store_that_keeps_no_settings_sees_another_process_switch_pages_on(
    database_url,
):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine)
        bot = SqlRepository(db.session_factory(engine))
        pages = SqlRepository(db.session_factory(engine), keep_settings=False)
        kept = SqlRepository(db.session_factory(engine))
        assert (await pages.guild_settings(GuildId(3))).web_pages is False
        assert (await kept.guild_settings(GuildId(3))).web_pages is False
        await bot.save_guild_settings(GuildSettings(GuildId(3), web_pages=True))
        await bot.drain()
        assert (await pages.guild_settings(GuildId(3))).web_pages is True
        # A store that keeps them (one process per guild, as the bot) reads them once.
        assert (await kept.guild_settings(GuildId(3))).web_pages is False
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
