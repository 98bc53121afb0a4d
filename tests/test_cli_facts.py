"""`trivia facts` streams: each document is written before the next is read, in every view."""

from __future__ import annotations

import io
import itertools
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from questions import sources
from questions.pipeline import run_pipeline
from questions.references import load_default_catalogue
from tests.conftest import SEEDS

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Recorder(io.StringIO):
    """Standard output that notes each write among the documents read, in order."""

    def __init__(self, events: list[tuple[str, str]], terminal: bool = False) -> None:
        super().__init__()
        self.events = events
        self.terminal = terminal

    def write(self, text: str) -> int:
        self.events.append(("out", text))
        return super().write(text)

    def isatty(self) -> bool:
        return self.terminal


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        (seeds / path.name).write_bytes(path.read_bytes())
    return seeds


def _run(
    monkeypatch, args: list[str], terminal: bool = False
) -> tuple[int, list[tuple[str, str]], str]:
    """Run the command; return its status, the reads and writes in order, and the output."""
    events: list[tuple[str, str]] = []
    read = sources.read_document

    def noted(path: Path):
        events.append(("read", path.stem))
        return read(path)

    monkeypatch.setattr(sources, "read_document", noted)
    out = Recorder(events, terminal)
    monkeypatch.setattr("sys.stdout", out)
    status = main(["facts", *args])
    return status, events, out.getvalue()


def _written_before_next_read(events: list[tuple[str, str]], documents: list[str]) -> None:
    """Every document but the last has output naming it before the next document is read."""
    for document, following in itertools.pairwise(documents):
        at = events.index(("read", following))
        before = "".join(text for kind, text in events[:at] if kind == "out")
        assert document in before, f"nothing of {document} written before {following} was read"


@pytest.mark.parametrize(
    ("args", "terminal"), [([], False), (["--json"], False), ([], True)], ids=str
)
def test_facts_writes_each_document_before_reading_the_next(
    folder: Path, monkeypatch, args, terminal
):
    status, events, _ = _run(monkeypatch, ["--seeds", str(folder), *args], terminal)
    assert status == 0
    documents = [name for kind, name in events if kind == "read"]
    assert len(documents) == 3
    _written_before_next_read(events, documents)


def test_facts_json_streamed_is_one_document_equal_to_the_whole_pipeline(folder: Path, monkeypatch):
    status, _, out = _run(monkeypatch, ["--seeds", str(folder), "--json"])
    assert status == 0
    report = json.loads(out)
    whole = run_pipeline(folder, load_default_catalogue(), random.Random(0))
    assert [c["id"] for c in report["claims"]] == [a.claim.id for a in whole.assessments]
    assert [c["verdict"] for c in report["claims"]] == [a.verdict.value for a in whole.assessments]
    assert [(d["subject"], d["relation"]) for d in report["disagreements"]] == [
        (d.subject, d.relation.value) for d in whole.disagreements
    ]
    assert [a["claims"] for a in report["agreements"]] == [list(a.claims) for a in whole.agreements]
    assert report["disagreements"]
    assert sum(sum(c.values()) for c in report["summary"].values()) == len(report["claims"])


def test_facts_piped_prints_one_tab_separated_line_per_claim_then_the_summary(
    folder: Path, monkeypatch
):
    _, _, json_out = _run(monkeypatch, ["--seeds", str(folder), "--json"])
    claims = json.loads(json_out)["claims"]
    status, _, out = _run(monkeypatch, ["--seeds", str(folder)])
    assert status == 0
    lines, _, summary = out.partition("\n\n")
    header, *rows = lines.splitlines()
    assert header.split("\t")[:3] == ["claim", "document", "verdict"]
    fields = [row.split("\t") for row in rows]
    assert all(len(f) == len(header.split("\t")) for f in fields)
    assert [(f[0], f[2]) for f in fields] == [(c["id"], c["verdict"]) for c in claims]
    assert all(len(f[-1]) <= 100 for f in fields)
    assert "┃" not in out  # no table borders
    first = summary.splitlines()[0]
    assert first.startswith(f"3 documents read, 0 skipped; {len(claims)} of {len(claims)} claims")
    assert "\ndisagreement " in "\n" + summary


def test_facts_piped_with_a_verdict_counts_what_it_shows(folder: Path, monkeypatch):
    status, _, out = _run(monkeypatch, ["--seeds", str(folder), "--verdict", "contradicted"])
    assert status == 0
    lines, _, summary = out.partition("\n\n")
    rows = lines.splitlines()[1:]
    assert rows
    assert all(row.split("\t")[2] == "contradicted" for row in rows)
    assert f"; {len(rows)} of " in summary.splitlines()[0]
    assert summary.splitlines()[0].endswith(f": {len(rows)} contradicted")


def test_facts_on_a_terminal_prints_a_table_per_document(folder: Path, monkeypatch):
    status, events, out = _run(monkeypatch, ["--seeds", str(folder)], terminal=True)
    assert status == 0
    text = ANSI.sub("", out)
    for document in (name for kind, name in events if kind == "read"):
        assert re.search(rf"^ *{document} *$", text, re.MULTILINE), "a table titled by it"
        assert re.search(rf"^{document}: \d+ \w+", text, re.MULTILINE), "its counts after it"
    assert "┃ Claim" in text
    assert "3 documents read, 0 skipped" in text


def test_facts_names_a_skipped_document_in_every_view(folder: Path, monkeypatch):
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\x01")
    status, _, out = _run(monkeypatch, ["--seeds", str(folder)])
    assert status == 3
    assert "3 documents read, 1 skipped" in out
    assert "\nskipped broken.txt" in out
    status, _, out = _run(monkeypatch, ["--seeds", str(folder), "--json"])
    assert status == 3
    assert any("broken.txt" in problem for problem in json.loads(out)["skipped"])


def test_facts_goes_on_past_a_document_the_extractor_fails_on(folder: Path, monkeypatch):
    from questions.extract import Extractor

    extract = Extractor.extract

    def failing(self: Extractor, document):
        if document.id == "001_trap":
            raise IndexError("list index out of range")
        return extract(self, document)

    monkeypatch.setattr(Extractor, "extract", failing)
    (folder / "001_trap.txt").write_text("Solaris (1972) was directed by Andrei Tarkovsky.\n")
    status, events, out = _run(monkeypatch, ["--seeds", str(folder)])
    assert status == 3
    assert "3 documents read, 1 skipped" in out
    assert "\nskipped 001_trap: not assessed: an internal error (IndexError)" in out
    # the documents after the failing one (in sorted order) are still read and reported
    read = [name for kind, name in events if kind == "read"]
    assert read.index("001_trap") < len(read) - 1
    assert "Traceback" not in out
    status, _, out = _run(monkeypatch, ["--seeds", str(folder), "--json"])
    assert status == 3
    report = json.loads(out)
    assert any(problem.startswith("001_trap: not assessed") for problem in report["skipped"])
    assert report["claims"]
    assert all(claim["document"] != "001_trap" for claim in report["claims"])


def test_facts_on_a_missing_folder_writes_nothing_but_one_error_line(
    tmp_path: Path, monkeypatch, capsys
):
    status, _, out = _run(monkeypatch, ["--seeds", str(tmp_path / "nowhere"), "--json"])
    assert status == 1
    assert out == ""
    assert "is not a folder of documents" in capsys.readouterr().err


def test_facts_piped_into_a_reader_that_stops_early_ends_quietly(folder: Path, tmp_path: Path):
    environment = {**os.environ, "TRIVIA_DATA_DIR": str(tmp_path / "data")}
    process = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
        [sys.executable, "-m", "bot.entry", "facts", "--seeds", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    assert process.stdout is not None
    process.stdout.readline()  # "trivia facts | head -1"
    process.stdout.close()
    _, errors = process.communicate(timeout=300)
    assert process.returncode == 0
    assert b"error" not in errors
    assert b"Traceback" not in errors
