"""The per-question look-up of answers typed as written rules as the full judge does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.game import judging
from tests.game.test_judging_cases import CASES, JUDGE, _rule

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def full_judging_only(monkeypatch):
    monkeypatch.setattr(judging, "_exact_answers", lambda *args: {})


def test_exact_lookup_never_changes_a_ruling(full_judging_only):
    # Every labelled case, judged without the look-up, is ruled as with it.
    with_lookup = dict(enumerate(RULINGS))
    without = {i: _rule(JUDGE, case) for i, case in enumerate(CASES)}
    assert with_lookup == without


RULINGS = [_rule(JUDGE, case) for case in CASES]


def test_exact_lookup_answers_plain_names_options_and_truth_words():
    table = judging._exact_answers(JUDGE, ("Phobos",), "open", (), None)
    assert table["phobos"].accepted
    assert table["fobos"].accepted  # an alias in the tuning set's groups
    choices = ("Deimos", "Phobos", "Titan", "Europa")
    table = judging._exact_answers(JUDGE, ("B",), "multiple_choice", choices, None)
    assert table["b"].accepted
    assert table["phobos"].accepted
    assert not table["a"].accepted
    assert not table["deimos"].accepted
    table = judging._exact_answers(JUDGE, ("False",), "true_false", (), None)
    assert table["no"].accepted
    assert not table["yes"].accepted


def test_exact_lookup_leaves_the_title_the_question_quotes_to_the_full_judge():
    question = "Under which English title was “Planeta Bur” released?"
    table = judging._exact_answers(JUDGE, ("Planet of Storms",), "open", (), question)
    assert "planetabur" not in table
    assert not JUDGE.judge("Planeta Bur", ["Planet of Storms"], question=question).accepted


def test_judge_eval_reports_the_two_sets_apart(tmp_path):
    heldout = tmp_path / "heldout.yaml"
    heldout.write_text(
        "cases:\n"
        "  - {kind_of_case: plain, question: 'Where is it set?', answers: [Venus],"
        " type: open, attempt: venus, accepted: true}\n"
        "  - {kind_of_case: wrong, question: 'Where is it set?', answers: [Venus],"
        " type: open, attempt: mars, accepted: false}\n"
        "  - {kind_of_case: choice, question: 'Which?', answers: [B], type: multiple_choice,"
        " choices: [Mars, Venus], attempt: b, accepted: true}\n",
        encoding="utf-8",
    )
    run = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [sys.executable, str(ROOT / "scripts" / "judge_eval.py"), "--heldout", str(heldout)],
        capture_output=True,
        text=True,
        check=False,
    )
    out = run.stdout
    assert "Tuning set" in out
    assert "Held-out set" in out
    assert out.index("Tuning set") < out.index("Held-out set")
    held = out[out.index("Held-out set") :]
    assert "plain" in held
    assert "wrong" in held
    assert "choice" in held
    assert "'venus'" not in held  # held-out cases are measured, never listed
    assert run.returncode == 0, out
