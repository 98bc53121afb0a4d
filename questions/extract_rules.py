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
import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from questions.models import Relation
from questions.patterns import Gated, gated, has_any, needle_set, needles_of, occurring

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
_NAME_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
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


def rule(read: Rule, *patterns: Gated) -> SentenceRule:
    """``read`` behind the needles of ``patterns``: it finds nothing without one of them."""
    return SentenceRule(read, needles_of(*patterns))


class RuleBook:
    """Sentence rules in order, each run only on sentences with one of its needles.

    A sentence is scanned once for every needle (:func:`~questions.patterns.occurring`);
    the rules to run for a set of needles are worked out once and remembered, since a
    corpus has far fewer such sets than sentences. Reading a sentence then calls only
    those rules, in the book's order, so statements come out as if every rule had run.
    """

    _PLANS_KEPT = 4096

    def __init__(self, rules: Iterable[SentenceRule]) -> None:
        self.rules = tuple(rules)
        self._plans: dict[frozenset[str], tuple[Rule, ...]] = {}

    def plan(self, present: frozenset[str]) -> tuple[Rule, ...]:
        """The rules that may find something in a sentence holding the needles ``present``."""
        plan = self._plans.get(present)
        if plan is None:
            plan = tuple(r.read for r in self.rules if not r.needle_set.isdisjoint(present))
            if len(self._plans) >= self._PLANS_KEPT:
                self._plans.clear()
            self._plans[present] = plan
        return plan

    def read(self, sentence: Sentence) -> Iterator[Found]:
        """Every statement the rules find in ``sentence``, in the book's order."""
        for read in self.plan(occurring(sentence.text)):
            yield from read(sentence)


def quoted_group(name: str) -> str:
    """The pattern of a quoted title (“Title” or "Title,"), captured as group ``name``."""
    return _Q.format(name)


def has_quote(text: str) -> bool:
    """Cheap gate before the patterns that need a quoted title."""
    return '"' in text or "“" in text


@functools.lru_cache(maxsize=64)  # several rules ask for the same sentence's body in turn
def body(text: str) -> str:
    """The sentence without a list label such as "Description:".

    Rules planned on the sentence's needles search its body with the ``*_unscanned``
    pattern methods: a needle the body lacks only costs a failed search.
    """
    label = _LABEL.match(text)
    return text[label.end() :] if label else text


def opening_title(text: str) -> str | None:
    """A title the sentence opens with (quoted, or followed by its year), else None.

    The bare patterns are tried: a match at the start fails at once on most sentences,
    while the gates would scan the label-less text for needles all over again.
    """
    text = _LEADING_WORD.sub("", body(text))
    quoted = QUOTED.pattern.match(text)
    if quoted:
        return quoted["t"]
    plain = _PLAIN_TITLE_YEAR.pattern.match(text)
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
    parts = [n.strip() for n in _NAME_SEPARATOR.split(names) if n.strip()]
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


# A quoted title followed by its year; every match has the closing quote, then the year.
_QUOTED_TITLE_YEAR = Gated(TITLE_YEAR, ('"', "”"), re.compile(rf"[”\"],?\s+\(?{YEAR}"))


def released(sentence: Sentence) -> Iterator[Found]:
    """'was released in 1963' (not a later American, dubbed or video release)."""
    found = _RELEASED.search(sentence.text)
    if found and not _NOT_FIRST_RELEASE.search(found["gap"]):
        yield Found(Relation.RELEASE_YEAR, found["year"])


def year_film(sentence: Sentence) -> Iterator[Found]:
    """'a 1963 Soviet film'."""
    found = _YEAR_FILM.search(sentence.text)
    if found:
        yield Found(Relation.RELEASE_YEAR, found["year"])


def quoted_title_years(sentence: Sentence) -> Iterator[Found]:
    """'“Queen of Blood” 1966', '"Mechte Navstrechu" (1963)'."""
    for match in _QUOTED_TITLE_YEAR.finditer(sentence.text):
        yield Found(Relation.RELEASE_YEAR, match["year"], subject=match["title"])


def plain_title_years(sentence: Sentence) -> Iterator[Found]:
    """'Planeta Bur (1962)' inside a sentence."""
    for match in _PLAIN_TITLE_YEAR.finditer_unscanned(body(sentence.text)):
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


def aka_chain(sentence: Sentence) -> Iterator[Found]:
    """'“Nebo Zovyot” AKA “The Sky Calls”': every later title names the first one's film."""
    text = sentence.text
    if _AKA.search(text):
        titles = QUOTED.findall(text)
        chain = titles[: len(_AKA.findall(text)) + 1]
        for alias in chain[1:]:
            yield Found(Relation.ALSO_KNOWN_AS, alias, subject=chain[0])


def known_as(sentence: Sentence) -> Iterator[Found]:
    """'known in English as “Title”', about the title quoted before it."""
    text = sentence.text
    for match in _KNOWN_AS.finditer(text) if has_quote(text) else ():
        before = QUOTED.findall(text[: match.start()])
        yield Found(Relation.ALSO_KNOWN_AS, match["t"], subject=before[-1] if before else None)


def translations(sentence: Sentence) -> Iterator[Found]:
    """'“Nebo Zovyot” (The Sky Calls)': a translation in parentheses, not a name."""
    text = sentence.text
    for match in _TRANSLATION.finditer(text) if has_quote(text) else ():
        if not re.match(rf"{PERSON}$", match["b"]) or " " in match["b"].strip():
            yield Found(Relation.ALSO_KNOWN_AS, match["b"], subject=match["a"])


def parenthesised_aka(sentence: Sentence) -> Iterator[Found]:
    """'(also known as Title)' after the title quoted before it."""
    text = sentence.text
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
    anchor=1,  # the needles follow the capital or small first letter
)
_BASED_POSSESSIVE = gated(
    r"\b(?:[Bb]ased on|[Aa]dapted from|[Aa]daptation of) "
    rf"{_AUTHOR}['’]s? (?:{_WORK},? )?{_Q.format('t')}",
    *_BASED,
    anchor=1,
)
_BASED_AUTHOR = gated(
    rf"\b(?:[Bb]ased on|[Aa]dapted from|[Aa]daptation of) (?:a|an|the) (?:[\w-]+ ){{0,2}}?{_WORK}"
    rf"(?: of the same name)? by {_AUTHOR}",
    *_BASED,
    anchor=1,
)


def _author(match: re.Match[str]) -> str | None:
    if match["brothers"]:
        return f"{match['brothers']} brothers"
    return split_names(match["author"])[0] if match["author"] else None


def directed_by(sentence: Sentence) -> Iterator[Found]:
    """'directed by A and B', 'director A' (not a director of photography)."""
    text = sentence.text
    directed = _DIRECTED.search(text)
    if directed and "photography" not in text[directed.start() : directed.start() + 40]:
        for name in split_names(directed["names"]):
            yield Found(Relation.DIRECTED_BY, name)


def director_did(sentence: Sentence) -> Iterator[Found]:
    """'Name directed this film'."""
    did = _DIRECTOR_DID.search(sentence.text)
    if did:
        yield Found(Relation.DIRECTED_BY, did["name"])


def based_on_titles(sentence: Sentence) -> Iterator[Found]:
    """'based on the novel “Title” by Author', 'based on Author's novel “Title”'."""
    text = sentence.text
    for pattern in (_BASED_TITLE_BY, _BASED_POSSESSIVE) if has_quote(text) else ():
        for match in pattern.finditer(text):
            yield Found(Relation.BASED_ON, match["t"])
            author = _author(match)
            if author:
                yield Found(Relation.WRITTEN_BY, author, subject=match["t"])


def based_on_author(sentence: Sentence) -> Iterator[Found]:
    """'based on a story by Author' without the work's title."""
    for match in _BASED_AUTHOR.finditer(sentence.text):
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
    anchor=0,
)
_NATIONALITY = gated(
    rf"(?:^|\b(?:is|was) )[Aa]n? (?P<d>{_DEMONYM})(?:[-–/](?P<d2>{_DEMONYM}))? (?:[\w-]+ ){{0,3}}?"
    r"(?:film|movie|production|co-production|adaptation|picture|feature)\b",
    *(f"{article} {demonym}" for article in ("a", "A", "an", "An") for demonym in DEMONYMS),
)

_ANIMATED = gated(
    r"(?:^|\b(?:is|was) )[Aa]n? animated (?:[\w-]+ )?(?:film|feature|movie)\b", "animated "
)


def co_production(sentence: Sentence) -> Iterator[Found]:
    """'a co-production with East Germany'."""
    for match in _CO_PRODUCTION.finditer_unscanned(body(sentence.text)):
        for name in split_names(match["c"]):
            yield Found(Relation.COUNTRY, name.removeprefix("the "))


def animated(sentence: Sentence) -> Iterator[Found]:
    """'It is an animated film'."""
    if _ANIMATED.search_unscanned(body(sentence.text)):
        yield Found(Relation.ANIMATED, "True")


def nationality(sentence: Sentence) -> Iterator[Found]:
    """'It is a Soviet science fiction film', 'a Soviet-Polish co-production'."""
    found = _NATIONALITY.search_unscanned(body(sentence.text))
    if found:
        for demonym in (found["d"], found["d2"]):
            if demonym:
                yield Found(Relation.COUNTRY, DEMONYMS[demonym])


_STUDIO = gated(
    r"\b(?:at|by|from|of) (?:the )?"
    r"(?P<s>(?:[A-Z][\w-]*\s){1,3}(?:Film )?Studios?|[A-Z][a-z]+film)\b"
    r"|(?P<p>(?:[A-Z][\w-]*\s){1,3}(?:Film )?Studios?|[A-Z][a-z]+film) production",
    "Studio",
    # a studio named like Mosfilm: "film" right after a small letter
    *(f"{letter}film" for letter in string.ascii_lowercase),
)
_NARRATOR = gated(
    rf"\bnarrator,? \(?(?P<a>{PERSON})\)?|\bnarrated by (?P<b>{PERSON})|(?P<c>{PERSON}) narrates",
    "narrat",
)


def studio(sentence: Sentence) -> Iterator[Found]:
    """'made at the Odessa Film Studio', 'a Mosfilm production'."""
    for match in _STUDIO.finditer(sentence.text):
        yield Found(Relation.STUDIO, (match["s"] or match["p"]).strip())


def narrator(sentence: Sentence) -> Iterator[Found]:
    """'a narrator (Name)', 'narrated by Name', 'Name narrates'."""
    for match in _NARRATOR.finditer(sentence.text):
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


def cast_pairs(sentence: Sentence) -> Iterator[Found]:
    """'Character (Actor)' pairs (the extractor swaps them when the names say otherwise)."""
    text = sentence.text
    for match in _PAIR.finditer(text):
        if match["a"].split()[0] not in NOT_NAMES and "narrator" not in text[: match.start()][-12:]:
            yield Found(Relation.CAST, match["b"], role=match["a"])


def described_roles(sentence: Sentence) -> Iterator[Found]:
    """'a female alien (Actor)'."""
    for match in _DESCRIBED.finditer(sentence.text):
        yield Found(Relation.CAST, match["b"], role=match["d"])


def plays(sentence: Sentence) -> Iterator[Found]:
    """'Actor plays Character', 'Character is played by Actor'."""
    for match in _PLAYS.finditer(sentence.text):
        actor, role = match["actor"] or match["actor2"], match["role"] or match["role2"]
        if actor.split()[0] not in NOT_NAMES and role.split()[0] not in NOT_NAMES:
            yield Found(Relation.CAST, actor, role=role)


# In this order: a sentence's statements come out rule by rule.
RULES: tuple[SentenceRule, ...] = (
    rule(released, _RELEASED),
    rule(year_film, _YEAR_FILM),
    rule(quoted_title_years, _QUOTED_TITLE_YEAR),
    rule(plain_title_years, _PLAIN_TITLE_YEAR),
    rule(aka_chain, _AKA),
    rule(known_as, _KNOWN_AS),
    rule(translations, _TRANSLATION),
    rule(parenthesised_aka, _PAREN_AKA),
    rule(directed_by, _DIRECTED),
    rule(director_did, _DIRECTOR_DID),
    rule(based_on_titles, _BASED_TITLE_BY, _BASED_POSSESSIVE),
    rule(based_on_author, _BASED_AUTHOR),
    rule(co_production, _CO_PRODUCTION),
    rule(animated, _ANIMATED),
    rule(nationality, _NATIONALITY),
    rule(studio, _STUDIO),
    rule(narrator, _NARRATOR),
    rule(cast_pairs, _PAIR),
    rule(described_roles, _DESCRIBED),
    rule(plays, _PLAYS),
)
