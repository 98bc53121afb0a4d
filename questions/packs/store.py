"""The packs folder: imported packs kept apart from the generated bank, merged at load.

``trivia build`` writes only the bank, so it can never drop an imported pack. The
operator's packs are ``<folder>/<name>.json``; a pack a Discord server imported is
``<folder>/guild-<id>/<name>.json`` and only that server sees it. Every pack file is
written atomically and no larger than it may be read back; a file that cannot be read is
named and left out, never half-loaded.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from questions.bank import ItemModel, loaded_item, stored_item
from questions.errors import BankError, FileRefusedError
from questions.files import exclusive, read_text_bounded, write_atomically
from questions.models import TriviaItem
from questions.packs.models import (
    MAX_AUTHOR,
    MAX_DESCRIPTION,
    MAX_NAME,
    Pack,
    PackFormat,
    PackSettings,
    Skipped,
    pack_name,
)

log = logging.getLogger(__name__)

PACK_FILE_FORMAT = "soviet-space-trivia/pack"
MAX_STORED_PACK_BYTES = 20 * 1024 * 1024
GUILD_FOLDER = "guild-"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _SkippedModel(_Strict):
    question: str
    reason: str


class _SettingsModel(_Strict):
    time_limit_seconds: float | None = Field(default=None, gt=0)
    target_score: int | None = Field(default=None, ge=1)


class PackFileModel(_Strict):
    """A stored pack: what it says about itself, what was skipped, and its items."""

    format: Literal["soviet-space-trivia/pack"]
    version: Literal[1]
    name: str = Field(min_length=1, max_length=MAX_NAME, pattern=r"^[a-z0-9_-]+$")
    pack_format: PackFormat
    guild_id: int | None = None
    description: str | None = Field(default=None, max_length=MAX_DESCRIPTION)
    author: str | None = Field(default=None, max_length=MAX_AUTHOR)
    settings: _SettingsModel = _SettingsModel()
    ignored: list[str] = []
    skipped: list[_SkippedModel] = []
    changed: list[_SkippedModel] = []
    items: list[ItemModel] = Field(min_length=1)


def dump_pack(pack: Pack) -> str:
    """A pack as the JSON the packs folder keeps."""
    model = PackFileModel(
        format=PACK_FILE_FORMAT,
        version=1,
        name=pack.name,
        pack_format=pack.format,
        guild_id=pack.guild_id,
        description=pack.description,
        author=pack.author,
        settings=_SettingsModel(
            time_limit_seconds=pack.settings.time_limit_seconds,
            target_score=pack.settings.target_score,
        ),
        ignored=list(pack.ignored),
        skipped=[_SkippedModel(question=s.question, reason=s.reason) for s in pack.skipped],
        changed=[_SkippedModel(question=s.question, reason=s.reason) for s in pack.changed],
        items=[stored_item(item) for item in pack.items],
    )
    return json.dumps(model.model_dump(mode="json", exclude_none=True), ensure_ascii=False)


def parse_stored_pack(text: str, where: str) -> Pack:
    """A pack from the packs folder's JSON.

    Raises:
        BankError: not JSON or not a stored pack.
    """
    try:
        model = PackFileModel.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        at = ".".join(str(part) for part in first["loc"]) or "pack"
        raise BankError(f"{where}: not a stored pack ({at}: {first['msg']})") from exc
    return Pack(
        name=model.name,
        format=model.pack_format,
        items=tuple(loaded_item(item) for item in model.items),
        description=model.description,
        author=model.author,
        settings=PackSettings(model.settings.time_limit_seconds, model.settings.target_score),
        ignored=tuple(model.ignored),
        skipped=tuple(Skipped(s.question, s.reason) for s in model.skipped),
        changed=tuple(Skipped(s.question, s.reason) for s in model.changed),
        guild_id=model.guild_id,
    )


class PackStore:
    """The packs folder (see the module docstring)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_of(self, name: str, guild_id: int | None = None) -> Path:
        """Where a pack is kept."""
        folder = self.folder if guild_id is None else self.folder / f"{GUILD_FOLDER}{guild_id}"
        return folder / f"{pack_name(name)}.json"

    def save(self, pack: Pack) -> bool:
        """Keep a pack, replacing one of the same name and owner; True when it replaced one.

        Raises:
            FileRefusedError: the pack would be larger than a stored pack may be read back,
                or another process holds the folder's lock.
            OSError: it cannot be written.
        """
        path = self.path_of(pack.name, pack.guild_id)
        with exclusive(path):
            existed = path.exists()
            write_atomically(dump_pack(pack), path, limit=MAX_STORED_PACK_BYTES)
        return existed

    def remove(self, name: str, guild_id: int | None = None) -> bool:
        """Delete a pack; False when there was none.

        Raises:
            OSError: it cannot be deleted.
        """
        path = self.path_of(name, guild_id)
        with exclusive(path):
            if not path.is_file():
                return False
            path.unlink()
        return True

    def load(self, path: Path) -> Pack:
        """One stored pack.

        Raises:
            BankError: unreadable, too large or malformed.
        """
        try:
            text = read_text_bounded(path, MAX_STORED_PACK_BYTES)
        except (FileRefusedError, UnicodeDecodeError) as exc:
            raise BankError(f"{path}: cannot be read ({exc})") from exc
        except OSError as exc:
            raise BankError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
        return parse_stored_pack(text, str(path))

    def load_all(self) -> tuple[tuple[Pack, ...], tuple[str, ...]]:
        """Every stored pack, operator's first, and a line for each file left out."""
        packs: list[Pack] = []
        problems: list[str] = []
        for path in self._files():
            try:
                packs.append(self.load(path))
            except BankError as exc:
                log.warning("pack left out: %s", exc)
                problems.append(str(exc))
        return tuple(packs), tuple(problems)

    def _files(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        own = sorted(self.folder.glob("*.json"))
        guilds = sorted(self.folder.glob(f"{GUILD_FOLDER}*/*.json"))
        return [path for path in (*own, *guilds) if not path.name.startswith(".")]


def merged(
    bank: Sequence[TriviaItem], packs: Iterable[Pack]
) -> tuple[tuple[TriviaItem, ...], tuple[str, ...]]:
    """The bank with the packs' items after it, and a line per item left out.

    An item whose id the bank (or an earlier pack) already holds is left out: the bank
    wins, so a bank that still holds an old import never shows the question twice.
    """
    known = {item.id for item in bank}
    items = list(bank)
    problems = []
    for pack in packs:
        for item in pack.items:
            if item.id in known:
                problems.append(f"{pack.origin}: {item.id} is already in the bank; left out")
                continue
            known.add(item.id)
            items.append(item)
    return tuple(items), tuple(problems)


def packs_in_bank(bank: Sequence[TriviaItem]) -> tuple[Pack, ...]:
    """The imported items a bank holds (older versions imported into the bank), as packs.

    Items keep their ids, so answers recorded against them still find them.
    """
    by_origin: dict[str, list[TriviaItem]] = {}
    for item in bank:
        if not item.verified and not item.sources and item.origin != "seeds":
            by_origin.setdefault(item.origin, []).append(item)
    packs = []
    for origin, items in by_origin.items():
        prefix, _, rest = origin.partition(":")
        fmt: PackFormat = "opentdb" if prefix == "opentdb" else "red"
        packs.append(Pack(name=pack_name(rest or prefix), format=fmt, items=tuple(items)))
    return tuple(packs)
