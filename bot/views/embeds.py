"""Domain values → Discord embeds and messages: the only place with colours, emoji and wording."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import discord
from discord import app_commands

from bot.game.answering import Refusal
from bot.game.models import (
    GuildSettings,
    Mode,
    Period,
    PlayerStats,
    QuestionStats,
    RankInfo,
    SessionConfig,
    Standing,
)
from bot.game.service import AnswerResult, AskedQuestion, FinalResult, Reveal
from bot.views.limits import DESCRIPTION_LIMIT as DESCRIPTION_LIMIT
from bot.views.limits import FIELD_LIMIT as FIELD_LIMIT
from bot.views.limits import MESSAGE_LIMIT as MESSAGE_LIMIT
from bot.views.limits import clip as clip
from bot.views.limits import fitted as fitted
from bot.views.play_embeds import (
    BOARD_COLOUR,
    GAME_ANSWERS,
    GAME_PAUSE,
    GAME_REVEAL,
    GAME_STANDINGS,
    REVEAL_COLOUR,
    REVEALED,
    SKIPPED,
    Place,
    Tally,
    answer_line,
    echoed,
    pause_line,
    race_won_line,
    reveal_embed,
    standings_embed,
)
from bot.views.question_embed import GAME_LOOK, QUESTION_COLOUR, question_embed
from questions.models import ItemType, TriviaItem
from questions.packs.models import community_label

CORRECT_COLOUR = discord.Colour.green()
NO_MENTIONS = discord.AllowedMentions.none()
PERIOD_NAMES = {
    Period.WEEK: "this week",
    Period.MONTH: "this month",
    Period.SEASON: "this season",
    Period.ALL_TIME: "all time",
}
QUOTE_LIMIT = 1000

APOLOGY = "Sorry, something went wrong on our side. The hosts have been told; please try again."
NO_GAME = "There is no trivia game running in this channel. Start one with `/trivia start`."
QUESTION_CLOSED = "That question has closed; wait for the next one."
GAME_OVER = "That game is over. Start a new one with `/trivia start`."
NOT_A_PLAYER_ANSWER = "Only the host or a server manager can do that."


def permission_denied(error: app_commands.CheckFailure) -> str:
    """Why a command was refused."""
    message = str(error)
    return message if message else NOT_A_PLAYER_ANSWER


def _mode_line(mode: Mode) -> str:
    if mode is Mode.RACE:
        return "Race: the first correct answer wins the points."
    return "Quiz: everyone answers privately; faster right answers earn more."


def game_started(config: SessionConfig, host: str) -> discord.Embed:
    """Announcement of a new game: how it is played and when it ends."""
    questions = "1 question" if config.question_limit == 1 else f"{config.question_limit} questions"
    lines = [
        _mode_line(config.mode),
        f"{questions}, {config.time_limit_seconds:g} seconds each.",
    ]
    if config.target_score is not None:
        lines.append(f"The first to {config.target_score} points wins at once.")
    if not config.streak_bonus:
        lines.append("No bonus for answers in a row.")
    embed = discord.Embed(
        title="🚀 Soviet space cinema trivia", description="\n".join(lines), colour=QUESTION_COLOUR
    )
    embed.set_footer(text=f"Hosted by {host}")
    return embed


def question(
    asked: AskedQuestion,
    total: int,
    seconds_left: int,
    mode: Mode | None,
    chat: bool = False,
    paused: bool = False,
) -> discord.Embed:
    """A question being asked, with the time left (or that the game is paused).

    ``chat`` says whether typed answers in the channel are read (the message content
    intent); without it the question never invites them.
    """
    item = asked.item
    how: str | None = None
    if asked.tie_break:
        how = "the tied players only, one number each: the closest wins 1 point"
    elif item.type is ItemType.OPEN:
        how = "press Answer or use `/answer`"
        if chat:
            how = "type your answer in chat, use `/answer`, or press Answer"
        if mode is Mode.QUIZ:
            how = "press Answer (only you see it)"
    time = "⏸️ paused" if paused else countdown(seconds_left)
    return question_embed(GAME_LOOK, item, _numbered(asked, total), how, item.category, time)


def _numbered(asked: AskedQuestion, total: int) -> str:
    return "Tie-breaker" if asked.tie_break else f"Question {asked.number}/{total}"


def countdown(seconds_left: int) -> str:
    """The countdown shown on a question."""
    return "⏰ time is up" if seconds_left <= 0 else f"⏳ {seconds_left} s"


def reveal(result: Reveal, total: int, scorers: Sequence[str]) -> discord.Embed:
    """The answer of a closed question, who scored, and how the channel did."""
    asked = result.question
    fastest = result.fastest.name if result.fastest is not None else None
    return reveal_embed(
        GAME_REVEAL,
        _numbered(asked, total),
        SKIPPED if result.skipped else REVEALED,
        asked.item.question,
        result.answer,
        scorers,
        Tally(result.answered, result.correct, fastest),
    )


def interrupted(asked: AskedQuestion, total: int) -> discord.Embed:
    """A question whose game ended before it closed: its answer, no countdown."""
    item = asked.item
    footer = "The game ended before this question closed; every point is kept."
    place = _numbered(asked, total)
    return reveal_embed(
        GAME_REVEAL, place, REVEALED, item.question, item.answers[0], (), None, footer
    )


def evidence(item: TriviaItem, played: QuestionStats | None = None) -> discord.Embed:
    """The document quotes an answer rests on, and how the question has fared in play."""
    embed = discord.Embed(title="Why is that the answer?", colour=REVEAL_COLOUR)
    embed.description = f"**{discord.utils.escape_markdown(item.answers[0])}**"
    for quote in item.sources:
        text = quote.quote if len(quote.quote) <= QUOTE_LIMIT else quote.quote[:QUOTE_LIMIT] + "…"
        embed.add_field(name=f"📄 {quote.document}", value=f"“{text}”", inline=False)
    if played is not None and played.times_asked:
        embed.add_field(name="📊 Played in every server", value=question_record(played))
    if not item.verified:
        embed.set_footer(text=f"{community_label(item.origin)}: not checked against the reference.")
    return embed


def question_record(played: QuestionStats) -> str:
    """How often a question was asked and answered right."""
    times = "once" if played.times_asked == 1 else f"{played.times_asked} times"
    if not played.answers:
        return f"asked {times}, never answered"
    line = (
        f"asked {times}; {played.correct} of {played.answers} answers right "
        f"({played.share_correct:.0%})"
    )
    if played.median_answer_ms is not None:
        line += f", median {played.median_answer_ms / 1000:.1f} s"
    return line


REFUSALS = {
    Refusal.NO_QUESTION: "There is no open question right now.",
    Refusal.PAUSED: "The game is paused.",
    Refusal.TIME_UP: "Time is up for this question.",
    Refusal.ALREADY_WON: "Someone was faster; the next question is coming.",
    Refusal.GUESS_LIMIT: "You have used all your guesses for this question.",
    Refusal.NOT_IN_TIE_BREAK: "Only the tied players answer the tie-breaker.",
}


def answer_feedback(result: AnswerResult, text: str, quiz: bool) -> str:
    """Private reply to an answer (the player's text is echoed, never pinging)."""
    if result.refused is not None:
        return "⛔ " + REFUSALS[result.refused]
    if result.tie_break:
        return f"🎯 Your guess is in: **{echoed(text)}**. The closest number wins."
    judgement = result.judgement
    right = judgement is not None and judgement.accepted
    close = judgement is not None and judgement.close
    return answer_line(GAME_ANSWERS, text, result.points, quiz=quiz, right=right, close=close)


def race_won(player: str, text: str, points: int) -> str:
    """Public announcement of a race winner (sent with mentions disabled)."""
    return race_won_line(GAME_ANSWERS, player, text, points)


def standings(title: str, rows: Sequence[Standing]) -> discord.Embed:
    """A table of standings (a game's or a leaderboard)."""
    places = [Place(row.rank, row.name, f"{row.points} points") for row in rows]
    return standings_embed(GAME_STANDINGS, title, places)


def leaderboard(rows: Sequence[Standing], period: Period, everywhere: bool) -> discord.Embed:
    """A leaderboard for a period, of this server or of every server."""
    where = "every server" if everywhere else "this server"
    return standings(f"🏆 Leaderboard: {where}, {PERIOD_NAMES[period]}", rows)


def player_stats(
    name: str,
    stats: PlayerStats | None,
    rank: RankInfo | None,
    period: Period = Period.ALL_TIME,
) -> discord.Embed:
    """A player's record in a server, with the rank of a period."""
    embed = discord.Embed(title=f"📊 {discord.utils.escape_markdown(name)}", colour=BOARD_COLOUR)
    if stats is None or stats.answers == 0:
        embed.description = "No answers yet. Join a game with `/trivia start`!"
        return embed
    median = f"{stats.median_answer_ms / 1000:.1f} s" if stats.median_answer_ms else "n/a"
    embed.add_field(name="Games", value=str(stats.games))
    embed.add_field(name="Wins", value=str(stats.wins))
    embed.add_field(name="Correct", value=f"{stats.correct}/{stats.answers} ({stats.accuracy:.0%})")
    embed.add_field(name="Median answer time", value=median)
    embed.add_field(name="Best streak", value=str(stats.best_streak))
    title = "Rank" if period is Period.ALL_TIME else f"Rank ({PERIOD_NAMES[period]})"
    if rank is not None:
        embed.add_field(name=title, value=f"#{rank.standing.rank} ({rank.standing.points} points)")
    elif period is not Period.ALL_TIME:
        embed.add_field(name=title, value=f"no points {PERIOD_NAMES[period]}")
    return embed


def guild_settings(settings: GuildSettings, changed: bool) -> discord.Embed:
    """A server's trivia settings."""
    embed = discord.Embed(
        title="⚙️ Trivia settings" + (" updated" if changed else ""), colour=QUESTION_COLOUR
    )
    embed.add_field(name="Timer", value=f"{settings.time_limit_seconds:g} s")
    embed.add_field(name="Guess limit", value=str(settings.guess_limit))
    role = f"<@&{settings.host_role_id}>" if settings.host_role_id else "none (Manage Server only)"
    embed.add_field(name="Host role", value=role)
    channels = ", ".join(f"<#{c}>" for c in sorted(settings.allowed_channels)) or "every channel"
    embed.add_field(name="Channels", value=channels, inline=False)
    nights = "count" if settings.night_points else "do not count"
    embed.add_field(name="Quiz nights in leaderboards and stats", value=nights, inline=False)
    web = "on (see /trivia web)" if settings.web_pages else "off"
    embed.add_field(name="Web pages", value=web, inline=False)
    return embed


def game_over(result: FinalResult, stopped: bool) -> discord.Embed:
    """Final standings of a game, with a tie for first called a tie."""
    title = "🛑 Game stopped: final standings" if stopped else "🏁 Game over: final standings"
    embed = standings(title, result.standings)
    if result.tied:
        names = [discord.utils.escape_markdown(row.name) for row in result.tied]
        embed.add_field(name="Tie for first", value=fitted(names, ", ", FIELD_LIMIT), inline=False)
    return embed


def hint(text: str, level: int) -> str:
    """A hint, shown to the channel."""
    return f"💡 Hint {level}: `{text}` (each hint lowers the points for this question)"


def pause_notice(paused: bool) -> str:
    """Posted when the host pauses or resumes a game."""
    return pause_line(GAME_PAUSE, paused)


def skip_vote(votes: int, needed: int, counted: bool = True) -> str:
    """Progress of a skip vote."""
    if not counted:
        return f"⏭️ Only players who have answered can vote to skip ({votes}/{needed})."
    return f"⏭️ Skip vote: {votes}/{needed}."


def game_interrupted() -> str:
    """Posted when the bot shuts down in the middle of a game."""
    return "🔧 The bot is restarting, so this game has ended. Every point scored is saved."


def game_recovered() -> str:
    """Posted at start for a game the bot's last stop cut short."""
    return "🔧 The bot restarted during this game, so it has ended. Every point scored is saved."


def report_filed() -> str:
    """Private thanks for reporting a question."""
    return "🚩 Thanks, the question is flagged for review."


def web_links(
    public_url: str | None, host: tuple[str, datetime] | None, pages_on: bool
) -> discord.Embed:
    """The server's web pages and a host's signed link (shown to the host alone)."""
    embed = discord.Embed(title="🌐 Web pages", colour=QUESTION_COLOUR)
    if public_url is None:
        embed.description = "This bot serves no web pages."
        return embed
    if pages_on:
        embed.add_field(name="Public pages", value=public_url, inline=False)
    else:
        embed.add_field(
            name="Public pages", value="off: turn them on with `/trivia settings web:on`"
        )
    if host is None:
        embed.add_field(
            name="Host view", value="off on this bot (its operator sets TRIVIA_WEB_SECRET)"
        )
    else:
        url, expires = host
        stamp = discord.utils.format_dt(expires, "R")
        embed.add_field(
            name="Host view (do not share)", value=f"{url}\nexpires {stamp}", inline=False
        )
    return embed
