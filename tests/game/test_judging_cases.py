"""The judge against the labelled set: aggregate targets, and every hard case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.game.judging import AliasIndex, Judge

CASES_PATH = Path(__file__).resolve().parent.parent / "data" / "judge_cases.yaml"
RULES = {
    "case_spacing_punctuation", "diacritics_unicode", "markup", "strikethrough", "typo",
    "short_exact", "neighbour", "year", "number_words", "ordinal_roman", "surname",
    "two_people", "romanisation", "cyrillic", "alias", "filler", "hedging",
    "self_correction", "true_false", "multiple_choice", "chatter", "untrusted", "sentence",
    "question", "family_name", "short_word", "spaced_repeated",
}  # fmt: skip


def _load() -> tuple[Judge, list[dict[str, Any]]]:
    data = yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))
    return Judge(alias_index(data["aliases"])), data["cases"]


def alias_index(entries: list[Any]) -> AliasIndex:
    """Alias groups as the tuning set writes them: a list, or {kind, names}."""
    groups = [entry["names"] if isinstance(entry, dict) else entry for entry in entries]
    kinds = [entry.get("kind", "") if isinstance(entry, dict) else "" for entry in entries]
    return AliasIndex.from_groups(groups, kinds)


JUDGE, CASES = _load()
HARD = [case for case in CASES if case["hard"]]


def _rule(judge: Judge, case: dict[str, Any]) -> bool:
    attempt = case["attempt"] * case.get("repeat", 1)
    kind, choices, question = case["kind"], case.get("choices"), case.get("question")
    return judge.judge(
        attempt, case["answers"], kind=kind, choices=choices, question=question
    ).accepted


def test_cases_cover_every_rule_with_both_verdicts():
    assert len(CASES) >= 400
    verdicts = {(case["rule"], case["accepted"]) for case in CASES}
    assert {rule for rule, _ in verdicts} == RULES
    assert all((rule, True) in verdicts and (rule, False) in verdicts for rule in RULES)


def test_cases_meet_accuracy_targets():
    should_accept = [case for case in CASES if case["accepted"]]
    should_reject = [case for case in CASES if not case["accepted"]]
    false_rejects = sum(not _rule(JUDGE, case) for case in should_accept)
    false_accepts = sum(_rule(JUDGE, case) for case in should_reject)
    assert 1 - (false_accepts + false_rejects) / len(CASES) >= 0.97
    assert false_accepts / len(should_reject) <= 0.01
    assert false_rejects / len(should_accept) <= 0.04


@pytest.mark.parametrize("case", HARD, ids=[f"{c['rule']}-{i}" for i, c in enumerate(HARD)])
def test_hard_case_is_ruled_as_labelled(case):
    assert _rule(JUDGE, case) is case["accepted"]


def test_cases_without_aliases_still_refuse_every_hard_reject():
    # Alias knowledge only ever adds accepted names; it is never what refuses a hedge.
    bare = Judge()
    rejects = [c for c in HARD if not c["accepted"] and c["rule"] not in ("neighbour", "alias")]
    assert not [c["attempt"] for c in rejects if _rule(bare, c)]
