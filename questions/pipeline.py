"""Run the whole pipeline: documents to claims, verdicts, verified facts and items."""

from __future__ import annotations

import logging
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from questions.build import BuildResult, build_items, collect_facts
from questions.catalogue import Catalogue
from questions.decisions import Decisions, Reopened, apply_decisions
from questions.extract import Extractor
from questions.models import Assessment, Claim, VerifiedFact
from questions.sources import Corpus, read_corpus
from questions.verify import (
    Agreement,
    CatalogueVerifier,
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


def assess_corpus(corpus: Corpus, catalogue: Catalogue) -> tuple[Assessment, ...]:
    """Extract and verify the claims of every document in the corpus."""
    extractor = Extractor(catalogue)
    claims = [claim for doc in corpus.documents for claim in extractor.extract(doc)]
    return tuple(verify_claims(claims, CatalogueVerifier(catalogue)))


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
    assessments, reopened = apply_decisions(
        assess_corpus(corpus, catalogue), decisions or Decisions()
    )
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
