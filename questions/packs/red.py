"""Red-DiscordBot trivia lists (YAML): the whole list format, read and written.

A list maps each question to its accepted answers, beside the reserved keys ``$schema``,
``AUTHOR``, ``DESCRIPTION`` and ``CONFIG``. Answers may be any scalar YAML reads (``- 1969``,
``- yes``); they are read as text, a boolean as Red reads it (``yes`` is True, Yes or On).
A multiple-choice item is written with its options on a last line
(``Options: A | B | C | D``), which reads naturally in Red and is read back as the same
choices; true/false items keep their ``True or false:`` lead.

One bad question does not sink a list: a repeated question keeps its first answers, and a
question that breaks a limit is skipped, each named with its reason. A file that is not a
mapping, uses YAML aliases or tags, is too large or holds no usable question is refused.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from questions.bank import MAX_ANSWER
from questions.errors import BankError
from questions.files import write_atomically
from questions.models import ItemType, TriviaItem, stable_id
from questions.packs.checking import Candidate, checked, shorten
from questions.packs.models import (
    MAX_AUTHOR,
    MAX_DESCRIPTION,
    Pack,
    PackSettings,
    imported_item,
    origin_of,
)
from questions.yamlfile import BoundedIntLoader

SCHEMA_KEY = "$schema"
RESERVED = frozenset({SCHEMA_KEY, "AUTHOR", "DESCRIPTION", "CONFIG"})
OPTIONS_LEAD = "Options: "
OPTIONS_SEPARATOR = " | "
TRUE_FALSE_LEAD = "True or false: "
# Red reads a YAML boolean answer as all the words YAML would have turned into it.
BOOLEAN_ANSWERS = {True: ("True", "Yes", "On"), False: ("False", "No", "Off")}
TRUTH = {word.casefold(): words[0] for words in BOOLEAN_ANSWERS.values() for word in words}
MAX_LIST_BYTES = 5 * 1024 * 1024


class _ListLoader(BoundedIntLoader):
    """SafeLoader without aliases or tags; a repeated question keeps its first answers."""

    def construct_oversized_int(self, node: yaml.ScalarNode) -> object:
        # Answers are read as text anyway: a number too long to convert stays text, so the
        # question is skipped for its answer's length instead of sinking the list.
        return node.value

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.repeated: list[tuple[str, int]] = []
        self._root: yaml.Node | None = None

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]  # PyYAML stub
            raise yaml.MarkedYAMLError(
                problem="aliases (*name) are not allowed in a pack", problem_mark=mark
            )
        event = self.peek_event()  # type: ignore[no-untyped-call]  # PyYAML stub
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            raise yaml.MarkedYAMLError(
                problem=f"tags ({tag}) are not allowed in a pack", problem_mark=event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_document(self, node: yaml.Node) -> Any:
        self._root = node
        return super().construct_document(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        kept = []
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            marker = key if isinstance(key, str | int | float | bool) else id(key_node)
            if marker in seen:
                if node is self._root:
                    self.repeated.append((str(key), key_node.start_mark.line + 1))
                continue
            seen.add(marker)
            kept.append((key_node, value_node))
        node.value = kept
        return super().construct_mapping(node, deep=deep)


def _load_yaml(text: str, where: str) -> tuple[object, list[tuple[str, int]]]:
    if len(text.encode("utf-8")) > MAX_LIST_BYTES:
        raise BankError(f"{where}: too large (limit {MAX_LIST_BYTES:,} bytes)")
    loader = _ListLoader(text)
    try:
        return loader.get_single_data(), loader.repeated
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise BankError(f"{where}: not a valid pack ({exc.problem}{line})") from exc
    except yaml.YAMLError as exc:
        raise BankError(f"{where}: not valid YAML ({exc})") from exc
    except RecursionError as exc:
        raise BankError(f"{where}: nested too deeply to be a trivia list") from exc
    finally:
        loader.dispose()


def _answer_texts(value: object) -> tuple[str, ...] | None:
    """One YAML answer as text (a boolean as the words Red accepts); None if not a scalar."""
    if isinstance(value, bool):
        return BOOLEAN_ANSWERS[value]
    if isinstance(value, float) and not math.isfinite(value):
        return (str(value),)
    if isinstance(value, str | int | float):
        return (str(value).strip(),)
    if isinstance(value, datetime.date):  # `- 1961-04-12` reads as a date
        return (value.isoformat(),)
    return None


def _answers(raw: object) -> tuple[tuple[str, ...], int] | str:
    """The accepted answers of a question and how many long ones were left out, or why none."""
    values = raw if isinstance(raw, list) else [raw]
    answers: list[str] = []
    for value in values:
        if value is None:
            continue
        texts = _answer_texts(value)
        if texts is None:
            return "an answer is a list or mapping, not text"
        answers.extend(text for text in texts if text)
    if not answers:
        return "no answers"
    # Some lists explain the answer in a long extra answer; nobody types it, so it goes.
    every = tuple(dict.fromkeys(answers))
    fitting = tuple(answer for answer in every if len(answer) <= MAX_ANSWER)
    if not fitting:
        return f"every answer is over {MAX_ANSWER} characters"
    return fitting, len(every) - len(fitting)


def _metadata(data: Mapping[object, object], key: str, limit: int, where: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BankError(f"{where}: {key} must be text")
    return " ".join(value.split())[:limit] or None


def _config(raw: object, where: str) -> tuple[PackSettings, tuple[str, ...]]:
    """Red's CONFIG as our settings, and the keys that have no counterpart here."""
    if raw is None:
        return PackSettings(), ()
    if not isinstance(raw, dict):
        raise BankError(f"{where}: CONFIG must be a mapping")
    timeout, target, ignored = None, None, []
    for key, value in raw.items():
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        if key == "timeout" and number is not None and 0 < number < math.inf:
            timeout = float(number)
        elif key == "max_score" and isinstance(number, int) and number >= 1:
            target = number
        elif key in {"timeout", "max_score"}:
            ignored.append(f"{key} (not a positive number)")
        else:
            ignored.append(str(key))
    return PackSettings(timeout, target), tuple(ignored)


def parse_red(text: str, name: str, where: str | None = None, guild_id: int | None = None) -> Pack:
    """A Red-DiscordBot trivia list as a pack named ``name``.

    Raises:
        BankError: not a YAML mapping, aliases or tags, too many questions, or none usable.
    """
    where = where or name
    data, repeated = _load_yaml(text, where)
    if not isinstance(data, dict):
        raise BankError(f"{where}: a Red trivia list is a mapping of questions to answers")
    if not isinstance(data.get(SCHEMA_KEY, ""), str):
        raise BankError(f"{where}: {SCHEMA_KEY} must be text")
    origin = origin_of("red", name)
    scope = "" if guild_id is None else str(guild_id)
    candidates = [
        _candidate(question, raw, origin, scope)
        for question, raw in data.items()
        if question not in RESERVED
    ]
    settings, ignored = _config(data.get("CONFIG"), where)
    items, skipped, notes = checked(candidates, repeated, where)
    return Pack(
        name=name,
        format="red",
        items=items,
        description=_metadata(data, "DESCRIPTION", MAX_DESCRIPTION, where),
        author=_metadata(data, "AUTHOR", MAX_AUTHOR, where),
        settings=settings,
        ignored=ignored,
        skipped=skipped,
        changed=notes,
        guild_id=guild_id,
    )


def _candidate(question: object, raw: object, origin: str, scope: str) -> Candidate:
    label = shorten(str(question))
    if not isinstance(question, str) or not question.strip():
        return Candidate(label, "the question is not text")
    read = _answers(raw)
    if isinstance(read, str):
        return Candidate(label, read)
    answers, dropped = read
    item = _red_item(question.strip(), answers, origin, scope)
    if dropped:
        plural = "s" if dropped > 1 else ""
        note = f"{dropped} answer{plural} over {MAX_ANSWER} characters left out; the others kept"
        return Candidate(label, item, note)
    return Candidate(label, item)


def _red_item(text: str, answers: tuple[str, ...], origin: str, scope: str) -> TriviaItem:
    """One Red question as an item: options on a last line make it multiple choice."""
    stem, _, last = text.rpartition("\n")
    choices: tuple[str, ...] = ()
    kind = ItemType.OPEN
    if stem and last.startswith(OPTIONS_LEAD):
        choices = tuple(c.strip() for c in last.removeprefix(OPTIONS_LEAD).split(OPTIONS_SEPARATOR))
        if sum(c in answers for c in choices) == 1:
            kind, text = ItemType.MULTIPLE_CHOICE, stem.strip()
        else:
            choices = ()
    truths = {TRUTH.get(answer.casefold()) for answer in answers}
    if text.startswith(TRUE_FALSE_LEAD) and len(truths) == 1 and None not in truths:
        kind, answers = ItemType.TRUE_FALSE, (next(iter(truths)) or "",)
    item_id = stable_id("red", scope, origin, text, *choices)
    return imported_item(item_id, kind, text, answers, choices, origin)


def _red_key(item: TriviaItem) -> str:
    if item.type is ItemType.MULTIPLE_CHOICE:
        return f"{item.question}\n{OPTIONS_LEAD}{OPTIONS_SEPARATOR.join(item.choices)}"
    return item.question


def dump_red(items: Iterable[TriviaItem], author: str | None = None) -> str:
    """A Red-DiscordBot trivia list of the items (question, accepted answers, options).

    Raises:
        BankError: two items would share a question, which a Red list cannot hold.
    """
    data: dict[str, object] = {"AUTHOR": author} if author else {}
    for item in items:
        key = _red_key(item)
        if key in data:
            raise BankError(f"two items share the question {item.question[:60]!r}")
        data[key] = list(item.answers)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def save_red(items: Iterable[TriviaItem], path: Path, author: str | None = None) -> None:
    """Write a Red trivia list atomically.

    Raises:
        BankError: see :func:`dump_red`.
        FileRefusedError: the list would be larger than an import accepts.
    """
    write_atomically(dump_red(items, author), path, limit=MAX_LIST_BYTES)
