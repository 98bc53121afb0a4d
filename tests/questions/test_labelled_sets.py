"""The pipeline on hand-labelled documents: no false or invented claim is ever verified.

The seeds, the tuning documents and the held-out documents list every claim they state with
a label (true, false, invented, unreferenced). Recall is a figure the benchmark prints
(benchmarks/claims_eval.py); what must always hold is asserted here.
"""

from __future__ import annotations

import pytest

from questions.evaluation import Tally, evaluate, label_sets
from questions.references import load_default_catalogue
from tests.conftest import REPO_ROOT

SETS = label_sets(REPO_ROOT)


@pytest.fixture(scope="module", params=sorted(SETS))
def tallies(request: pytest.FixtureRequest) -> dict[str, Tally]:
    return evaluate(*SETS[request.param], load_default_catalogue())


def test_no_false_or_invented_claim_is_verified(tallies: dict[str, Tally]):
    wrong = [line for tally in tallies.values() for line in tally.wrong]
    assert wrong == []


@pytest.mark.parametrize("name", ["seeds", "heldout"])
def test_no_verified_story_sentence_repeats_a_false_detail(name: str):
    # the sets the pipeline is judged on; the tuning set's count is printed by the benchmark
    tallies = evaluate(*SETS[name], load_default_catalogue())
    assert [line for tally in tallies.values() for line in tally.detailed] == []


def test_a_story_sentence_with_a_false_detail_is_counted_apart(tmp_path):
    text = (
        "Dead Mountaineer's Hotel is a film. An avalanche cuts the hotel off, and Olaf is "
        "found dead."
    )
    labels = """genre: forum
claims:
- {subject: Dead Mountaineer's Hotel, relation: plot, value: Olaf, label: 'true',
   quote: "An avalanche cuts the hotel off, and Olaf is found dead."}
- {subject: Dead Mountaineer's Hotel, relation: plot, value: avalanche, label: 'false',
   quote: "An avalanche cuts the hotel off, and Olaf is found dead."}
"""
    tally = _score_one(tmp_path, text, labels)
    olaf = [line for line in tally.detailed if "| Olaf " in line]
    assert tally.false_detail == len(tally.detailed) >= 1
    assert olaf
    assert tally.wrong == []  # its own key is right: precision judges the key


def test_every_labelled_set_has_true_claims_and_verifies_some(tallies: dict[str, Tally]):
    assert sum(t.true for t in tallies.values()) > 50
    assert sum(t.recalled for t in tallies.values()) > 0


def _score_one(tmp_path, text: str, labels: str) -> Tally:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "doc.yaml").write_text(labels, encoding="utf-8")
    return evaluate(tmp_path, tmp_path, load_default_catalogue())["forum"]


def test_an_actor_labelled_in_two_parts_is_judged_by_the_part_a_claim_gives(tmp_path):
    # The first post gets Järvet's part wrong, a reply puts it right: the wrong part caught
    # is the document's error, not the pipeline's.
    text = (
        "Solaris (1972) is long. Jüri Järvet is Sartorius in it.\n\n"
        "No. Järvet is Snaut, and Anatoly Solonitsyn is Sartorius."
    )
    labels = """genre: forum
claims:
- {subject: Solaris, relation: cast, value: Järvet, label: 'false', role: Sartorius,
   quote: Jüri Järvet is Sartorius in it.}
- {subject: Solaris, relation: cast, value: Järvet, label: 'true', role: Snaut,
   quote: "No. Järvet is Snaut, and Anatoly Solonitsyn is Sartorius."}
"""
    tally = _score_one(tmp_path, text, labels)
    assert tally.own_errors == 0
    assert tally.caught == 1


def test_no_true_claim_is_contradicted_for_our_own_misreading(tallies: dict[str, Tally]):
    # a claim the document got right, reported as contradicted: the extractor's mistake
    blamed = {genre: tally.own_errors for genre, tally in tallies.items() if tally.own_errors}
    assert blamed == {}
