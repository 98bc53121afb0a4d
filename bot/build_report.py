"""Terminal renderings of a bank build: the build report and single items."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from questions.models import TriviaItem
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
    for rejection in result.build.rejected:
        fact = rejection.fact
        console.print(
            f"[yellow]no item[/] {fact.subject} {fact.relation.value} {fact.value}: "
            f"{rejection.reason}"
        )
    console.print(f"bank written to {out}")


def print_item(console: Console, item: TriviaItem) -> None:
    """One item with its answers and every piece of evidence."""
    console.print(
        f"[bold]{item.id}[/] ({item.type.value}, {item.category}, difficulty {item.difficulty})"
    )
    console.print(item.question)
    for letter, choice in zip("ABCD", item.choices, strict=False):
        console.print(f"  {letter}) {choice}")
    console.print(f"answers: {' | '.join(item.answers)}")
    console.print(f"fact: {item.fact.subject} — {item.fact.relation} — {item.fact.value}")
    for quote in item.sources:
        console.print(f"  {quote.document}: “{quote.quote}”")
