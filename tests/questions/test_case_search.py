"""Scans made on a lower-cased sentence find what the case-blind scans they replace find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from questions.mentions import _MAY_COUNT, _MAY_COUNT_LOWER, numbers
from questions.names import lowers_plainly

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
