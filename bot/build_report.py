"""Terminal renderings of a bank build: the build report and single items."""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from questions.gate import GateRejection
from questions.models import TriviaItem
from questions.packs.models import community_label
from questions.pipeline import PipelineResult


def _counts_table(title: str, counts: Counter[str]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(title.split()[-1].capitalize())
    table.add_column("Items", justify="right")
    for key, count in sorted(counts.items()):
        table.add_row(key, str(count))
    return table


def print_build_report(console: Console, result: PipelineResult, out: Path) -> None:
    """Counts per type, category and relation, skipped documents and facts without items."""
    items = result.build.items
    for problem in result.corpus.problems:
        console.print(f"[yellow]skipped document[/] {problem}")
    verdicts = Counter(a.verdict.value for a in result.assessments)
    console.print(
        f"{len(result.corpus.documents)} documents, {len(result.assessments)} claims "
        f"({', '.join(f'{v} {k}' for k, v in sorted(verdicts.items()))}), "
        f"{len(result.facts)} verified facts, {len(items)} items"
    )
    console.print(_counts_table("Items per type", Counter(i.type.value for i in items)))
    console.print(_counts_table("Items per category", Counter(i.category for i in items)))
    console.print(_counts_table("Items per relation", Counter(i.fact.relation for i in items)))
    gated = result.build.gated
    if gated:
        console.print(_counts_table("Rejected by the quality gate, per rule", _rules(gated)))
    for rejected in gated:
        console.print(f"[dim]gate[/] {rejected.rule}: {rejected.item.id} {rejected.detail}")
    covered = len(result.facts) - len(result.build.rejected)
    console.print(f"verified facts with at least one item: {covered} of {len(result.facts)}")
    for rejection in result.build.rejected:
        fact = rejection.fact
        console.print(
            f"[yellow]no item[/] {fact.subject} {fact.relation.value} {fact.value}: "
            f"{rejection.reason}"
        )
    console.print(f"bank written to {out}")


def _rules(gated: Sequence[GateRejection]) -> Counter[str]:
    return Counter(rejected.rule for rejected in gated)


def print_item(console: Console, item: TriviaItem) -> None:
    """One item with its answers, its standing (verified or imported) and every quote."""
    console.print(
        f"[bold]{item.id}[/] ({item.type.value}, {item.category}, difficulty {item.difficulty})"
    )
    console.print(item.question, markup=False)
    for letter, choice in zip(string.ascii_uppercase, item.choices, strict=False):
        mark = "  ← correct" if choice in item.answers else ""
        console.print(f"  {letter}) {choice}{mark}", markup=False)
    console.print(f"accepted answers: {' | '.join(item.answers)}", markup=False)
    if item.verified:
        console.print(
            f"verified fact: {item.fact.subject} — {item.fact.relation} — {item.fact.value}"
        )
        console.print(f"evidence ({len(item.sources)} quote(s), origin {item.origin}):")
    else:
        console.print(f"[yellow]{community_label(item.origin)}[/]", markup=True)
    for quote in item.sources:
        console.print(f"  {quote.document}: “{quote.quote}”", markup=False)
