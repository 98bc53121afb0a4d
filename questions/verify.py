"""Give every claim a verdict with a reason, checking it against the reference catalogue.

A claim is ``verified`` only when an independent reference fact supports it (or a moderator
approved it), ``contradicted`` when a reference says otherwise (the correct value and its
source are given), and ``unverified`` when nothing independent speaks to it. Agreement
between documents is reported by :func:`find_disagreements` but never verifies anything.
"""

from __future__ import annotations

import functools
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from rapidfuzz import fuzz

from questions.catalogue import Catalogue, Entity, ReferenceFact
from questions.credits import synopsis_credits
from questions.extract import CONFIDENT
from questions.mentions import TITLES
from questions.models import Assessment, Claim, Relation, Verdict
from questions.names import name_key
from questions.plot import corroborate, story_index, told_at, unconfirmed_clause
from questions.relations import INCOMPLETE, SINGLE_VALUED, SPECS
from questions.timeline import (
    TIMELINE_RELATIONS,
    assess_timeline,
    find_events,
    refuted_by_every,
    stated_year_note,
)

# Which kind of entity a relation's subject and value are; None means a literal value.
SUBJECT_KINDS: dict[Relation, tuple[str, ...]] = {r: s.subject_kinds for r, s in SPECS.items()}
VALUE_KINDS: dict[Relation, tuple[str, ...] | None] = {r: s.value_kinds for r, s in SPECS.items()}
PLACE_VALUED = ("place",)
NAMESAKE_CUTOFF = 80.0  # surnames this close are one name in two romanisations, or a slip
UNCERTAIN = "attribution uncertain"
# Verdicts remembered per statement (and characters per name): enough for the statements a
# corpus repeats, forgotten all at once past it so memory does not grow with the corpus.
REMEMBERED_STATEMENTS = 8_192


class Verifier(Protocol):
    """Anything that can judge a claim independently."""

    def assess(self, claim: Claim) -> Assessment:
        """Return the claim's verdict with a reason."""
        ...


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Documents that give different values for the same subject and relation.

    ``titles`` are the names the documents use for the subject (one film may appear under
    several titles); ``documents`` the documents involved.
    """

    subject: str
    relation: Relation
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value, claim ids stating it)
    titles: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Agreement:
    """Several documents stating the same value: reported, never counted as verification."""

    subject: str
    relation: Relation
    value: str
    claims: tuple[str, ...]
    titles: tuple[str, ...]
    documents: tuple[str, ...]


class CatalogueVerifier:
    """Verifies claims against the reference catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        # Documents name the same few events over and over; the scan is over every fact.
        self.events = functools.lru_cache(maxsize=4096)(functools.partial(find_events, catalogue))
        # The verdict depends only on what a claim states, not where: documents repeat the
        # same statements, so remember the verdict per statement and re-attach the claim.
        self._verdicts: dict[tuple[object, ...], Assessment] = {}
        self._characters: dict[tuple[str, str], Entity | None] = {}  # (name, film): character
        self._people_of: dict[str, tuple[tuple[str, ...], ...]] = {}  # film: its characters' names

    def assess(self, claim: Claim) -> Assessment:
        """Check one claim; see the module docstring for the meaning of each verdict."""
        known = self._judged(claim)
        reason = known.reason
        if claim.relation in TIMELINE_RELATIONS:
            reason += stated_year_note(claim, self.events(claim.value))
        result = Assessment(
            claim,
            known.verdict,
            reason,
            known.subject_id,
            known.value_id,
            known.correct_value,
            known.source,
            known.moderator,
        )
        return self._doubted(result) if result.verdict is Verdict.CONTRADICTED else result

    def _judged(self, claim: Claim, subject: str | None = None) -> Assessment:
        """The verdict on what ``claim`` states (of ``subject`` instead, if given).

        Remembered per statement: documents repeat the same statements; where one is said
        (and how surely the extractor attributed it) is weighed afterwards, in
        :meth:`_doubted`.
        """
        statement = (
            claim.subject if subject is None else subject,
            claim.relation,  # a StrEnum: hashes and compares as its value, without .value
            claim.value,
            claim.role,
            claim.value_entity,
            claim.evidence.quote if claim.relation is Relation.PLOT else None,
            claim.disputed_by,
        )
        known = self._verdicts.get(statement)
        if known is None:
            if len(self._verdicts) >= REMEMBERED_STATEMENTS:
                self._verdicts.clear()  # bounded: a report over many documents stays small
            # The document's own year only adds a note at the end of a timeline claim's
            # reason: judge the statement without it, and add each claim's note in assess.
            timeline = claim.relation in TIMELINE_RELATIONS
            judged = claim if subject is None else replace(claim, subject=subject)
            judged = replace(judged, stated_year=None) if timeline else judged
            known = self._verdicts[statement] = self._assess(judged)
        return known

    def _doubted(self, assessment: Assessment) -> Assessment:
        """A contradiction we may have caused ourselves is our doubt, not the document's error.

        Either the claim's film was not surely attributed, or the value is right for another
        film the same paragraph names: the sentence most likely says it of that film.
        """
        claim = assessment.claim
        if assessment.verdict is not Verdict.CONTRADICTED:
            return assessment
        if claim.confidence < CONFIDENT:
            reason = f"{UNCERTAIN} ({claim.attribution}); {assessment.reason}"
            return replace(assessment, verdict=Verdict.UNVERIFIED, reason=reason)
        for film in claim.nearby:
            other = self.catalogue.entity(film)
            if film == assessment.subject_id or other is None:
                continue
            if self._judged(claim, other.name).verdict is Verdict.VERIFIED:
                reason = (
                    f"{UNCERTAIN} (right for '{other.name}', which the paragraph also names); "
                    f"{assessment.reason}"
                )
                return replace(assessment, verdict=Verdict.UNVERIFIED, reason=reason)
        return assessment

    def _assess(self, claim: Claim) -> Assessment:
        kinds = SUBJECT_KINDS.get(claim.relation, ("film",))
        subject = self.catalogue.resolve(claim.subject, kinds)
        if subject is None:
            reason = f"no reference knows a {kinds[0]} called '{claim.subject}'"
            if claim.relation in TIMELINE_RELATIONS:
                reason += stated_year_note(claim, self.events(claim.value))
            return Assessment(claim, Verdict.UNVERIFIED, reason)
        if claim.relation is Relation.ALSO_KNOWN_AS:
            return self._alias(claim, subject)
        if claim.relation in TIMELINE_RELATIONS:
            disagreeing = (
                *self.catalogue.disagreeing(subject.id, Relation.RELEASE_DATE),
                *self.catalogue.disagreeing(subject.id, Relation.RELEASE_YEAR),
            )
            events = self.events(claim.value)
            assessed = assess_timeline(claim, subject, self.catalogue, events)
            if disagreeing and not refuted_by_every(claim.relation, disagreeing, events):
                return self._disputed(claim, subject, disagreeing) or assessed
            if disagreeing:
                # Wrong whichever cited date is right: still the document's error.
                dates = ", ".join(str(f.value) for f in disagreeing)
                reason = f"{assessed.reason}; wrong by every cited date ({dates})"
                return replace(assessed, reason=reason)
            return assessed
        special = {
            Relation.CAST: self._cast,
            Relation.INSPIRED: self._inspired,
            Relation.SOURCE_AUTHOR: self._source_author,
            Relation.DEPICTS: self._depicts,
            Relation.PLOT: self._plot,
        }.get(claim.relation)
        if special is not None:
            return special(claim, subject)
        return self._against_facts(claim, subject)

    def _alias(self, claim: Claim, subject: Entity) -> Assessment:
        other = self.catalogue.resolve(claim.value, (subject.kind,))
        if other is None:
            reason = f"no reference lists '{claim.value}' as a title of '{subject.name}'"
            return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id)
        if other.id == subject.id:
            reason = f"'{claim.value}' is a known title of '{subject.name}'"
            return Assessment(
                claim, Verdict.VERIFIED, reason, subject.id, subject.id, source=subject.source
            )
        reason = f"'{claim.value}' is a different {other.kind}: '{other.name}'"
        return Assessment(
            claim, Verdict.CONTRADICTED, reason, subject.id, other.id, subject.name, subject.source
        )

    def _part_of(self, said: str, part: str | None) -> bool:
        """Whether a part named in a few words ("Moses") is the one the actor has ("Mr. Moses").

        For a name that fits several parts of the film, so no one character: the actor's
        own part decides.
        """
        entity = self.catalogue.entity(part) if part else None
        words = set(_untitled(said))
        return (
            entity is not None
            and bool(words)
            and any(words <= set(_untitled(n)) for n in entity.names)
        )

    def character(self, name: str, film: str) -> Entity | None:
        """A character of ``film``: by any known name, else by a unique partial match.

        Remembered per name and film: plot and cast claims ask again for the same few names.
        """
        key = (name, film)
        if key not in self._characters:
            if len(self._characters) >= REMEMBERED_STATEMENTS:
                self._characters.clear()
            self._characters[key] = self._find_character(name, film)
        return self._characters[key]

    def _find_character(self, name: str, film: str) -> Entity | None:
        entity = self.catalogue.resolve(name, ("character",))
        if entity is not None:
            return entity
        # "Captain Abajev" for "Captain Vladimír Abajev", "Kornev" for "Eugene Kornev": the
        # one character of the film with that first name or surname, titles left aside
        words = _untitled(name)
        if not words:
            return None
        found: dict[str, Entity] = {}
        for character in self.catalogue.characters_of(film):
            for known in map(_untitled, character.names):
                if not known:
                    continue
                if len(words) == 1:
                    # "Snaut" for "Snout": one letter of a name of five or more, in one film
                    same = words[0] in {known[0], known[-1]} or any(
                        len(words[0]) >= 5 and fuzz.ratio(words[0], k) >= ROLE_SPELLING
                        for k in {known[0], known[-1]}
                    )
                else:
                    same = known[-1] == words[-1] and known[0][:1] == words[0][:1]
                if same:
                    found[character.id] = character
        return next(iter(found.values())) if len(found) == 1 else None

    def _value_id(self, claim: Claim, subject: Entity) -> str | None:
        kinds = VALUE_KINDS.get(claim.relation, PLACE_VALUED)
        known = self.catalogue.entity(claim.value_entity) if claim.value_entity else None
        if known is not None and kinds is not None and known.kind in kinds:
            return known.id
        if kinds == ("character",):
            found = self.character(claim.value, subject.id)
        else:
            found = self.catalogue.resolve(claim.value, kinds) if kinds else None
            if found is None and kinds == ("person",):
                found = self.by_surname(claim.value)
        return found.id if found else None

    def by_surname(self, name: str) -> Entity | None:
        """The one person whose surname ``name`` is ("Klushantsev"), or None."""
        key = name_key(name)
        if " " in key or len(key) < 4:
            return None
        found = [
            p for p in self.catalogue.of_kind("person") if name_key(p.name).split()[-1:] == [key]
        ]
        return found[0] if len(found) == 1 else None

    def _disputed(
        self, claim: Claim, subject: Entity, facts: Sequence[ReferenceFact]
    ) -> Assessment | None:
        """A disputed verdict when cited sources disagree on what the claim rests on."""
        if not facts:
            return None
        values = "; ".join(f"{self.catalogue.display(f.value)} ({f.source.title})" for f in facts)
        reason = (
            f"cited sources disagree on the {facts[0].relation.value} of '{subject.name}': {values}"
        )
        return Assessment(claim, Verdict.DISPUTED, reason, subject.id)

    def _against_facts(self, claim: Claim, subject: Entity) -> Assessment:
        facts = self.catalogue.facts_about(subject.id, claim.relation)
        literal = VALUE_KINDS.get(claim.relation, PLACE_VALUED) is None
        value_id = None if literal else self._value_id(claim, subject)
        disagreeing = self.catalogue.disagreeing(subject.id, claim.relation)
        if disagreeing:
            matches = [
                f
                for f in disagreeing
                if (literal and name_key(claim.value) == name_key(str(f.value)))
                or (value_id is not None and value_id == f.value)
            ]
            if matches:
                found = self._disputed(claim, subject, disagreeing)
                assert found is not None  # noqa: S101 - disagreeing is not empty
                return replace(found, value_id=value_id)
        for fact in facts:
            same = name_key(claim.value) == name_key(str(fact.value)) if literal else None
            if same or (value_id is not None and value_id == fact.value):
                reason = f"{fact.source.title} supports it"
                return Assessment(
                    claim, Verdict.VERIFIED, reason, subject.id, value_id, None, fact.source
                )
        if claim.relation is Relation.SETTING:
            told = self._set_in_synopsis(claim, subject, value_id)
            if told is not None:
                return told
        if not facts:
            reason = f"no reference states the {claim.relation.value} of '{subject.name}'"
            return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id, value_id)
        correct = ", ".join(self.catalogue.display(f.value) for f in facts)
        if claim.relation in INCOMPLETE or self._may_name(claim.value, value_id, facts):
            reason = f"not among the values the references list ({correct})"
            return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id, value_id)
        namesake = None if literal else self._namesake(claim.value, value_id, facts)
        if namesake is not None:
            reason = (
                f"'{claim.value}' shares a surname with {namesake}, whom the references give, "
                "but not the first name: not verified as the same person"
            )
            return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id, value_id)
        reason = f"{facts[0].source.title} gives {correct}"
        return Assessment(
            claim, Verdict.CONTRADICTED, reason, subject.id, value_id, correct, facts[0].source
        )

    def _set_in_synopsis(
        self, claim: Claim, subject: Entity, value_id: str | None
    ) -> Assessment | None:
        """A setting a cited synopsis takes the story to, where no fact lists it."""
        synopses = self.catalogue.synopses.get(subject.id, ())
        names = self.catalogue.names_of(value_id) if value_id else (claim.value,)
        found = told_at(names, [(s.text, s.source) for s in synopses])
        if found is None:
            return None
        sentence, source = found
        reason = f"{source.title} tells it: “{sentence}”"
        return Assessment(claim, Verdict.VERIFIED, reason, subject.id, value_id, None, source)

    def _namesake(
        self, value: str, value_id: str | None, facts: Sequence[ReferenceFact]
    ) -> str | None:
        """A reference value with the claim's surname but another first name, if any.

        "Olesya Berdnik" for "Oles Berdnyk" may be a slip or another person: neither verified
        nor blamed on the document.
        """
        surname = name_key(value).rpartition(" ")[2]
        if value_id is not None or not surname:
            return None
        for fact in facts:
            name = self.catalogue.display(fact.value)
            if fuzz.ratio(name_key(name).rpartition(" ")[2], surname) >= NAMESAKE_CUTOFF:
                return name
        return None

    def _may_name(self, value: str, value_id: str | None, facts: Sequence[ReferenceFact]) -> bool:
        """Whether an unknown name may be a short form of a reference value.

        "Solaris" for "Solaris (novel)": all its words occur there, so it is no contradiction.
        """
        words = set(name_key(value).split())
        return value_id is None and any(
            words and words <= set(name_key(self.catalogue.display(f.value)).split()) for f in facts
        )

    def _cast(self, claim: Claim, subject: Entity) -> Assessment:
        """An actor (and the role, when given) against the cast the references list."""
        known = self.catalogue.entity(claim.value_entity) if claim.value_entity else None
        actor = (
            (known if known is not None and known.kind == "person" else None)
            or self.catalogue.resolve(claim.value, ("person",))
            or self.by_surname(claim.value)
        )
        role = self.character(claim.role, subject.id) if claim.role else None
        actor_id = actor.id if actor else None
        facts = self.catalogue.facts_about(subject.id, Relation.CAST)
        for fact in facts:
            if fact.value != actor_id:
                continue
            if (
                claim.role is None
                or (role is not None and fact.role == role.id)
                or (role is None and self._part_of(claim.role, fact.role))
            ):
                return Assessment(
                    claim,
                    Verdict.VERIFIED,
                    f"{fact.source.title} supports it",
                    subject.id,
                    actor_id,
                    None,
                    fact.source,
                )
            if role is not None and fact.role is not None:
                correct = self.catalogue.display(fact.role)
                reason = f"{fact.source.title} gives {claim.value} the role of {correct}"
                return Assessment(
                    claim, Verdict.CONTRADICTED, reason, subject.id, actor_id, correct, fact.source
                )
            reason = f"{claim.value} is in the cast, but no reference names the role '{claim.role}'"
            return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id, actor_id)
        for fact in facts:
            if role is not None and fact.role == role.id:
                correct = self.catalogue.display(fact.value)
                if actor is None and _unsuffixed(correct) == name_key(claim.value):
                    # "Vladimir Basov" for "Vladimir Basov Jr.": the father or a slip
                    reason = (
                        f"'{claim.value}' is {correct} without the suffix that tells him from "
                        "another of that name: not verified as the same person"
                    )
                    return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id)
                reason = f"{fact.source.title} gives {correct} as {role.name}"
                return Assessment(
                    claim, Verdict.CONTRADICTED, reason, subject.id, actor_id, correct, fact.source
                )
        if credited := self._credited(claim, subject, actor_id):
            return credited
        reason = f"no reference lists {claim.value} in the cast of '{subject.name}'"
        return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id, actor_id)

    def _credited(self, claim: Claim, subject: Entity, actor_id: str | None) -> Assessment | None:
        """A cast claim a synopsis' own credits back ("Suko (Alfred Struwe)"), if one does.

        Without a part named, any credit of the actor in the film will do; with one, a
        credit must name that part in the same or fewer words ("Kuznetsov" for "Colonel
        Kuznetsov"). Someone the catalogue does not know is matched by the name as written.
        A synopsis never refutes: a credit in another part leaves it unverified.
        """
        key = name_key(claim.value)
        credits = [
            c
            for c in synopsis_credits(self.catalogue).get(subject.id, ())
            if (c.actor == actor_id if c.actor else actor_id is None and name_key(c.name) == key)
        ]
        said = set(_untitled(claim.role)) if claim.role else set()
        for credit in credits:
            named = set(_untitled(credit.part)) if credit.part else set()
            if claim.role is None or (said and named and (said <= named or named <= said)):
                reason = f"{credit.source.title} credits {claim.value} in it"
                if claim.role is not None:
                    reason += f" as {credit.part}"
                return Assessment(
                    claim, Verdict.VERIFIED, reason, subject.id, actor_id, None, credit.source
                )
        if credits:
            reason = (
                f"{credits[0].source.title} credits {claim.value} in it, but no reference "
                f"names the role '{claim.role}'"
            )
            return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id, actor_id)
        return None

    def _inspired(self, claim: Claim, subject: Entity) -> Assessment:
        """'inspired X' holds when X was made from the film's footage."""
        later = self.catalogue.resolve(claim.value, ("film",))
        for fact in self.catalogue.facts_about(subject.id, Relation.FOOTAGE_USED_IN):
            if later is not None and fact.value == later.id:
                reason = f"{fact.source.title}: '{later.name}' was made from its footage"
                return Assessment(
                    claim, Verdict.VERIFIED, reason, subject.id, later.id, None, fact.source
                )
        reason = f"no reference ties '{claim.value}' to '{subject.name}'"
        return Assessment(
            claim, Verdict.UNVERIFIED, reason, subject.id, later.id if later else None
        )

    def _source_author(self, claim: Claim, subject: Entity) -> Assessment:
        """'based on a novel by Y': Y against the authors of the film's source works."""
        works = self.catalogue.facts_about(subject.id, Relation.BASED_ON)
        authors = [
            fact
            for work in works
            for fact in self.catalogue.facts_about(str(work.value), Relation.WRITTEN_BY)
        ]
        named = self._people(claim.value)
        if not authors or not named:
            reason = f"no reference names the author behind '{subject.name}' as '{claim.value}'"
            return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id)
        author_ids = {str(fact.value) for fact in authors}
        if set(named) <= author_ids:
            reason = f"{authors[0].source.title} supports it"
            one = named[0] if len(named) == 1 else None  # the person a name was found as
            return Assessment(
                claim, Verdict.VERIFIED, reason, subject.id, one, None, authors[0].source
            )
        correct = ", ".join(self.catalogue.display(f.value) for f in authors)
        reason = f"{authors[0].source.title} gives {correct}"
        return Assessment(
            claim, Verdict.CONTRADICTED, reason, subject.id, None, correct, authors[0].source
        )

    def _people(self, name: str) -> list[str]:
        """Person ids for a name; "the X brothers" are every person with the surname X."""
        if name.endswith(" brothers"):
            surname = name_key(name.removesuffix(" brothers"))
            return [
                p.id for p in self.catalogue.of_kind("person") if name_key(p.name).endswith(surname)
            ]
        person = self.catalogue.resolve(name, ("person",))
        return [person.id] if person else []

    def _depicts(self, claim: Claim, subject: Entity) -> Assessment:
        """What real event a film is about: compared between documents, never verified here."""
        events = {e.entity.id for e in self.events(claim.value)}
        value_id = next(iter(events)) if len(events) == 1 else None
        reason = f"no reference says '{subject.name}' depicts {claim.value}"
        return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id, value_id)

    def _plot(self, claim: Claim, subject: Entity) -> Assessment:
        """A plot statement: verified when a reference synopsis of the film corroborates it."""
        if claim.disputed_by is not None:
            reason = f"a reply in the document disputes it: “{claim.disputed_by}”"
            return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id)
        if (claim.told_as or claim.evidence.quote).rstrip(" ”\"')*_").endswith("?"):
            # "Am I right that it's Lebedev's wife who finds the implant?": asked, not told
            reason = "the sentence asks whether it is so; it does not tell it"
            return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id)
        synopses = self.catalogue.synopses.get(subject.id, ())
        if not synopses:
            reason = f"no reference synopsis of '{subject.name}'"
            return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id)
        value = self._plot_value(claim.value, subject.id)
        names = self.catalogue.names_of(value) if value else (claim.value,)
        known = [*subject.names, claim.subject, *self.catalogue.related_names(subject.id)]
        # ("Anthony Hopkins (Ikarie XB-1 character)" is "Anthony Hopkins" in a story)
        people = self._characters_named(subject.id)
        characters = [n for c in self.catalogue.characters_of(subject.id) for n in c.names]
        synopsis_texts = [(s.text, s.source) for s in synopses]
        quote = claim.told_as or claim.evidence.quote  # a corrected line: what it now tells
        specific = value is None and story_index(self.catalogue).specific(subject.id, claim.value)
        found = corroborate(quote, names, synopsis_texts, known, characters, specific, people)
        if found is None:
            reason = (
                f"no synopsis of '{subject.name}' tells this part of the story with {claim.value}"
            )
            return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id, value)
        unconfirmed = unconfirmed_clause(quote, names, synopsis_texts, known, characters)
        if unconfirmed is not None:
            reason = f"no synopsis of '{subject.name}' tells the rest of it: “{unconfirmed}”"
            return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id, value)
        sentence, source = found
        reason = f"{source.title} tells it: “{sentence}”"
        return Assessment(claim, Verdict.VERIFIED, reason, subject.id, value, None, source)

    def _characters_named(self, film: str) -> tuple[tuple[str, ...], ...]:
        """The names of each of the film's characters, as a story writes them, once per film.

        ("Anthony Hopkins (Ikarie XB-1 character)" is "Anthony Hopkins" in a story.)
        """
        if film not in self._people_of:
            self._people_of[film] = tuple(
                tuple(_UNBRACKETED.sub("", n) for n in c.names)
                for c in self.catalogue.characters_of(film)
            )
        return self._people_of[film]

    def _plot_value(self, value: str, film: str) -> str | None:
        """The entity a plot claim's key names: a character of the film, a place, or None."""
        character = self.character(value, film)
        if character is not None:
            return character.id
        place = self.catalogue.resolve(value, ("place",))
        return place.id if place is not None else None


_TITLE_WORDS = TITLES | {"academician", "engineer"}
_UNBRACKETED = re.compile(r"\s*\([^()]*\)$")  # a name without the bracket that tells it apart


ROLE_SPELLING = 80  # a part's name spelt otherwise (one letter in five)


def _unsuffixed(name: str) -> str | None:
    """The name key of a name ending on "Jr." or "Sr." without it, else None."""
    found = re.fullmatch(r"(.+?),?\s+(?:Jr|Sr|Junior|Senior)\.?", name.strip())
    return name_key(found[1]) if found else None


def _untitled(name: str) -> list[str]:
    """A name's words (as name keys) without titles such as "Captain" or "Prof."."""
    return [w for w in name_key(name).split() if w not in _TITLE_WORDS]


def verify_claims(claims: Iterable[Claim], verifier: Verifier) -> list[Assessment]:
    """Assess every claim, in order.

    A story sentence is asked as it is written: when the references contradict another
    thing the same sentence states (an actor given the wrong part beside a true story), its
    plot claims are not verified, so no question repeats the error.
    """
    assessed = [verifier.assess(claim) for claim in claims]
    wrong: dict[tuple[str, int], list[Assessment]] = {}
    for a in assessed:
        if a.claim.relation is not Relation.PLOT and (
            a.verdict is Verdict.CONTRADICTED or _part_doubted(a)
        ):
            wrong.setdefault((a.claim.evidence.document, a.claim.evidence.start), []).append(a)
    if not wrong:
        return assessed
    return [_beside_an_error(a, wrong) for a in assessed]


def _part_doubted(item: Assessment) -> bool:
    """An actor given a part the references give someone else, in a film named with doubt.

    The contradiction was only doubted because of the film (a doubted contradiction keeps
    the value the references give instead); the actor and the part are read surely.
    """
    claim = item.claim
    return (
        item.verdict is Verdict.UNVERIFIED
        and item.correct_value is not None
        and claim.relation is Relation.CAST
        and claim.role is not None
        and not claim.attribution.startswith("relation uncertain")
    )


def _beside_an_error(
    item: Assessment, wrong: dict[tuple[str, int], list[Assessment]]
) -> Assessment:
    """A verified plot claim whose sentence also states what the references contradict.

    Also when the contradiction was only doubted, if of the film the story is told of:
    "Ilya Vershinin (Georgiy Zhzhonov)" in a sentence on Planeta Bur gives the wrong actor
    whichever film the sentence was attributed to with doubt.
    """
    if item.claim.relation is not Relation.PLOT or item.verdict is not Verdict.VERIFIED:
        return item
    error = next(
        (
            a
            for a in wrong.get((item.claim.evidence.document, item.claim.evidence.start), ())
            if a.verdict is Verdict.CONTRADICTED or a.subject_id == item.subject_id
        ),
        None,
    )
    if error is None:
        return item
    said = f"{error.claim.relation.value} {error.claim.value}"
    reason = (
        f"the story is told, but the sentence also states what the references contradict ({said})"
    )
    return replace(item, verdict=Verdict.UNVERIFIED, reason=reason, source=None)


def _comparable(item: Assessment) -> str | None:
    """The value two documents' claims are compared by, or None when not comparable."""
    claim = item.claim
    if claim.relation is Relation.DEPICTS:
        return item.value_id  # free-text descriptions only compare once they name an event
    return item.value_id or name_key(claim.value)


@dataclass(slots=True)
class _Stated:
    """The claims that state one value of a subject's relation, as far as a report needs them.

    The first claim's wording of the value, the claim ids (packed: see :func:`_packed`),
    the subject's titles and the documents, each in the order met: what
    :class:`Disagreement` and :class:`Agreement` print, without the claims' quotes and
    verdicts. Lists, not sets: a few entries each (a document met again later is listed again).
    """

    value: str
    claims: array[int] = field(default_factory=lambda: array("Q"))
    titles: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def ids(self) -> tuple[str, ...]:
        return tuple(f"{CLAIM_PREFIX}{packed:012x}" for packed in self.claims)


CLAIM_PREFIX = "c-"  # every claim id: this and 12 hex digits (models.stable_id)


def _packed(claim_id: str) -> int:
    """A claim id in eight bytes instead of a string of sixty (a report keeps every one).

    Raises:
        ValueError: the id is not one :class:`Claim` makes.
    """
    if not claim_id.startswith(CLAIM_PREFIX) or len(claim_id) != len(CLAIM_PREFIX) + 12:
        raise ValueError(f"not a claim id: {claim_id!r}")
    return int(claim_id[len(CLAIM_PREFIX) :], 16)


class Comparisons:
    """What the documents state of each subject and relation, compared across documents.

    Assessments are added one at a time, so a report over many documents keeps only this
    (about a dozen bytes per claim and a few strings per value stated), not the
    assessments. Claims are grouped by the catalogue entity when known, else by the
    subject's name key, so "The Silent Star" and "The First Spaceship on Venus" are
    recognised as one film.
    """

    def __init__(self) -> None:
        self._groups: dict[tuple[str, Relation], dict[str, _Stated]] = {}

    def add(self, item: Assessment) -> None:
        """Count one assessed claim (claims whose value cannot be compared are left out)."""
        value = _comparable(item)
        if value is None:
            return
        claim = item.claim
        key = (item.subject_id or name_key(claim.subject), claim.relation)
        values = self._groups.get(key)
        if values is None:
            values = self._groups[key] = {}
        stated = values.get(value)
        if stated is None:
            stated = values[value] = _Stated(claim.value)
        stated.claims.append(_packed(claim.id))
        if claim.subject not in stated.titles:
            stated.titles.append(claim.subject)
        document = claim.evidence.document
        if not stated.documents or stated.documents[-1] != document:
            stated.documents.append(document)  # a document's claims come together

    def disagreements(self) -> Iterator[Disagreement]:
        """Subjects on which documents state different values of a single-valued relation.

        Made one at a time, as they are asked for.
        """
        for (_, relation), values in self._groups.items():
            if relation not in SINGLE_VALUED or len(values) < 2:
                continue
            titles: dict[str, None] = {}
            documents: set[str] = set()
            for stated in values.values():
                titles.update(dict.fromkeys(stated.titles))
                documents.update(stated.documents)
            yield Disagreement(
                next(iter(titles)),
                relation,
                tuple(
                    (stated.value, stated.ids())
                    for _, stated in sorted(values.items(), key=lambda pair: pair[0])
                ),
                tuple(titles),
                tuple(sorted(documents)),
            )

    def agreements(self) -> Iterator[Agreement]:
        """Values that two or more documents state about the same subject, one at a time."""
        for (_, relation), values in self._groups.items():
            for stated in values.values():
                documents = sorted(set(stated.documents))
                if len(documents) < 2:
                    continue  # one document repeating itself is no agreement
                titles = tuple(stated.titles)
                yield Agreement(
                    titles[0], relation, stated.value, stated.ids(), titles, tuple(documents)
                )


def _compared(assessments: Iterable[Assessment]) -> Comparisons:
    comparisons = Comparisons()
    for item in assessments:
        comparisons.add(item)
    return comparisons


def find_disagreements(assessments: Iterable[Assessment]) -> list[Disagreement]:
    """Subjects on which documents state different values of a single-valued relation.

    See :class:`Comparisons`, which a report over many documents fills one claim at a time.
    """
    return list(_compared(assessments).disagreements())


def find_agreements(assessments: Iterable[Assessment]) -> list[Agreement]:
    """Values that two or more documents state about the same subject."""
    return list(_compared(assessments).agreements())


def apply_moderation(assessment: Assessment, moderator: str, approve: bool, why: str) -> Assessment:
    """The verdict after a moderator's decision: approval verifies, rejection contradicts."""
    verdict = Verdict.VERIFIED if approve else Verdict.CONTRADICTED
    action = "approved" if approve else "rejected"
    return replace(
        assessment, verdict=verdict, reason=f"{action} by {moderator}: {why}", moderator=moderator
    )
