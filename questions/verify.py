"""Give every claim a verdict with a reason, checking it against the reference catalogue.

A claim is ``verified`` only when an independent reference fact supports it (or a moderator
approved it), ``contradicted`` when a reference says otherwise (the correct value and its
source are given), and ``unverified`` when nothing independent speaks to it. Agreement
between documents is reported by :func:`find_disagreements` but never verifies anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from questions.catalogue import Catalogue, Entity, ReferenceFact
from questions.models import Assessment, Claim, Relation, Verdict
from questions.names import name_key

# Which kind of entity a relation's subject and value are; None means a literal value.
SUBJECT_KINDS: dict[Relation, tuple[str, ...]] = {
    Relation.WRITTEN_BY: ("novel",),
    Relation.PUBLISHED_YEAR: ("novel",),
    Relation.EVENT_DATE: ("event",),
    Relation.INVOLVES: ("event",),
}
VALUE_KINDS: dict[Relation, tuple[str, ...] | None] = {
    Relation.RELEASE_YEAR: None,
    Relation.PUBLISHED_YEAR: None,
    Relation.EVENT_DATE: None,
    Relation.RESCUE_SHIP_CAPACITY: None,
    Relation.ANIMATED: None,
    Relation.DIRECTED_BY: ("person",),
    Relation.NARRATED_BY: ("person",),
    Relation.PRODUCED_BY: ("person",),
    Relation.WRITTEN_BY: ("person",),
    Relation.CAST: ("person",),
    Relation.INVOLVES: ("person",),
    Relation.BASED_ON: ("novel",),
    Relation.COUNTRY: ("country",),
    Relation.STUDIO: ("studio",),
    Relation.FOOTAGE_USED_IN: ("film",),
    Relation.SEQUEL: ("film",),
    Relation.SONG_WRITTEN_BY: ("character",),
}
PLACE_VALUED = ("place",)
# Relations with one true value per subject: two documents giving different values disagree.
SINGLE_VALUED = frozenset(
    {
        Relation.RELEASE_YEAR,
        Relation.BASED_ON,
        Relation.PUBLISHED_YEAR,
        Relation.EVENT_DATE,
        Relation.ALIEN_HOMEWORLD,
        Relation.ALIEN_SHIP_LANDS_ON,
        Relation.SECOND_ALIEN_SHIP_FOUND_ON,
        Relation.RESCUE_SHIP_CAPACITY,
        Relation.LEFT_BEHIND_ON,
    }
)


class Verifier(Protocol):
    """Anything that can judge a claim independently."""

    def assess(self, claim: Claim) -> Assessment:
        """Return the claim's verdict with a reason."""
        ...


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Documents that give different values for the same subject and relation."""

    subject: str
    relation: Relation
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value, claim ids stating it)


class CatalogueVerifier:
    """Verifies claims against the reference catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def assess(self, claim: Claim) -> Assessment:
        """Check one claim; see the module docstring for the meaning of each verdict."""
        kinds = SUBJECT_KINDS.get(claim.relation, ("film",))
        subject = self.catalogue.resolve(claim.subject, kinds)
        if subject is None:
            what = kinds[0]
            reason = f"no reference knows a {what} called '{claim.subject}'"
            return Assessment(claim, Verdict.UNVERIFIED, reason)
        if claim.relation is Relation.ALSO_KNOWN_AS:
            return self._alias(claim, subject)
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

    def _value_matches(self, claim: Claim, fact: ReferenceFact) -> tuple[bool, str | None]:
        """Whether the claim's value equals the fact's; also the value's entity id if any."""
        kinds = VALUE_KINDS.get(claim.relation, PLACE_VALUED)
        if kinds is None:
            return name_key(claim.value) == name_key(str(fact.value)), None
        entity = self.catalogue.resolve(claim.value, kinds)
        value_id = entity.id if entity else None
        return value_id is not None and value_id == fact.value, value_id

    def _against_facts(self, claim: Claim, subject: Entity) -> Assessment:
        facts = self.catalogue.facts_about(subject.id, claim.relation)
        value_id = None
        for fact in facts:
            matches, value_id = self._value_matches(claim, fact)
            if matches:
                reason = f"{fact.source.title} supports it"
                return Assessment(
                    claim, Verdict.VERIFIED, reason, subject.id, value_id, None, fact.source
                )
        if not facts:
            reason = f"no reference states the {claim.relation.value} of '{subject.name}'"
            return Assessment(claim, Verdict.UNVERIFIED, reason, subject.id, value_id)
        correct = ", ".join(self.catalogue.display(f.value) for f in facts)
        reason = f"{facts[0].source.title} gives {correct}"
        return Assessment(
            claim, Verdict.CONTRADICTED, reason, subject.id, value_id, correct, facts[0].source
        )


def verify_claims(claims: Iterable[Claim], verifier: Verifier) -> list[Assessment]:
    """Assess every claim, in order."""
    return [verifier.assess(claim) for claim in claims]


def find_disagreements(assessments: Sequence[Assessment]) -> list[Disagreement]:
    """Subjects on which documents state different values of a single-valued relation.

    Claims are grouped by the catalogue entity when known, else by the subject's name key,
    so "A Dream Come True" and "Mechte navstrechu" are recognised as the same film.
    """
    groups: dict[tuple[str, Relation], dict[str, list[str]]] = defaultdict(
        lambda: defaultdict(list)
    )
    names: dict[str, str] = {}
    for item in assessments:
        claim = item.claim
        if claim.relation not in SINGLE_VALUED:
            continue
        key = item.subject_id or name_key(claim.subject)
        names.setdefault(key, claim.subject)
        value = item.value_id or name_key(claim.value)
        groups[key, claim.relation][value].append(claim.id)
    return [
        Disagreement(
            names[key], relation, tuple((v, tuple(ids)) for v, ids in sorted(values.items()))
        )
        for (key, relation), values in groups.items()
        if len(values) > 1
    ]


def apply_moderation(assessment: Assessment, moderator: str, approve: bool, why: str) -> Assessment:
    """The verdict after a moderator's decision: approval verifies, rejection contradicts."""
    verdict = Verdict.VERIFIED if approve else Verdict.CONTRADICTED
    action = "approved" if approve else "rejected"
    return replace(
        assessment, verdict=verdict, reason=f"{action} by {moderator}: {why}", moderator=moderator
    )
