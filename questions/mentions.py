"""Find what a sentence names: known entities, years, numbers and unknown titles or names.

The reference catalogue is the gazetteer: every name and alias of every film, person, novel,
studio, country, place, character and event, in every script, is looked for at once (one
Aho–Corasick automaton over the case-folded text). A person is also found by a surname
that no other entity shares. Years, number words and unknown titles (quoted, in italics or
followed by a year) or capitalised names are found by pattern, so that invented films and
people are still seen and reported as unverified.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import ahocorasick  # type: ignore[import-not-found]  # a C extension without stubs
import lemminflect
import simplemma
from anyascii import anyascii
from rapidfuzz import fuzz

from questions.catalogue import Catalogue, Entity
from questions.models import Relation
from questions.names import lowers_plainly, name_key, title_head

YEAR_KIND = "year"
NUMBER_KIND = "number"
TITLE_KIND = "title"  # an unknown title: quoted, in italics or followed by its year
NAME_KIND = "name"  # an unknown capitalised name of two or more words
STORY_KIND = "story"  # a quoted term the film's synopses use: a thing of its story, not a title

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "both": 2,
    "pair": 2,
    "trio": 3,
    "dozen": 12,
}
# Words for countries that name no catalogue entity themselves: language, not film facts.
DEMONYMS = {
    "soviet": "Soviet Union",
    "ussr": "Soviet Union",
    "u.s.s.r.": "Soviet Union",
    "american": "United States",
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "east german": "East Germany",
    "gdr": "East Germany",
    "polish": "Poland",
    "russian": "Soviet Union",  # as the Soviet films are still called
    "czechoslovak": "Czechoslovakia",
    "czechoslovakian": "Czechoslovakia",
    "czech": "Czechoslovakia",  # as the Czechoslovak films are still called
    "bulgarian": "Bulgaria",
    "hungarian": "Hungary",
    "romanian": "Romania",
    "yugoslav": "Yugoslavia",
    "yugoslavian": "Yugoslavia",
    "west german": "West Germany",
    "british": "United Kingdom",
    "french": "France",
    "italian": "Italy",
    "japanese": "Japan",
}
_YEAR = re.compile(r"(?<![\d\w])(1[89]\d\d|20\d\d)(?![\d\w]|s\b|’s|'s)")
_SHORT_YEAR = re.compile(r"(?<![\w'’])['’]([3-9]\d)(?![\w'’])")
_NUMBER = re.compile(  # a first character looked ahead for before the words are tried
    rf"(?=[1-9{''.join(sorted({word[0] for word in NUMBER_WORDS}))}])"
    r"(?:\b(" + "|".join(NUMBER_WORDS) + r")\b|(?<![\d\w.,])([1-9]\d?)(?![\d\w%]|[.,]\d))",
    re.IGNORECASE,
)
_THOUSANDS = re.compile(r"(?<![\d\w.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d\w.,%]|,\d)")
# A first letter looked ahead for before the words are tried: one cheap scan of the sentence.
_MAY_COUNT = re.compile(
    r"\d|(?i:(?=[otfsenbpd])(?:one|t(?:wo|hree|hirt|en|welve|wenty|rio)|f(?:our|ort|ive|ift)"
    r"|s(?:ix|even)|e(?:ight|leven)|nine|both|pair|dozen))"
)
# The same, for a lower-cased text (see names.lowers_plainly): a case-blind scan is slower.
_MAY_COUNT_LOWER = re.compile(
    r"\d|one|t(?:wo|hree|hirt|en|welve|wenty|rio)|f(?:our|ort|ive|ift)|s(?:ix|even)"
    r"|e(?:ight|leven)|nine|both|pair|dozen"
)
_QUOTED = re.compile(  # the opening mark looked ahead for first: one cheap scan
    r"(?=[“\"«„*_])(?:[“\"«„](?P<t>[^“”\"«»\n]{2,90}?)[,.]?[”\"»“]"
    r"|(?<![\w*])\*(?P<i>[^*\n]{2,90}?)\*(?![\w*])|(?<![\w_])_(?P<u>[^_\n]{2,90}?)_(?![\w_]))"
)
_CAP = "[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ]"  # a capital letter of the Latin and Cyrillic scripts
_CAP_WORD = rf"{_CAP}[\w'’\-]*"
_JOIN = r"(?:of|the|to|in|on|and|from|a|an|van|von|de|der|der|da|la|le|du|y|al)"
_CAPITALISED = re.compile(  # its first letter looked ahead for: one cheap scan
    rf"(?={_CAP})(?<![\w'’])(?:[A-Z]\.\s?)*{_CAP_WORD}(?:\s+(?:{_JOIN}\s+)?(?:[A-Z]\.\s?)*{_CAP_WORD})*"
)
# Words before a name that are no first name: "Captain Zelyony", "Doctor Martin".
TITLES = frozenset(
    [
        "captain",
        "capt",
        "commander",
        "cmdr",
        "colonel",
        "col",
        "general",
        "gen",
        "major",
        "lieutenant",
        "lt",
        "sergeant",
        "sgt",
        "doctor",
        "dr",
        "professor",
        "prof",
        "mr",
        "mrs",
        "miss",
        "ms",
        "sir",
        "lady",
        "lord",
        "queen",
        "king",
        "prince",
        "princess",
        "inspector",
        "detective",
        "agent",
    ]
)
_BROTHERS = re.compile(r"\b[Tt]he ([A-Z][\w-]+?)(s| brothers| Brothers)\b(?!['’]s)")
_SHARED_SURNAME = re.compile(r"\b([A-Z][a-z]+) (and|&) [A-Z][a-z]+ ([A-Z][\w'’-]+)")
# Sentence-opening words that are capitalised only because they open the sentence.
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "there",
        "here",
        "in",
        "on",
        "at",
        "of",
        "for",
        "from",
        "with",
        "by",
        "to",
        "and",
        "but",
        "or",
        "as",
        "after",
        "before",
        "when",
        "while",
        "though",
        "although",
        "if",
        "so",
        "yet",
        "also",
        "later",
        "then",
        "both",
        "one",
        "two",
        "three",
        "some",
        "many",
        "most",
        "all",
        "each",
        "every",
        "no",
        "not",
        "what",
        "which",
        "who",
        "where",
        "why",
        "how",
        "i",
        "we",
        "you",
        "my",
        "our",
        "your",
        "however",
        "meanwhile",
        "despite",
        "unlike",
        "like",
        "since",
        "until",
        "description",
        "fact",
        "plot",
        "summary",
        "note",
        "trivia",
        "verdict",
        "review",
        "update",
        "edit",
        "re",
        "quote",
        "posted",
        "today",
        "yesterday",
        "first",
        "second",
        "finally",
    ]
)


@dataclass(frozen=True, slots=True)
class Mention:
    """Something a sentence names, at ``start``–``end`` of the sentence text.

    ``kind`` is an entity kind of the catalogue, or one of year, number, title (an unknown
    title) and name (an unknown name). ``entity`` is the catalogue id when known; ``value``
    is what the mention stands for (the year, the number, the country a demonym names).
    """

    start: int
    end: int
    text: str
    kind: str
    entity: str | None = None
    value: str | None = None
    quoted: bool = False


_TITLE_FILLER = frozenset(["the", "a", "an", "of", "to", "in", "on", "from", "and", "at", "for"])


def _person_like(name: str) -> bool:
    """Whether ``name`` looks like a person's in full: two or three capitalised words.

    "Vitaly Solomin", "Irena Kačírková" (letters of any Latin alphabet, an initial, an
    apostrophe or a hyphen inside a word).
    """
    words = name.split()
    return 2 <= len(words) <= 3 and all(
        w[0].isupper()
        and w[1:].replace("'", "").replace("’", "").replace("-", "").replace(".", "").isalpha()
        and w[1:].islower()
        for w in words
    )


def _makers_by_film(catalogue: Catalogue) -> dict[str, frozenset[str]]:
    """The people the references credit with directing or producing each film."""
    makers: dict[str, set[str]] = {}
    for fact in catalogue.facts:
        if fact.relation in {Relation.DIRECTED_BY, Relation.PRODUCED_BY}:
            makers.setdefault(fact.subject, set()).add(str(fact.value))
    return {film: frozenset(people) for film, people in makers.items()}


def _surnames_by_key(catalogue: Catalogue) -> dict[str, tuple[str, str]]:
    """The one person or character each surname's key stands for (see Gazetteer.surnames)."""
    found: dict[str, set[tuple[str, str]]] = {}
    for surname, (entity_id, kind, _) in Gazetteer.surnames(catalogue).items():
        if " " not in surname:
            found.setdefault(name_key(surname), set()).add((entity_id, kind))
    return {key: next(iter(ids)) for key, ids in found.items() if len(ids) == 1}


def _without(text: str, mentions: Iterable[Mention]) -> str:
    """``text`` with the spans of ``mentions`` taken out."""
    kept, at = [], 0
    for mention in sorted(mentions, key=lambda m: m.start):
        kept.append(text[at : mention.start])
        at = max(at, mention.end)
    kept.append(text[at:])
    return "".join(kept)


def studio_short_names(catalogue: Catalogue) -> dict[str, str]:
    """Studios' short names ("Gorky", "Odessa") with the studio each stands for."""
    return catalogue.derived("studio short names", _studio_shorts)


def _studio_shorts(catalogue: Catalogue) -> dict[str, str]:
    """A studio's name without "Film Studio" ("Gorky", "Odessa"), if it names nothing else."""
    whole = {name_key(n) for e in catalogue.entities.values() for n in e.names}
    shorts: dict[str, set[str]] = {}
    for studio in catalogue.of_kind("studio"):
        for name in studio.names:
            short = _STUDIO_WORDS.sub("", name)
            if short != name and " " not in short and len(short) >= 4:
                shorts.setdefault(short, set()).add(studio.id)
    return {
        short: next(iter(ids))
        for short, ids in shorts.items()
        if len(ids) == 1 and name_key(short) not in whole
    }


_STUDIO_WORDS = re.compile(r"\s+(?:Film\s+)?Studios?$")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")
# What a studio's short name must not be followed by: more of a name, or an owner's "'s".
_NAME_GOES_ON = re.compile(r"['’]|[ \t]+[A-Z]|-")
# "made it at", "shot for": a verb of making the film, then where (not "studied at",
# "worked for", "a tribute for", "in exile at": a city or a man)
_MADE_AT = re.compile(
    r"\b(?:made|shot|filmed|produced|make|shoot|film|produce)\b(?:\s+(?:it|them|both|this"
    r"|that|there|too|also))?(?:\s+in\s+(?:1[89]|20)\d\d)?\s+(?:at|for)\s+(?:the\s+)?$"
    # "made the two Zarya films, A and B, both at Gorky"
    r"|\b(?:made|shot|filmed|produced)\b[^.;:!?]{0,100}\b(?:both|all|each)\s+(?:at|for)\s+$"
)
# "Gorky again" opening a sentence, a clause of a list, or a reply's answer
_NOT_A_STUDIO_AFTER = re.compile(
    r"[ \t]+(?!(?:again|too|and|or|in|with|for|from|as|at|on|by|where|which|that|the|a|an"
    r"|studio|studios|but|to|of|is|was|were|has|had|made|itself|did|does|shot|produced|under"
    r"|during|rather|between|after|before|using|since|when|though|although"
    r"|instead|its|his|her|their|all|both|each|then|later|once|still|not)\b)[a-z]"
    # "Dovzhenko, his old teacher", "Dovzhenko, whose Earth": a man ("Gorky, his home
    # studio": the studio)
    r"|,\s+(?:his|her|their|who|whose)\b(?![^,.;]{0,30}\bstudio)"
)
_LIST_OPENING = re.compile(r"(?:^|[,;:]|\b(?:no|nope|yes|yep))\W*$", re.IGNORECASE)
# "Gorky again", "Viktorov too": a credit said to be the same as one before
AGAIN_AFTER = re.compile(r"\s+(?:again|too)\b")
# What a bare list of credits holds besides them ("Viktorov, Gorky, 1981.")
_BARE_LIST = re.compile(r"(?:[\s,;.!()/–&-]|\b(?:and|again|too|no|nope|yes)\b)*", re.IGNORECASE)
_LISTED_CREDITS = frozenset({"person", "studio", "country", YEAR_KIND})
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?")
_LIST_GAP_AND = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")
# ... or before a studio, perhaps described: "and the Polish Zespoły Filmowe"
_STUDIO_JOIN_AFTER = re.compile(rf"(?:{_LIST_GAP_AND.pattern})(?:the\s+)?(?:[A-Z][a-z]+\s+)?")


def _title_parts(catalogue: Catalogue) -> dict[str, tuple[str, ...]]:
    """Every run of words inside a known film's titles, with the films it is part of.

    Only runs shorter than their title, that neither begin nor end on a little word and hold
    a word of four letters or more ("Thorns", "Per Aspera", not "the" or "Ad").
    """
    parts: dict[str, set[str]] = {}
    for film in catalogue.of_kind("film"):
        # ("the Dead Mountaineer film": a title's words without their possessive too)
        names = {n for name in film.names for n in (name, re.sub(r"['’]s\b", "", name))}
        for name in names:
            words = name_key(name).split()
            for size in range(1, len(words)):
                for at in range(len(words) - size + 1):
                    run = words[at : at + size]
                    if run[0] in _TITLE_FILLER or run[-1] in _TITLE_FILLER:
                        continue
                    if any(len(w) >= 4 and w.isalpha() for w in run):
                        parts.setdefault(" ".join(run), set()).add(film.id)
    return {run: tuple(sorted(films)) for run, films in parts.items()}


# The little words of the titles' languages, which English would read as its own ("na", "s")
_TITLE_PARTICLES = frozenset(
    {
        "na",
        "vo",
        "v",
        "iz",
        "s",
        "k",
        "do",
        "ot",
        "po",
        "za",
        "pod",
        "nad",
        "i",
        "im",
        "der",
        "die",
        "das",
        "von",
        "z",
        "ze",
    }
)
# "Vozvrashchenie Zari", "Vozvrashchenie na Veneru", "Kosmicheskiy reys": a longer title
# goes on (a capitalised word, a little word of the titles' languages, or no English word)
_GOES_ON = re.compile(
    r"\s+(?:[A-ZА-Я]|(?:" + "|".join(sorted(_TITLE_PARTICLES)) + r")\s"
    r"|(?P<word>[a-zа-яё]+)\b)"
)
_COMES_AFTER = re.compile(r"[\w!'’-]+:\s+$")  # a subtitle: "Ikarie: Návrat"


def _goes_on(text: str, at: int) -> bool:
    """Whether a longer title goes on at ``at`` after a title's head (see ``_GOES_ON``)."""
    found = _GOES_ON.match(text, at)
    return found is not None and (found["word"] is None or not _a_word(found["word"]))


def _a_word(word: str) -> bool:
    """Whether ``word`` may be a word rather than a name: an English word, or any in Cyrillic.

    A transliteration ("Otroki", "Nebo") is no English word, and texts in English use it
    as the film's name; a Russian title in Cyrillic is written whole. (Only the English
    dictionary is asked: the others would cost a process hundreds of megabytes.)
    """
    if any("\u0400" <= char <= "\u04ff" for char in word):
        return True
    return simplemma.is_known(word, lang="en")


def _title_heads(catalogue: Catalogue) -> dict[str, str]:
    """A title's first word that names its film alone in talk: "Otroki", "Gostya", "Nebo".

    The first word of a title of two words or more, of four letters or more, that no other
    film's title opens with, that is no English word and not in Cyrillic ("Battle",
    "Первый"), no word of another name the catalogue knows ("Aelita",
    "Planeta") and no name the film's own story gives something ("Ikarie", its ship).
    """
    heads: dict[str, set[str]] = {}
    for film in catalogue.of_kind("film"):
        for name in film.names:
            words = name.split()
            head = words[0].rstrip(":,!") if len(words) >= 2 else ""
            if len(head) >= 4 and head.isalpha() and head[0].isupper():
                heads.setdefault(head, set()).add(film.id)
    named = {
        word
        for entity in catalogue.entities.values()
        if entity.kind != "film"
        for name in entity.names
        for word in name.split()
    }
    found: dict[str, str] = {}
    for head, films in heads.items():
        if len(films) != 1 or head in named or _a_word(head.lower()):
            continue
        film_id = next(iter(films))
        told = " ".join(s.text for s in catalogue.synopses.get(film_id, ()))
        if re.search(rf"\b{re.escape(head)}\b(?!\s+[A-Z])", told):
            continue  # the story's own name for something: the ship Ikarie
        found[head] = film_id
    return found


def _exclaimed_titles(text: str, found: list[Mention]) -> list[Mention]:
    """An unknown title, its "!" and a known title after it are one longer title.

    "An animated remake, Ku! Kin-dza-dza": another film than Kin-dza-dza, unknown.
    """
    merged: list[Mention] = []
    for mention in found:
        before = merged[-1] if merged else None
        if (
            before is not None
            and before.kind == TITLE_KIND
            and mention.kind == "film"
            and re.fullmatch(r"!\s", text[before.end : mention.start])
        ):
            merged[-1] = Mention(
                before.start, mention.end, text[before.start : mention.end], TITLE_KIND
            )
            continue
        merged.append(mention)
    return merged


# After a known title, what makes it another one: a subtitle after its colon ("Aelita:
# Return,") or a number before its date ("Guest from the Future 2 (1990)").
TITLE_FOLLOWED = re.compile(
    r":\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?=\s*(?:[,;.(]|$))"
    r"|\s+(?:\d{1,2}|II|III|IV)(?=\s*\((?:1[89]|20)\d\d\b)"
)


# Before a known title, what makes it the last word of another: a name that is no English
# word and a little word of the titles' languages ("Powrót na Solaris").
_TITLE_BEFORE = re.compile(
    rf"(?<![\w'’-])(?P<word>{_CAP}[\w'’-]*)\s+(?:" + "|".join(sorted(_TITLE_PARTICLES)) + r")\s+$"
)


def _preceded_titles(text: str, found: list[Mention]) -> list[Mention]:
    """A known title after a foreign name and a title's little word: one unknown title.

    "Powrót na Solaris" is another film than Solaris, unknown (a name the references know
    in that place, as in "Kelvin na Solaris", is left as it is).
    """
    kept: list[Mention] = []
    for mention in found:
        before = (
            _TITLE_BEFORE.search(text, max(0, mention.start - 40), mention.start)
            if mention.kind == "film"
            else None
        )
        if (
            before is None
            or _a_word(before["word"].lower())
            or (kept and kept[-1].end > before.start())
        ):
            kept.append(mention)
            continue
        start = before.start()
        kept.append(Mention(start, mention.end, text[start : mention.end], TITLE_KIND))
    return kept


def _followed_titles(text: str, found: list[Mention]) -> list[Mention]:
    """A known title with a subtitle or a number after it: one unknown title, another film.

    A title the references know whole ("Signals: An Adventure in Space") was found whole.
    """
    kept: list[Mention] = []
    covered = -1
    for at, mention in enumerate(found):
        if mention.start < covered:
            continue  # the number of a title just taken whole
        more = TITLE_FOLLOWED.match(text, mention.end) if mention.kind == "film" else None
        after = found[at + 1] if at + 1 < len(found) else None
        if more is None or (
            after is not None and after.start < more.end() and after.kind != NUMBER_KIND
        ):
            kept.append(mention)
            continue
        covered = more.end()
        kept.append(Mention(mention.start, covered, text[mention.start : covered], TITLE_KIND))
    return kept


def _without_diacritics(name: str) -> str:
    """A name in Latin letters written without its marks ("Jüri Järvet": "Juri Jarvet").

    Names in other scripts are left as they are (their romanisations are names of their
    own in the catalogue).
    """
    if all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name):
        return str(anyascii(name))
    return name


class _Unmarked(dict[int, str]):
    """Each Latin letter with marks as its one plain letter ("ć": "c"), learnt when first met.

    A letter whose plain form is not one letter ("ß": "ss"), and every other script, is
    left as it is: the text keeps its length.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        plain = str(anyascii(char)) if unicodedata.name(char, "").startswith("LATIN") else char
        self[code] = plain if len(plain) == 1 else char
        return self[code]


_UNMARKED = _Unmarked()


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# The same Russian letters written otherwise in Latin: й as "y" or "i" ("vselennoy",
# "vselennoi"; "Nikolai", "Nikolay"), -ий as "iy", "y" or "i" ("Georgiy", "Georgi"), a soft
# sign as an apostrophe or nothing ("Gost'ya"), a dash with or without spaces around it
_ROMANISED_VARIANTS = (
    (re.compile(r"(?<=[aeou])y\b"), "i"),
    (re.compile(r"(?<=[aeou])i\b"), "y"),
    (re.compile(r"iy\b"), "y"),
    (re.compile(r"iy\b"), "i"),
    (re.compile(r"(?<=\w)['’](?=\w)"), ""),
    (re.compile(r"\s+[-–—]\s+"), "-"),
    (re.compile(r"(?<=\w)[-–—](?=[A-Z])"), " - "),
)


def _romanised_variants(name: str) -> Iterable[str]:
    """Other Latin spellings of a romanised Russian name (see _ROMANISED_VARIANTS)."""
    if not name.isascii():
        return
    for pattern, replacement in _ROMANISED_VARIANTS:
        other = pattern.sub(replacement, name)
        if other != name:
            yield other


def _folded(text: str) -> str:
    """Lower-case ``text`` without its letters' marks, keeping its length (offsets stay valid).

    "Mitić" in a text meets "Gojko Mitic" in the references, and "Liska" meets "Liška".
    """
    if not text.isascii():
        text = text.translate(_UNMARKED)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Gazetteer:
    """Every name the catalogue knows, found in one pass over a sentence."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._automaton = ahocorasick.Automaton()
        names: dict[str, list[tuple[str, str, str]]] = {}
        for entity in catalogue.entities.values():
            for name in self._spellings(entity.names, entity.kind):
                names.setdefault(_folded(name), []).append((entity.id, entity.kind, name))
        # "Otroki", "Gostya": a title's head that names its film alone, standing for the
        # whole title (its value)
        heads = catalogue.derived("title heads", _title_heads)
        for word, film_id in heads.items():
            names.setdefault(_folded(word), []).append((film_id, "film", word))
        for first, target in self._first_names(catalogue).items():
            names.setdefault(_folded(first), []).append(target)
        for surname, target in self.surnames(catalogue).items():
            names.setdefault(_folded(surname), []).append(target)
        for folded, value in DEMONYMS.items():
            country = catalogue.resolve(value, ("country",))
            if country is not None:
                names.setdefault(folded, []).append((country.id, "country", folded))
        for folded, targets in names.items():
            # with the value a country mention stands for: its name, found once here
            valued = tuple(
                (entity_id, kind, name, catalogue.entities[entity_id].name)
                # ("Basov Jr." stands for the whole name, as a surname alone does)
                if kind == "country" or heads.get(name) == entity_id or _suffixed(name)
                else (entity_id, kind, name, None)
                for entity_id, kind, name in targets
            )
            self._automaton.add_word(folded, (len(folded), valued))
        self._automaton.make_automaton()
        # "Signals (1970)": a title's head before its colon, with the film's year; a head that
        # is an English word names the film only so (see title_head)
        self.dated_heads: dict[tuple[str, str], str] = {}
        for film in catalogue.of_kind("film"):
            years = {str(f.value) for f in catalogue.facts_about(film.id, Relation.RELEASE_YEAR)}
            for name in film.names:
                head = name.split(": ", 1)[0] if ": " in name else None
                if head is not None and len(head) >= 4:
                    for year in years:
                        self.dated_heads.setdefault((name_key(head), year), film.id)

    @staticmethod
    def _spellings(names: Iterable[str], kind: str = "") -> Iterable[str]:
        for name in names:
            yield name
            if kind == "studio":
                # "Dovzhenko Film Studios" is also "the Dovzhenko studio", "Dovzhenko Studios"
                short = re.sub(r"\s+(?:Film\s+)?Studios?$", "", name)
                if short != name and len(short) >= 4:
                    for suffix in (
                        "studio",
                        "studios",
                        "Studio",
                        "Studios",
                        "film studio",
                        "production",
                    ):
                        yield f"{short} {suffix}"
                # "Filmové studio Barrandov" is also "Barrandov", "the Barrandov studio"
                named = re.sub(r"^(?:Filmové|Film|Kino)?\s*[Ss]tudios?\s+", "", name)
                if named != name and len(named) >= 4:
                    yield named
                    yield f"{named} studio"
                    yield f"{named} studios"
            head = title_head(name) if kind == "film" else None
            if head is not None:
                yield head  # "Aelita: Queen of Mars" goes by "Aelita"
            bare = re.sub(r"\s*\((?:novel|film)[^)]*\)$", "", name)
            if kind == "character":  # "Anthony Hopkins (Ikarie XB-1 character)"
                bare = re.sub(r"\s*\([^()]*\)$", "", bare)
            if bare != name:
                yield bare
            stripped = name.strip('"“”')
            if stripped != name:
                yield stripped
            plain_letters = _without_diacritics(name)
            if plain_letters != name:
                yield plain_letters  # "Juri Jarvet", "Gunther Simon", as English texts write
            roman = anyascii(name) if _CYRILLIC.search(name) else name
            if roman != name:
                yield roman  # "Москва — Кассиопея" is also "Moskva - Kassiopeya"
            yield from _romanised_variants(roman)

    @staticmethod
    def surnames(catalogue: Catalogue) -> dict[str, tuple[str, str, str]]:
        """Surnames of people and characters that name nothing else in the catalogue."""
        seen: dict[str, set[str]] = {}
        for entity in catalogue.entities.values():
            if entity.kind not in {"person", "character"}:
                continue
            for name in entity.names:
                words = name.split()
                suffix = None
                if len(words) > 2 and words[-1].rstrip(".").lower() in _NAME_SUFFIXES:
                    suffix = words.pop()  # "Vladimir Basov Jr.": "Basov" only with "Jr."
                if len(words) >= 2 and len(words[-1]) >= 3 and words[-1][0].isupper():
                    for said in _with_suffix(words[-1], suffix):
                        seen.setdefault(said, set()).add(entity.id)
        whole = {name_key(n) for e in catalogue.entities.values() for n in e.names}
        found = {}
        for surname, ids in seen.items():
            if len(ids) == 1 and name_key(surname) not in whole:
                entity_id = next(iter(ids))
                found[surname] = (entity_id, catalogue.entities[entity_id].kind, surname)
        return found

    @staticmethod
    def _first_names(catalogue: Catalogue) -> dict[str, tuple[str, str, str]]:
        """First names of characters that no other character shares (stories use them)."""
        seen: dict[str, set[str]] = {}
        for entity in catalogue.of_kind("character"):
            words = entity.name.split()
            if len(words) >= 2 and len(words[0]) >= 3 and words[0].lower() not in TITLES:
                seen.setdefault(words[0], set()).add(entity.id)
        whole = {name_key(n) for e in catalogue.entities.values() for n in e.names}
        return {
            first: (next(iter(ids)), "character", first)
            for first, ids in seen.items()
            if len(ids) == 1 and name_key(first) not in whole
        }

    def known(self, text: str) -> list[Mention]:
        """Catalogue entities named in ``text``: longest first, no overlaps."""
        folded = _folded(text)
        candidates: list[_Candidate] = []
        last = len(text) - 1
        for end, (length, targets) in self._automaton.iter(folded):
            start = end - length + 1
            # at a word's edge (a name at the second character is taken as it always was)
            if start > 1 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            if end < last and (text[end + 1].isalnum() or text[end + 1] == "_"):
                continue
            piece = text[start : end + 1]
            for entity_id, kind, name, value in targets:
                if (
                    kind == "film"
                    and value is not None
                    and (_goes_on(text, end + 1) or _COMES_AFTER.search(text, 0, start))
                ):
                    # "Vozvrashchenie Zari", "Ikarie: Návrat": part of another, longer title
                    continue
                if _unmarked_word(piece, name):
                    continue  # "Part" is a word, not Pärt written without his marks
                if _cased_like(piece, name, kind):
                    candidates.append((start, end + 1, piece, kind, entity_id, value))
                    break
        # mentions are made of the candidates kept only
        return [Mention(*kept) for kept in _without_overlaps(candidates)]


@functools.lru_cache(maxsize=8192)
def _unmarked_word(piece: str, name: str) -> bool:
    """Whether ``piece`` is an English word meeting the one-word ``name`` only without marks."""
    return " " not in name and piece.isascii() and not name.isascii() and _a_word(piece.lower())


@functools.lru_cache(maxsize=65536)  # the same few names, written the same few ways
def _cased_like(piece: str, name: str, kind: str) -> bool:
    """Whether ``piece`` is written as a name: its first letter capitalised like ``name``'s.

    Keeps "mars" in "the mars of ..." or "storm" as a word from naming entities, while a
    title written in lower case after its first word ("Nebo zovyot") still counts.
    """
    if kind == "country" and name.islower():  # a demonym: "Soviet", "American", "USSR"
        return piece[:1].isupper()
    first = next((c for c in name if c.isalpha()), "")
    shown = next((c for c in piece if c.isalpha()), "")
    if not first.isupper():
        return True
    if not shown.isupper():
        return False
    return (
        len(name.split()) > 1 or piece == name or piece[1:].lower() == piece[1:] or piece.isupper()
    )


# A gazetteer match before it is kept: start, end, text, kind, entity and value of a Mention.
_Candidate = tuple[int, int, str, str, str, "str | None"]


def _without_overlaps(mentions: list[_Candidate]) -> list[_Candidate]:
    """Leftmost-longest mentions, none overlapping another."""
    mentions.sort(key=lambda m: (m[0], m[0] - m[1]))
    kept: list[_Candidate] = []
    for mention in mentions:
        start, end = mention[0], mention[1]
        if kept and start < kept[-1][1]:
            longer = end - start > kept[-1][1] - kept[-1][0]
            free = len(kept) < 2 or kept[-2][1] <= start
            if longer and start >= kept[-1][0] and free:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


def years(text: str) -> list[Mention]:
    """Four-digit years (not "1960s"), and short ones whose century is plain ("'62").

    A short year of 1930 or later stands for the 1900s; an earlier one ("'24") could be
    1924 or 2024 and is left alone. A year that ends a date ("12 September 1959",
    "September 12, 1959") is mentioned with the whole date: its value is still the year
    (:func:`date_of` reads the day).
    """
    found = []
    if "1" in text or "2" in text:  # a year starts with one of them: skip the scan without
        found = [_dated(text, m) for m in _YEAR.finditer(text)]
    if "'" in text or "’" in text:
        found += [
            Mention(m.start(), m.end(), m[0], YEAR_KIND, value=f"19{m[1]}")
            for m in _SHORT_YEAR.finditer(text)
        ]
    return sorted(found, key=lambda m: m.start)


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAME = r"(?P<m>[A-Z][a-z]{2,8})\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
# What stands before a year to make it a date: "12 September ", "September 12, ", "Sept. ".
_DATE_BEFORE = (
    re.compile(rf"(?<![\w,]){_DAY}\s+(?:of\s+)?{_MONTH_NAME},?\s+$"),
    re.compile(rf"(?<!\w){_MONTH_NAME}(?:\s+{_DAY})?,?\s+$"),
)


def _date_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """The day and month right before ``end``, or the month alone, if a month is named."""
    for pattern in _DATE_BEFORE:
        found = pattern.search(text, start, end)
        if found is not None and found["m"].lower() in _MONTHS:
            return found
    return None


def _dated(text: str, year: re.Match[str]) -> Mention:
    """The year, or the whole date it ends ("12 September 1959"), as one mention."""
    before = _date_before(text, max(0, year.start() - 20), year.start())
    start = year.start() if before is None else before.start()
    return Mention(start, year.end(), text[start : year.end()], YEAR_KIND, value=year[0])


def date_of(mention: Mention) -> str | None:
    """The day a year mention gives in full ("1959-09-12"), if it gives one."""
    if mention.kind != YEAR_KIND or mention.value is None or mention.text == mention.value:
        return None
    found = _date_before(mention.text, 0, len(mention.text) - len(mention.value))
    if found is None or found["d"] is None or not 1 <= int(found["d"]) <= 31:
        return None
    month = _MONTHS[found["m"].lower()]
    return f"{mention.value}-{month:02d}-{int(found['d']):02d}"


def numbers(text: str) -> list[Mention]:
    """Small numbers, as digits or words ("three", "2")."""
    if not (
        _MAY_COUNT_LOWER.search(text.lower()) if lowers_plainly(text) else _MAY_COUNT.search(text)
    ):
        return []  # most sentences hold no digit and no number word: one cheap scan
    found = []
    for match in _NUMBER.finditer(text):
        word = match[0].lower()
        value = NUMBER_WORDS.get(word) if match[1] else int(word)
        if value is not None:
            found.append(
                Mention(match.start(), match.end(), match[0], NUMBER_KIND, value=str(value))
            )
    for at in range(len(found) - 1, 0, -1):
        tens, units = found[at - 1], found[at]
        if (
            text[tens.end : units.start] == "-"
            and int(tens.value or 0) in range(20, 100, 10)
            and int(units.value or 0) in range(1, 10)
        ):
            # "twenty-seven": one number
            both = str(int(tens.value or 0) + int(units.value or 0))
            merged = text[tens.start : units.end]
            found[at - 1 : at + 1] = [
                Mention(tens.start, units.end, merged, NUMBER_KIND, value=both)
            ]
    if "," in text:
        # "worth 2,200 chatles": a large count written with thousands, as the story gives it
        found += [
            Mention(m.start(), m.end(), m[0], NUMBER_KIND, value=m[0])
            for m in _THOUSANDS.finditer(text)
        ]
        found.sort(key=lambda m: m.start)
    return found


# Quoted words that are someone's speech, not a title: a pronoun and a lower-case word
_SPEECH = re.compile(r"(?:I|We|You|He|She|They|It)(?:['’][a-z]+)?\s+[a-z]")


def quoted_titles(text: str) -> list[tuple[int, int, str]]:
    """Spans of quoted or emphasised text that may be titles: (start, end, inner text)."""
    spans = []
    for match in _QUOTED.finditer(text):
        group = "t" if match["t"] is not None else "i" if match["i"] is not None else "u"
        inner = match[group].strip()
        if _SPEECH.match(inner):
            continue  # a note signed "I would go with him": someone's words, no title
        if inner[:1].isupper() or inner[:1].isdigit() or not inner[:1].isalpha():
            start = match.start(group)
            spans.append((start, start + len(match[group]), inner))
    return spans


@functools.lru_cache(maxsize=4096)  # asked for by the mention finder and the plot reader
def capitalised_runs(text: str) -> tuple[tuple[int, int, str], ...]:
    """Runs of capitalised words (possibly a name or a title), without an opening function word."""
    runs = []
    for match in _CAPITALISED.finditer(text):
        start, piece = match.start(), match[0]
        words = piece.split()
        while words and words[0].lower().strip("'’") in _FUNCTION_WORDS:
            start += piece.index(words[0]) + len(words[0])
            piece = piece[piece.index(words[0]) + len(words[0]) :].lstrip()
            start = match.start() + len(match[0]) - len(piece)
            words = piece.split()
        while words and words[-1].lower() in {"of", "the", "to", "in", "on", "and", "from", "a"}:
            piece = piece[: piece.rindex(words[-1])].rstrip()
            words = piece.split()
        if words:
            runs.append((start, start + len(piece), piece))
    return tuple(runs)


# A short title its frame marks as a film: "the Thorns picture", "Viktorov's Cassiopeia".
_FILM_NOUNS = (
    r"film|films|picture|pictures|movie|movies|one|serial|cartoon|adaptation|version|feature"
    r"|two-parter|flick"
)
_FRAMED = re.compile(
    r"(?:\b[Tt]he\s+|(?P<owner>\b[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s+)"
    r"(?P<run>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}?)"
    rf"(?:\s+(?P<noun>{_FILM_NOUNS})\b|(?=[\s,.;:!?)]|$)(?!\s+[A-Z]))"
)
# A name of two or more capitalised words and its possessive, before a known name
_POSSESSOR = re.compile(r"(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)+)['’]s?\s+")
# Capitalised words, then a preposition (and "the") right before a title they hold.
_HOLDS_TITLE = re.compile(r"[A-Z][\w'’-]*\s+(?:of|to|from|beyond|for)\s+(?:the\s+)?$")
_TITLE_JOIN = re.compile(r"\s+(?:of|to|from|beyond|for)\s+the\s+")


def _dated_titles(text: str, runs: tuple[tuple[int, int, str], ...]) -> list[tuple[int, int, str]]:
    """The runs, two joined by "of the" ("Women of the Storm Planet") before a year in brackets.

    A run holds one function word between capitalised words; a title dated in brackets may
    hold a preposition and "the", and is one title however its words are cased.
    """
    joined: list[tuple[int, int, str]] = []
    for start, end, run in runs:
        if (
            joined
            and _TITLE_JOIN.fullmatch(text, joined[-1][1], start)
            and _YEAR_IN_BRACKETS.match(text, end)
        ):
            first = joined.pop()[0]
            joined.append((first, end, text[first:end]))
            continue
        joined.append((start, end, run))
    return joined


class MentionFinder:
    """Every mention in a sentence: the gazetteer's, then years, numbers and unknown names."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.catalogue = gazetteer.catalogue
        self._families: dict[str, list[Entity]] = {}  # people by surname key, once looked up

    def find(self, text: str) -> list[Mention]:
        """Mentions in ``text`` in order; known entities win over unknown names they overlap."""
        known = []
        every = list(self.gazetteer.known(text))
        starts = {m.start for m in every}
        for m in every:
            first = self._first_name(m, text)
            if first is False or self._other_surname(m, text, starts):
                continue  # someone else of that name
            if first is not None:
                # "Misha Yershov": the person's own first name (or its pet form) is part of
                # the mention, so that what comes before it is read as before the name
                # (which stands for the person's name as the references give it)
                # (a part is what the text calls it: "Vitya Sereda", not "Viktor Sereda")
                name = None
                if m.entity is not None and m.kind == "person":
                    name = self.catalogue.entities[m.entity].name
                m = Mention(first, m.end, text[first : m.end], m.kind, m.entity, name)
            known.append(m)
        taken = [(m.start, m.end) for m in known]
        found = list(known)
        for start, end, inner in quoted_titles(text):
            if any(s < end and start < e for s, e in taken):
                # A quoted known title: mark it quoted (titles in quotes are names, never words).
                found = [
                    Mention(m.start, m.end, m.text, m.kind, m.entity, m.value, True)
                    if start <= m.start and m.end <= end
                    else m
                    for m in found
                ]
                continue
            entity = self.catalogue.resolve(inner, ("film", "novel"))
            value = None
            if entity is None:
                entity = self._title_part(inner)
                value = None if entity is None else entity.name  # the film's title, whole
            kind, entity_id = (entity.kind, entity.id) if entity else (TITLE_KIND, None)
            found.append(Mention(start, end, inner, kind, entity_id, value, True))
            taken.append((start, end))
        for match in _BROTHERS.finditer(text):
            start, end = match.start(1), match.end(0)
            siblings = self._siblings(start, end, match[1], match[2] == "s")
            if siblings and not any(s < end and start < e for s, e in taken):
                found += siblings
                taken.append((start, end))
        # "A and B Surname" cannot be without its " and " (or " & "): the scan is skipped
        shared = _SHARED_SURNAME.finditer(text) if " and " in text or " & " in text else ()
        for match in shared:
            # "Arkady and Boris Strugatsky": the first name takes the surname after it
            name = f"{match[1]} {match[3]}"
            person = self.catalogue.resolve(name, ("person",))
            start, end = match.start(1), match.end(1)
            if person is not None and not any(s < end and start < e for s, e in taken):
                found.append(Mention(start, end, match[1], "person", person.id))
                taken.append((start, end))
        found, taken = self._framed_titles(text, found, taken)
        for start, end, run in _dated_titles(text, capitalised_runs(text)):
            titled = self._title_with_year(start, end, text, found)
            if titled is not None:
                # "Storm Over Venus (1965)", "Měsíční kmotr (1965)": one unknown title, whatever
                # names it holds
                found = [m for m in found if not (start <= m.start and m.end <= titled.end)]
                taken = [(s, e) for s, e in taken if not (start <= s and e <= titled.end)]
                found.append(titled)
                taken.append((start, titled.end))
                continue
            pieces = [(start, end, run)]
            if " and " in run and not _YEAR_IN_BRACKETS.match(text, end):
                names = [
                    (start + m.start(), start + m.end(), m[0]) for m in _AND_PIECE.finditer(run)
                ]
                if len(names) >= 2 and all(_person_like(n) for _, _, n in names):
                    # "Vitaly Solomin and Juozas Budraitis": two people, each named in full
                    pieces = names
            if any(s < end and start < e for s, e in taken):
                first = min(s for s, e in taken if s < end and start < e)
                owner = _POSSESSOR.fullmatch(text, start, first) if first > start else None
                if owner is not None:
                    # "Pavel Klushantzev's Planeta bur'": whose the known title is, someone
                    # the references know (not "Cold War Moscow's Planeta Bur")
                    owned = self._unknown_name(start, owner.end("name"), owner["name"], text)
                    if owned is not None and owned.kind == "person":
                        found.append(owned)
                        taken.append((owned.start, owned.end))
                    continue
                if "and" not in run and "\n" not in run:
                    continue  # one piece only, and it overlaps a known name
                # "John Saxon and Judi Meredith": a known name joined to an unknown one
                pieces = [
                    (start + m.start(), start + m.end(), m[0])
                    for m in _AND_PIECE.finditer(run)
                    if not any(s < start + m.end() and start + m.start() < e for s, e in taken)
                ]
            for begin, finish, piece in pieces:
                mention = self._unknown_name(begin, finish, piece, text)
                if mention is not None:
                    found.append(mention)
                    taken.append((begin, finish))
        for mention in (*years(text), *numbers(text)):
            if not any(s < mention.end and mention.start < e for s, e in taken):
                found.append(mention)
                taken.append((mention.start, mention.end))
        found = self._framed_studios(text, found, taken)
        found.sort(key=lambda m: m.start)
        return _followed_titles(text, _preceded_titles(text, _exclaimed_titles(text, found)))

    def _framed_studios(
        self, text: str, found: list[Mention], taken: list[tuple[int, int]]
    ) -> list[Mention]:
        """Studios named by their short name where the words around say a studio is meant.

        "Gorky", "Odessa", "Dovzhenko" also name a city, a writer or a director: a short name
        is the studio only after "at" or "for" ("made at Gorky"), before "again" ("Gorky
        again"), or as an item of a list of credits, next to a year, a studio or someone
        credited ("1981, Gorky, with Metyolkina"). Returns ``found`` with them.
        """
        shorts = studio_short_names(self.catalogue)
        if not any(short in text for short in shorts):
            return found
        credits = [m for m in found if m.kind in _LISTED_CREDITS]
        for match in _CAPITALISED_WORD.finditer(text):
            studio = shorts.get(match[0])
            start, end = match.span()
            if studio is None or any(s < end and start < e for s, e in taken):
                continue
            if _NAME_GOES_ON.match(text, end) or _NOT_A_STUDIO_AFTER.match(text, end):
                # "Gorky Street", "Gorky's novel", "Gorky drama school", "Odessa harbour",
                # "Dovzhenko, his old teacher": not the studio
                continue
            # ("Karyukov, Odessa, 1903: the rest of his life ..." is no credits list)
            bare = _BARE_LIST.fullmatch(_without(text, [*credits, Mention(start, end, "", "")]))
            listed = bare is not None and (
                any(_LIST_GAP.fullmatch(text, m.end, start) for m in credits if m.end <= start)
                or any(_LIST_GAP.fullmatch(text, end, m.start) for m in credits if m.start >= end)
            )
            opens = _LIST_OPENING.search(text[:start]) is not None
            # in a list with another studio: "Zespoły Filmowe, Tallinnfilm and Dovzhenko",
            # "with Dovzhenko and the Polish Zespoły Filmowe"
            beside = any(
                m.kind == "studio"
                and (
                    _STUDIO_JOIN_AFTER.fullmatch(text, end, m.start) is not None
                    or _LIST_GAP_AND.fullmatch(text, m.end, start) is not None
                )
                for m in found
            )
            if (
                _MADE_AT.search(text[max(0, start - 140) : start])
                or (opens and AGAIN_AFTER.match(text, end))
                or listed
                or beside
            ):
                found.append(Mention(start, end, match[0], "studio", studio))
                taken.append((start, end))
        return found

    def _framed_titles(
        self, text: str, found: list[Mention], taken: list[tuple[int, int]]
    ) -> tuple[list[Mention], list[tuple[int, int]]]:
        """Short names of films that their frame marks as films, added to ``found``.

        Talk names a film by a word of its title when the words around say a film is meant:
        "the Thorns picture", "the Pirx film", "Viktorov's Cassiopeia" (the possessive of
        someone the references credit with directing or producing that film, not of its
        source's writer: "Bulychev's Guest" may be the book). A part of several titles names
        none. Returns ``found`` and ``taken`` as they now are.
        """
        if "he " not in text and "'" not in text and "’" not in text:  # ("the", "The")
            return found, taken
        parts = self.catalogue.derived("title parts", _title_parts)
        makers = self.catalogue.derived("makers by film", _makers_by_film)
        for match in _FRAMED.finditer(text):
            if (match["noun"] or "").endswith("s"):
                continue  # "Viktorov's Cassiopeia films": more than one film
            films = parts.get(name_key(match["run"]), ())
            if len(films) != 1:
                continue
            if match["owner"] is not None:
                person = next(
                    (
                        m.entity
                        for m in found
                        if m.kind == "person" and m.entity and m.end == match.end("owner")
                    ),
                    None,
                )
                if person is None or person not in makers.get(films[0], ()):
                    continue  # "Lem's Cloud": whose book, not whose film
            elif match["noun"] is None:
                continue
            start, end = match.span("run")
            inside = [m for m in found if m.start < end and start < m.end]
            if (
                match["noun"] is not None
                and inside
                and all(m.kind == "character" and start <= m.start and m.end <= end for m in inside)
            ):
                # "the Pirx film": a character's name as the film's, the noun says
                found = [m for m in found if m not in inside]
                taken = [t for t in taken if not (start <= t[0] and t[1] <= end)]
            if any(s < end and start < e for s, e in taken):
                continue
            film = self.catalogue.entity(films[0])
            if film is not None:
                found.append(Mention(start, end, match["run"], "film", film.id, film.name))
                taken.append((start, end))
        return found, taken

    def _title_part(self, quoted: str) -> Entity | None:
        """The one film a quoted part of its title stands for: "Thorns", "Per Aspera".

        Words of one known film's title, in their order, with a word of four letters or more
        that is no article or preposition; a part that several titles share names none.
        """
        films = self.catalogue.derived("title parts", _title_parts).get(name_key(quoted), ())
        return self.catalogue.entity(films[0]) if len(films) == 1 else None

    def _first_name(self, mention: Mention, text: str) -> int | bool | None:
        """The first name before a person found by surname alone, if any.

        Where it starts when it is theirs, False when it names someone else, None when
        there is none.
        "Revaz Gabriadze" is not Levan Gabriadze, nor "Arseny Tarkovsky" Andrei: a capitalised
        word right before the surname (not a title, nor an English word opening the sentence)
        spelt unlike each of the person's own first names and their pet forms names someone
        else. "Misha Yershov", "Yuri Yakovlev" and "Evgeni Leonov" stay their people.
        """
        if mention.kind not in {"person", "character"} or mention.entity is None:
            return None
        if " " in mention.text and not _suffixed(mention.text):
            return None  # ("Volodya Basov Jr.": a surname and its suffix, then the first name)
        before = _WORD_BEFORE.search(text, 0, mention.start)
        if before is None:
            return None
        word = before["w"]
        if word.lower() in TITLES:
            return None
        opening = (
            not text[: before.start()].strip() or text[: before.start()].rstrip()[-1] in ".!?:;"
        )
        if opening and simplemma.is_known(word.lower(), lang="en"):
            return None  # "Then Kozyr ...": a word opening the sentence, not a first name
        firsts = {
            w
            for n in self.catalogue.entities[mention.entity].names
            for w in n.split()[:-1]
            if w[:1].isupper()
        }
        spellings = {word, *_DIMINUTIVES.get(word, ())}
        if not firsts:
            return None
        if any(fuzz.ratio(f, w) >= _FIRST_NAME_LIKE for f in firsts for w in spellings):
            return before.start()
        # (a part's first name spelt otherwise is taken in, "Veda Kong" for "Vida Kong"; any
        # other word before a part's surname is left as it was)
        return False if mention.kind == "person" else None

    def _other_surname(self, mention: Mention, text: str, starts: Collection[int] = ()) -> bool:
        """Whether someone found by one of their names alone has another surname after it.

        "Allan Brenner" is not Allan Kern: a capitalised word right after the first name,
        spelt unlike each surname the references give the person or character, names
        someone else. So does a name no dictionary knows after a character's surname, which is
        then someone's first name: "James Nicholson" is not Laura James (unless the word
        starts another name the references know, ``starts``; a quoted name may be a title or
        a pseudonym, and is left to what the quotes make of it).
        """
        if mention.kind not in {"person", "character"} or mention.entity is None:
            return False
        if " " in mention.text:
            return False
        after = _WORD_AFTER.match(text, mention.end)
        if after is None:
            return False
        names = [n.split() for n in self.catalogue.entities[mention.entity].names]
        if mention.kind == "character" and any(len(n) > 1 and n[-1] == mention.text for n in names):
            words = {w for n in names for w in n}
            quoted = text[max(0, mention.start - 1) : mention.start] in {'"', "“", "‘", "'"}
            return (
                not quoted
                and after.start("w") not in starts
                and after["w"] not in words
                # (a name, not a word of a title-case line: "Grant Opposite Meredith")
                and not lemminflect.getAllLemmas(after["w"].lower())
            )
        if not any(len(n) > 1 and n[0] == mention.text for n in names):
            return False  # not found by its first name
        surnames = {w for n in names for w in n[1:]}
        return not any(fuzz.ratio(s, after["w"]) >= _FIRST_NAME_LIKE for s in surnames)

    def _siblings(self, start: int, end: int, surname: str, plural: bool) -> list[Mention]:
        """The Strugatsky brothers, the Strugatskys: every person of that surname.

        Unknown families are unknown names ("the Vasiliev brothers"); a plural that names no
        known family is not a name at all ("the Sirius").
        """
        key = name_key(surname)
        people = self._families.get(key)
        if people is None:
            people = self._families[key] = [
                p
                for p in self.catalogue.of_kind("person")
                if name_key(p.name).split()[-1:] == [key]
            ]
        if not people:
            return [] if plural else [Mention(start, end, f"{surname} brothers", NAME_KIND)]
        return [Mention(start, end, p.name, "person", p.id) for p in people]

    def _title_with_year(
        self, start: int, end: int, text: str, known: list[Mention]
    ) -> Mention | None:
        """A run, and the lower-case words of another language after it, before "(1965)".

        Only when it is more than the names it holds: "Storm Over Venus (1965)" is a title,
        "Venus (1965)" is not; a known title written otherwise ("Kosmicheskiy reys") is that
        title.
        """
        tail = _LOWER_TAIL.match(text, end)
        stop = end
        # ("Vstrecha na orbite (1975)": the titles' little words do not make it English)
        words = [w.lower() for w in tail["words"].split()] if tail is not None else []
        head = text[start:end]
        if (
            tail is not None
            and (
                not any(
                    simplemma.is_known(w, lang="en") for w in words if w not in _TITLE_PARTICLES
                )
                # ("Zvyozdny most (1971)": after one word of another language that names
                # nothing the references know, short words that are English too, but no
                # verb and no mere adverb: not "Kolditz directed (1970)", "Mezhrabpom
                # production (1924)", "Akasaka mostly (1971)", "Akasaka then (1971)")
                or (
                    " " not in head
                    and head.isalpha()
                    and not simplemma.is_known(head.lower(), lang="en")
                    and not any(start <= m.start < end for m in known)
                    and self.catalogue.resolve(head) is None
                    and all(len(w) <= 4 and not _no_title_word(w) for w in words)
                )
            )
            and any(w not in _TITLE_PARTICLES for w in words)
        ):
            stop = tail.end("words")
        numbered = _NUMBER_TAIL.match(text, end)
        if numbered is not None:
            stop = numbered.end()  # "Orbit 7 (1971)", "Signal II (1980)": its number is in it
        if not _YEAR_IN_BRACKETS.match(text, stop):
            return None
        inside = [m for m in known if start <= m.start and m.end <= stop]
        # "Women of the Storm Planet (1970)": a known title inside a longer one is no mention
        # of its own when the words before it hold it as their object
        held = [m for m in inside if _HOLDS_TITLE.search(text, start, m.start)]
        if any(m.kind in {"film", "novel"} and m not in held for m in inside) or any(
            m.start < stop and start < m.end and not (start <= m.start and m.end <= stop)
            for m in known
        ):
            return None
        if stop == end and (not inside or (inside[0].start, inside[-1].end) == (start, end)):
            return None  # nothing more than a known name (or no name known at all)
        name = text[start:stop]
        entity = self.catalogue.resolve(name, ("film", "novel"))
        if entity is not None:
            return Mention(start, stop, name, entity.kind, entity.id)  # written otherwise
        return Mention(start, stop, name, TITLE_KIND)

    def _unknown_name(self, start: int, end: int, run: str, text: str) -> Mention | None:
        """A capitalised run not in the gazetteer: a misspelt known name, or a candidate."""
        if run[-2:] in {"'s", "’s"} and " " in run:
            # "Ronald Stein's new score": the name, without the possessive
            run, end = run[:-2], end - 2
        entity = self.catalogue.resolve(run) if len(run) >= 6 else None
        if entity is not None and entity.kind in {"person", "film", "novel", "studio"}:
            return Mention(start, end, run, entity.kind, entity.id)
        words = run.split()
        if len(words) == 1 and len(run) >= 5 and not _a_word(run):
            # "Danelia" for Daneliya: a surname spelt another way, as a whole name may be
            surname = self.catalogue.derived("surnames by key", _surnames_by_key).get(name_key(run))
            if surname is not None:
                return Mention(start, end, run, surname[1], surname[0])
        if _STUDIO_NAME.search(run):
            return Mention(start, end, run, "studio")  # "Lenfilm", "Yalta Film Studio"
        followed_by_year = _YEAR_IN_BRACKETS.match(text, end)
        if followed_by_year is not None:
            film = self.gazetteer.dated_heads.get((name_key(run), followed_by_year["y"]))
            if film is not None:
                # "Signals (1970)": the film, by its full title (the head alone is a word)
                name = self.catalogue.entities[film].name
                return Mention(start, end, run, "film", film, name)
        if followed_by_year or _NAMED_AFTER_FILM.search(text[:start]):
            # "(1963)" after it, or "another Yefremov adaptation, The Razor's Edge": a title
            return Mention(start, end, run, TITLE_KIND)
        capitals = len(words) >= 2 and run.isupper() and any(len(w) >= 3 for w in words)
        if capitals and text.startswith(" (", end):
            # "THE ORBIT KEEPER (Pazitelyat na orbitata)": a title in capitals, its other title
            return Mention(start, end, run, TITLE_KIND)
        if len(words) >= 2 and all(w[:1].isupper() or w in _JOIN_WORDS for w in words):
            return Mention(start, end, run, NAME_KIND)
        return None


_NAME_SUFFIXES = frozenset({"jr", "sr", "junior", "senior", "ii", "iii"})
_LONG_SUFFIX = {"jr": "junior", "sr": "senior"}


def _with_suffix(surname: str, suffix: str | None) -> tuple[str, ...]:
    """How a surname is written alone: "Basov", or with its suffix ("Basov Jr.").

    The suffix tells the son from the father of the same name: without it, neither.
    """
    if suffix is None:
        return (surname,)
    bare = suffix.rstrip(".")
    long = _LONG_SUFFIX.get(bare.lower(), bare.lower())
    # (names are found case-folded: "Basov Junior" is "Basov junior")
    return (f"{surname} {bare}.", f"{surname} {bare}", f"{surname} {long}")


def _suffixed(name: str) -> bool:
    """Whether ``name`` is a surname and its suffix ("Basov Jr.")."""
    words = name.split()
    return len(words) == 2 and words[-1].rstrip(".").lower() in _NAME_SUFFIXES


# Russian first names as friends say them ("Sasha Grigoryev" is Aleksandr Grigoryev).
_DIMINUTIVES = {
    "Sasha": ("Aleksandr", "Aleksandra"),
    "Shura": ("Aleksandr", "Aleksandra"),
    "Lyosha": ("Aleksei",),
    "Alyosha": ("Aleksei",),
    "Zhenya": ("Yevgeni", "Yevgenia"),
    "Kolya": ("Nikolai",),
    "Petya": ("Pyotr",),
    "Vanya": ("Ivan",),
    "Dima": ("Dmitri",),
    "Volodya": ("Vladimir",),
    "Misha": ("Mikhail",),
    "Yura": ("Yuri", "Yury"),
    "Seryozha": ("Sergei",),
    "Slava": ("Vyacheslav", "Stanislav", "Yaroslav"),
    "Tolya": ("Anatoli",),
    "Grisha": ("Grigori",),
    "Fedya": ("Fyodor",),
    "Styopa": ("Stepan",),
    "Masha": ("Maria",),
    "Tanya": ("Tatyana",),
    "Natasha": ("Natalya",),
    "Katya": ("Yekaterina",),
    "Lena": ("Yelena",),
    "Nadya": ("Nadezhda",),
    "Ira": ("Irina",),
    "Olya": ("Olga",),
    "Lyuda": ("Lyudmila",),
    "Galya": ("Galina",),
}
# A capitalised word right before a name, and how alike two first names must be.
_WORD_AFTER = re.compile(r" (?P<w>[A-Z][a-z][\w'’-]*)")
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])(?P<w>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,})\s$")
_FIRST_NAME_LIKE = 65
# A name made like a studio's: "-film" joined to a word ("Lenfilm", "Gruziya-film"), or
# ending on "Studio(s)".
_STUDIO_NAME = re.compile(r"(?:\w[a-z]-?film|\S\s+(?:Film\s+)?Studios?)$")  # not "Studio" alone


@functools.lru_cache(maxsize=4096)
def _no_title_word(word: str) -> bool:
    """Whether an English word is no word of a title: a verb or only an adverb.

    "directed", "did", "also", "then"; not "most" (an adjective too).
    """
    readings = set(lemminflect.getAllLemmas(word))
    return bool({"VERB", "AUX"} & readings) or readings == {"ADV"}


# Lower-case words after a capitalised one, as titles in other languages go on
# ("Měsíční kmotr"), and a year in brackets after a title.
_NUMBER_TAIL = re.compile(r"\s+(?:\d{1,3}|[IVX]{1,4})(?=\s*\((?:1[89]|20)\d\d\b)")
_LOWER_TAIL = re.compile(r"(?P<words>(?:\s+[^\W\d_A-ZА-Я][\w-]*){1,3})(?=\s*\()")
# "(1965)", "(Dir. X, 1965)", "(Czechoslovakia 1961, 9 min)", "(1971, dir. X)": a title's
# date in brackets.
_YEAR_IN_BRACKETS = re.compile(
    r"\s*\((?:[^()]*?(?:, |[A-Za-z] ))?(?P<y>1[89]\d\d|20\d\d)"
    r"(?:,\s*\d{1,3}\s*min\.?|[,;]\s*[^()]{1,60})?\)"
)
# A film noun and a comma before a capitalised name: the name is that film's title.
_NAMED_AFTER_FILM = re.compile(
    r"\b(?:film|movie|picture|feature|adaptation|sequel|remake|cartoon|serial|production)"
    r",\s+(?:[Tt]he\s+)?$"
)
_AND_PIECE = re.compile(r"(?:(?<=^)|(?<=\sand\s))(?:(?!\sand\s).)+")
_JOIN_WORDS = frozenset(_JOIN.strip("(?:)").split("|"))
