"""Name keys: fold spelling, script and romanisation differences out of titles and names.

Two names that differ only in case, punctuation, accents, Cyrillic versus Latin script or a
common Russian romanisation variant ("Karjukov", "Kariukov", "Karyukov") get the same key.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import simplemma
from anyascii import anyascii

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Romanisation variants of the same Cyrillic letters, folded to one spelling. Order matters:
# longer sequences first so "iu" is not half-rewritten by a shorter rule.
_ROMANISATION = (
    ("yo", "e"),
    ("jo", "e"),
    # ё after a hushing consonant, written "o" or "e": "Zhzhonov" / "Zhzhenov", "Pugachova"
    ("zho", "zhe"),
    ("cho", "che"),
    ("sho", "she"),
    ("iu", "yu"),
    ("ju", "yu"),
    ("ia", "ya"),
    ("ja", "ya"),
    ("kh", "h"),
    ("iy", "y"),
    ("ij", "y"),
    ("yy", "y"),
    # й after a vowel: "reis" / "reys" / "rejs", "Nikolai" / "Nikolay", "Tolstoi" / "Tolstoy"
    ("ei", "ey"),
    ("ej", "ey"),
    ("ai", "ay"),
    ("aj", "ay"),
    ("oi", "oy"),
    ("oj", "oy"),
)
_LEADING_ARTICLE = re.compile(r"^(the|a|an) ")


@functools.lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """Lower-case ASCII words separated by single spaces ("Небо зовёт!" -> "nebo zovet")."""
    folded = anyascii(unicodedata.normalize("NFKC", text)).lower().replace("&", " and ")
    return _NON_WORD.sub(" ", folded.replace("'", "")).strip()


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Key under which the catalogue files a title or a name.

    Drops a leading English article and folds romanisation variants, so "The Sky Calls" and
    "Sky Calls", or "Nebo zovyot" and "Небо зовёт", share a key. Keys are remembered: every
    document names the same films and people.
    """
    key = _LEADING_ARTICLE.sub("", plain(text))
    for variant, canonical in _ROMANISATION:
        key = key.replace(variant, canonical)
    return key


# Letters a case-blind pattern takes for ASCII ones: dotted and dotless i, long s and the
# Kelvin sign. A text without them keeps its offsets when lower-cased (only the dotted capital
# I grows), and a case-blind pattern matches it where the lower-case pattern matches its
# lower-cased form.
_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")


def lowers_plainly(text: str) -> bool:
    """Whether a case-blind search of ``text`` may be made on ``text.lower()`` instead."""
    return text.isascii() or _CASE_TWINS.search(text) is None


def lower_case_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-blind ``pattern`` made case-sensitive, to search lower-cased texts with.

    A case-sensitive scan is faster, and finds in ``text.lower()`` what ``pattern`` finds
    in ``text`` when :func:`lowers_plainly` holds.

    Raises:
        ValueError: ``pattern`` is not case-blind, or writes a capital letter or turns the
            case-blind flag off in a part: its twin would not find the same.
    """
    # \b, \W, \s ... and the P of a named group are no letters to match
    source = re.sub(r"\\[A-Za-z]|\(\?P[<=]", "", pattern.pattern)
    if not pattern.flags & re.IGNORECASE or "(?-i" in source or any(c.isupper() for c in source):
        raise ValueError(f"no lower-case twin for {pattern.pattern!r}")
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def search_lowered(
    pattern: re.Pattern[str], twin: re.Pattern[str], text: str
) -> re.Match[str] | None:
    """``pattern.search(text)``, made with its lower-case ``twin`` where that finds the same.

    The offsets are those of ``text``; the matched text may be lower-cased.
    """
    return twin.search(text.lower()) if lowers_plainly(text) else pattern.search(text)


def title_head(name: str) -> str | None:
    """The title a film may go by before its colon: "Signals" in "Signals: An Adventure".

    None when the title has no colon, or its head is too short or an English word (a
    head such as "Signals" would be read in every sentence that uses the word).
    """
    if ": " not in name:
        return None
    head = name.split(": ", 1)[0].strip()
    words = head.split()
    if len(head) < 4 or (len(words) == 1 and simplemma.is_known(head.lower(), lang="en")):
        return None
    return head
