"""Measure the answer judge on the tuning set and, separately, on the held-out set.

The tuning set (tests/data/judge_cases.yaml) is what the judge's rules were written
against: its figures say little about players nobody here has seen. The held-out set
(tests/data/judge_heldout.yaml) was written by someone who had not read the judge, from
the question bank and the brief only; it is judged exactly as the game judges
(a `Judge` with the shipped reference catalogue's aliases, the question text given).

For each set: agreement, false-accept rate (wrongly accepted / should be rejected) and
false-reject rate (wrongly rejected / should be accepted), overall and per kind of case.
Misses are listed for the tuning set only. The held-out set's misses are not printed:
a case read to fix a rule is no longer held out (move it to the tuning set and have it
replaced). Exits non-zero when the held-out set misses a target or a hard tuning case
fails.

Usage: python scripts/judge_eval.py [--cases PATH] [--heldout PATH] [--markdown]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.game.judging import AliasIndex, Judge
from questions.references import load_default_catalogue

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
CASES = DATA / "judge_cases.yaml"
HELDOUT = DATA / "judge_heldout.yaml"
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

    @property
    def met(self) -> bool:
        return (
            self.accuracy >= TARGET_ACCURACY
            and self.false_accept_rate <= TARGET_FALSE_ACCEPTS
            and self.false_reject_rate <= TARGET_FALSE_REJECTS
        )

    def add(self, expected: bool, got: bool) -> None:
        if expected:
            self.accepts += 1
            self.false_rejects += not got
        else:
            self.rejects += 1
            self.false_accepts += got


@dataclass(frozen=True)
class Case:
    """One labelled attempt, in either file's format."""

    group: str
    attempt: str
    answers: list[str]
    kind: str
    choices: list[str] | None
    question: str | None
    accepted: bool
    hard: bool


@dataclass
class Report:
    name: str
    overall: Tally
    groups: dict[str, Tally]
    misses: list[Case]

    @property
    def hard_misses(self) -> int:
        return sum(case.hard for case in self.misses)


def tuning_cases(path: Path) -> tuple[Judge, list[Case]]:
    """The tuning set, judged with its own alias groups (it needs no catalogue)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = [
        Case(
            group=case["rule"],
            attempt=case["attempt"] * case.get("repeat", 1),
            answers=case["answers"],
            kind=case["kind"],
            choices=case.get("choices"),
            question=case.get("question"),
            accepted=case["accepted"],
            hard=case.get("hard", False),
        )
        for case in data["cases"]
    ]
    entries = data["aliases"]
    groups = [entry["names"] if isinstance(entry, dict) else entry for entry in entries]
    kinds = [entry.get("kind", "") if isinstance(entry, dict) else "" for entry in entries]
    return Judge(AliasIndex.from_groups(groups, kinds)), cases


def heldout_cases(path: Path) -> list[Case]:
    """The held-out set: ``cases`` with kind_of_case, question, answers, type, attempt..."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Case(
            group=str(case["kind_of_case"]),
            attempt=str(case["attempt"]),
            answers=[str(answer) for answer in case["answers"]],
            kind=case["type"],
            choices=[str(choice) for choice in case["choices"]] if case.get("choices") else None,
            question=case.get("question"),
            accepted=bool(case["accepted"]),
            hard=False,
        )
        for case in data["cases"]
    ]


def evaluate(name: str, judge: Judge, cases: Iterable[Case]) -> Report:
    overall, groups = Tally(), defaultdict(Tally)
    misses = []
    for case in cases:
        got = judge.judge(
            case.attempt,
            case.answers,
            kind=case.kind,  # type: ignore[arg-type]
            choices=case.choices,
            question=case.question,
        ).accepted
        overall.add(case.accepted, got)
        groups[case.group].add(case.accepted, got)
        if got != case.accepted:
            misses.append(case)
    return Report(name, overall, dict(groups), misses)


def text_row(name: str, tally: Tally) -> str:
    return (
        f"{name:<26} {tally.total:>5} {tally.accuracy:>9.1%} "
        f"{tally.false_accept_rate:>8.1%} ({tally.false_accepts:>2}/{tally.rejects:<3}) "
        f"{tally.false_reject_rate:>8.1%} ({tally.false_rejects:>2}/{tally.accepts:<3})"
    )


def markdown_row(name: str, tally: Tally) -> str:
    return (
        f"| {name} | {tally.total} | {tally.accuracy:.1%} "
        f"| {tally.false_accept_rate:.1%} ({tally.false_accepts}/{tally.rejects}) "
        f"| {tally.false_reject_rate:.1%} ({tally.false_rejects}/{tally.accepts}) |"
    )


def print_report(report: Report, markdown: bool) -> None:
    row: Callable[[str, Tally], str] = markdown_row if markdown else text_row
    print(f"\n{report.name}")
    if markdown:
        print("\n| kind of case | cases | agreement | false accepts | false rejects |")
        print("| --- | ---: | ---: | ---: | ---: |")
    else:
        print(f"{'kind of case':<26} {'cases':>5} {'agreement':>9} {'false accepts':>16} "
              f"{'false rejects':>16}")  # fmt: skip
    for group in sorted(report.groups):
        print(row(group, report.groups[group]))
    print(row("**overall**" if markdown else "OVERALL", report.overall))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES, help="the tuning set")
    parser.add_argument("--heldout", type=Path, default=HELDOUT, help="the held-out set")
    parser.add_argument("--markdown", action="store_true", help="tables for the README")
    args = parser.parse_args()

    judge, cases = tuning_cases(args.cases)
    tuning = evaluate("Tuning set (the judge was written against it)", judge, cases)
    print_report(tuning, args.markdown)
    print(f"hard cases failed: {tuning.hard_misses}")
    if not args.markdown:
        for case in tuning.misses:
            verdict = "accept" if case.accepted else "reject"
            hard = "HARD " if case.hard else ""
            print(
                f"  {hard}miss [{case.group}] should {verdict}: {case.attempt[:60]!r}"
                f" vs {case.answers}"
            )

    met = not tuning.hard_misses
    if args.heldout.exists():
        game_judge = Judge.from_catalogue(load_default_catalogue())
        heldout = evaluate(
            "Held-out set (judged as the game judges; misses not listed)",
            game_judge,
            heldout_cases(args.heldout),
        )
        print_report(heldout, args.markdown)
        met = met and heldout.overall.met
    else:
        print(f"\nno held-out set at {args.heldout}: nothing measured beyond the tuning set")
        met = False
    targets = (
        f"targets: agreement >= {TARGET_ACCURACY:.0%}, false accepts <= "
        f"{TARGET_FALSE_ACCEPTS:.0%}, false rejects <= {TARGET_FALSE_REJECTS:.0%} (held-out)"
    )
    print(f"\n{targets}: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
