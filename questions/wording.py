"""Question wording: drafts of open, multiple-choice and true/false items for one fact.

A :class:`Writer` knows how to phrase subjects and values, which answers to accept and
which plausible wrong values to offer. Relations whose value is a catalogue entity share
one template driven by a :class:`Phrasing` per relation (see :data:`PHRASINGS`); the
relations that need more (years, numbers, titles, roles, plot combinations) are in
:mod:`questions.templates`.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from questions.answers import AnswerKit, Ranked
from questions.catalogue import Catalogue
from questions.models import FactValue, ItemType, Relation, VerifiedFact, stable_id
from questions.names import name_key
from questions.relations import SPECS, Phrasing

CHOICES = 4
# Distractors are drawn from the most plausible few, so choices vary between builds
# without ever reaching for an implausible entity.
SHORTLIST = 6
TRUE, FALSE = "True", "False"
BASE_DIFFICULTY = {ItemType.TRUE_FALSE: 1, ItemType.MULTIPLE_CHOICE: 2, ItemType.OPEN: 3}
QUOTED_KINDS = frozenset({"film", "novel"})
_FILM_SUFFIX = re.compile(r"\s*\((?:\d{4} )?film\)$")
# Relations the verifier confirms through another one: their values are right answers too.
EQUIVALENT = {
    Relation.INSPIRED: (Relation.FOOTAGE_USED_IN,),
    Relation.FOOTAGE_USED_IN: (Relation.INSPIRED,),
}
# Template names predate the template table for these two; ids derive from them, so they stay.
PREFIXES = {Relation.RELEASE_YEAR: "year", Relation.DIRECTED_BY: "director"}


# The wording of each relation asked by the shared entity template, from the relation table.
PHRASINGS: dict[Relation, Phrasing] = {
    relation: spec.phrasing
    for relation, spec in SPECS.items()
    if spec.phrasing is not None and spec.template != "dated"
}


@dataclass(frozen=True, slots=True)
class Draft:
    """An item before it gets its fact, evidence and id. ``template`` names the wording."""

    template: str
    type: ItemType
    question: str
    answers: tuple[str, ...]
    choices: tuple[str, ...] = ()
    difficulty: int = 2


def prefix(relation: Relation) -> str:
    """The template-name prefix of a relation's items (part of every item id)."""
    return PREFIXES.get(relation, relation.value.replace("_", "-"))


def join_names(names: Sequence[str]) -> str:
    """``["A", "B", "C"]`` -> ``"A, B and C"``."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def capitalised(text: str) -> str:
    """The text with its first letter upper-cased (the rest untouched)."""
    return text[:1].upper() + text[1:]


class Writer:
    """Phrases subjects and values and turns them into drafts; randomness is injected."""

    def __init__(self, catalogue: Catalogue, rng: random.Random) -> None:
        self.catalogue = catalogue
        self.kit = AnswerKit(catalogue)
        self.rng = rng

    def phrase(self, value: FactValue) -> str:
        """How a question names a value: titles in quotes, novels by their film if needed."""
        name = self.catalogue.display(value)
        kind = self.kit.kind_of(value)
        if kind == "novel" and "(" in name:
            authors = self.values_of(str(value), Relation.WRITTEN_BY)
            if authors:
                return f"a novel by {join_names([self.catalogue.display(a) for a in authors])}"
            return "a novel"
        if kind == "film":
            name = _FILM_SUFFIX.sub("", name)
        return f"“{name}”" if kind in QUOTED_KINDS else name

    def subject(self, subject: str) -> str:
        """How a question names the subject: a novel known only by its film says so."""
        name = self.catalogue.display(subject)
        if self.kit.kind_of(subject) == "novel":
            films = self.catalogue.facts_with_value(Relation.BASED_ON, subject)
            if "(" in name and films:
                return f"the novel behind “{self.catalogue.display(films[0].subject)}”"
            return f"the novel “{name}”"
        return self.phrase(subject)

    def words(self, fact: VerifiedFact) -> dict[str, str]:
        """Placeholders for the fact's subject: ``{s}`` and the capitalised ``{S}``."""
        subject = self.subject(fact.subject)
        return {"s": subject, "S": capitalised(subject)}

    def values_of(self, subject: str, relation: Relation) -> list[FactValue]:
        """Every catalogue value of a subject's relation, in catalogue order."""
        return [f.value for f in self.catalogue.facts_about(subject, relation)]

    def variant(self, fact: VerifiedFact, options: Sequence[str]) -> str:
        """One of several wordings, chosen by the fact so every build words it the same."""
        digest = stable_id("w", fact.subject, fact.relation.value, str(fact.value))
        return options[int(digest[2:], 16) % len(options)]

    def open(
        self,
        template: str,
        question: str,
        value: FactValue,
        partners: Sequence[FactValue] = (),
        extra: int = 0,
    ) -> Draft:
        """A free-text item whose accepted answers are every spelling of ``value``."""
        answers = self.kit.accepted(value, question, partners)
        return Draft(template, ItemType.OPEN, question, answers, (), _level(ItemType.OPEN, extra))

    def choice(
        self,
        template: str,
        question: str,
        value: FactValue,
        rivals: Ranked,
        extra: int = 0,
    ) -> Draft | None:
        """A four-option item, or ``None`` when fewer than three wrong values exist."""
        shortlist = list(rivals.values[:SHORTLIST])
        if len(shortlist) < CHOICES - 1:
            return None
        right = self.catalogue.display(value)
        options = [right, *(self.catalogue.display(v) for v in self.rng.sample(shortlist, 3))]
        self.rng.shuffle(options)
        answers = self.kit.accepted(value, question)
        kind = ItemType.MULTIPLE_CHOICE
        return Draft(template, kind, question, answers, tuple(options), _level(kind, extra))

    def true_false(
        self,
        fact: VerifiedFact,
        template: str,
        statement: str,
        rivals: Ranked,
        extra: int = 0,
        right: FactValue | None = None,
    ) -> Draft:
        """A statement, true or false by a coin toss; false ones change the verified value.

        ``statement`` has a ``{v}`` placeholder for the value (``right`` when the value
        shown differs from the fact's, e.g. the year of a date).

        The changed value is never one a document claimed and verification rejected, so a
        false statement never repeats the documents' own mistakes.
        """
        refuted = set(fact.refuted)
        wrong = [v for v in rivals.values[:SHORTLIST] if name_key(self.plain(v)) not in refuted]
        truthful = not wrong or self.rng.random() < 0.5
        shown = (fact.value if right is None else right) if truthful else self.rng.choice(wrong)
        text = statement.replace("{v}", self.phrase(shown))
        answer = TRUE if truthful else FALSE
        kind = ItemType.TRUE_FALSE
        return Draft(template, kind, f"True or false: {text}", (answer,), (), _level(kind, extra))

    def plain(self, value: FactValue) -> str:
        """The display name of a value (for comparing with refuted claims)."""
        return self.catalogue.display(value)

    def entity_drafts(self, fact: VerifiedFact, phrasing: Phrasing, prefix: str) -> list[Draft]:
        """Open, multiple-choice and true/false drafts for an entity-valued relation."""
        same = (fact.relation, *EQUIVALENT.get(fact.relation, ()))
        correct = [
            *dict.fromkeys(
                [fact.value, *(v for r in same for v in self.values_of(fact.subject, r))]
            )
        ]
        partners = [v for v in correct if v != fact.value]
        words = self.words(fact)
        if partners and phrasing.several:
            names = [self.phrase(p) for p in partners]
            open_question = phrasing.several.format(
                others=", ".join(names), listed=join_names(names), **words
            )
        else:
            open_question = self.variant(fact, phrasing.open).format(**words)
        kind = self.kit.kind_of(fact.value) or "place"
        rivals = self.kit.rival_entities(fact.subject, fact.relation, kind, correct)
        drafts: list[Draft] = []
        # A value described rather than named ("Planeta Bur (novel by …)") is no answer.
        if "(" not in self.catalogue.display(fact.value):
            drafts.append(
                self.open(f"{prefix}-open", open_question, fact.value, partners, phrasing.extra)
            )
            # With co-values the stem must name them, or two items would read the same
            # while expecting different answers.
            several = bool(partners and phrasing.several)
            stem = open_question if several else phrasing.choice.format(**words)
            mc = self.choice(f"{prefix}-mc", stem, fact.value, rivals, phrasing.extra)
            drafts += [mc] if mc else []
        statement = phrasing.statement.format(v="{v}", **words)
        drafts.append(self.true_false(fact, f"{prefix}-tf", statement, rivals, phrasing.extra))
        return drafts


def _level(kind: ItemType, extra: int) -> int:
    return max(1, min(5, BASE_DIFFICULTY[kind] + extra))
