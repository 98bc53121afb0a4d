"""Per-guild settings and seasons."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.game.models import ChannelId, GuildId, GuildSettings, Season, SeasonId
from bot.storage.sql.base import SqlDatabase, insert_into
from bot.storage.sql.crediting import Crediting, settings_values
from bot.storage.sql.kept_records import KeptRecords
from bot.storage.tables import GuildSettingsRow, SeasonRow


class SettingsStore:
    """Guild settings (defaults until saved) and seasons (the newest started is current)."""

    def __init__(
        self, db: SqlDatabase, crediting: Crediting, records: KeptRecords, keep: bool = True
    ) -> None:
        """Settings are kept once read unless ``keep`` is False (another process saves them).

        Night points switched recount the leaderboards (``crediting``) and the kept
        records of the guild's night players (``records``).
        """
        self._db = db
        self._crediting = crediting
        self._records = records
        self._keep = keep

    async def guild_settings(self, guild_id: GuildId) -> GuildSettings:
        """A guild's settings (the defaults when never saved).

        Read once per guild, then kept as this repository saves them (a guild is played
        by one process at a time); read every time when not kept (the web pages, whose
        guilds' settings the bot changes).
        """
        cached = self._db.settings.get(guild_id) if self._keep else None
        if cached is not None:
            return cached
        async with self._db.unit() as session:
            row = await session.get(GuildSettingsRow, guild_id)
        if row is None:
            found = GuildSettings(guild_id)
        else:
            channels = frozenset(ChannelId(int(c)) for c in row.allowed_channels.split())
            found = GuildSettings(
                guild_id,
                row.time_limit_ms / 1000,
                channels,
                row.host_role_id,
                row.guess_limit,
                row.night_points,
                row.web_pages,
            )
        if not self._keep:
            return found
        # A save committed while reading wins over what was read.
        return self._db.settings.setdefault(guild_id, found)

    async def save_guild_settings(self, settings: GuildSettings) -> None:
        """Store a guild's settings; turning ``night_points`` over recounts the leaderboards.

        The night points of the guild are added to (or taken off) its leaderboards and the
        global ones, and the records of its night players counted again, in the same
        transaction, with the settings row locked (see :meth:`Crediting.night_points`).
        """

        def job(session: Session) -> None:
            row = GuildSettingsRow
            was = session.execute(
                select(row.night_points).where(row.guild_id == settings.guild_id).with_for_update()
            ).scalar()
            values = settings_values(settings)
            insert = insert_into(session, row).values(values)
            changed = {name: value for name, value in values.items() if name != "guild_id"}
            session.execute(
                insert.on_conflict_do_update(index_elements=[row.guild_id], set_=changed)
            )
            if (True if was is None else bool(was)) != settings.night_points:
                # Records before totals, in the order an answer locks them (no deadlock).
                self._records.recount_nights(session, settings.guild_id)
                self._crediting.recount_nights(session, settings.guild_id, settings.night_points)

        try:
            await self._db.write(job)
        finally:  # even when the commit's outcome is unknown: read it again next time
            self._db.settings.pop(settings.guild_id, None)
        self._db.settings[settings.guild_id] = settings

    async def start_season(self, name: str, at: datetime) -> Season:
        """Start a new season; it becomes the current one from ``at``."""

        def job(session: Session) -> Season:
            row = SeasonRow(name=name[:100], started_at=at)
            session.add(row)
            session.flush()
            return Season(SeasonId(row.id), row.name, at)

        return await self._db.write(job)

    async def current_season(self, at: datetime) -> Season | None:
        """The newest season started at or before ``at``."""
        async with self._db.unit() as session:
            row = await session.scalar(
                select(SeasonRow)
                .where(SeasonRow.started_at <= at)
                .order_by(SeasonRow.started_at.desc(), SeasonRow.id.desc())
                .limit(1)
            )
        return None if row is None else Season(SeasonId(row.id), row.name, row.started_at)
