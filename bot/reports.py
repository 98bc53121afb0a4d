"""Terminal renderings of pipeline results: the build report, the fact report and one item."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from questions.models import Assessment, TriviaItem
from questions.pipeline import PipelineResult

VERDICT_STYLE = {"verified": "green", "contradicted": "red", "unverified": "yellow"}


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


def _assessment_dict(assessment: Assessment) -> dict[str, object]:
    claim = assessment.claim
    return {
        "id": claim.id,
        "document": claim.evidence.document,
        "start": claim.evidence.start,
        "end": claim.evidence.end,
        "quote": claim.evidence.quote,
        "subject": claim.subject,
        "relation": claim.relation.value,
        "value": claim.value,
        "verdict": assessment.verdict.value,
        "reason": assessment.reason,
        "correct_value": assessment.correct_value,
        "source": (
            {"title": assessment.source.title, "url": assessment.source.url}
            if assessment.source
            else None
        ),
    }


def facts_json(assessments: Sequence[Assessment], result: PipelineResult) -> str:
    """The fact report as JSON: claims, a summary per document and verdict, disagreements."""
    summary: dict[str, Counter[str]] = {}
    for item in assessments:
        summary.setdefault(item.claim.evidence.document, Counter())[item.verdict.value] += 1
    report = {
        "claims": [_assessment_dict(a) for a in assessments],
        "summary": {doc: dict(counts) for doc, counts in sorted(summary.items())},
        "disagreements": [
            {
                "subject": d.subject,
                "relation": d.relation.value,
                "values": [{"value": v, "claims": list(ids)} for v, ids in d.values],
            }
            for d in result.disagreements
        ],
        "skipped": [str(problem) for problem in result.corpus.problems],
    }
    return json.dumps(report, ensure_ascii=False, indent=2)


def print_fact_report(
    console: Console, assessments: Sequence[Assessment], result: PipelineResult
) -> None:
    """A readable table of claims with verdicts, then the summary and the disagreements."""
    table = Table(show_lines=True)
    for column in ("Claim", "Document", "Subject", "Relation", "Value", "Verdict", "Reason"):
        table.add_column(column, overflow="fold")
    for item in assessments:
        claim, verdict = item.claim, item.verdict.value
        reason = item.reason
        if item.correct_value and item.source:
            reason += f" (correct: {item.correct_value}; {item.source.url})"
        table.add_row(
            claim.id,
            claim.evidence.document,
            claim.subject,
            claim.relation.value,
            claim.value,
            f"[{VERDICT_STYLE[verdict]}]{verdict}[/]",
            reason,
        )
    console.print(table)
    counts = Counter((a.claim.evidence.document, a.verdict.value) for a in assessments)
    for (document, verdict), count in sorted(counts.items()):
        console.print(f"{document}: {count} {verdict}")
    for disagreement in result.disagreements:
        values = "; ".join(f"{v} ({len(ids)} claims)" for v, ids in disagreement.values)
        console.print(
            f"[red]disagreement[/] {disagreement.subject} {disagreement.relation.value}: {values}"
        )


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
