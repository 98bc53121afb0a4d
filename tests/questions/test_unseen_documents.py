"""The pipeline on documents it was never tuned on: hand-written reviews and list articles.

Each document in tests/data/documents has an expected-claims file written by hand: the
claims a reader finds in it and the verdict each deserves against the reference catalogue.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from questions.catalogue import load_default_catalogue
from questions.models import Assessment, Verdict
from questions.pipeline import assess_corpus
from questions.sources import read_corpus
from tests.conftest import DATA

DOCUMENTS = DATA / "documents"
IDS = sorted(p.stem for p in DOCUMENTS.glob("*.txt"))


@pytest.fixture(scope="module")
def assessments() -> dict[str, list[Assessment]]:
    corpus = read_corpus(DOCUMENTS)
    assert not corpus.problems
    found: dict[str, list[Assessment]] = {}
    for item in assess_corpus(corpus, load_default_catalogue()):
        found.setdefault(item.claim.evidence.document, []).append(item)
    return found


def _expected(document: str) -> list[dict[str, str]]:
    path = DOCUMENTS / f"{document}.expected.yaml"
    claims: list[dict[str, str]] = yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]
    return claims


def _key(subject: str, relation: str, value: str) -> tuple[str, str, str]:
    return subject, relation, value


@pytest.mark.parametrize("document", IDS)
def test_unseen_document_yields_every_expected_claim_with_its_verdict(document, assessments):
    got = {
        _key(a.claim.subject, a.claim.relation.value, a.claim.value): a
        for a in assessments[document]
    }
    for expected in _expected(document):
        key = _key(expected["subject"], expected["relation"], expected["value"])
        assert key in got, f"{document}: missing {key}"
        assert got[key].verdict.value == expected["verdict"], (key, got[key].reason)
        if "role" in expected:
            assert got[key].claim.role == expected["role"]


@pytest.mark.parametrize("document", IDS)
def test_unseen_document_verifies_nothing_unexpected(document, assessments):
    allowed = {
        _key(e["subject"], e["relation"], e["value"])
        for e in _expected(document)
        if e["verdict"] == "verified"
    }
    verified = [
        _key(a.claim.subject, a.claim.relation.value, a.claim.value)
        for a in assessments[document]
        if a.verdict is Verdict.VERIFIED
    ]
    assert set(verified) <= allowed


@pytest.mark.parametrize("document", IDS)
def test_unseen_document_quotes_are_exact_spans(document, assessments):
    text = (DOCUMENTS / f"{document}.txt").read_text(encoding="utf-8")
    for item in assessments[document]:
        evidence = item.claim.evidence
        assert text[evidence.start : evidence.end] == evidence.quote


def test_unseen_contradictions_give_correct_value_and_source(assessments):
    contradicted = [
        a for items in assessments.values() for a in items if a.verdict is Verdict.CONTRADICTED
    ]
    assert contradicted
    for item in contradicted:
        assert item.correct_value
        assert item.source is not None
        assert item.source.url.startswith(("https://", "http://"))


def test_expected_files_exist_for_every_document():
    assert IDS
    for document in IDS:
        assert Path(DOCUMENTS / f"{document}.expected.yaml").is_file()
