"""Properties of the answer judge that must hold for every input."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.game.judging import AliasIndex, Judge
from bot.game.normalising import (
    _CLAUSE,
    _CLAUSE_PATTERN,
    _CORRECTION,
    _LEADING_FILLER,
    _LEADING_TOPIC,
    _SEPARATORS,
    _SEPARATORS_PATTERN,
    _TRAILING_FILLER,
    _TRAILING_REACH,
    _UNSURE,
    _UNSURE_PATTERN,
    _WORD,
    _WRAPPING,
    _claim_by_clauses,
    final_statement,
    own_claim,
    split_clauses,
    strip_filler,
)

JUDGE = Judge(AliasIndex.from_groups([("Phobos", "Фобос"), ("Planeta Bur", "Planet of Storms")]))
ANSWERS = ["Phobos", "1963", "Mikhail Karyukov and Otar Koberidze", "Planeta Bur"]
CHOICES = ["Deimos", "Phobos", "Titan", "Europa"]
WORDS = [
    "phobos", "fobos", "deimos", "1963", "63", "nineteen", "sixty", "three", "karyukov",
    "koberidze", "kozyr", "mikhail", "otar", "planeta", "bur", "planet", "of", "storms",
    "and", "or", "not", "no", "wait", "i", "think", "its", "maybe", "the", "moon", "b", "c",
    "true", "yes", "lol", "iii", "3rd", "phbos",
]  # fmt: skip
# Punctuation that only wraps an answer; apostrophes are left out ('63 is a year).
WRAPPERS = st.text(alphabet=' .,!?;:"()', max_size=4)
KINDS = st.sampled_from(["open", "true_false", "multiple_choice"])


@st.composite
def attempts(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5))
    separators = draw(st.lists(st.sampled_from([" ", ", ", " & ", "... "]), min_size=len(words)))
    return "".join(word + sep for word, sep in zip(words, separators, strict=False)).strip()


def _judge(attempt, kind, answers=ANSWERS):
    return [JUDGE.judge(attempt, [answer], kind=kind, choices=CHOICES) for answer in answers]


@settings(max_examples=300)
@given(st.text(max_size=300), KINDS)
def test_judge_any_text_rules_without_error(attempt, kind):
    for ruling in _judge(attempt, kind, [*ANSWERS, "True", "B"]):
        assert 0.0 <= ruling.score <= 100.0
        assert ruling.matched is None or ruling.accepted
        assert not (ruling.accepted and ruling.close)


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1000, max_size=4000))
def test_judge_long_text_rules_without_error(attempt):
    assert not JUDGE.judge(attempt, ANSWERS).accepted


@given(st.text(max_size=200), KINDS)
def test_judge_same_attempt_same_ruling(attempt, kind):
    assert _judge(attempt, kind) == _judge(attempt, kind)


@settings(max_examples=300)
@given(attempts(), KINDS, st.data())
def test_judge_case_changes_change_no_verdict(attempt, kind, data):
    flips = data.draw(st.lists(st.booleans(), min_size=len(attempt), max_size=len(attempt)))
    changed = "".join(c.upper() if flip else c for c, flip in zip(attempt, flips, strict=True))
    before = [ruling.accepted for ruling in _judge(attempt, kind, [*ANSWERS, "True", "B"])]
    after = [ruling.accepted for ruling in _judge(changed, kind, [*ANSWERS, "True", "B"])]
    assert before == after


@settings(max_examples=300)
@given(attempts(), KINDS, WRAPPERS, WRAPPERS)
def test_judge_surrounding_punctuation_changes_no_verdict(attempt, kind, before, after):
    plain = [ruling.accepted for ruling in _judge(attempt, kind, [*ANSWERS, "True", "B"])]
    wrapped = _judge(before + attempt + after, kind, [*ANSWERS, "True", "B"])
    assert plain == [ruling.accepted for ruling in wrapped]


@given(st.sampled_from(["Phobos", "phobos?", "Фобос", "B) Phobos"]), WRAPPERS, WRAPPERS)
def test_judge_wrapped_right_answer_stays_right(attempt, before, after):
    assert JUDGE.judge(before + attempt + after, ["B"], kind="multiple_choice", choices=CHOICES)


CLAUSE_PIECES = [
    "a", "b", "venus", " ", "  ", "\t", ",", ";", "(", ")", "[", "]", ".", "..", "!", "?", "-",
    " - ", "\u2013", "\u2014", "but", "which ", "who ", "whose ", "not ", " is ", "'s",
    "rather than ", "instead of ",
]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(CLAUSE_PIECES), max_size=10))
def test_split_clauses_splits_as_the_clause_pattern(pieces):
    text = "".join(pieces)
    assert split_clauses(text) == _CLAUSE.split(text)


@settings(max_examples=500)
@given(
    st.lists(st.sampled_from([*CLAUSE_PIECES, "lol", "sure", "haha", "i think", "ofc"]), max_size=8)
)
def test_strip_filler_drops_what_the_filler_patterns_drop(pieces):
    text = "".join(pieces)
    for topic in (True, False):
        assert strip_filler(text, topic=topic) == _strip_filler_by_substitution(text, topic)


def _strip_filler_by_substitution(text, topic):
    """`strip_filler` as first written: every pattern substituted or searched in full."""
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_FILLER.sub("", text.strip(_WRAPPING))
        if topic:
            text = _LEADING_TOPIC.sub("", text)
        found = _TRAILING_FILLER.search(text, max(0, len(text) - _TRAILING_REACH))
        text = text[: found.start()] if found else text
    return text


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from([*CLAUSE_PIECES, "wait", "no wait", "actually", "sorry", "mars"]),
        max_size=8,
    )
)
def test_final_statement_is_the_last_after_any_correction(pieces):
    text = "".join(pieces)
    statements = [part for part in _CORRECTION.split(text) if _WORD.search(part)]
    assert final_statement(text) == (statements[-1] if statements else "")


CLAIM_PIECES = [
    "venus", "mars", " ", ",", "(", ")", ".", '"', "'", "-", "@bob ", "not ", "no", "nope",
    "i think it's ", "my friend says ", " is a planet", "it is ", "jk", "not sure", "idk",
    "90%", " or ", "wrong", "never", "lol", "the one", "which ", "v e n u s", "aren't",
    '"mars"', "nevermind", "he said", "phobos is the moon",
]  # fmt: skip


@settings(max_examples=1500)
@given(
    st.lists(st.sampled_from(CLAIM_PIECES), max_size=4),
    st.lists(st.sampled_from(["!", "?", " ", "!!"]), min_size=1, max_size=3),
    st.booleans(),
)
def test_own_claim_of_a_closed_clause_is_its_reading_clause_by_clause(pieces, closing, truth):
    # A statement closed by "!" or "?" is read without splitting when it is one clause;
    # that must say what reading it clause by clause says.
    text = "".join(pieces) + "".join(closing)
    if "!" in text or "?" in text:
        assert own_claim(text, truth=truth) == _claim_by_clauses(text, truth=truth)


PATTERN_PIECES = [
    *CLAUSE_PIECES, "i'm ", "im ", "not sure", "100", "%", " percent", "i don't know", "idk",
    "no idea", "could be wrong", "might be wrong", "don't quote me", "just a guess", "wild guess",
    "or something", "without a doubt", "no doubt", "if i remember right", "if memory serves",
    "iirc", "like 90% sure", "and", "with", "plus", "maybe", "perhaps", "/", "&", "+", "...",
    "Venus", "X", "7",
]  # fmt: skip


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(PATTERN_PIECES), max_size=8))
def test_patterns_led_by_their_first_characters_match_as_written(pieces):
    # A lookahead for where a match can start spares work; it must change no match.
    text = "".join(pieces)
    assert _CLAUSE.split(text) == re.compile(_CLAUSE_PATTERN).split(text)
    assert _SEPARATORS.split(text) == re.compile(_SEPARATORS_PATTERN).split(text)
    assert _UNSURE.sub(",", text) == re.compile(_UNSURE_PATTERN).sub(",", text)


def test_spelled_out_letters_read_alike_whatever_marks_close_them():
    # found by the punctuation property above: "b b b:" was read as three words, "b b b" as
    # one spelled-out word
    for answer, attempt in [("B", "b b b"), ("Phobos", "p h o b o s")]:
        plain = JUDGE.judge(attempt, [answer]).accepted
        for wrapped in (f"{attempt}:", f"{attempt}!", f"{attempt}?", f"({attempt})"):
            assert JUDGE.judge(wrapped, [answer]).accepted == plain, wrapped
    assert JUDGE.judge("P h o b o s!", ["Phobos"]).accepted
