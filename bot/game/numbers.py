"""Read numbers however players write them: digits, words, ordinals, Roman numerals, '63."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# Word lists are written as prose and split once; they read better than quoted lists.
_UNIT_TEXT = "zero one two three four five six seven eight nine"
_TEEN_TEXT = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_TENS_TEXT = "twenty thirty forty fifty sixty seventy eighty ninety"
_ORDINAL_TEXT = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
_ORDINAL_TENS_TEXT = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
_UNITS = {word: value for value, word in enumerate(_UNIT_TEXT.split())}
_TEENS = {word: value for value, word in enumerate(_TEEN_TEXT.split(), start=10)}
_TENS = {word: 10 * value for value, word in enumerate(_TENS_TEXT.split(), start=2)}
_ORDINALS = {
    **{word: value for value, word in enumerate(_ORDINAL_TEXT.split(), start=1)},
    **{word: 10 * value for value, word in enumerate(_ORDINAL_TENS_TEXT.split(), start=2)},
}
# Misspellings players make often enough that a host would not notice them.
_MISSPELT = {
    "fourty": 40, "ninty": 90, "ninteen": 19, "fourtieth": 40, "nintieth": 90, "fith": 5,
    "fifht": 5, "nineth": 9, "ninenth": 9, "twelth": 12, "twelveth": 12, "thrid": 3,
    "seccond": 2, "secound": 2, "eigth": 8, "eigthth": 8, "fouth": 4, "fourtenth": 14,
    "ninteenth": 19, "tweny": 20, "twentyth": 20, "thirtyth": 30, "eigthy": 80, "eightey": 80,
    "seventeeth": 17, "sixtyth": 60, "fourtyth": 40, "fiveth": 5, "oen": 1, "thre": 3,
    # Idioms for two, and Russian number words as players romanise them.
    "pair": 2, "couple": 2, "odin": 1, "odna": 1, "dva": 2, "dve": 2, "tri": 3,
    "chetyre": 4, "pyat": 5, "shest": 6, "sem": 7, "vosem": 8, "devyat": 9, "desyat": 10,
    "forth": 4, "frist": 1, "fisrt": 1, "firts": 1, "secnd": 2, "scond": 2, "secnod": 2,
    "thirdd": 3, "foruth": 4, "fourht": 4, "fifh": 5, "sixht": 6,
    "sevnth": 7, "seveth": 7, "eigtht": 8, "ninht": 9, "tenht": 10,
}  # fmt: skip
# Decades are read as one word, 19x0s, however they are said ("the sixties", "'60s").
_DECADE_TEXT = "twenties thirties forties fifties sixties seventies eighties nineties"
_DECADE_WORDS = {word: f"19{value}0s" for value, word in enumerate(_DECADE_TEXT.split(), start=2)}
_DECADE = re.compile(r"(?:19)?([1-9])0s")
_THOUSANDS = re.compile(r"(\d+)k")
_SMALL = {**_UNITS, **_TEENS, **_TENS, **_ORDINALS, **_MISSPELT}
_SCALES = {"hundred": 100, "thousand": 1000}
_DOZEN = 12
# A lone I, V or X ends a name as a numeral ("Vostok I") after a word of three letters.
_LONE_ROMAN = {"i": "1", "v": "5", "x": "10"}
_NUMERAL_SUFFIX = re.compile(r"(\d+)(?:st|nd|rd|th)")
# Roman numerals up to 39 and at least two letters: "I", "mix" or "di" are words. Larger
# ones (years: MCMLXIII) need five letters, so no English word reads as one.
_ROMAN = re.compile(r"(?=\w\w)(x{0,3})(ix|iv|v?i{0,3})")
_LARGE_ROMAN = re.compile(r"(?=\w{5})m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
# '63 and ’63 are years of the last century; anyascii has already made ’ into '.
_SHORT_YEAR = re.compile(r"(?<![\w'])'(\d\d)(?![\w'])")


def expand_short_years(text: str) -> str:
    """Rewrite apostrophe years ('63) as four digits (1963).

    Args:
        text: Cleaned text that still carries apostrophes.

    Returns:
        The text with short years expanded.
    """
    return _SHORT_YEAR.sub(r"19\1", text) if "'" in text else text


def read_numbers(words: Sequence[str]) -> list[str]:
    """Replace number expressions in a word list by their decimal digits.

    ``nineteen sixty three`` and ``one thousand nine hundred and sixty-three`` become
    ``1963``; ``3rd``, ``third`` and ``iii`` become ``3``. Decades become one word
    (``the sixties``, ``'60s`` and ``1960s`` are ``1960s``), never a number.

    Args:
        words: Word tokens from `bot.game.normalising.read_words`.

    Returns:
        The tokens with each number expression collapsed to one digit string.
    """
    out: list[str] = []
    run: list[str] = []
    for index, word in enumerate(words):
        if word == "one" and index and _is_ordinal(words[index - 1]):
            continue  # "the sixth one": a pronoun, not a number
        decade = _DECADE_WORDS.get(word)
        if decade is None and (match := _DECADE.fullmatch(word)):
            decade = f"19{match[1]}0s"
        if decade is not None:
            if run == ["nineteen"]:
                run = []  # "nineteen sixties"
            if run:
                out.extend(map(str, _parse_run(run)))
                run = []
            out.append(decade)
            continue
        if _continues_run(word, run, words[index + 1 : index + 2]):
            run.append(word)
            continue
        if run:
            out.extend(map(str, _parse_run(run)))
            run = []
        if word in _SMALL or word in _SCALES:
            run.append(word)
        else:
            out.append(_read_token(word))
    if run:
        out.extend(map(str, _parse_run(run)))
    if "dozen" in out:
        out = _dozens(out)
    if len(out) >= 2 and out[-1] in _LONE_ROMAN and len(out[-2]) >= 3 and out[-2].isalpha():
        out[-1] = _LONE_ROMAN[out[-1]]
    return out


def _dozens(words: list[str]) -> list[str]:
    """Read "a dozen" (12), "half a dozen" (6) and "two dozen" (24)."""
    out: list[str] = []
    for word in words:
        if word != "dozen":
            out.append(word)
            continue
        count = _DOZEN
        if out and out[-1] == "half":
            out.pop()
            count //= 2  # "half-dozen"
        elif out and out[-1].isdigit():
            count *= int(out.pop())
        elif out and out[-1] in ("a", "one"):
            out.pop()
            if out and out[-1] == "half":
                out.pop()
                count //= 2
        out.append(str(count))
    return out


def _continues_run(word: str, run: list[str], following: Sequence[str]) -> bool:
    """Whether a word extends a run of number words ("oh" and "and" only inside one)."""
    if not run:
        return False
    if word in _SMALL or word in _SCALES:
        return True
    next_is_number = bool(following) and following[0] in _SMALL
    return word in ("oh", "and") and next_is_number


def _is_ordinal(word: str) -> bool:
    """Whether a word is an ordinal ("sixth", "6th")."""
    return word in _ORDINALS or bool(_NUMERAL_SUFFIX.fullmatch(word))


def _read_token(word: str) -> str:
    """Read a single token that may be a suffixed ordinal or a Roman numeral."""
    suffixed = _NUMERAL_SUFFIX.fullmatch(word)
    if suffixed:
        return str(int(suffixed.group(1)))
    if thousands := _THOUSANDS.fullmatch(word):
        return str(int(thousands.group(1)) * 1000)  # "10k"
    if word.isdigit():
        return str(int(word))
    if _ROMAN.fullmatch(word) or _LARGE_ROMAN.fullmatch(word):
        return str(_roman_value(word))
    return word


def _roman_value(numeral: str) -> int:
    """Value of a validated Roman numeral."""
    values = [_ROMAN_VALUES[letter] for letter in numeral]
    total = 0
    for value, following in zip(values, [*values[1:], 0], strict=True):
        total += -value if value < following else value
    return total


def _parse_run(run: list[str]) -> list[int]:
    """Value(s) of a run of number words: a cardinal, a spoken year, or a list."""
    if any(word in _SCALES for word in run):
        return [_cardinal(run)]
    groups = list(_groups(run))
    if len(groups) == 2:
        (high, _), (low, padded) = groups
        if 10 <= high <= 99 and (low >= 10 or padded):
            return [high * 100 + low]
    return [value for value, _ in groups]


def _groups(run: list[str]) -> Iterator[tuple[int, bool]]:
    """Split a run into two-digit groups; ``(value, padded)`` where padded means "oh five"."""
    value: int | None = None
    padded = False
    for word in run:
        if word in ("oh", "and"):
            padded = word == "oh"
            continue
        number = _SMALL[word]
        if value is not None and value % 10 == 0 and value >= 20 and number < 10:
            yield value + number, False
            value = None
            continue
        if value is not None:
            yield value, False
        value = number
        if padded:
            yield value, True
            value, padded = None, False
    if value is not None:
        yield value, False


def _cardinal(run: list[str]) -> int:
    """Value of a cardinal with scale words ("one thousand nine hundred and five")."""
    total = current = 0
    for word in run:
        if word in ("oh", "and"):
            continue
        if word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            current += _SMALL[word]
    return total + current
