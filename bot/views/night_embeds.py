"""Quiz nights as Discord embeds and messages: all their wording."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import discord

from bot.game.models import Cursor, Mode
from bot.night.events import JokerPlayed, RoundEnded, TieBreakStarted
from bot.night.models import NightState
from bot.night.podium import format_score
from bot.night.recap import Recap, TieBreakResult
from bot.night.recap import tie_break_result as build_tie_break
from bot.night.season import SeasonRow
from bot.night.standings import ContestantStanding, standings
from bot.views.limits import clip
from bot.views.play_embeds import (
    BOARD_COLOUR,
    NIGHT_ANSWERS,
    NIGHT_PAUSE,
    NIGHT_REVEAL,
    NIGHT_STANDINGS,
    Place,
    answer_line,
    pause_line,
    race_won_line,
    reveal_embed,
    standings_embed,
)
from bot.views.play_embeds import REVEALED as REVEALED
from bot.views.play_embeds import SKIPPED as SKIPPED
from bot.views.question_embed import NIGHT_LOOK, question_embed
from questions.models import ItemType, TriviaItem

NIGHT_COLOUR = discord.Colour.purple()
PODIUM_FILE = "podium.png"
FIELD_LIMIT = 1000
MAX_MENTIONS = 90
"""Mentions in one reminder: Discord takes at most 100 users to notify per message."""
ENDED = "the night ended"
CLOSED = "closed"


def _esc(text: str) -> str:
    return discord.utils.escape_markdown(text)


def counted(count: int, noun: str) -> str:
    """``1 question``, ``2 questions``: a count with its noun in the right number."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _when(moment: datetime, style: str = "F") -> str:
    return discord.utils.format_dt(moment, style)  # type: ignore[arg-type]


def announcement(state: NightState) -> discord.Embed:
    """The night's announcement, with its plan and the tie-breaker announced in advance."""
    night = state.night
    embed = discord.Embed(title=f"🚀 {_esc(night.title)}", colour=NIGHT_COLOUR)
    embed.description = (
        f"Starts {_when(night.starts_at)} ({_when(night.starts_at, 'R')}).\n"
        "Press **Join** to sign up" + (" and choose your team." if night.team_play else ".")
    )
    rounds = "\n".join(
        f"{number}. {_esc(plan.category)}: {counted(plan.questions, 'question')}"
        for number, plan in enumerate(night.rounds, start=1)
    )
    embed.add_field(name="Rounds", value=rounds, inline=False)
    mode = (
        "race: the first right answer takes the question"
        if night.mode is Mode.RACE
        else ("quiz: everyone answers every question")
    )
    embed.add_field(name="Mode", value=mode, inline=False)
    embed.add_field(name="Teams", value="yes (scored by the mean)" if night.team_play else "no")
    embed.add_field(name="Joker", value="yes: double one round" if night.joker_enabled else "no")
    extras = [
        name
        for name, on in (
            ("hints", night.hints),
            ("streak bonus", night.streaks),
            ("reading time for long questions", night.reading_time),
        )
        if on
    ]
    if extras:
        embed.add_field(name="As in games", value=", ".join(extras))
    if night.tie_break_enabled:
        embed.add_field(
            name="Tie-breaker (closest number wins)",
            value=clip(_esc(night.tie_breaker.question), FIELD_LIMIT),
            inline=False,
        )
    embed.set_footer(text=f"Quiz night #{night.id} · hosted by {night.host.name}")
    return embed


def mentioned(state: NightState) -> tuple[str, ...]:
    """The Discord ids of the members the reminder mentions: those signed up, in order."""
    ids = [p.player.external_id for p in state.participants if p.player.platform == "discord"]
    return tuple(i for i in ids if i.isdigit())[:MAX_MENTIONS]


def reminder(state: NightState, waiting: int = 0) -> str:
    """The reminder posted before the start; it mentions the members signed up.

    Args:
        state: The night.
        waiting: Members interested in the Discord event who still have to join
            themselves (with team play, to choose a team); counted, never mentioned.
    """
    night = state.night
    count = len(state.participants)
    lines = [
        f"⏰ **{_esc(night.title)}** starts {_when(night.starts_at, 'R')}; "
        f"{count} signed up so far. Press **Join** on the announcement to play."
    ]
    ids = mentioned(state)
    if ids:
        more = count - len(ids)
        lines.append(" ".join(f"<@{i}>" for i in ids) + (f" and {more} more" if more > 0 else ""))
    if waiting:
        verb = "has" if waiting == 1 else "have"
        lines.append(
            f"{counted(waiting, 'member')} marked the event Interested but {verb} not joined "
            "yet: press **Join** to choose a team."
        )
    return "\n".join(lines)


def created(state: NightState, event_created: bool) -> str:
    """Private confirmation for the host."""
    event = "The Discord event is created. " if event_created else ""
    return (
        f"✅ Quiz night #{state.night.id} is planned. {event}"
        "Start it with `/quiznight start` once everyone has joined."
    )


def joined(state: NightState, team: str | None) -> str:
    """Private confirmation of a sign-up."""
    where = f" for team **{_esc(team)}**" if team else ""
    return f"✅ You are signed up{where} for **{_esc(state.night.title)}**."


def left(state: NightState) -> str:
    """Private confirmation of a withdrawal."""
    return f"👋 You are no longer signed up for **{_esc(state.night.title)}**."


def question(
    state: NightState, item: TriviaItem, cursor: Cursor, deadline: datetime | None
) -> discord.Embed:
    """A night's question on screen, with its deadline as a live countdown (None: paused)."""
    plan = state.night.rounds[cursor.round]
    title = f"Round {cursor.round + 1} · question {cursor.question + 1}/{plan.questions}"
    how = "press Answer" if item.type is ItemType.OPEN else None
    time = "⏸️ paused" if deadline is None else f"ends {_when(deadline, 'R')}"
    return question_embed(NIGHT_LOOK, item, title, how, plan.category, time)


def reveal(
    item: TriviaItem, cursor: Cursor, correct: Sequence[str], how: str = REVEALED
) -> discord.Embed:
    """The answer of a question and who had it, however the question closed.

    Args:
        item: The question.
        cursor: Its place in the night.
        correct: Who had it right.
        how: ``REVEALED``, ``SKIPPED`` (it scores nothing), ``ENDED`` (the night ended on
            it) or ``CLOSED``.
    """
    place = f"Round {cursor.round + 1} · question {cursor.question + 1}"
    return reveal_embed(NIGHT_REVEAL, place, how, item.question, item.answers[0], correct)


def answer_received(correct: bool, near_miss: bool, points: int, mode: Mode) -> str:
    """Private reply to a night answer (the answer is not repeated, so none is needed)."""
    quiz = mode is Mode.QUIZ
    return answer_line(NIGHT_ANSWERS, "", points, quiz=quiz, right=correct, close=near_miss)


def race_won(mention: str, points: int) -> str:
    """Public line when a race question is taken."""
    return race_won_line(NIGHT_ANSWERS, mention, "", points)


def skipped(cursor: Cursor) -> str:
    """The host skipped a question."""
    where = f"Question {cursor.question + 1} of round {cursor.round + 1}"
    return f"⏭️ {where} is skipped; it scores nothing."


def paused() -> str:
    """The night is on hold."""
    return pause_line(NIGHT_PAUSE, True)


def resumed(deadline: datetime) -> str:
    """The night goes on."""
    return pause_line(NIGHT_PAUSE, False, deadline)


def host_changed(name: str) -> str:
    """Another host is in control."""
    return f"🎙️ {_esc(name)} is hosting now."


def cohost_added(name: str) -> str:
    """A co-host was named."""
    return f"🤝 {_esc(name)} is a co-host and can take over with `/quiznight takeover`."


def joker_played(state: NightState, event: JokerPlayed) -> str:
    """A side played its joker."""
    names = {row.contestant: row.name for row in standings(state)}
    name = names.get(event.contestant, event.contestant)
    return f"🃏 {_esc(name)} plays the joker on round {event.round + 1}: points count double."


def suspended() -> str:
    """Posted when the bot stops in the middle of a question."""
    return (
        "🔧 The bot is restarting: the night is paused and the question keeps the time it had "
        "left. The host continues with `/quiznight resume`."
    )


def recovered() -> str:
    """Posted when the bot is back and a night waits paused."""
    return "🔧 The bot is back. The night is paused; the host continues with `/quiznight resume`."


def control_done(action: str) -> str:
    """Private acknowledgement of a host control."""
    return f"✅ {action.capitalize()}: done."


def tie_break_guessed() -> str:
    """Private confirmation of a tie-breaker number."""
    return "✅ Your side's number is in."


def _standings(title: str, rows: Sequence[ContestantStanding], team_play: bool) -> discord.Embed:
    places = [Place(row.rank, row.name, _score(row, team_play)) for row in rows]
    return standings_embed(NIGHT_STANDINGS, title, places)


def _score(row: ContestantStanding, team_play: bool) -> str:
    """A team's mean with its size and points; a player's points, bare."""
    if not team_play:
        return str(row.points)
    return f"{format_score(row.score)} (mean of {len(row.members)}, {row.points} points)"


def round_standings(state: NightState, event: RoundEnded) -> discord.Embed:
    """The standings after a round."""
    title = f"📊 Standings after round {event.round + 1} of {len(state.night.rounds)}"
    embed = _standings(title, event.standings, state.night.team_play)
    if event.round + 1 < len(state.night.rounds):
        embed.set_footer(text="The host opens the next round with /quiznight next.")
    return embed


def tie_break(state: NightState, event: TieBreakStarted) -> discord.Embed:
    """The tie-breaker, for the tied sides only."""
    names = {row.contestant: row.name for row in standings(state)}
    tied = ", ".join(_esc(names.get(c, c)) for c in event.contenders)
    embed = discord.Embed(title="⚖️ Tie-breaker: the closest number wins", colour=NIGHT_COLOUR)
    embed.description = f"{_esc(event.question)}\n\nFor: {tied}. One number per side."
    return embed


def tie_break_result(state: NightState) -> discord.Embed:
    """The tie-breaker once settled: the right number and each side's number."""
    embed = discord.Embed(title="⚖️ Tie-breaker: settled", colour=NIGHT_COLOUR)
    result = build_tie_break(state)
    if result is None:
        embed.description = _esc(state.night.tie_breaker.question)
        return embed
    embed.description = (
        f"{_esc(result.question)}\n\nThe right number: **{format_number(result.answer)}**"
    )
    embed.add_field(name="Numbers given", value=_guess_lines(result), inline=False)
    return embed


def format_number(value: float) -> str:
    """A tie-breaker number as typed: ``1963``, not ``1963.0``."""
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _guess_lines(result: TieBreakResult) -> str:
    lines = []
    for name, value in result.guesses:
        if value is None:
            lines.append(f"{_esc(name)}: no number")
        else:
            off = format_number(abs(value - result.answer))
            lines.append(f"{_esc(name)}: {format_number(value)} ({off} off)")
    return clip("\n".join(lines), FIELD_LIMIT) or "nobody was tied"


def recap(summary: Recap) -> discord.Embed:
    """The recap posted with the podium picture."""
    title = f"🏁 {_esc(summary.title)}: the results"
    embed = _standings(title, summary.standings, summary.team_play)
    for result in summary.rounds:
        best = ", ".join(_esc(name) for name in result.best) or "nobody scored"
        embed.add_field(
            name=f"Round {result.round + 1}: {_esc(result.category)}",
            value=f"best: {best} (+{format_score(result.best_score)})",
            inline=False,
        )
    if summary.hardest is not None and summary.easiest is not None:
        embed.add_field(
            name="Hardest",
            value=_question_line(summary.hardest.cursor, summary.hardest.share_correct),
        )
        embed.add_field(
            name="Easiest",
            value=_question_line(summary.easiest.cursor, summary.easiest.share_correct),
        )
    if summary.fastest is not None:
        seconds = summary.fastest.elapsed_ms / 1000
        embed.add_field(
            name="Fastest", value=f"{_esc(summary.fastest.player.name)} in {seconds:.1f} s"
        )
    if summary.tie_break is not None:
        embed.add_field(
            name=f"Tie-breaker: the right number was {format_number(summary.tie_break.answer)}",
            value=_guess_lines(summary.tie_break),
            inline=False,
        )
    if summary.biggest_climb is not None:
        climb = summary.biggest_climb
        embed.add_field(
            name="Biggest climb",
            value=(
                f"{_esc(climb.name)}: {climb.from_rank} → {climb.to_rank} "
                f"after round {climb.after_round + 1}"
            ),
        )
    embed.set_image(url=f"attachment://{PODIUM_FILE}")
    return embed


def _question_line(cursor: Cursor, share: float) -> str:
    return f"round {cursor.round + 1}, question {cursor.question + 1} ({share:.0%} right)"


def season(rows: Sequence[SeasonRow]) -> discord.Embed:
    """The season table of quiz nights."""
    embed = discord.Embed(title="🏆 Quiz-night season", colour=BOARD_COLOUR)
    if not rows:
        embed.description = "No quiz night has finished yet this season."
        return embed
    lines = [
        f"{row.rank}. {_esc(row.player.name)}: {counted(row.points, 'point')}, "
        f"{counted(row.nights, 'night')}, {counted(row.wins, 'win')}"
        for row in rows[:20]
    ]
    embed.description = "\n".join(lines)
    return embed
