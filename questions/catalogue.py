"""The reference catalogue, and the questions it answers.

The catalogue (``questions/reference/catalogue.yaml``) lists public sources, entities with
their names in every known spelling, and facts that each cite a source. Loading it is
:mod:`questions.references`'s, and strict: any malformed entry raises
:class:`CatalogueError` naming the file and line.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar, cast

from rapidfuzz import fuzz, process

from questions.models import FactValue, Relation, SourceRef
from questions.names import name_key, title_head
from questions.relations import SINGLE_VALUED

ENTITY_KINDS = frozenset(
    {"film", "person", "novel", "event", "place", "character", "studio", "country"}
)
FUZZY_RESOLVE_CUTOFF = 90.0
FUZZY_RESOLVE_MARGIN = 4.0

# A description in brackets after a name: "(novel by Ivan Yefremov)", "(film)", "(1972 film)".
_DESCRIBED = re.compile(
    r"\s*\((?:(?:\d{4} )?(?:novel|film|book|story)\b[^)]*|[^()]*\bcharacter)\)$"
)


# Name keys are pure and the same names recur in every document.
_cached_key = functools.lru_cache(maxsize=65536)(name_key)


@dataclass(frozen=True, slots=True)
class Entity:
    """A film, person, novel, event, place, character, studio or country."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    source: SourceRef | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Canonical name first, then every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Synopsis:
    """A short retelling of a film's plot from one public page, in the project's words."""

    film: str
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class ReferenceFact:
    """One sourced fact: ``subject --relation--> value`` (value may be an entity id)."""

    subject: str
    relation: Relation
    value: FactValue
    source: SourceRef
    role: str | None = None


_T = TypeVar("_T")


class Catalogue:
    """Read-only view of the reference catalogue with name resolution."""

    def __init__(
        self,
        sources: Mapping[str, SourceRef],
        entities: Iterable[Entity],
        facts: Iterable[ReferenceFact],
        synopses: Iterable[Synopsis] = (),
        notes: tuple[str, ...] = (),
    ) -> None:
        self.sources = dict(sources)
        # What loading noticed: a host's file overriding a shipped entry, sources disagreeing.
        self.notes = notes
        self.synopses: dict[str, tuple[Synopsis, ...]] = {}
        for synopsis in synopses:
            self.synopses[synopsis.film] = (*self.synopses.get(synopsis.film, ()), synopsis)
        self.entities = {entity.id: entity for entity in entities}
        self.facts = tuple(facts)
        self._by_key: dict[str, list[str]] = defaultdict(list)
        shorts: set[str] = set()
        for entity in self.entities.values():
            for name in entity.names:
                # "Andromeda (novel by Ivan Yefremov)" is also called plain "Andromeda"
                bare = _DESCRIBED.sub("", name)
                spellings = {name, bare} if bare else {name}
                head = title_head(name) if entity.kind == "film" else None
                if head is not None:
                    # "Aelita: Queen of Mars" goes by "Aelita", spelt so exactly
                    shorts.add(name_key(head))
                    spellings.add(head)
                for spelling in spellings:
                    ids = self._by_key[name_key(spelling)]
                    if entity.id not in ids:
                        ids.append(entity.id)
        full = {name_key(n) for entity in self.entities.values() for n in entity.names}
        self._exact_only = frozenset(shorts - full)  # short titles: never matched fuzzily
        self._facts: dict[tuple[str, Relation], list[ReferenceFact]] = defaultdict(list)
        for fact in self.facts:
            self._facts[fact.subject, fact.relation].append(fact)
        # Resolution is asked for the same few names over and over (every document names
        # the same films), and a miss costs a fuzzy scan over every key: remember answers.
        self._resolved: dict[tuple[str, frozenset[str]], str | None] = {}
        # The keys a fuzzy scan may pick for each set of kinds, made once per set.
        self._choices: dict[frozenset[str], tuple[dict[str, list[str]], list[str]]] = {}
        self._characters: dict[str, tuple[Entity, ...]] = {}
        self._related_names: dict[str, tuple[str, ...]] = {}
        self._derived: dict[str, object] = {}
        self._of_kind: dict[str, tuple[Entity, ...]] = {}

    def derived(self, name: str, build: Callable[[Catalogue], _T]) -> _T:
        """An index other modules compute from these references, built once per catalogue.

        ``name`` tells the indexes apart; ``build`` makes it the first time it is asked for.
        """
        if name not in self._derived:
            self._derived[name] = build(self)
        return cast("_T", self._derived[name])

    def entity(self, entity_id: str) -> Entity | None:
        """Return the entity with this id, or ``None``."""
        return self.entities.get(entity_id)

    def resolve(self, name: str, kinds: Iterable[str] | None = None) -> Entity | None:
        """Find the entity a title or name refers to, or ``None`` when unknown or ambiguous.

        An exact key match wins; otherwise a single clear fuzzy match (a misspelling of one
        known name, not equally close to another) is accepted.
        """
        wanted = frozenset(kinds) if kinds is not None else ENTITY_KINDS
        key = _cached_key(name)
        cache_key = (key, wanted)
        if cache_key not in self._resolved:
            found = self._resolve_key(key, wanted)
            self._resolved[cache_key] = found.id if found else None
        entity_id = self._resolved[cache_key]
        return self.entities[entity_id] if entity_id else None

    def _resolve_key(self, key: str, wanted: frozenset[str]) -> Entity | None:
        exact = [i for i in self._by_key.get(key, ()) if self.entities[i].kind in wanted]
        if exact:
            return self.entities[exact[0]] if len(exact) == 1 else None
        initial = re.fullmatch(r"([a-z]) ([a-z][a-z ]+)", key)
        if initial and wanted & {"person", "character"}:
            # "M. Karyukov": the one person of that surname whose first name has that initial
            found = {
                e.id
                for e in self.entities.values()
                if e.kind in wanted
                for n in e.names
                if (k := _cached_key(n)).endswith(" " + initial[2]) and k[0] == initial[1]
            }
            return self.entities[found.pop()] if len(found) == 1 else None
        if wanted not in self._choices:
            kept = {
                k: ids
                for k, ids in self._by_key.items()
                if k not in self._exact_only and any(self.entities[i].kind in wanted for i in ids)
            }
            self._choices[wanted] = (kept, list(kept))
        choices, keys = self._choices[wanted]
        best = process.extract(key, keys, scorer=fuzz.ratio, limit=2)
        if not best or best[0][1] < FUZZY_RESOLVE_CUTOFF:
            return None
        if len(best) > 1 and best[0][1] - best[1][1] < FUZZY_RESOLVE_MARGIN:
            return None
        ids = [i for i in choices[best[0][0]] if self.entities[i].kind in wanted]
        if len(ids) != 1:
            return None
        entity = self.entities[ids[0]]
        if entity.kind in {"person", "character"} and not same_person(key, best[0][0]):
            return None  # "Olesya Berdnik" is close to "Oles Berdnik", but not the same name
        return entity

    def facts_about(self, subject: str, relation: Relation) -> tuple[ReferenceFact, ...]:
        """Every fact with this subject and relation."""
        return tuple(self._facts.get((subject, relation), ()))

    def disagreeing(self, subject: str, relation: Relation) -> tuple[ReferenceFact, ...]:
        """The facts of a subject's relation when cited sources give different values.

        Only relations with one true value disagree (two directors do not); an empty tuple
        means the references agree or say nothing.
        """
        if relation not in SINGLE_VALUED and relation is not Relation.RELEASE_DATE:
            return ()  # asked first: the values of a cast or a setting are never compared
        facts = self._facts.get((subject, relation), [])
        values = {str(f.value).strip().casefold() for f in facts}
        return tuple(facts) if len(values) > 1 else ()

    def characters_of(self, film: str) -> tuple[Entity, ...]:
        """Every character a reference fact ties to ``film`` (cast roles and plot facts)."""
        known = self._characters.get(film)
        if known is None:
            known = self._characters[film] = self._find_characters(film)
        return known

    def _find_characters(self, film: str) -> tuple[Entity, ...]:
        ids = {f.role for f in self.facts if f.subject == film and f.role}
        ids |= {
            str(f.value)
            for f in self.facts
            if f.subject == film and isinstance(f.value, str) and f.value in self.entities
        }
        return tuple(e for i, e in self.entities.items() if i in ids and e.kind == "character")

    def related_names(self, film: str) -> tuple[str, ...]:
        """Every name of every entity the references tie to ``film``.

        Its cast and characters, makers, studio, source work and authors, its years, and the
        makers and years of the works it comes from or went into: a plot sentence that names them
        ("Etinaya (Larisa Gordeichik)") adds nothing the synopses must tell.
        """
        known = self._related_names.get(film)
        if known is None:
            ids = {f.role for f in self.facts if f.subject == film and f.role}
            ids |= {
                str(f.value)
                for f in self.facts
                if f.subject == film and isinstance(f.value, str) and f.value in self.entities
            }
            # the works it comes from or went into, and their own makers and years: "the
            # Strugatsky brothers' 1970 novel", "Klushantsev's footage" in a re-edit
            works = {i for i in ids if self.entities[i].kind in {"film", "novel"}}
            works |= {f.subject for f in self.facts if f.value == film and f.subject != film}
            ids |= works
            years: set[str] = set()
            for fact in self.facts:
                # (and the film's own years: "Per Aspera Ad Astra (1980) follows Niya")
                if (fact.subject not in works and fact.subject != film) or (
                    fact.relation is Relation.CAST
                ):
                    continue
                if isinstance(fact.value, str) and fact.value in self.entities:
                    ids.add(fact.value)
                elif isinstance(fact.value, int) and not isinstance(fact.value, bool):
                    years.add(str(fact.value))  # a year (an animated flag is no name)
            names = (n for i in sorted(ids) if i in self.entities for n in self.entities[i].names)
            known = self._related_names[film] = (*dict.fromkeys(names), *sorted(years))
        return known

    def facts_with_value(self, relation: Relation, value: FactValue) -> tuple[ReferenceFact, ...]:
        """Every fact of this relation whose value is ``value`` (reverse lookup)."""
        return tuple(f for f in self.facts if f.relation is relation and f.value == value)

    def display(self, value: FactValue) -> str:
        """Human-readable form of a fact value: an entity's canonical name, or the literal."""
        if isinstance(value, str) and value in self.entities:
            return self.entities[value].name
        return str(value)

    def names_of(self, value: FactValue) -> tuple[str, ...]:
        """Every accepted spelling of a fact value, canonical first."""
        if isinstance(value, str) and value in self.entities:
            return self.entities[value].names
        return (str(value),)

    def alias_groups(self) -> tuple[tuple[str, ...], ...]:
        """Every entity's names, canonical first (for the answer judge)."""
        return tuple(entity.names for entity in self.entities.values())

    def of_kind(self, kind: str) -> tuple[Entity, ...]:
        """Every entity of one kind, in catalogue order (listed once per kind)."""
        found = self._of_kind.get(kind)
        if found is None:
            found = self._of_kind[kind] = tuple(e for e in self.entities.values() if e.kind == kind)
        return found


def same_person(a: str, b: str) -> bool:
    """Whether two name keys can name one person.

    They can when the surname is the same (up to a typo) and the first name compatible:
    equal up to a typo of the same length, or an initial of it.

    "Mikhail Karyukovv" and "Mikhail Karyukov" can; "Olesya Berdnik" and "Oles Berdnik"
    cannot (another first name), nor can "Boris Strugatsky" and "Arkady Strugatsky".
    """
    first_a, _, last_a = a.rpartition(" ")
    first_b, _, last_b = b.rpartition(" ")
    if fuzz.ratio(last_a, last_b) < FUZZY_RESOLVE_CUTOFF:
        return False
    if not first_a or not first_b:
        return True  # a surname alone
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    return len(first_a) == len(first_b) and fuzz.ratio(first_a, first_b) >= 75
