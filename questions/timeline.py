"""Check claims that tie a film's release to a historical event, against reference dates.

"Released just months after Gagarin's historic flight" is checked with the catalogue's
date of the event (found by its name or by the person it involves) and the film's release
date or year from the references; the year the document itself gives is reported too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from questions.catalogue import Catalogue, Entity, ReferenceFact
from questions.models import Assessment, Claim, Relation, SourceRef, Verdict
from questions.names import name_key, plain

TIMELINE_RELATIONS = frozenset(
    {Relation.RELEASED_AFTER, Relation.RELEASED_SHORTLY_AFTER, Relation.RELEASED_SAME_YEAR_AS}
)
# "Shortly" or "months after": within a year is true, more than eighteen months is not.
SHORTLY_MAX_DAYS = 366
SHORTLY_FALSE_DAYS = 548
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """A historical event with its reference date."""

    entity: Entity
    when: date
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Release:
    """When the references say a film came out: a full date when known, else the year."""

    year: int
    when: date | None
    source: SourceRef

    def describe(self) -> str:
        """'1963-11-18' or '1963'."""
        return self.when.isoformat() if self.when else str(self.year)


def find_events(catalogue: Catalogue, phrase: str) -> list[DatedEvent]:
    """Events a phrase names ("the Mariner 4 flyby", "Luna") or ties to a person ("Gagarin's")."""
    words = plain(_POSSESSIVE.sub("", phrase)).split()
    found: dict[str, Entity] = {}
    for event in catalogue.of_kind("event"):
        if any(_names_event(words, name_key(name).split()) for name in event.names):
            found[event.id] = event
    for fact in catalogue.facts:
        if fact.relation is Relation.INVOLVES and isinstance(fact.value, str):
            person = catalogue.entity(fact.value)
            if person and name_key(person.name).split()[-1] in words:
                found[fact.subject] = catalogue.entities[fact.subject]
    dated = []
    for event in found.values():
        for fact in catalogue.facts_about(event.id, Relation.EVENT_DATE):
            dated.append(DatedEvent(event, date.fromisoformat(str(fact.value)), fact.source))
    return dated


def _names_event(words: list[str], name: list[str]) -> bool:
    """'luna' names Luna 1 and Luna 2; 'mariner 4' names Mariner 4 but not Mariner 5."""
    if not name or name[0] not in words:
        return False
    if len(name) > 1 and not name[1].isdigit():
        size = len(name)  # a name without a number, e.g. "project ozma": all of it, in order
        return any(words[i : i + size] == name for i in range(len(words) - size + 1))
    at = words.index(name[0])
    following = words[at + 1] if at + 1 < len(words) else ""
    return not following.isdigit() or name[1:2] == [following]


def film_release(catalogue: Catalogue, film: str) -> Release | None:
    """The film's release date (or year) from the references."""
    for fact in catalogue.facts_about(film, Relation.RELEASE_DATE):
        when = date.fromisoformat(str(fact.value))
        return Release(when.year, when, fact.source)
    for fact in catalogue.facts_about(film, Relation.RELEASE_YEAR):
        return Release(int(fact.value), None, fact.source)
    return None


def _judge(relation: Relation, release: Release, event: DatedEvent) -> bool | None:
    """True, False, or None when the references cannot tell."""
    if relation is Relation.RELEASED_SAME_YEAR_AS:
        return release.year == event.when.year
    if release.when is not None:
        days = (release.when - event.when).days
        if relation is Relation.RELEASED_AFTER or days <= 0:
            return days > 0
        return True if days <= SHORTLY_MAX_DAYS else (False if days > SHORTLY_FALSE_DAYS else None)
    gap = release.year - event.when.year
    if gap < 0:
        return False
    if relation is Relation.RELEASED_SHORTLY_AFTER and gap >= 2:
        return False
    return True if gap > 0 and relation is Relation.RELEASED_AFTER else None


def refuted_by_every(
    relation: Relation, releases: Sequence[ReferenceFact], events: Sequence[DatedEvent]
) -> bool:
    """Whether a timeline claim is false by every cited release date or year of the film.

    When cited sources disagree on the release, a claim is still wrong (not disputed) if
    it is wrong whichever of them is right: "shortly after Gagarin" of a film of 1963.
    """
    if not events or not releases:
        return False
    dated = [
        Release(date.fromisoformat(str(f.value)).year, date.fromisoformat(str(f.value)), f.source)
        if f.relation is Relation.RELEASE_DATE
        else Release(int(f.value), None, f.source)
        for f in releases
    ]
    return all(_judge(relation, r, e) is False for r in dated for e in events)


def stated_year_note(claim: Claim, events: list[DatedEvent]) -> str:
    """A remark when the document's own year for the film already contradicts the event."""
    if claim.stated_year is None or not events:
        return ""
    event = events[0]
    stated = int(claim.stated_year)
    if claim.relation is Relation.RELEASED_SAME_YEAR_AS and stated != event.when.year:
        return f"; the document's own year {stated} is not the year of {event.entity.name}"
    if claim.relation is not Relation.RELEASED_SAME_YEAR_AS and stated < event.when.year:
        return (
            f"; the document's own year {stated} is before {event.entity.name} "
            f"({event.when.isoformat()})"
        )
    return ""


def assess_timeline(
    claim: Claim, film: Entity, catalogue: Catalogue, events: list[DatedEvent] | None = None
) -> Assessment:
    """Verdict for a release tied to an event; see the module docstring.

    Args:
        claim: the claim tying the film's release to an event.
        film: the catalogue film the claim is about.
        catalogue: the reference catalogue.
        events: the events ``claim.value`` names, when the caller already looked them up
            (:func:`find_events` scans every event and fact).
    """
    if events is None:
        events = find_events(catalogue, claim.value)
    if not events:
        reason = f"no reference dates the event '{claim.value}'"
        return Assessment(claim, Verdict.UNVERIFIED, reason, film.id)
    note = stated_year_note(claim, events)
    value_id = events[0].entity.id if len({e.entity.id for e in events}) == 1 else None
    release = film_release(catalogue, film.id)
    if release is None:
        reason = f"no reference dates the release of '{film.name}'{note}"
        return Assessment(claim, Verdict.UNVERIFIED, reason, film.id, value_id)
    verdicts = {_judge(claim.relation, release, event) for event in events}
    dates = ", ".join(f"{e.entity.name} {e.when.isoformat()} ({e.source.title})" for e in events)
    facts = f"'{film.name}' was released {release.describe()} ({release.source.title}); {dates}"
    if verdicts == {True}:
        return Assessment(
            claim, Verdict.VERIFIED, f"{facts}{note}", film.id, value_id, None, release.source
        )
    if verdicts == {False}:
        correct = f"released {release.describe()}; {events[0].entity.name} was {events[0].when}"
        return Assessment(
            claim,
            Verdict.CONTRADICTED,
            f"{facts}{note}",
            film.id,
            value_id,
            correct,
            release.source,
        )
    reason = f"the reference dates cannot settle it: {facts}{note}"
    return Assessment(claim, Verdict.UNVERIFIED, reason, film.id, value_id)
