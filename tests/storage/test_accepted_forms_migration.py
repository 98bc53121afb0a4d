"""Accepted forms are per guild; migration 0006 moves each old form to its guild(s).

The database is created by the previous schema (0005) and filled as that schema stored
things: one accepted form for every server, with the answers that led to it.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.storage import db
from bot.storage.sql import SqlRepository
from bot.storage.tables import AnswerRow, PlayerRow, RoundRow, SessionRow

AT = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)
OLD_FORMS = sa.table(
    "accepted_forms",
    sa.column("item_id", sa.String),
    sa.column("form", sa.String),
    sa.column("added_at", sa.DateTime(timezone=True)),
)


async def _answer(connection: AsyncConnection, guild: int, item: str, text: str, number: int):
    """A session in ``guild`` with one round of ``item`` and an accepted near miss ``text``."""
    await connection.execute(
        sa.insert(SessionRow).values(
            id=number,
            guild_id=guild,
            channel_id=number,
            mode="race",
            status="finished",
            question_limit=1,
            started_at=AT,
            time_limit_ms=30_000,
            guess_limit=3,
            streak_bonus=True,
            phase="between",
        )
    )
    await connection.execute(
        sa.insert(RoundRow).values(
            id=number,
            session_id=number,
            position=1,
            item_id=item,
            opened_at=AT,
            time_limit_ms=30_000,
            hints_used=0,
        )
    )
    await connection.execute(
        sa.insert(AnswerRow).values(
            round_id=number,
            player_id=1,
            text=text,
            submitted_at=AT,
            accepted=True,
            close=True,
            similarity=0.9,
            elapsed_ms=1000,
            points=5,
            reviewed=True,
        )
    )


async def _fill_previous_schema(connection: AsyncConnection) -> None:
    await connection.execute(
        sa.insert(PlayerRow).values(
            id=1, platform="discord", external_id="7", display_name="Val", created_at=AT
        )
    )
    await _answer(connection, 111, "q-aelita", "Aelita queen of mars", 1)
    await _answer(connection, 222, "q-aelita", "  Aelita queen of mars ", 2)
    await _answer(connection, 222, "q-solaris", "Solyaris", 3)
    forms = [
        {"item_id": "q-aelita", "form": "Aelita queen of mars", "added_at": AT},
        {"item_id": "q-solaris", "form": "Solyaris", "added_at": AT},
        {"item_id": "q-gone", "form": "no answer explains me", "added_at": AT},
    ]
    await connection.execute(sa.insert(OLD_FORMS), forms)


async def test_migration_moves_each_accepted_form_to_the_guild_it_came_from(database_url):
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine, "0005")
        async with engine.begin() as connection:
            await _fill_previous_schema(connection)
        await db.upgrade(engine, "0006")
        forms = await SqlRepository(db.session_factory(engine)).accepted_forms()
        assert dict(forms) == {
            (111, "q-aelita"): ("Aelita queen of mars",),
            (222, "q-aelita"): ("Aelita queen of mars",),
            (222, "q-solaris"): ("Solyaris",),
        }
        await db.downgrade(engine, "0005")
        async with engine.connect() as connection:
            rows = (await connection.execute(sa.select(OLD_FORMS))).all()
        assert sorted((r.item_id, r.form) for r in rows) == [
            ("q-aelita", "Aelita queen of mars"),
            ("q-solaris", "Solyaris"),
        ]
    finally:
        await db.downgrade(engine, "base")
        await engine.dispose()
