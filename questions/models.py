"""Value types of the question pipeline: documents, claims, verdicts and trivia items.

Every claim and every item keeps its evidence: the document id and the exact quoted span.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeAlias


@dataclass(frozen=True, slots=True)
class Document:
    """One seed document: a stable id (the file stem) and its full text."""

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim span of a document: ``document.text[start:end] == quote``."""

    document: str
    start: int
    end: int
    quote: str


class Relation(StrEnum):
    """Closed set of relations a claim or a reference fact can state."""

    RELEASE_YEAR = "release_year"
    DIRECTED_BY = "directed_by"
    ALSO_KNOWN_AS = "also_known_as"
    BASED_ON = "based_on"
    WRITTEN_BY = "written_by"
    COUNTRY = "country"
    STUDIO = "studio"
    NARRATED_BY = "narrated_by"
    MUSIC_BY = "music_by"
    CAST = "cast"
    FOOTAGE_USED_IN = "footage_used_in"
    PRODUCED_BY = "produced_by"
    SEQUEL = "sequel"
    SETTING = "setting"
    ANIMATED = "animated"
    PUBLISHED_YEAR = "published_year"
    EVENT_DATE = "event_date"
    INVOLVES = "involves"
    RELEASED_AFTER = "released_after"
    RELEASE_DATE = "release_date"
    RELEASED_SHORTLY_AFTER = "released_shortly_after"
    RELEASED_SAME_YEAR_AS = "released_same_year_as"
    DEPICTS = "depicts"
    INSPIRED = "inspired"
    SOURCE_AUTHOR = "source_author"
    PLOT = "plot"


def stable_id(prefix: str, *parts: str) -> str:
    """Return a short id that depends only on ``parts``, the same in every build."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:12]
    return f"{prefix}-{digest}"


@dataclass(frozen=True, slots=True)
class Claim:
    """An atomic statement a document makes, with the span it rests on.

    ``subject`` and ``value`` are as the document writes them; ``role`` is the character
    name of a cast claim. The id is stable across runs for the same document text.
    ``stated_year`` is the year the document itself gives the subject, if any (used to
    check claims that tie a release to a historical event). ``confidence`` says how surely
    the subject was attributed (1.0 when the sentence names it) and ``attribution`` how it
    was found; a claim attributed with doubt is never reported as contradicted. None of
    these, nor ``value_entity`` (the reference entity the extractor found the value as, e.g. a
    person named by surname only), nor ``nearby``, is part of the id.
    """

    subject: str
    relation: Relation
    value: str
    evidence: Evidence
    role: str | None = None
    stated_year: str | None = None
    confidence: float = 1.0
    attribution: str = "named in the sentence"
    value_entity: str | None = None  # the catalogue entity the value was found as, if any
    # Catalogue ids of the films the claim's paragraph names: a value that is right for one
    # of them, said of another, is more likely our misreading than the document's error.
    nearby: tuple[str, ...] = field(default=(), compare=False)
    # A reply that corrects a quoted story sentence ("Five, not seven."): that sentence with
    # the correction in it, which is what a synopsis must tell (the quote is the reply).
    told_as: str | None = field(default=None, compare=False)
    # A reply that says a quoted story sentence is wrong ("No, the ship is the Laika."): the
    # thread itself disputes it, so no question repeats it.
    disputed_by: str | None = field(default=None, compare=False)
    # The id, once asked for (a SHA-256 each time otherwise); not part of equality or repr.
    _id: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        """Stable claim id derived from the document, relation, subject, value and span."""
        known = self._id
        if known is None:
            known = stable_id(
                "c",
                self.evidence.document,
                self.relation,  # a StrEnum: joins as its value
                self.subject,
                self.value,
                self.role or "",
                str(self.evidence.start),
            )
            object.__setattr__(self, "_id", known)  # frozen: set once, from the fields only
        return known


class Verdict(StrEnum):
    """Outcome of checking a claim against independent references."""

    VERIFIED = "verified"
    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"
    DISPUTED = "disputed"  # cited sources disagree on the fact: neither verified nor refuted


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A public reference page: where a catalogue fact comes from."""

    id: str
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Assessment:
    """A claim with its verdict, the reason, and (when contradicted) the correct value.

    ``subject_id``/``value_id`` are catalogue entity ids when the names resolved.
    """

    claim: Claim
    verdict: Verdict
    reason: str
    subject_id: str | None = None
    value_id: str | None = None
    correct_value: str | None = None
    source: SourceRef | None = None
    moderator: str | None = None


class ItemType(StrEnum):
    """The three kinds of trivia item."""

    OPEN = "open"
    MULTIPLE_CHOICE = "multiple_choice"
    TRUE_FALSE = "true_false"


@dataclass(frozen=True, slots=True)
class FactTriple:
    """The fact an item asks about, in canonical names."""

    subject: str
    relation: str
    value: str


@dataclass(frozen=True, slots=True)
class Quote:
    """Evidence attached to an item: a document id and the exact quote."""

    document: str
    quote: str


# A reference fact's value: an entity id or a literal (a name, a year, a date, a flag).
FactValue: TypeAlias = str | int | bool


@dataclass(frozen=True, slots=True)
class VerifiedFact:
    """A fact about a catalogue entity that at least one document states and a reference backs.

    ``refuted`` holds the name keys of values documents gave for the same subject and
    relation that verification did not confirm; no false statement may use them.
    """

    subject: str
    relation: Relation
    value: FactValue
    quotes: tuple[Quote, ...]
    refuted: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class TriviaItem:
    """One question of the bank. ``answers`` holds accepted forms, canonical first."""

    id: str
    type: ItemType
    question: str
    answers: tuple[str, ...]
    fact: FactTriple
    sources: tuple[Quote, ...]
    category: str
    difficulty: int
    choices: tuple[str, ...] = field(default=())
    origin: str = "seeds"
    verified: bool = True
