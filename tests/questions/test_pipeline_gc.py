"""The pipeline leaves the garbage collector alone; batch entry points pause it themselves."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from questions.catalogue import load_default_catalogue
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


def test_the_pipeline_never_changes_the_collector(monkeypatch, rng):
    calls: list[str] = []
    for name in ("disable", "enable", "freeze", "unfreeze"):
        monkeypatch.setattr(gc, name, lambda name=name: calls.append(name))

    result = run_pipeline(DOCUMENTS, load_default_catalogue(), rng)
    assessed = assess_corpus(read_corpus(DOCUMENTS), load_default_catalogue())

    assert result.assessments
    assert assessed
    assert calls == []


def test_collector_paused_inside_batch_collector_is_disabled(collector_state):
    gc.enable()

    with collector_paused():
        paused = not gc.isenabled()

    assert paused
    assert gc.isenabled()


def test_collector_paused_leaves_a_disabled_collector_disabled(collector_state):
    gc.disable()

    with collector_paused():
        pass

    assert not gc.isenabled()


def test_collector_paused_restores_the_collector_after_an_error(collector_state):
    gc.enable()

    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError

    assert gc.isenabled()
