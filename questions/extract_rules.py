"""Sentence rules of the extractor: production facts, titles, re-edits and history.

Each rule reads one sentence and yields :class:`Found` statements about the film the
sentence is about (``subject=None``) or about a film it names itself. The rules are
phrasings of the genre (reviews and list articles), never strings of one document.
Re-edits, relatives and historical events are read by :mod:`questions.history_rules`;
plot rules, which need the story so far, live in :mod:`questions.plot_rules`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from questions.models import Relation
from questions.patterns import gated, has_any, needle_set, needles_of

YEAR = r"(?:1[89]\d\d|20\d\d)"
QUOTED = gated(r"[“\"](?P<t>[A-Z0-9][^“”\"\n]{0,80}?)[,.]?[”\"]", '"', "“")
_Q = r"[“\"](?P<{0}>[A-Z0-9][^“”\"\n]{{0,80}}?)[,.]?[”\"]"
_CAP = r"[A-ZÀ-ÝŁŚŻ][\w'’\-]*[\w]"
_INITIALS = r"[A-Z]\.(?:\s?[A-Z]\.)*"
PERSON = rf"(?:{_INITIALS}\s?)?{_CAP}(?:\s(?:{_INITIALS}|{_CAP}|van|von|de)){{0,3}}"
NAMES = rf"{PERSON}(?:(?:,| and|, and) {PERSON})*"
TITLE_YEAR = re.compile(
    rf"[“\"](?P<title>[A-Z0-9][^“”\"\n]{{1,80}}?)[,.]?[”\"],?\s+\(?(?P<year>{YEAR})\)?"
)
_SMALL = r"of|the|a|an|in|to|and|from|on|at|for|with|is"
_PLAIN_TITLE_YEAR = gated(
    rf"(?P<title>[A-Z0-9][\w'’\-]*(?:[ -](?:[A-Z0-9][\w'’\-]*|{_SMALL})){{0,7}})"
    rf" \((?P<year>{YEAR})\)",
    " (1",
    " (20",
)
_LEADING_WORD = re.compile(r"^(?:In|And|But|Like|Unlike|While|After|Before|Than|With|As) ")
_LABEL = gated(r"^(?:Description|Fact|Plot|Summary|Trivia|Note|Verdict)\s*:\s*", ":")


class Sentence(NamedTuple):
    """A sentence or line of a document with its span and paragraph number.

    A named tuple rather than a frozen dataclass: the extractor makes one per sentence and
    one per statement (:class:`Found`), and a tuple is several times cheaper to build.
    """

    start: int
    end: int
    text: str
    paragraph: int = 0


class Found(NamedTuple):
    """One statement a rule read; ``subject=None`` means the film the sentence is about."""

    relation: Relation
    value: str
    role: str | None = None
    subject: str | None = None


Rule = Callable[[Sentence], Iterator[Found]]


@dataclass(frozen=True, slots=True)
class SentenceRule:
    """A rule and literals one of which occurs in every sentence it finds anything in."""

    read: Rule
    needles: tuple[str, ...]
    needle_set: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "needle_set", needle_set(self.needles))

    def admits(self, text: str) -> bool:
        """Whether the rule may find anything in ``text`` (skip it otherwise)."""
        return has_any(self.needle_set, text)


def quoted_group(name: str) -> str:
    """The pattern of a quoted title (“Title” or "Title,"), captured as group ``name``."""
    return _Q.format(name)


def has_quote(text: str) -> bool:
    """Cheap gate before the patterns that need a quoted title."""
    return '"' in text or "“" in text


@functools.lru_cache(maxsize=64)  # several rules ask for the same sentence's body in turn
def body(text: str) -> str:
    """The sentence without a list label such as "Description:"."""
    label = _LABEL.match(text)
    return text[label.end() :] if label else text


def opening_title(text: str) -> str | None:
    """A title the sentence opens with (quoted, or followed by its year), else None."""
    text = _LEADING_WORD.sub("", body(text))
    quoted = QUOTED.match(text)
    if quoted:
        return quoted["t"]
    plain = _PLAIN_TITLE_YEAR.match(text)
    return plain["title"] if plain else None


def first_title(text: str) -> str | None:
    """The first title a sentence names, quoted or followed by its year."""
    quoted = QUOTED.search(text)
    plain = _PLAIN_TITLE_YEAR.search(text)
    candidates = [m for m in (quoted, plain) if m is not None]
    if not candidates:
        return None
    best = min(candidates, key=lambda m: m.start())
    return best["t"] if best is quoted else _LEADING_WORD.sub("", best["title"])


def split_names(names: str) -> list[str]:
    """'A B, C D and E F' -> three names; a full stop ending the sentence is not an initial."""
    parts = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", names) if n.strip()]
    return [p[:-1] if p.endswith(".") and len(p.rsplit(" ", 1)[-1]) > 2 else p for p in parts]


# ---------------------------------------------------------------- years and titles

_RELEASED = gated(
    r"\b(?:released|premiered|came out|first shown|opened)"
    rf"(?P<gap>[^.;]{{0,30}}?) in (?P<year>{YEAR})\b",
    " in 1",
    " in 20",
)
_NOT_FIRST_RELEASE = re.compile(r"\b(?:US|U\.S\.|American|English|dubbed|DVD|video|TV|re-?)")
_YEAR_FILM = gated(
    rf"\b(?:an?|the|this) (?P<year>{YEAR}) (?:[\w-]+ ){{0,3}}(?:film|movie|feature|picture)\b",
    "film",
    "movie",
    "feature",
    "picture",
    hint=rf" {YEAR} ",
)


def release_year(sentence: Sentence) -> Iterator[Found]:
    """'was released in 1963', 'a 1963 Soviet film', '“Queen of Blood” 1966'."""
    text = sentence.text
    released = _RELEASED.search(text)
    if released and not _NOT_FIRST_RELEASE.search(released["gap"]):
        yield Found(Relation.RELEASE_YEAR, released["year"])
    year_film = _YEAR_FILM.search(text)
    if year_film:
        yield Found(Relation.RELEASE_YEAR, year_film["year"])
    for match in TITLE_YEAR.finditer(text) if has_quote(text) else ():
        yield Found(Relation.RELEASE_YEAR, match["year"], subject=match["title"])
    for match in _PLAIN_TITLE_YEAR.finditer(body(text)):
        title = _LEADING_WORD.sub("", match["title"])
        yield Found(Relation.RELEASE_YEAR, match["year"], subject=title)


_AKA = gated(
    r"[”\"]\s*(?:AKA|aka|a\.k\.a\.|also known as)\s*[“\"]", "AKA", "aka", "a.k.a.", "also known as"
)
_KNOWN_AS = gated(
    r"\b(?:(?:also |better |widely )?known (?:in English |in the US |in America |internationally "
    r"|abroad )?as|(?:also )?(?:released|distributed|shown)(?: [^“\"]{0,30}?)? as|"
    r"translates? (?:to|as)|translated as|literally|English title(?: is)?)\s*,?\s*"
    + _Q.format("t"),
    "known ",
    "released",
    "distributed",
    "shown",
    "translate",
    "literally",
    "English title",
    hint=r"as\s*,?\s*[“\"]|translates? to|literally|English title",
)
_TRANSLATION = gated(_Q.format("a") + r"\s*\((?P<b>[A-Z][^()\d]{1,60}?)\)", "(")
_PAREN_AKA = gated(
    r"\((?:also known as|aka|AKA|a\.k\.a\.|English title:?|English:|US title:?)\s+"
    r"[“\"]?(?P<t>[A-Z][^()“”\"]{1,60}?)[”\"]?\)",
    "(also known as",
    "(aka",
    "(AKA",
    "(a.k.a.",
    "(English",
    "(US title",
)


def aliases(sentence: Sentence) -> Iterator[Found]:
    """AKA chains, 'known in English as', translations in parentheses."""
    text = sentence.text
    if _AKA.search(text):
        titles = QUOTED.findall(text)
        chain = titles[: len(_AKA.findall(text)) + 1]
        for alias in chain[1:]:
            yield Found(Relation.ALSO_KNOWN_AS, alias, subject=chain[0])
    for match in _KNOWN_AS.finditer(text) if has_quote(text) else ():
        before = QUOTED.findall(text[: match.start()])
        yield Found(Relation.ALSO_KNOWN_AS, match["t"], subject=before[-1] if before else None)
    for match in _TRANSLATION.finditer(text) if has_quote(text) else ():
        if not re.match(rf"{PERSON}$", match["b"]) or " " in match["b"].strip():
            yield Found(Relation.ALSO_KNOWN_AS, match["b"], subject=match["a"])
    for match in _PAREN_AKA.finditer(text):
        before = QUOTED.findall(text[: match.start()])
        yield Found(
            Relation.ALSO_KNOWN_AS, match["t"].strip(), subject=before[-1] if before else None
        )


# ---------------------------------------------------------------- production

_DIRECTED = gated(rf"\b(?:directed by|[Dd]irectors?) (?P<names>{NAMES})", "directed by", "irector")
_DIRECTOR_DID = gated(
    rf"^(?P<name>{PERSON}) (?:directed|co-directed) (?:this|the|his|her) "
    r"(?:[\w-]+ ){0,2}?(?:film|movie|adaptation|feature|picture)\b",
    "directed ",
)
_AUTHOR = rf"(?:the (?P<brothers>{_CAP}) brothers|(?P<author>{PERSON}))"
_WORK = r"(?:novel|novella|story|short story|book|tale)"
_BASED = ("ased on", "dapted from", "daptation of")
_BASED_TITLE_BY = gated(
    rf"\b(?:[Bb]ased on|[Aa]dapted from|[Aa]daptation of) (?:the |a )?{_WORK}s?,? {_Q.format('t')}"
    rf"(?: by {_AUTHOR})?",
    *_BASED,
)
_BASED_POSSESSIVE = gated(
    r"\b(?:[Bb]ased on|[Aa]dapted from|[Aa]daptation of) "
    rf"{_AUTHOR}['’]s? (?:{_WORK},? )?{_Q.format('t')}",
    *_BASED,
)
_BASED_AUTHOR = gated(
    rf"\b(?:[Bb]ased on|[Aa]dapted from|[Aa]daptation of) (?:a|an|the) (?:[\w-]+ ){{0,2}}?{_WORK}"
    rf"(?: of the same name)? by {_AUTHOR}",
    *_BASED,
)


def _author(match: re.Match[str]) -> str | None:
    if match["brothers"]:
        return f"{match['brothers']} brothers"
    return split_names(match["author"])[0] if match["author"] else None


def production(sentence: Sentence) -> Iterator[Found]:
    """Directors, source novels and their authors."""
    text = sentence.text
    directed = _DIRECTED.search(text)
    if directed and "photography" not in text[directed.start() : directed.start() + 40]:
        for name in split_names(directed["names"]):
            yield Found(Relation.DIRECTED_BY, name)
    did = _DIRECTOR_DID.search(text)
    if did:
        yield Found(Relation.DIRECTED_BY, did["name"])
    for pattern in (_BASED_TITLE_BY, _BASED_POSSESSIVE) if has_quote(text) else ():
        for match in pattern.finditer(text):
            yield Found(Relation.BASED_ON, match["t"])
            author = _author(match)
            if author:
                yield Found(Relation.WRITTEN_BY, author, subject=match["t"])
    for match in _BASED_AUTHOR.finditer(text):
        author = _author(match)
        if author:
            yield Found(Relation.SOURCE_AUTHOR, author)


DEMONYMS = {
    "Soviet": "Soviet Union",
    "Russian": "Russia",
    "East German": "East Germany",
    "West German": "West Germany",
    "Polish": "Poland",
    "American": "United States",
    "Ukrainian": "Ukraine",
    "Georgian": "Georgia",
    "Czechoslovak": "Czechoslovakia",
    "Japanese": "Japan",
    "Italian": "Italy",
}
_DEMONYM = "|".join(sorted(DEMONYMS, key=len, reverse=True))
_COUNTRY = r"(?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+)?"
_CO_PRODUCTION = gated(
    rf"\bco-?produc(?:tion|ed) (?:with|by|between) (?P<c>{_COUNTRY}(?:(?:,| and) {_COUNTRY})*)",
    "co-produc",
    "coproduc",
)
_NATIONALITY = gated(
    rf"(?:^|\b(?:is|was) )[Aa]n? (?P<d>{_DEMONYM})(?:[-–/](?P<d2>{_DEMONYM}))? (?:[\w-]+ ){{0,3}}?"
    r"(?:film|movie|production|co-production|adaptation|picture|feature)\b",
    "film",
    "movie",
    "production",
    "adaptation",
    "picture",
    "feature",
    hint=rf"[Aa]n? (?:{_DEMONYM})",
)

_ANIMATED = gated(
    r"(?:^|\b(?:is|was) )[Aa]n? animated (?:[\w-]+ )?(?:film|feature|movie)\b", "animated "
)


def country(sentence: Sentence) -> Iterator[Found]:
    """'a co-production with East Germany', 'It is a Soviet science fiction film'."""
    text = body(sentence.text)
    for match in _CO_PRODUCTION.finditer(text):
        for name in split_names(match["c"]):
            yield Found(Relation.COUNTRY, re.sub(r"^the ", "", name))
    if _ANIMATED.search(text):
        yield Found(Relation.ANIMATED, "True")
    nationality = _NATIONALITY.search(text)
    if nationality:
        for demonym in (nationality["d"], nationality["d2"]):
            if demonym:
                yield Found(Relation.COUNTRY, DEMONYMS[demonym])


_STUDIO = gated(
    r"\b(?:at|by|from|of) (?:the )?"
    r"(?P<s>(?:[A-Z][\w-]*\s){1,3}(?:Film )?Studios?|[A-Z][a-z]+film)\b"
    r"|(?P<p>(?:[A-Z][\w-]*\s){1,3}(?:Film )?Studios?|[A-Z][a-z]+film) production",
    "Studio",
    "film",
    hint=r"Studio|[a-z]film",
)
_NARRATOR = gated(
    rf"\bnarrator,? \(?(?P<a>{PERSON})\)?|\bnarrated by (?P<b>{PERSON})|(?P<c>{PERSON}) narrates",
    "narrat",
)


def studio_and_narrator(sentence: Sentence) -> Iterator[Found]:
    """'made at the Odessa Film Studio', 'a narrator (Name)', 'narrated by Name'."""
    text = sentence.text
    for match in _STUDIO.finditer(text):
        yield Found(Relation.STUDIO, (match["s"] or match["p"]).strip())
    for match in _NARRATOR.finditer(text):
        yield Found(Relation.NARRATED_BY, match["a"] or match["b"] or match["c"])


_PAREN_NAME = r" \([A-ZÀ-ÝŁŚŻ]"  # where a name in parentheses may begin
_PAIR = gated(rf"(?<![“\"\w])(?P<a>{PERSON}) \((?P<b>{PERSON})\)", " (", hint=_PAREN_NAME)
_DESCRIBED = gated(
    r"\b(?:a|an|the) (?P<d>(?:[a-z-]+ ){0,2}(?:alien|woman|man|girl|boy|scientist|captain|"
    rf"commander|robot|pilot|cosmonaut|astronaut|professor|doctor|engineer)) \((?P<b>{PERSON})\)",
    " (",
    hint=_PAREN_NAME,
)
_PLAYS = gated(
    rf"\b(?:starring )?(?P<actor>{PERSON}) (?:plays|played|portrays|portrayed|as)"
    rf" (?P<role>{PERSON})"
    rf"|(?P<role2>{PERSON}),? (?:is |was )?played by (?P<actor2>{PERSON})",
    " play",
    " portray",
    " as ",
    # The actor's name ends right before the verb: in a capitalised word, an initial's full
    # stop or a particle ("the same year as Vostok 1" fails here, not at every name).
    hint=r"(?:[A-ZÀ-ÝŁŚŻ][\w'’\-]*\w|\.|van|von|de) (?:plays|played|portrays|portrayed|as)"
    r" [A-ZÀ-ÝŁŚŻ]|played by ",
)
NOT_NAMES = frozenset({"It", "He", "She", "They", "This", "The", "One", "Both", "Footage"})


def cast(sentence: Sentence) -> Iterator[Found]:
    """'Character (Actor)' pairs, 'a female alien (Actor)', 'Actor plays Character'."""
    text = sentence.text
    for match in _PAIR.finditer(text):
        if match["a"].split()[0] not in NOT_NAMES and "narrator" not in text[: match.start()][-12:]:
            yield Found(Relation.CAST, match["b"], role=match["a"])
    for match in _DESCRIBED.finditer(text):
        yield Found(Relation.CAST, match["b"], role=match["d"])
    for match in _PLAYS.finditer(text):
        actor, role = match["actor"] or match["actor2"], match["role"] or match["role2"]
        if actor.split()[0] not in NOT_NAMES and role.split()[0] not in NOT_NAMES:
            yield Found(Relation.CAST, actor, role=role)


RULES: tuple[SentenceRule, ...] = (
    SentenceRule(
        release_year, needles_of(QUOTED, _RELEASED, _YEAR_FILM, _PLAIN_TITLE_YEAR)
    ),  # TITLE_YEAR needs a quote, like QUOTED
    SentenceRule(aliases, needles_of(_AKA, _KNOWN_AS, _TRANSLATION, _PAREN_AKA)),
    SentenceRule(
        production,
        needles_of(_DIRECTED, _DIRECTOR_DID, _BASED_TITLE_BY, _BASED_POSSESSIVE, _BASED_AUTHOR),
    ),
    SentenceRule(country, needles_of(_CO_PRODUCTION, _ANIMATED, _NATIONALITY)),
    SentenceRule(studio_and_narrator, needles_of(_STUDIO, _NARRATOR)),
    SentenceRule(cast, needles_of(_PAIR, _DESCRIBED, _PLAYS)),
)
