"""The build report and the single-item view: counts, gate rejections, coverage, evidence."""

from __future__ import annotations

import random

import pytest
from rich.console import Console

from bot.build_report import print_build_report, print_item
from questions.packs import read_pack
from questions.pipeline import run_pipeline
from questions.references import load_default_catalogue
from tests.conftest import DATA, SEEDS


@pytest.fixture(scope="module")
def result():
    return run_pipeline(SEEDS, load_default_catalogue(), random.Random(0))


def _console() -> Console:
    return Console(record=True, width=200, highlight=False, soft_wrap=True)


def test_build_report_counts_and_coverage(tmp_path, result):
    console = _console()
    print_build_report(console, result, tmp_path / "bank.json")
    text = console.export_text()
    for heading in ("Items per type", "Items per category", "Items per relation"):
        assert heading in text
    covered = len(result.facts) - len(result.build.rejected)
    assert f"verified facts with at least one item: {covered} of {len(result.facts)}" in text
    for rejected in result.build.gated:
        assert f"{rejected.rule}: {rejected.item.id}" in text


def test_show_prints_evidence_of_a_verified_item(result):
    item = next(i for i in result.build.items if i.choices)
    console = _console()
    print_item(console, item)
    text = console.export_text()
    assert item.question in text
    assert "← correct" in text
    assert item.sources[0].quote in text


def test_show_labels_an_imported_item_as_not_verified():
    item = read_pack(DATA / "packs" / "space_race.yaml").items[0]
    console = _console()
    print_item(console, item)
    assert "community pack: space_race (unverified)" in console.export_text()
