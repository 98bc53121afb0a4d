"""Read numbers however players write them: digits, words, ordinals, Roman numerals, '63, dates."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Sequence
from itertools import groupby

from rapidfuzz import process
from rapidfuzz.distance import OSA

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
_NUMBER_WORDS = frozenset({*_UNITS, *_TEENS, *_TENS, *_ORDINALS, *_SCALES}) - {"zero"}
_STEMS = frozenset(word[:3] for word in _NUMBER_WORDS)
# The first three letters of number words, a letter drawn out among them or not.
_RESPELT_STEMS = _STEMS | frozenset(
    (word[: i + 1] + word[i:])[:3] for word in _NUMBER_WORDS for i in range(3)
)
_SLIPPABLE = tuple(w for w in (*_UNITS, *_TEENS, *_TENS, *_ORDINALS) if len(w) >= 4)
_SHORTEST_GLUED = 6
_LONGEST_GLUED = 40
_SHORTEST_SLIPPED = 4
_SHORTEST_SWAP = "two"
# Words one slip from a number word that say something else.
_NOT_SLIPS = frozenset({"none", "even", "nice", "fine", "line", "mine", "tree", "free", "fife"})
_LONGEST_SHORT_WORD = 5
_DOZEN = 12
# A lone I, V or X ends a name as a numeral ("Vostok I") after a word of three letters.
_LONE_ROMAN = {"i": "1", "v": "5", "x": "10"}
_NUMERAL_SUFFIX = re.compile(r"(\d+)(?:st|nd|rd|th|d)")
# Roman numerals up to 39 and at least two letters: "I", "mix" or "di" are words. Larger
# ones (years: MCMLXIII) need five letters, so no English word reads as one.
_ROMAN = re.compile(r"(?=\w\w)(x{0,3})(ix|iv|v?i{0,3})")
_LARGE_ROMAN = re.compile(r"(?=\w{5})m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_LETTERS = "".join(_ROMAN_VALUES)
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
    words = _number_words(words)
    for index, word in enumerate(words):
        if word == "one" and index and _is_ordinal(words[index - 1]):
            continue  # "the sixth one": a pronoun, not a number
        decade = _DECADE_WORDS.get(word)
        if decade is None and word[:1].isdigit() and (match := _DECADE.fullmatch(word)):
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


def _number_words(words: Sequence[str]) -> Sequence[str]:
    """Number words as players type them, spelt as the reader knows them.

    Letters drawn out ("twooo", "thirrd"), words run together ("seventynine",
    "nineteenseventynine") and one slip in the second word of a compound ("seventy nien").
    """
    out: list[str] = []
    changed = False
    for word in words:
        respelt = _respelt(word) if word[:3] in _RESPELT_STEMS else None
        if respelt is None and out and (out[-1] in _TENS or out[-1] in _TEENS):
            fixed = _one_slip(word)  # "seventy nien", "nineteen sixtey"
            respelt = (fixed,) if fixed else None
        if respelt is None:
            out.append(word)
        else:
            out.extend(respelt)
            changed = True
    return out if changed else words


def _respelt(word: str) -> tuple[str, ...] | None:
    """A word drawn out or run together from number words, as those words; else None."""
    if word in _SMALL or word in _SCALES or len(word) < 3 or not word.isalpha():
        return None
    drawn = "".join(letter for letter, _ in groupby(word))  # each letter drawn out, said once
    if drawn != word and drawn in _SMALL and _drawn_out(word, drawn):
        return (drawn,)
    return tuple(_unglued(word)) or None


def _drawn_out(word: str, drawn: str) -> bool:
    """Whether a doubled letter is drawn out, not another word ("twoo", "thirrd"; not "teen")."""
    tripled = any(letter * 3 in word for letter in set(word))
    return len(drawn) >= _LONGEST_SHORT_WORD or word[-1] == word[-2] or tripled


def _unglued(word: str) -> list[str]:
    """Number words run together ("seventynine"), each known; empty when it is no such run."""
    if len(word) < _SHORTEST_GLUED or len(word) > _LONGEST_GLUED or word[:3] not in _STEMS:
        return []
    parts, start = [], 0
    while start < len(word):
        end = next(
            (end for end in range(len(word), start, -1) if word[start:end] in _NUMBER_WORDS), None
        )
        if end is None:
            return []
        parts.append(word[start:end])
        start = end
    return parts if len(parts) > 1 else []


def slipped_number(word: str) -> str | None:
    """The number a lone word misses by one slip ("sevn", "eigt", "thrd", "tow"), if any.

    Words of three letters count only with two neighbours swapped ("tow" for two): one
    slip from "two" is also "to" and "too".

    Args:
        word: A lower-case word that is no number word itself.

    Returns:
        The number in digits, or None.
    """
    if len(word) == len(_SHORTEST_SWAP) and word.isalpha():
        for number in _UNITS:
            if len(number) == 3 and sorted(number) == sorted(word) and number[0] == word[0]:
                return str(_UNITS[number])
        return None
    fixed = _one_slip(word) if word.isalpha() else None
    return str(_SMALL[fixed]) if fixed is not None and word not in _NOT_SLIPS else None


def _one_slip(word: str) -> str | None:
    """The number word of four letters or more that a word misses by one slip, if any."""
    if len(word) < _SHORTEST_SLIPPED:
        return None
    near = process.extractOne(word, _SLIPPABLE, scorer=OSA.distance, score_cutoff=1)
    return near[0] if near else None


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
    if word.isalpha():
        if word.strip(_ROMAN_LETTERS):
            return word  # a letter no numeral has: a word (most tokens)
    elif suffixed := _NUMERAL_SUFFIX.fullmatch(word):
        return str(int(suffixed.group(1)))
    elif thousands := _THOUSANDS.fullmatch(word):
        return str(int(thousands.group(1)) * 1000)  # "10k"
    elif word.isdigit():
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


# --- Dates: "4 October 1957", "Oct. 4th, '57", "the fourth of October 1957", "4/10/1957". ---

_MONTH_TEXT = (
    "january february march april may june july august september october november december"
)
_MONTH_NAMES = tuple(_MONTH_TEXT.split())
_MONTHS = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}
# Tokens a date is read from: words, numbers with an ordinal suffix, apostrophe years.
_DATE_TOKEN = re.compile(r"'\d\d(?!\w)|(?<!\d)\d+(?:st|nd|rd|th|d)?(?![a-z0-9])|[a-z]+")
# A date needs a year: digits, an apostrophe year or a spoken one.
_DATE_HINT = re.compile(r"\d|teen|twenty|thousand")
_NUMERIC_DATE = re.compile(r"(?<![\d.,/-])(\d{1,4})([/.-])(\d{1,2})\2(\d{4}|\d\d)(?![\d/-])")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d\d)-(\d\d)\b")
_DAY_WORDS = 2
_DIGITS = frozenset("0123456789'")
_YEAR_WORDS = 5
_LINKS = frozenset({"the", "of"})

Date = tuple[int, int, int]


def month_of(word: str) -> int | None:
    """The month a word names: its name, a three-letter abbreviation or one slip in its name."""
    if (month := _MONTHS.get(word)) is not None:
        return month
    if len(word) < 5 or len(word) > 10 or not word.isalpha():
        return None
    near = process.extractOne(word, _MONTH_NAMES, scorer=OSA.distance, score_cutoff=1)
    return _MONTH_NAMES.index(near[0]) + 1 if near else None


def write_dates(text: str) -> str:
    """Rewrite dates written with a month's name as ISO dates (``1957-10-04``).

    The day may come before the month ("the 4th of October 1957") or after it
    ("Oct. 4, 1957"), in digits or words; the year follows, in digits, as '57 or spoken.
    Text without such a date is returned unchanged.

    Args:
        text: Cleaned text (lower-case ASCII, punctuation kept).

    Returns:
        The text with each date it names as one ISO date.
    """
    if not _DATE_HINT.search(text):
        return text
    tokens = list(_DATE_TOKEN.finditer(text))
    # A month has a day or a year beside it: only words next to a number are looked up.
    near = {
        i + offset
        for i, token in enumerate(tokens)
        if token[0][0] in _DIGITS or token[0] in _SMALL
        for offset in (-2, -1, 1, 2)
    }
    months = [
        i for i in sorted(near) if 0 <= i < len(tokens) and month_of(tokens[i][0]) is not None
    ]
    if not months:
        return text
    out, done = [], 0
    for index in months:
        found = _date_around(tokens, index)
        if found is None:
            continue
        first, last, day = found
        start, end = tokens[first].start(), tokens[last].end()
        if start < done:
            continue
        out += [text[done:start], day]
        done = end
    return "".join([*out, text[done:]]) if out else text


def _date_around(tokens: Sequence[re.Match[str]], month: int) -> tuple[int, int, str] | None:
    """The tokens of a date whose month is ``tokens[month]``, and the date in ISO form."""
    words = [token[0] for token in tokens]
    number = month_of(words[month])
    if number is None:
        return None
    # The day before the month ("4th of", "the fourth of"), else after it ("October the 4th").
    before = month - 1 if month and words[month - 1] == "of" else month
    day = _day_ending(words, before)
    after = month + 1
    if day is None:
        after += words[after : after + 1] == ["the"]
        day_after = _day_starting(words, after)
        if day_after is None:
            return None
        value, after = day_after
        first = month
        if month and len(words[month - 1]) == 4 and words[month - 1].isdigit():
            # The year first: "1957 October 4".
            try:
                return month - 1, after - 1, date_iso(int(words[month - 1]), number, value)
            except ValueError:
                return None
    else:
        value, first = day
    after += words[after : after + 1] == ["of"]
    year = _year_starting(words, after)
    if year is None:
        return None
    year_value, last = year
    try:
        iso = date_iso(year_value, number, value)
    except ValueError:
        return None
    if first and words[first - 1] == "the":
        first -= 1
    return first, last - 1, iso


def date_iso(year: int, month: int, day: int) -> str:
    """A valid date in ISO form; raises ValueError for a day the month does not have."""
    return datetime.date(year, month, day).isoformat()


def _day_ending(words: Sequence[str], end: int) -> tuple[int, int] | None:
    """A day of the month in the words just before ``end``: (day, index of its first word)."""
    for size in range(1, _DAY_WORDS + 1):
        start = end - size
        if start < 0:
            return None
        value = _day_value(words[start:end])
        if value is not None:
            return value, start
    return None


def _day_starting(words: Sequence[str], start: int) -> tuple[int, int] | None:
    """A day of the month in the words from ``start``: (day, index past its last word)."""
    for size in range(_DAY_WORDS, 0, -1):
        value = _day_value(words[start : start + size]) if start + size <= len(words) else None
        if value is not None:
            return value, start + size
    return None


def _day_value(words: Sequence[str]) -> int | None:
    """A day written as 4, 4th or in words ("fourth", "twenty first")."""
    if len(words) == 1 and (suffixed := _DAY_DIGITS.fullmatch(words[0])):
        value = int(suffixed[1])
    elif words and all(word in _SMALL for word in words):
        values = _parse_run(list(words))
        if len(values) != 1:
            return None
        value = values[0]
    else:
        return None
    return value if 1 <= value <= 31 else None


_DAY_DIGITS = re.compile(r"(\d{1,2})(?:st|nd|rd|th|d)?")


def _year_starting(words: Sequence[str], start: int) -> tuple[int, int] | None:
    """A year from ``start``: 1957, '57, 57 or spoken; (year, index past its last word)."""
    if start >= len(words):
        return None
    word = words[start]
    if word.isdigit() and len(word) == 4:
        return int(word), start + 1
    if len(word) == 3 and word[0] == "'" and word[1:].isdigit():
        return 1900 + int(word[1:]), start + 1
    if word.isdigit() and len(word) == 2:
        return 1900 + int(word), start + 1
    end = start
    while end < len(words) and end - start < _YEAR_WORDS and words[end] in _SMALL | _SCALES:
        end += 1
    if end > start:
        run = list(words[start:end])
        values = [_cardinal(run)] if any(word in _SCALES for word in run) else _parse_run(run)
        if len(values) == 1 and 1000 <= values[0] <= 2999:
            return values[0], end
    return None


def date_readings(text: str) -> frozenset[Date]:
    """The dates a text gives in digits, each as (year, month, day).

    ``1957-10-04`` is one date; ``4/10/1957`` is the 4th of October or, the American way,
    the 10th of April, and both readings are returned. A text giving two different dates
    gives none that can agree: it returns ``{(0, 0, 0)}``.

    Args:
        text: Cleaned text after `write_dates`.

    Returns:
        The readings of the one date in the text; empty when it has none.
    """
    if "-" not in text and "/" not in text and "." not in text:
        return frozenset()
    found: list[frozenset[Date]] = []
    for first, _, second, third in _NUMERIC_DATE.findall(text):
        if len(first) == 4:
            candidates = [(int(first), int(second), int(third))]
        elif len(first) <= 2:
            year = int(third) if len(third) == 4 else 1900 + int(third)
            candidates = [(year, int(second), int(first)), (year, int(first), int(second))]
        else:
            continue
        readings = frozenset(c for c in candidates if _valid(c))
        if readings:
            found.append(readings)
    if not found:
        return frozenset()
    if any(readings != found[0] for readings in found[1:]):
        return frozenset({(0, 0, 0)})
    return found[0]


def _valid(day: Date) -> bool:
    """Whether (year, month, day) is a date of the calendar."""
    try:
        date_iso(*day)
    except ValueError:
        return False
    return True
