"""Sentence patterns behind cheap substring gates.

The extractor runs dozens of patterns on every sentence, and most of them start with a
name or a word boundary, so a sentence they do not match costs a scan from every position.
A :class:`Gated` pattern first checks for a literal that every match must contain
("narrat" for "narrated by" / "narrator" / "narrates"); only sentences that have one pay
for the regular expression. The gate never changes what matches, only what is tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_NOTHING: tuple[re.Match[str], ...] = ()


@dataclass(frozen=True, slots=True)
class Gated:
    """A compiled pattern behind cheap tests that every text it matches passes.

    ``needles`` are literals one of which occurs in every match; ``hint``, when given, is a
    cheap pattern that finds something every match contains.
    """

    pattern: re.Pattern[str]
    needles: tuple[str, ...]
    hint: re.Pattern[str] | None = None

    def admits(self, text: str) -> bool:
        """Whether the pattern may match ``text`` at all (a needle occurs, the hint matches)."""
        # A plain loop: about half the cost of any() over a generator, on every sentence.
        for needle in self.needles:
            if needle in text:
                return self.hint is None or self.hint.search(text) is not None
        return False

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``, skipped when no needle occurs in ``text``."""
        return self.pattern.search(text) if self.admits(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        """``pattern.match(text)``, skipped when no needle occurs in ``text``."""
        return self.pattern.match(text) if self.admits(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, skipped when no needle occurs in ``text``."""
        return self.pattern.finditer(text) if self.admits(text) else iter(_NOTHING)

    def findall(self, text: str) -> list[str]:
        """``pattern.findall(text)`` (single-group patterns), or [] without a needle."""
        return self.pattern.findall(text) if self.admits(text) else []


def any_in(needles: tuple[str, ...], text: str) -> bool:
    """Whether one of ``needles`` occurs in ``text``."""
    for needle in needles:  # noqa: SIM110 - a plain loop is the cheapest test
        if needle in text:
            return True
    return False


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


def gated(pattern: str, *needles: str, hint: str | None = None) -> Gated:
    """Compile ``pattern`` behind ``needles``: every match must contain one of them.

    ``hint``, when given, must match (``re.search``) every text the pattern matches; make it
    start with a literal so that the scan is fast.

    Raises:
        ValueError: no needle is given (the gate would reject everything).
    """
    if not needles:
        raise ValueError(f"pattern {pattern[:40]!r}... needs at least one needle")
    return Gated(re.compile(pattern), fewest_needles(needles), re.compile(hint) if hint else None)
