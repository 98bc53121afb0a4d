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
    judging._prepared.cache_clear()  # questions read before were read with the look-up
    yield
    judging._prepared.cache_clear()


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


def _judgements(case):
    attempt = case["attempt"] * case.get("repeat", 1)
    kind, choices, question = case["kind"], case.get("choices"), case.get("question")
    return [
        JUDGE.judge(text, case["answers"], kind=kind, choices=choices, question=question)
        for text in (attempt, f"i think it's {attempt} lol", f"hmm {attempt}!")
    ]


def test_stated_answer_lookup_never_changes_a_judgement(monkeypatch):
    # Every labelled case, alone and among filler, gets the same full judgement (score
    # and close hint included) whether statements naming an answer are looked up or not.
    with_lookup = [_judgements(case) for case in CASES]
    monkeypatch.setattr(judging, "_stated_answers", lambda *args: {})
    judging._prepared.cache_clear()
    try:
        assert [_judgements(case) for case in CASES] == with_lookup
    finally:
        judging._prepared.cache_clear()


def test_answer_among_filler_is_looked_up_not_judged_again(monkeypatch):
    choices = ["Deimos", "Phobos", "Titan", "Europa"]
    JUDGE.judge("zzz", ["Phobos"], question="Which moon?")
    JUDGE.judge("zzz", ["B"], kind="multiple_choice", choices=choices, question="Which moon?")
    monkeypatch.setattr(judging.Judge, "_rule_statement", _never_called)
    open_ruling = JUDGE.judge("i think it's PHOBOS lol", ["Phobos"], question="Which moon?")
    assert open_ruling.accepted
    assert open_ruling.matched == "Phobos"
    picked = JUDGE.judge(
        "hmm titan?", ["B"], kind="multiple_choice", choices=choices, question="Which moon?"
    )
    assert not picked.accepted
    letter = JUDGE.judge(
        "lol b ofc", ["B"], kind="multiple_choice", choices=choices, question="Which moon?"
    )
    assert letter.accepted


def _never_called(*args):
    raise AssertionError("the statement was judged in full")


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
