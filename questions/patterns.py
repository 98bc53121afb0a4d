"""Sentence patterns behind cheap substring gates.

The extractor runs dozens of patterns on every sentence, and most of them start with a
name or a word boundary, so a sentence they do not match costs a scan from every position.
A :class:`Gated` pattern first checks for a literal that every match must contain
("narrat" for "narrated by" / "narrator" / "narrates"); only sentences that have one pay
for the regular expression. The gate never changes what matches, only what is tried.

Every needle of every gate is known to one Aho–Corasick automaton, so a sentence is scanned
once for all of them (:func:`occurring`) and each gate asks that set instead of scanning
the sentence again for each of its own needles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import ahocorasick  # type: ignore[import-not-found]  # a C extension without stubs

_NOTHING: tuple[re.Match[str], ...] = ()
# The extractor asks about every sentence of a document twice (headings first, then the
# rules), so the memo holds a long document's sentences rather than the last few.
_MEMO_SIZE = 4096
# The needles occurring in the last texts scanned: a sentence's gates all ask about the same
# few texts. Every answer holds "" (which occurs in every text), so none is empty and
# ``_MEMO.get(text) or scan`` tells a remembered answer from a missing one in one step.
_MEMO: dict[str, frozenset[str]] = {}


class _Scanner:
    """Finds which of the registered needles occur in a text, in one pass over it."""

    def __init__(self) -> None:
        self.needles: set[str] = set()
        self.automaton: ahocorasick.Automaton | None = None

    def register(self, needles: Iterable[str]) -> None:
        new = set(needles) - self.needles
        if new:
            self.needles |= new
            self.automaton = None
            _MEMO.clear()

    def occurring(self, text: str) -> frozenset[str]:
        found = _MEMO.get(text)
        if found is None:
            automaton = self.automaton or self._build()
            found = frozenset(["", *[needle for _, needle in automaton.iter(text)]])
            if len(_MEMO) >= _MEMO_SIZE:
                _MEMO.clear()
            _MEMO[text] = found
        return found

    def _build(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        for needle in self.needles:
            if needle:  # "" is in every answer already
                automaton.add_word(needle, needle)
        automaton.make_automaton()
        self.automaton = automaton
        return automaton


_SCANNER = _Scanner()


def needle_set(needles: Iterable[str]) -> frozenset[str]:
    """``needles`` as a set that :func:`has_any` can test (they are registered for scans)."""
    result = frozenset(needles)
    _SCANNER.register(result)
    return result


def occurring(text: str) -> frozenset[str]:
    """Every needle made by :func:`needle_set` or a gate that occurs in ``text`` (one scan)."""
    return _SCANNER.occurring(text)


def has_any(needles: frozenset[str], text: str) -> bool:
    """Whether one of ``needles`` (from :func:`needle_set`) occurs in ``text``."""
    return not needles.isdisjoint(_SCANNER.occurring(text))


@dataclass(frozen=True, slots=True)
class Gated:
    r"""A compiled pattern behind cheap tests that every text it matches passes.

    ``needles`` are literals one of which occurs in every match; ``hint``, when given, is a
    cheap pattern that finds something every match contains. ``anchor``, when given, says
    that every match starts that many characters before an occurrence of a needle (the
    pattern opens with its keyword, as in ``\b(?:[Bb]ased on|...)`` with the needle "ased
    on" and anchor 1): the pattern is then only tried at those places. A pattern opening
    with a word boundary and alternatives makes the regular expression engine try every
    position of the text; trying a few is several times cheaper and finds the same matches.
    """

    pattern: re.Pattern[str]
    needles: tuple[str, ...]
    hint: re.Pattern[str] | None = None
    anchor: int | None = None
    needle_set: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "needle_set", needle_set(self.needles))

    # The methods below test the gate inline rather than through admits(): a Python call
    # more per pattern and sentence was a tenth of the extractor's time.

    def admits(self, text: str) -> bool:
        """Whether the pattern may match ``text`` at all (a needle occurs, the hint matches)."""
        if self.needle_set.isdisjoint(_MEMO.get(text) or _SCANNER.occurring(text)):
            return False
        return self.hint is None or self.hint.search(text) is not None

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``, skipped when no needle occurs in ``text``."""
        if self.needle_set.isdisjoint(_MEMO.get(text) or _SCANNER.occurring(text)):
            return None
        if self.hint is not None and self.hint.search(text) is None:
            return None
        return self._search(text)

    def match(self, text: str) -> re.Match[str] | None:
        """``pattern.match(text)``, skipped when no needle occurs in ``text``."""
        if self.needle_set.isdisjoint(_MEMO.get(text) or _SCANNER.occurring(text)):
            return None
        if self.hint is not None and self.hint.search(text) is None:
            return None
        return self.pattern.match(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, skipped when no needle occurs in ``text``."""
        if self.needle_set.isdisjoint(_MEMO.get(text) or _SCANNER.occurring(text)):
            return iter(_NOTHING)
        if self.hint is not None and self.hint.search(text) is None:
            return iter(_NOTHING)
        return self._finditer(text)

    def search_unscanned(self, text: str) -> re.Match[str] | None:
        """:meth:`search` without the needle test, for a text the caller already gated.

        For the part of a sentence whose needles were tested (its body after a label): the
        needle test only saves time and would scan the part all over again.
        """
        if self.hint is not None and self.hint.search(text) is None:
            return None
        return self._search(text)

    def finditer_unscanned(self, text: str) -> Iterator[re.Match[str]]:
        """:meth:`finditer` without the needle test (see :meth:`search_unscanned`)."""
        if self.hint is not None and self.hint.search(text) is None:
            return iter(_NOTHING)
        return self._finditer(text)

    def findall(self, text: str) -> list[str]:
        """``pattern.findall(text)`` (single-group patterns), or [] without a needle."""
        return self.pattern.findall(text) if self.admits(text) else []

    def _search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``, tried only where a match may start when anchored."""
        if self.anchor is None:
            return self.pattern.search(text)
        for start in self._starts(text):
            found = self.pattern.match(text, start)
            if found is not None:
                return found
        return None

    def _finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, tried only where a match may start when anchored."""
        if self.anchor is None:
            return self.pattern.finditer(text)
        return self._anchored_matches(text)

    def _anchored_matches(self, text: str) -> Iterator[re.Match[str]]:
        # As finditer: left to right, each match starting at or after the previous one's end
        # (an anchored pattern never matches the empty string).
        end = 0
        for start in self._starts(text):
            if start >= end:
                found = self.pattern.match(text, start)
                if found is not None:
                    end = found.end()
                    yield found

    def _starts(self, text: str) -> list[int]:
        """Where an anchored match may start: ``anchor`` characters before each needle.

        Only the needles the last scan of ``text`` found are looked for (all of them when
        ``text`` was not scanned, as for an unscanned search).
        """
        anchor = self.anchor or 0
        scanned = _MEMO.get(text)
        needles = self.needle_set.intersection(scanned) if scanned else self.needles
        starts: list[int] = []
        for needle in needles:
            at = text.find(needle, anchor)
            while at >= 0:
                starts.append(at - anchor)
                at = text.find(needle, at + 1)
        return starts if len(needles) == 1 else sorted(set(starts))  # one needle: in order


def fewest_needles(needles: Iterable[str]) -> tuple[str, ...]:
    """``needles`` without those that contain another needle: the same texts pass.

    A text has one of the result exactly when it has one of ``needles`` ("stay" occurs in
    every text "stays" occurs in).
    """
    unique = tuple(dict.fromkeys(needles))
    return tuple(a for a in unique if not any(b != a and b in a for b in unique))


def needles_of(*patterns: Gated) -> tuple[str, ...]:
    """Needles of ``patterns``: a text none of them occurs in matches none of the patterns."""
    return fewest_needles(needle for pattern in patterns for needle in pattern.needles)


def gated(pattern: str, *needles: str, hint: str | None = None, anchor: int | None = None) -> Gated:
    """Compile ``pattern`` behind ``needles``: every match must contain one of them.

    ``hint``, when given, must match (``re.search``) every text the pattern matches; make it
    start with a literal so that the scan is fast. ``anchor``, when given, must be how many
    characters before an occurrence of one of ``needles`` every match starts (see
    :class:`Gated`); the needles are then kept as given.

    Raises:
        ValueError: no needle is given (the gate would reject everything).
    """
    if not needles:
        raise ValueError(f"pattern {pattern[:40]!r}... needs at least one needle")
    # A needle inside another ("stay" in "to stay") stands for it in a gate, but not for
    # where a match starts, so an anchored pattern keeps its needles as given.
    kept = tuple(dict.fromkeys(needles)) if anchor is not None else fewest_needles(needles)
    return Gated(re.compile(pattern), kept, re.compile(hint) if hint else None, anchor)
