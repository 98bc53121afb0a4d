"""The moderators' review queue: reported questions, near misses and facts awaiting a decision.

The queue is a value; every action returns the queue without the settled items and the
effects the service must apply (award points, change accepted answers, retire a question,
record a fact decision). Keys are short and stable, so a button can carry one in its
``custom_id``. Near misses are the play engine's stored answers
(:class:`~bot.game.models.NearMiss`) of games and quiz nights alike, one kind of entry
settled one way; a night's are settled through its night, so its standings follow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TypeVar

from bot.game.models import NearMiss, PlayerRef, SessionFormat
from bot.moderation.errors import ReviewError

MAX_ACCEPTED_ANSWERS = 20

S = TypeVar("S", "ReportedQuestion", "PendingFact", NearMiss)
LAST = datetime.max.replace(tzinfo=UTC)


class ReviewKind(StrEnum):
    """What waits for review."""

    NEAR_MISS = "near"
    REPORTED_QUESTION = "question"
    PENDING_FACT = "fact"


@dataclass(frozen=True, slots=True)
class Evidence:
    """The document and exact quote a question or fact rests on."""

    document: str
    quote: str


@dataclass(frozen=True, slots=True)
class QuestionReport:
    """A player's report that a question is wrong or unclear."""

    reporter: PlayerRef
    reason: str
    reported_at: datetime


@dataclass(frozen=True, slots=True)
class ReportedQuestion:
    """A question with its reports, its accepted answers, its evidence and statistics flags.

    ``flags`` name why play statistics flagged it (see :mod:`bot.moderation.calibration`); a
    flagged question is reviewed even without reports.
    """

    item_id: str
    prompt: str
    accepted_answers: tuple[str, ...]
    evidence: Evidence
    reports: tuple[QuestionReport, ...]
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PendingFact:
    """A claim waiting for a moderator to approve or reject it."""

    claim_id: str
    statement: str
    evidence: Evidence
    submitted_at: datetime


Subject = NearMiss | ReportedQuestion | PendingFact


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One entry of the queue."""

    key: str
    kind: ReviewKind
    subject: Subject


@dataclass(frozen=True, slots=True)
class ReviewPage:
    """One page of the queue: its entries, its number (from 0) and how many pages there are."""

    items: tuple[ReviewItem, ...]
    number: int
    pages: int
    total: int
    first: int
    """The position of the page's first entry in the queue, from 0."""


@dataclass(frozen=True, slots=True)
class ReviewQueue:
    """Entries in review order: reported questions, near misses (nights', then games'), facts."""

    items: tuple[ReviewItem, ...]

    def find(self, key: str) -> ReviewItem:
        """The entry with this key.

        Raises:
            ReviewError: No entry has it (it may have been settled already).
        """
        for item in self.items:
            if item.key == key:
                return item
        raise ReviewError("That review item is gone; someone may have settled it already.")

    def page(self, number: int, size: int) -> ReviewPage:
        """The entries of page ``number`` (from 0), ``size`` to a page; past the end, the last."""
        pages = max(1, -(-len(self.items) // size))
        number = min(max(number, 0), pages - 1)
        first = number * size
        chunk = self.items[first : first + size]
        return ReviewPage(chunk, number, pages, len(self.items), first)

    def page_of(self, key: str, size: int) -> int:
        """The page (from 0) the entry with ``key`` is on, or 0 if it is not in the queue."""
        for position, item in enumerate(self.items):
            if item.key == key:
                return position // size
        return 0


@dataclass(frozen=True, slots=True)
class AcceptNearMiss:
    """Count a near miss as right: its points are credited (in its night, if it has one)."""

    miss: NearMiss


@dataclass(frozen=True, slots=True)
class RejectNearMiss:
    """Settle a near miss as wrong: it stays unscored and leaves the queue."""

    miss: NearMiss


@dataclass(frozen=True, slots=True)
class AddAcceptedAnswer:
    """Accept one more wording for a question from now on."""

    item_id: str
    form: str


@dataclass(frozen=True, slots=True)
class SetAcceptedAnswers:
    """Replace a question's accepted answers."""

    item_id: str
    answers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RetireQuestion:
    """Never ask the question again."""

    item_id: str
    reason: str
    by: PlayerRef


@dataclass(frozen=True, slots=True)
class DecideFact:
    """Record a moderator's decision on a claim."""

    claim_id: str
    approved: bool
    by: PlayerRef
    why: str


Effect = (
    AcceptNearMiss
    | RejectNearMiss
    | AddAcceptedAnswer
    | SetAcceptedAnswers
    | RetireQuestion
    | DecideFact
)


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """The queue after an action and the effects to apply."""

    queue: ReviewQueue
    effects: tuple[Effect, ...]


def near_miss_key(miss: NearMiss) -> str:
    """The stable key of a near miss: its stored answer's id."""
    return f"{ReviewKind.NEAR_MISS}:{miss.answer_id}"


def build_queue(
    near_misses: Iterable[NearMiss],
    questions: Iterable[ReportedQuestion],
    facts: Iterable[PendingFact],
) -> ReviewQueue:
    """Order everything awaiting review.

    Reported or flagged questions come first, most reports first: a wrong question keeps
    misjudging every game until it is fixed. Then the near misses: the nights' first,
    oldest first (a night's standings wait on them), then the ordinary games', oldest
    first (they can pile up), then facts, oldest first. Questions neither reported nor
    flagged are left out. The queue is shown a page at a time, so nothing behind a long
    run of one kind is out of reach.
    """
    misses = sorted(
        near_misses, key=lambda m: (m.format is not SessionFormat.NIGHT, m.submitted_at)
    )
    reported = sorted(
        (q for q in questions if q.reports or q.flags),
        key=lambda q: (-len(q.reports), min((r.reported_at for r in q.reports), default=LAST)),
    )
    pending = sorted(facts, key=lambda f: f.submitted_at)
    items = [_question_item(q) for q in reported]
    items += [ReviewItem(near_miss_key(m), ReviewKind.NEAR_MISS, m) for m in misses]
    items += [
        ReviewItem(f"{ReviewKind.PENDING_FACT}:{f.claim_id}", ReviewKind.PENDING_FACT, f)
        for f in pending
    ]
    return ReviewQueue(tuple(items))


def accept_near_miss(queue: ReviewQueue, key: str) -> ReviewOutcome:
    """Accept a near miss: its points count and its wording becomes an accepted answer.

    A night's near misses with the same wording (ignoring case and spacing) for the same
    question are accepted with it, since that wording is now right and a night's standings
    wait on them; a game's near miss is accepted alone, each on its moderator's word.

    Raises:
        ReviewError: The key names no near miss in the queue.
    """
    miss = _subject(queue, key, NearMiss)
    form = " ".join(miss.text.split())
    same = tuple(
        item.subject
        for item in queue.items
        if isinstance(item.subject, NearMiss)
        and (item.subject == miss or _same_night_wording(item.subject, miss, form))
    )
    awards = tuple(AcceptNearMiss(m) for m in same)
    remaining = tuple(item for item in queue.items if item.subject not in same)
    return ReviewOutcome(ReviewQueue(remaining), (*awards, AddAcceptedAnswer(miss.item_id, form)))


def _same_night_wording(other: NearMiss, miss: NearMiss, form: str) -> bool:
    """Whether ``other`` is a night's near miss with ``miss``'s wording on its question."""
    return (
        miss.format is SessionFormat.NIGHT
        and other.format is SessionFormat.NIGHT
        and other.item_id == miss.item_id
        and " ".join(other.text.split()).casefold() == form.casefold()
    )


def reject_near_miss(queue: ReviewQueue, key: str) -> ReviewOutcome:
    """Confirm a near miss was wrong; it leaves the queue and scores nothing.

    Raises:
        ReviewError: The key names no near miss in the queue.
    """
    miss = _subject(queue, key, NearMiss)
    return ReviewOutcome(_without(queue, lambda item: item.key == key), (RejectNearMiss(miss),))


def fix_accepted_answers(queue: ReviewQueue, item_id: str, answers: Iterable[str]) -> ReviewOutcome:
    """Replace a question's accepted answers; its reports are settled.

    Args:
        queue: The queue.
        item_id: The question.
        answers: The new accepted answers; blanks and repeats (ignoring case) are dropped.

    Raises:
        ReviewError: No answer is left, or there are more than ``MAX_ACCEPTED_ANSWERS``.
    """
    kept: dict[str, str] = {}
    for answer in answers:
        form = " ".join(answer.split())
        if form:
            kept.setdefault(form.casefold(), form)
    if not kept:
        raise ReviewError("A question needs at least one accepted answer.")
    if len(kept) > MAX_ACCEPTED_ANSWERS:
        raise ReviewError(f"A question takes at most {MAX_ACCEPTED_ANSWERS} accepted answers.")
    remaining = _without(queue, lambda item: _is_report_on(item, item_id))
    return ReviewOutcome(remaining, (SetAcceptedAnswers(item_id, tuple(kept.values())),))


def retire_question(queue: ReviewQueue, item_id: str, reason: str, by: PlayerRef) -> ReviewOutcome:
    """Retire a question: never asked again; its reports and near misses leave the queue.

    Raises:
        ReviewError: The reason is blank.
    """
    if not reason.strip():
        raise ReviewError("Say why the question is retired.")

    def about(item: ReviewItem) -> bool:
        near = isinstance(item.subject, NearMiss) and item.subject.item_id == item_id
        return near or _is_report_on(item, item_id)

    return ReviewOutcome(_without(queue, about), (RetireQuestion(item_id, reason.strip(), by),))


def dismiss_reports(queue: ReviewQueue, key: str) -> ReviewOutcome:
    """Keep a reported question as it is; its reports leave the queue.

    Raises:
        ReviewError: The key names no reported question in the queue.
    """
    _subject(queue, key, ReportedQuestion)
    return ReviewOutcome(_without(queue, lambda item: item.key == key), ())


def decide_fact(
    queue: ReviewQueue, key: str, approved: bool, by: PlayerRef, why: str
) -> ReviewOutcome:
    """Approve or reject a pending fact, with the reason on record.

    Raises:
        ReviewError: The key names no pending fact, or the reason is blank.
    """
    fact = _subject(queue, key, PendingFact)
    if not why.strip():
        raise ReviewError("Say why, so the decision can be checked later.")
    decision = DecideFact(fact.claim_id, approved, by, why.strip())
    return ReviewOutcome(_without(queue, lambda item: item.key == key), (decision,))


def _question_item(question: ReportedQuestion) -> ReviewItem:
    return ReviewItem(
        f"{ReviewKind.REPORTED_QUESTION}:{question.item_id}",
        ReviewKind.REPORTED_QUESTION,
        question,
    )


def _is_report_on(item: ReviewItem, item_id: str) -> bool:
    return isinstance(item.subject, ReportedQuestion) and item.subject.item_id == item_id


def _subject(queue: ReviewQueue, key: str, kind: type[S]) -> S:
    subject = queue.find(key).subject
    if not isinstance(subject, kind):
        raise ReviewError("That action does not fit this review item.")
    return subject


def _without(queue: ReviewQueue, settled: Callable[[ReviewItem], bool]) -> ReviewQueue:
    return ReviewQueue(tuple(item for item in queue.items if not settled(item)))
