"""Moderator decisions: stored with who/when/why/quote, applied, re-opened, validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from questions.decisions import (
    MAX_DECISIONS_BYTES,
    Choice,
    Decision,
    Decisions,
    apply_decisions,
    load_decisions,
    record_decision,
    save_decisions,
)
from questions.errors import DecisionsError
from questions.models import Assessment, Claim, Evidence, Relation, Verdict


def _assessment(quote: str = "Star Voyage (1962)") -> Assessment:
    claim = Claim("Star Voyage", Relation.RELEASE_YEAR, "1962", Evidence("d1", 0, 18, quote))
    return Assessment(claim, Verdict.UNVERIFIED, "no reference knows it")


def _decision(clock, choice=Choice.APPROVE, quote="Star Voyage (1962)") -> Decision:
    return Decision(_assessment().claim.id, choice, "Valentina", clock(), "found a poster", quote)


def test_decisions_round_trip_through_the_file(tmp_path: Path, clock):
    path = tmp_path / "decisions.yaml"
    save_decisions(Decisions((_decision(clock),)), path)
    assert load_decisions(path).items == (_decision(clock),)


def test_missing_decisions_file_means_no_decisions(tmp_path: Path):
    assert load_decisions(tmp_path / "none.yaml").items == ()


def test_approval_verifies_and_names_the_moderator(clock):
    [item], reopened = apply_decisions([_assessment()], Decisions((_decision(clock),)))
    assert item.verdict is Verdict.VERIFIED
    assert item.moderator == "Valentina"
    assert "found a poster" in item.reason
    assert reopened == ()


def test_rejection_contradicts(clock):
    decisions = Decisions((_decision(clock, Choice.REJECT),))
    [item], _ = apply_decisions([_assessment()], decisions)
    assert item.verdict is Verdict.CONTRADICTED


def test_changed_quote_reopens_the_decision(clock):
    decisions = Decisions((_decision(clock, quote="Star Voyage (1962) old text"),))
    [item], reopened = apply_decisions([_assessment()], decisions)
    assert item.verdict is Verdict.UNVERIFIED
    assert [r.reason for r in reopened] == ["the quoted text changed"]


def test_decision_on_a_vanished_claim_is_reported(clock):
    _, reopened = apply_decisions([], Decisions((_decision(clock),)))
    assert len(reopened) == 1


def test_later_decision_replaces_earlier(clock):
    first = _decision(clock)
    clock.advance(60)
    decisions = Decisions((first,)).with_decision(_decision(clock, Choice.REJECT))
    [item], _ = apply_decisions([_assessment()], decisions)
    assert item.verdict is Verdict.CONTRADICTED


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("decisions:\n  - claim: c-1\n    decision: maybe\n", "line 2"),
        ("decisions:\n  - claim: c-1\n    decision: approve\n", "line 2"),
        ("decisions: [\n", "line"),
        ("- just a list\n", "expected a mapping"),
    ],
)
def test_malformed_decisions_file_names_file_and_line(tmp_path: Path, text, needle):
    path = tmp_path / "decisions.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DecisionsError, match=r"decisions\.yaml") as error:
        load_decisions(path)
    assert needle in str(error.value)


def test_cli_approval_survives_a_rebuild(capsys):
    import json

    from bot.cli import main
    from tests.conftest import SEEDS

    assert main(["facts", "--seeds", str(SEEDS), "--json", "--verdict", "unverified"]) == 0
    claim = json.loads(capsys.readouterr().out)["claims"][0]
    args = ["facts", "--seeds", str(SEEDS), "approve", claim["id"], "--by", "Val", "--why", "ok"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(["facts", "--seeds", str(SEEDS), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    [again] = [c for c in report["claims"] if c["id"] == claim["id"]]
    assert again["verdict"] == "verified"
    assert "approved by Val" in again["reason"]


def test_cli_rejects_an_unknown_claim(capsys):
    from bot.cli import main
    from tests.conftest import SEEDS

    args = ["facts", "--seeds", str(SEEDS), "reject", "c-nope", "--by", "Val", "--why", "x"]
    assert main(args) == 1


def test_full_disk_keeps_the_decisions_file_whole(tmp_path: Path, clock, monkeypatch):
    import errno
    import os

    path = tmp_path / "decisions.yaml"
    first = _decision(clock)
    save_decisions(Decisions((first,)), path)
    before = path.read_bytes()

    def full_disk(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    clock.advance(60)
    later = Decision("c-other", Choice.REJECT, "Val", clock(), "a long reason " * 50, "quote")
    with pytest.raises(OSError, match="No space left"):
        record_decision(later, path)
    assert path.read_bytes() == before
    assert load_decisions(path).items == (first,)


def test_deeply_nested_decisions_file_is_one_error(tmp_path: Path):
    path = tmp_path / "decisions.yaml"
    path.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    with pytest.raises(DecisionsError, match=r"decisions\.yaml: nested too deeply"):
        load_decisions(path)


def test_oversized_or_special_decisions_file_is_refused(tmp_path: Path):
    import os

    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    with pytest.raises(DecisionsError, match=r"a FIFO \(named pipe\), not a regular file"):
        load_decisions(fifo)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_DECISIONS_BYTES + 1))
    with pytest.raises(DecisionsError, match="too large"):
        load_decisions(big)


def _decide_many(path: str, prefix: str, count: int) -> None:
    from datetime import UTC, datetime

    for number in range(count):
        at = datetime(2026, 1, 1, tzinfo=UTC)
        decision = Decision(f"{prefix}-{number}", Choice.APPROVE, prefix, at, "why", "quote")
        record_decision(decision, Path(path))


def test_two_processes_deciding_at_once_lose_no_decision(tmp_path: Path):
    import multiprocessing

    path = tmp_path / "decisions.yaml"
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_decide_many, args=(str(path), who, 15)) for who in ("a", "b")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    claims = {d.claim for d in load_decisions(path).items}
    assert claims == {f"{who}-{n}" for who in ("a", "b") for n in range(15)}


def test_decisions_with_a_number_too_long_to_read_name_file_and_line(tmp_path: Path, capsys):
    path = tmp_path / "decisions.yaml"
    path.write_text("decisions:\n  - claim: " + "9" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(DecisionsError, match=r"decisions\.yaml, line 2: .*1,000 digits"):
        load_decisions(path)
    assert main(["facts", "--decisions", str(path)]) == 1
    assert "1,000 digits" in capsys.readouterr().err
