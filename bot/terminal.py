"""Play a quiz in the terminal with the same engine the Discord bot uses.

Reading a line blocks, so the loop is synchronous and drives the async service one step at
a time; Ctrl-C or the end of input therefore interrupts the read, never a database write.
"""

from __future__ import annotations

import asyncio
import random
import sys
from collections.abc import Callable, Sequence

from rich.console import Console
from rich.markup import escape

from bot.game.answering import Refusal
from bot.game.judging import CLOSE_HINT, Judge
from bot.game.models import (
    TERMINAL_GUILD,
    ChannelId,
    Clock,
    Mode,
    PlayerRef,
    SessionConfig,
    SessionStatus,
    Standing,
)
from bot.game.records import RecordsService
from bot.game.service import AnswerResult, AskedQuestion, GameService, Reveal
from bot.scores import terminal_player
from bot.storage import db
from bot.storage.sql import SqlRepository
from questions.models import ItemType, TriviaItem
from questions.packs.models import community_label

TERMINAL_CHANNEL = ChannelId(0)
EXIT_OK = 0


class TerminalGame:
    """One player, one session, questions read from standard input."""

    def __init__(
        self,
        database_url: str,
        items: Sequence[TriviaItem],
        console: Console,
        clock: Clock,
        rng: random.Random,
        read_line: Callable[[str], str] = input,
        *,
        judge: Judge,
    ) -> None:
        self._url = database_url
        self._judge = judge
        self._items = items
        self._console = console
        self._clock = clock
        self._rng = rng
        self._read = read_line

    def play(self, player_name: str, questions: int) -> int:
        """Play up to ``questions`` questions; returns the exit status."""
        with asyncio.Runner() as runner:
            engine = db.create_engine(self._url)
            repository = SqlRepository(db.session_factory(engine))
            try:
                runner.run(db.upgrade(engine))
                service = GameService(
                    self._items,
                    self._clock,
                    self._rng,
                    sessions=repository,
                    rounds=repository,
                    settings=repository,
                    review=repository,
                    unfinished=repository,
                    judge=self._judge,
                )
                records = RecordsService(
                    self._clock, leaderboards=repository, stats=repository, settings=repository
                )
                self._loop(runner, service, records, terminal_player(player_name), questions)
            finally:
                runner.run(repository.drain())
                runner.run(engine.dispose())
        return EXIT_OK

    def _loop(
        self,
        runner: asyncio.Runner,
        service: GameService,
        records: RecordsService,
        player: PlayerRef,
        questions: int,
    ) -> None:
        run = runner.run
        config = SessionConfig(Mode.QUIZ, questions, streak_bonus=True)
        run(service.start(TERMINAL_GUILD, TERMINAL_CHANNEL, config))
        status = SessionStatus.FINISHED
        try:
            for _ in range(questions):
                asked = run(service.ask(TERMINAL_CHANNEL))
                self._show_question(asked, questions)
                text = self._read("> ")
                if not sys.stdin.isatty():
                    # Piped answers are not echoed by a terminal; show them with the verdict.
                    self._console.print(text, markup=False)
                result = run(service.answer(TERMINAL_CHANNEL, player, text))
                reveal = run(service.close(TERMINAL_CHANNEL))
                self._show_reveal(reveal, result, player)
                if reveal.session_over:
                    break
        except (EOFError, KeyboardInterrupt):
            status = SessionStatus.ABANDONED
            self._console.print("\nGame ended early; your points so far are saved.")
        final = run(service.finish(TERMINAL_CHANNEL, status))
        self._show_standings("This game", final.standings)
        self._show_standings(
            "Leaderboard (terminal, all time)", run(records.leaderboard(TERMINAL_GUILD))
        )

    def _show_question(self, asked: AskedQuestion, total: int) -> None:
        item = asked.item
        limit = round(asked.time_limit_seconds)
        self._console.print(
            f"\n[bold]Question {asked.number}/{total}[/] [dim]({item.category}, {limit} s)[/]"
        )
        self._console.print(escape(item.question))
        for letter, choice in zip("ABCD", item.choices, strict=False):
            self._console.print(f"  {letter}) {escape(choice)}")
        if item.type is ItemType.TRUE_FALSE:
            self._console.print("  (true / false)")

    def _show_reveal(self, reveal: Reveal, result: AnswerResult, player: PlayerRef) -> None:
        item = reveal.question.item
        points = reveal.credited.get(player, 0)
        if result.refused is Refusal.TIME_UP:
            verdict = "[red]Time's up.[/]"
        elif result.judgement is not None and result.judgement.accepted:
            verdict = f"[green]Correct![/] +{points} points"
        elif result.judgement is not None and result.judgement.close:
            verdict = f"[yellow]{CLOSE_HINT}[/]"
        else:
            verdict = "[red]Not quite.[/]"
        self._console.print(f"{verdict} Answer: [bold]{escape(item.answers[0])}[/]")
        for quote in item.sources[:1]:
            self._console.print(f"[dim]Source {quote.document}: “{escape(quote.quote)}”[/]")
        if not item.verified:
            self._console.print(f"[dim]{escape(community_label(item.origin))}[/]")

    def _show_standings(self, title: str, standings: Sequence[Standing]) -> None:
        self._console.print(f"\n[bold]{title}[/]")
        for standing in standings:
            self._console.print(
                f"  {standing.rank}. {escape(standing.name)} — {standing.points} points"
            )
        if not standings:
            self._console.print("  (nobody has scored yet)")
