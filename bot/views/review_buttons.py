"""Persistent review-queue buttons: one action on one entry, pages, a report's reason.

Like the night's buttons, each is a :class:`discord.ui.DynamicItem` whose ``custom_id``
carries what it needs (``trivia:review:<action>:<page>:<key>``,
``trivia:reviewpage:<page>:<label>``, ``trivia:reportwhy:<item_id>``), handed to the desk
the review extension installed. The last adds a reason to a report: any member may press
it under the thanks for their own report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol, Self

import discord

from bot.moderation.curation import MAX_REASON
from bot.moderation.reviewing import ReviewAction
from bot.views.answer_buttons import TriviaButton
from bot.views.base import TriviaView
from bot.views.night_buttons import TextModal, desk_at

REVIEW_DESK = "review_desk"
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


class ReviewDesk(Protocol):
    """Where review clicks go."""

    async def review(
        self,
        interaction: discord.Interaction[Any],
        action: ReviewAction,
        key: str,
        text: str,
        page: int = 0,
    ) -> None:
        """Run a moderator's action on a review entry, then show the page it was on."""
        ...

    async def check(self, interaction: discord.Interaction[Any]) -> None:
        """Refuse members who may not review."""
        ...

    async def explain(
        self, interaction: discord.Interaction[Any], item_id: str, reason: str
    ) -> None:
        """Add the member's reason to their report on a question."""
        ...

    async def show(
        self, interaction: discord.Interaction[Any], note: str | None = None, page: int = 0
    ) -> None:
        """Show one page of the queue (counted from 0)."""
        ...


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
        super().__init__(discord.ui.Button(label=label, style=style, custom_id=custom_id, row=row))
        self.action, self.key, self.page = action, key, page

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from the id (ids from before pages had none: page 0)."""
        return cls(ReviewAction(match["action"]), match["key"], page=int(match["page"] or 0))

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Act at once, or ask for the answers or the reason first."""
        desk: ReviewDesk = desk_at(interaction, REVIEW_DESK)
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
        super().__init__(
            discord.ui.Button(
                label=label.capitalize(),
                style=discord.ButtonStyle.secondary,
                custom_id=f"trivia:reviewpage:{page}:{label}",
                row=PAGE_ROW,
                disabled=disabled,
            )
        )
        self.page = page

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from the id."""
        return cls(int(match["page"]), match["label"])

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Show that page."""
        desk: ReviewDesk = desk_at(interaction, REVIEW_DESK)
        await desk.check(interaction)
        await desk.show(interaction, page=self.page)


class ReportReasonButton(TriviaButton, template=r"trivia:reportwhy:(?P<item>[\w-]+)"):
    """Under the thanks for a report: opens a form for what is wrong with the question."""

    def __init__(self, item_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                label="Add a reason",
                emoji="✍️",
                style=discord.ButtonStyle.secondary,
                custom_id=f"trivia:reportwhy:{item_id}",
            )
        )
        self.item_id = item_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """Rebuild from the id."""
        return cls(match["item"])

    async def clicked(self, interaction: discord.Interaction[Any]) -> None:
        """Ask what is wrong, then add it to the member's report."""
        desk: ReviewDesk = desk_at(interaction, REVIEW_DESK)

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
