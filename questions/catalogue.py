"""Load the reference catalogue and answer questions about it.

The catalogue (``questions/reference/catalogue.yaml``) lists public sources, entities with
their names in every known spelling, and facts that each cite a source. Loading is strict:
any malformed entry raises :class:`CatalogueError` naming the file and line.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TypeAlias

import yaml
from rapidfuzz import fuzz, process

from questions.errors import CatalogueError
from questions.models import Relation, SourceRef
from questions.names import name_key
from questions.yamlfile import LINE_KEY, load_yaml_with_lines

ENTITY_KINDS = frozenset(
    {"film", "person", "novel", "event", "place", "character", "studio", "country"}
)
FUZZY_RESOLVE_CUTOFF = 90.0
FUZZY_RESOLVE_MARGIN = 4.0

FactValue: TypeAlias = str | int | bool


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


class Catalogue:
    """Read-only view of the reference catalogue with name resolution."""

    def __init__(
        self,
        sources: Mapping[str, SourceRef],
        entities: Iterable[Entity],
        facts: Iterable[ReferenceFact],
        synopses: Iterable[Synopsis] = (),
    ) -> None:
        self.sources = dict(sources)
        self.synopses: dict[str, tuple[Synopsis, ...]] = {}
        for synopsis in synopses:
            self.synopses[synopsis.film] = (*self.synopses.get(synopsis.film, ()), synopsis)
        self.entities = {entity.id: entity for entity in entities}
        self.facts = tuple(facts)
        self._by_key: dict[str, list[str]] = defaultdict(list)
        for entity in self.entities.values():
            for name in entity.names:
                ids = self._by_key[name_key(name)]
                if entity.id not in ids:
                    ids.append(entity.id)
        self._facts: dict[tuple[str, Relation], list[ReferenceFact]] = defaultdict(list)
        for fact in self.facts:
            self._facts[fact.subject, fact.relation].append(fact)
        # Resolution is asked for the same few names over and over (every document names
        # the same films), and a miss costs a fuzzy scan over every key: remember answers.
        self._resolved: dict[tuple[str, frozenset[str]], str | None] = {}

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
        choices = {
            k: ids
            for k, ids in self._by_key.items()
            if any(self.entities[i].kind in wanted for i in ids)
        }
        best = process.extract(key, list(choices), scorer=fuzz.ratio, limit=2)
        if not best or best[0][1] < FUZZY_RESOLVE_CUTOFF:
            return None
        if len(best) > 1 and best[0][1] - best[1][1] < FUZZY_RESOLVE_MARGIN:
            return None
        ids = [i for i in choices[best[0][0]] if self.entities[i].kind in wanted]
        return self.entities[ids[0]] if len(ids) == 1 else None

    def facts_about(self, subject: str, relation: Relation) -> tuple[ReferenceFact, ...]:
        """Every fact with this subject and relation."""
        return tuple(self._facts.get((subject, relation), ()))

    def characters_of(self, film: str) -> tuple[Entity, ...]:
        """Every character a reference fact ties to ``film`` (cast roles and plot facts)."""
        ids = {f.role for f in self.facts if f.subject == film and f.role}
        ids |= {
            str(f.value)
            for f in self.facts
            if f.subject == film and isinstance(f.value, str) and f.value in self.entities
        }
        return tuple(e for i, e in self.entities.items() if i in ids and e.kind == "character")

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
        """Every entity of one kind, in catalogue order."""
        return tuple(e for e in self.entities.values() if e.kind == kind)


def _require(entry: Mapping[str, object], key: str, where: str) -> object:
    if key not in entry or entry[key] in (None, ""):
        raise CatalogueError(f"{where}: missing '{key}'")
    return entry[key]


def _where(path: str, entry: Mapping[str, object]) -> str:
    return f"{path}, line {entry.get(LINE_KEY, '?')}"


def _entries(path: str, raw: object, section: str) -> list[dict[str, object]]:
    """The mappings of a top-level list, or an error naming the section."""
    if not isinstance(raw, list):
        raise CatalogueError(f"{path}: '{section}' must be a list")
    for index, entry in enumerate(raw):
        if not isinstance(entry, dict):
            raise CatalogueError(f"{path}: entry {index + 1} of '{section}' is not a mapping")
    return raw


def _parse_sources(path: str, raw: object) -> dict[str, SourceRef]:
    sources: dict[str, SourceRef] = {}
    for entry in _entries(path, raw, "sources"):
        where = _where(path, entry)
        source_id = str(_require(entry, "id", where))
        if source_id in sources:
            raise CatalogueError(f"{where}: duplicate source id '{source_id}'")
        title, url = str(_require(entry, "title", where)), str(_require(entry, "url", where))
        if not url.startswith(("https://", "http://")):
            raise CatalogueError(f"{where}: source '{source_id}' url must be http(s)")
        sources[source_id] = SourceRef(source_id, title, url)
    return sources


def _parse_entities(path: str, raw: object, sources: Mapping[str, SourceRef]) -> list[Entity]:
    entities: dict[str, Entity] = {}
    for entry in _entries(path, raw, "entities"):
        where = _where(path, entry)
        entity_id, kind = str(_require(entry, "id", where)), str(_require(entry, "kind", where))
        if entity_id in entities:
            raise CatalogueError(f"{where}: duplicate entity id '{entity_id}'")
        if kind not in ENTITY_KINDS:
            raise CatalogueError(f"{where}: unknown kind '{kind}'")
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list):
            raise CatalogueError(f"{where}: 'aliases' must be a list")
        if aliases and entry.get("source") not in sources:
            raise CatalogueError(f"{where}: aliases of '{entity_id}' need a known 'source'")
        name = str(_require(entry, "name", where))
        source = sources.get(str(entry.get("source")))
        entities[entity_id] = Entity(entity_id, kind, name, tuple(map(str, aliases)), source)
    return list(entities.values())


def _parse_fact(
    where: str, entry: Mapping[str, object], sources: Mapping[str, SourceRef], ids: set[str]
) -> ReferenceFact:
    subject = str(_require(entry, "subject", where))
    try:
        relation = Relation(str(_require(entry, "relation", where)))
    except ValueError as exc:
        raise CatalogueError(f"{where}: unknown relation '{entry['relation']}'") from exc
    value = _require(entry, "value", where) if entry.get("value") is not False else False
    source_id = str(_require(entry, "source", where))
    role = entry.get("role")
    if subject not in ids:
        raise CatalogueError(f"{where}: unknown subject '{subject}'")
    if source_id not in sources:
        raise CatalogueError(f"{where}: unknown source '{source_id}'")
    if role is not None and str(role) not in ids:
        raise CatalogueError(f"{where}: unknown role '{role}'")
    if not isinstance(value, str | int | bool):
        raise CatalogueError(f"{where}: value must be a string, number or boolean")
    role_id = None if role is None else str(role)
    return ReferenceFact(subject, relation, value, sources[source_id], role_id)


def parse_synopses(data: object, path: str, catalogue: Catalogue) -> Catalogue:
    """``catalogue`` with the synopses (and their sources) of a parsed synopses file.

    Raises:
        CatalogueError: anything malformed, naming ``path`` and the line.
    """
    if not isinstance(data, dict):
        raise CatalogueError(f"{path}: expected a mapping with sources and synopses")
    own = _parse_sources(path, data.get("sources") or [])
    clash = sorted(set(own) & set(catalogue.sources))
    if clash:
        raise CatalogueError(f"{path}: source id '{clash[0]}' is already in the catalogue")
    sources = {**catalogue.sources, **own}
    found = []
    for entry in _entries(path, data.get("synopses"), "synopses"):
        where = _where(path, entry)
        film, source_id = str(_require(entry, "film", where)), str(_require(entry, "source", where))
        entity = catalogue.entity(film)
        if entity is None or entity.kind != "film":
            raise CatalogueError(f"{where}: unknown film '{film}'")
        if source_id not in sources:
            raise CatalogueError(f"{where}: unknown source '{source_id}'")
        text = " ".join(str(_require(entry, "text", where)).split())
        found.append(Synopsis(film, text, sources[source_id]))
    synopses = [s for items in catalogue.synopses.values() for s in items]
    return Catalogue(sources, catalogue.entities.values(), catalogue.facts, [*synopses, *found])


def parse_catalogue(data: object, path: str) -> Catalogue:
    """Build a catalogue from parsed YAML (with line markers), validating every entry.

    Raises:
        CatalogueError: anything malformed, naming ``path`` and the line.
    """
    if not isinstance(data, dict):
        raise CatalogueError(f"{path}: expected a mapping with sources, entities and facts")
    sources = _parse_sources(path, data.get("sources"))
    entities = _parse_entities(path, data.get("entities"), sources)
    ids = {entity.id for entity in entities}
    raw_facts = _entries(path, data.get("facts"), "facts")
    facts = [_parse_fact(_where(path, entry), entry, sources, ids) for entry in raw_facts]
    return Catalogue(sources, entities, facts)


def load_catalogue(path: Path) -> Catalogue:
    """Load and validate a catalogue file.

    Raises:
        CatalogueError: the file is missing, not YAML, or malformed.
    """
    return parse_catalogue(_read_yaml(path), str(path))


def _read_yaml(path: Path) -> object:
    try:
        return load_yaml_with_lines(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: cannot be read ({exc})") from exc
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path}: not valid YAML ({exc})") from exc


def load_synopses(path: Path, catalogue: Catalogue) -> Catalogue:
    """``catalogue`` with the synopses of the file at ``path``.

    Raises:
        CatalogueError: the file is missing, not YAML, or malformed.
    """
    return parse_synopses(_read_yaml(path), str(path), catalogue)


@functools.cache
def load_default_catalogue() -> Catalogue:
    """The catalogue shipped with the package, with its synopses (cached; it is read-only)."""
    folder = resources.files("questions.reference")
    with resources.as_file(folder.joinpath("catalogue.yaml")) as path:
        catalogue = load_catalogue(path)
    with resources.as_file(folder.joinpath("synopses.yaml")) as path:
        return load_synopses(path, catalogue)
