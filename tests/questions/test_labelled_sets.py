"""The pipeline on hand-labelled documents: no false or invented claim is ever verified.

The seeds, the tuning documents and the held-out documents list every claim they state with
a label (true, false, invented, unreferenced). Recall is a figure the benchmark prints
(benchmarks/claims_eval.py); what must always hold is asserted here.
"""

from __future__ import annotations

import pytest

from questions.catalogue import load_default_catalogue
from questions.evaluation import Tally, evaluate, label_sets
from tests.conftest import REPO_ROOT

SETS = label_sets(REPO_ROOT)


@pytest.fixture(scope="module", params=sorted(SETS))
def tallies(request: pytest.FixtureRequest) -> dict[str, Tally]:
    return evaluate(*SETS[request.param], load_default_catalogue())


def test_no_false_or_invented_claim_is_verified(tallies: dict[str, Tally]):
    wrong = [line for tally in tallies.values() for line in tally.wrong]
    assert wrong == []


def test_every_labelled_set_has_true_claims_and_verifies_some(tallies: dict[str, Tally]):
    assert sum(t.true for t in tallies.values()) > 50
    assert sum(t.recalled for t in tallies.values()) > 0
