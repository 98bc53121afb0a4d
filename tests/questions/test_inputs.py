"""A bank's inputs recorded by content: any change is seen, whatever the file times say."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from questions import inputs
from questions.inputs import build_inputs, changed_input, inputs_path, save_inputs


@pytest.fixture
def world(tmp_path: Path, monkeypatch):
    """Seeds, a host reference, decisions, and copies of the shipped references and code."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "vostok.txt").write_text("Vostok 1 flew in 1961.\n", encoding="utf-8")
    refs = tmp_path / "refs.yaml"
    refs.write_text("films: []\n", encoding="utf-8")
    decisions = tmp_path / "decisions.yaml"
    shipped = tmp_path / "reference"
    shutil.copytree(inputs.SHIPPED_REFERENCES, shipped)
    code = tmp_path / "code"
    code.mkdir()
    (code / "pipeline.py").write_text("STEPS = 3\n", encoding="utf-8")
    monkeypatch.setattr(inputs, "SHIPPED_REFERENCES", shipped)
    monkeypatch.setattr(inputs, "PACKAGE", code)
    bank = tmp_path / "bank.json"
    bank.write_text("{}", encoding="utf-8")

    def now() -> dict[str, str]:
        return build_inputs(seeds, [refs], decisions, 1963)

    save_inputs(bank, now())
    return {
        "bank": bank,
        "now": now,
        "seeds": seeds / "vostok.txt",
        "host references": refs,
        "decisions": decisions,
        "shipped references": shipped / "catalogue.yaml",
        "pipeline code": code / "pipeline.py",
    }


def test_unchanged_inputs_keep_the_bank(world):
    assert changed_input(world["bank"], world["now"]()) is None


@pytest.mark.parametrize(
    "part", ["seeds", "host references", "decisions", "shipped references", "pipeline code"]
)
def test_a_changed_input_with_an_old_time_makes_the_bank_stale(world, part):
    path: Path = world[part]
    old = path.stat().st_mtime if path.exists() else 1.0
    with path.open("a", encoding="utf-8") as stream:
        stream.write("# changed\n")
    os.utime(path, (old, old))  # as Docker COPY keeps a file's old time
    assert changed_input(world["bank"], world["now"]()) == (
        f"the {part} changed since {world['bank']} was built"
    )


def test_a_new_seed_document_and_another_build_seed_are_changes(world):
    bank = world["bank"]
    (world["seeds"].parent / "soyuz.txt").write_text("Soyuz 1.\n", encoding="utf-8")
    assert "the seeds changed" in str(changed_input(bank, world["now"]()))
    save_inputs(bank, world["now"]())
    other_seed = dict(world["now"](), **{"build seed": "7"})
    assert "the build seed changed" in str(changed_input(bank, other_seed))


def test_a_bank_without_a_record_is_stale(world):
    inputs_path(world["bank"]).unlink()
    assert "no readable record" in str(changed_input(world["bank"], world["now"]()))
    inputs_path(world["bank"]).write_text("[1]", encoding="utf-8")
    assert "no readable record" in str(changed_input(world["bank"], world["now"]()))
