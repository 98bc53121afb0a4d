"""Run the whole pipeline: documents to claims, verdicts, verified facts and items."""

from __future__ import annotations

import logging
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from questions.build import BuildResult, build_items, collect_facts
from questions.catalogue import Catalogue
from questions.decisions import Decisions, DecisionsApplied, Reopened, apply_decisions
from questions.errors import DocumentError
from questions.extract import Extractor
from questions.models import Assessment, Claim, Document, VerifiedFact
from questions.sources import Corpus, iter_documents, read_corpus
from questions.verify import (
    Agreement,
    CatalogueVerifier,
    Comparisons,
    Disagreement,
    find_agreements,
    find_disagreements,
    verify_claims,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PipelineResult:
    """Everything one run produced, stage by stage."""

    corpus: Corpus
    claims: tuple[Claim, ...]
    assessments: tuple[Assessment, ...]
    disagreements: tuple[Disagreement, ...]
    facts: tuple[VerifiedFact, ...]
    build: BuildResult
    agreements: tuple[Agreement, ...] = ()
    reopened: tuple[Reopened, ...] = ()
    # What loading the references noted: a host's overrides, cited sources disagreeing.
    reference_notes: tuple[str, ...] = ()


def assess_document(
    document: Document, extractor: Extractor, verifier: CatalogueVerifier
) -> tuple[Assessment, ...] | DocumentError:
    """The claims of one document with their verdicts, or why they could not be had.

    A failure of our own on one document (a fault in the extractor or the verifier, never
    the document's) keeps that document out as a problem naming it, with the error's type,
    instead of stopping every other document; the traceback goes to the debug log.
    """
    try:
        # verify_claims weighs claims against each other only within a sentence, so one
        # document at a time gives the verdicts the whole corpus at once would.
        return tuple(verify_claims(extractor.extract(document), verifier))
    except Exception as exc:  # isolating one document is the point
        log.debug("assessing document %s failed", document.id, exc_info=True)
        return DocumentError(
            document.id,
            f"not assessed: an internal error ({type(exc).__name__}) while reading it; "
            "the other documents were read (please report this document)",
        )


def assess_corpus_checked(
    corpus: Corpus, catalogue: Catalogue
) -> tuple[tuple[Assessment, ...], Corpus]:
    """The claims of every document with their verdicts, and the corpus as it was assessed.

    A document that could not be assessed (see :func:`assess_document`) moves from the
    returned corpus's documents to its problems.
    """
    extractor, verifier = Extractor(catalogue), CatalogueVerifier(catalogue)
    assessments: list[Assessment] = []
    kept: list[Document] = []
    problems = list(corpus.problems)
    for document in corpus.documents:
        assessed = assess_document(document, extractor, verifier)
        if isinstance(assessed, DocumentError):
            problems.append(assessed)
        else:
            kept.append(document)
            assessments.extend(assessed)
    return tuple(assessments), Corpus(tuple(kept), tuple(problems))


def assess_corpus(corpus: Corpus, catalogue: Catalogue) -> tuple[Assessment, ...]:
    """Extract and verify the claims of every document in the corpus.

    Raises:
        DocumentError: a document could not be assessed (a measurement must not pass over
            a document silently; the pipeline's own runs skip it instead).
    """
    assessments, checked = assess_corpus_checked(corpus, catalogue)
    failed = checked.problems[len(corpus.problems) :]
    if failed:
        raise failed[0]
    return assessments


def run_pipeline(
    seeds: Path,
    catalogue: Catalogue,
    rng: random.Random,
    decisions: Decisions | None = None,
) -> PipelineResult:
    """Read ``seeds``, verify every claim and build items from the verified facts only.

    Moderator ``decisions`` override verdicts; a decision whose quote no longer matches the
    document is ignored and reported in ``result.reopened``.

    Raises:
        DocumentError: ``seeds`` is not a folder (problems with single documents are
            collected in ``result.corpus.problems`` instead).
    """
    return _run(read_corpus(seeds), catalogue, rng, decisions)


def _run(
    corpus: Corpus, catalogue: Catalogue, rng: random.Random, decisions: Decisions | None
) -> PipelineResult:
    assessed, corpus = assess_corpus_checked(corpus, catalogue)
    assessments, reopened = apply_decisions(assessed, decisions or Decisions())
    verdicts = Counter(a.verdict.value for a in assessments)
    log.info(
        "documents=%d claims=%d verdicts=%s",
        len(corpus.documents),
        len(assessments),
        dict(verdicts),
    )
    facts = tuple(collect_facts(assessments, catalogue))
    built = build_items(facts, catalogue, rng)
    log.info(
        "verified facts=%d items=%d rejected=%d", len(facts), len(built.items), len(built.rejected)
    )
    return PipelineResult(
        corpus=corpus,
        claims=tuple(a.claim for a in assessments),
        assessments=assessments,
        disagreements=tuple(find_disagreements(assessments)),
        facts=facts,
        build=built,
        agreements=tuple(find_agreements(assessments)),
        reopened=reopened,
        reference_notes=catalogue.notes,
    )


@dataclass(frozen=True, slots=True)
class DocumentAssessed:
    """The claims of one document, each with its verdict (moderators' decisions applied)."""

    document: str
    assessments: tuple[Assessment, ...]


@dataclass(frozen=True, slots=True)
class StreamSummary:
    """What a report over a whole folder adds once every document was assessed.

    The disagreements and agreements between documents are made one at a time as they
    are asked for (over a large folder, they name most claims).
    """

    documents: int
    claims: int
    verdicts: dict[str, int]
    problems: tuple[DocumentError, ...]
    reopened: tuple[Reopened, ...]
    reference_notes: tuple[str, ...]
    comparisons: Comparisons

    def disagreements(self) -> Iterator[Disagreement]:
        """Subjects on which documents state different values of a single-valued relation."""
        return self.comparisons.disagreements()

    def agreements(self) -> Iterator[Agreement]:
        """Values that two or more documents state about the same subject."""
        return self.comparisons.agreements()


class AssessmentStream:
    """Extract and verify a folder's documents one at a time, for a report that streams.

    Each document is read, assessed, handed out and let go before the next is read (the
    order and verdicts are those of :func:`run_pipeline`). What the report needs across
    documents is kept compact while they pass: the comparisons between documents (a few
    bytes per claim), the decided claims met, verdict counts and the problems; the
    extractor's and verifier's own caches are bounded.

    Raises:
        DocumentError: ``folder`` is not a folder (at once, before anything is read).
    """

    def __init__(
        self, folder: Path, catalogue: Catalogue, decisions: Decisions | None = None
    ) -> None:
        self._read = iter_documents(folder)
        self._catalogue = catalogue
        self._extractor = Extractor(catalogue)
        self._verifier = CatalogueVerifier(catalogue)
        self._decided = DecisionsApplied(decisions or Decisions())
        self._comparisons = Comparisons()
        self._problems: list[DocumentError] = []
        self._verdicts: Counter[str] = Counter()
        self._documents = 0

    def __iter__(self) -> Iterator[DocumentAssessed]:
        """Each readable document's assessed claims, in the folder's (sorted) order."""
        for read in self._read:
            if isinstance(read, DocumentError):
                self._problems.append(read)
                continue
            verified = assess_document(read, self._extractor, self._verifier)
            if isinstance(verified, DocumentError):
                self._problems.append(verified)
                continue
            yield self._assessed(read.id, verified)

    def _assessed(self, document: str, verified: tuple[Assessment, ...]) -> DocumentAssessed:
        self._documents += 1
        assessed = tuple(map(self._decided.apply, verified))
        for item in assessed:
            self._comparisons.add(item)
            self._verdicts[item.verdict.value] += 1
        return DocumentAssessed(document, assessed)

    def summary(self) -> StreamSummary:
        """The folder's summary: complete once iteration has ended."""
        claims = sum(self._verdicts.values())
        log.info(
            "documents=%d claims=%d verdicts=%s", self._documents, claims, dict(self._verdicts)
        )
        return StreamSummary(
            documents=self._documents,
            claims=claims,
            verdicts=dict(self._verdicts),
            problems=tuple(self._problems),
            reopened=self._decided.reopened(),
            reference_notes=self._catalogue.notes,
            comparisons=self._comparisons,
        )
