"""Gated patterns: the cheap substring test in front of a pattern never changes its matches."""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from questions import extract, extract_rules, history_rules, plot_rules
from questions.patterns import Gated, gated
from tests.conftest import DATA, SEEDS

RULE_MODULES = (extract, extract_rules, history_rules, plot_rules)


def _gated_patterns(module: ModuleType) -> list[tuple[str, Gated]]:
    return [(name, value) for name, value in vars(module).items() if isinstance(value, Gated)]


def _texts() -> list[str]:
    """Every document of the seeds and the test data, whole and line by line."""
    documents = [*sorted(SEEDS.glob("*.txt")), *sorted((DATA / "documents").glob("*.txt"))]
    texts = [path.read_text(encoding="utf-8") for path in documents]
    return texts + [line for text in texts for line in text.splitlines() if line.strip()]


def _spans(matches: Iterator[re.Match[str]]) -> list[tuple[int, int]]:
    return [match.span() for match in matches]


@pytest.mark.parametrize(
    ("name", "pattern"),
    [item for module in RULE_MODULES for item in _gated_patterns(module)],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_gated_rule_pattern_on_documents_matches_like_the_bare_pattern(
    name: str, pattern: Gated
) -> None:
    for text in _texts():
        assert _spans(pattern.finditer(text)) == _spans(pattern.pattern.finditer(text)), name
        if not pattern.admits(text):
            assert pattern.pattern.search(text) is None, name


@pytest.mark.parametrize(
    ("name", "pattern"),
    [item for module in RULE_MODULES for item in _gated_patterns(module)],
    ids=lambda value: value if isinstance(value, str) else "",
)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_gated_rule_pattern_admits_any_text_it_matches(
    name: str, pattern: Gated, data: st.DataObject
) -> None:
    text = data.draw(st.from_regex(pattern.pattern))
    assert pattern.admits(text), f"{name} matches {text!r} but its gate rejects it"


def test_rule_modules_gate_their_patterns() -> None:
    assert all(_gated_patterns(module) for module in RULE_MODULES)


def test_gated_text_without_needle_is_not_searched() -> None:
    pattern = gated(r"narrated by (?P<name>\w+)", "narrat", hint=r"narrated by")

    assert pattern.search("A film narrated by Gagarin.") is not None
    assert pattern.search("A film told by Gagarin.") is None
    assert pattern.match("narration only") is None
    assert list(pattern.finditer("no such word")) == []
    assert pattern.findall("narrated by Titov, narrated by Leonov") == ["Titov", "Leonov"]


def test_gated_without_needles_raises() -> None:
    with pytest.raises(ValueError, match="needs at least one needle"):
        gated(r"\bdirected by")


@pytest.mark.parametrize(
    ("name", "pattern"),
    [item for module in RULE_MODULES for item in _gated_patterns(module)],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_unscanned_search_on_documents_matches_like_the_bare_pattern(
    name: str, pattern: Gated
) -> None:
    for text in _texts():
        assert _spans(pattern.finditer_unscanned(text)) == _spans(pattern.pattern.finditer(text))
        found, bare = pattern.search_unscanned(text), pattern.pattern.search(text)
        assert (found and found.span()) == (bare and bare.span()), name


def test_unscanned_search_skips_the_needle_test_but_not_the_hint() -> None:
    pattern = gated(r"told by (?P<name>\w+)", "narrat", hint=r"told by")

    assert pattern.search("A film told by Gagarin.") is None  # no needle
    found = pattern.search_unscanned("A film told by Gagarin.")
    assert found is not None
    assert found["name"] == "Gagarin"
    assert [m["name"] for m in pattern.finditer_unscanned("told by A, told by B")] == ["A", "B"]
    assert pattern.search_unscanned("A film narrated by Gagarin.") is None  # the hint fails
    assert list(pattern.finditer_unscanned("narrated")) == []


ANCHORED = [
    (name, pattern)
    for module in RULE_MODULES
    for name, pattern in _gated_patterns(module)
    if pattern.anchor is not None
]


def test_rule_modules_anchor_some_patterns() -> None:
    assert len(ANCHORED) >= 5


@pytest.mark.parametrize(("name", "pattern"), ANCHORED, ids=[name for name, _ in ANCHORED])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_anchored_pattern_finds_what_the_bare_pattern_finds_around_any_match(
    name: str, pattern: Gated, data: st.DataObject
) -> None:
    words = st.text(alphabet="abAB ,.“”\"'(s)", max_size=12)
    sample = data.draw(st.from_regex(pattern.pattern, fullmatch=True))
    text = data.draw(words) + sample + data.draw(words) + sample
    assert _spans(pattern.finditer(text)) == _spans(pattern.pattern.finditer(text)), name
    found, bare = pattern.search(text), pattern.pattern.search(text)
    assert (found and found.span()) == (bare and bare.span()), name


def test_anchored_pattern_is_tried_only_before_its_needles() -> None:
    pattern = gated(r"\b[Bb]ased on (?P<w>\w+)", "ased on", anchor=1)

    text = "Based on Lem, and based on Bulychev; debased on nothing."
    assert [m["w"] for m in pattern.finditer(text)] == ["Lem", "Bulychev"]
    assert pattern.search("ased on X") is None  # no room for the first letter
    found = pattern.search("It is based on Lem.")
    assert found is not None
    assert found.span() == (6, 18)


def test_anchored_pattern_keeps_its_needles() -> None:
    assert gated(r"\b(?:to stay|stay)\b", "to stay", "stay", anchor=0).needles == (
        "to stay",
        "stay",
    )
    assert gated(r"\b(?:to stay|stay)\b", "to stay", "stay").needles == ("stay",)
