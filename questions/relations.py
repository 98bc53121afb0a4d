"""Everything the pipeline knows about each relation, in one table.

A :class:`RelationSpec` says what kind of entity a relation's subject and value are, whether
a subject has one value or several, whether the references list every value (so that a value
they lack is wrong rather than unknown), which category its questions belong to, the cue
words that tell the extractor a sentence states it, and the template and phrasing of its
questions. Extraction, verification, the disagreement report and the question templates all
read this table: adding a relation whose value is a person, a place or a film is one entry
here (with its cue words and phrasing) and its tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from questions.models import Relation

# Entity kinds a film relation usually links; a value kind of None means a literal (a year).
FILM = ("film",)
PERSON = ("person",)


@dataclass(frozen=True, slots=True)
class Phrasing:
    """Wording of an entity-valued relation.

    Placeholders: ``{s}`` the subject, ``{S}`` the same capitalised, ``{v}`` the value,
    ``{others}`` the subject's other values of the relation, comma-separated, and
    ``{listed}`` the same joined with "and" (both for ``several``).
    """

    open: tuple[str, ...]
    choice: str
    statement: str
    several: str | None = None
    extra: int = 0


@dataclass(frozen=True, slots=True)
class RelationSpec:
    """How one relation behaves in every stage of the pipeline.

    ``template`` names the question template of :mod:`questions.templates` that words its
    items, with ``phrasing`` when the template takes one. ``cues`` are words or phrases
    that, written between a film and a value (or just before the value), say that the
    sentence states this relation; ``after_cues`` are those written right after the value
    ("Kurt Maetzig directed ...", "Actor plays Role"). ``reverse_cues`` are film-to-film cues
    that name the value first ("B, a re-edit of A": A is the subject). ``labels`` are the
    words a credits line puts before its values ("Director: X", "Studio: Y | Music: Z").
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
    labels: tuple[str, ...] = ()
    template: str = "entity"
    phrasing: Phrasing | None = None


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
        template="dated",
        phrasing=Phrasing(
            ("In which year was {s} released?", "{S} premiered in which year?"),
            "{S} came out in which year?",
            "{S} was released in {v}.",
        ),
        labels=("year", "released", "release", "premiere"),
    ),
    RelationSpec(
        Relation.PUBLISHED_YEAR,
        "years",
        None,
        subject_kinds=("novel",),
        single_valued=True,
        cues=("published", "written in", "appeared in", "came out", "novel", "book"),
        template="dated",
        phrasing=Phrasing(
            ("In which year was {s} first published?",),
            "{S} was first published in which year?",
            "{S} was first published in {v}.",
            extra=1,
        ),
    ),
    RelationSpec(
        Relation.EVENT_DATE,
        "years",
        None,
        subject_kinds=("event",),
        single_valued=True,
        template="dated",
        phrasing=Phrasing(
            ("In which year did {s} take place?",),
            "{S} took place in which year?",
            "{S} took place in {v}.",
        ),
    ),
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
            "under the direction of",
            "put together by",
            "assembled by",
            "direction by",
            "behind the camera",
            "helmer",
            "film by",
            "movie by",
            "picture by",
            "silent by",
            "epic by",
            "classic by",
            "comedy by",
            "drama by",
        ),
        after_cues=("directed", "co-directed", "helmed", "directing"),
        phrasing=Phrasing(
            ("Who directed {s}?", "Which filmmaker directed {s}?"),
            "Which of these directed {s}?",
            "{v} directed {s}.",
            "{S} was co-directed by {others} and which other director?",
        ),
        labels=("director", "directors", "directed by", "dir."),
    ),
    RelationSpec(
        Relation.PRODUCED_BY,
        "people",
        PERSON,
        complete=False,
        cues=("produced by", "producer", "producers", "prod.", "executive producer"),
        after_cues=("produced", "co-produced"),
        phrasing=Phrasing(
            ("Who produced {s}?",),
            "Which of these produced {s}?",
            "{v} produced {s}.",
            "{S} was produced by {others} and which other producer?",
            extra=1,
        ),
        labels=("producer", "producers", "produced by"),
    ),
    RelationSpec(
        Relation.NARRATED_BY,
        "people",
        PERSON,
        complete=False,
        cues=("narrated by", "narrator", "narration by", "narration", "voice-over by"),
        after_cues=("narrates", "narrated"),
        phrasing=Phrasing(
            ("Who narrated {s}?",),
            "Which of these narrated {s}?",
            "{v} narrated {s}.",
            "{S} was narrated by {others} and who else?",
            extra=1,
        ),
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
            "composers",
            "music",
            "score",
            "scores",
            "scored by",
            "soundtrack by",
            "song is by",
            "songs are by",
            "theme is by",
        ),
        after_cues=(
            "composed",
            "scored",
            "wrote the music",
            "wrote the score",
            "wrote the soundtrack",
            "wrote the songs",
            "wrote the song",
            "wrote the theme song",
            "wrote the title song",
            "wrote the theme",
            "share the music credit",
            "shared the music credit",
        ),
        phrasing=Phrasing(
            ("Who composed the music for {s}?", "Who wrote the score of {s}?"),
            "Which of these composers scored {s}?",
            "{v} composed the music for {s}.",
            "The music for {S} is by {others} and which other composer?",
            extra=1,
        ),
        labels=("music", "score", "composer", "music by"),
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
            "voiced by",
            "voice cast",
            "actor",
            "actress",
            "actors",
            "alongside",
            "opposite",
            "led by",
            "performances by",
            "performance by",
            "cast member",
            "cast members",
            "co-star",
            "co-stars",
        ),
        after_cues=(
            "plays",
            "played",
            "portrays",
            "portrayed",
            "voices",
            "voiced",
            "as",
            "stars as",
            "is",
        ),
        template="cast",
        phrasing=Phrasing(
            ("Which actor appeared in {s}?",),
            "Which of these actors appeared in {s}?",
            "{v} appeared in {s}.",
            "Besides {listed}, which actor appeared in {s}?",
            extra=1,
        ),
        labels=("cast", "starring", "with", "voices", "voice cast"),
    ),
    RelationSpec(
        Relation.WRITTEN_BY,
        "people",
        PERSON,
        subject_kinds=("novel",),
        cues=("written by", "author", "novelist", "writer"),
        after_cues=("wrote", "published", "had published"),
        phrasing=Phrasing(
            ("Who wrote {s}?",),
            "Which of these writers wrote {s}?",
            "{v} wrote {s}.",
            "{S} was written by {others} and which other writer?",
            extra=1,
        ),
    ),
    RelationSpec(
        Relation.SOURCE_AUTHOR,
        "people",
        PERSON,
        cues=(
            "novel by",
            "story by",
            "book by",
            "story is by",  # "The story is by X"
            "story was by",
            "novel is by",
            "novel was by",
            "book is by",
            "book was by",
            "novella by",
            "work by",
            "source novel by",
            "same name by",  # "the novel of the same name by X"
            "same title by",
            "novel of",  # "after a novel of Kazantsev himself"
            "novels of",
            "novella of",
            "book of",
        ),
        template="source author",
    ),
    RelationSpec(
        Relation.BASED_ON,
        "production history",
        ("novel",),
        single_valued=True,
        cues=(
            "based on",
            "based loosely on",  # an adverb inside the cue
            "based partly on",
            "based freely on",
            "adapted loosely from",
            "adapted freely from",
            "adapted from",
            "adaptation of",
            "adapts",
            "adapting",
            "from the novel",
            "from the story",
            "source novel",
            "novel",
            "short story",
            "his story",
            "her story",
            "drawn from",
            "taken from",
            "comes from",
            "came from",
            "from",
            "via",
            "adapted",
            "leaning on",
            "inspired by",
            "drew on",
            "draws on",
            "drawing on",
            "based upon",
            "version of",
            "retelling of",
            "take on",
        ),
        template="based on",
        phrasing=Phrasing(
            ("Which novel is {s} based on?", "{S} is an adaptation of which novel?"),
            "Which of these novels was adapted as {s}?",
            "{S} is based on {v}.",
            extra=1,
        ),
        labels=("source", "based on", "from the novel", "novel"),
    ),
    RelationSpec(
        Relation.COUNTRY,
        "production history",
        ("country",),
        cues=("co-production with", "co-produced with", "coproduction with", "made in", "from"),
        phrasing=Phrasing(
            ("In which country was {s} made?", "Which country produced {s}?"),
            "Which of these countries produced {s}?",
            "{S} was made in {v}.",
            "{S} was a co-production of {others} and which other country?",
        ),
        labels=("country", "countries"),
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
            "out of",
            "production",
            "for",
        ),
        phrasing=Phrasing(
            ("Which studio made {s}?", "At which film studio was {s} made?"),
            "Which of these studios made {s}?",
            "{S} was made at {v}.",
            "{S} was made by {others} and which other studio?",
            extra=1,
        ),
        labels=("studio", "studios", "production company"),
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
            "becomes",
            "turns into",
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
            "assembled out of",
            "built from",
            "built out of",
            "made out of",
            "cut together from",
            "pieced together from",
            "stitched together from",
            "footage from",
            "footage of",
            "borrowed from",
            "recycled",
            "reuses",
            "re-uses",
            "reused",
            "re-used",
            "lifted from",
            "cannibalised",
            "cannibalized",
            "cannibalises",
            "cannibalizes",
            "shots from",
            "effects from",
            "scenes from",
            "sequences from",
            "material from",
        ),
        template="footage",
        phrasing=Phrasing(
            ("Footage from {s} was re-used in which later film?",),
            "Footage from {s} was re-used in which of these films?",
            "Footage from {s} was re-used in {v}.",
            "Footage from {s} went into {others} and which other film?",
            extra=1,
        ),
    ),
    RelationSpec(
        Relation.SEQUEL,
        "production history",
        FILM,
        cues=("sequel", "followed by", "continued in", "continued by"),
        reverse_cues=("sequel to", "sequel of", "follow-up to", "continuation of"),
        template="sequel",
        phrasing=Phrasing(
            ("Which film is the sequel to {s}?",),
            "Which of these films is the sequel to {s}?",
            "{v} is the sequel to {s}.",
        ),
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
        template="titles",
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
            "planet",  # "to the desert planet Pluke"
            "sends",
            "sent to",
            "send to",
            "transported to",
            "transports",
            "stranded on",
            "ends up on",
            "end up on",
            "crashes on",
            "crash-lands on",
        ),
        phrasing=Phrasing(
            ("Where is {s} set?",),
            "Which of these is a setting of {s}?",
            "{S} is set on {v}.",
            "{S} is set on {others} and where else?",
        ),
    ),
    RelationSpec(
        Relation.ANIMATED, "films", None, cues=("animated", "cartoon"), template="animated"
    ),
    RelationSpec(
        Relation.INVOLVES,
        "people",
        PERSON,
        subject_kinds=("event",),
        complete=False,
        phrasing=Phrasing(
            ("Who took part in {s}?",),
            "Which of these people took part in {s}?",
            "{v} took part in {s}.",
            "{S} involved {others} and who else?",
        ),
    ),
    RelationSpec(Relation.RELEASED_AFTER, "years", ("event",), template="timeline"),
    RelationSpec(Relation.RELEASED_SHORTLY_AFTER, "years", ("event",), template="timeline"),
    RelationSpec(Relation.RELEASED_SAME_YEAR_AS, "years", ("event",), template="timeline"),
    RelationSpec(Relation.RELEASE_DATE, "years", None, template="release date"),
    RelationSpec(
        Relation.DEPICTS,
        "films",
        ("event",),
        single_valued=True,
        phrasing=Phrasing(
            ("Which real event does {s} depict?",),
            "Which of these real events does {s} depict?",
            "{S} depicts {v}.",
            "{S} depicts {others} and which other real event?",
        ),
    ),
    RelationSpec(
        Relation.INSPIRED,
        "production history",
        FILM,
        complete=False,
        phrasing=Phrasing(
            ("Which later film did {s} inspire?",),
            "Which of these later films did {s} inspire?",
            "{S} inspired {v}.",
            "{S} inspired {others} and which other later film?",
            extra=1,
        ),
    ),
    # A plot statement: the value is the key entity (a place, character or number) of one
    # sentence of the story, checked against a cited synopsis of the film.
    RelationSpec(
        Relation.PLOT, "plot", ("place", "character", "number"), complete=False, template="plot"
    ),
)

SPECS: dict[Relation, RelationSpec] = {spec.relation: spec for spec in _SPECS}


def spec(relation: Relation) -> RelationSpec:
    """The spec of ``relation`` (every relation has one)."""
    return SPECS[relation]


SINGLE_VALUED = frozenset(s.relation for s in _SPECS if s.single_valued)
INCOMPLETE = frozenset(s.relation for s in _SPECS if not s.complete)
CATEGORIES = {s.relation: s.category for s in _SPECS}
