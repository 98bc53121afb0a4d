"""One rule for every pack format: keep each usable question, name each one left out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from questions.bank import item_problem
from questions.errors import BankError
from questions.models import TriviaItem
from questions.packs.models import Skipped

MAX_PACK_ITEMS = 10_000
SHOWN_QUESTION = 80


@dataclass(frozen=True, slots=True)
class Candidate:
    """A question as read from a pack: its item, or why it cannot be one."""

    label: str
    item: TriviaItem | str
    note: str | None = None
    """What was changed to import it (kept only if the item is)."""


def shorten(text: str, limit: int = SHOWN_QUESTION) -> str:
    """A question as it is named in reports: one line, at most ``limit`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def checked(
    candidates: Sequence[Candidate], repeated: Sequence[tuple[str, int]], where: str
) -> tuple[tuple[TriviaItem, ...], tuple[Skipped, ...], tuple[Skipped, ...]]:
    """The usable items, every question skipped with its reason, and those imported changed.

    ``repeated`` are questions the file holds twice (with the line of the repeat); the
    first is kept.

    Raises:
        BankError: too many questions, or not one usable.
    """
    if len(candidates) > MAX_PACK_ITEMS:
        raise BankError(f"{where}: {len(candidates):,} questions (limit {MAX_PACK_ITEMS:,})")
    skipped = [
        Skipped(shorten(question), f"appears twice (again at line {line}); the first is kept")
        for question, line in repeated
    ]
    items: dict[str, TriviaItem] = {}
    notes: list[Skipped] = []
    for candidate in candidates:
        item = candidate.item
        if isinstance(item, str):
            skipped.append(Skipped(candidate.label, item))
        elif item.id in items:
            skipped.append(Skipped(candidate.label, "appears twice; the first is kept"))
        elif (problem := item_problem(item)) is not None:
            skipped.append(Skipped(candidate.label, problem))
        else:
            items[item.id] = item
            if candidate.note is not None:
                notes.append(Skipped(candidate.label, candidate.note))
    if not items:
        first = f" ({skipped[0].question!r}: {skipped[0].reason})" if skipped else ""
        raise BankError(f"{where}: the pack holds no usable question{first}")
    return tuple(items.values()), tuple(skipped), tuple(notes)
