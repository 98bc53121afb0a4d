"""Measure the answer judge against the labelled set in tests/data/judge_cases.yaml.

Prints accuracy, false-accept rate (wrongly accepted / should be rejected) and
false-reject rate (wrongly rejected / should be accepted), overall and per rule, then
lists every miss. Exits non-zero when a target is missed or a hard case fails.

Usage: python scripts/judge_eval.py [--cases PATH]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.game.judging import AliasIndex, Judge

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "judge_cases.yaml"
TARGET_ACCURACY = 0.97
TARGET_FALSE_ACCEPTS = 0.01
TARGET_FALSE_REJECTS = 0.04


@dataclass
class Tally:
    accepts: int = 0
    rejects: int = 0
    false_accepts: int = 0
    false_rejects: int = 0

    @property
    def total(self) -> int:
        return self.accepts + self.rejects

    @property
    def accuracy(self) -> float:
        return 1 - (self.false_accepts + self.false_rejects) / self.total if self.total else 1.0

    @property
    def false_accept_rate(self) -> float:
        return self.false_accepts / self.rejects if self.rejects else 0.0

    @property
    def false_reject_rate(self) -> float:
        return self.false_rejects / self.accepts if self.accepts else 0.0

    def add(self, expected: bool, got: bool) -> None:
        if expected:
            self.accepts += 1
            self.false_rejects += not got
        else:
            self.rejects += 1
            self.false_accepts += got


def load(path: Path) -> tuple[Judge, list[dict]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Judge(AliasIndex.from_groups(data["aliases"])), data["cases"]


def run(judge: Judge, case: dict) -> bool:
    attempt = case["attempt"] * case.get("repeat", 1)
    ruling = judge.judge(attempt, case["answers"], kind=case["kind"], choices=case.get("choices"))
    return ruling.accepted


def row(name: str, tally: Tally) -> str:
    return (
        f"{name:<26} {tally.total:>5} {tally.accuracy:>9.1%} "
        f"{tally.false_accept_rate:>8.1%} ({tally.false_accepts:>2}/{tally.rejects:<3}) "
        f"{tally.false_reject_rate:>8.1%} ({tally.false_rejects:>2}/{tally.accepts:<3})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    args = parser.parse_args()
    judge, cases = load(args.cases)
    overall, by_rule = Tally(), defaultdict(Tally)
    misses, hard_misses = [], 0
    for case in cases:
        got = run(judge, case)
        overall.add(case["accepted"], got)
        by_rule[case["rule"]].add(case["accepted"], got)
        if got != case["accepted"]:
            misses.append(case)
            hard_misses += case.get("hard", False)
    print(f"{'rule':<26} {'cases':>5} {'accuracy':>9} {'false accepts':>16} {'false rejects':>16}")
    for rule in sorted(by_rule):
        print(row(rule, by_rule[rule]))
    print(row("OVERALL", overall))
    print(f"hard cases failed: {hard_misses}")
    for case in misses:
        verdict = "accept" if case["accepted"] else "reject"
        hard = "HARD " if case.get("hard") else ""
        print(
            f"  {hard}miss [{case['rule']}] should {verdict}: {case['attempt'][:60]!r}"
            f" vs {case['answers']}"
        )
    met = (
        overall.accuracy >= TARGET_ACCURACY
        and overall.false_accept_rate <= TARGET_FALSE_ACCEPTS
        and overall.false_reject_rate <= TARGET_FALSE_REJECTS
        and not hard_misses
    )
    print("targets met" if met else "TARGETS MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
