"""The pipeline pauses the cyclic garbage collector for a batch and restores its state."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from questions.catalogue import load_default_catalogue
from questions.errors import DocumentError
from questions.pipeline import assess_corpus, collector_paused, run_pipeline
from questions.sources import read_corpus
from tests.conftest import DATA

DOCUMENTS = DATA / "tuning"


@pytest.fixture
def collector_state() -> Iterator[None]:
    """Leave the collector as the test found it, whatever the test does to it."""
    enabled = gc.isenabled()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        else:
            gc.disable()


def test_assess_corpus_enabled_collector_is_enabled_again(collector_state):
    gc.enable()
    corpus = read_corpus(DOCUMENTS)

    assessments = assess_corpus(corpus, load_default_catalogue())

    assert assessments
    assert gc.isenabled()


def test_run_pipeline_enabled_collector_is_enabled_again(collector_state, rng):
    gc.enable()

    result = run_pipeline(DOCUMENTS, load_default_catalogue(), rng)

    assert result.assessments
    assert gc.isenabled()


def test_run_pipeline_disabled_collector_stays_disabled(collector_state, rng):
    gc.disable()

    run_pipeline(DOCUMENTS, load_default_catalogue(), rng)

    assert not gc.isenabled()


def test_run_pipeline_missing_folder_collector_is_enabled_again(collector_state, rng, tmp_path):
    gc.enable()

    with pytest.raises(DocumentError):
        run_pipeline(tmp_path / "missing", load_default_catalogue(), rng)

    assert gc.isenabled()


def test_collector_paused_inside_batch_collector_is_disabled(collector_state):
    gc.enable()

    with collector_paused():
        paused = not gc.isenabled()

    assert paused
    assert gc.isenabled()
