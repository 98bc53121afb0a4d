"""What every format shows of play, one implementation each, in the variant its format shows.

A game and a quiz night both reveal a closed question, tell a player what an answer came
to, announce a race won, list standings and say that play pauses or goes on. Each is built
here once; what a format words or shows its own way is a small variant of data beside it
(``GAME_*`` and ``NIGHT_*``), which the format's module hands in (`embeds`, `night_embeds`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import discord

from bot.game.judging import CLOSE_HINT
from bot.views.limits import DESCRIPTION_LIMIT, FIELD_LIMIT, clip, fitted

REVEAL_COLOUR = discord.Colour.dark_teal()
BOARD_COLOUR = discord.Colour.gold()
MEDALS = ("🥇", "🥈", "🥉")
ECHO_LIMIT = 200
"""Longest piece of a player's answer repeated back (as long as the answer form allows)."""
REVEALED = "the answer"
SKIPPED = "skipped"
REVEAL_FOOTER = "Why? shows the source · Report flags a wrong question"


def _esc(text: str) -> str:
    return discord.utils.escape_markdown(text)


# A closed question -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RevealLook:
    """How one format shows who had a closed question, where the formats differ.

    Attributes:
        field: The name of the field that lists them.
        limit: The most characters that list takes (more names are counted, not listed).
        nobody: What the field says when nobody had it, or None to leave the field out.
        skipped: What the field says instead for a skipped question, or None to list
            the names as for any other.
    """

    field: str
    limit: int
    nobody: str | None
    skipped: str | None


GAME_REVEAL = RevealLook("Points for", FIELD_LIMIT, nobody=None, skipped=None)
"""A game's reveal: the players credited, under ``Points for``, only when there are some."""

NIGHT_REVEAL = RevealLook("Right", 1000, nobody="nobody", skipped="skipped: it scores nothing")
"""A night's reveal: always a ``Right`` field, saying ``nobody`` or that a skip scores nothing."""


@dataclass(frozen=True, slots=True)
class Tally:
    """How the players did on a question: who answered, how many right, the fastest right."""

    answered: int
    correct: int
    fastest: str | None


def reveal_embed(
    look: RevealLook,
    place: str,
    how: str,
    question: str,
    answer: str,
    right: Sequence[str],
    tally: Tally | None = None,
    footer: str = REVEAL_FOOTER,
) -> discord.Embed:
    """A closed question with its answer and who had it, in the format's ``look``.

    Args:
        look: The format's variant.
        place: Which question it was (its number, its round, or that it broke a tie).
        how: How it closed, said after the place: ``REVEALED``, ``SKIPPED`` or a format's own.
        question: The question's text (escaped here).
        answer: The answer shown (escaped here, and cut to fit its field).
        right: The names of those who had it (escaped here).
        tally: How the players did, shown before the names; None shows nothing of it.
        footer: The line under the embed.
    """
    embed = discord.Embed(title=f"{place}: {how}", description=_esc(question), colour=REVEAL_COLOUR)
    embed.add_field(name="Answer", value=f"**{clip(_esc(answer), FIELD_LIMIT - 4)}**")
    if tally is not None:
        share = "nobody answered"
        if tally.answered:
            rate = tally.correct / tally.answered
            share = f"{tally.correct}/{tally.answered} right ({rate:.0%})"
        embed.add_field(name="Answers", value=share)
        if tally.fastest is not None:
            embed.add_field(name="Fastest", value=_esc(tally.fastest))
    if how == SKIPPED and look.skipped is not None:
        names: str | None = look.skipped
    else:
        names = fitted([_esc(name) for name in right], ", ", look.limit) or look.nobody
    if names:
        embed.add_field(name=look.field, value=names, inline=False)
    embed.set_footer(text=footer)
    return embed


# An answer ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerWords:
    """How one format words what an answer came to, as ``str.format`` templates.

    A template may use ``{answer}`` (the player's answer, cut short and escaped),
    ``{points}``, ``{hint}`` (the judge's advice for a close answer) and, in ``won``,
    ``{player}`` (a mention, which the message must send without pinging).

    Attributes:
        taken: Private: the answer is in and waits for the reveal (a quiz).
        right: Private: the answer is right.
        close: Private: the answer is close but not right.
        wrong: Private: the answer is not it.
        won: Public: the player took a race's question.
    """

    taken: str
    right: str
    close: str
    wrong: str
    won: str


GAME_ANSWERS = AnswerWords(
    taken="✅ Your answer is in: **{answer}**. You can change it until the time runs out.",
    # A game's race announces its winner in the channel instead, so a right answer told
    # privately was a late one.
    right="✅ Right, but someone was faster.",
    close="🤏 **{answer}**: {hint}",
    wrong="❌ **{answer}** is not it.",
    won="🎉 {player} got it with **{answer}** (+{points} points)",
)
"""A game's words: the player's answer repeated back."""

NIGHT_ANSWERS = AnswerWords(
    taken="✅ Your answer is in.",
    right="🎉 Right! +{points} points.",
    close="🤏 {hint} The host may still accept it later.",
    wrong="❌ Not it.",
    won="🎉 {player} got it (+{points} points).",
)
"""A night's words: short, the answer never repeated."""


def echoed(text: str) -> str:
    """A player's text as repeated back to them: cut short, markdown escaped."""
    return _esc(clip(text, ECHO_LIMIT))


def answer_line(
    words: AnswerWords, text: str, points: int, *, quiz: bool, right: bool, close: bool
) -> str:
    """The private reply to an answer, in the format's ``words``.

    A quiz's answer waits for the reveal, so its reply says neither right nor close (a
    hint now would give the answer away).

    Args:
        words: The format's variant.
        text: The answer as the player gave it.
        points: What it earned.
        quiz: Whether answers are judged only at the reveal.
        right: Whether the judge accepted it.
        close: Whether the judge called it close.
    """
    if quiz:
        template = words.taken
    elif right:
        template = words.right
    elif close:
        template = words.close
    else:
        template = words.wrong
    return template.format(answer=echoed(text), points=points, hint=CLOSE_HINT)


def race_won_line(words: AnswerWords, player: str, text: str, points: int) -> str:
    """The public line for a race won, in the format's ``words`` (send it without mentions).

    Args:
        words: The format's variant.
        player: The winner, as a mention.
        text: The winning answer as the player gave it.
        points: What it earned.
    """
    return words.won.format(player=player, answer=echoed(text), points=points)


# Standings ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StandingsLook:
    """How one format lists standings, where the formats differ.

    Attributes:
        nobody: What the list says when it is empty.
        most: How many places are listed at most, or None for as many as fit.
    """

    nobody: str
    most: int | None


GAME_STANDINGS = StandingsLook("Nobody has scored yet.", most=None)
"""A game's or a leaderboard's standings: every player that fits."""

NIGHT_STANDINGS = StandingsLook("Nobody has signed up.", most=15)
"""A night's standings of contestants: the first fifteen."""


@dataclass(frozen=True, slots=True)
class Place:
    """One line of standings: a rank (shared on equal scores), a name and its score as shown."""

    rank: int
    name: str
    score: str


def _medal(rank: int) -> str:
    return MEDALS[rank - 1] if rank <= len(MEDALS) else f"{rank}."


def standings_embed(look: StandingsLook, title: str, places: Sequence[Place]) -> discord.Embed:
    """Standings under ``title``, medals for the first three ranks, in the format's ``look``.

    Args:
        look: The format's variant.
        title: What the standings are of.
        places: The places in order; names are escaped here.
    """
    lines = [f"{_medal(p.rank)} {_esc(p.name)}: {p.score}" for p in places[: look.most]]
    description = fitted(lines, "\n", DESCRIPTION_LIMIT) or look.nobody
    return discord.Embed(title=title, description=description, colour=BOARD_COLOUR)


# Pause and resume --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PauseLook:
    """How one format says that play pauses or goes on, where the formats differ.

    Attributes:
        play: What is paused (``game``, ``night``).
        clock: The clock that stops.
        then: What the pause notice adds (how play goes on), or None.
    """

    play: str
    clock: str
    then: str | None


GAME_PAUSE = PauseLook("game", "the clock", then="`/trivia resume` carries on.")
"""A game's pause, which says how to resume."""

NIGHT_PAUSE = PauseLook("night", "the question's clock", then=None)
"""A night's pause."""


def pause_line(look: PauseLook, paused: bool, deadline: datetime | None = None) -> str:
    """Posted when play pauses or goes on, in the format's ``look``.

    Args:
        look: The format's variant.
        paused: True when play pauses, False when it goes on.
        deadline: When the question now ends, said when play goes on; None says that the
            question keeps the time it had left.
    """
    if paused:
        then = f" {look.then}" if look.then is not None else ""
        return f"⏸️ The {look.play} is paused; {look.clock} has stopped.{then}"
    if deadline is None:
        return f"▶️ The {look.play} goes on; the question keeps the time it had left."
    ends = discord.utils.format_dt(deadline, "R")
    return f"▶️ The {look.play} goes on; the question ends {ends}."
