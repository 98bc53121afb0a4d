"""The cast a reference synopsis credits in passing.

A cited retelling often names who plays whom ("Suko (Alfred Struwe)", "Dana Medřická as the
sociologist Nina Kirova", "Professor Hartman, played by Basil Rathbone", "with Jana
Brejchová, Alfred Struwe and Ekkehard Schall"), also for actors the catalogue's cast facts
leave out, or that it does not know at all. These credits are read from the synopses' own
words (a name the catalogue does not know only where nothing else could be meant) and back a
document's cast claim with the synopsis' cited page. They only ever support: a synopsis
naming someone else in a part is not read as refuting a claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from questions.catalogue import Catalogue, Synopsis
from questions.mentions import TITLES
from questions.models import SourceRef
from questions.names import name_key

# A word ("Medřická", "A.S.A.", "Dr.", "O'Hara", "Ter-Ovanesyan").
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
# A part's name: capitalised words ("Dr. Farraday", "the Alien Queen" without its article).
_PART = r"(?P<part>[^\W\d_a-z][\w.'’-]*(?:\s+[^\W\d_a-z][\w.'’-]*)*)"
# "as the mathematician Anthony Hopkins", "plays Alisa Selezneva": a few describing words
# may come between the verb and the name, but no preposition ("as director of Mosfilm").
_DESCRIBING = r"(?:(?!(?:of|in|at|on|for|by|from|with|to|and|or)\b)[a-z][\w-]*\s+){0,3}"
_AS_PART = re.compile(rf"\s+(?:as|plays|playing)\s+(?:(?:the|a|an)\s+)?{_DESCRIBING}{_PART}")
_AS_SOMETHING = re.compile(r"\s+as\s+(?:(?:the|a|an)\s+)?[a-z]")  # "as director": a job
_PART_BEFORE_BRACKET = re.compile(rf"{_PART}\s*\(\s*$")
_PART_PLAYED_BY = re.compile(rf"{_PART},?\s+(?:who is\s+)?played by\s+$")
_PLAYED_BY = re.compile(r"\bplayed by\s+$")
_CLOSING_BRACKET = re.compile(r"\s*\)")
# A list of actors: "with A, B and C", "starring A and B", "the credits list A, B and C".
_LIST_CUE = re.compile(
    r"\b(?P<cue>with|starring|featuring|cast(?: includes?| lists?)?:?"
    r"|credits? (?:lists?|includes?))\s+$",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")
_NEXT_IN_LIST = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)")
_ABBREVIATIONS = frozenset({"Dr", "Prof", "Mr", "Mrs", "Ms", "St", "Capt", "Col", "Gen", "Lt"})
_TITLE_WORDS = TITLES | {"academician", "engineer", "uncle", "aunt"}
_IN_THE_CAST = re.compile(
    r"\s+in the (?:cast|leads?|lead roles|lead parts|main (?:parts|roles))\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Credit:
    """An actor a synopsis credits in a film, with the part as written (if it names one).

    ``actor`` is the catalogue person, when the catalogue knows the name; ``name`` is the
    name as the synopsis writes it, whole ("Juozas Budraitis" also for a later "(Budraitis)").
    """

    name: str
    actor: str | None
    part: str | None
    source: SourceRef


def synopsis_credits(catalogue: Catalogue) -> dict[str, tuple[Credit, ...]]:
    """The credits every synopsis of the catalogue gives, by film id."""
    return catalogue.derived("synopsis credits", _all_credits)


def _all_credits(catalogue: Catalogue) -> dict[str, tuple[Credit, ...]]:
    found: dict[str, tuple[Credit, ...]] = {}
    for film, synopses in catalogue.synopses.items():
        credits = [c for synopsis in synopses for c in _credits_in(synopsis, catalogue)]
        whole = [c for c in credits if " " in c.name]
        kept = []
        for credit in credits:
            if " " not in credit.name:
                # "Colonel Kuznetsov (Budraitis)": the one whole name it ends, if one does
                same = {
                    (c.name, c.actor) for c in whole if _surname(c.name) == name_key(credit.name)
                }
                if len(same) != 1:
                    continue
                name, actor = same.pop()
                credit = Credit(name, actor, credit.part, credit.source)
            kept.append(credit)
        found[film] = tuple(dict.fromkeys(kept))
    return found


def _surname(name: str) -> str:
    return name_key(name).split()[-1]


def _credits_in(synopsis: Synopsis, catalogue: Catalogue) -> Iterator[Credit]:
    """The credits one synopsis gives.

    Someone the catalogue knows is credited by any of the forms; a name it does not know only
    where nothing else could be meant: "X as Y", "played by X", or a list that says it is the
    cast ("starring ...", "... in the lead roles"), not "with X" (a character, as often) nor
    "Y (X)" (another name of a place, as often); and never a name that begins with a title
    ("Captain Viktor Orlov" is a character).
    """
    text = synopsis.text
    people = list(_people(text, catalogue))
    ends = {end: start for start, end, _ in people}
    starts = {start: end for start, end, _ in people}
    for start, end, actor in people:
        after, before = text[end:], text[:start]
        name = text[start:end]
        bracketed = _CLOSING_BRACKET.match(after) is not None and before.rstrip().endswith("(")
        part = _part_named(before, after)
        if actor is None and (
            name.split()[0].lower().rstrip(".") in _TITLE_WORDS
            or catalogue.resolve(name) is not None
        ):
            continue  # a character, or a film, a place or a ship
        if part is None:
            if _AS_SOMETHING.match(after):
                continue  # "with Kurt Maetzig as director"
            cue = _listed(text, start, end, ends, starts)
            if cue is None or (actor is None and cue == "with"):
                continue
        elif actor is None and bracketed and " " in name:
            continue
        yield Credit(name, actor, part or None, synopsis.source)


def _people(text: str, catalogue: Catalogue) -> Iterator[tuple[int, int, str | None]]:
    """Where the text may name a person, and the catalogue's person id if it knows them.

    Names of two or more capitalised words, and a single one in brackets ("(Budraitis)").
    A run of capitalised words may start with a word of something else ("Moscow Vladimir
    Mashkov"): its endings are looked up by their exact keys, and the last two or three
    words, if none is known, as the catalogue resolves a slightly other spelling.
    """
    known = catalogue.derived("person keys", _person_keys)
    for run in _capital_runs(text):
        if len(run) == 1:
            start, end = run[0]
            if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
                yield start, end, None
            continue
        spans = [(run[first][0], run[-1][1]) for first in range(len(run) - 1)]
        found: tuple[int, int, str | None] | None = next(
            ((s, e, known[k]) for s, e in spans if (k := name_key(text[s:e])) in known), None
        )
        if found is None:
            for s, e in spans[-2:]:
                person = catalogue.resolve(text[s:e].rstrip("."), ("person",))
                if person is not None:
                    found = s, e, person.id
                    break
        start, end, person_id = found or (*spans[0], None)
        yield start, end - (text[end - 1] == "."), person_id


def _capital_runs(text: str) -> Iterator[list[tuple[int, int]]]:
    """The spans of the words of each run of capitalised words on one line."""
    run: list[tuple[int, int]] = []
    for word in _WORD.finditer(text):
        joined = (
            bool(run)
            and text[run[-1][1] : word.start()] in {" ", "\t"}
            and not _ends_sentence(text[run[-1][0] : run[-1][1]])
        )
        if not word.group()[0].isupper() or not joined:
            if len(run) > 0:
                yield run
            run = []
        if word.group()[0].isupper():
            run.append(word.span())
    if run:
        yield run


def _ends_sentence(word: str) -> bool:
    """Whether a word ends its sentence ("Noor." but not "Dr.", "J." or "A.S.A.")."""
    return (
        word.endswith(".")
        and word.count(".") == 1
        and len(word) > 2
        and (word[:-1] not in _ABBREVIATIONS)
    )


def _person_keys(catalogue: Catalogue) -> dict[str, str]:
    return {
        key: person.id
        for person in catalogue.of_kind("person")
        for name in person.names
        if len((key := name_key(name)).split()) >= 2
    }


def _part_named(before: str, after: str) -> str | None:
    """The part a credit names ("" for a credit without one), or None when it is none."""
    if (m := _AS_PART.match(after)) is not None:
        part = _first_sentence(m["part"])
        return "" if part.endswith(("'s", "’s")) else part  # "as Farraday's assistant"
    if _CLOSING_BRACKET.match(after) and (m := _PART_BEFORE_BRACKET.search(before)):
        return _this_sentence(m["part"])
    if (m := _PART_PLAYED_BY.search(before)) is not None:
        return _this_sentence(m["part"])
    if _PLAYED_BY.search(before):
        return ""
    return None


def _first_sentence(part: str) -> str:
    """The words of a part up to the end of its sentence ("Moana. The" is "Moana")."""
    kept = []
    for word in part.split():
        if _ends_sentence(word):
            kept.append(word.rstrip("."))
            break
        kept.append(word)
    return " ".join(kept)


def _this_sentence(part: str) -> str:
    """The words of a part since its sentence began ("Rell. Doctor Fenn" is "Doctor Fenn")."""
    words = part.split()
    ends = [i for i, word in enumerate(words) if _ends_sentence(word)]
    return " ".join(words[ends[-1] + 1 :] if ends else words)


def _listed(
    text: str, start: int, end: int, ends: dict[int, int], starts: dict[int, int]
) -> str | None:
    """The cue of a list of actors the person at ``start:end`` is one of, if they are.

    The cue before the list, lower-cased ("with", "starring"), or "cast" for a list that
    ends "in the cast" or "in the lead roles".
    """
    last = end
    while (m := _NEXT_IN_LIST.match(text, last)) is not None and m.end() in starts:
        last = starts[m.end()]
    if _IN_THE_CAST.match(text, last):
        return "cast"
    first = start
    while (m := _LIST_SEPARATOR.search(text, 0, first)) is not None and m.start() in ends:
        first = ends[m.start()]  # the person before the comma or "and"
    m = _LIST_CUE.search(text, 0, first)
    return None if m is None else m["cue"].lower()
