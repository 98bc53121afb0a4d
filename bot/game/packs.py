"""Community packs in play: which packs each server has, which it enabled, and their items.

A server sees the operator's packs (imported with ``trivia pack import``) and the packs it
imported itself; a pack another server imported stays that server's. A server's games
draw from the bank and the packs it enabled, none until it enables one. Parsing and file
work run in a thread, so a large upload never stalls the game clock.

A server's own packs are kept on disk and in memory and loaded at every start, so each
server may keep only so many (:class:`PackLimits`, counted as the packs folder stores them);
an upload past a limit is refused, naming it, and nothing is kept.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.game.errors import GameError
from bot.game.models import GuildId
from questions.errors import QuestionGenError
from questions.models import TriviaItem
from questions.packs import Pack, parse_pack
from questions.packs.store import dump_pack

MEGABYTE = 1024 * 1024


def _amount(size: int) -> str:
    return f"{size / MEGABYTE:.1f} MB" if size >= MEGABYTE // 10 else f"{size / 1024:.1f} KB"


class PackError(GameError):
    """A pack cannot be imported, found, enabled or removed (the message says why)."""


class PackFiles(Protocol):
    """Where packs are kept (the packs folder)."""

    def save(self, pack: Pack) -> bool:
        """Keep a pack; True when it replaced one of the same name and owner."""
        ...

    def remove(self, name: str, guild_id: int | None = None) -> bool:
        """Delete a pack; False when there was none."""
        ...


class PackChoices(Protocol):
    """Which packs each server enabled."""

    async def enabled(self, guild_id: GuildId) -> frozenset[str]:
        """The names of the packs a server enabled."""
        ...

    async def set_enabled(self, guild_id: GuildId, name: str, enabled: bool) -> None:
        """Enable or disable a pack in a server."""
        ...


@dataclass(frozen=True, slots=True)
class PackEntry:
    """A pack as a server sees it."""

    pack: Pack
    enabled: bool
    own: bool
    """Imported by this server (so it may remove it), not by the operator."""


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import did."""

    pack: Pack
    replaced: bool


@dataclass(frozen=True, slots=True)
class PackLimits:
    """How much of its own packs one server may keep (the operator's packs do not count)."""

    packs: int = 20
    total_bytes: int = 20 * MEGABYTE
    """The server's packs together, as the packs folder stores them (JSON)."""


class InMemoryPackChoices:
    """Pack choices held in memory (tests, the terminal)."""

    def __init__(self) -> None:
        self._enabled: dict[GuildId, set[str]] = {}

    async def enabled(self, guild_id: GuildId) -> frozenset[str]:
        """The names of the packs a server enabled."""
        return frozenset(self._enabled.get(guild_id, ()))

    async def set_enabled(self, guild_id: GuildId, name: str, enabled: bool) -> None:
        """Enable or disable a pack in a server."""
        names = self._enabled.setdefault(guild_id, set())
        if enabled:
            names.add(name)
        else:
            names.discard(name)


class PackService:
    """Imports, lists, enables and removes packs per server, and hands out their items."""

    def __init__(
        self,
        packs: Sequence[Pack],
        files: PackFiles | None,
        choices: PackChoices,
        limits: PackLimits | None = None,
    ) -> None:
        self._packs: dict[tuple[int | None, str], Pack] = {}
        self._sizes: dict[tuple[int | None, str], int] = {}
        self._limits = limits or PackLimits()
        self._by_id: dict[str, TriviaItem] = {}
        self._files = files
        self._choices = choices
        for pack in packs:
            self._keep(pack)

    def _keep(self, pack: Pack) -> None:
        old = self._packs.get((pack.guild_id, pack.name))
        if old is not None:
            for item in old.items:
                self._by_id.pop(item.id, None)
        self._packs[(pack.guild_id, pack.name)] = pack
        self._sizes.pop((pack.guild_id, pack.name), None)
        for item in pack.items:
            self._by_id.setdefault(item.id, item)

    def item(self, item_id: str) -> TriviaItem | None:
        """An item of any pack by id."""
        return self._by_id.get(item_id)

    def available(self, guild_id: GuildId) -> dict[str, Pack]:
        """The packs a server may enable by name (its own win over the operator's)."""
        seen = {name: p for (owner, name), p in self._packs.items() if owner is None}
        seen.update({name: p for (owner, name), p in self._packs.items() if owner == guild_id})
        return dict(sorted(seen.items()))

    async def listing(self, guild_id: GuildId) -> list[PackEntry]:
        """Every pack a server may play, with whether it is enabled there."""
        enabled = await self._choices.enabled(guild_id)
        return [
            PackEntry(pack, name in enabled, pack.guild_id is not None)
            for name, pack in self.available(guild_id).items()
        ]

    async def enabled_packs(self, guild_id: GuildId) -> tuple[Pack, ...]:
        """The packs a server's games draw from."""
        enabled = await self._choices.enabled(guild_id)
        return tuple(p for name, p in self.available(guild_id).items() if name in enabled)

    async def chosen(self, guild_id: GuildId, name: str) -> Pack:
        """An enabled pack, for a game of that pack alone.

        Raises:
            PackError: the server has no such pack enabled.
        """
        pack = next((p for p in await self.enabled_packs(guild_id) if p.name == name), None)
        if pack is None:
            raise PackError(f"No pack named {name!r} is enabled here; see `/trivia pack list`.")
        return pack

    async def set_enabled(self, guild_id: GuildId, name: str, enabled: bool) -> Pack:
        """Enable or disable a pack in a server.

        Raises:
            PackError: the server has no pack of that name.
        """
        pack = self._find(guild_id, name)
        await self._choices.set_enabled(guild_id, pack.name, enabled)
        return pack

    async def import_upload(self, guild_id: GuildId, data: bytes, filename: str) -> Imported:
        """Read an uploaded pack, keep it as this server's and add it to play (not enabled).

        Raises:
            PackError: the pack is malformed, its name is the operator's, the server would
                keep more packs or bytes than its :class:`PackLimits`, or it cannot be kept.
        """
        try:
            pack = await asyncio.to_thread(parse_pack, data, filename, guild_id=guild_id)
        except QuestionGenError as exc:
            raise PackError(str(exc)) from exc
        if (None, pack.name) in self._packs and (guild_id, pack.name) not in self._packs:
            raise PackError(
                f"There is already a pack named {pack.name!r}; rename the file and upload it again."
            )
        await asyncio.to_thread(self._check_room, guild_id, pack)
        replaced = await self._store(pack)
        self._keep(pack)
        return Imported(pack, replaced)

    async def remove(self, guild_id: GuildId, name: str) -> Pack:
        """Delete a pack this server imported (the operator's can only be disabled).

        Raises:
            PackError: no such pack, or it is the operator's.
        """
        pack = self._find(guild_id, name)
        if pack.guild_id is None:
            raise PackError(
                f"{pack.name!r} comes with this bot and cannot be removed; disable it instead."
            )
        if self._files is not None:
            try:
                await asyncio.to_thread(self._files.remove, pack.name, guild_id)
            except (OSError, QuestionGenError) as exc:
                raise PackError(f"The pack could not be removed: {exc}") from exc
        await self._choices.set_enabled(guild_id, pack.name, False)
        del self._packs[(guild_id, pack.name)]
        self._sizes.pop((guild_id, pack.name), None)
        for item in pack.items:
            self._by_id.pop(item.id, None)
        return pack

    def _size(self, pack: Pack) -> int:
        key = (pack.guild_id, pack.name)
        if key not in self._sizes:
            self._sizes[key] = len(dump_pack(pack).encode("utf-8"))
        return self._sizes[key]

    def _check_room(self, guild_id: GuildId, pack: Pack) -> None:
        """Refuse a pack that takes the server past its limits (one it replaces is not counted).

        Raises:
            PackError: a limit would be passed (the message names it).
        """
        limits = self._limits
        others = [
            p for (owner, name), p in self._packs.items() if owner == guild_id and name != pack.name
        ]
        if len(others) >= limits.packs:
            raise PackError(
                f"This server already keeps {len(others)} packs, the most it may; "
                "remove one with `/trivia pack remove` first."
            )
        used = sum(self._size(p) for p in others)
        size = len(dump_pack(pack).encode("utf-8"))
        if used + size > limits.total_bytes:
            raise PackError(
                f"This pack takes {_amount(size)} and this server's packs already "
                f"{_amount(used)}, over the {_amount(limits.total_bytes)} a server may keep; "
                "remove a pack with `/trivia pack remove` first."
            )

    async def _store(self, pack: Pack) -> bool:
        if self._files is None:
            return (pack.guild_id, pack.name) in self._packs
        try:
            return await asyncio.to_thread(self._files.save, pack)
        except (OSError, QuestionGenError) as exc:
            raise PackError(f"The pack could not be saved: {exc}") from exc

    def _find(self, guild_id: GuildId, name: str) -> Pack:
        pack = self.available(guild_id).get(name.strip().casefold())
        if pack is None:
            raise PackError(f"There is no pack named {name!r} here; see `/trivia pack list`.")
        return pack
