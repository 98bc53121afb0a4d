"""The fact report, written as documents are assessed: a table, plain lines or JSON.

Every view streams: a document's claims are written once it is assessed, before the next
document is read; only what is compared across documents (a few bytes a claim) is kept,
and the disagreements and agreements it finds come at the end. On a terminal the report
is a table per document; anywhere else (a pipe, a file) one tab-separated line per claim,
then the summary; ``--json`` is one JSON document, written claim by claim.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from questions.models import Assessment
from questions.pipeline import AssessmentStream, StreamSummary
from questions.verify import Agreement, Disagreement

VERDICT_STYLE = {
    "verified": "green",
    "contradicted": "red",
    "unverified": "yellow",
    "disputed": "magenta",
}
LINE_COLUMNS = ("claim", "document", "verdict", "subject", "relation", "value", "reason", "quote")
LINE_QUOTE_CHARS = 100  # the whole quote is in --json; a line shows enough to find it
# The summary's kinds of line: how each begins, and its colour on a terminal.
LABELS = {
    "disagreement": "disagreement",
    "agreement": "agreement (not evidence)",
    "re-opened": "re-opened decision",
    "references": "references",
    "skipped": "skipped",
}
LABEL_STYLE = {
    "disagreement": "red",
    "agreement": "cyan",
    "re-opened": "yellow",
    "references": "magenta",
    "skipped": "yellow",
}

Keep = Callable[[Assessment], bool]


def _shown(stream: AssessmentStream, keep: Keep) -> Iterator[Assessment]:
    for document in stream:
        yield from filter(keep, document.assessments)


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


def _dumped(value: object, indent: str) -> str:
    """``value`` as indented JSON, nested ``indent`` deep in the report."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


def write_facts_json(out: TextIO, stream: AssessmentStream, keep: Keep) -> StreamSummary:
    """Write the report as one JSON document, each claim as soon as it is assessed.

    The document is the one a single ``json.dumps(report, indent=2)`` would give: the
    claims, then the references' notes, a summary per document and verdict, the
    disagreements and agreements between documents, re-opened decisions and the
    documents skipped.
    """
    counts: dict[str, Counter[str]] = {}

    def counted(item: Assessment) -> dict[str, object]:
        counts.setdefault(item.claim.evidence.document, Counter())[item.verdict.value] += 1
        return _assessment_dict(item)

    _write_array(out, "claims", map(counted, _shown(stream, keep)), lead="{")
    summary = stream.summary()
    out.write(f',\n  "reference_notes": {_dumped(list(summary.reference_notes), "  ")}')
    by_document = {doc: dict(verdicts) for doc, verdicts in sorted(counts.items())}
    out.write(f',\n  "summary": {_dumped(by_document, "  ")}')
    _write_array(out, "disagreements", map(_disagreement_dict, summary.disagreements()))
    _write_array(out, "agreements", map(_agreement_dict, summary.agreements()))
    reopened = [
        {"claim": r.decision.claim, "by": r.decision.by, "reason": r.reason}
        for r in summary.reopened
    ]
    out.write(f',\n  "reopened_decisions": {_dumped(reopened, "  ")}')
    skipped = [str(problem) for problem in summary.problems]
    out.write(f',\n  "skipped": {_dumped(skipped, "  ")}\n}}\n')
    return summary


def _write_array(out: TextIO, key: str, values: Iterable[object], lead: str = ",") -> None:
    """Write ``"key": [...]`` one value at a time, as ``json.dumps(indent=2)`` would."""
    out.write(f"{lead}\n  {json.dumps(key)}: [")
    separator = "\n    "
    for value in values:
        out.write(separator + _dumped(value, "    "))
        separator = ",\n    "
    out.write("\n  ]" if separator != "\n    " else "]")


def _disagreement_dict(d: Disagreement) -> dict[str, object]:
    return {
        "subject": d.subject,
        "titles": list(d.titles),
        "documents": list(d.documents),
        "relation": d.relation.value,
        "values": [{"value": v, "claims": list(ids)} for v, ids in d.values],
    }


def _agreement_dict(a: Agreement) -> dict[str, object]:
    return {
        "subject": a.subject,
        "titles": list(a.titles),
        "documents": list(a.documents),
        "relation": a.relation.value,
        "value": a.value,
        "claims": list(a.claims),
    }


def _reason(item: Assessment) -> str:
    if item.correct_value and item.source:
        return f"{item.reason} (correct: {item.correct_value}; {item.source.url})"
    return item.reason


def _field(text: str) -> str:
    return " ".join(text.split())  # one line, no tabs: a field of a tab-separated line


def write_fact_lines(out: TextIO, stream: AssessmentStream, keep: Keep) -> StreamSummary:
    """Write one tab-separated line per claim as it is assessed, then the summary.

    For output that is not a terminal: ``grep``, ``cut -f`` and ``sort`` work on it, and
    its size grows with the claims, not with a table's borders and folded cells. The
    quote is cut to :data:`LINE_QUOTE_CHARS` (``--json`` has it whole, with confidence
    and attribution).
    """
    out.write("\t".join(LINE_COLUMNS) + "\n")
    shown: Counter[str] = Counter()
    for item in _shown(stream, keep):
        claim = item.claim
        quote = _field(claim.evidence.quote)
        if len(quote) > LINE_QUOTE_CHARS:
            quote = quote[: LINE_QUOTE_CHARS - 1] + "…"
        fields = (claim.id, claim.evidence.document, item.verdict.value, claim.subject)
        stated = (claim.relation.value, claim.value, _reason(item), quote)
        out.write("\t".join(map(_field, (*fields, *stated))) + "\n")
        shown[item.verdict.value] += 1
    summary = stream.summary()
    out.write("\n")
    for label, text in _summary_lines(summary, shown):
        out.write(f"{LABELS[label]} {text}\n" if label else text + "\n")
    return summary


def _summary_lines(summary: StreamSummary, shown: Counter[str]) -> Iterator[tuple[str, str]]:
    """The summary, one (label, text) pair a line; the counts line has no label."""
    total = sum(shown.values())
    verdicts = ", ".join(f"{count} {verdict}" for verdict, count in sorted(shown.items()))
    yield (
        "",
        (
            f"{summary.documents} documents read, {len(summary.problems)} skipped; "
            f"{total} of {summary.claims} claims shown" + (f": {verdicts}" if verdicts else "")
        ),
    )
    for disagreement in summary.disagreements():
        values = "; ".join(f"{v} ({', '.join(ids)})" for v, ids in disagreement.values)
        titles = " / ".join(disagreement.titles)
        yield "disagreement", f"{titles} {disagreement.relation.value}: {values}"
    for agreement in summary.agreements():
        titles = " / ".join(agreement.titles)
        where = ", ".join(agreement.documents)
        yield "agreement", f"{titles} {agreement.relation.value} = {agreement.value} in {where}"
    for reopened in summary.reopened:
        decision = reopened.decision
        yield "re-opened", f"{decision.claim} by {decision.by}: {reopened.reason}"
    for note in summary.reference_notes:
        yield "references", note
    for problem in summary.problems:
        yield "skipped", str(problem)


COLUMNS = ("Claim", "Quote", "Subject", "Relation", "Value", "Verdict", "Confidence", "Reason")


def print_fact_table(console: Console, stream: AssessmentStream, keep: Keep) -> StreamSummary:
    """A table per document, printed once the document is assessed, then the summary."""
    shown: Counter[str] = Counter()
    for document in stream:
        items = [item for item in document.assessments if keep(item)]
        if not items:
            continue
        table = Table(title=escape(document.document), show_lines=True)
        for column in COLUMNS:
            table.add_column(column, overflow="fold")
        for item in items:
            claim, verdict = item.claim, item.verdict.value
            table.add_row(
                *map(escape, (claim.id, claim.evidence.quote, claim.subject)),
                *map(escape, (claim.relation.value, claim.value)),
                f"[{VERDICT_STYLE[verdict]}]{verdict}[/]",
                escape(f"{claim.confidence:.2f}: {claim.attribution}"),
                escape(_reason(item)),
            )
        console.print(table)
        counts = Counter(item.verdict.value for item in items)
        console.print(
            f"{escape(document.document)}: "
            + ", ".join(f"{count} {verdict}" for verdict, count in sorted(counts.items()))
        )
        shown.update(counts)
    summary = stream.summary()
    for label, text in _summary_lines(summary, shown):
        styled = f"[{LABEL_STYLE[label]}]{LABELS[label]}[/] " if label else ""
        console.print(styled + escape(text))
    return summary
