"""Read seed documents from a folder: the only module that opens seed files.

A folder yields the documents that could be read and a list of problems, each naming its
document, so one broken file never stops the others. Only regular files are read, through
a bounded read; a symlink loop, a dangling link, a FIFO, a device or a folder named like a
document is named with its reason instead.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from questions.errors import DocumentError, FileRefusedError
from questions.files import describe_kind, read_bounded
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
        DocumentError: the file is missing, not a regular file, too large, binary, not
            UTF-8 or empty.
    """
    name = path.name
    try:
        raw = read_bounded(path, MAX_DOCUMENT_BYTES)
    except FileRefusedError as exc:
        raise DocumentError(name, str(exc).removeprefix(f"{path}: ")) from exc
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
    documents: list[Document] = []
    problems: list[DocumentError] = []
    for read in iter_documents(folder):
        if isinstance(read, Document):
            documents.append(read)
        else:
            problems.append(read)
    return Corpus(tuple(documents), tuple(problems))


def iter_documents(folder: Path) -> Iterator[Document | DocumentError]:
    """Each document of ``folder``, or the problem that kept it out, read one at a time.

    In the order of :func:`read_corpus`; a document is read only when asked for, so a
    caller that lets each go before the next holds one document at a time.

    Raises:
        DocumentError: the folder itself does not exist or is not a folder (at once, before
            anything is read).
    """
    if not folder.is_dir():
        raise DocumentError(str(folder), "is not a folder of documents")
    return _documents(sorted(folder.iterdir()))


def _documents(paths: list[Path]) -> Iterator[Document | DocumentError]:
    for path in paths:
        unreadable = _not_a_document(path)
        if unreadable is None and (
            not path.is_file() or path.suffix.lower() not in DOCUMENT_SUFFIXES
        ):
            continue
        try:
            if unreadable is not None:
                raise DocumentError(path.name, unreadable)
            document = read_document(path)
        except DocumentError as exc:
            log.warning("skipping document: %s", exc)
            yield exc
        else:
            yield document


def _not_a_document(path: Path) -> str | None:
    """Why a folder entry cannot be a document, or None when it is a file or unrelated.

    Broken links and special files are named whatever their name; a folder only when it
    is named like a document (other folders are simply not documents).
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symlink loop"
        if path.is_symlink():
            return f"is a dangling link (to {os.readlink(path)}, which does not exist)"
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        named_like_one = path.suffix.lower() in DOCUMENT_SUFFIXES
        return "is a folder, not a document" if named_like_one else None
    return f"is {describe_kind(mode)}, not a document"
