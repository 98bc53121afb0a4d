"""The review queue as Discord embeds and messages: all its wording."""

from __future__ import annotations

from collections.abc import Callable

import discord

from bot.game.models import NearMiss, SessionFormat
from bot.moderation.queue import (
    PendingFact,
    ReportedQuestion,
    ReviewItem,
    ReviewPage,
)
from bot.views.limits import clip
from questions.models import TriviaItem

REVIEW_COLOUR = discord.Colour.orange()
FIELD_LIMIT = 1000
REVIEW_PAGE = 4
"""Entries per page: one row of buttons each, the fifth row for the page buttons."""
ItemLookup = Callable[[str], TriviaItem | None]


def _esc(text: str) -> str:
    return discord.utils.escape_markdown(text)


def review_queue(page: ReviewPage, item_of: ItemLookup) -> discord.Embed:
    """One page of the review queue.

    Args:
        page: The page.
        item_of: The bank's question by id, so a near miss shows the question it answers.
    """
    embed = discord.Embed(title="🧐 Review queue", colour=REVIEW_COLOUR)
    if not page.items:
        embed.description = "Nothing waits for review."
        return embed
    last = page.first + len(page.items)
    entries = "1 entry" if page.total == 1 else f"{page.total} entries"
    embed.description = f"{entries} waiting; {page.first + 1}–{last} below."
    if page.pages > 1:
        embed.set_footer(text=f"Page {page.number + 1} of {page.pages}")
    for number, item in enumerate(page.items, start=page.first + 1):
        name, value = _review_entry(item, item_of)
        embed.add_field(name=f"{number}. {name}"[:256], value=value[:FIELD_LIMIT], inline=False)
    return embed


def _asked(item_id: str, item_of: ItemLookup) -> str:
    """The question a near miss answers and its expected answer (or its id if it is gone)."""
    item = item_of(item_id)
    if item is None:
        return f"question `{item_id}`"
    return f"“{_esc(clip(item.question, 200))}” (answer: **{_esc(item.answers[0])}**)"


def _review_entry(item: ReviewItem, item_of: ItemLookup) -> tuple[str, str]:
    subject = item.subject
    if isinstance(subject, NearMiss):
        where = "quiz night" if subject.format is SessionFormat.NIGHT else "game"
        return (
            f"Near miss ({where})",
            f"**{_esc(subject.text)}** by {_esc(subject.name)}\n"
            f"to {_asked(subject.item_id, item_of)}",
        )
    if isinstance(subject, ReportedQuestion):
        reports = "; ".join(f"{_esc(r.reporter.name)}: {_esc(r.reason)}" for r in subject.reports)
        flags = ", ".join(flag.replace("_", " ") for flag in subject.flags)
        lines = [
            _esc(subject.prompt),
            f"Accepted: {', '.join(_esc(a) for a in subject.accepted_answers)}",
            f"Evidence ({_esc(subject.evidence.document)}): “{_esc(subject.evidence.quote[:300])}”",
        ]
        if reports:
            lines.append(f"Reports: {reports}")
        if flags:
            lines.append(f"Flagged: {flags}")
        return f"Question `{subject.item_id}`", "\n".join(lines)
    fact: PendingFact = subject
    return "Fact waiting", (
        f"{_esc(fact.statement)}\nEvidence ({_esc(fact.evidence.document)}): "
        f"“{_esc(fact.evidence.quote[:300])}”"
    )


def review_done(action: str) -> str:
    """Private confirmation of a review action."""
    return f"✅ Review: {action} done."


def report_explained() -> str:
    """Private thanks for the reason given to a report."""
    return "✍️ Thanks, the moderators will read your reason with the report."
