"""Community question packs: Red-DiscordBot trivia lists (YAML) and Open Trivia DB (JSON).

Imported items are labelled with their origin (``red:<list name>`` or ``opentdb``) and are
never verified. Reading is strict and all-or-nothing: a pack that is too large, not UTF-8,
not YAML/JSON, uses YAML aliases (the "billion laughs" bomb), repeats a question or breaks
the schema is rejected with a :class:`BankError` naming the problem, and no item of it is
returned.

Red lists map each question to its accepted answers. A multiple-choice item is exported
with its options on a last line (``Options: A | B | C | D``), which reads naturally in Red
and is read back as the same choices; true/false items keep their ``True or false:`` lead.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import yaml

from questions.bank import validate_items, write_atomically
from questions.errors import BankError
from questions.models import FactTriple, ItemType, TriviaItem, stable_id

PackFormat = Literal["red", "opentdb"]
MAX_PACK_BYTES = 5 * 1024 * 1024
MAX_PACK_ITEMS = 10_000
RED_RESERVED = frozenset({"AUTHOR", "CONFIG"})
OPTIONS_LEAD = "Options: "
OPTIONS_SEPARATOR = " | "
TRUE_FALSE_LEAD = "True or false: "
IMPORTED = "imported"
TRUTH = {"true": "True", "false": "False"}
OPENTDB_DIFFICULTY = {"easy": 2, "medium": 3, "hard": 4}
BASE_DIFFICULTY = {ItemType.TRUE_FALSE: 1, ItemType.MULTIPLE_CHOICE: 2, ItemType.OPEN: 3}


class _PackLoader(yaml.SafeLoader):
    """SafeLoader without aliases (no expansion bombs) and without silent duplicate keys."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]  # PyYAML stub
            raise yaml.MarkedYAMLError(
                problem="aliases (*name) are not allowed in a pack", problem_mark=mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.MarkedYAMLError(
                    problem=f"the question {str(key)[:60]!r} appears twice",
                    problem_mark=key_node.start_mark,
                )
            seen.add(key if isinstance(key, str | int | float | bool) else id(key))
        return super().construct_mapping(node, deep=deep)


def read_pack_text(path: Path) -> str:
    """The text of a pack file, refusing oversized or non-UTF-8 files before parsing.

    Raises:
        BankError: missing, too large or unreadable.
    """
    try:
        size = path.stat().st_size
        if size > MAX_PACK_BYTES:
            raise BankError(f"{path}: too large ({size:,} bytes; limit {MAX_PACK_BYTES:,})")
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError(f"{path}: cannot be read ({exc})") from exc


def guess_format(path: Path) -> PackFormat | None:
    """The pack format a file name suggests (``.yaml``/``.yml`` Red, ``.json`` Open Trivia DB)."""
    suffix = path.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        return "red"
    return "opentdb" if suffix == ".json" else None


def load_pack(path: Path, fmt: PackFormat) -> tuple[TriviaItem, ...]:
    """Read and validate a whole pack; the Red list name is the file stem.

    Raises:
        BankError: the pack is malformed in any way (nothing of it is returned).
    """
    text = read_pack_text(path)
    if fmt == "red":
        return parse_red(text, path.stem, str(path))
    return parse_opentdb(text, str(path))


def _load_yaml(text: str, where: str) -> object:
    if len(text.encode("utf-8")) > MAX_PACK_BYTES:
        raise BankError(f"{where}: too large (limit {MAX_PACK_BYTES:,} bytes)")
    try:
        return yaml.load(text, Loader=_PackLoader)  # noqa: S506 - _PackLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise BankError(f"{where}: not a valid pack ({exc.problem}{line})") from exc
    except yaml.YAMLError as exc:
        raise BankError(f"{where}: not valid YAML ({exc})") from exc
    except RecursionError as exc:
        raise BankError(f"{where}: nested too deeply to be a trivia list") from exc


def _red_answers(question: str, raw: object, where: str) -> list[str]:
    if not isinstance(raw, list) or not raw:
        raise BankError(f"{where}: question {question[:60]!r} needs a list of answers")
    answers = []
    for answer in raw:
        if isinstance(answer, bool):
            answers.append(str(answer))  # YAML reads a bare yes/true as a boolean
        elif isinstance(answer, str | int | float):
            answers.append(str(answer).strip())
        else:
            raise BankError(f"{where}: question {question[:60]!r} has an answer that is not text")
    if not all(answers):
        raise BankError(f"{where}: question {question[:60]!r} has an empty answer")
    return answers


def parse_red(text: str, list_name: str, where: str | None = None) -> tuple[TriviaItem, ...]:
    """Items of a Red-DiscordBot trivia list (``question: [answers]``, optional AUTHOR/CONFIG).

    Raises:
        BankError: bad YAML, aliases, a repeated question or a schema error (named).
    """
    where = where or list_name
    data = _load_yaml(text, where)
    if not isinstance(data, dict):
        raise BankError(f"{where}: a Red trivia list is a mapping of questions to answers")
    if not isinstance(data.get("AUTHOR", ""), str):
        raise BankError(f"{where}: AUTHOR must be text")
    if not isinstance(data.get("CONFIG", {}), dict):
        raise BankError(f"{where}: CONFIG must be a mapping")
    questions = [(k, v) for k, v in data.items() if k not in RED_RESERVED]
    _check_count(len(questions), where)
    items = []
    for question, raw in questions:
        if not isinstance(question, str) or not question.strip():
            raise BankError(f"{where}: every question must be text (found {question!r})")
        items.append(_red_item(question.strip(), _red_answers(question, raw, where), list_name))
    return _validated(items, where)


def _red_item(text: str, answers: list[str], list_name: str) -> TriviaItem:
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
    if text.startswith(TRUE_FALSE_LEAD) and {a.casefold() for a in answers} <= set(TRUTH):
        kind, answers = ItemType.TRUE_FALSE, [TRUTH[a.casefold()] for a in answers]
    origin = f"red:{list_name}"
    return _imported(stable_id("red", text, *choices), kind, text, answers, choices, origin)


def _imported(
    item_id: str,
    kind: ItemType,
    question: str,
    answers: Sequence[str],
    choices: Sequence[str],
    origin: str,
    category: str = IMPORTED,
    difficulty: int | None = None,
) -> TriviaItem:
    return TriviaItem(
        id=item_id,
        type=kind,
        question=question,
        answers=tuple(dict.fromkeys(answers)),
        fact=FactTriple(origin, IMPORTED, answers[0]),
        sources=(),
        category=category,
        difficulty=difficulty or BASE_DIFFICULTY[kind],
        choices=tuple(choices),
        origin=origin,
        verified=False,
    )


def _check_count(count: int, where: str) -> None:
    if count == 0:
        raise BankError(f"{where}: the pack holds no questions")
    if count > MAX_PACK_ITEMS:
        raise BankError(f"{where}: {count:,} questions (limit {MAX_PACK_ITEMS:,})")


def _validated(items: Sequence[TriviaItem], where: str) -> tuple[TriviaItem, ...]:
    repeated = [i for i, n in Counter(item.id for item in items).items() if n > 1]
    if repeated:
        twice = next(item.question for item in items if item.id == repeated[0])
        raise BankError(f"{where}: the question {twice[:60]!r} appears twice")
    validate_items(items, where)
    return tuple(items)


def _text(entry: dict[str, object], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise BankError(f"{where}: '{key}' must be non-empty text")
    return html.unescape(value).strip()


def _opentdb_item(entry: object, number: int, where: str) -> TriviaItem:
    here = f"{where}: result {number}"
    if not isinstance(entry, dict):
        raise BankError(f"{here} is not an object")
    kind, question = entry.get("type"), _text(entry, "question", here)
    correct = _text(entry, "correct_answer", here)
    wrong_raw = entry.get("incorrect_answers")
    if not isinstance(wrong_raw, list) or not all(isinstance(w, str) for w in wrong_raw):
        raise BankError(f"{here}: 'incorrect_answers' must be a list of text")
    level = OPENTDB_DIFFICULTY.get(str(entry.get("difficulty", "")))
    category = html.unescape(str(entry.get("category") or IMPORTED))
    if kind == "boolean":
        if correct.casefold() not in TRUTH:
            raise BankError(f"{here}: a boolean question's answer must be True or False")
        text = f"{TRUE_FALSE_LEAD}{question}"
        answer = [TRUTH[correct.casefold()]]
        item_id = stable_id("otdb", text, answer[0])
        return _imported(item_id, ItemType.TRUE_FALSE, text, answer, (), "opentdb", category, level)
    if kind != "multiple":
        raise BankError(f"{here}: unknown type {kind!r} (expected 'multiple' or 'boolean')")
    # Open Trivia DB lists the right answer apart; a stable order keeps ids and files stable.
    choices = sorted({correct, *(html.unescape(w).strip() for w in wrong_raw)}, key=str.casefold)
    item_id = stable_id("otdb", question, correct)
    kind_mc = ItemType.MULTIPLE_CHOICE
    return _imported(item_id, kind_mc, question, [correct], choices, "opentdb", category, level)


def parse_opentdb(text: str, where: str) -> tuple[TriviaItem, ...]:
    """Items of an Open Trivia DB response (``{"response_code": 0, "results": [...]}``).

    Raises:
        BankError: bad JSON, an error response, or a malformed result (named by number).
    """
    if len(text.encode("utf-8")) > MAX_PACK_BYTES:
        raise BankError(f"{where}: too large (limit {MAX_PACK_BYTES:,} bytes)")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BankError(f"{where}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    except RecursionError as exc:
        raise BankError(f"{where}: nested too deeply to be a question pack") from exc
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise BankError(f"{where}: expected an object with a 'results' list")
    if data.get("response_code", 0) != 0:
        raise BankError(f"{where}: Open Trivia DB reported error {data['response_code']}")
    results: list[object] = data["results"]
    _check_count(len(results), where)
    return _validated([_opentdb_item(r, n, where) for n, r in enumerate(results, 1)], where)


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


def save_red(items: Sequence[TriviaItem], path: Path, author: str | None = None) -> None:
    """Write a Red trivia list atomically.

    Raises:
        BankError: see :func:`dump_red`.
    """
    write_atomically(dump_red(items, author), path)


def merge_items(
    bank: Sequence[TriviaItem], imported: Sequence[TriviaItem]
) -> tuple[tuple[TriviaItem, ...], int]:
    """The bank with the imported items appended, and how many were new.

    Importing the same pack twice changes nothing.

    Raises:
        BankError: an imported item has the id of a different item already in the bank.
    """
    known = {item.id: item for item in bank}
    added = []
    for item in imported:
        existing = known.get(item.id)
        if existing is None:
            known[item.id] = item
            added.append(item)
        elif existing != item:
            raise BankError(f"item {item.id} is already in the bank with different content")
    return (*bank, *added), len(added)
