"""Turn a document into atomic claims, each resting on an exact span of the text.

Extraction is pattern-based and genre-aware rather than tuned to one text. List articles
announce each film with a ``Title (Year)`` heading and talk about "the film" below it;
reviews name their film in quotes (often with an "AKA" chain), sometimes only after the
plot summary, and refer back to "this movie". The extractor tracks which film each
sentence is about (the section's heading, the review's main film, or a title opening the
paragraph) and hands every sentence to the rules in :mod:`questions.extract_rules`.
Every claim keeps the span of the sentence or heading it came from.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from questions.extract_rules import (
    QUOTED,
    RULES,
    TITLE_YEAR,
    Found,
    RuleBook,
    Sentence,
    first_title,
    opening_title,
)
from questions.history_rules import HISTORY_RULES
from questions.models import Claim, Document, Evidence, Relation
from questions.patterns import gated, occurring
from questions.plot_rules import Story

# A heading line: optional numbering or markdown, a title, then "(Year)" or "(Alt, Year)".
_HEADING = gated(
    r"^(?:#+\s*|\d{1,3}[.)]\s*|\*\*)?(?P<title>[A-Z0-9“\"][^\n()]{1,80}?)\s*"
    r"\((?:(?P<alt>[^()\d][^()]{0,80}?),\s*)?(?P<year>1[89]\d\d|20\d\d)\)\**:?\s*$",
    ")",
    hint=r"\)\**:?\s*$",  # how every heading ends
)
# A sentence ends at a line break, or at a run of stops (closing quotes may follow) and the
# gap before a capital or a digit. The pattern opens with one class of every character an end
# starts with, so that the engine skips straight to those; "(?<=\n)" is the line break.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*[”\"’)]*(?P<gap>[ \t]+)(?=[“\"(‘]?[A-Z0-9]))")
_ABBREVIATION = re.compile(r"[A-Z](?:\.[A-Z])*|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_MAIN_FILM_HINT = re.compile(r"\b(?:AKA|aka|also known as|released|directed by)\b")

_RULE_BOOK = RuleBook((*RULES, *HISTORY_RULES))

# Tells the extractor whether a name is a person or a character (e.g. the catalogue's kind).
NameKind = Callable[[str], "str | None"]

# subject, relation, value, role and the span of the sentence stating it
_Statement = tuple[str, Relation, str, "str | None", int, int]


def _sentences(text: str) -> list[Sentence]:
    """Sentences and lines, not split after initials such as "T." or "H.G."."""
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group("gap"):
            end = match.start("gap")
            if _ends_with_abbreviation(text[start:end].rstrip('.!?”"’)')):
                continue
        else:
            end = match.start()
        _add_trimmed(sentences, text, start, end, breaks)
        start = match.end()
    _add_trimmed(sentences, text, start, len(text), breaks)
    return sentences


def _ends_with_abbreviation(piece: str) -> bool:
    """Whether ``piece`` ends with an initial or a title ("T", "H.G", "Dr") as a word.

    Only its last word (after a space or an opening parenthesis) can be one, so the
    abbreviation pattern is tried on that word alone rather than searched for.
    """
    if not piece or piece[-1].isspace():
        return False
    word = piece.rsplit(None, 1)[-1].rpartition("(")[2]
    return _ABBREVIATION.fullmatch(word) is not None


def _add_trimmed(
    sentences: list[Sentence], text: str, start: int, end: int, breaks: list[int]
) -> None:
    """Append ``text[start:end]`` without surrounding blanks, unless nothing is left."""
    raw = text[start:end]
    stripped = raw.strip()
    if stripped:
        begin = start + len(raw) - len(raw.lstrip())
        sentences.append(
            Sentence(begin, begin + len(stripped), stripped, bisect.bisect(breaks, begin))
        )


def _main_title(sentences: list[Sentence]) -> str | None:
    """The film a review is about: an AKA chain's first title, else the first named title."""
    for sentence in sentences:
        titles = QUOTED.findall(sentence.text)
        if titles and _MAIN_FILM_HINT.search(sentence.text):
            return str(titles[0])
    for sentence in sentences:
        title = first_title(sentence.text)
        if title:
            return title
    return None


class _Extractor:
    """Walks one document, tracking which film the text is currently about."""

    def __init__(self, document: Document, name_kind: NameKind | None) -> None:
        self.document = document
        self.name_kind = name_kind
        # What each claim states, in document order, without duplicates: the claims are made
        # at the end, once the year each subject is given is known.
        self.stated: dict[_Statement, Evidence] = {}
        self.evidence: Evidence | None = None
        self.section: str | None = None
        self.section_year: str | None = None
        self.current: str | None = None
        self.paragraph = -1
        self.years: dict[str, str] = {}
        self.story = Story()

    def run(self) -> list[Claim]:
        sentences = _sentences(self.document.text)
        headings = [_HEADING.match(s.text) for s in sentences]
        is_list = any(headings)
        main = None if is_list else _main_title(sentences)
        self.section = main
        for sentence, heading in zip(sentences, headings, strict=True):
            if heading:
                self._heading(sentence, heading)
                continue
            if sentence.paragraph != self.paragraph:
                self.paragraph, self.current = sentence.paragraph, self.section
            self._sentence(sentence)
        doc_years = self.years
        return [
            Claim(subject, relation, value, evidence, role, doc_years.get(subject))
            for (subject, relation, value, role, _, _), evidence in self.stated.items()
        ]

    def _heading(self, sentence: Sentence, heading: re.Match[str]) -> None:
        title = heading["title"].strip().strip('“”"*')
        self.section = self.current = title
        self.section_year = heading["year"]
        self._add(title, Relation.RELEASE_YEAR, heading["year"], None, sentence)
        if heading["alt"]:
            alt = heading["alt"].strip().strip('“”"')
            self._add(title, Relation.ALSO_KNOWN_AS, alt, None, sentence)

    def _sentence(self, sentence: Sentence) -> None:
        opening = opening_title(sentence.text)
        if opening:
            self.current = opening
        subject = self.current
        for read in _RULE_BOOK.plan(occurring(sentence.text)):
            for found in read(sentence):
                self._found(found, subject, sentence)
        for found in self.story.read(sentence):
            self._found(found, subject, sentence)

    def _found(self, found: Found, subject: str | None, sentence: Sentence) -> None:
        target = found.subject or subject
        if target is None:
            return
        value, role = found.value, found.role
        if found.relation is Relation.CAST and role is not None and self._swapped(value, role):
            value, role = role, value
        self._add(target, found.relation, value, role, sentence)

    def _swapped(self, actor: str, role: str) -> bool:
        """Whether "A (B)" really names the actor second; reviews usually write Role (Actor)."""
        if self.name_kind is None:
            return False
        return self.name_kind(actor) == "character" or self.name_kind(role) == "person"

    def _add(
        self, subject: str, relation: Relation, value: str, role: str | None, sentence: Sentence
    ) -> None:
        subject, value = subject.strip(), value.strip()
        if relation is Relation.RELEASE_YEAR:
            self.years.setdefault(subject, value)
        # The span is the sentence: (start, end) stands for the whole evidence.
        statement = (subject, relation, value, role, sentence.start, sentence.end)
        if statement not in self.stated:
            evidence = self.evidence
            if evidence is None or evidence.start != sentence.start:
                evidence = self.evidence = Evidence(
                    self.document.id, sentence.start, sentence.end, sentence.text
                )
            self.stated[statement] = evidence


def extract_claims(document: Document, name_kind: NameKind | None = None) -> list[Claim]:
    """Extract every claim the document makes, in document order.

    Args:
        document: the document to read.
        name_kind: optional oracle ("person", "character" or None for a name), used to tell
            the actor from the character in "Name (Name)" cast mentions.
    """
    return _Extractor(document, name_kind).run()


__all__ = ["TITLE_YEAR", "NameKind", "extract_claims"]
