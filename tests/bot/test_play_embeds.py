"""What every format shows of play, built once: each shared embed and line in both variants."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.game.judging import CLOSE_HINT
from bot.views.limits import DESCRIPTION_LIMIT, FIELD_LIMIT
from bot.views.play_embeds import (
    ECHO_LIMIT,
    GAME_ANSWERS,
    GAME_PAUSE,
    GAME_REVEAL,
    GAME_STANDINGS,
    NIGHT_ANSWERS,
    NIGHT_PAUSE,
    NIGHT_REVEAL,
    NIGHT_STANDINGS,
    REVEAL_FOOTER,
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

DEADLINE = datetime(2026, 4, 12, 18, 30, tzinfo=UTC)
LOOKS = pytest.mark.parametrize("look", [GAME_REVEAL, NIGHT_REVEAL], ids=["game", "night"])


def _fields(embed):
    return [(f.name, f.value, f.inline) for f in embed.fields]


# A closed question -------------------------------------------------------------------------


@LOOKS
def test_reveal_titles_the_place_and_how_it_closed_and_escapes_the_question(look):
    embed = reveal_embed(look, "Question 1/3", REVEALED, "Who is *Kosmonaut*?", "Yuri_G", ["A"])
    assert embed.title == "Question 1/3: the answer"
    assert embed.description == "Who is \\*Kosmonaut\\*?"
    assert embed.colour is not None
    assert embed.colour.value == 0x11806A
    assert _fields(embed)[0] == ("Answer", "**Yuri\\_G**", True)
    assert embed.footer.text == REVEAL_FOOTER


@pytest.mark.parametrize(
    ("look", "field"), [(GAME_REVEAL, "Points for"), (NIGHT_REVEAL, "Right")], ids=["game", "night"]
)
def test_reveal_lists_who_had_it_under_the_formats_field(look, field):
    embed = reveal_embed(look, "Q", REVEALED, "q", "a", ["Yuri_G", "Valentina"])
    assert _fields(embed)[-1] == (field, "Yuri\\_G, Valentina", False)


def test_reveal_with_nobody_right_leaves_a_games_field_out_and_says_so_in_a_night():
    assert _fields(reveal_embed(GAME_REVEAL, "Q", REVEALED, "q", "a", [])) == [
        ("Answer", "**a**", True)
    ]
    assert _fields(reveal_embed(NIGHT_REVEAL, "Q", REVEALED, "q", "a", [])) == [
        ("Answer", "**a**", True),
        ("Right", "nobody", False),
    ]


def test_a_skipped_reveal_says_it_scores_nothing_in_a_night_and_lists_a_games_scorers():
    night = reveal_embed(NIGHT_REVEAL, "Q", SKIPPED, "q", "a", ["Yuri"])
    assert night.title == "Q: skipped"
    assert _fields(night)[-1] == ("Right", "skipped: it scores nothing", False)
    game = reveal_embed(GAME_REVEAL, "Q", SKIPPED, "q", "a", ["Yuri"])
    assert game.title == "Q: skipped"
    assert _fields(game)[-1] == ("Points for", "Yuri", False)


@LOOKS
def test_reveal_shows_a_tally_before_the_names(look):
    embed = reveal_embed(look, "Q", REVEALED, "q", "a", ["Yuri"], Tally(3, 1, "Yuri_G"))
    assert [name for name, _, _ in _fields(embed)] == ["Answer", "Answers", "Fastest", look.field]
    assert _fields(embed)[1:3] == [
        ("Answers", "1/3 right (33%)", True),
        ("Fastest", "Yuri\\_G", True),
    ]


@LOOKS
def test_reveal_tally_of_nobody(look):
    embed = reveal_embed(look, "Q", REVEALED, "q", "a", [], Tally(0, 0, None))
    assert ("Answers", "nobody answered", True) in _fields(embed)
    assert "Fastest" not in [name for name, _, _ in _fields(embed)]


@LOOKS
def test_reveal_cuts_a_long_answer_to_its_field(look):
    embed = reveal_embed(look, "Q", REVEALED, "q", "*" * 3000, [])
    answer = embed.fields[0].value
    assert len(answer) <= FIELD_LIMIT
    assert answer.endswith("…**")


@LOOKS
def test_reveal_fits_many_names_in_the_formats_limit(look):
    names = [f"cosmonaut-{n:03}-with-a-long-name" for n in range(100)]
    listed = reveal_embed(look, "Q", REVEALED, "q", "a", names).fields[-1].value
    assert len(listed) <= look.limit
    assert listed.startswith("cosmonaut-000")
    assert listed.endswith("more")


def test_reveal_takes_the_footer_it_is_given():
    embed = reveal_embed(GAME_REVEAL, "Q", REVEALED, "q", "a", [], footer="The game ended.")
    assert embed.footer.text == "The game ended."


# An answer ---------------------------------------------------------------------------------

VERDICTS = [
    # quiz, right, close, game's line, night's line
    (
        True,
        True,
        True,
        "✅ Your answer is in: **Yuri\\_G**. You can change it until the time runs out.",
        "✅ Your answer is in.",
    ),
    (False, True, False, "✅ Right, but someone was faster.", "🎉 Right! +7 points."),
    (
        False,
        False,
        True,
        f"🤏 **Yuri\\_G**: {CLOSE_HINT}",
        f"🤏 {CLOSE_HINT} The host may still accept it later.",
    ),
    (False, False, False, "❌ **Yuri\\_G** is not it.", "❌ Not it."),
]


@pytest.mark.parametrize(("quiz", "right", "close", "game", "night"), VERDICTS)
def test_answer_line_in_each_format(quiz, right, close, game, night):
    flags = {"quiz": quiz, "right": right, "close": close}
    assert answer_line(GAME_ANSWERS, "Yuri_G", 7, **flags) == game
    assert answer_line(NIGHT_ANSWERS, "Yuri_G", 7, **flags) == night


@pytest.mark.parametrize("words", [GAME_ANSWERS, NIGHT_ANSWERS], ids=["game", "night"])
def test_a_quiz_answer_line_never_hints(words):
    assert CLOSE_HINT not in answer_line(words, "x", 0, quiz=True, right=False, close=True)


def test_braces_in_an_answer_are_echoed_as_written():
    line = answer_line(GAME_ANSWERS, "{points} {0}", 3, quiz=False, right=False, close=False)
    assert line == "❌ **{points} {0}** is not it."
    won = race_won_line(GAME_ANSWERS, "<@1>", "{hint}", 3)
    assert won == "🎉 <@1> got it with **{hint}** (+3 points)"


def test_race_won_line_in_each_format():
    assert race_won_line(GAME_ANSWERS, "<@1>", "Yuri_G", 15) == (
        "🎉 <@1> got it with **Yuri\\_G** (+15 points)"
    )
    assert race_won_line(NIGHT_ANSWERS, "<@1>", "Yuri_G", 15) == "🎉 <@1> got it (+15 points)."


def test_an_echoed_answer_is_cut_short_and_escaped():
    text = echoed("_" * 1000)
    assert len(text) == 2 * (ECHO_LIMIT - 1) + 1
    assert text.startswith("\\_")
    assert text.endswith("…")


# Standings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("look", "nobody"),
    [(GAME_STANDINGS, "Nobody has scored yet."), (NIGHT_STANDINGS, "Nobody has signed up.")],
    ids=["game", "night"],
)
def test_empty_standings_say_so_in_the_formats_words(look, nobody):
    embed = standings_embed(look, "Standings", [])
    assert embed.to_dict() == {
        "type": "rich",
        "title": "Standings",
        "description": nobody,
        "color": 0xF1C40F,
        "flags": 0,
    }


@pytest.mark.parametrize("look", [GAME_STANDINGS, NIGHT_STANDINGS], ids=["game", "night"])
def test_standings_give_medals_to_the_first_three_ranks(look):
    places = [Place(1, "Yuri_G", "9"), Place(1, "A", "9"), Place(3, "B", "4"), Place(4, "C", "1")]
    assert standings_embed(look, "S", places).description == (
        "🥇 Yuri\\_G: 9\n🥇 A: 9\n🥉 B: 4\n4. C: 1"
    )


def test_a_nights_standings_list_fifteen_places_and_a_games_all_that_fit():
    places = [Place(n, f"p{n}", str(100 - n)) for n in range(1, 41)]
    assert len(standings_embed(NIGHT_STANDINGS, "S", places).description.splitlines()) == 15
    assert len(standings_embed(GAME_STANDINGS, "S", places).description.splitlines()) == 40


@pytest.mark.parametrize("look", [GAME_STANDINGS, NIGHT_STANDINGS], ids=["game", "night"])
def test_standings_fit_a_description(look):
    places = [Place(n, "*" * 400, "1") for n in range(1, 16)]
    text = standings_embed(look, "S", places).description
    assert len(text) <= DESCRIPTION_LIMIT
    assert text.endswith("more")


# Pause and resume --------------------------------------------------------------------------


def test_pause_line_in_each_format():
    assert pause_line(GAME_PAUSE, True) == (
        "⏸️ The game is paused; the clock has stopped. `/trivia resume` carries on."
    )
    assert pause_line(NIGHT_PAUSE, True) == (
        "⏸️ The night is paused; the question's clock has stopped."
    )


@pytest.mark.parametrize(
    ("look", "play"), [(GAME_PAUSE, "game"), (NIGHT_PAUSE, "night")], ids=["game", "night"]
)
def test_resume_line_says_the_deadline_when_given(look, play):
    stamp = int(DEADLINE.timestamp())
    assert pause_line(look, False, DEADLINE) == (
        f"▶️ The {play} goes on; the question ends <t:{stamp}:R>."
    )
    assert pause_line(look, False) == (
        f"▶️ The {play} goes on; the question keeps the time it had left."
    )
