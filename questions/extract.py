"""Turn a document into atomic claims, each resting on an exact span of the text.

Extraction is pattern-based and genre-aware rather than tuned to one text: list articles
announce each film with a ``Title (Year)`` heading and talk about "the film" below it;
reviews name a film in quotes (often with an "AKA" chain) and refer back to "this movie".
Every claim keeps the span of the sentence or heading it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from questions.models import Claim, Document, Evidence, Relation

_QUOTED = re.compile(r"[“\"]([A-Z0-9][^“”\"\n]{1,80}?)[,.]?[”\"]")
_HEADING = re.compile(r"^(?P<title>[A-Z0-9][^\n()]{1,80}?)\s*\((?P<year>1[89]\d\d|20\d\d)\)\s*$")
_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+(?=\s|$)|(?=\n)|$)")
_YEAR_RELEASED = re.compile(r"\breleased (?:in|on [^.]*?)\s*(?P<year>1[89]\d\d|20\d\d)\b")
_TITLE_YEAR = re.compile(
    r"[“\"](?P<title>[A-Z0-9][^“”\"\n]{1,80}?)[”\"],?\s+\(?(?P<year>19\d\d)\)?"
)
_NAME = r"[A-Z][a-zA-Z'\-]+\.?(?: [A-Z][a-zA-Z'\-]+\.?){1,3}"
_DIRECTED = re.compile(rf"\bdirected by (?P<names>{_NAME}(?:(?:,| and|, and) {_NAME})*)")
_AKA = re.compile(r"[”\"]\s*(?:AKA|aka|a\.k\.a\.|also known as)\s*[“\"]")
_BACK_REFERENCE = re.compile(r"\b(?:this (?:movie|film)|the (?:movie|film)|it)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    end: int
    text: str


def _sentences(text: str) -> Iterator[_Sentence]:
    for match in _SENTENCE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + raw.index(stripped)
            yield _Sentence(start, start + len(stripped), stripped)


def _evidence(document: Document, start: int, end: int) -> Evidence:
    return Evidence(document.id, start, end, document.text[start:end])


def _split_names(names: str) -> list[str]:
    """'A B, C D and E F' -> three names; a full stop ending the sentence is not an initial."""
    parts = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", names) if n.strip()]
    return [p[:-1] if p.endswith(".") and len(p.rsplit(" ", 1)[-1]) > 2 else p for p in parts]


class _Extractor:
    """Walks one document, tracking which film the text is currently about."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.claims: list[Claim] = []
        self.current: str | None = None

    def add(self, subject: str, relation: Relation, value: str, start: int, end: int) -> None:
        evidence = _evidence(self.document, start, end)
        self.claims.append(Claim(subject.strip(), relation, value.strip(), evidence))

    def run(self) -> list[Claim]:
        for sentence in _sentences(self.document.text):
            heading = _HEADING.match(sentence.text)
            if heading:
                self.current = heading["title"].strip()
                self.add(self.current, Relation.RELEASE_YEAR, heading["year"], *_span(sentence))
                continue
            self._sentence(sentence)
        return self.claims

    def _subject(self, sentence: _Sentence) -> str | None:
        """The film a sentence talks about: a quoted title opening it, else the context."""
        titles: list[str] = _QUOTED.findall(sentence.text)
        lead = sentence.text.lstrip('“"')
        if titles and lead.startswith(titles[0]):
            self.current = titles[0]
            return titles[0]
        if self.current is None and titles:
            self.current = titles[0]
        return self.current

    def _sentence(self, sentence: _Sentence) -> None:
        subject = self._subject(sentence)
        self._aliases(sentence)
        self._inline_years(sentence, subject)
        if subject is None:
            return
        released = _YEAR_RELEASED.search(sentence.text)
        if released:
            self.add(subject, Relation.RELEASE_YEAR, released["year"], *_span(sentence))
        directed = _DIRECTED.search(sentence.text)
        if directed:
            for name in _split_names(directed["names"]):
                self.add(subject, Relation.DIRECTED_BY, name, *_span(sentence))

    def _aliases(self, sentence: _Sentence) -> None:
        """'“A” AKA “B” AKA “C”': every later title is an alternative title of the first."""
        if not _AKA.search(sentence.text):
            return
        titles = _QUOTED.findall(sentence.text)
        chain = titles[: len(_AKA.findall(sentence.text)) + 1]
        for alias in chain[1:]:
            self.add(chain[0], Relation.ALSO_KNOWN_AS, alias, *_span(sentence))

    def _inline_years(self, sentence: _Sentence, subject: str | None) -> None:
        """'… his film “Queen of Blood” 1966': a quoted title followed by its year."""
        for match in _TITLE_YEAR.finditer(sentence.text):
            if match["title"] != subject or not _YEAR_RELEASED.search(sentence.text):
                self.add(match["title"], Relation.RELEASE_YEAR, match["year"], *_span(sentence))


def _span(sentence: _Sentence) -> tuple[int, int]:
    return sentence.start, sentence.end


def extract_claims(document: Document) -> list[Claim]:
    """Extract every claim the document makes, in document order."""
    return _Extractor(document).run()
