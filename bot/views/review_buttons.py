"""Persistent review-queue buttons: one action on one entry, pages, a report's reason.

Like the night's buttons, each is a :class:`~bot.views.buttons.TriviaButton` whose
``custom_id`` carries what it needs (``trivia:review:<action>:<page>:<key>``,
``trivia:reviewpage:<page>:<label>``, ``trivia:reportwhy:<item_id>``), handed to the review
queue's desk. The last adds a reason to a report: any member may press it under the thanks
for their own report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Self

import discord

from bot.moderation.curation import MAX_REASON
from bot.moderation.reviewing import ReviewAction
from bot.views.answer_modal import TextModal
from bot.views.base import TriviaView
from bot.views.buttons import ItemButton, TriviaButton
from bot.views.desks import review_desk

REASON_LABEL = "What is wrong with the question?"
PAGE_ROW = 4
"""The last of Discord's five rows holds the page buttons; entries take the others."""
TEXT_ACTIONS = (ReviewAction.FIX, ReviewAction.RETIRE, ReviewAction.APPROVE, ReviewAction.DENY)
ACTION_LABELS = {
    ReviewAction.ACCEPT: ("Accept", discord.ButtonStyle.success),
    ReviewAction.REJECT: ("Reject", discord.ButtonStyle.secondary),
    ReviewAction.FIX: ("Fix answers", discord.ButtonStyle.primary),
    ReviewAction.RETIRE: ("Retire", discord.ButtonStyle.danger),
    ReviewAction.DISMISS: ("Dismiss", discord.ButtonStyle.secondary),
    ReviewAction.APPROVE: ("Approve", discord.ButtonStyle.success),
    ReviewAction.DENY: ("Reject", discord.ButtonStyle.danger),
}
TEXT_LABELS = {
    ReviewAction.FIX: "Accepted answers, one per line",
    ReviewAction.RETIRE: "Why is the question retired?",
    ReviewAction.APPROVE: "Why is the fact right?",
    ReviewAction.DENY: "Why is the fact wrong?",
}


class ReviewButton(
    TriviaButton,
    template=r"trivia:review:(?P<action>[a-z]+):(?:(?P<page>\d+):)?(?P<key>[a-z].*)",
):
    """One moderator action on one review entry (of the page the entry was shown on)."""

    def __init__(
        self, action: ReviewAction, key: str, row: int | None = None, page: int = 0
    ) -> None:
        label, style = ACTION_LABELS[action]
        custom_id = f"trivia:review:{action}:{page}:{key}"
        super().__init__(custom_id, label=label, style=style, row=row)
        self.action, self.key, self.page = action, key, page

    @classmethod
    def rebuild(cls, match: re.Match[str], label: str | None) -> Self:
        """Rebuild from the id (ids from before pages had none: page 0)."""
        return cls(ReviewAction(match["action"]), match["key"], page=int(match["page"] or 0))

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Act at once, or ask for the answers or the reason first."""
        desk = review_desk(interaction)
        await desk.check(interaction)
        if self.action not in TEXT_ACTIONS:
            await desk.review(interaction, self.action, self.key, "", self.page)
            return

        async def submit(modal_interaction: discord.Interaction[Any], text: str) -> None:
            await desk.review(modal_interaction, self.action, self.key, text, self.page)

        paragraph = self.action is ReviewAction.FIX
        modal = TextModal("Review", TEXT_LABELS[self.action], submit, paragraph, 1000)
        await interaction.response.send_modal(modal)


class ReviewPageButton(TriviaButton, template=r"trivia:reviewpage:(?P<page>\d+):(?P<label>[a-z]+)"):
    """Turns the review queue to another page."""

    def __init__(self, page: int, label: str, disabled: bool = False) -> None:
        custom_id = f"trivia:reviewpage:{page}:{label}"
        super().__init__(custom_id, label=label.capitalize(), row=PAGE_ROW, disabled=disabled)
        self.page = page

    @classmethod
    def rebuild(cls, match: re.Match[str], label: str | None) -> Self:
        """Rebuild from the id."""
        return cls(int(match["page"]), match["label"])

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Show that page."""
        desk = review_desk(interaction)
        await desk.check(interaction)
        await desk.show(interaction, page=self.page)


class ReportReasonButton(ItemButton, template=r"trivia:reportwhy:(?P<key>[\w-]+)"):
    """Under the thanks for a report: opens a form for what is wrong with the question."""

    KIND, LABEL, EMOJI = "reportwhy", "Add a reason", "✍️"

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Ask what is wrong, then add it to the member's report."""
        desk = review_desk(interaction)

        async def submit(modal_interaction: discord.Interaction[Any], text: str) -> None:
            await desk.explain(modal_interaction, self.item_id, text)

        form = TextModal("Report", REASON_LABEL, submit, paragraph=True, max_length=MAX_REASON)
        await interaction.response.send_modal(form)


REVIEW_ITEMS = (ReviewButton, ReviewPageButton, ReportReasonButton)


def report_reason_view(item_id: str) -> TriviaView:
    """The button that adds a reason to a report just filed."""
    view = TriviaView(timeout=None)
    view.add_item(ReportReasonButton(item_id))
    return view


def review_view(
    entries: Sequence[tuple[str, Sequence[ReviewAction]]], page: int = 0, pages: int = 1
) -> TriviaView:
    """Buttons for one page of review entries and, with more pages, Previous and Next.

    Each entry (its key and actions) gets a row; the page buttons take the last row.
    """
    view = TriviaView(timeout=None)
    for row, (key, actions) in enumerate(entries[:PAGE_ROW]):
        for action in actions:
            view.add_item(ReviewButton(action, key, row, page))
    if pages > 1:
        view.add_item(ReviewPageButton(max(page - 1, 0), "previous", disabled=page == 0))
        view.add_item(ReviewPageButton(min(page + 1, pages - 1), "next", page + 1 >= pages))
    return view
