"""Building items from verified facts: templates for every relation, answers, distractors."""

from __future__ import annotations

import random

import pytest

from questions.build import build_items, collect_facts
from questions.catalogue import Catalogue
from questions.models import (
    Assessment,
    Claim,
    Evidence,
    ItemType,
    Quote,
    Relation,
    TriviaItem,
    Verdict,
    VerifiedFact,
)
from questions.names import name_key
from questions.pipeline import run_pipeline
from questions.references import load_catalogue, load_default_catalogue
from questions.relations import CATEGORIES
from questions.templates import TEMPLATES
from tests.conftest import SEEDS

CATALOGUE = """\
version: 1
sources:
  - {id: s1, title: "Reference page", url: "https://example.org/page"}
entities:
  - id: dream
    kind: film
    name: "A Dream Come True"
    aliases: ["Mechte navstrechu", "Мечте навстречу", "Encounter in Space"]
    source: s1
  - {id: sky, kind: film, name: "Nebo Zovyot", aliases: ["The Sky Calls"], source: s1}
  - {id: battle, kind: film, name: "Battle Beyond the Sun", aliases: []}
  - {id: queen, kind: film, name: "Queen of Blood", aliases: []}
  - {id: storms, kind: film, name: "Planeta Bur", aliases: ["Planet of Storms"], source: s1}
  - {id: star, kind: film, name: "The Silent Star", aliases: []}
  - {id: cass, kind: film, name: "Moscow-Cassiopeia", aliases: []}
  - {id: teens, kind: film, name: "Teens in the Universe", aliases: []}
  - {id: third, kind: film, name: "The Mystery of the Third Planet", aliases: []}
  - {id: gagarin-film, kind: film, name: "First Flight to the Stars", aliases: []}
  - {id: heart, kind: novel, name: "The Heart of the Universe", aliases: []}
  - {id: astronauts, kind: novel, name: "The Astronauts", aliases: []}
  - {id: bur-novel, kind: novel, name: "Planeta Bur (novel by Alexander Kazantsev)", aliases: []}
  - {id: alice, kind: novel, name: "Alice's Travel", aliases: []}
  - {id: hotel-novel, kind: novel, name: "Dead Mountaineer's Hotel", aliases: []}
  - {id: hotel, kind: film, name: "Dead Mountaineer's Hotel (film)", aliases: []}
  - id: karyukov
    kind: person
    name: "Mikhail Karyukov"
    aliases: ["Михаил Карюков", "Mikhail Karjukov"]
    source: s1
  - {id: koberidze, kind: person, name: "Otar Koberidze", aliases: ["Отар Коберидзе"], source: s1}
  - {id: kozyr, kind: person, name: "Aleksandr Kozyr", aliases: []}
  - {id: coppola, kind: person, name: "Francis Ford Coppola", aliases: []}
  - {id: harrington, kind: person, name: "Curtis Harrington", aliases: []}
  - {id: klushantsev, kind: person, name: "Pavel Klushantsev", aliases: []}
  - {id: maetzig, kind: person, name: "Kurt Maetzig", aliases: []}
  - {id: viktorov, kind: person, name: "Richard Viktorov", aliases: []}
  - {id: corman, kind: person, name: "Roger Corman", aliases: []}
  - {id: berdnyk, kind: person, name: "Oles Berdnyk", aliases: []}
  - {id: lem, kind: person, name: "Stanisław Lem", aliases: ["Stanislaw Lem"], source: s1}
  - {id: kazantsev, kind: person, name: "Alexander Kazantsev", aliases: []}
  - {id: bulychev, kind: person, name: "Kir Bulychev", aliases: []}
  - {id: arkady, kind: person, name: "Arkady Strugatsky", aliases: []}
  - {id: boris, kind: person, name: "Boris Strugatsky", aliases: []}
  - {id: borisyonok, kind: person, name: "Boris Borisyonok", aliases: []}
  - {id: gordeichik, kind: person, name: "Larisa Gordeichik", aliases: []}
  - {id: narrator, kind: person, name: "Ivan Narratov", aliases: []}
  - {id: gagarin, kind: person, name: "Yuri Gagarin", aliases: []}
  - {id: tereshkova, kind: person, name: "Valentina Tereshkova", aliases: []}
  - {id: andrei, kind: character, name: "Andrei Sayenko", aliases: []}
  - {id: tanya, kind: character, name: "Tanya Krilova", aliases: []}
  - {id: ivan, kind: character, name: "Ivan Batalov", aliases: []}
  - {id: etinaya, kind: character, name: "Etinaya", aliases: []}
  - {id: lennauchfilm, kind: studio, name: "Lennauchfilm", aliases: []}
  - {id: odessa, kind: studio, name: "Odessa Film Studio", aliases: []}
  - {id: defa, kind: studio, name: "DEFA", aliases: []}
  - {id: gorky, kind: studio, name: "Gorky Film Studio", aliases: []}
  - {id: ussr, kind: country, name: "Soviet Union", aliases: []}
  - {id: usa, kind: country, name: "United States", aliases: []}
  - {id: gdr, kind: country, name: "East Germany", aliases: []}
  - {id: poland, kind: country, name: "Poland", aliases: []}
  - {id: vostok-1, kind: event, name: "Vostok 1", aliases: []}
  - {id: vostok-6, kind: event, name: "Vostok 6", aliases: []}
  - {id: sputnik, kind: event, name: "Sputnik 1", aliases: []}
  - {id: luna-2, kind: event, name: "Luna 2", aliases: []}
  - {id: salyut, kind: event, name: "Salyut 1", aliases: []}
  - {id: mariner, kind: event, name: "Mariner 4 Mars flyby", aliases: []}
  - {id: mars, kind: place, name: "Mars", aliases: []}
  - {id: phobos, kind: place, name: "Phobos", aliases: []}
  - {id: deimos, kind: place, name: "Deimos", aliases: []}
  - {id: venus, kind: place, name: "Venus", aliases: []}
  - {id: moon, kind: place, name: "the Moon", aliases: []}
  - {id: earth, kind: place, name: "Earth", aliases: []}
  - {id: centuria, kind: place, name: "Centuria", aliases: ["Centurion"], source: s1}
facts:
  - {subject: dream, relation: release_year, value: 1963, source: s1}
  - {subject: dream, relation: release_date, value: "1963-11-18", source: s1}
  - {subject: dream, relation: directed_by, value: karyukov, source: s1}
  - {subject: dream, relation: directed_by, value: koberidze, source: s1}
  - {subject: dream, relation: based_on, value: heart, source: s1}
  - {subject: heart, relation: written_by, value: berdnyk, source: s1}
  - {subject: dream, relation: country, value: ussr, source: s1}
  - {subject: dream, relation: studio, value: odessa, source: s1}
  - {subject: dream, relation: cast, value: borisyonok, role: andrei, source: s1}
  - {subject: dream, relation: cast, value: gordeichik, role: tanya, source: s1}
  - {subject: dream, relation: cast, value: koberidze, role: ivan, source: s1}
  - {subject: dream, relation: footage_used_in, value: queen, source: s1}
  - {subject: dream, relation: setting, value: earth, source: s1}
  - {subject: dream, relation: setting, value: mars, source: s1}
  - {subject: dream, relation: setting, value: phobos, source: s1}
  - {subject: dream, relation: released_after, value: vostok-6, source: s1}
  - {subject: dream, relation: released_shortly_after, value: vostok-6, source: s1}
  - {subject: dream, relation: released_same_year_as, value: vostok-6, source: s1}
  - {subject: sky, relation: release_year, value: 1959, source: s1}
  - {subject: sky, relation: directed_by, value: karyukov, source: s1}
  - {subject: sky, relation: directed_by, value: kozyr, source: s1}
  - {subject: sky, relation: footage_used_in, value: battle, source: s1}
  - {subject: sky, relation: footage_used_in, value: queen, source: s1}
  - {subject: sky, relation: inspired, value: battle, source: s1}
  - {subject: battle, relation: release_year, value: 1962, source: s1}
  - {subject: battle, relation: directed_by, value: coppola, source: s1}
  - {subject: battle, relation: produced_by, value: corman, source: s1}
  - {subject: battle, relation: country, value: usa, source: s1}
  - {subject: queen, relation: release_year, value: 1966, source: s1}
  - {subject: queen, relation: directed_by, value: harrington, source: s1}
  - {subject: storms, relation: release_year, value: 1962, source: s1}
  - {subject: storms, relation: directed_by, value: klushantsev, source: s1}
  - {subject: storms, relation: based_on, value: bur-novel, source: s1}
  - {subject: storms, relation: studio, value: lennauchfilm, source: s1}
  - {subject: storms, relation: setting, value: venus, source: s1}
  - {subject: storms, relation: source_author, value: kazantsev, source: s1}
  - {subject: bur-novel, relation: written_by, value: kazantsev, source: s1}
  - {subject: star, relation: release_year, value: 1960, source: s1}
  - {subject: star, relation: directed_by, value: maetzig, source: s1}
  - {subject: star, relation: based_on, value: astronauts, source: s1}
  - {subject: star, relation: country, value: gdr, source: s1}
  - {subject: star, relation: country, value: poland, source: s1}
  - {subject: star, relation: studio, value: defa, source: s1}
  - {subject: astronauts, relation: written_by, value: lem, source: s1}
  - {subject: astronauts, relation: published_year, value: 1951, source: s1}
  - {subject: cass, relation: directed_by, value: viktorov, source: s1}
  - {subject: cass, relation: sequel, value: teens, source: s1}
  - {subject: cass, relation: studio, value: gorky, source: s1}
  - {subject: third, relation: animated, value: true, source: s1}
  - {subject: third, relation: release_year, value: 1981, source: s1}
  - {subject: third, relation: based_on, value: alice, source: s1}
  - {subject: alice, relation: written_by, value: bulychev, source: s1}
  - {subject: hotel, relation: based_on, value: hotel-novel, source: s1}
  - {subject: hotel, relation: release_year, value: 1979, source: s1}
  - {subject: hotel-novel, relation: written_by, value: arkady, source: s1}
  - {subject: hotel-novel, relation: written_by, value: boris, source: s1}
  - {subject: gagarin-film, relation: narrated_by, value: narrator, source: s1}
  - {subject: dream, relation: music_by, value: narrator, source: s1}
  - {subject: gagarin-film, relation: depicts, value: vostok-1, source: s1}
  - {subject: gagarin-film, relation: release_year, value: 1961, source: s1}
  - {subject: vostok-1, relation: event_date, value: "1961-04-12", source: s1}
  - {subject: vostok-1, relation: involves, value: gagarin, source: s1}
  - {subject: vostok-6, relation: event_date, value: "1963-06-16", source: s1}
  - {subject: vostok-6, relation: involves, value: tereshkova, source: s1}
  - {subject: sputnik, relation: event_date, value: "1957-10-04", source: s1}
  - {subject: luna-2, relation: event_date, value: "1959-09-12", source: s1}
  - {subject: salyut, relation: event_date, value: "1971-04-19", source: s1}
  - {subject: mariner, relation: event_date, value: "1965-07-14", source: s1}
"""


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    path = tmp_path_factory.mktemp("catalogue") / "catalogue.yaml"
    path.write_text(CATALOGUE, encoding="utf-8")
    return load_catalogue(path)


PLOT_QUOTES = (
    "On Phobos they find the second alien ship.",
    "Their small ship cannot carry three people, so one of them must stay behind on Phobos.",
)


def _facts(catalogue: Catalogue, **refuted: frozenset[str]) -> list[VerifiedFact]:
    """One verified fact per catalogue fact, each with a quote naming it, and plot facts."""
    facts: dict[tuple[str, Relation, object], VerifiedFact] = {
        ("dream", Relation.PLOT, quote): VerifiedFact(
            "dream", Relation.PLOT, "phobos", (Quote("doc", quote),)
        )
        for quote in PLOT_QUOTES
    }
    facts["dream", Relation.PLOT, "3"] = VerifiedFact(
        "dream", Relation.PLOT, "3", (Quote("doc", PLOT_QUOTES[1]),)
    )
    for fact in catalogue.facts:
        quote = Quote("doc", f"{fact.subject} {fact.relation.value} {fact.value}")
        key = (fact.subject, fact.relation, fact.value)
        facts[key] = VerifiedFact(
            fact.subject,
            fact.relation,
            fact.value,
            (quote,),
            refuted.get(fact.relation.value, frozenset()),
        )
    return list(facts.values())


def _build(catalogue: Catalogue, seed: int = 0, facts: list[VerifiedFact] | None = None):
    return build_items(
        facts if facts is not None else _facts(catalogue), catalogue, random.Random(seed)
    )


def _of(items: tuple[TriviaItem, ...], relation: Relation) -> list[TriviaItem]:
    return [i for i in items if i.fact.relation == relation.value]


def test_templates_cover_every_relation():
    assert set(TEMPLATES) == set(Relation)
    assert set(CATEGORIES) == set(Relation)
    assert set(CATEGORIES.values()) == {"films", "people", "years", "plot", "production history"}


def test_test_catalogue_states_every_relation(catalogue: Catalogue):
    # Keeps the next test honest: a new relation needs a fact here too.
    missing = set(Relation) - {f.relation for f in catalogue.facts}
    missing -= {Relation.ALSO_KNOWN_AS, Relation.PLOT}  # verified from documents, not facts
    assert not missing


def test_build_every_verified_fact_yields_an_item(catalogue: Catalogue):
    facts = [
        *_facts(catalogue),
        VerifiedFact("dream", Relation.ALSO_KNOWN_AS, "Mechte navstrechu", (Quote("d", "q"),)),
    ]
    for seed in range(5):
        result = _build(catalogue, seed, facts)
        assert result.rejected == ()
        covered = {(i.fact.subject, i.fact.relation, i.fact.value) for i in result.items}
        for fact in facts:
            triple = (
                catalogue.display(fact.subject),
                fact.relation.value,
                catalogue.display(fact.value),
            )
            assert triple in covered, triple


def test_build_multiple_choice_has_exactly_one_correct_option(catalogue: Catalogue):
    groups = [tuple(name_key(n) for n in group) for group in catalogue.alias_groups()]
    for seed in range(10):
        items = [i for i in _build(catalogue, seed).items if i.type is ItemType.MULTIPLE_CHOICE]
        assert items
        for item in items:
            assert len(item.choices) == 4
            assert len({name_key(c) for c in item.choices}) == 4
            right = [c for c in item.choices if c in item.answers]
            assert len(right) == 1, item
            answer_names = {k for g in groups if name_key(right[0]) in g for k in g}
            for choice in item.choices:
                if choice != right[0]:
                    assert name_key(choice) not in answer_names, (item.question, choice)
                    assert name_key(choice) not in {name_key(a) for a in item.answers}


def test_build_distractors_are_never_co_directors_and_stay_the_same_kind(catalogue: Catalogue):
    for seed in range(10):
        for item in _of(_build(catalogue, seed).items, Relation.DIRECTED_BY):
            if item.type is ItemType.MULTIPLE_CHOICE and item.fact.subject == "A Dream Come True":
                assert "Otar Koberidze" not in item.choices or item.answers[0] == "Otar Koberidze"
                assert (
                    "Mikhail Karyukov" not in item.choices or item.answers[0] == "Mikhail Karyukov"
                )
                people = {e.name for e in catalogue.of_kind("person")}
                assert set(item.choices) <= people


def test_build_year_distractors_come_from_the_same_era(catalogue: Catalogue):
    for item in _of(_build(catalogue).items, Relation.RELEASE_YEAR):
        if item.type is ItemType.MULTIPLE_CHOICE:
            right = int(item.answers[0])
            assert all(abs(int(c) - right) <= 6 for c in item.choices)


def test_build_false_statement_never_repeats_a_refuted_claim(catalogue: Catalogue):
    facts = [
        f
        for f in _facts(catalogue, release_year=frozenset({"1960", "1964"}))
        if f.subject == "dream"
    ]
    seen_false = 0
    for seed in range(60):
        for item in _of(_build(catalogue, seed, facts).items, Relation.RELEASE_YEAR):
            if item.type is ItemType.TRUE_FALSE:
                assert "1960" not in item.question
                assert "1964" not in item.question
                seen_false += item.answers == ("False",)
    assert seen_false > 0


def test_build_true_false_items_are_sometimes_true_and_sometimes_false(catalogue: Catalogue):
    answers = {i.answers[0] for i in _build(catalogue).items if i.type is ItemType.TRUE_FALSE}
    assert answers == {"True", "False"}


def test_build_ids_are_stable_between_builds(catalogue: Catalogue):
    again = {i.id: i for i in _build(catalogue, 1).items}
    assert again == {i.id: i for i in _build(catalogue, 1).items}
    other = {i.id: i for i in _build(catalogue, 2).items}
    shared = set(again) & set(other)
    assert len(shared) >= 0.9 * len(again)
    assert all(again[i].fact == other[i].fact and again[i].type == other[i].type for i in shared)


def test_build_accepted_answers_list_canonical_aliases_cyrillic_and_surname(catalogue: Catalogue):
    item = next(
        i
        for i in _of(_build(catalogue).items, Relation.DIRECTED_BY)
        if i.type is ItemType.OPEN
        and i.answers[0] == "Mikhail Karyukov"
        and "Nebo" not in i.question
    )
    assert item.answers[:3] == ("Mikhail Karyukov", "Михаил Карюков", "Mikhail Karjukov")
    assert {"Karyukov", "Карюков", "Karjukov"} <= set(item.answers)
    assert "Otar Koberidze" in item.question


def test_build_shared_surname_is_not_accepted_for_co_authors(catalogue: Catalogue):
    items = [
        i for i in _of(_build(catalogue).items, Relation.WRITTEN_BY) if i.type is ItemType.OPEN
    ]
    strugatsky = [i for i in items if "Strugatsky" in i.answers[0]]
    assert strugatsky
    assert all("Strugatsky" not in i.answers for i in strugatsky)


def test_build_plot_sentences_become_cloze_questions_about_their_key(catalogue: Catalogue):
    items = [i for i in _build(catalogue).items if i.category == "plot"]
    dilemma = [i for i in items if "must stay behind on _____" in i.question]
    assert dilemma
    assert all(i.answers[0] == "Phobos" for i in dilemma)
    assert all("Phobos" not in i.question for i in dilemma)
    count = [i for i in items if "cannot carry _____ people" in i.question]
    assert count
    assert {i.answers[0] for i in count} == {"3"}
    for item in items:
        assert item.question.startswith("In “A Dream Come True”:") or "Dream" in item.question
        if item.type is ItemType.MULTIPLE_CHOICE:
            assert sum(c in item.answers for c in item.choices) == 1


def test_build_relations_between_films_are_asked_both_ways(catalogue: Catalogue):
    items = _build(catalogue).items
    footage = _of(items, Relation.FOOTAGE_USED_IN)
    assert any(i.answers[0] == "Queen of Blood" for i in footage)
    assert any(
        i.answers[0] == "A Dream Come True" and "Queen of Blood" in i.question for i in footage
    )
    adaptation = _of(items, Relation.BASED_ON)
    assert any(i.answers[0] == "Alexander Kazantsev" for i in adaptation)
    assert not any("(novel by" in c for i in items for c in i.choices)
    for item in _of(items, Relation.INSPIRED):
        # Everything made from the film's footage is a film it inspired.
        assert "Queen of Blood" not in item.choices
    sequel = _of(items, Relation.SEQUEL)
    assert {i.answers[0] for i in sequel if i.type is ItemType.OPEN} == {
        "Teens in the Universe",
        "Moscow-Cassiopeia",
    }


def test_build_question_never_contains_its_answer(catalogue: Catalogue):
    for seed in range(5):
        for item in _build(catalogue, seed).items:
            if item.type is not ItemType.TRUE_FALSE:
                for answer in item.answers:
                    assert f" {name_key(answer)} " not in f" {name_key(item.question)} ", item


def test_build_alternative_title_drops_the_title_asked_about(catalogue: Catalogue):
    fact = VerifiedFact("dream", Relation.ALSO_KNOWN_AS, "Mechte navstrechu", (Quote("d", "q"),))
    items = _build(catalogue, 0, [fact]).items
    open_item = next(i for i in items if i.type is ItemType.OPEN)
    assert open_item.answers[0] == "A Dream Come True"
    assert "Mechte navstrechu" not in open_item.answers
    assert "Мечте навстречу" not in open_item.answers
    canonical = VerifiedFact(
        "dream", Relation.ALSO_KNOWN_AS, "A Dream Come True", (Quote("d", "q"),)
    )
    assert _build(catalogue, 0, [canonical]).items


def test_build_keeps_evidence_and_metadata(catalogue: Catalogue):
    for item in _build(catalogue).items:
        assert item.sources
        assert item.verified
        assert item.origin == "seeds"
        assert 1 <= item.difficulty <= 5
        assert item.category in {"films", "people", "years", "plot", "production history"}


def _assessment(
    subject: str,
    relation: Relation,
    value: str,
    verdict: Verdict,
    subject_id: str,
    value_id: str | None = None,
) -> Assessment:
    evidence = Evidence("doc", 0, len(value), value)
    return Assessment(Claim(subject, relation, value, evidence), verdict, "r", subject_id, value_id)


def test_collect_facts_keeps_alternative_title_and_refuted_values(catalogue: Catalogue):
    assessments = [
        _assessment(
            "Encounter in Space",
            Relation.ALSO_KNOWN_AS,
            "mechte NAVSTRECHU",
            Verdict.VERIFIED,
            "dream",
            "dream",
        ),
        _assessment("A Dream Come True", Relation.RELEASE_YEAR, "1963", Verdict.VERIFIED, "dream"),
        _assessment(
            "A Dream Come True", Relation.RELEASE_YEAR, "1960", Verdict.CONTRADICTED, "dream"
        ),
        _assessment("Unknown", Relation.RELEASE_YEAR, "1950", Verdict.UNVERIFIED, "dream"),
    ]
    facts = {f.relation: f for f in collect_facts(assessments, catalogue)}
    assert facts[Relation.ALSO_KNOWN_AS].value == "Mechte navstrechu"
    assert facts[Relation.RELEASE_YEAR].value == 1963
    assert facts[Relation.RELEASE_YEAR].refuted == {"1960", "1950"}


def test_build_from_seeds_covers_every_verified_fact_and_only_verified_quotes():
    result = run_pipeline(SEEDS, load_default_catalogue(), random.Random(0))
    assert result.facts
    assert result.build.rejected == ()
    verified = {
        Quote(a.claim.evidence.document, a.claim.evidence.quote)
        for a in result.assessments
        if a.verdict is Verdict.VERIFIED
    }
    for item in result.build.items:
        assert set(item.sources) <= verified
    for item in result.build.items:
        if item.type is ItemType.MULTIPLE_CHOICE:
            assert sum(c in item.answers for c in item.choices) == 1


def test_collect_facts_skips_plot_sentences_that_also_state_something_false():
    catalogue = load_default_catalogue()
    quote = "Tanya Krilova (T. Pochepa) flies on the Ocean to Mars."
    evidence = Evidence("doc", 0, len(quote), quote)
    plot = Claim("A Dream Come True", Relation.PLOT, "Mars", evidence)
    cast = Claim("A Dream Come True", Relation.CAST, "T. Pochepa", evidence, role="Tanya Krilova")
    verified = Assessment(plot, Verdict.VERIFIED, "told", "mechte-navstrechu", "mars")
    wrong = Assessment(cast, Verdict.CONTRADICTED, "another role", "mechte-navstrechu")
    assert collect_facts([verified], catalogue)
    assert collect_facts([verified, wrong], catalogue) == []


def test_a_fact_asked_already_by_another_facts_item_is_not_reported_as_rejected(
    catalogue: Catalogue,
):
    # Both authors of the novel the film adapts, and the adaptation itself: the co-author
    # questions of both facts are the same question, asked once.
    quote = (Quote("d", "q"),)
    facts = [
        VerifiedFact("hotel", Relation.BASED_ON, "hotel-novel", quote),
        VerifiedFact("hotel", Relation.SOURCE_AUTHOR, "arkady", quote),
        VerifiedFact("hotel", Relation.SOURCE_AUTHOR, "boris", quote),
    ]
    for seed in range(5):
        result = _build(catalogue, seed, facts)
        assert result.rejected == ()
        answers = {a for item in result.items for a in item.answers}
        for person in ("arkady", "boris"):
            assert catalogue.display(person) in answers or any(
                catalogue.display(person) in item.question for item in result.items
            )
