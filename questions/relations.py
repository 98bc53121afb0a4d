"""Everything the pipeline knows about each relation, in one table.

A :class:`RelationSpec` says what kind of entity a relation's subject and value are, whether
a subject has one value or several, whether the references list every value (so that a value
they lack is wrong rather than unknown), which category its questions belong to, and the cue
words that tell the extractor a sentence states it. Extraction, verification, the
disagreement report and the question templates all read this table; adding a relation is
one entry here plus its wording in :mod:`questions.wording` or :mod:`questions.templates`.
"""

from __future__ import annotations

from dataclasses import dataclass

from questions.models import Relation

# Entity kinds a film relation usually links; a value kind of None means a literal (a year).
FILM = ("film",)
PERSON = ("person",)


@dataclass(frozen=True, slots=True)
class RelationSpec:
    """How one relation behaves in every stage of the pipeline.

    ``cues`` are words or phrases that, written between a film and a value (or just before
    the value), say that the sentence states this relation; ``after_cues`` are those written
    right after the value ("Kurt Maetzig directed ..."). ``reverse_cues`` are film-to-film
    cues that name the value first ("B, a re-edit of A": A is the subject).
    """

    relation: Relation
    category: str
    value_kinds: tuple[str, ...] | None
    subject_kinds: tuple[str, ...] = FILM
    single_valued: bool = False
    complete: bool = True
    cues: tuple[str, ...] = ()
    after_cues: tuple[str, ...] = ()
    reverse_cues: tuple[str, ...] = ()


_SPECS = (
    RelationSpec(
        Relation.RELEASE_YEAR,
        "years",
        None,
        single_valued=True,
        cues=(
            "released",
            "premiered",
            "premiere",
            "came out",
            "come out",
            "opened",
            "debuted",
            "first shown",
            "hit cinemas",
            "hit screens",
            "reached cinemas",
            "release",
            "made in",
            "shot in",
            "produced in",
            "filmed in",
            "from",
            "of",
            "ussr",
            "usa",
            "film",
            "movie",
            "picture",
            "feature",
        ),
    ),
    RelationSpec(
        Relation.PUBLISHED_YEAR,
        "years",
        None,
        subject_kinds=("novel",),
        single_valued=True,
        cues=("published", "written in", "appeared in", "came out", "novel", "book"),
    ),
    RelationSpec(Relation.EVENT_DATE, "years", None, subject_kinds=("event",), single_valued=True),
    RelationSpec(
        Relation.DIRECTED_BY,
        "people",
        PERSON,
        cues=(
            "directed by",
            "co-directed by",
            "direction of",
            "directed jointly by",
            "helmed by",
            "director",
            "directors",
            "co-director",
            "co-directors",
            "filmmaker",
            "filmmakers",
            "dir.",
            "co-directed with",
            "directed with",
            "made by",
            "shot by",
            "filmed by",
            "directing",
            "a film by",
            "feature by",
            "film by",
            "movie by",
            "picture by",
        ),
        after_cues=("directed", "co-directed", "helmed", "shared directing", "shared the direct"),
    ),
    RelationSpec(
        Relation.PRODUCED_BY,
        "people",
        PERSON,
        complete=False,
        cues=("produced by", "producer", "producers", "prod.", "executive producer"),
        after_cues=("produced", "bought", "acquired", "picked up"),
    ),
    RelationSpec(
        Relation.NARRATED_BY,
        "people",
        PERSON,
        complete=False,
        cues=("narrated by", "narrator", "narration by", "narration", "voice-over by"),
        after_cues=("narrates", "narrated"),
    ),
    RelationSpec(
        Relation.MUSIC_BY,
        "people",
        PERSON,
        complete=False,
        cues=(
            "music by",
            "score by",
            "composed by",
            "composer",
            "music",
            "score",
            "scored by",
            "soundtrack by",
        ),
        after_cues=("composed", "scored", "wrote the music", "wrote the score"),
    ),
    RelationSpec(
        Relation.CAST,
        "people",
        PERSON,
        complete=False,
        cues=(
            "starring",
            "stars",
            "star",
            "starred",
            "cast",
            "cast includes",
            "features",
            "featuring",
            "with",
            "played by",
            "portrayed by",
            "actor",
            "actress",
            "actors",
        ),
        after_cues=("plays", "played", "portrays", "portrayed", "stars as", "starred as", "as"),
    ),
    RelationSpec(
        Relation.WRITTEN_BY,
        "people",
        PERSON,
        subject_kinds=("novel",),
        cues=("written by", "author", "novelist", "writer"),
        after_cues=("wrote",),
    ),
    RelationSpec(
        Relation.SOURCE_AUTHOR,
        "people",
        PERSON,
        cues=(
            "novel by",
            "story by",
            "book by",
            "novella by",
            "work by",
            "source novel by",
        ),
    ),
    RelationSpec(
        Relation.BASED_ON,
        "production history",
        ("novel",),
        single_valued=True,
        cues=(
            "based on",
            "adapted from",
            "adaptation of",
            "adapts",
            "adapting",
            "from the novel",
            "from the story",
            "source novel",
            "novel",
        ),
    ),
    RelationSpec(
        Relation.COUNTRY,
        "production history",
        ("country",),
        cues=("co-production with", "co-produced with", "coproduction with", "made in", "from"),
    ),
    RelationSpec(
        Relation.STUDIO,
        "production history",
        ("studio",),
        cues=(
            "at",
            "by",
            "studio",
            "studios",
            "made at",
            "shot at",
            "produced at",
            "produced by",
            "from",
            "production",
        ),
    ),
    RelationSpec(
        Relation.FOOTAGE_USED_IN,
        "production history",
        FILM,
        complete=False,
        cues=(
            "re-edited into",
            "re-edited as",
            "reedited into",
            "recut into",
            "re-cut into",
            "recut as",
            "re-cut as",
            "turned into",
            "made into",
            "reworked into",
            "cut into",
            "became",
            "footage from",
            "footage of",
            "footage",
            "to make",
            "to create",
            "into",
        ),
        reverse_cues=(
            "re-edit of",
            "reedit of",
            "recut of",
            "re-cut of",
            "version of",
            "re-edited from",
            "cut from",
            "made from",
            "assembled from",
            "built from",
            "footage from",
            "footage of",
            "borrowed from",
            "recycled",
            "reuses",
            "re-uses",
            "reused",
            "re-used",
            "lifted from",
        ),
    ),
    RelationSpec(
        Relation.SEQUEL,
        "production history",
        FILM,
        cues=("sequel", "followed by", "continued in", "continued by"),
        reverse_cues=("sequel to", "sequel of", "follow-up to", "continuation of"),
    ),
    RelationSpec(
        Relation.ALSO_KNOWN_AS,
        "films",
        FILM,
        cues=(
            "aka",
            "a.k.a.",
            "also known as",
            "known as",
            "released as",
            "distributed as",
            "shown as",
            "retitled",
            "titled",
            "english title",
            "english:",
            "russian:",
            "translates as",
            "translates to",
            "translated as",
            "literally",
            "or",
            "also called",
            "called",
        ),
    ),
    RelationSpec(
        Relation.SETTING,
        "films",
        ("place",),
        complete=False,
        cues=(
            "set on",
            "set in",
            "takes place on",
            "take place on",
            "mission to",
            "expedition to",
            "journey to",
            "voyage to",
            "trip to",
            "flight to",
            "travel to",
            "travels to",
            "fly to",
            "flies to",
            "land on",
            "lands on",
            "landing on",
            "landed on",
            "arrive on",
            "arrives on",
            "reach",
            "reaches",
        ),
    ),
    RelationSpec(Relation.ANIMATED, "films", None, cues=("animated", "cartoon")),
    RelationSpec(Relation.INVOLVES, "people", PERSON, subject_kinds=("event",), complete=False),
    RelationSpec(Relation.RELEASED_AFTER, "years", ("event",)),
    RelationSpec(Relation.RELEASED_SHORTLY_AFTER, "years", ("event",)),
    RelationSpec(Relation.RELEASED_SAME_YEAR_AS, "years", ("event",)),
    RelationSpec(Relation.RELEASE_DATE, "years", None),
    RelationSpec(Relation.DEPICTS, "films", ("event",), single_valued=True),
    RelationSpec(Relation.INSPIRED, "production history", FILM, complete=False),
    # A plot statement: the value is the key entity (a place, character or number) of one
    # sentence of the story, checked against a cited synopsis of the film.
    RelationSpec(Relation.PLOT, "plot", ("place", "character", "number"), complete=False),
)

SPECS: dict[Relation, RelationSpec] = {spec.relation: spec for spec in _SPECS}


def spec(relation: Relation) -> RelationSpec:
    """The spec of ``relation`` (every relation has one)."""
    return SPECS[relation]


SINGLE_VALUED = frozenset(s.relation for s in _SPECS if s.single_valued)
INCOMPLETE = frozenset(s.relation for s in _SPECS if not s.complete)
CATEGORIES = {s.relation: s.category for s in _SPECS}
