"""Open Trivia DB responses (JSON), in each of its encodings.

Open Trivia DB encodes every text of a response one way, chosen by the ``encode`` option
of the request: HTML entities by default, ``url3986`` or ``urlLegacy`` (percent-encoded)
or ``base64``. The response does not say which, so it is recognised from the ``type``
field, which is ``multiple`` or ``boolean`` under every encoding but base64, and from all
the texts together: percent-encoded ones hold nothing but ``%XX``, ``+`` and URL-safe
characters.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
from collections.abc import Callable, Sequence
from typing import Literal
from urllib.parse import unquote_plus

from questions.bank import TOO_LONG_NUMBER
from questions.errors import BankError
from questions.models import ItemType, TriviaItem, stable_id
from questions.packs.checking import Candidate, checked, shorten
from questions.packs.models import IMPORTED, Pack, imported_item, origin_of
from questions.packs.red import TRUE_FALSE_LEAD

Encoding = Literal["html", "url", "base64"]
MAX_RESPONSE_BYTES = 5 * 1024 * 1024
DIFFICULTY = {"easy": 2, "medium": 3, "hard": 4}
KINDS = ("multiple", "boolean")
TRUTH = {"true": "True", "false": "False"}
TEXT_FIELDS = ("question", "correct_answer", "category")
URL_ENCODED = re.compile(r"(?:[A-Za-z0-9\-._~+]|%[0-9A-Fa-f]{2})*")


def _from_base64(text: str) -> str:
    try:
        return base64.b64decode(text, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise ValueError("not base64 text") from exc


DECODERS: dict[Encoding, Callable[[str], str]] = {
    "html": html.unescape,
    "url": unquote_plus,
    "base64": _from_base64,
}


def _texts(results: Sequence[object]) -> list[str]:
    found: list[str] = []
    for entry in results:
        if isinstance(entry, dict):
            found += [v for k in TEXT_FIELDS if isinstance(v := entry.get(k), str)]
            wrong = entry.get("incorrect_answers")
            found += [w for w in wrong if isinstance(w, str)] if isinstance(wrong, list) else []
    return found


def guess_encoding(results: Sequence[object]) -> Encoding:
    """How a response's texts are encoded (see the module docstring)."""
    kinds = {entry.get("type") for entry in results if isinstance(entry, dict)}
    if kinds and not kinds & set(KINDS):
        decoded: set[str | None] = set()
        for kind in kinds:
            try:
                decoded.add(_from_base64(str(kind)))
            except ValueError:
                decoded.add(None)
        if decoded <= set(KINDS):
            return "base64"
    texts = _texts(results)
    # Decided once for the whole file: percent-encoding leaves only letters, digits, "-._~",
    # "+" (a space, legacy) and "%XX", so a single text with anything else ("2+2=?", a
    # space, "100%") means the file is not URL-encoded and its "+" and "%" are meant.
    if all(URL_ENCODED.fullmatch(t) for t in texts) and any("%" in t or "+" in t for t in texts):
        return "url"
    return "html"


def parse_opentdb(
    text: str, name: str, where: str | None = None, guild_id: int | None = None
) -> Pack:
    """An Open Trivia DB response (``{"response_code": 0, "results": [...]}``) as a pack.

    Raises:
        BankError: bad JSON, an error response, too many results or none usable.
    """
    where = where or name
    if len(text.encode("utf-8")) > MAX_RESPONSE_BYTES:
        raise BankError(f"{where}: too large (limit {MAX_RESPONSE_BYTES:,} bytes)")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BankError(f"{where}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    except ValueError as exc:  # past Python's limit on converting digits to an int
        raise BankError(f"{where}: {TOO_LONG_NUMBER}") from exc
    except RecursionError as exc:
        raise BankError(f"{where}: nested too deeply to be a question pack") from exc
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise BankError(f"{where}: expected an object with a 'results' list")
    if data.get("response_code", 0) != 0:
        raise BankError(f"{where}: Open Trivia DB reported error {data['response_code']}")
    results: list[object] = data["results"]
    decode = DECODERS[guess_encoding(results)]
    origin = origin_of("opentdb", name)
    scope = "" if guild_id is None else str(guild_id)
    candidates = [_candidate(r, n, decode, origin, scope) for n, r in enumerate(results, 1)]
    items, skipped, _ = checked(candidates, (), where)
    return Pack(name=name, format="opentdb", items=items, skipped=skipped, guild_id=guild_id)


def _candidate(
    entry: object, number: int, decode: Callable[[str], str], origin: str, scope: str
) -> Candidate:
    label = f"result {number}"
    if not isinstance(entry, dict):
        return Candidate(label, "not an object")
    try:
        fields = {key: _decoded(entry, key, decode) for key in ("type", *TEXT_FIELDS[:2])}
        fields["category"] = _decoded(entry, "category", decode, required=False)
        difficulty = _decoded(entry, "difficulty", decode, required=False)
        wrong = entry.get("incorrect_answers")
        if not isinstance(wrong, list) or not all(isinstance(w, str) for w in wrong):
            raise ValueError("'incorrect_answers' must be a list of text")
        wrong_answers = [decode(w).strip() for w in wrong]
    except ValueError as exc:
        return Candidate(label, str(exc))
    label = f"{label} ({shorten(fields['question'])})"
    level = DIFFICULTY.get(difficulty)
    return Candidate(label, _item(fields, wrong_answers, level, origin, scope))


def _decoded(
    entry: dict[str, object], key: str, decode: Callable[[str], str], required: bool = True
) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        if required:
            raise ValueError(f"'{key}' must be non-empty text")
        return ""
    try:
        text = decode(value).strip()
    except ValueError as exc:
        raise ValueError(f"'{key}' is {exc}") from exc
    if required and not text:
        raise ValueError(f"'{key}' must be non-empty text")
    return text


def _item(
    fields: dict[str, str], wrong: list[str], level: int | None, origin: str, scope: str
) -> TriviaItem | str:
    kind, question, correct = fields["type"], fields["question"], fields["correct_answer"]
    category = fields["category"] or IMPORTED
    if kind == "boolean":
        if correct.casefold() not in TRUTH:
            return "a boolean question's answer must be True or False"
        text = f"{TRUE_FALSE_LEAD}{question}"
        answer = TRUTH[correct.casefold()]
        item_id = stable_id("otdb", scope, origin, text, answer)
        return imported_item(
            item_id, ItemType.TRUE_FALSE, text, (answer,), (), origin, category, level
        )
    if kind != "multiple":
        return f"unknown type {kind!r} (expected 'multiple' or 'boolean')"
    # Open Trivia DB lists the right answer apart; a stable order keeps ids and files stable.
    choices = tuple(sorted({correct, *(w for w in wrong if w)}, key=str.casefold))
    item_id = stable_id("otdb", scope, origin, question, correct)
    return imported_item(
        item_id, ItemType.MULTIPLE_CHOICE, question, (correct,), choices, origin, category, level
    )
