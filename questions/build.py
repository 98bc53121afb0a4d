"""Build trivia items from verified facts only.

Claims that passed verification are grouped into facts (one per subject, relation and
value, with the quotes of every document that states it). Each fact is worded by the
templates of its relation (:mod:`questions.templates`) into open, multiple-choice and
true/false items; false statements change a verified fact and never repeat a value that a
document claimed and verification rejected. Every item then passes the quality gate
(:mod:`questions.gate`); a fact left without items is reported with the reason.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from questions.catalogue import Catalogue
from questions.gate import GateRejection, apply_gate
from questions.models import (
    Assessment,
    FactTriple,
    FactValue,
    ItemType,
    Quote,
    Relation,
    TriviaItem,
    Verdict,
    VerifiedFact,
    stable_id,
)
from questions.names import name_key
from questions.relations import CATEGORIES
from questions.templates import TEMPLATES
from questions.wording import Draft, Writer


@dataclass(frozen=True, slots=True)
class Rejection:
    """A verified fact that produced no item, and why."""

    fact: VerifiedFact
    reason: str


@dataclass(frozen=True, slots=True)
class BuildResult:
    """Items built, the verified facts that yielded none, and what the quality gate refused."""

    items: tuple[TriviaItem, ...]
    rejected: tuple[Rejection, ...]
    gated: tuple[GateRejection, ...] = ()


def collect_facts(assessments: Iterable[Assessment], catalogue: Catalogue) -> list[VerifiedFact]:
    """Group verified claims into facts about catalogue entities, keeping every quote.

    Alternative titles keep the title the document used (in the catalogue's spelling); the
    values of unconfirmed claims about the same subject and relation are attached as
    ``refuted``.
    """
    assessments = list(assessments)
    # A plot question repeats its whole sentence: none from a sentence stating something false.
    tainted = {
        (a.claim.evidence.document, a.claim.evidence.start)
        for a in assessments
        if a.verdict is Verdict.CONTRADICTED
    }
    quotes: dict[tuple[str, Relation, FactValue, str], dict[Quote, None]] = defaultdict(dict)
    for item in assessments:
        if item.verdict is not Verdict.VERIFIED or item.subject_id is None:
            continue
        evidence = item.claim.evidence
        if item.claim.relation is Relation.PLOT and (evidence.document, evidence.start) in tainted:
            continue
        if item.claim.told_as is not None:
            continue  # a reply's correction ("Five, not seven."): no story sentence to ask
        value = _fact_value(item, catalogue)
        if value is None:
            continue
        evidence = item.claim.evidence
        # Each plot sentence is a fact of its own: its question is that sentence.
        told = evidence.quote if item.claim.relation is Relation.PLOT else ""
        quotes[item.subject_id, item.claim.relation, value, told][
            Quote(evidence.document, evidence.quote)
        ] = None
    refuted = _refuted_values(assessments, catalogue)
    return [
        VerifiedFact(
            subject, relation, value, tuple(found), refuted.get((subject, relation), frozenset())
        )
        for (subject, relation, value, _), found in quotes.items()
    ]


def _refuted_values(
    assessments: Sequence[Assessment], catalogue: Catalogue
) -> dict[tuple[str, Relation], frozenset[str]]:
    """Name keys of every value a document gave that verification did not confirm."""
    found: dict[tuple[str, Relation], set[str]] = defaultdict(set)
    for item in assessments:
        if item.verdict is Verdict.VERIFIED or item.subject_id is None:
            continue
        keys = found[item.subject_id, item.claim.relation]
        keys.add(name_key(item.claim.value))
        if item.value_id is not None and item.value_id != item.subject_id:
            keys.update(name_key(n) for n in catalogue.names_of(item.value_id))
    return {key: frozenset(values) for key, values in found.items()}


def _fact_value(item: Assessment, catalogue: Catalogue) -> FactValue | None:
    """The catalogue's own value for a verified claim (entity id, title or literal)."""
    if item.claim.relation is Relation.ALSO_KNOWN_AS and item.subject_id is not None:
        return _title_as_catalogued(item.subject_id, item.claim.value, catalogue)
    if item.value_id is not None:
        return item.value_id
    for fact in catalogue.facts_about(item.subject_id or "", item.claim.relation):
        if name_key(str(fact.value)) == name_key(item.claim.value):
            return fact.value
    # Verified from neighbouring facts (e.g. "based on a novel by the Strugatsky brothers"):
    # the verifier vouches for the claim as the document words it.
    return item.claim.value.strip() or None


def _title_as_catalogued(subject: str, title: str, catalogue: Catalogue) -> str:
    """The catalogue's spelling of one of an entity's titles (the canonical one if unknown)."""
    entity = catalogue.entity(subject)
    if entity is None:
        return subject
    key = name_key(title)
    return next((name for name in entity.names if name_key(name) == key), entity.name)


class ItemBuilder:
    """Words items for verified facts and passes them through the quality gate."""

    def __init__(self, catalogue: Catalogue, rng: random.Random) -> None:
        self.catalogue = catalogue
        self.writer = Writer(catalogue, rng)

    def build(self, facts: Sequence[VerifiedFact]) -> BuildResult:
        """Build every item the facts allow, in a stable order."""
        made: list[tuple[VerifiedFact, list[TriviaItem]]] = []
        rejected: list[Rejection] = []
        statements: set[tuple[str, Relation, str]] = set()
        for fact in sorted(facts, key=lambda f: (f.subject, f.relation.value, str(f.value))):
            template = TEMPLATES.get(fact.relation)
            if template is None:
                rejected.append(Rejection(fact, f"no question template for {fact.relation.value}"))
                continue
            drafts = template(self.writer, fact)
            items = [
                self._item(fact, draft)
                for draft in drafts
                if not self._said_already(fact, draft, statements)
            ]
            if items:
                made.append((fact, items))
            else:
                rejected.append(Rejection(fact, "no question could be worded for it"))
        gate = apply_gate(item for _, items in made for item in items)
        kept = {item.id for item in gate.accepted}
        for fact, items in made:
            if not any(item.id in kept for item in items):
                rules = sorted({g.rule for g in gate.rejected if g.item in items})
                if rules == ["near-duplicate"]:
                    continue  # asked already by an item kept for another fact
                reason = f"every item failed the quality gate ({', '.join(rules)})"
                rejected.append(Rejection(fact, reason))
        return BuildResult(gate.accepted, tuple(rejected), gate.rejected)

    @staticmethod
    def _said_already(
        fact: VerifiedFact, draft: Draft, statements: set[tuple[str, Relation, str]]
    ) -> bool:
        """Whether a true/false statement of this subject and relation was already drafted.

        Co-values (two directors) would each give one, differing by a name: whether the
        quality gate then drops one as a near duplicate would depend on which names the
        random source picked, so only the first fact's statement is kept.
        """
        if draft.type is not ItemType.TRUE_FALSE or fact.relation is Relation.PLOT:
            return False
        key = (fact.subject, fact.relation, draft.template)
        if key in statements:
            return True
        statements.add(key)
        return False

    def _item(self, fact: VerifiedFact, draft: Draft) -> TriviaItem:
        display = self.catalogue.display
        triple = FactTriple(display(fact.subject), fact.relation.value, display(fact.value))
        item_id = stable_id("q", fact.subject, fact.relation.value, str(fact.value), draft.template)
        return TriviaItem(
            id=item_id,
            type=draft.type,
            question=draft.question,
            answers=tuple(dict.fromkeys(draft.answers)),
            fact=triple,
            sources=fact.quotes,
            category=CATEGORIES.get(fact.relation, "films"),
            difficulty=draft.difficulty,
            choices=draft.choices,
        )


def build_items(
    facts: Sequence[VerifiedFact], catalogue: Catalogue, rng: random.Random
) -> BuildResult:
    """Build the bank's items from verified facts with an injected random source."""
    return ItemBuilder(catalogue, rng).build(facts)
