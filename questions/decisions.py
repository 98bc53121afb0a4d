"""Moderator decisions: approve or reject a claim, with who, when, why and the quote.

Decisions live in a YAML file of their own, so they survive rebuilds of the bank. Each
decision stores the quote it was made on; when the document's text at that claim changes,
the decision is re-opened (ignored and reported) instead of silently applied to new text.
The file is replaced atomically, and :func:`record_decision` changes it under a lock, so
a full disk never cuts it mid-entry and two processes deciding at once lose nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path

import yaml

from questions.errors import DecisionsError, FileRefusedError
from questions.files import exclusive, read_text_bounded, write_atomically
from questions.models import Assessment, Verdict
from questions.yamlfile import LINE_KEY, load_yaml_with_lines

DECISIONS_VERSION = 1
MAX_DECISIONS_BYTES = 5 * 1024 * 1024


class Choice(StrEnum):
    """What a moderator decided about a claim."""

    APPROVE = "approve"
    REJECT = "reject"


@dataclass(frozen=True, slots=True)
class Decision:
    """One moderator decision on one claim, with the quote it was made on."""

    claim: str
    choice: Choice
    by: str
    at: datetime
    why: str
    quote: str


@dataclass(frozen=True, slots=True)
class Reopened:
    """A stored decision that was not applied, and why."""

    decision: Decision
    reason: str


@dataclass(frozen=True, slots=True)
class Decisions:
    """Every stored decision; the latest one per claim counts."""

    items: tuple[Decision, ...] = field(default=())

    def latest(self) -> dict[str, Decision]:
        """The decision that counts for each claim id."""
        ordered = sorted(self.items, key=lambda d: d.at)
        return {decision.claim: decision for decision in ordered}

    def with_decision(self, decision: Decision) -> Decisions:
        """These decisions plus one more (replacing an older one on the same claim)."""
        kept = tuple(d for d in self.items if d.claim != decision.claim)
        return Decisions((*kept, decision))


def _field(entry: Mapping[str, object], key: str, where: str) -> str:
    value = entry.get(key)
    if value in (None, ""):
        raise DecisionsError(f"{where}: missing '{key}'")
    return str(value)


def _parse_decision(entry: Mapping[str, object], where: str) -> Decision:
    try:
        choice = Choice(_field(entry, "decision", where))
    except ValueError as exc:
        raise DecisionsError(f"{where}: decision must be 'approve' or 'reject'") from exc
    raw_at = entry.get("at")
    try:
        at = raw_at if isinstance(raw_at, datetime) else datetime.fromisoformat(str(raw_at))
    except ValueError as exc:
        raise DecisionsError(f"{where}: 'at' must be an ISO date and time") from exc
    if at.tzinfo is None:
        raise DecisionsError(f"{where}: 'at' must include a time zone")
    return Decision(
        claim=_field(entry, "claim", where),
        choice=choice,
        by=_field(entry, "by", where),
        at=at,
        why=_field(entry, "why", where),
        quote=_field(entry, "quote", where),
    )


def parse_decisions(data: object, path: str) -> Decisions:
    """Decisions from parsed YAML (with line markers).

    Raises:
        DecisionsError: anything malformed, naming ``path`` and the line.
    """
    if data is None:
        return Decisions()
    if not isinstance(data, dict) or not isinstance(data.get("decisions"), list):
        raise DecisionsError(f"{path}: expected a mapping with a 'decisions' list")
    items = []
    for index, entry in enumerate(data["decisions"]):
        if not isinstance(entry, dict):
            raise DecisionsError(f"{path}: entry {index + 1} of 'decisions' is not a mapping")
        items.append(_parse_decision(entry, f"{path}, line {entry.get(LINE_KEY, '?')}"))
    return Decisions(tuple(items))


def load_decisions(path: Path) -> Decisions:
    """Load the decisions file; a missing file means no decisions yet.

    Raises:
        DecisionsError: the file cannot be read, is not a regular file, is larger than
            :data:`MAX_DECISIONS_BYTES`, is not YAML, is nested too deeply, or is malformed.
    """
    if not path.exists() and not path.is_symlink():
        return Decisions()
    try:
        text = read_text_bounded(path, MAX_DECISIONS_BYTES)
    except FileRefusedError as exc:
        raise DecisionsError(str(exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DecisionsError(f"{path}: cannot be read ({exc})") from exc
    try:
        data = load_yaml_with_lines(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None)
        why = f" ({problem})" if problem else ""
        raise DecisionsError(f"{path}{line}: not valid YAML{why}") from exc
    except RecursionError as exc:
        # The parser recurses once per level: a file of "[[[[…" exhausts the stack.
        raise DecisionsError(f"{path}: nested too deeply to be a decisions file") from exc
    return parse_decisions(data, str(path))


def dump_decisions(decisions: Decisions) -> str:
    """The YAML text of the decisions file, oldest claim id first."""
    entries = [
        {
            "claim": d.claim,
            "decision": d.choice.value,
            "by": d.by,
            "at": d.at.isoformat(),
            "why": d.why,
            "quote": d.quote,
        }
        for d in sorted(decisions.items, key=lambda d: (d.claim, d.at))
    ]
    return yaml.safe_dump(
        {"version": DECISIONS_VERSION, "decisions": entries}, allow_unicode=True, sort_keys=False
    )


def save_decisions(decisions: Decisions, path: Path) -> None:
    """Replace the decisions file with these decisions, atomically (creating its folder).

    Raises:
        FileRefusedError: the file would be larger than :data:`MAX_DECISIONS_BYTES`.
        OSError: it cannot be written (the old file is kept whole).
    """
    write_atomically(dump_decisions(decisions), path, limit=MAX_DECISIONS_BYTES)


def record_decision(decision: Decision, path: Path) -> Decisions:
    """Add one decision to the file (replacing an older one on the same claim).

    Read, change and write happen under the file's inter-process lock, so decisions
    recorded at once by two processes (the bot and ``trivia facts approve``) are both kept.

    Returns:
        Every decision now in the file.

    Raises:
        DecisionsError: the file holds something that is not a decisions file.
        FileRefusedError: the lock is held too long, or the file would grow too large.
        OSError: it cannot be written (the old file is kept whole).
    """
    with exclusive(path):
        decisions = load_decisions(path).with_decision(decision)
        save_decisions(decisions, path)
    return decisions


def rename_decider(path: Path, is_theirs: Callable[[str], bool], name: str) -> int:
    """Write ``name`` as the ``by`` of every decision ``is_theirs`` picks (a forgotten member).

    The decisions themselves stay: the bank is built from them. The file is changed under
    its lock, as :func:`record_decision` changes it.

    Returns:
        How many decisions were renamed (0 leaves the file untouched).

    Raises:
        DecisionsError: the file holds something that is not a decisions file.
        FileRefusedError: the lock is held too long.
        OSError: it cannot be written (the old file is kept whole).
    """
    if not path.exists() and not path.is_symlink():
        return 0
    with exclusive(path):
        decisions = load_decisions(path)
        theirs = [d for d in decisions.items if is_theirs(d.by)]
        if theirs:
            kept = tuple(replace(d, by=name) if is_theirs(d.by) else d for d in decisions.items)
            save_decisions(Decisions(kept), path)
    return len(theirs)


def count_decider(path: Path, is_theirs: Callable[[str], bool]) -> int:
    """How many decisions in the file ``is_theirs`` picks (none when there is no file).

    Raises:
        DecisionsError: the file cannot be read or is not a decisions file.
    """
    return sum(is_theirs(d.by) for d in load_decisions(path).items)


def moderate(assessment: Assessment, decision: Decision) -> Assessment:
    """The verdict after a decision: approval verifies, rejection contradicts."""
    approve = decision.choice is Choice.APPROVE
    action = "approved" if approve else "rejected"
    when = decision.at.date().isoformat()
    return replace(
        assessment,
        verdict=Verdict.VERIFIED if approve else Verdict.CONTRADICTED,
        reason=f"{action} by {decision.by} on {when}: {decision.why}",
        moderator=decision.by,
    )


class DecisionsApplied:
    """Decisions applied to assessments one at a time, as a report meets them.

    Remembers only which decided claims were met, so the decisions no document makes any
    more can be re-opened at the end.
    """

    def __init__(self, decisions: Decisions) -> None:
        self._latest = decisions.latest()
        self._met: set[str] = set()
        self._reopened: list[Reopened] = []

    def apply(self, item: Assessment) -> Assessment:
        """``item`` with the decision on its claim, if one counts and its quote still matches."""
        decision = self._latest.get(item.claim.id)
        if decision is None:
            return item
        self._met.add(decision.claim)
        if decision.quote != item.claim.evidence.quote:
            self._reopened.append(Reopened(decision, "the quoted text changed"))
            return item
        return moderate(item, decision)

    def reopened(self) -> tuple[Reopened, ...]:
        """The decisions not applied so far: quotes that changed, then claims never met."""
        unseen = [d for claim, d in self._latest.items() if claim not in self._met]
        return (
            *self._reopened,
            *(Reopened(d, "no document makes this claim any more") for d in unseen),
        )


def apply_decisions(
    assessments: Iterable[Assessment], decisions: Decisions
) -> tuple[tuple[Assessment, ...], tuple[Reopened, ...]]:
    """Apply the decisions whose quote still matches; report the others as re-opened."""
    applied = DecisionsApplied(decisions)
    return tuple(map(applied.apply, assessments)), applied.reopened()
