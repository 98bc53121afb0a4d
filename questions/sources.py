"""Read seed documents from a folder: the only module that opens seed files.

A folder yields the documents that could be read and a list of problems, each naming its
document, so one broken file never stops the others.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from questions.errors import DocumentError
from questions.models import Document

log = logging.getLogger(__name__)

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
DOCUMENT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True, slots=True)
class Corpus:
    """Documents read from a folder, plus the problems met on the way."""

    documents: tuple[Document, ...]
    problems: tuple[DocumentError, ...]


def read_document(path: Path) -> Document:
    """Read one UTF-8 text document; its id is the file stem.

    Raises:
        DocumentError: the file is missing, too large, binary, not UTF-8 or empty.
    """
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentError(name, f"too large ({size:,} bytes; limit {MAX_DOCUMENT_BYTES:,})")
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(name, f"cannot be read ({exc.strerror or exc})") from exc
    if b"\x00" in raw:
        raise DocumentError(name, "looks binary (contains NUL bytes), expected UTF-8 text")
    try:
        # One spelling of every letter: a title typed with combining accents is the same title.
        text = unicodedata.normalize("NFC", raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise DocumentError(name, f"is not valid UTF-8 (byte {exc.start})") from exc
    if not text.strip():
        raise DocumentError(name, "is empty")
    return Document(id=path.stem, text=text)


def read_corpus(folder: Path) -> Corpus:
    """Read every document in ``folder`` (sorted by name, so ids and order are stable).

    Raises:
        DocumentError: the folder itself does not exist or is not a folder.
    """
    if not folder.is_dir():
        raise DocumentError(str(folder), "is not a folder of documents")
    documents: list[Document] = []
    problems: list[DocumentError] = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.suffix.lower() not in DOCUMENT_SUFFIXES:
            continue
        try:
            documents.append(read_document(path))
        except DocumentError as exc:
            log.warning("skipping document: %s", exc)
            problems.append(exc)
    return Corpus(tuple(documents), tuple(problems))
