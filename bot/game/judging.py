"""Judge a player's chat message against a question's accepted answers.

`judge_answer` is the one entry point the game uses. It rules like a careful quiz host:
formatting, spelling systems and filler do not matter, typos are forgiven in proportion
to the answer's length, numbers are exact, and hedges or other known names are wrong.
Knowledge of alternative names comes from an injected `AliasIndex`.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.game.normalising import (
    HEDGE_WORDS,
    NameForm,
    clean,
    final_statement,
    fold_text,
    is_chatter,
    name_form,
    read_words,
    split_candidates,
    strip_filler,
    strip_markup,
)
from questions.catalogue import load_default_catalogue
from questions.errors import QuestionGenError

log = logging.getLogger(__name__)

Kind = Literal["open", "true_false", "multiple_choice"]

# Discord allows 4,000 characters; no answer needs a quarter of that, so longer messages
# are refused before any parsing, and visible text is bounded again before fuzzy matching.
MAX_MESSAGE_CHARS = 1000
MAX_ANSWER_CHARS = 160
CLOSE_SCORE = 75.0
_FAR = 1_000
# Word lists are written as prose and split once; they read better than quoted lists.
_TRUE_WORDS_TEXT = "t true yes y yep yeah yup correct right aye"
_FALSE_WORDS_TEXT = "f false no n nope nah wrong incorrect untrue nay"
_TF_NEGATIONS_TEXT = "not isnt wasnt never neither nor or either dont doesnt"
_TRUE_WORDS = frozenset(_TRUE_WORDS_TEXT.split())
_FALSE_WORDS = frozenset(_FALSE_WORDS_TEXT.split())
_TF_NEGATIONS = frozenset(_TF_NEGATIONS_TEXT.split())
_LEADING_QUESTION = re.compile(r"^(?:isn'?t|wasn'?t|is|was)\s+it\b\s*")
_ANSWER_PARTS = re.compile(r"\s+and\s+", re.IGNORECASE)
_LETTER_ONLY = re.compile(r"[(\[]?([a-z])[)\].:]?")
_LETTER_FIRST = re.compile(r"[(\[]?([a-z])(?:[)\].:]|\s+-)\s*(.+)")
_LETTER_LAST = re.compile(r"(.+?)\s*[(\[]([a-z])[)\]]?")
_LETTER_BARE = re.compile(r"([a-z])\s+(.+)")


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


@dataclass(frozen=True, slots=True)
class _Fit:
    """How well an attempt fits one answer; accepted when ``distance <= allowance``."""

    distance: int
    allowance: int
    score: float
    rival: bool = False

    @property
    def accepted(self) -> bool:
        return self.distance <= self.allowance and not self.rival


_MISS = _Fit(distance=_FAR, allowance=0, score=0.0)


@dataclass(frozen=True, slots=True, eq=False)
class AliasIndex:
    """Immutable knowledge of which names denote the same entity.

    Each group lists one entity's names (film release titles, a person's spellings).
    Every name in an answer's group is accepted; a name of any other group is a rival.
    """

    groups: tuple[tuple[str, ...], ...] = ()
    _groups_by_key: Mapping[str, frozenset[int]] = field(default_factory=dict, repr=False)
    _keys: tuple[str, ...] = field(default=(), repr=False)

    @classmethod
    def from_groups(cls, groups: Iterable[Iterable[str]]) -> AliasIndex:
        """Build an index from alias groups, canonical name first.

        Args:
            groups: Each entity's names; a person's surname is also indexed on its own.

        Returns:
            The index.
        """
        frozen = tuple(group for group in (tuple(names) for names in groups) if group)
        by_key: dict[str, set[int]] = {}
        for number, group in enumerate(frozen):
            for name in group:
                form = name_form(name)
                keys = {form.compact, form.words[-1]} if form.person else {form.compact}
                for key in keys - {""}:
                    by_key.setdefault(key, set()).add(number)
        return cls(
            groups=frozen,
            _groups_by_key={key: frozenset(ids) for key, ids in by_key.items()},
            _keys=tuple(by_key),
        )

    def groups_of(self, name: str) -> frozenset[int]:
        """Numbers of the groups that list a name (compared after normalising)."""
        return self._groups_by_key.get(name_form(name).compact, frozenset())

    def names_in(self, numbers: Iterable[int]) -> tuple[str, ...]:
        """All names in the given groups."""
        return tuple(name for number in sorted(numbers) for name in self.groups[number])

    def has_rival(self, compact: str, own: frozenset[int], within: int) -> bool:
        """Whether a name outside ``own`` is at most ``within`` edits from ``compact``."""
        near = process.extract(
            compact, self._keys, scorer=OSA.distance, score_cutoff=within, limit=None
        )
        return any(self._groups_by_key[key] - own for key, _, _ in near)


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


def _fit_strings(attempt: str, target: str) -> _Fit:
    """Edit distance and similarity of two compact strings."""
    return _Fit(
        distance=OSA.distance(attempt, target),
        allowance=allowed_edits(len(target)),
        score=fuzz.ratio(attempt, target),
    )


def _fit_name(attempt: NameForm, name: NameForm) -> _Fit:
    """How well an attempt fits one accepted name; numbers must agree exactly."""
    if attempt.numbers != name.numbers:
        return _MISS
    if name.numbers and len(name.numbers) == len(name.words):
        # A bare number: the words around it ("released in 1963") do not change it.
        return _Fit(distance=0, allowance=0, score=100.0)
    fit = _fit_strings(attempt.letters, name.letters)
    words = [word for word in name.words if not word.isdigit()]
    attempt_words = [word for word in attempt.words if not word.isdigit()]
    if fit.accepted and len(attempt_words) == len(words) > 1:
        # Word by word as well, so a short word cannot borrow a long word's allowance.
        fits = map(_fit_strings, attempt_words, words)
        if not all(word_fit.accepted for word_fit in fits):
            fit = _Fit(distance=fit.distance, allowance=-1, score=fit.score)
    if name.person and not fit.accepted:
        return _better(fit, _fit_person(attempt, name))
    return fit


def _fit_person(attempt: NameForm, name: NameForm) -> _Fit:
    """A person by surname alone, or by a first name (or initial) that agrees with theirs."""
    first, surname = name.words[0], name.words[-1]
    words = attempt.words
    if not words:
        return _MISS
    if len(words) == 1:
        return _fit_strings(words[0], surname)
    for given, family in ((words[0], words[-1]), (words[-1], words[0])):
        is_initial = len(given) == 1 and given == first[0]
        if is_initial or OSA.distance(given, first) <= allowed_edits(len(first)):
            fit = _fit_strings(family, surname)
            if fit.accepted:
                return fit
    return _MISS


def _better(one: _Fit, other: _Fit) -> _Fit:
    """The fit that rules in the player's favour, then the closer one."""
    key = (not one.accepted, one.distance, -one.score)
    return one if key <= (not other.accepted, other.distance, -other.score) else other


def _combine(fits: Sequence[_Fit]) -> _Fit:
    """A multi-part answer is right only when every part is."""
    accepted = all(fit.accepted for fit in fits)
    return _Fit(
        distance=0 if accepted else _FAR,
        allowance=0,
        score=min(fit.score for fit in fits),
        rival=any(fit.rival for fit in fits),
    )


@functools.lru_cache(maxsize=4096)
def _readings(text: str) -> tuple[NameForm, ...]:
    """A candidate as written and without topic words ("the planet Venus" is "Venus")."""
    return tuple(
        {form.compact: form for form in map(name_form, (text, strip_filler(text)))}.values()
    )


@functools.lru_cache(maxsize=4096)
def _accepted_forms(aliases: AliasIndex, answer: str) -> tuple[NameForm, ...]:
    """An answer and every alias of it, once each, in comparable form."""
    names = (answer, *aliases.names_in(aliases.groups_of(answer)))
    return tuple({form.compact: form for form in map(name_form, names)}.values())


@functools.lru_cache(maxsize=4096)
def _plain_words(text: str) -> frozenset[str]:
    """Words of an answer or option, so hedge words that belong to it are not hedges."""
    return frozenset(read_words(clean(text)))


def _is_hedged(statement: str, answers: Iterable[str]) -> bool:
    """Whether a statement doubts, negates or offers alternatives ("X or Y", "not X")."""
    hedges = set(read_words(statement)) & HEDGE_WORDS
    for answer in answers:
        hedges -= _plain_words(answer)
    return bool(hedges)


def _polarity(answers: Sequence[str]) -> tuple[bool, str] | None:
    """The truth value a true/false question expects, with the answer that states it."""
    for answer in answers:
        words = read_words(clean(answer))
        if len(words) == 1 and words[0] in _TRUE_WORDS | _FALSE_WORDS:
            return words[0] in _TRUE_WORDS, answer
    return None


def _judge_truth(text: str, answers: Sequence[str]) -> Judgement:
    """Rule on a true/false attempt: one polarity, no negation, no alternatives."""
    expected = _polarity(answers)
    statement = _LEADING_QUESTION.sub("", final_statement(text))
    words = set(read_words(statement))
    if expected is None or words & _TF_NEGATIONS:
        return _REJECTED
    said = {word in _TRUE_WORDS for word in words & (_TRUE_WORDS | _FALSE_WORDS)}
    truth, answer = expected
    if said != {truth}:
        return _REJECTED
    return Judgement(accepted=True, matched=answer, score=100.0, close=False)


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
    """A judge that knows the given alias groups; `judge_answer` uses the default one.

    Attributes:
        aliases: Which names denote the same entity, and which are other entities.
    """

    aliases: AliasIndex = field(default_factory=AliasIndex)

    def judge(
        self,
        attempt: str,
        answers: Sequence[str],
        *,
        kind: Kind = "open",
        choices: Sequence[str] | None = None,
    ) -> Judgement:
        """Rule on an attempt; see `judge_answer` for the contract."""
        if len(attempt) > MAX_MESSAGE_CHARS:
            return _REJECTED
        visible = strip_markup(attempt)
        if len(visible) > 2 * MAX_ANSWER_CHARS:
            return _REJECTED
        text = fold_text(visible)
        if len(text) > MAX_ANSWER_CHARS:
            return _REJECTED
        if kind == "true_false":
            return _judge_truth(text, answers)
        if is_chatter(text):
            return _REJECTED
        statement = strip_filler(final_statement(text), topic=False)
        if kind == "multiple_choice" and choices:
            return self._judge_choice(statement, answers, choices)
        best, seen = _REJECTED, set()
        for answer in answers:
            # Answers that are aliases of each other rule alike; judge each entity once.
            entity = frozenset(form.compact for form in _accepted_forms(self.aliases, answer))
            if entity in seen or _is_hedged(statement, [answer]):
                continue
            seen.add(entity)
            best = max(best, _ruling(self._fit_answer(statement, answer), answer), key=_rank)
        return best

    def _fit_answer(self, statement: str, answer: str) -> _Fit:
        """Fit a statement to an answer that may name several people ("X and Y")."""
        parts = _ANSWER_PARTS.split(answer.strip())
        candidates = split_candidates(statement)
        if len(parts) == 1:
            # One candidate, or a title with punctuation in it ("Ku! Kin-dza-dza").
            return self._fit_part(candidates[0] if len(candidates) == 1 else statement, parts[0])
        if len(candidates) == 1 and len(parts) == 2:
            words = candidates[0].split()
            candidates_by_split = [
                [" ".join(words[:cut]), " ".join(words[cut:])] for cut in range(1, len(words))
            ]
        elif len(candidates) == len(parts):
            candidates_by_split = [candidates]
        else:
            return _MISS
        best = _MISS
        for split in candidates_by_split:
            for order in itertools.permutations(split):
                fits = [self._fit_part(text, part) for text, part in zip(order, parts, strict=True)]
                best = _better(best, _combine(fits))
        return best

    def _fit_part(self, text: str, answer: str, rivals: Sequence[str] = ()) -> _Fit:
        """Fit one candidate to one answer, its aliases, and against rival names."""
        best, closest = _MISS, name_form(text)
        for attempt in _readings(text):
            for name in _accepted_forms(self.aliases, answer):
                fit = _fit_name(attempt, name)
                if _better(fit, best) is fit and fit is not best:
                    best, closest = fit, attempt
        if not best.accepted or best.distance == 0:
            return best
        rival_fits = (_fit_name(closest, name_form(rival)) for rival in rivals)
        if any(fit.distance <= best.distance for fit in rival_fits) or self.aliases.has_rival(
            closest.compact, self.aliases.groups_of(answer), best.distance
        ):
            return _Fit(best.distance, best.allowance, best.score, rival=True)
        return best

    def _judge_choice(
        self, statement: str, answers: Sequence[str], choices: Sequence[str]
    ) -> Judgement:
        """Rule on a multiple-choice attempt: a letter, the option text, or both agreeing."""
        correct = self._correct_choice(answers, choices)
        if correct is None or _is_hedged(statement, [*answers, *choices]):
            return _REJECTED
        picked = self._read_choice(statement, choices)
        if picked != correct:
            return _REJECTED
        return Judgement(accepted=True, matched=choices[correct], score=100.0, close=False)

    def _correct_choice(self, answers: Sequence[str], choices: Sequence[str]) -> int | None:
        """Index of the correct option, from a letter or the option text in ``answers``."""
        for answer in answers:
            picked = self._read_choice(clean(answer), choices)
            if picked is not None:
                return picked
        return None

    def _read_choice(self, statement: str, choices: Sequence[str]) -> int | None:
        """Which option a statement picks, or None when it picks none or several."""
        letters = "abcdefghijklmnopqrstuvwxyz"[: len(choices)]
        if only := _LETTER_ONLY.fullmatch(statement):
            return letters.find(only[1]) if only[1] in letters else None
        if first := _LETTER_FIRST.fullmatch(statement):
            letter, text = first[1], first[2]
        elif last := _LETTER_LAST.fullmatch(statement):
            text, letter = last[1], last[2]
        else:
            by_text = self._pick_option(statement, choices)
            bare = _LETTER_BARE.fullmatch(statement)
            if by_text is not None or bare is None:
                return by_text
            letter, text = bare[1], bare[2]
        by_text = self._pick_option(text, choices)
        return by_text if letter in letters and letters.find(letter) == by_text else None

    def _pick_option(self, text: str, choices: Sequence[str]) -> int | None:
        """The one option the text names, with the other options as rivals."""
        for index, choice in enumerate(choices):
            rivals = [*choices[:index], *choices[index + 1 :]]
            if self._fit_part(text, choice, rivals).accepted:
                return index
        return None


@functools.cache
def default_judge() -> Judge:
    """The judge `judge_answer` uses, with the reference catalogue's aliases.

    A catalogue that fails to load leaves the judge without aliases (logged once), so a
    broken data file degrades judging rather than stopping every game.
    """
    try:
        groups = load_default_catalogue().alias_groups()
    except QuestionGenError as error:
        log.warning("Judging without aliases: the catalogue did not load (%s)", error)
        return Judge()
    return Judge(AliasIndex.from_groups(groups))


def judge_answer(
    attempt: str,
    answers: Sequence[str],
    *,
    kind: Kind = "open",
    choices: Sequence[str] | None = None,
) -> Judgement:
    """Rule on a player's message the way a careful quiz host would.

    Args:
        attempt: The raw chat message, any length and any Unicode.
        answers: Accepted answers. People asked for together are one string joined with
            " and ". For multiple choice: the correct letter and/or option text.
        kind: ``"open"``, ``"true_false"`` or ``"multiple_choice"``.
        choices: Multiple-choice options, lettered A, B, C, ... in order.

    Returns:
        The judgement; never raises for any input text.
    """
    return default_judge().judge(attempt, answers, kind=kind, choices=choices)
