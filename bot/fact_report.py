"""Terminal and JSON renderings of the fact report: every claim with its verdict."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from questions.models import Assessment
from questions.pipeline import PipelineResult

VERDICT_STYLE = {
    "verified": "green",
    "contradicted": "red",
    "unverified": "yellow",
    "disputed": "magenta",
}


def _assessment_dict(assessment: Assessment) -> dict[str, object]:
    claim = assessment.claim
    return {
        "id": claim.id,
        "document": claim.evidence.document,
        "start": claim.evidence.start,
        "end": claim.evidence.end,
        "quote": claim.evidence.quote,
        "subject": claim.subject,
        "role": claim.role,
        "relation": claim.relation.value,
        "value": claim.value,
        "verdict": assessment.verdict.value,
        "reason": assessment.reason,
        "confidence": claim.confidence,
        "attribution": claim.attribution,
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
        "reference_notes": list(result.reference_notes),
        "summary": {doc: dict(counts) for doc, counts in sorted(summary.items())},
        "disagreements": [
            {
                "subject": d.subject,
                "titles": list(d.titles),
                "documents": list(d.documents),
                "relation": d.relation.value,
                "values": [{"value": v, "claims": list(ids)} for v, ids in d.values],
            }
            for d in result.disagreements
        ],
        "agreements": [
            {
                "subject": a.subject,
                "titles": list(a.titles),
                "documents": list(a.documents),
                "relation": a.relation.value,
                "value": a.value,
                "claims": list(a.claims),
            }
            for a in result.agreements
        ],
        "reopened_decisions": [
            {"claim": r.decision.claim, "by": r.decision.by, "reason": r.reason}
            for r in result.reopened
        ],
        "skipped": [str(problem) for problem in result.corpus.problems],
    }
    return json.dumps(report, ensure_ascii=False, indent=2)


def print_fact_report(
    console: Console, assessments: Sequence[Assessment], result: PipelineResult
) -> None:
    """A readable table of claims with verdicts, then the summary and the disagreements."""
    table = Table(show_lines=True)
    columns = (
        "Claim",
        "Document",
        "Quote",
        "Subject",
        "Relation",
        "Value",
        "Verdict",
        "Confidence",
        "Reason",
    )
    for column in columns:
        table.add_column(column, overflow="fold")
    for item in assessments:
        claim, verdict = item.claim, item.verdict.value
        reason = item.reason
        if item.correct_value and item.source:
            reason += f" (correct: {item.correct_value}; {item.source.url})"
        table.add_row(
            claim.id,
            claim.evidence.document,
            claim.evidence.quote,
            claim.subject,
            claim.relation.value,
            claim.value,
            f"[{VERDICT_STYLE[verdict]}]{verdict}[/]",
            f"{claim.confidence:.2f}: {claim.attribution}",
            reason,
        )
    console.print(table)
    counts = Counter((a.claim.evidence.document, a.verdict.value) for a in assessments)
    for (document, verdict), count in sorted(counts.items()):
        console.print(f"{document}: {count} {verdict}")
    for disagreement in result.disagreements:
        values = "; ".join(f"{v} ({', '.join(ids)})" for v, ids in disagreement.values)
        titles = " / ".join(disagreement.titles)
        console.print(f"[red]disagreement[/] {titles} {disagreement.relation.value}: {values}")
    for agreement in result.agreements:
        console.print(
            f"[cyan]agreement (not evidence)[/] {' / '.join(agreement.titles)} "
            f"{agreement.relation.value} = {agreement.value} in {', '.join(agreement.documents)}"
        )
    for reopened in result.reopened:
        console.print(
            f"[yellow]re-opened decision[/] {reopened.decision.claim} "
            f"by {reopened.decision.by}: {reopened.reason}"
        )
    for note in result.reference_notes:
        console.print(f"[magenta]references[/] {note}")
