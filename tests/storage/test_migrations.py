"""Migrations upgrade an empty database to the newest schema and back, on both backends."""

from __future__ import annotations

from sqlalchemy import inspect

from bot.storage import db

TABLES = {
    "players",
    "sessions",
    "rounds",
    "answers",
    "scores",
    "leaderboard_totals",
    "leaderboard_points",
    "session_results",
    "guild_settings",
    "seasons",
    "accepted_forms",
    "quiz_nights",
    "night_signups",
    "night_teams",
    "night_jokers",
    "night_tie_break_guesses",
    "night_finishes",
    "night_placings",
    "night_sessions",
    "night_round_plans",
    "night_questions",
    "night_cohosts",
    "night_skips",
    "night_contenders",
    "reports",
    "question_fixes",
    "fact_decisions",
    "guild_packs",
    "board_records",
}


async def _tables(engine):
    async with engine.connect() as connection:
        names = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
    return names - {"alembic_version"}


async def test_migrations_upgrade_and_downgrade_empty_database(database_url: str):
    engine = db.create_engine(database_url)
    try:
        assert await db.current_revision(engine) is None
        await db.upgrade(engine)
        assert await _tables(engine) == TABLES
        assert await db.current_revision(engine) == "0021"
        await db.downgrade(engine, "base")
        assert await _tables(engine) == set()
        assert await db.current_revision(engine) is None
    finally:
        await engine.dispose()


async def test_upgrade_twice_is_harmless(database_url: str):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine)
        await db.upgrade(engine)
        assert await _tables(engine) == TABLES
        await db.downgrade(engine, "base")
    finally:
        await engine.dispose()
