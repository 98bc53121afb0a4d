"""Scans made on a lower-cased sentence find what the case-blind scans they replace find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from questions.extract import (
    _ANAPHORA,
    _FIGURATIVE,
    _FOOTAGE_VERB,
    _INTO_MANY,
    _NEGATED,
    _WHICH_VERSION,
    _anaphora_at,
)
from questions.mentions import _MAY_COUNT, _MAY_COUNT_LOWER, numbers
from questions.names import lower_case_twin, lowers_plainly, search_lowered

# Letters of the number words in both cases, the letters a case-blind pattern takes for
# ASCII ones (dotted and dotless i, long s, Kelvin sign), digits and a few marks.
LETTERS = "onetwhrfuivsxgldzbpaONETWHRFUIVSXGLDZBPA" + "\u0130\u0131\u017f\u212a"
TEXTS = st.text(alphabet=LETTERS + " 17٣,.'’“”-", max_size=40)


def test_a_sentence_in_any_script_without_case_twins_lowers_plainly() -> None:
    assert lowers_plainly("“Solaris” (1972) runs three hours")
    assert lowers_plainly("Солярис, «Мосфильм», 1972")


def test_letters_a_case_blind_pattern_takes_for_ascii_ones_do_not() -> None:
    for text in ("ſix", "SİX", "ıt", "\u212aelvin"):
        assert not lowers_plainly(text)


@given(TEXTS)
def test_the_number_prefilter_agrees_with_the_case_blind_one(text: str) -> None:
    if lowers_plainly(text):
        lowered = _MAY_COUNT_LOWER.search(text.lower())
        assert (lowered is None) == (_MAY_COUNT.search(text) is None)


def test_numbers_are_found_in_any_case() -> None:
    found = numbers("“THREE men and Two women”, 12 in all")
    assert [(m.text, m.value) for m in found] == [("THREE", "3"), ("Two", "2"), ("12", "12")]


PHRASES = [
    "not", "NOT only", "never", "Rather than", "no", "in disguise", "Sort of", "the original",
    "The Latter", "İts", "ıt", "This film", "re-cut", "RE-EDITED", "into", "Two", "several",
    "films", "Mosfilm", "it", "Reused", "cannibalized", "uſed",
    "ſort of", "orİginal", "ınto", "\u212aind of", "1962", ",", ".", "“", "”", "(",
]  # fmt: skip
SENTENCES = st.lists(st.sampled_from(PHRASES), max_size=12).map(" ".join)


@pytest.mark.parametrize(
    "pattern", [_NEGATED, _FIGURATIVE, _INTO_MANY, _WHICH_VERSION, _FOOTAGE_VERB]
)
@given(text=SENTENCES)
def test_a_lowered_search_finds_what_the_case_blind_pattern_finds(
    pattern: re.Pattern[str], text: str
) -> None:
    found = search_lowered(pattern, lower_case_twin(pattern), text)
    expected = pattern.search(text)
    assert (found and found.span()) == (expected and expected.span())


@given(text=SENTENCES)
def test_the_anaphora_twin_matches_where_the_pattern_matches(text: str) -> None:
    found, expected = _anaphora_at(text), _ANAPHORA.match(text.lower())
    assert (found and found.span()) == (expected and expected.span())


def test_a_pattern_with_capitals_or_case_sensitive_parts_has_no_twin() -> None:
    for pattern in (
        re.compile(r"\bNASA\b", re.IGNORECASE),
        re.compile(r"(?-i:x)y", re.IGNORECASE),
        re.compile(r"film"),
    ):
        with pytest.raises(ValueError, match="no lower-case twin"):
            lower_case_twin(pattern)
    twin = lower_case_twin(re.compile(r"\b(?P<n>two|three)\s+\w+", re.IGNORECASE))
    assert not twin.flags & re.IGNORECASE
