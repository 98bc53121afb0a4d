"""What an imported pack is: its items, what it says about itself, and what was left out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from questions.errors import BankError
from questions.models import FactTriple, ItemType, TriviaItem

PackFormat = Literal["red", "opentdb"]
PACK_FORMATS: tuple[PackFormat, ...] = ("red", "opentdb")
IMPORTED = "imported"
MAX_NAME = 40
MAX_DESCRIPTION = 200
MAX_AUTHOR = 1000
BASE_DIFFICULTY = {ItemType.TRUE_FALSE: 1, ItemType.MULTIPLE_CHOICE: 2, ItemType.OPEN: 3}
_UNSAFE = re.compile(r"[^a-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A question left out of an import, and why."""

    question: str
    reason: str


@dataclass(frozen=True, slots=True)
class PackSettings:
    """Game settings a pack asks for (Red's ``CONFIG`` mapped to ours)."""

    time_limit_seconds: float | None = None
    """Red's ``timeout``: seconds to answer each question."""
    target_score: int | None = None
    """Red's ``max_score``: the game ends when a player reaches it."""


@dataclass(frozen=True, slots=True)
class Pack:
    """A community pack, parsed: usable items plus the pack's own description.

    ``guild_id`` is the Discord server that imported it, ``None`` for the operator's packs
    (imported with ``trivia pack import``), which every server may enable.
    """

    name: str
    format: PackFormat
    items: tuple[TriviaItem, ...]
    description: str | None = None
    author: str | None = None
    settings: PackSettings = field(default_factory=PackSettings)
    ignored: tuple[str, ...] = ()
    """Settings the pack gives that have no counterpart here (named, not applied)."""
    skipped: tuple[Skipped, ...] = ()
    changed: tuple[Skipped, ...] = ()
    """Questions imported with something left out (an answer too long to keep), and what."""
    guild_id: int | None = None

    @property
    def origin(self) -> str:
        """The label every item of the pack carries (``red:<name>``, ``opentdb:<name>``)."""
        return origin_of(self.format, self.name)


def origin_of(fmt: PackFormat, name: str) -> str:
    """The origin label of a pack's items."""
    return f"{fmt}:{name}"


def community_label(origin: str) -> str:
    """How an imported question names where it comes from, wherever evidence is shown."""
    name = origin.partition(":")[2] or origin
    return f"community pack: {name} (unverified)"


def pack_name(stem: str) -> str:
    """A pack name from a file name: lower case letters, digits, ``-`` and ``_``.

    Raises:
        BankError: nothing usable is left of the name.
    """
    name = _UNSAFE.sub("-", stem.casefold()).strip("-_")[:MAX_NAME].strip("-_")
    if not name:
        raise BankError(f"{stem!r}: give the pack a name of letters or digits")
    return name


def imported_item(
    item_id: str,
    kind: ItemType,
    question: str,
    answers: tuple[str, ...],
    choices: tuple[str, ...],
    origin: str,
    category: str = IMPORTED,
    difficulty: int | None = None,
) -> TriviaItem:
    """An unverified item of a pack (no source quotes; the fact names the pack)."""
    return TriviaItem(
        id=item_id,
        type=kind,
        question=question,
        answers=tuple(dict.fromkeys(answers)),
        fact=FactTriple(origin, IMPORTED, answers[0]),
        sources=(),
        category=category,
        difficulty=difficulty or BASE_DIFFICULTY[kind],
        choices=choices,
        origin=origin,
        verified=False,
    )
