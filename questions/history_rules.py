"""Statements tying a film to history: released after an event, depicting one, inspiring a film.

These cues read a whole phrase ("released just months after Gagarin's historic flight")
whose value is a free-text event, checked later against the catalogue's dated events.
Each statement comes with where its cue starts, so the extractor can find its film.
"""

from __future__ import annotations

import re

from questions.models import Relation

_EVENT_CLAUSE = re.compile(r",? and (?:explores|shows|offers|highlights)\b.*$")
_EVENT_END = re.compile(r",? (?:which|that|making|providing|when|and it|as it|so)\b.*$|[.,;:]+$")
_AFTER = re.compile(
    r"\b(?:released|premiered|came out|made|opened(?!\s+(?:with|on|by)\b)|debuted"
    r"|reached (?:cinemas|screens)"
    r"|(?:was|were) in (?:cinemas|theatres|theaters))\b[^.;]*?\b"
    r"(?:(?:(?:just|only|a few|several|one|two|three|four|five|six|seven|eight|nine|ten|\d+) )?"
    r"(?P<q>months?|weeks?|days?|shortly|soon|not long|a year|years?) after"
    r"|within (?:(?:a|one|two|three|four|five|six|a few|\d+) )?(?P<w>months?|weeks?|days?) of"
    r"|after) "
    r"(?P<e>[^.;]+)"
)
# "made after the novel of Alexei Tolstoy", "after Lem's story": adapted from, not later than
_AFTER_A_WORK = re.compile(
    r"(?:(?:the|a|an|his|her|their)\s+|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s?\s+)(?:[\w-]+\s+)?"
    r"(?:novel|novella|book|story|stories|tale|play|script|screenplay)\b"
)
_FOLLOWING = re.compile(
    r"\b(?:released|premiered|came out)\b[^.;]*?\b(?:following|in the wake of) (?P<e>[^.;]+)"
)
_SAME_YEAR = re.compile(
    r"\b(?:released|premiered|came out)\b[^.;]*?\bin the same year as (?P<e>[^.;]+)"
)
_DEPICTS = re.compile(
    r"\b(?:focusing on|focuses on|depicting|depicts|celebrates|celebrating|dramati[sz]es|"
    r"dramati[sz]ation of|portrays|portraying|tells the story of|recreates|recreating) "
    r"(?P<e>the (?:[\w-]+ ){0,6}?(?:launch|flight|mission|landing|program|programme|station)"
    r"\b[^.;]*)"
)
_INSPIRED = re.compile(
    r"\b(?:it |film |movie )?inspired (?:[\w.]+ [\w.]+['’]s? )?[“\"*](?P<t>[^”\"*]+)"
)
_SHORTLY_UNITS = frozenset({"month", "week", "day", "shortly", "soon", "not long"})
_NEEDLES = (
    "after",
    "within",
    "following",
    "wake",
    "same year",
    "depict",
    "focus",
    "celebrat",
    "dramati",
    "portray",
    "story of",
    "recreat",
    "inspired",
)

# The verbs of _DEPICTS, one of which it cannot match without.
_DEPICT_NEEDLES = ("focus", "depict", "celebrat", "dramati", "portray", "story of", "recreat")


def event_phrase(text: str) -> str:
    """An event mention without the clause that follows it."""
    trimmed = _EVENT_END.sub("", text.strip())
    trimmed = _EVENT_CLAUSE.sub("", trimmed)
    return trimmed.strip()


def history_statements(text: str) -> list[tuple[Relation, str, int]]:
    """(relation, value, where the cue starts) for every historical statement of a sentence."""
    if not any(needle in text for needle in _NEEDLES):
        return []
    found: list[tuple[Relation, str, int]] = []
    # each pattern is tried only when the words it cannot match without are there
    after = _AFTER.search(text) if "after " in text or "within " in text else None
    if after and _AFTER_A_WORK.match(after["e"]):
        after = None
    if after:
        shortly = after["w"] is not None or (after["q"] or "").rstrip("s") in _SHORTLY_UNITS
        relation = Relation.RELEASED_SHORTLY_AFTER if shortly else Relation.RELEASED_AFTER
        found.append((relation, event_phrase(after["e"]), after.start()))
    following = (
        _FOLLOWING.search(text)
        if not after and ("following " in text or "in the wake of " in text)
        else None
    )
    if following and not after:
        found.append((Relation.RELEASED_AFTER, event_phrase(following["e"]), following.start()))
    same = _SAME_YEAR.search(text) if "in the same year as " in text else None
    if same:
        found.append((Relation.RELEASED_SAME_YEAR_AS, event_phrase(same["e"]), same.start()))
    depicts = _DEPICTS.search(text) if any(n in text for n in _DEPICT_NEEDLES) else None
    if depicts:
        found.append((Relation.DEPICTS, event_phrase(depicts["e"]), depicts.start()))
    inspired = _INSPIRED.search(text) if "inspired " in text else None
    if inspired and not text[: inspired.start()].rstrip().endswith(("was", "were", "is")):
        found.append((Relation.INSPIRED, inspired["t"].strip().rstrip(".,"), inspired.start()))
    return [item for item in found if item[1]]
