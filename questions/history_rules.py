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
)
from questions.models import Relation
from questions.patterns import gated, needles_of

# ---------------------------------------------------------------- re-edits and relatives

_FOOTAGE = gated(
    r"\b[Ff]ootage from (?P<srcs>.+?) (?:was|were) (?:later )?(?:used|reused|recycled|re-used)"
    rf"(?: by (?P<by>{PERSON}))?(?: to (?:make|create|produce) | in )(?:his |her |the |their )?"
    r"(?:own )?(?:film |movie )?" + quoted_group("w"),
    "ootage from",
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
_INSPIRED = gated(rf"\binspired (?:(?P<by>{PERSON})['’]s? )?" + quoted_group("t"), "inspired ")
_POSSESSIVE = gated(
    rf"(?P<by>{PERSON})['’]s? (?:film|movie|re-edit),? " + quoted_group("t"),
    "'",
    "’",
    hint=r"['’]s? (?:film|movie|re-edit)",
)


def relatives(sentence: Sentence) -> Iterator[Found]:
    """Re-edits made from a film's footage, sequels and films it inspired."""
    text = sentence.text
    if not has_quote(text):
        return
    for match in _FOOTAGE.finditer(text):
        sources = QUOTED.findall(match["srcs"])
        if re.search(r"\b(?:this|the) (?:movie|film)\b|\bit\b", match["srcs"]):
            yield Found(Relation.FOOTAGE_USED_IN, match["w"])
        for source in sources:
            yield Found(Relation.FOOTAGE_USED_IN, match["w"], subject=source)
        if match["by"]:
            yield Found(Relation.PRODUCED_BY, match["by"], subject=match["w"])
    for match in _RECUT.finditer(text):
        yield Found(Relation.FOOTAGE_USED_IN, match["w"])
    for match in _REUSED_IN.finditer(text):
        yield Found(Relation.FOOTAGE_USED_IN, match["w"], subject=match["x"])
    for match in _SEQUEL.finditer(text):
        yield Found(Relation.SEQUEL, match["t"])
    for match in _INSPIRED.finditer(text):
        if not text[: match.start()].rstrip().endswith(("was", "were", "is")):
            yield Found(Relation.INSPIRED, match["t"])
            if match["by"]:
                yield Found(Relation.PRODUCED_BY, match["by"], subject=match["t"])
    for match in _POSSESSIVE.finditer(text):
        if match["by"].split()[0] not in NOT_NAMES:
            yield Found(Relation.PRODUCED_BY, match["by"], subject=match["t"])


# ---------------------------------------------------------------- history

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
    "in the same year as ",
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
)
_SHORTLY = frozenset({"months", "weeks", "days", "shortly", "soon", "not long"})


def event_phrase(text: str) -> str:
    """An event mention without the clause that follows it."""
    trimmed = _EVENT_END.sub("", text.strip())
    trimmed = re.sub(r",? and (?:explores|shows|offers|highlights)\b.*$", "", trimmed)
    return trimmed.strip()


def history(sentence: Sentence) -> Iterator[Found]:
    """Releases tied to historical events, and the real events a film is said to depict."""
    text = sentence.text
    after = _AFTER.search(text)
    if after:
        shortly = after["q"] in _SHORTLY
        relation = Relation.RELEASED_SHORTLY_AFTER if shortly else Relation.RELEASED_AFTER
        yield Found(relation, event_phrase(after["e"]))
    following = _FOLLOWING.search(text)
    if following and not after:
        yield Found(Relation.RELEASED_AFTER, event_phrase(following["e"]))
    same = _SAME_YEAR.search(text)
    if same:
        yield Found(Relation.RELEASED_SAME_YEAR_AS, event_phrase(same["e"]))
    depicts = _DEPICTS.search(text)
    if depicts:
        yield Found(Relation.DEPICTS, event_phrase(depicts["e"]))


HISTORY_RULES: tuple[SentenceRule, ...] = (
    # Every statement comes from one of these patterns (and needs a quote besides).
    SentenceRule(
        relatives, needles_of(_FOOTAGE, _RECUT, _REUSED_IN, _SEQUEL, _INSPIRED, _POSSESSIVE)
    ),
    SentenceRule(history, needles_of(_AFTER, _FOLLOWING, _SAME_YEAR, _DEPICTS)),
)
