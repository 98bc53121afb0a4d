"""Judge a player's chat message against a question's accepted answers.

`Judge.judge` is the one entry point the game uses. It rules like a careful quiz host:
formatting, spelling systems, filler and chat do not matter, the player's own claim is read
out of a sentence (what it rules out or reports of others is not), typos are forgiven in
proportion to the answer's length, numbers must agree however they are written, and
alternatives offered together or other known names are wrong. The question text tells it
what the question itself names. Knowledge of alternative names comes from the reference
catalogue the judge is built from (`Judge.from_catalogue`, by the entry points, which hand
the judge to every service). Every step is bounded by the capped lengths of messages and answers.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.game.normalising import (
    ARTICLES,
    CHAT_WORDS,
    HEDGE_WORDS,
    PLAIN_CHAT_WORDS,
    NameForm,
    answer_spans,
    clauses,
    clean,
    drop_quoted_lines,
    final_statement,
    fold_spelling,
    fold_text,
    given_names,
    is_chatter,
    is_number,
    name_form,
    own_claim,
    read_words,
    split_candidates,
    strip_filler,
    strip_markup,
    without_repeats,
    without_restated,
)
from bot.game.numbers import read_numbers, slipped_number, write_dates
from questions.catalogue import Catalogue

log = logging.getLogger(__name__)

Kind = Literal["open", "true_false", "multiple_choice"]

# Discord allows 4,000 characters; no answer needs a quarter of that, so longer messages
# are refused before any parsing, and visible text is bounded again before fuzzy matching.
MAX_MESSAGE_CHARS = 1000
MAX_ANSWER_CHARS = 160
MAX_QUESTION_CHARS = 1000
# An imported answer may list many people; past these it is matched as one name.
MAX_ANSWERS = 32
MAX_PARTS = 12
MAX_SPLIT_WORDS = 8
MAX_SPANS = 4
MAX_CLAUSES = 4
CLOSE_SCORE = 75.0
# The highest score a fit can have (similarity is at most 100).
_FULL_SCORE = 100.0
# What every interface tells a player whose answer the judge found close (a near miss).
CLOSE_HINT = "So close: check the spelling."
_FAR = 1_000
# A name of this many letters forgives one slip in each of its short words.
_LONG_NAME = 8
# Word lists are written as prose and split once; they read better than quoted lists.
_TRUE_WORDS_TEXT = (
    "t true yes y yep yeah yup correct right aye tru ture treu ye yea ya yas sure absolutely "
    "indeed affirmative facts da ja oui verdad"
)
_FALSE_WORDS_TEXT = (
    "f false no n nope nah wrong incorrect untrue nay flase fasle fals fales flse negative "
    "lies fake bogus net nyet nein non"
)
# Said alone, these deny: "no it's not", "nope, it isn't".
_DENIALS = frozenset({"no", "n", "nope", "nah", "nay", "net", "nyet", "nein", "non"})
_TF_NEGATIONS_TEXT = "not isnt wasnt arent didnt doesnt dont never"
_TF_ALTERNATIVES = frozenset({"or", "either", "neither", "nor"})
# Words that agree with whatever else is said ("I'm sure it's false", "false, right?").
_WEAK = frozenset({"sure", "absolutely", "indeed", "right", "correct"})
_DENIAL_FILLER_TEXT = (
    "it its that thats this is was definitely certainly surely def probably so i think "
    "pretty quite really at all"
)
_DENIAL_FILLER = frozenset(_DENIAL_FILLER_TEXT.split())
# Thumbs and ticks say yes or no before they are folded away as symbols.
_TRUTH_SYMBOLS = str.maketrans({
    "\U0001f44d": " yes ", "\u2705": " yes ", "\u2714": " yes ", "\u2611": " yes ",
    "\U0001f44e": " no ", "\u274c": " no ", "\u2716": " no ", "\u2717": " no ",
})  # fmt: skip
_TRUE_WORDS = frozenset(_TRUE_WORDS_TEXT.split())
_FALSE_WORDS = frozenset(_FALSE_WORDS_TEXT.split())
_POLAR_WORDS = _TRUE_WORDS | _FALSE_WORDS
_TF_NEGATIONS = frozenset(_TF_NEGATIONS_TEXT.split())
_LEADING_QUESTION = re.compile(r"^(?:isn'?t|wasn'?t|is|was)\s+(?:it|that|this)\b\s*")
_AFFIRMED = re.compile(r"(?:it|that|this)\s+(?:is|was|does|did)")
_DENIED = re.compile(
    r"(?:(?:it|that|this)\s+)?(?:isn'?t|wasn'?t|is\s+not|was\s+not|didn'?t)|not\s+at\s+all"
)
_WORD = re.compile(r"[a-z0-9]")
_ANSWER_PARTS = re.compile(r"\s+and\s+", re.IGNORECASE)
_LETTER_ONLY = re.compile(r"[(\[]?([a-z])[)\].:]?")
_LETTER_FIRST = re.compile(r"[(\[]?([a-z])(?:[)\].:,]|\s+-)\s*(.+)")
_LETTER_LAST = re.compile(r"(.+?)\s*[(\[]([a-z])[)\]]?")
_LETTER_BARE = re.compile(r"(?P<letter>[a-z])\s+(?P<text>.+)")
_LETTER_TRAILING = re.compile(r"(?P<text>.+?)(?:\s|,\s*)+(?P<letter>[a-z])")
_POSITION = re.compile(
    r"(?:the\s+)?(?:(?P<hash>#|(?:option|choice|answer|number|no\.?)\s*)"
    r"(?P<word>[1-9]|one|two|three|four|five|six)"
    r"|(?P<word2>first|second|third|fourth|fifth|sixth|last|[1-6](?:st|nd|rd|th)?)"
    r"(?:\s+(?P<noun>one|option|choice|answer))?)"
)


@dataclass(frozen=True, slots=True)
class Judgement:
    """The ruling on one attempt.

    Attributes:
        accepted: Whether the attempt is right.
        matched: The accepted answer it matched, or None.
        score: Similarity of the attempt to the closest answer, 0-100.
        close: A near miss that was not accepted (worth a "so close!").
    """

    accepted: bool
    matched: str | None
    score: float
    close: bool


_REJECTED = Judgement(accepted=False, matched=None, score=0.0, close=False)


class _Fit(NamedTuple):
    """How well an attempt fits one answer; made by `_fit`.

    A named tuple: the judge makes several per message, and a tuple is quick to make and
    to read (``accepted`` is worked out once, when it is made).
    """

    distance: int
    allowance: int
    score: float
    rival: bool
    accepted: bool


def _fit(distance: int, allowance: int, score: float, rival: bool = False) -> _Fit:
    """A fit; accepted when ``distance <= allowance`` and no rival name is as near."""
    return _Fit(distance, allowance, score, rival, distance <= allowance and not rival)


_MISS = _fit(distance=_FAR, allowance=0, score=0.0)
_EXACT = _fit(distance=0, allowance=0, score=100.0)


@dataclass(frozen=True, slots=True, eq=False)
class AliasIndex:
    """Immutable knowledge of which names denote the same entity.

    Each group lists one entity's names (film release titles, a person's spellings).
    Every name in an answer's group is accepted; a name of any other group is a rival.
    """

    groups: tuple[tuple[str, ...], ...] = ()
    _groups_by_key: Mapping[str, frozenset[int]] = field(default_factory=dict, repr=False)
    _keys: tuple[str, ...] = field(default=(), repr=False)
    _keys_by_length: Mapping[int, tuple[str, ...]] = field(default_factory=dict, repr=False)
    characters: frozenset[int] = frozenset()
    kinds: tuple[str, ...] = ()
    _prefixes: frozenset[str] = field(default=frozenset({""}), repr=False)
    _forms: Mapping[str, NameForm] = field(default_factory=dict, repr=False)

    @classmethod
    def from_groups(
        cls, groups: Iterable[Iterable[str]], kinds: Iterable[str] | None = None
    ) -> AliasIndex:
        """Build an index from alias groups, canonical name first.

        Args:
            groups: Each entity's names; a person's surname is also indexed on its own.
            kinds: Each group's kind of entity, when known ("character" is used: a
                character is known by a first name alone).

        Returns:
            The index.
        """
        listed = [tuple(names) for names in groups]
        kinds = list(kinds) if kinds is not None else [""] * len(listed)
        pairs = [(group, kind) for group, kind in zip(listed, kinds, strict=True) if group]
        frozen = tuple(group for group, _ in pairs)
        characters = frozenset(i for i, (_, kind) in enumerate(pairs) if kind == "character")
        by_key: dict[str, set[int]] = {}
        forms: dict[str, NameForm] = {}
        for number, group in enumerate(frozen):
            for name in group:
                form = forms[name] = name_form(name)
                keys = {form.compact, form.words[-1]} if form.person else {form.compact}
                for key in keys - {""}:
                    by_key.setdefault(key, set()).add(number)
        by_length: dict[int, list[str]] = {}
        for key in by_key:
            by_length.setdefault(len(key), []).append(key)
        return cls(
            groups=frozen,
            _groups_by_key={key: frozenset(ids) for key, ids in by_key.items()},
            _keys=tuple(by_key),
            _keys_by_length={length: tuple(keys) for length, keys in by_length.items()},
            characters=characters,
            kinds=tuple(kind for _, kind in pairs),
            _prefixes=frozenset(key[:end] for key in by_key for end in range(len(key) + 1)),
            _forms=MappingProxyType(forms),
        )

    def groups_of(self, name: str) -> frozenset[int]:
        """Numbers of the groups that list a name (compared after normalising)."""
        return self.groups_of_key(name_form(name).compact)

    def form_of(self, name: str) -> NameForm:
        """`name_form` of a name, read once when the index was built for its own names."""
        form = self._forms.get(name)
        return form if form is not None else name_form(name)

    def groups_of_key(self, compact: str) -> frozenset[int]:
        """Numbers of the groups that list a name already in compact form."""
        return self._groups_by_key.get(compact, frozenset())

    def keys_from(self, words: Sequence[str], start: int) -> Iterator[tuple[int, str]]:
        """Each run of words from ``start`` (at most `_LONGEST_NAME_WORDS`) run together.

        Yields the end of each run with the run; stops at the first run that begins no
        indexed name, since no longer run can then be one.
        """
        joined = ""
        for end in range(start + 1, min(start + _LONGEST_NAME_WORDS, len(words)) + 1):
            joined += words[end - 1]
            if joined not in self._prefixes:
                return
            yield end, joined

    def names_in(self, numbers: Iterable[int]) -> tuple[str, ...]:
        """All names in the given groups."""
        return tuple(name for number in sorted(numbers) for name in self.groups[number])

    def has_rival(self, compact: str, own: frozenset[int], within: int) -> bool:
        """Whether a name outside ``own`` is at most ``within`` edits from ``compact``."""
        # Only names within ``within`` letters of its length can be within ``within`` edits.
        keys = _keys_near(self, len(compact), within)
        near = process.extract(compact, keys, scorer=OSA.distance, score_cutoff=within, limit=None)
        return any(self._groups_by_key[key] - own for key, _, _ in near)

    def keys_of_lengths(self, shortest: int, longest: int) -> tuple[str, ...]:
        """The indexed names, in compact form, from ``shortest`` to ``longest`` letters."""
        return tuple(
            key
            for length in range(shortest, longest + 1)
            for key in self._keys_by_length.get(length, ())
        )


@functools.lru_cache(maxsize=1024)
def _keys_near(aliases: AliasIndex, size: int, within: int) -> tuple[str, ...]:
    """The names `AliasIndex.has_rival` compares, gathered once per length and reach."""
    return aliases.keys_of_lengths(size - within, size + within)


def allowed_edits(length: int) -> int:
    """Typos forgiven in an answer of ``length`` characters: none up to four.

    Args:
        length: Characters in the normalised answer, spaces excluded.

    Returns:
        The number of edits (insert, delete, substitute, swap) forgiven.
    """
    if length <= 4:
        return 0
    if length <= 7:
        return 1
    if length <= 12:
        return 2
    return 3 if length <= 20 else 4


# `allowed_edits` of every length below this one, looked up.
_SHORTEST_UNLISTED = 32
_ALLOWED_EDITS = tuple(allowed_edits(length) for length in range(_SHORTEST_UNLISTED))


def _fit_strings(attempt: str, target: str) -> _Fit:
    """Edit distance (counted only so far past the allowance) and similarity of two strings."""
    allowance = allowed_edits(len(target))
    if not allowance and len(target) == _SHORT_SLIP_LENGTH and _swapped_pair(attempt, target):
        allowance = 1  # "Mras" for Mars: a slip of the fingers, not another word
    distance = OSA.distance(attempt, target, score_cutoff=allowance + _DISTANCE_REACH)
    score = fuzz.ratio(attempt, target)
    return _Fit(distance, allowance, score, False, distance <= allowance)


# Distances are counted this far past an answer's allowance; beyond, all are as far.
_DISTANCE_REACH = 3
# A word of this many letters, forgiven no edit, is forgiven two neighbours swapped.
_SHORT_SLIP_LENGTH = 4


def _swapped_pair(attempt: str, target: str) -> bool:
    """Whether two words differ only by two neighbouring letters swapped ("mras", "mars")."""
    if len(attempt) != len(target):
        return False
    differ = [i for i, (a, b) in enumerate(zip(attempt, target, strict=True)) if a != b]
    if len(differ) != 2 or differ[1] != differ[0] + 1:
        return False
    i, j = differ
    return attempt[i] == target[j] and attempt[j] == target[i]


def _same_numbers(said: tuple[str, ...], expected: tuple[str, ...]) -> bool:
    """Numbers agree exactly; a two-digit year stands for 19xx ("63", "sixty-three")."""
    if said == expected:
        return True
    return len(said) == len(expected) == 1 and _SHORT_YEAR.get(said[0]) == expected[0]


# Words that may stand beside a number that picks one of a series the question names.
_SERIES_WORDS = frozenset({"number", "no", "mission", "flight", "launch", "part", "the", "one"})
_SHORT_YEAR = MappingProxyType({f"{year % 100}": str(year) for year in range(1910, 2000)})


def _is_year(number: str) -> bool:
    """A film's year: four digits from 1890 to 2039."""
    return len(number) == 4 and "1890" <= number <= "2039"


def _is_bare_year(name: NameForm) -> bool:
    """Whether a name is a year and nothing else ("1957")."""
    return len(name.words) == 1 and _is_year(name.words[0])


def _word_fits(said: str, expected: str, long_name: bool) -> bool:
    """One word of a name: its own allowance, or one slip in a short word of a long name."""
    allowance = allowed_edits(len(expected))
    if long_name and not is_number(expected):
        allowance = max(allowance, 1)
    return OSA.distance(said, expected, score_cutoff=allowance + 1) <= allowance


def _fit_name(attempt: NameForm, name: NameForm) -> _Fit:
    """How well an attempt fits one accepted name; numbers must agree exactly."""
    if attempt.dates and (name.dates or _is_bare_year(name)):
        # A date however written ("the 4th of October 1957", "4/10/57"); for a year, a day of it.
        years = {(int(name.words[0]),)} if not name.dates else set()
        agree = attempt.dates & name.dates or {day[:1] for day in attempt.dates} == years
        return _EXACT if agree else _MISS
    if not _same_numbers(attempt.numbers, name.numbers):
        # A year beside a name that has none places it ("Planeta Bur (1962)").
        unplaced = tuple(n for n in attempt.numbers if n in name.numbers or not _is_year(n))
        if not attempt.letters or not name.letters or unplaced != name.numbers:
            return _MISS
    if name.numbers and len(name.numbers) == len(name.words):
        # A bare number: the words around it ("released in 1963") do not change it.
        return _EXACT
    if name.numbers and attempt.numbers == name.numbers and (unit := _units(name.spelt)):
        # A quantity: its number alone, or with the unit however abbreviated ("90 min").
        units_said = _units(attempt.spelt) if attempt.spelt else frozenset()
        if units_said is not None and units_said <= unit:
            return _EXACT
    initial = len(attempt.words) == 2 and len(attempt.words[0]) == 1
    if name.person and initial and attempt.words[0] not in _initials(name):
        return _MISS  # an initial is one letter, no slip: "L. Pochepa" is not T. Pochepa
    # A slip in a short word is forgiven in a long title, not in a person's first name:
    # "Olesya Berdnik" is someone other than "Oles Berdnyk".
    long_name = len(name.letters) >= _LONG_NAME and not name.person
    fit = _fit_words(attempt.letters, name.letters, attempt.words, name.words, long_name)
    if fit.allowance < 0 and name.person and _first_name_slip(attempt, name):
        fit = _fit(fit.distance, allowed_edits(len(name.letters)), fit.score)
    if not fit.accepted and (attempt.bare != attempt.letters or name.bare != name.letters):
        # An article more, less or other inside a title ("Voyage to a Prehistoric Planet").
        said = [word for word in attempt.words if word not in ARTICLES]
        listed = [word for word in name.words if word not in ARTICLES]
        fit = _better(fit, _fit_words(attempt.bare, name.bare, said, listed, long_name))
    if not fit.accepted and attempt.spelt and name.spelt:
        # Folding romanisations can part English spellings ("Soviet Unoin": "union" folds to
        # "unen"): the letters as written are compared too.
        written, expected = "".join(attempt.spelt), "".join(name.spelt)
        if written != attempt.letters or expected != name.letters:
            spelt = _fit_words(written, expected, attempt.spelt, name.spelt, long_name)
            if spelt.distance <= 1:  # one slip as written; a farther one reads as another name
                fit = _better(fit, spelt)
    if name.person and not fit.accepted:
        return _better(fit, _fit_person(attempt, name))
    return fit


def _within(attempt: NameForm, name: NameForm, distance: int) -> bool:
    """Whether `_fit_name` puts an attempt at most ``distance`` edits from a name.

    Most names are nowhere near: for a name with no person, number or date in it (nor in
    the attempt), every distance `_fit_name` can report is one of three string
    distances, so those are tried first, each stopped at ``distance``.
    """
    if name.person or name.numbers or name.dates or attempt.numbers or attempt.dates:
        return _fit_name(attempt, name).distance <= distance
    if not distance:
        # No edit at all (an answer typed exactly): each of the three distances is zero
        # only for strings that are equal.
        near = (
            attempt.letters == name.letters
            or attempt.bare == name.bare
            or bool(attempt.spelt and name.spelt and "".join(attempt.spelt) == "".join(name.spelt))
        )
        return near and _fit_name(attempt, name).distance <= distance
    near = _may_be_within(attempt.letters, name.letters, distance) or _may_be_within(
        attempt.bare, name.bare, distance
    )
    if not near and attempt.spelt and name.spelt:
        spelt = OSA.distance("".join(attempt.spelt), "".join(name.spelt), score_cutoff=1)
        near = spelt <= min(distance, 1)
    return near and _fit_name(attempt, name).distance <= distance


def _may_be_within(attempt: str, target: str, distance: int) -> bool:
    """Whether `_fit_strings` may count ``attempt`` at most ``distance`` edits from ``target``.

    Past the target's allowance (at least `allowed_edits`) and `_DISTANCE_REACH`, it
    reports one more than that, whatever the true distance.
    """
    if allowed_edits(len(target)) + _DISTANCE_REACH + 1 <= distance:
        return True
    return OSA.distance(attempt, target, score_cutoff=distance) <= distance


def _may_accept(text: str, target: _Target) -> bool:
    """Whether `Judge._fit_part` may accept a candidate; False only when it cannot.

    For an answer only letters can fit (`_Target.by_letters`), a candidate that is none
    of its names is accepted only within an allowance of one of its names' strings
    (`_Target.probes`); every string of the candidate is tried against every one of those.
    For an answer whose every name has a number (`_Target.by_numbers`), a candidate needs
    a number or date of its own, or to be one word (a number word with a slip, "sevn").
    """
    if target.numbered:
        return True
    if target.by_numbers:
        if any(form.numbers or form.dates for form in _readings(text)):
            return True
        said = name_form(text)
        return len(said.spelt) == 1 and len(said.words) == 1
    if not target.by_letters:
        return True
    if any(form.compact in target.compacts for form in _readings(text)):
        return True
    keys, reach = target.probe_keys, target.probe_reach
    for piece in _said_pieces(text):
        near = process.extract(piece, keys, scorer=OSA.distance, score_cutoff=reach, limit=None)
        if any(distance <= target.probes[key] for key, distance, _ in near):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _said_pieces(text: str) -> tuple[str, ...]:
    """The strings of a candidate `_may_accept` compares, once each, read once per candidate.

    The candidate as written is read too: a given name is looked for in it.
    """
    forms = (name_form(text), *_readings(text))
    return tuple(dict.fromkeys(piece for form in forms for piece in _probe_strings(form)))


def _probe_strings(form: NameForm) -> tuple[str, ...]:
    """The strings `_fit_name` compares, the first three for any name.

    Letters, letters without articles, the letters as written, and the first and last
    words (a person's first name and surname).
    """
    return (form.letters, form.bare, "".join(form.spelt), *form.words[:1], *form.words[-1:])


def _probes(forms: Sequence[NameForm], *, character: bool = False) -> dict[str, int]:
    """Each string of the names `_fit_name` may accept within, with its widest allowance.

    `_fit_name` accepts a name of no number or date only within `allowed_edits` (or one
    swap) of its letters or its letters without articles, one slip of its letters as
    written, or, for a person, within that of the surname or first name.
    `Judge._fit_given_name` accepts a given name listed alone (its letters), a person's
    first name, and a character's first name.
    """
    probes: dict[str, int] = {}
    for form in forms:
        listed_strings = _probe_strings(form) if form.person else _probe_strings(form)[:3]
        if character and len(form.words) > 1:
            listed_strings += form.words[:1]
        for listed in listed_strings:
            probes[listed] = max(probes.get(listed, 0), allowed_edits(len(listed)), 1)
    return probes


def _first_name_slip(attempt: NameForm, name: NameForm) -> bool:
    """One slip in a short first name that is no other given name ("Otr Koberidze")."""
    if len(attempt.words) != 2 or len(name.words) != 2:
        return False
    said, listed = attempt.words[0], name.words[0]
    if said in given_names() or OSA.distance(said, listed, score_cutoff=2) > 1:
        return False
    return _word_fits(attempt.words[1], name.words[1], long_name=False)


def _fit_words(
    attempt: str,
    name: str,
    attempt_words: Sequence[str],
    name_words: Sequence[str],
    long_name: bool,
) -> _Fit:
    """Letters compared whole, then word by word when both have the same number of words."""
    # `_fit_strings`, written out: most names compared are far, and this is the hot path.
    length = len(name)
    allowance = _ALLOWED_EDITS[length] if length < _SHORTEST_UNLISTED else allowed_edits(length)
    if not allowance and length == _SHORT_SLIP_LENGTH and _swapped_pair(attempt, name):
        allowance = 1  # "Mras" for Mars: a slip of the fingers, not another word
    distance = OSA.distance(attempt, name, score_cutoff=allowance + _DISTANCE_REACH)
    fit = _Fit(distance, allowance, fuzz.ratio(attempt, name), False, distance <= allowance)
    if distance > allowance or not distance:
        return fit
    # Word by word as well, so a short word cannot borrow a long word's allowance,
    # except for one slip in a short word of a long title ("a dream come tru").
    words = [word for word in name_words if not is_number(word)]
    said = [word for word in attempt_words if not is_number(word)]
    by_word = len(said) == len(words) > 1
    if by_word and not all(map(_word_fits, said, words, [long_name] * len(words))):
        fit = _fit(distance=fit.distance, allowance=-1, score=fit.score)
    return fit


def _units(words: Sequence[str]) -> frozenset[str] | None:
    """The units that words name ("mins" is minutes), or None when one is no unit."""
    units = [unit for word in words if (unit := _UNITS.get(word)) is not None]
    return frozenset(units) if len(units) == len(words) else None


_UNIT_TEXT = (
    ("second", "s sec secs second seconds"),
    ("minute", "min mins minute minutes"),
    ("hour", "h hr hrs hour hours"),
    ("day", "day days"),
    ("year", "yr yrs year years"),
    ("metre", "m metre metres meter meters"),
    ("kilometre", "km kms kilometre kilometres kilometer kilometers"),
    ("kilogram", "kg kgs kilo kilos kilogram kilograms"),
    ("percent", "percent pct"),
)
_UNITS = MappingProxyType({word: unit for unit, words in _UNIT_TEXT for word in words.split()})


def _initials(name: NameForm) -> set[str]:
    """The letters a person's first name may be initialled by, folded as attempts are.

    Folding may change a first letter ("Yevgeni" folds to "evgeni"; "Y." to "i").
    """
    first = name.words[0]
    return {first[0], fold_spelling(name.spelt[0][:1]) if name.spelt else first[0]}


def _fit_person(attempt: NameForm, name: NameForm) -> _Fit:
    """A person by surname alone, or by a first name (or initial) that agrees with theirs."""
    first, surname = name.words[0], name.words[-1]
    words = attempt.words
    if not words:
        return _MISS
    if len(words) == 1:
        return _fit_strings(words[0], surname)
    initials = _initials(name)
    for given, family in ((words[0], words[-1]), (words[-1], words[0])):
        # An initial on either side: "M. Karyukov", or "Tatyana Pochepa" for "T. Pochepa".
        is_initial = (len(given) == 1 and given in initials) or (
            len(first) == 1 and given[0] == first
        )
        if is_initial or OSA.distance(given, first) <= allowed_edits(len(first)):
            fit = _fit_strings(family, surname)
            if fit.accepted:
                return fit
    return _MISS


def _other_first_name(attempt: NameForm, target: _Target) -> bool:
    """Whether a first name or initial puts the surname to someone the answer is not.

    "G. Corman" fits the listed surname "Corman", but Roger Corman's full name says G. is
    someone else.
    """
    people = _full_first_names([form for form in target.forms if form.person])
    return bool(people) and not any(_fit_name(attempt, form).accepted for form in people)


def _gives_first_name(attempt: NameForm, target: _Target) -> bool:
    """Whether an attempt puts a first name or initial to a surname of the answer's."""
    if attempt.person:
        return True
    if len(attempt.spelt) != 2 or len(attempt.words) != 2:
        return False
    first = attempt.spelt[0]
    if len(first) < 2 or first in CHAT_WORDS or first in _TITLES:
        return False
    return any(
        form.person and _word_fits(attempt.words[1], form.words[-1], long_name=False)
        for form in target.forms
    )


# Words before a surname that are no first name ("Dr Koberidze").
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "professor", "mister", "comrade", "sir"})


def _full_first_names(people: Sequence[NameForm]) -> Sequence[NameForm]:
    """People's full names, or their initials when no full first name is known.

    "O. Koberidze" accepts any O. only while no name says it stands for Otar.
    """
    named = [form for form in people if len(form.words) > 1]
    full = [form for form in named if len(form.words[0]) > 1]
    return full or named


def _rank_fit(fit: _Fit) -> tuple[bool, int, float]:
    """Fits in order: accepted first, then the closer, then the more similar."""
    return not fit.accepted, fit.distance, -fit.score


def _better(one: _Fit, other: _Fit) -> _Fit:
    """The fit that rules in the player's favour, then the closer one (``one`` on a tie)."""
    return one if _rank_fit(one) <= _rank_fit(other) else other


# Words that make a clause beside an answer a remark of its own ("I saw it", "he made it").
_REMARK_TEXT = (
    "he she they i we you it its hes shes theyre ive im there this that his her their them him "
    "saw seen watched watch came come comes released made make directed produced wrote written "
    "stars starring starred played plays bought used uses reused go goes went land lands landed "
    "fly flies flew set hence because since so as classic remember love loved with by from"
)
_REMARK_WORDS = frozenset(_REMARK_TEXT.split())
_FAMILY_WORDS = frozenset({"the", "brothers", "bros", "sisters", "family", "duo", "both"})


def _with_surnames(names: Sequence[str]) -> list[str]:
    """Give listed first names the surname that closes the list ("Arkady and Boris S.")."""
    names = list(names)
    if len(names) < 2:
        return names
    last = names[-1].split()
    if len(last) < 2:
        return names
    return [
        f"{name} {last[-1]}"
        if index < len(names) - 1
        and len(words := name_form(name).words) == 1
        and words[0] in given_names()
        else name
        for index, name in enumerate(names)
    ]


def _names_family(text: str, targets: Sequence[_Target]) -> bool:
    """Whether a candidate names every person asked for by their shared family name."""
    surnames = {form.words[-1] for t in targets for form in t.forms[:1] if len(form.words) > 1}
    if len(surnames) != 1 or not all(len(t.forms[0].words) > 1 for t in targets):
        return False
    surname = surnames.pop()
    words = [word for word in name_form(text).words if word not in _FAMILY_WORDS]
    if len(words) != 1:
        return False
    plurals = {surname + "s", surname + "es", surname.removesuffix("i") + "ies"}
    said = words[0]
    plural = (
        said.endswith("s")
        and said != surname
        and any(OSA.distance(said, form) <= 1 for form in plurals)
    )
    named = len(name_form(text).words) > len(words)  # "Strugatsky brothers"
    return plural or (named and _word_fits(words[0], surname, long_name=False))


def _assign(fits: Sequence[Sequence[_Fit]]) -> _Fit:
    """Whether every part of an answer (rows) has its own accepted candidate (columns).

    A bipartite matching by augmenting paths: at most parts x candidates steps per part,
    where trying every order of the candidates grew factorially with the parts.
    """
    owner: dict[int, int] = {}

    def place(row: int, seen: set[int]) -> bool:
        for column, fit in enumerate(fits[row]):
            if fit.accepted and column not in seen:
                seen.add(column)
                if column not in owner or place(owner[column], seen):
                    owner[column] = row
                    return True
        return False

    accepted = all(place(row, set()) for row in range(len(fits)))
    best_per_part = [max(row, key=lambda fit: (fit.score, -fit.distance)) for row in fits]
    return _fit(
        distance=0 if accepted else _FAR,
        allowance=0,
        score=min(fit.score for fit in best_per_part),
        rival=not accepted and any(fit.rival for fit in best_per_part),
    )


# Built once per question and cached, so identity is equality: hashing by value would
# hash every name they hold on each call.
@dataclass(frozen=True, slots=True, eq=False)
class _Asked:
    """What a question names itself: quoted titles and the catalogue's names in its text.

    Attributes:
        quoted: Compact forms of the question's quoted titles.
        names: Each named thing's forms with the alias groups it belongs to.
        words: The question's words, folded (a series it names: "Which Vostok ...?").
        original: Whether it asks for the original (Russian) title.
        context: Its words as written, which a player may repeat around an answer.
        in_passages: Folded words of names in a passage with a blank (not givens).
        numbers: The numbers it states, as digits ("only one is alive" states 1).
    """

    quoted: frozenset[str] = frozenset()
    names: tuple[tuple[NameForm, frozenset[int]], ...] = ()
    words: frozenset[str] = frozenset()
    original: bool = False
    context: frozenset[str] = frozenset()
    in_passages: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()


_NOTHING_ASKED = _Asked()


@dataclass(frozen=True, slots=True, eq=False)
class _Target:
    """One accepted answer (or one person of several) as the judge compares it.

    Attributes:
        answer: The accepted answer as written.
        forms: Its names, aliases included, less any the question itself quotes.
        groups: The alias groups it belongs to (its own names are never rivals).
        rivals: Names the question uses for something else; nearer to them is wrong.
        numbered: Numbers of its names whose words the question says ("Which Vostok
            ...?": "6" is "Vostok 6").
        by_letters: Whether only letters can make an attempt fit it: no number or date
            among its names (see `_may_accept`).
        entity: The compact forms of its names: answers with the same are one entity.
        probes: For `_may_accept`, the strings of its names an attempt may be accepted
            within, each with the widest allowance it is given; `probe_reach` the widest,
            `probe_keys` the strings alone.
        by_numbers: Whether every one of its names has a number, and it is no character:
            an attempt with no number or date fits it only as a number word with a slip.
    """

    answer: str
    forms: tuple[NameForm, ...]
    groups: frozenset[int]
    rivals: tuple[NameForm, ...]
    numbered: frozenset[tuple[str, ...]] = frozenset()
    compacts: frozenset[str] = frozenset()
    character: bool = False
    words: frozenset[str] = frozenset()
    series: frozenset[str] = frozenset()
    by_letters: bool = False
    entity: frozenset[str] = frozenset()
    probes: Mapping[str, int] = field(default_factory=dict)
    probe_reach: int = 0
    probe_keys: tuple[str, ...] = ()
    by_numbers: bool = False


@functools.lru_cache(maxsize=4096)
def _readings(text: str) -> tuple[NameForm, ...]:
    """A candidate as written and without topic words ("the planet Venus" is "Venus")."""
    readings = dict.fromkeys((text, strip_filler(text), without_repeats(text)))
    return tuple({form.compact: form for form in map(name_form, readings)}.values())


@functools.lru_cache(maxsize=4096)
def _accepted_forms(aliases: AliasIndex, answer: str) -> tuple[NameForm, ...]:
    """An answer and every alias of it, once each, in comparable form."""
    names = (answer, *aliases.names_in(aliases.groups_of(answer)))
    forms: dict[str, NameForm] = {}
    for form in map(aliases.form_of, names):
        forms.setdefault(form.compact, form)  # the answer as written first
    return tuple(forms.values())


_QUOTED = re.compile(
    r"[\"\u201c\u201e\u00ab]([^\"\u201c\u201d\u201e\u00ab\u00bb]{1,120})[\"\u201d\u201c\u00bb]"
)
_BLANK = "___"
_ORIGINAL = re.compile(r"\b(?:original|russian|soviet)\s+(?:title|name)|\bin\s+russian\b", re.I)
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_INNER_CAPITAL = re.compile(r"(?<=[\w,;:)] )([A-Z\u0400-\u042f][\w'-]+)")
_LONGEST_NAME_WORDS = 8


@functools.lru_cache(maxsize=1024)
def _asked(aliases: AliasIndex, question: str) -> _Asked:
    """Read what a question names: its quoted titles, and catalogue names in its words."""
    quoted = [span for span in _QUOTED.findall(question) if _BLANK not in span]
    names: dict[str, tuple[NameForm, frozenset[int]]] = {}
    for span in quoted:
        form = name_form(span)
        names[form.compact] = (form, aliases.groups_of(span))
    words = [fold_spelling(word) for word in read_words(clean(question))]
    named: set[int] = set()
    for start in range(len(words)):
        for _, joined in aliases.keys_from(words, start):
            named |= aliases.groups_of_key(joined)
    for group in named:
        for name in aliases.groups[group]:
            form = aliases.form_of(name)
            names.setdefault(form.compact, (form, frozenset({group})))
    for first, second in itertools.pairwise(words):
        if first in given_names() and second.isalpha():
            # A person the catalogue may not know: "... by Boris Strugatsky and whom?"
            form = name_form(f"{first} {second}")
            names.setdefault(form.compact, (form, aliases.groups_of_key(form.compact)))
    quoted_keys = frozenset(name_form(span).compact for span in quoted)
    # A name in a passage with a blank is a place the blank is not ("They land on one of
    # _____' moons, Phobos"): saying it beside the answer is a second answer, not context.
    passages = [span for span in _QUOTED.findall(question) if _BLANK in span]
    alternatives = {word for passage in passages for word in _named_words(aliases, passage)}
    return _Asked(
        quoted=quoted_keys - {""},
        names=tuple(names.values()),
        words=frozenset(words),
        original=bool(_ORIGINAL.search(question)),
        context=frozenset(read_words(clean(question))) - alternatives,
        in_passages=frozenset(fold_spelling(word) for word in alternatives),
        numbers=frozenset(n for n in read_numbers(read_words(clean(question))) if n.isdigit()),
    )


def _named_words(aliases: AliasIndex, text: str) -> set[str]:
    """The words of a text that belong to a catalogue name or a person's name in it."""
    raw = read_words(clean(text))
    folded = [fold_spelling(word) for word in raw]
    found: set[str] = set()
    for start in range(len(raw)):
        for end, joined in aliases.keys_from(folded, start):
            if aliases.groups_of_key(joined):
                found.update(raw[start:end])
        if folded[start] in given_names() and start + 1 < len(raw):
            found.update(raw[start : start + 2])
    # A capitalised word inside a sentence is a name even when no catalogue knows it.
    for match in _INNER_CAPITAL.finditer(text):
        found.update(read_words(clean(match[1])))
    return found


@functools.lru_cache(maxsize=4096)
def _target(aliases: AliasIndex, answer: str, asked: _Asked) -> _Target:
    """An answer's accepted forms and rivals for one question.

    A title the question quotes is not an answer to it even when it names the same film
    ("Which film is also known as 'Mechte Navstrechu'?"): it is taken out of the accepted
    forms (unless nothing would be left) and made a rival, so near repetitions fail too.
    """
    forms = _accepted_forms(aliases, answer)
    kept = tuple(form for form in forms if form.compact not in asked.quoted) or forms
    groups = aliases.groups_of(answer)
    if asked.original and len(kept) < len(forms):
        # "The original title of 'The Sky Calls'": the Russian title, however spelt.
        names = aliases.names_in(groups)
        russian = {aliases.form_of(name).compact for name in names if _CYRILLIC.search(name)}
        russian.add(name_form(answer).compact)
        kept = tuple(form for form in kept if form.compact in russian) or kept
    own = {form.compact for form in kept}
    rivals = tuple(
        form
        for form, named in asked.names
        if form.compact not in own and (form.compact in asked.quoted or not named & groups)
    )
    numbered = frozenset(
        form.numbers
        for form in kept
        if form.numbers
        and not form.dates
        and all(is_number(w) or w in asked.words for w in form.words)
    )
    compacts = frozenset(form.compact for form in kept if not form.numbers)
    character = bool(groups & aliases.characters)
    names = (answer, *aliases.names_in(groups))
    words = frozenset().union(*map(_plain_words, names)) - ARTICLES
    series = _SERIES_WORDS | asked.words if numbered else frozenset()
    by_letters = not any(form.numbers or form.dates for form in kept)
    probes = _probes(kept, character=character) if by_letters else {}
    by_numbers = not character and all(form.numbers for form in kept)
    return _Target(
        answer,
        kept,
        groups,
        rivals,
        numbered,
        compacts,
        character,
        words,
        series,
        by_letters,
        frozenset(form.compact for form in kept),
        MappingProxyType(probes),
        max(probes.values(), default=0),
        tuple(probes),
        by_numbers,
    )


@functools.lru_cache(maxsize=4096)
def _answer_targets(aliases: AliasIndex, answer: str, asked: _Asked) -> tuple[_Target, ...]:
    """An answer's people (one target unless it lists several "X and Y"), once per question."""
    parts = _ANSWER_PARTS.split(answer.strip())
    if len(parts) > MAX_PARTS:
        parts = [answer]
    return tuple(_target(aliases, part, asked) for part in _with_surnames(parts))


@functools.lru_cache(maxsize=1024)
def _choice_forms(choices: tuple[str, ...]) -> tuple[NameForm, ...]:
    """The options' comparable forms, kept with the question (not among messages' forms)."""
    return tuple(name_form(choice) for choice in choices)


@functools.lru_cache(maxsize=4096)
def _plain_words(text: str) -> frozenset[str]:
    """Words of an answer or option, so hedge words that belong to it are not hedges."""
    return frozenset(read_words(clean(text)))


def _is_hedged(statement: str, answers: Iterable[str]) -> bool:
    """Whether a statement doubts, negates or offers alternatives ("X or Y", "not X")."""
    return _hedged_beside(_hedges(statement), answers)


def _hedges(statement: str) -> frozenset[str]:
    """The hedge words a statement says, read once for every answer it is compared with."""
    return HEDGE_WORDS.intersection(read_words(statement))


def _hedged_beside(hedges: frozenset[str], answers: Iterable[str]) -> bool:
    """Whether any of a statement's hedge words is no word of the given answers."""
    if not hedges:
        return False  # most statements: no hedge word at all
    left = set(hedges)
    for answer in answers:
        left -= _plain_words(answer)
    return bool(left)


def _polarity(answers: Sequence[str]) -> tuple[bool, str] | None:
    """The truth value a true/false question expects, with the answer that states it."""
    return _polarity_of(tuple(answers))


@functools.lru_cache(maxsize=1024)
def _polarity_of(answers: tuple[str, ...]) -> tuple[bool, str] | None:
    """`_polarity`, read once per question."""
    for answer in answers:
        words = read_words(clean(answer))
        if len(words) == 1 and words[0] in _POLAR_WORDS:
            return words[0] in _TRUE_WORDS, answer
    return None


def _judge_truth(claim: str, answers: Sequence[str]) -> Judgement:
    """Rule on a true/false attempt: one polarity, no negation, no alternatives."""
    expected = _truth_ruling(tuple(answers))
    if expected is None:
        return _REJECTED
    truth, right = expected
    if found := _LEADING_QUESTION.match(claim):
        claim = claim[found.end() :]  # anchored: one match at the start, or none
    if _truth_said(claim.strip(" .,!?")) is not truth:
        return _REJECTED
    return right


@functools.lru_cache(maxsize=1024)
def _truth_ruling(answers: tuple[str, ...]) -> tuple[bool, Judgement] | None:
    """The truth value a true/false question expects, with the ruling that accepts it."""
    expected = _polarity_of(answers)
    if expected is None:
        return None
    truth, answer = expected
    return truth, Judgement(accepted=True, matched=answer, score=100.0, close=False)


def _truth_said(statement: str) -> bool | None:
    """The truth value a statement gives, or None when it gives none or both.

    A negation turns the one word it governs ("not true" is false, "not false" true);
    alone it denies ("it isn't", "definitely not"); "or" offers both.
    """
    # Each word with its drawn-out last letter said once ("yesss", "nooo"): words here are
    # letters and digits only, so only the last letter can be drawn out.
    words = [word.rstrip(word[-1:]) + word[-1:] for word in read_words(statement)]
    if _TF_ALTERNATIVES.intersection(words):
        return None
    strong = [w for w in words if w in _POLAR_WORDS if w not in _WEAK]
    if strong and len(strong) < len([w for w in words if w in _POLAR_WORDS]):
        words = [word for word in words if word not in _WEAK]  # "I'm sure it's false"
    said = {word in _TRUE_WORDS for word in words if word in _POLAR_WORDS}
    negations = [i for i, word in enumerate(words) if word in _TF_NEGATIONS]
    if not negations:
        if not said and _AFFIRMED.fullmatch(statement):
            return True  # "it is", "it was"
        return said.pop() if len(said) == 1 else None
    polar = [i for i, word in enumerate(words) if word in _POLAR_WORDS]
    denials = [i for i in polar if words[i] in _DENIALS]
    if len(polar) == 1 and polar[0] > negations[0] and not denials:
        return words[polar[0]] not in _TRUE_WORDS  # "not true", "that's not right"
    if len(polar) == len(denials) and (
        polar or _DENIED.match(statement) or set(words) <= _TF_NEGATIONS | _DENIAL_FILLER
    ):
        return False  # "no it's not", "it isn't", "definitely not", "I don't think so"
    return None


def _ruling(fit: _Fit, matched: str) -> Judgement:
    """Turn a fit into a judgement; a near miss is close unless it named another entity."""
    if fit.accepted:
        return Judgement(accepted=True, matched=matched, score=fit.score, close=False)
    close = not fit.rival and fit.score >= CLOSE_SCORE
    return Judgement(accepted=False, matched=None, score=fit.score, close=close)


def _rank(judgement: Judgement) -> tuple[bool, float]:
    """Order judgements: accepted first, then by score."""
    return judgement.accepted, judgement.score


@dataclass(frozen=True, slots=True)
class Judge:
    """A judge that knows the given alias groups; the entry points build one and pass it on.

    Attributes:
        aliases: Which names denote the same entity, and which are other entities.
    """

    aliases: AliasIndex = field(default_factory=AliasIndex)

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue) -> Judge:
        """A judge whose aliases are every entity's names in a reference catalogue.

        Args:
            catalogue: Shipped references, merged with a host's own files or not.

        Returns:
            The judge.
        """
        entities = catalogue.entities.values()
        groups = [entity.names for entity in entities]
        return cls(AliasIndex.from_groups(groups, [entity.kind for entity in entities]))

    def judge(
        self,
        attempt: str,
        answers: Sequence[str],
        *,
        kind: Kind = "open",
        choices: Sequence[str] | None = None,
        question: str | None = None,
    ) -> Judgement:
        """Rule on a player's message the way a careful quiz host would.

        Args:
            attempt: The raw chat message, any length and any Unicode.
            answers: Accepted answers. People asked for together are one string joined with
                " and ". For multiple choice: the correct letter and/or option text.
            kind: ``"open"``, ``"true_false"`` or ``"multiple_choice"``.
            choices: Multiple-choice options, lettered A, B, C, ... in order.
            question: The question as asked. With it, repeating what the question itself
                names (the title it quotes, the co-director it gives) is not an answer.

        Returns:
            The judgement; never raises for any input text. Its cost is bounded: messages
            and answers are cut to fixed lengths and no step grows faster than the square
            of the number of people an answer lists.
        """
        if len(attempt) > MAX_MESSAGE_CHARS:
            return _REJECTED
        visible = strip_markup(drop_quoted_lines(attempt) if ">" in attempt else attempt)
        if len(visible) > 2 * MAX_ANSWER_CHARS:
            return _REJECTED
        text = fold_text(visible)
        if len(text) > MAX_ANSWER_CHARS:
            return _REJECTED
        prepared = _prepared(self, tuple(answers), kind, tuple(choices or ()), question)
        key = text.translate(_KEY_DROP) if text[:1] not in "-+" else ""  # "-1" is no 1
        if (known := prepared.exact.get(key)) is not None:
            return known  # an accepted name or option as typed: no parsing needed
        if kind != "true_false":
            text = write_dates(text)  # "October fourth, 1957": one answer, not two clauses
        statement = final_statement(text)
        if kind == "true_false" and not _WORD.search(statement) and not attempt.isascii():
            statement = final_statement(fold_text(strip_markup(attempt.translate(_TRUTH_SYMBOLS))))
        if kind == "true_false":
            return _judge_truth(own_claim(statement, truth=True), answers)
        if is_chatter(text):
            return _REJECTED
        said, statement = statement, strip_filler(own_claim(statement), topic=False)
        if not statement:
            return _REJECTED
        asked = prepared.asked
        ruling = prepared.stated.get(statement)
        if ruling is None:
            ruling = self._rule_statement(statement, answers, kind, choices, asked)
        if not ruling.accepted or kind != "multiple_choice" or not choices:
            return ruling
        if self._brackets_other_option(said, ruling, choices, asked):
            return _REJECTED  # "C (Ikarie XB-1)": the bracket names another option
        return ruling

    def _rule_statement(
        self,
        statement: str,
        answers: Sequence[str],
        kind: Kind,
        choices: Sequence[str] | None,
        asked: _Asked,
    ) -> Judgement:
        """Rule on a message's statement: its own claim, filler read away.

        The ruling depends on the statement alone (given the question), so the rulings
        on statements that name an accepted answer or an option are made once per
        question (`_stated_answers`) and looked up.
        """
        if kind == "multiple_choice" and choices:
            return self._judge_choice(statement, answers, choices, asked)
        best, seen = _REJECTED, set()
        hedges = _hedges(statement)
        for answer in answers[:MAX_ANSWERS]:
            # Answers that are aliases of each other rule alike; judge each entity once.
            entity = _target(self.aliases, answer, asked).entity
            if entity in seen or _hedged_beside(hedges, [answer]):
                continue
            seen.add(entity)
            fit = self._fit_answer(statement, answer, asked)
            if (fit.accepted, fit.score) > _rank(best):  # the ruling's `_rank`; ties keep best
                best = _ruling(fit, answer)
                if best.accepted and best.score >= _FULL_SCORE:
                    break  # no other answer can rule better than accepted at full score
        if (
            best.accepted
            and len(answers) > 1
            and self._names_someone_else(statement, answers, asked)
        ):
            return _REJECTED
        return best

    def _names_someone_else(self, statement: str, answers: Sequence[str], asked: _Asked) -> bool:
        """Whether a first name or initial disagrees with the person the answers name in full.

        The answers "Roger Corman" and "Corman": "G. Corman" fits the surname alone, but
        the full name says G. is someone else.
        """
        said = name_form(statement)
        first = said.words[0] if len(said.words) == 2 else ""
        if not said.person and (len(first) < 2 or first in CHAT_WORDS or first in _TITLES):
            return False
        people = _full_first_names(
            [
                form
                for answer in answers[:MAX_ANSWERS]
                for form in _target(self.aliases, answer, asked).forms
                if form.person and len(form.words) > 1 and form.words[-1] == said.words[-1]
            ]
        )
        return bool(people) and not any(_fit_name(said, form).accepted for form in people)

    def _fit_answer(self, statement: str, answer: str, asked: _Asked) -> _Fit:
        """Fit a statement to an answer that may name several people ("X and Y")."""
        targets = _answer_targets(self.aliases, answer, asked)
        candidates = _with_surnames(split_candidates(statement))
        if len(targets) > 1 and len(candidates) == 1 and _names_family(candidates[0], targets):
            return _EXACT  # "the Strugatskys" for "Arkady and Boris Strugatsky"
        if len(candidates) > len(targets) and asked.names:
            # Naming what the question already names as well is no second guess.
            candidates = [text for text in candidates if not self._is_asked(text, targets, asked)]
        if len(targets) == 1:
            # One candidate, or a title with punctuation in it ("Ku! Kin-dza-dza").
            text = candidates[0] if len(candidates) == 1 else statement
            fit = self._fit_part(text, targets[0])
            if fit.accepted or fit.rival:
                return fit
            target = targets[0]
            plain = frozenset() if any(f.numbers for f in target.forms) else PLAIN_CHAT_WORDS
            for span in answer_spans(statement, asked.context, target.words, plain)[:MAX_SPANS]:
                # The answer among chat ("omg venus fr", "going with Venus").
                if not _may_accept(span, target):
                    continue
                found = self._fit_part(span, targets[0])
                if found.accepted:
                    return found
            if asked.numbers and all(form.numbers for form in target.forms):
                # "two, but only one is alive": what the question says again is no answer.
                kept = without_restated(statement, asked.numbers)
                if kept != statement:
                    return _better(fit, self._fit_answer(kept, answer, asked))
            return _better(fit, self._fit_with_remarks(statement, target, asked))
        if len(candidates) == 1 and len(targets) == 2:
            # "karyukov koberidze": every cut of the words into two names, either order.
            words = candidates[0].split()[:MAX_SPLIT_WORDS]
            best = _MISS
            for cut in range(1, len(words)):
                split = (" ".join(words[:cut]), " ".join(words[cut:]))
                fits = [[self._fit_part(text, target) for text in split] for target in targets]
                best = _better(best, _assign(fits))
            return best
        if len(candidates) != len(targets):
            return _MISS
        return _assign(
            [[self._fit_part(text, target) for text in candidates] for target in targets]
        )

    def _fit_with_remarks(self, statement: str, target: _Target, asked: _Asked) -> _Fit:
        """The answer in one clause, remarks in the others ("Venus, I saw the film").

        A remark says something of its own (a pronoun or a verb among at least two words)
        and names nothing of the answer's kind that the question does not give: "Queen of
        Blood, directed by Curtis Harrington" is one answer, "Venus, Mars" two.
        """
        parts = clauses(statement)
        if not 2 <= len(parts) <= MAX_CLAUSES:
            return _MISS
        best = _MISS
        for part in parts:
            core = strip_filler(part, topic=False)
            if not core:
                continue
            fit = self._fit_part(core, target) if _may_accept(core, target) else _MISS
            if fit.accepted:
                best = _better(best, fit)
            elif fit.rival or not self._is_remark(core, target, asked):
                return _MISS
        return best

    def _is_remark(self, text: str, target: _Target, asked: _Asked) -> bool:
        """Whether a clause beside an answer only remarks on it (see `_fit_with_remarks`)."""
        words = read_words(text)
        if len(words) < 2 or not _REMARK_WORDS.intersection(words):
            return False
        if all(form.numbers for form in target.forms):
            own = {number for form in target.forms for number in form.numbers}
            if set(name_form(text).numbers) - own - asked.numbers:
                return False  # "2, there were 3 of them": another count
        given = {group for _, groups in asked.names for group in groups}
        kinds = {self.aliases.kinds[group] for group in target.groups} - {""}
        folded = [fold_spelling(word) for word in words]
        for start in range(len(folded)):
            for _, joined in self.aliases.keys_from(folded, start):
                for group in self.aliases.groups_of_key(joined):
                    if group in target.groups or group in given:
                        continue
                    if not kinds or self.aliases.kinds[group] in kinds | {""}:
                        return False  # something else of the answer's kind
        return True

    def _is_asked(self, text: str, targets: Sequence[_Target], asked: _Asked) -> bool:
        """Whether a candidate names something the question gives, and no part of the answer.

        A name in a passage with a blank is no given: it is what the blank is not.
        """
        forms = _readings(text)
        if any(
            _fit_name(form, name).accepted for form in forms for t in targets for name in t.forms
        ):
            return False
        return any(
            _within(form, rival, 0)
            for form in forms
            for t in targets
            for rival in t.rivals
            if not rival.words or rival.words[-1] not in asked.in_passages
        )

    def _fit_part(self, text: str, target: _Target, rivals: Sequence[NameForm] = ()) -> _Fit:
        """Fit one candidate to one answer, its aliases, and against rival names."""
        best, closest = _MISS, name_form(text)
        readings = _readings(text)
        exact = next((form for form in readings if form.compact in target.compacts), None)
        if exact is not None:
            best, closest = _EXACT, exact  # the common case: no fuzzy comparison at all
        elif len(closest.spelt) == 1 and len(closest.words) == 1:
            # A number word with one slip ("sevn", "thrd") for a number: the number it misses.
            numbers = {f.numbers[0] for f in target.forms if len(f.words) == len(f.numbers) == 1}
            if numbers and slipped_number(closest.spelt[0]) in numbers:
                return _fit(distance=1, allowance=1, score=fuzz.ratio(text, min(numbers)))
        for attempt in readings if exact is None else ():
            numbered = target.numbered and attempt.numbers in target.numbered
            if numbered and all(is_number(w) or w in target.series for w in attempt.words):
                return _EXACT  # "6", "number six" for "Which Vostok mission ...?"
            for name in target.forms:
                fit = _fit_name(attempt, name)
                # Strictly better only: the first reading (as written) wins a tie, so
                # "A. Strugatsky" is not judged as the bare "Strugatsky".
                # (`_rank_fit` of each, written out.)
                if (not fit.accepted, fit.distance, -fit.score) < (
                    not best.accepted,
                    best.distance,
                    -best.score,
                ):
                    best, closest = fit, attempt
        if not best.accepted:
            return _better(best, self._fit_given_name(closest, target))
        if _gives_first_name(closest, target) and _other_first_name(closest, target):
            return _fit(best.distance, best.allowance, best.score, rival=True)
        # A name the question or the other options use is as near: it names something else.
        if any(_within(closest, rival, best.distance) for rival in (*rivals, *target.rivals)) or (
            best.distance > 0
            and self.aliases.has_rival(closest.compact, target.groups, best.distance)
        ):
            return _fit(best.distance, best.allowance, best.score, rival=True)
        return best

    def _fit_given_name(self, attempt: NameForm, target: _Target) -> _Fit:
        """A given name where it says who is meant.

        "Nadya Zorina" for the listed "Nadya", or "Arkady" when the question itself names
        Boris Strugatsky.
        """
        words = attempt.words
        for name in target.forms:
            first = len(name.words) == 1 and name.words[0] in given_names()
            full = first and len(words) == 2 and words[1].isalpha()
            if full and words[0] == name.words[0] and not self._someone_else(attempt):
                return _EXACT
            if name.person and len(words) == 1 and _word_fits(words[0], name.words[0], False):
                surname = name.words[-1]
                if any(r.person and r.words[-1] == surname for r in target.rivals):
                    return _EXACT
            if target.character and len(words) == 1 and len(name.words) > 1:
                # A character goes by a first name ("Andrei"), unless the question names
                # someone else who shares it.
                shared = any(len(r.words) > 1 and r.words[0] == words[0] for r in target.rivals)
                if words[0] == name.words[0] and not shared:
                    return _EXACT
        return _MISS

    def _someone_else(self, attempt: NameForm) -> bool:
        """Whether "First Surname" gives the surname of someone known by another name.

        "Tanya Gordeichik" does (Gordeichik is Larisa); "Yuri Gagarin" names someone known.
        """
        if self.aliases.groups_of_key(attempt.compact):
            return False
        for group in self.aliases.groups_of_key(attempt.words[-1]):
            for name in self.aliases.groups[group]:
                form = self.aliases.form_of(name)
                if form.person and form.words[0] != attempt.words[0]:
                    return True
        return False

    def _brackets_other_option(
        self, said: str, ruling: Judgement, choices: Sequence[str], asked: _Asked
    ) -> bool:
        """Whether a bracket in a message names an option other than the one it picked."""
        if "(" not in said:
            return False
        for inside in _BRACKETED.findall(said):
            core = strip_filler(inside.strip(), topic=False)
            picked = self._read_choice(core, choices, asked) if core else None
            if picked is not None and choices[picked] != ruling.matched:
                return True
        return False

    def _judge_choice(
        self, statement: str, answers: Sequence[str], choices: Sequence[str], asked: _Asked
    ) -> Judgement:
        """Rule on a multiple-choice attempt: a letter, the option text, or both agreeing."""
        correct = self._correct_choice(answers, choices)
        if correct is None or _is_hedged(statement, [*answers, *choices]):
            return _REJECTED
        picked = self._read_choice(statement, choices, asked)
        # The options' own words are never context: naming two options is two answers.
        words = _choice_words(tuple(choices))
        context = asked.context - words
        spans = answer_spans(statement, context, words) if picked is None else []
        for span in spans[:MAX_SPANS]:
            picked = self._read_choice(span, choices, asked)
            if picked is not None:
                break
        if picked != correct:
            return _REJECTED
        return Judgement(accepted=True, matched=choices[correct], score=100.0, close=False)

    def _correct_choice(self, answers: Sequence[str], choices: Sequence[str]) -> int | None:
        """Index of the correct option, from a letter or the option text in ``answers``."""
        return _correct_choice(self, tuple(answers), tuple(choices))

    def _find_correct_choice(self, answers: Sequence[str], choices: Sequence[str]) -> int | None:
        """`_correct_choice` before caching."""
        for answer in answers:
            picked = self._read_choice(clean(answer), choices)
            if picked is not None:
                return picked
        return None

    def _read_choice(
        self, statement: str, choices: Sequence[str], asked: _Asked = _NOTHING_ASKED
    ) -> int | None:
        """Which option a statement picks, or None when it picks none or several."""
        letters = "abcdefghijklmnopqrstuvwxyz"[: len(choices)]
        if only := _LETTER_ONLY.fullmatch(statement):
            return letters.find(only[1]) if only[1] in letters else None
        place = _POSITION.fullmatch(statement)
        numeric = place is not None and all(choice.strip().isdigit() for choice in choices)
        said_position = place is not None and bool(place["noun"] or place["hash"])
        if place and numeric and not said_position:
            word = place["word"] or place["word2"]
            value = "" if word == "last" else read_numbers([word])[0]
            if not any(choice.strip().lstrip("0") == value for choice in choices):
                said_position = True  # "2" or "second" among years: no option has that value
            elif not place[0].isdigit():
                return None  # "second" for options 5, 1, 2, 4: the value or the place?
        if place and not (numeric and not said_position):
            # "the third one", "option 3", "2": a position, unless the options are numbers
            # and nothing says a position is meant ("third" for options 1, 2, 3, 4).
            word = place["word"] or place["word2"]
            index = len(choices) - 1 if word == "last" else int(read_numbers([word])[0]) - 1
            return index if 0 <= index < len(choices) else None
        if first := _LETTER_FIRST.fullmatch(statement):
            letter, text = first[1], first[2]
        elif ("(" in statement or "[" in statement) and (last := _LETTER_LAST.fullmatch(statement)):
            text, letter = last[1], last[2]
        else:
            by_text = self._pick_option(statement, choices, asked)
            bare = _LETTER_BARE.fullmatch(statement) or (
                _LETTER_TRAILING.fullmatch(statement) if _ends_in_letter(statement) else None
            )
            if bare is None or bare["letter"] not in letters:
                return by_text
            if by_text is not None and _starts_with(choices[by_text], bare["letter"]):
                return by_text  # "a dream come true" names an option; it picks no letter
            letter, text = bare["letter"], bare["text"]
        by_text = self._pick_option(text, choices, asked)
        return by_text if letter in letters and letters.find(letter) == by_text else None

    def _pick_option(
        self, text: str, choices: Sequence[str], asked: _Asked = _NOTHING_ASKED
    ) -> int | None:
        """The one option the text names, with the other options as rivals."""
        exact = _option_keys(self, tuple(choices), asked)
        for form in _readings(text):
            if (index := exact.get(form.compact)) is not None:
                return index
        forms = _choice_forms(tuple(choices))
        for index, choice in enumerate(choices):
            rivals = [*forms[:index], *forms[index + 1 :]]
            target = _target(self.aliases, choice, asked)
            if _may_accept(text, target) and self._fit_part(text, target, rivals).accepted:
                return index
        return None


def _ends_in_letter(statement: str) -> bool:
    """Whether a statement ends in a lone letter after a space or comma ("the dog, c")."""
    before = statement[-2:-1]
    return statement[-1:] in _LOWER and (before.isspace() or before == ",")


_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def _starts_with(choice: str, letter: str) -> bool:
    """Whether an option's text begins with a one-letter word ("A Dream Come True")."""
    words = clean(choice).split()
    return bool(words) and words[0] == letter


@functools.lru_cache(maxsize=1024)
def _choice_words(choices: tuple[str, ...]) -> frozenset[str]:
    """Every word of the options."""
    return frozenset(word for choice in choices for word in read_words(clean(choice)))


@functools.lru_cache(maxsize=1024)
def _option_keys(judge: Judge, choices: tuple[str, ...], asked: _Asked) -> dict[str, int]:
    """Each option's names, compacted, that name that option and no other."""
    owners: dict[str, set[int]] = {}
    for index, choice in enumerate(choices):
        for form in _target(judge.aliases, choice, asked).forms:
            owners.setdefault(form.compact, set()).add(index)
    return {key: found.pop() for key, found in owners.items() if len(found) == 1 and key}


@functools.lru_cache(maxsize=1024)
def _correct_choice(judge: Judge, answers: tuple[str, ...], choices: tuple[str, ...]) -> int | None:
    """The correct option of a question, read once per question."""
    return judge._find_correct_choice(answers, choices)


_BRACKETED = re.compile(r"\(([^()]{1,160})\)")
# What a plain answer keeps for the exact look-up: letters and digits only.
_KEY_DROP = str.maketrans("", "", " .,!?;:\"'()[]{}<>-_*~|`")


@functools.lru_cache(maxsize=1024)
def _exact_answers(
    judge: Judge,
    answers: tuple[str, ...],
    kind: str,
    choices: tuple[str, ...],
    question: str | None,
) -> dict[str, Judgement]:
    """Rulings on answers typed exactly, for one question (built once, then looked up).

    Most messages are a name, an option or a letter as written; each maps straight to the
    ruling the full judge gives it. Anything else is judged in full.
    """
    asked = _asked(judge.aliases, question[:MAX_QUESTION_CHARS]) if question else _NOTHING_ASKED
    table: dict[str, Judgement] = {}
    if kind == "true_false":
        expected = _polarity(answers)
        if expected is not None:
            truth, answer = expected
            right = Judgement(accepted=True, matched=answer, score=100.0, close=False)
            for word in _POLAR_WORDS:
                table[word] = right if (word in _TRUE_WORDS) == truth else _REJECTED
        return table
    if kind == "multiple_choice" and choices:
        correct = judge._correct_choice(list(answers), list(choices))
        if correct is None:
            return table
        keys: dict[str, set[int]] = {}
        for index, choice in enumerate(choices):
            keys.setdefault("abcdefghijklmnopqrstuvwxyz"[index], set()).add(index)
            for key in _name_keys(judge.aliases, choice, asked):
                keys.setdefault(key, set()).add(index)
        chosen = Judgement(accepted=True, matched=choices[correct], score=100.0, close=False)
        for key, picked in keys.items():
            if len(picked) == 1:
                table[key] = chosen if picked == {correct} else _REJECTED
        return table
    for answer in reversed(answers[:MAX_ANSWERS]):
        for key in _name_keys(judge.aliases, answer, asked):
            table[key] = Judgement(accepted=True, matched=answer, score=100.0, close=False)
    return table


class _Prepared(NamedTuple):
    """What the judge reads once per question: its look-up tables and what it names."""

    exact: Mapping[str, Judgement]
    stated: Mapping[str, Judgement]
    asked: _Asked


@functools.lru_cache(maxsize=1024)
def _prepared(
    judge: Judge,
    answers: tuple[str, ...],
    kind: Kind,
    choices: tuple[str, ...],
    question: str | None,
) -> _Prepared:
    """`_exact_answers`, `_stated_answers` and `_asked` of a question, looked up as one."""
    asked = _asked(judge.aliases, question[:MAX_QUESTION_CHARS]) if question else _NOTHING_ASKED
    return _Prepared(
        _exact_answers(judge, answers, kind, choices, question),
        _stated_answers(judge, answers, kind, choices, question),
        asked,
    )


@functools.lru_cache(maxsize=1024)
def _stated_answers(
    judge: Judge,
    answers: tuple[str, ...],
    kind: Kind,
    choices: tuple[str, ...],
    question: str | None,
) -> dict[str, Judgement]:
    """Rulings on statements that are an accepted name or an option, for one question.

    A message often gives the answer among filler or chat ("i think it's venus lol"):
    once that is read away, its statement is the name as it would be typed alone. Each
    such statement is ruled by `Judge._rule_statement` when the question is first
    judged, so those messages are looked up. The table's rulings are the full judge's.
    """
    if kind == "true_false":
        return {}
    asked = _asked(judge.aliases, question[:MAX_QUESTION_CHARS]) if question else _NOTHING_ASKED
    listed = [*choices, *answers] if kind == "multiple_choice" else [*answers]
    names = [*_LETTERS[: len(choices)]] if kind == "multiple_choice" else []
    names += listed
    for name in listed[:MAX_ANSWERS]:
        names += judge.aliases.names_in(judge.aliases.groups_of(name))
    table: dict[str, Judgement] = {}
    for name in dict.fromkeys(names):
        statement = _statement_of(name)
        if statement and statement not in table:
            table[statement] = judge._rule_statement(statement, answers, kind, choices, asked)
            if len(table) == _MOST_STATED:
                break
    return table


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Statements ruled ahead per question: the letters, options and answers first, then aliases.
_MOST_STATED = 16


def _statement_of(name: str) -> str:
    """The statement `Judge.judge` reads out of a name typed alone ("" when none)."""
    text = clean(name)
    if len(text) > MAX_ANSWER_CHARS or is_chatter(text):
        return ""
    return strip_filler(own_claim(final_statement(write_dates(text))), topic=False)


def _name_keys(aliases: AliasIndex, answer: str, asked: _Asked) -> set[str]:
    """The plain keys of an answer's accepted names, as `_exact_answers` looks them up."""
    forms = {form.compact for form in _target(aliases, answer, asked).forms}
    names = (answer, *aliases.names_in(aliases.groups_of(answer)))
    keys = {
        fold_text(strip_markup(name)).translate(_KEY_DROP)
        for name in names
        if aliases.form_of(name).compact in forms and not _JOINED_DIGITS.search(name)
    }
    return keys - {""}


# Digits either side of a mark ("3.5", "4/10/1957") would run together in a plain key:
# "35" is not "3.5". Such names are judged in full; thousands ("10,000") keep their key.
_JOINED_DIGITS = re.compile(r"\d[.,/:-](?!\d{3}(?!\d))\d")
