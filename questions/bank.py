"""The versioned question bank file: save, load and validate (pydantic at this edge).

The bot and the terminal game read banks only through :func:`load_bank`, so a malformed
file is rejected as a whole with a message naming the problem; nothing is half-loaded.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from questions.errors import BankError, FileRefusedError
from questions.files import read_text_bounded, write_atomically
from questions.models import FactTriple, ItemType, Quote, TriviaItem

BANK_FORMAT = "soviet-space-trivia/bank"
BANK_VERSION = 1
MAX_BANK_BYTES = 20 * 1024 * 1024
# What one item may hold: the Discord side shows answers in embed fields, choices on
# buttons (labels of at most 80 characters, four of them: A to D), categories in menus.
MAX_CHOICES = 4
MAX_ANSWER = 200
# Python refuses to read an integer of more than 4,300 digits; a JSON number past it is named.
TOO_LONG_NUMBER = "holds a number of more than 4,300 digits"
Answer = Annotated[str, Field(min_length=1, max_length=MAX_ANSWER)]
Choice = Annotated[str, Field(min_length=1, max_length=80)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactModel(_Strict):
    """The fact an item asks about."""

    subject: str = Field(min_length=1)
    relation: str = Field(min_length=1)
    value: str = Field(min_length=1)


class QuoteModel(_Strict):
    """One piece of evidence: a document id and the exact quote."""

    document: str = Field(min_length=1)
    quote: str = Field(min_length=1)


class ItemModel(_Strict):
    """One item as stored in the bank file."""

    id: str = Field(min_length=1, max_length=64)
    type: ItemType
    question: str = Field(min_length=1, max_length=1000)
    answers: list[Answer] = Field(min_length=1, max_length=50)
    choices: list[Choice] | None = Field(default=None, max_length=MAX_CHOICES)
    fact: FactModel
    sources: list[QuoteModel]
    category: str = Field(default="general", min_length=1, max_length=50)
    difficulty: int = Field(default=2, ge=1, le=5)
    origin: str = Field(default="seeds", min_length=1, max_length=100)
    verified: bool = True

    @model_validator(mode="after")
    def _choices_fit_type(self) -> ItemModel:
        if self.type is ItemType.MULTIPLE_CHOICE:
            if not self.choices or len(self.choices) < 2:
                raise ValueError("a multiple-choice item needs at least two choices")
            if sum(choice in self.answers for choice in self.choices) != 1:
                raise ValueError("exactly one choice must be a correct answer")
        elif self.choices:
            raise ValueError(f"a {self.type.value} item has no choices")
        if self.verified and not self.sources:
            raise ValueError("a verified item needs at least one source quote")
        return self


class BankModel(_Strict):
    """The whole bank file."""

    format: Literal["soviet-space-trivia/bank"]
    version: Literal[1]
    items: list[ItemModel]

    @model_validator(mode="after")
    def _unique_ids(self) -> BankModel:
        repeated = [i for i, n in Counter(item.id for item in self.items).items() if n > 1]
        if repeated:
            raise ValueError(f"duplicate item ids: {', '.join(sorted(repeated)[:5])}")
        return self


def _to_model(item: TriviaItem) -> ItemModel:
    return ItemModel(
        id=item.id,
        type=item.type,
        question=item.question,
        answers=list(item.answers),
        choices=list(item.choices) or None,
        fact=FactModel(
            subject=item.fact.subject, relation=item.fact.relation, value=item.fact.value
        ),
        sources=[QuoteModel(document=q.document, quote=q.quote) for q in item.sources],
        category=item.category,
        difficulty=item.difficulty,
        origin=item.origin,
        verified=item.verified,
    )


def _from_model(model: ItemModel) -> TriviaItem:
    return TriviaItem(
        id=model.id,
        type=model.type,
        question=model.question,
        answers=tuple(model.answers),
        fact=FactTriple(model.fact.subject, model.fact.relation, model.fact.value),
        sources=tuple(Quote(q.document, q.quote) for q in model.sources),
        category=model.category,
        difficulty=model.difficulty,
        choices=tuple(model.choices or ()),
        origin=model.origin,
        verified=model.verified,
    )


def stored_item(item: TriviaItem) -> ItemModel:
    """An item as the bank schema stores it (packs use the same schema).

    Raises:
        ValidationError: the item breaks the schema.
    """
    return _to_model(item)


def loaded_item(model: ItemModel) -> TriviaItem:
    """An item from its stored form."""
    return _from_model(model)


def _problem(exc: ValidationError, items: Sequence[object] | None = None) -> str:
    """The error count and the first problem, naming the item's question when known."""
    first = exc.errors()[0]
    loc = first["loc"]
    where = ".".join(str(p) for p in loc) or "bank"
    if items is not None and len(loc) >= 2 and loc[0] == "items" and isinstance(loc[1], int):
        question = getattr(items[loc[1]], "question", "")
        where += f" (question {str(question)[:60]!r})"
    return f"{exc.error_count()} problem(s); first at {where}: {first['msg']}"


def item_problem(item: TriviaItem) -> str | None:
    """Why one item cannot be stored in a bank (the first problem), or ``None``."""
    try:
        _to_model(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{where}: {first['msg']}" if where else str(first["msg"])
    return None


def validate_items(items: Sequence[TriviaItem], name: str) -> None:
    """Check items against the bank schema (as :func:`save_bank` would).

    Raises:
        BankError: an item breaks the schema (named by position and question).
    """
    models = []
    for number, item in enumerate(items, start=1):
        try:
            models.append(_to_model(item))
        except ValidationError as exc:
            question = f"item {number} (question {item.question[:60]!r})"
            raise BankError(f"{name}: {question}: {_problem(exc)}") from exc
    try:
        BankModel(format=BANK_FORMAT, version=BANK_VERSION, items=models)
    except ValidationError as exc:
        raise BankError(f"{name}: {_problem(exc, items)}") from exc


def dump_bank(items: Sequence[TriviaItem]) -> str:
    """Serialise items as a bank document (validated on the way out too)."""
    bank = BankModel(format=BANK_FORMAT, version=BANK_VERSION, items=[_to_model(i) for i in items])
    return json.dumps(bank.model_dump(mode="json", exclude_none=True), ensure_ascii=False, indent=2)


def save_bank(items: Sequence[TriviaItem], path: Path) -> None:
    """Write the bank atomically: a crash mid-write never leaves half a file behind.

    Raises:
        FileRefusedError: the bank would be larger than the loader accepts (nothing written).
        OSError: it cannot be written (the old file is kept).
    """
    write_atomically(dump_bank(items) + "\n", path, limit=MAX_BANK_BYTES)


def parse_bank(text: str, name: str) -> tuple[TriviaItem, ...]:
    """Validate a bank document and return its items.

    Raises:
        BankError: not JSON, wrong format or version, or an invalid item (named).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BankError(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    except ValueError as exc:  # past Python's limit on converting digits to an int
        raise BankError(f"{name}: {TOO_LONG_NUMBER}") from exc
    try:
        bank = BankModel.model_validate(data)
    except ValidationError as exc:
        raise BankError(f"{name}: {_problem(exc)}") from exc
    return tuple(_from_model(item) for item in bank.items)


def load_bank(path: Path) -> tuple[TriviaItem, ...]:
    """Read and validate a bank file.

    Raises:
        BankError: missing, too large, unreadable or invalid.
    """
    try:
        text = read_text_bounded(path, MAX_BANK_BYTES)
    except FileRefusedError as exc:
        raise BankError(str(exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError(f"{path}: cannot be read ({exc})") from exc
    return parse_bank(text, str(path))
