"""Sentence rules about a film's history: re-edits made from it, relatives, real events.

Like the rules of :mod:`questions.extract_rules`, each reads one sentence and yields
:class:`~questions.extract_rules.Found` statements; ``subject=None`` means the film the
sentence is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from questions.extract_rules import (
    NOT_NAMES,
    PERSON,
    QUOTED,
    Found,
    Sentence,
    SentenceRule,
    has_quote,
    quoted_group,
    rule,
)
from questions.models import Relation
from questions.patterns import gated

# ---------------------------------------------------------------- re-edits and relatives

_FOOTAGE = gated(
    r"\b[Ff]ootage from (?P<srcs>.+?) (?:was|were) (?:later )?(?:used|reused|recycled|re-used)"
    rf"(?: by (?P<by>{PERSON}))?(?: to (?:make|create|produce) | in )(?:his |her |the |their )?"
    r"(?:own )?(?:film |movie )?" + quoted_group("w"),
    "ootage from",
    anchor=1,
)
_RECUT = gated(
    rf"\b(?:re-?edited|recut|re-cut|reworked|turned)(?: by (?P<by>{PERSON}))? (?:in)?(?:to|as) "
    + quoted_group("w"),
    "edited",
    "recut",
    "re-cut",
    "reworked",
    "turned",
)
_REUSED_IN = gated(
    quoted_group("w") + r",? (?:which )?(?:reused|used|recycled|borrowed|re-used) (?:the )?"
    r"(?:special[- ]effects |effects )?footage from (?:this (?:film|movie)|the film|"
    + quoted_group("x")
    + ")",
    "footage from",
)
_SEQUEL = gated(r"\b(?:its|a|the) sequel,? " + quoted_group("t"), "sequel")
_INSPIRED = gated(
    rf"\binspired (?:(?P<by>{PERSON})['’]s? )?" + quoted_group("t"), "inspired ", anchor=0
)
_POSSESSIVE = gated(
    rf"(?P<by>{PERSON})['’]s? (?:film|movie|re-edit),? " + quoted_group("t"),
    *(
        f"{apostrophe}{s} {work}"
        for apostrophe in "'’"
        for s in ("s", "")
        for work in ("film", "movie", "re-edit")
    ),
)


# Every pattern of these rules has a quoted title: a sentence without a quote is skipped
# before any of them runs.


def footage(sentence: Sentence) -> Iterator[Found]:
    """'Footage from this movie and “Other” were used by Name to make “Re-edit”'."""
    text = sentence.text
    for match in _FOOTAGE.finditer(text) if has_quote(text) else ():
        sources = QUOTED.findall(match["srcs"])
        if re.search(r"\b(?:this|the) (?:movie|film)\b|\bit\b", match["srcs"]):
            yield Found(Relation.FOOTAGE_USED_IN, match["w"])
        for source in sources:
            yield Found(Relation.FOOTAGE_USED_IN, match["w"], subject=source)
        if match["by"]:
            yield Found(Relation.PRODUCED_BY, match["by"], subject=match["w"])


def recut(sentence: Sentence) -> Iterator[Found]:
    """'re-edited into “Title”'."""
    text = sentence.text
    for match in _RECUT.finditer(text) if has_quote(text) else ():
        yield Found(Relation.FOOTAGE_USED_IN, match["w"])


def reused_in(sentence: Sentence) -> Iterator[Found]:
    """'“Title”, which reused footage from “Other”'."""
    text = sentence.text
    for match in _REUSED_IN.finditer(text) if has_quote(text) else ():
        yield Found(Relation.FOOTAGE_USED_IN, match["w"], subject=match["x"])


def sequel(sentence: Sentence) -> Iterator[Found]:
    """'its sequel “Title”'."""
    text = sentence.text
    for match in _SEQUEL.finditer(text) if has_quote(text) else ():
        yield Found(Relation.SEQUEL, match["t"])


def inspired(sentence: Sentence) -> Iterator[Found]:
    """'it inspired Name's “Title”' (not 'was inspired by')."""
    text = sentence.text
    for match in _INSPIRED.finditer(text) if has_quote(text) else ():
        if not text[: match.start()].rstrip().endswith(("was", "were", "is")):
            yield Found(Relation.INSPIRED, match["t"])
            if match["by"]:
                yield Found(Relation.PRODUCED_BY, match["by"], subject=match["t"])


def producer_possessive(sentence: Sentence) -> Iterator[Found]:
    """'Name's film “Title”'."""
    text = sentence.text
    for match in _POSSESSIVE.finditer(text) if has_quote(text) else ():
        if match["by"].split()[0] not in NOT_NAMES:
            yield Found(Relation.PRODUCED_BY, match["by"], subject=match["t"])


# ---------------------------------------------------------------- history

_EVENT_CLAUSE = re.compile(r",? and (?:explores|shows|offers|highlights)\b.*$")
_EVENT_END = re.compile(r",? (?:which|that|making|providing|when|and it|as it|so)\b.*$|[.,;:]+$")
_AFTER = gated(
    r"\b(?:released|premiered|came out|made)\b[^.;]*?\b(?:(?:just |only |a few |several )?"
    r"(?P<q>months|weeks|days|shortly|soon|not long|a year|years) )?after (?P<e>[^.;]+)",
    "after ",
)
_FOLLOWING = gated(
    r"\b(?:released|premiered|came out)\b[^.;]*?\b(?:following|in the wake of) (?P<e>[^.;]+)",
    "following ",
    "in the wake of ",
)
_SAME_YEAR = gated(
    r"\b(?:released|premiered|came out)\b[^.;]*?\bin the same year as (?P<e>[^.;]+)",
    "released",
    "premiered",
    "came out",
    hint="in the same year as ",
    anchor=0,  # tried where the verb is, rather than at every word before it
)
_DEPICTS = gated(
    r"\b(?:focusing on|focuses on|depicting|depicts|celebrates|celebrating|dramati[sz]es|"
    r"dramati[sz]ation of|portrays|portraying|tells the story of|recreates|recreating) "
    r"(?P<e>the (?:[\w-]+ ){0,6}?(?:launch|flight|mission|landing|program|programme|station)"
    r"\b[^.;]*)",
    "focusing on",
    "focuses on",
    "depict",
    "celebrat",
    "dramati",
    "portray",
    "tells the story of",
    "recreat",
    anchor=0,
)
_SHORTLY = frozenset({"months", "weeks", "days", "shortly", "soon", "not long"})


def event_phrase(text: str) -> str:
    """An event mention without the clause that follows it."""
    trimmed = _EVENT_END.sub("", text.strip())
    trimmed = _EVENT_CLAUSE.sub("", trimmed)
    return trimmed.strip()


def released_after(sentence: Sentence) -> Iterator[Found]:
    """'released just months after Gagarin's flight', else 'released following the flight'."""
    text = sentence.text
    after = _AFTER.search(text)
    if after:
        shortly = after["q"] in _SHORTLY
        relation = Relation.RELEASED_SHORTLY_AFTER if shortly else Relation.RELEASED_AFTER
        yield Found(relation, event_phrase(after["e"]))
    following = _FOLLOWING.search(text)
    if following and not after:
        yield Found(Relation.RELEASED_AFTER, event_phrase(following["e"]))


def released_same_year(sentence: Sentence) -> Iterator[Found]:
    """'released in the same year as Vostok 6'."""
    same = _SAME_YEAR.search(sentence.text)
    if same:
        yield Found(Relation.RELEASED_SAME_YEAR_AS, event_phrase(same["e"]))


def depicts(sentence: Sentence) -> Iterator[Found]:
    """'depicts the launch of Sputnik'."""
    found = _DEPICTS.search(sentence.text)
    if found:
        yield Found(Relation.DEPICTS, event_phrase(found["e"]))


HISTORY_RULES: tuple[SentenceRule, ...] = (
    rule(footage, _FOOTAGE),
    rule(recut, _RECUT),
    rule(reused_in, _REUSED_IN),
    rule(sequel, _SEQUEL),
    rule(inspired, _INSPIRED),
    rule(producer_possessive, _POSSESSIVE),
    rule(released_after, _AFTER, _FOLLOWING),
    rule(released_same_year, _SAME_YEAR),
    rule(depicts, _DEPICTS),
)
