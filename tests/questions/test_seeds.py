"""The pipeline on the committed seed documents: what is extracted, verified and banked."""

from __future__ import annotations

import random

import pytest

from questions.models import Relation, Verdict
from questions.pipeline import PipelineResult, run_pipeline
from questions.references import load_default_catalogue
from questions.sources import read_corpus
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def result() -> PipelineResult:
    return run_pipeline(SEEDS, load_default_catalogue(), random.Random(0))


def _claims(result: PipelineResult, relation: Relation, subject: str):
    return [c for c in result.claims if c.relation is relation and c.subject == subject]


def test_every_seed_parses_into_claims(result: PipelineResult):
    documents = {c.evidence.document for c in result.claims}
    assert documents == {d.id for d in read_corpus(SEEDS).documents}
    assert not result.corpus.problems


def test_extracts_release_year_and_directors_from_the_review(result: PipelineResult):
    years = _claims(result, Relation.RELEASE_YEAR, "Encounter in Space")
    directors = _claims(result, Relation.DIRECTED_BY, "Encounter in Space")
    assert [c.value for c in years] == ["1963"]
    assert sorted(c.value for c in directors) == ["Mikhail Karyukov", "Otar Koberidze"]
    assert "was released in 1963" in years[0].evidence.quote
    assert "directed by Mikhail Karyukov and Otar Koberidze" in directors[0].evidence.quote


def test_extracts_year_headings_from_lists(result: PipelineResult):
    silent = _claims(result, Relation.RELEASE_YEAR, "The Silent Star")
    assert [(c.value, c.evidence.quote) for c in silent] == [("1960", "The Silent Star (1960)")]


def test_every_quote_is_the_exact_span_of_its_document(result: PipelineResult):
    texts = {d.id: d.text for d in result.corpus.documents}
    for claim in result.claims:
        evidence = claim.evidence
        assert texts[evidence.document][evidence.start : evidence.end] == evidence.quote


def test_wrong_year_for_a_dream_come_true_is_contradicted(result: PipelineResult):
    verdicts = {
        (a.claim.evidence.document[:3], a.claim.value): a
        for a in result.assessments
        if a.claim.relation is Relation.RELEASE_YEAR and a.subject_id == "mechte-navstrechu"
    }
    wrong = verdicts["001", "1960"]
    assert wrong.verdict is Verdict.CONTRADICTED
    assert wrong.correct_value == "1963"
    assert wrong.source is not None
    assert wrong.source.url.startswith("https://")
    assert verdicts["000", "1963"].verdict is Verdict.VERIFIED
    assert verdicts["002", "1963"].verdict is Verdict.VERIFIED


def test_documents_disagreeing_on_the_year_are_reported(result: PipelineResult):
    years = [d for d in result.disagreements if d.relation is Relation.RELEASE_YEAR]
    values = {v for d in years for v, _ in d.values}
    assert {"1960", "1963"} <= values


def test_invented_films_stay_unverified(result: PipelineResult):
    unknown = [a for a in result.assessments if a.subject_id is None]
    assert unknown
    assert all(a.verdict is Verdict.UNVERIFIED for a in unknown)


def test_bank_rests_only_on_verified_claims(result: PipelineResult):
    verified_quotes = {
        (a.claim.evidence.document, a.claim.evidence.quote)
        for a in result.assessments
        if a.verdict is Verdict.VERIFIED
    }
    assert result.build.items
    for item in result.build.items:
        assert item.sources
        for quote in item.sources:
            assert (quote.document, quote.quote) in verified_quotes


def test_bank_never_states_the_contradicted_year(result: PipelineResult):
    for item in result.build.items:
        if item.fact.subject == "A Dream Come True" and item.fact.relation == "release_year":
            assert item.fact.value == "1963"
            assert "1960" not in item.answers


def test_item_ids_are_stable_across_builds(result: PipelineResult):
    again = run_pipeline(SEEDS, load_default_catalogue(), random.Random(99))
    assert [i.id for i in again.build.items] == [i.id for i in result.build.items]
    assert len({i.id for i in result.build.items}) == len(result.build.items)


def test_every_verified_claim_rests_on_a_reference_or_moderator(result: PipelineResult):
    texts = {d.id: d.text for d in result.corpus.documents}
    verified = [a for a in result.assessments if a.verdict is Verdict.VERIFIED]
    assert verified
    for item in verified:
        evidence = item.claim.evidence
        assert texts[evidence.document][evidence.start : evidence.end] == evidence.quote
        assert item.source is not None or item.moderator is not None


def test_seed_plot_claims_are_verified_by_a_synopsis(result: PipelineResult):
    verified = {
        a.claim.value
        for a in result.assessments
        if a.verdict is Verdict.VERIFIED
        and a.claim.relation is Relation.PLOT
        and a.subject_id == "mechte-navstrechu"
    }
    assert {"Phobos", "Mars"} <= verified


def test_phobos_rescue_dilemma_is_asked_as_a_cloze_question(result: PipelineResult):
    dilemma = [
        i
        for i in result.build.items
        if i.fact.relation == "plot" and "stay behind on _____" in i.question
    ]
    assert dilemma
    assert all(i.answers[0] == "Phobos" for i in dilemma)
    assert all("stay behind on Phobos" in q.quote for i in dilemma for q in i.sources)


def test_gagarin_claim_with_the_wrong_year_is_contradicted_by_history(result: PipelineResult):
    [gagarin] = [
        a
        for a in result.assessments
        if a.claim.relation is Relation.RELEASED_SHORTLY_AFTER and "Gagarin" in a.claim.value
    ]
    assert gagarin.verdict is Verdict.CONTRADICTED
    assert gagarin.claim.stated_year == "1960"
    assert "1961-04-12" in gagarin.reason


def test_lists_disagree_on_what_a_dream_come_true_depicts(result: PipelineResult):
    depicts = [d for d in result.disagreements if d.relation is Relation.DEPICTS]
    assert len(depicts) == 1
    assert len(depicts[0].documents) == 2


def test_one_film_under_two_titles_is_grouped(result: PipelineResult):
    titles = {frozenset(a.titles) for a in result.agreements}
    assert frozenset({"The Silent Star", "The First Spaceship on Venus"}) in titles


def test_items_worded_alike_expect_the_same_answer(result: PipelineResult):
    expected: dict[str, str] = {}
    for item in result.build.items:
        answer = expected.setdefault(item.question, item.answers[0])
        assert answer == item.answers[0], f"{item.question!r} has two different answers"
