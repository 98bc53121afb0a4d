"""Reference files: the shipped catalogue, its companions and a host's own files, merged.

Every reference file has the same shape (all sections optional)::

    version: 1
    sources:   [{id, title, url}]                       # public pages
    entities:  [{id, kind, name, aliases, source}]      # films, people, novels, studios ...
    facts:     [{subject, relation, value, role?, source, replaces?}]
    synopses:  [{film, source, text}]                   # cited plot retellings

The shipped files (:data:`SHIPPED` in ``questions/reference``) are read, then the
host's files in the order given (files, or folders of ``*.yaml``). A host's file may use
every id of the shipped ones. It adds sources, entities, facts and synopses; an entity or
a source with a shipped id replaces the shipped one, and a fact marked ``replaces: true``
replaces every earlier fact of its subject and relation: each such override is listed in
:attr:`Catalogue.overrides`. Two cited facts that disagree on a single-valued relation are
both kept: the claims they bear on are *disputed*.

Loading is all or nothing: every problem of every file is collected, each naming its file
and line, and any problem makes the whole load fail with :class:`CatalogueError`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from questions.catalogue import ENTITY_KINDS, Catalogue, Entity, ReferenceFact, Synopsis
from questions.errors import CatalogueError, FileRefusedError
from questions.files import describe_kind, read_text_bounded
from questions.models import Relation, SourceRef
from questions.relations import SINGLE_VALUED, SPECS
from questions.yamlfile import LINE_KEY, load_yaml_with_lines

MAX_REFERENCE_BYTES = 5 * 1024 * 1024
SECTIONS = ("sources", "entities", "facts", "synopses")
# The shipped reference files, in the order they are merged.
SHIPPED = ("catalogue.yaml", "synopses.yaml", "synopses-detailed.yaml", "eastern-bloc.yaml")

TEMPLATE = """\
# A reference file: facts about films, each citing a public page that states it.
# Keep it anywhere and name it (or its folder) in TRIVIA_REFERENCES; check it with
#   trivia reference validate THIS_FILE
version: 1
sources:
  - id: my-source                     # any id not used by another source
    title: "Page title - Site"
    url: "https://example.org/page"
entities:
  - id: my-film                       # reuse shipped ids (trivia reference list) where they exist
    kind: film                        # film, person, novel, studio, country, place, character...
    name: "English Title"
    aliases: ["Original Title", "Оригинальное название"]
    source: my-source                 # needed when there are aliases
  - {id: my-director, kind: person, name: "First Last", aliases: []}
facts:
  - {subject: my-film, relation: release_year, value: 1965, source: my-source}
  - {subject: my-film, relation: directed_by, value: my-director, source: my-source}
  - {subject: my-film, relation: country, value: soviet-union, source: my-source}
  # replaces: true drops every earlier fact of this subject and relation (e.g. a shipped one)
synopses:
  - film: my-film
    source: my-source
    text: >-
      The plot in your own words: who goes where, what they find, how it ends.
"""


@dataclass(frozen=True, slots=True)
class _Entry:
    """One mapping of a section, with where it was written."""

    data: Mapping[str, object]
    where: str
    user: bool


@dataclass(slots=True)
class ReferenceReport:
    """What reading reference files found: problems (fatal) and notes (overrides, disputes)."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def shipped_files() -> list[Path]:
    """The reference files shipped with the package, the catalogue first."""
    folder = resources.files("questions.reference")
    found = []
    for name in SHIPPED:
        with resources.as_file(folder.joinpath(name)) as path:
            found.append(Path(path))
    return found


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to read: each file as given, each folder's ``*.yaml`` files in name order.

    Raises:
        CatalogueError: a path does not exist or is neither a file nor a folder.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p for p in path.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file()
            )
        elif path.is_file():
            files.append(path)
        elif path.exists():
            kind = describe_kind(path.stat().st_mode)
            raise CatalogueError(f"{path}: {kind}, not a regular file")
        else:
            raise CatalogueError(f"{path}: no such reference file or folder")
    return files


def read_reference(path: Path) -> object:
    """Parse one reference file (YAML with line markers).

    Raises:
        CatalogueError: unreadable, too large, not UTF-8 or not YAML (one line naming it).
    """
    try:
        text = read_text_bounded(path, MAX_REFERENCE_BYTES)
    except FileRefusedError as exc:
        raise CatalogueError(str(exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: cannot be read ({exc})") from exc
    try:
        return load_yaml_with_lines(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None)
        why = f" ({problem})" if problem else ""
        raise CatalogueError(f"{path}{line}: not valid YAML{why}") from exc
    except RecursionError as exc:
        raise CatalogueError(f"{path}: nested too deeply to be a reference file") from exc


class _Merger:
    """Collects every file's entries, then builds one catalogue or lists what is wrong."""

    def __init__(self) -> None:
        self.entries: dict[str, list[_Entry]] = {section: [] for section in SECTIONS}
        self.report = ReferenceReport()

    def add(self, path: Path, data: object, user: bool) -> None:
        if data is None:
            return  # an empty file adds nothing
        if not isinstance(data, dict):
            self.report.problems.append(f"{path}: expected a mapping with {', '.join(SECTIONS)}")
            return
        unknown = sorted(str(k) for k in data if k not in (*SECTIONS, "version", LINE_KEY))
        for section in SECTIONS:
            raw = data.get(section)
            if raw is None:
                continue
            if not isinstance(raw, list):
                self.report.problems.append(f"{path}: '{section}' must be a list")
                continue
            for index, entry in enumerate(raw):
                if not isinstance(entry, dict):
                    where = f"{path}, entry {index + 1} of '{section}'"
                    self.report.problems.append(f"{where}: not a mapping")
                    continue
                where = f"{path}, line {entry.get(LINE_KEY, '?')}"
                self.entries[section].append(_Entry(entry, where, user))
        if unknown:
            self.report.problems.append(f"{path}: unknown section '{unknown[0]}'")

    def build(self) -> Catalogue:
        sources = self._sources()
        entities = self._entities(sources)
        facts = self._facts(sources, entities)
        synopses = self._synopses(sources, entities)
        if self.report.problems:
            raise CatalogueError(self.report.problems[0])
        return Catalogue(sources, entities.values(), facts, synopses, tuple(self.report.notes))

    # ---------------------------------------------------------------- sections

    def _text(self, entry: _Entry, key: str) -> str | None:
        value = entry.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            self.report.problems.append(f"{entry.where}: missing '{key}'")
            return None
        if not isinstance(value, str | int) or isinstance(value, bool):
            self.report.problems.append(f"{entry.where}: '{key}' must be text, not {value!r}")
            return None
        return str(value).strip()

    def _sources(self) -> dict[str, SourceRef]:
        found: dict[str, tuple[SourceRef, _Entry]] = {}
        for entry in self.entries["sources"]:
            source_id, title, url = (self._text(entry, k) for k in ("id", "title", "url"))
            if source_id is None or title is None or url is None:
                continue
            if not url.startswith(("https://", "http://")):
                self.report.problems.append(
                    f"{entry.where}: source '{source_id}' url must be http(s)"
                )
                continue
            clash = found.get(source_id)
            if clash and not self._may_override(entry, clash[1], f"source id '{source_id}'"):
                continue
            found[source_id] = (SourceRef(source_id, title, url), entry)
        return {key: source for key, (source, _) in found.items()}

    def _may_override(self, entry: _Entry, earlier: _Entry, what: str) -> bool:
        """A host's file may replace a shipped definition; two definitions elsewhere clash."""
        if entry.user and not earlier.user:
            self.report.notes.append(f"{entry.where}: overrides the shipped {what}")
            return True
        self.report.problems.append(f"{entry.where}: duplicate {what} (first at {earlier.where})")
        return False

    def _entities(self, sources: Mapping[str, SourceRef]) -> dict[str, Entity]:
        found: dict[str, tuple[Entity, _Entry]] = {}
        for entry in self.entries["entities"]:
            entity_id, kind, name = (self._text(entry, k) for k in ("id", "kind", "name"))
            if entity_id is None or kind is None or name is None:
                continue
            if kind not in ENTITY_KINDS:
                kinds = ", ".join(sorted(ENTITY_KINDS))
                self.report.problems.append(f"{entry.where}: unknown kind '{kind}' ({kinds})")
                continue
            aliases = entry.data.get("aliases") or []
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                self.report.problems.append(f"{entry.where}: 'aliases' must be a list of names")
                continue
            source = sources.get(str(entry.data.get("source")))
            if aliases and source is None:
                self.report.problems.append(
                    f"{entry.where}: aliases of '{entity_id}' need a known 'source'"
                )
                continue
            twin = found.get(entity_id)
            if twin and not self._may_override(entry, twin[1], f"entity id '{entity_id}'"):
                continue
            found[entity_id] = (Entity(entity_id, kind, name, tuple(aliases), source), entry)
        return {key: entity for key, (entity, _) in found.items()}

    def _facts(
        self, sources: Mapping[str, SourceRef], entities: Mapping[str, Entity]
    ) -> list[ReferenceFact]:
        facts: list[tuple[ReferenceFact, _Entry]] = []
        for entry in self.entries["facts"]:
            fact = self._fact(entry, sources, entities)
            if fact is None:
                continue
            if entry.data.get("replaces") is True:
                dropped = [
                    f for f, _ in facts if (f.subject, f.relation) == (fact.subject, fact.relation)
                ]
                if dropped:
                    self.report.notes.append(
                        f"{entry.where}: replaces {len(dropped)} earlier "
                        f"{fact.relation.value} fact(s) of '{fact.subject}'"
                    )
                facts = [
                    (f, e)
                    for f, e in facts
                    if (f.subject, f.relation) != (fact.subject, fact.relation)
                ]
            same = next((e for f, e in facts if _same(f, fact)), None)
            if same is not None:
                if same.where.split(",")[0] == entry.where.split(",")[0]:
                    self.report.problems.append(
                        f"{entry.where}: duplicate fact (first at {same.where})"
                    )
                continue
            if fact.relation in SINGLE_VALUED:
                other = next(
                    (
                        (f, e)
                        for f, e in facts
                        if (f.subject, f.relation) == (fact.subject, fact.relation)
                        and _value_key(f.value) != _value_key(fact.value)
                    ),
                    None,
                )
                if other is not None:
                    self.report.notes.append(
                        f"{entry.where}: {fact.relation.value} of '{fact.subject}' is "
                        f"{fact.value}, but {other[1].where} says {other[0].value}: "
                        "claims on it are disputed"
                    )
            facts.append((fact, entry))
        return [fact for fact, _ in facts]

    def _fact(
        self, entry: _Entry, sources: Mapping[str, SourceRef], entities: Mapping[str, Entity]
    ) -> ReferenceFact | None:
        subject, relation_name, source_id = (
            self._text(entry, k) for k in ("subject", "relation", "source")
        )
        value = entry.data.get("value")
        if value is None or (isinstance(value, str) and not value.strip()):
            self.report.problems.append(f"{entry.where}: missing 'value'")
            return None
        if subject is None or relation_name is None or source_id is None:
            return None
        try:
            relation = Relation(relation_name)
        except ValueError:
            self.report.problems.append(f"{entry.where}: unknown relation '{relation_name}'")
            return None
        problems = []
        if subject not in entities:
            problems.append(f"unknown subject '{subject}'")
        if source_id not in sources:
            problems.append(f"unknown source '{source_id}'")
        role = entry.data.get("role")
        if role is not None and str(role) not in entities:
            problems.append(f"unknown role '{role}'")
        if not isinstance(value, str | int | bool) or isinstance(value, float):
            problems.append("value must be a string, a whole number or true/false")
        elif _names_entity(relation) and (not isinstance(value, str) or value not in entities):
            problems.append(f"unknown value '{value}' (an entity id is expected)")
        if problems:
            self.report.problems.append(f"{entry.where}: {'; '.join(problems)}")
            return None
        assert isinstance(value, str | int | bool)  # noqa: S101 - narrowed above for mypy
        role_id = None if role is None else str(role)
        return ReferenceFact(subject, relation, value, sources[source_id], role_id)

    def _synopses(
        self, sources: Mapping[str, SourceRef], entities: Mapping[str, Entity]
    ) -> list[Synopsis]:
        found = []
        for entry in self.entries["synopses"]:
            film, source_id, text = (self._text(entry, k) for k in ("film", "source", "text"))
            if film is None or source_id is None or text is None:
                continue
            if film not in entities or entities[film].kind != "film":
                self.report.problems.append(f"{entry.where}: unknown film '{film}'")
                continue
            if source_id not in sources:
                self.report.problems.append(f"{entry.where}: unknown source '{source_id}'")
                continue
            found.append(Synopsis(film, " ".join(text.split()), sources[source_id]))
        return found


def _same(a: ReferenceFact, b: ReferenceFact) -> bool:
    same_value = _value_key(a.value) == _value_key(b.value)
    return same_value and (a.subject, a.relation, a.role) == (b.subject, b.relation, b.role)


def _value_key(value: object) -> str:
    """A fact value compared as text: ``1962`` and ``"1962"`` are one year."""
    return str(value).strip().casefold()


def _names_entity(relation: Relation) -> bool:
    """Whether the relation's value is an entity id (a director, a studio), not a literal."""
    kinds = SPECS[relation].value_kinds
    return kinds is not None and relation is not Relation.PLOT


def check_references(user: Sequence[Path] = ()) -> tuple[Catalogue | None, ReferenceReport]:
    """Read the shipped files and ``user``'s, returning the catalogue and everything noted.

    The catalogue is None when any problem was found (nothing is half-loaded).
    """
    merger = _Merger()
    try:
        for path in shipped_files():
            merger.add(path, read_reference(path), user=False)
        for path in expand(user):
            merger.add(path, read_reference(path), user=True)
    except CatalogueError as exc:
        merger.report.problems.append(str(exc))
        return None, merger.report
    try:
        return merger.build(), merger.report
    except CatalogueError:
        return None, merger.report


def load_files(paths: Sequence[Path]) -> Catalogue:
    """A catalogue of exactly these files, read as shipped ones (for tests and tools).

    Raises:
        CatalogueError: the first problem found (the file and line, in one line).
    """
    merger = _Merger()
    for path in paths:
        merger.add(path, read_reference(path), user=False)
    return merger.build()


def load_references(user: Sequence[Path] = ()) -> Catalogue:
    """The shipped references merged with the host's files.

    Raises:
        CatalogueError: the first problem found (the file and line, in one line).
    """
    catalogue, report = check_references(user)
    if catalogue is None:
        extra = len(report.problems) - 1
        more = f" (and {extra} more problem{'s' if extra != 1 else ''})" if extra > 0 else ""
        raise CatalogueError(f"{report.problems[0]}{more}")
    return catalogue


def load_catalogue(path: Path) -> Catalogue:
    """Load and validate one reference file on its own (no shipped references).

    Raises:
        CatalogueError: the file is missing, not YAML, or malformed (file and line named).
    """
    return load_files([path])


@functools.cache
def load_default_catalogue() -> Catalogue:
    """The references shipped with the package, merged (cached; it is read-only)."""
    return load_references(())
