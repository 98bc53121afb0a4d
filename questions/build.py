"""Build trivia items from verified facts only.

Claims that passed verification are grouped into facts (one per subject, relation and
value, with the quotes of every document that states it). Each fact yields an open
question, a multiple-choice question and a true/false statement; false statements change
a verified fact, they never repeat a claim that failed verification.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from questions.catalogue import Catalogue, FactValue
from questions.models import (
    Assessment,
    FactTriple,
    ItemType,
    Quote,
    Relation,
    TriviaItem,
    Verdict,
    stable_id,
)

CHOICES = 4
YEAR_SPREAD = 6
TRUE, FALSE = "True", "False"
CATEGORIES = {
    Relation.RELEASE_YEAR: "years",
    Relation.DIRECTED_BY: "people",
}


@dataclass(frozen=True, slots=True)
class VerifiedFact:
    """A fact about a catalogue entity that at least one document states and a reference backs."""

    subject: str
    relation: Relation
    value: FactValue
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Rejection:
    """A verified fact that produced no item, and why."""

    fact: VerifiedFact
    reason: str


@dataclass(frozen=True, slots=True)
class BuildResult:
    """Items built, and the verified facts that yielded none."""

    items: tuple[TriviaItem, ...]
    rejected: tuple[Rejection, ...]


def collect_facts(assessments: Iterable[Assessment], catalogue: Catalogue) -> list[VerifiedFact]:
    """Group verified claims into facts about catalogue entities, keeping every quote."""
    quotes: dict[tuple[str, Relation, FactValue], dict[Quote, None]] = defaultdict(dict)
    for item in assessments:
        if item.verdict is not Verdict.VERIFIED or item.subject_id is None:
            continue
        value = _fact_value(item, catalogue)
        if value is None:
            continue
        evidence = item.claim.evidence
        quotes[item.subject_id, item.claim.relation, value][
            Quote(evidence.document, evidence.quote)
        ] = None
    return [
        VerifiedFact(subject, relation, value, tuple(found))
        for (subject, relation, value), found in quotes.items()
    ]


def _fact_value(item: Assessment, catalogue: Catalogue) -> FactValue | None:
    """The catalogue's own value for a verified claim (entity id or literal)."""
    if item.value_id is not None:
        return item.value_id
    for fact in catalogue.facts_about(item.subject_id or "", item.claim.relation):
        if str(fact.value) == item.claim.value.strip():
            return fact.value
    return None


class ItemBuilder:
    """Words questions for verified facts, drawing distractors from the catalogue."""

    def __init__(self, catalogue: Catalogue, rng: random.Random) -> None:
        self.catalogue = catalogue
        self.rng = rng
        self._templates: dict[Relation, Callable[[VerifiedFact], list[TriviaItem]]] = {
            Relation.RELEASE_YEAR: self._release_year,
            Relation.DIRECTED_BY: self._directed_by,
        }

    def build(self, facts: Sequence[VerifiedFact]) -> BuildResult:
        """Build every item the facts allow, in a stable order."""
        items: list[TriviaItem] = []
        rejected: list[Rejection] = []
        for fact in sorted(facts, key=lambda f: (f.subject, f.relation.value, str(f.value))):
            template = self._templates.get(fact.relation)
            if template is None:
                rejected.append(Rejection(fact, f"no question template for {fact.relation.value}"))
                continue
            made = template(fact)
            if made:
                items.extend(made)
            else:
                rejected.append(Rejection(fact, "no question could be worded for it"))
        return BuildResult(tuple(items), tuple(rejected))

    def _title(self, fact: VerifiedFact) -> str:
        return self.catalogue.display(fact.subject)

    def _item(
        self,
        fact: VerifiedFact,
        template: str,
        kind: ItemType,
        question: str,
        answers: Sequence[str],
        choices: Sequence[str] = (),
        difficulty: int = 2,
    ) -> TriviaItem:
        triple = FactTriple(
            self._title(fact), fact.relation.value, self.catalogue.display(fact.value)
        )
        item_id = stable_id("q", fact.subject, fact.relation.value, str(fact.value), template)
        return TriviaItem(
            id=item_id,
            type=kind,
            question=question,
            answers=tuple(dict.fromkeys(answers)),
            fact=triple,
            sources=fact.quotes,
            category=CATEGORIES.get(fact.relation, "films"),
            difficulty=difficulty,
            choices=tuple(choices),
        )

    def _shuffled_choices(self, correct: str, distractors: Sequence[str]) -> list[str]:
        options = [correct, *self.rng.sample(list(distractors), CHOICES - 1)]
        self.rng.shuffle(options)
        return options

    def _release_year(self, fact: VerifiedFact) -> list[TriviaItem]:
        title, year = self._title(fact), int(fact.value)
        others = [y for y in range(year - YEAR_SPREAD, year + YEAR_SPREAD + 1) if y != year]
        wrong = self.rng.choice(others)
        choices = self._shuffled_choices(str(year), [str(y) for y in others])
        return [
            self._item(
                fact,
                "year-open",
                ItemType.OPEN,
                f"In which year was the film “{title}” released?",
                [str(year)],
                difficulty=3,
            ),
            self._item(
                fact,
                "year-mc",
                ItemType.MULTIPLE_CHOICE,
                f"“{title}” came out in which year?",
                [str(year)],
                choices,
            ),
            self._true_false(
                fact, "year-tf", f"“{title}” was released in {{}}.", str(year), str(wrong)
            ),
        ]

    def _other_directors(self, film: str) -> list[str]:
        own = {f.value for f in self.catalogue.facts_about(film, Relation.DIRECTED_BY)}
        pool = {
            f.value
            for f in self.catalogue.facts
            if f.relation is Relation.DIRECTED_BY and f.value not in own
        }
        return sorted(self.catalogue.display(v) for v in pool)

    def _directed_by(self, fact: VerifiedFact) -> list[TriviaItem]:
        title, name = self._title(fact), self.catalogue.display(fact.value)
        directors = [
            f.value for f in self.catalogue.facts_about(fact.subject, Relation.DIRECTED_BY)
        ]
        partners = [self.catalogue.display(d) for d in directors if d != fact.value]
        others = self._other_directors(fact.subject)
        if partners:
            open_question = (
                f"“{title}” was co-directed by {' and '.join(partners)} and which other director?"
            )
        else:
            open_question = f"Who directed the film “{title}”?"
        items = [
            self._item(
                fact,
                "director-open",
                ItemType.OPEN,
                open_question,
                self.catalogue.names_of(fact.value),
                difficulty=3,
            )
        ]
        if len(others) >= CHOICES - 1:
            stem = open_question if partners else f"Which of these directed “{title}”?"
            items.append(
                self._item(
                    fact,
                    "director-mc",
                    ItemType.MULTIPLE_CHOICE,
                    stem,
                    [name],
                    self._shuffled_choices(name, others),
                )
            )
        if others:
            statement = f"{{}} directed “{title}”."
            impostor = self.rng.choice(others)
            items.append(self._true_false(fact, "director-tf", statement, name, impostor))
        return items

    def _true_false(
        self, fact: VerifiedFact, template: str, statement: str, right: str, wrong: str
    ) -> TriviaItem:
        """A statement that is true, or false by changing the verified value (a coin toss)."""
        truthful = self.rng.random() < 0.5
        text = statement.replace("{}", right if truthful else wrong)
        return self._item(
            fact,
            template,
            ItemType.TRUE_FALSE,
            f"True or false: {text}",
            [TRUE if truthful else FALSE],
            difficulty=1,
        )


def build_items(
    facts: Sequence[VerifiedFact], catalogue: Catalogue, rng: random.Random
) -> BuildResult:
    """Build the bank's items from verified facts with an injected random source."""
    return ItemBuilder(catalogue, rng).build(facts)
