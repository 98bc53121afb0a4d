"""What counts as right and what is plausibly wrong: accepted answers and distractors.

Accepted answers come from the reference catalogue: the canonical name first, then every
alternative title, transliteration and Cyrillic spelling, then surname-only forms for
people. Distractors are entities of the same kind as the right answer, ranked so that the
most plausible come first (values of the same relation elsewhere in the catalogue, then
entities linked to the same subject, then the closest era). A distractor never shares a
name with any right answer, so a multiple-choice item has exactly one correct option.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from questions.catalogue import Catalogue
from questions.models import FactValue, Relation
from questions.names import name_key

# Facts that date their subject; everything linked to a dated subject inherits its year.
DATING_RELATIONS = frozenset({Relation.RELEASE_YEAR, Relation.PUBLISHED_YEAR, Relation.EVENT_DATE})
UNKNOWN_ERA_DISTANCE = 99
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_INITIAL = re.compile(r"^\w\.$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def year_of(value: FactValue) -> int | None:
    """The year a dating value names (``1963`` or ``"1957-10-04"``), if any."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    head = value[:4]
    return int(head) if head.isdigit() else None


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words, ignoring spelling and script."""
    needle = name_key(phrase)
    return bool(needle) and f" {needle} " in f" {name_key(text)} "


@dataclass(frozen=True, slots=True)
class Ranked:
    """Candidate wrong values, most plausible first (entity ids or literals)."""

    values: tuple[FactValue, ...]


class AnswerKit:
    """Accepted answers and same-kind distractors, drawn from one catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.years = _entity_years(catalogue)

    def kind_of(self, value: FactValue) -> str | None:
        """The catalogue kind of an entity value, ``None`` for literals."""
        entity = self.catalogue.entity(value) if isinstance(value, str) else None
        return entity.kind if entity else None

    def surnames(self, value: FactValue) -> tuple[str, ...]:
        """Surname-only forms of a person's names (``"Mikhail Karyukov"`` -> ``"Karyukov"``)."""
        if self.kind_of(value) != "person":
            return ()
        forms = []
        for name in self.catalogue.names_of(value):
            words = name.split()
            if len(words) >= 2 and not _INITIAL.match(words[-1]):
                forms.append(words[-1])
        return tuple(forms)

    def accepted(
        self, value: FactValue, question: str, partners: Iterable[FactValue] = ()
    ) -> tuple[str, ...]:
        """Every accepted form of ``value``, canonical first.

        Forms that the question itself spells out are dropped (except the canonical one, so
        the quality gate can reject such a question), and a surname shared with a partner
        (a co-director, a co-author) is not accepted because it would name both.
        """
        shared = {name_key(s) for p in partners for s in self.surnames(p)}
        forms: list[str] = list(self.catalogue.names_of(value))
        forms += [s for s in self.surnames(value) if name_key(s) not in shared]
        forms += [_LEADING_THE.sub("", f) for f in forms if _LEADING_THE.match(f)]
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10:
            forms.append(NUMBER_WORDS[value])
        canonical, seen = forms[0], {forms[0].casefold()}
        kept = [canonical]
        for form in forms[1:]:
            if form.casefold() in seen or contains_phrase(question, form):
                continue
            seen.add(form.casefold())
            kept.append(form)
        return tuple(kept)

    def taken_keys(self, values: Iterable[FactValue]) -> set[str]:
        """Name keys of every spelling of the given values (right answers, the subject)."""
        keys = {name_key(n) for v in values for n in self.catalogue.names_of(v)}
        keys.update(name_key(s) for v in values for s in self.surnames(v))
        return keys

    def rival_entities(
        self, subject: str, relation: Relation, kind: str, correct: Collection[FactValue]
    ) -> Ranked:
        """Entities of ``kind`` that are wrong for ``subject``, most plausible first."""
        taken = self.taken_keys([*correct, subject])
        same_relation = self.catalogue.derived("values by relation", _values_by_relation).get(
            relation, frozenset()
        )
        linked = self.catalogue.derived("linked values", _linked_values).get(subject, frozenset())
        era = self.years.get(subject)
        candidates = [
            e
            for e in self.catalogue.of_kind(kind)
            # "Planeta Bur (novel by Alexander Kazantsev)" describes rather than names.
            if "(" not in e.name and not any(name_key(n) in taken for n in e.names)
        ]
        candidates.sort(
            key=lambda e: (
                e.id not in same_relation,
                e.id not in linked,
                self._distance(era, e.id),
                e.name,
            )
        )
        return Ranked(tuple(e.id for e in candidates))

    def rival_years(self, year: int, spread: int, refuted: Collection[str]) -> Ranked:
        """Other years of the same era; years a document wrongly gave come first."""
        wrong_claims = sorted(int(r) for r in refuted if r.isdigit() and int(r) != year)
        near = [y for y in range(year - spread, year + spread + 1) if y != year]
        near.sort(key=lambda y: (abs(y - year), y))
        ordered = dict.fromkeys([*(y for y in wrong_claims if abs(y - year) <= spread), *near])
        return Ranked(tuple(ordered))

    def _distance(self, era: int | None, entity_id: str) -> int:
        other = self.years.get(entity_id)
        if era is None or other is None:
            return UNKNOWN_ERA_DISTANCE
        return abs(era - other)


def _values_by_relation(catalogue: Catalogue) -> dict[Relation, frozenset[FactValue]]:
    """Every value the references give for each relation (a scan of every fact, made once)."""
    found: dict[Relation, set[FactValue]] = {}
    for fact in catalogue.facts:
        found.setdefault(fact.relation, set()).add(fact.value)
    return {relation: frozenset(values) for relation, values in found.items()}


def _linked_values(catalogue: Catalogue) -> dict[str, frozenset[FactValue]]:
    """Every value (and character part) the references link to each subject, made once."""
    found: dict[str, set[FactValue]] = {}
    for fact in catalogue.facts:
        linked = found.setdefault(fact.subject, set())
        linked.add(fact.value)
        if fact.role:
            linked.add(fact.role)
    return {subject: frozenset(values) for subject, values in found.items()}


def _entity_years(catalogue: Catalogue) -> dict[str, int]:
    """A year for every entity that has one: its own date, else that of what it is linked to."""
    years: dict[str, int] = {}
    for fact in catalogue.facts:
        year = year_of(fact.value) if fact.relation in DATING_RELATIONS else None
        if year is not None:
            years.setdefault(fact.subject, year)
    for fact in catalogue.facts:
        linked = [fact.value, fact.role] if fact.role else [fact.value]
        for value in linked:
            if isinstance(value, str) and value in catalogue.entities and fact.subject in years:
                years.setdefault(value, years[fact.subject])
    return years
