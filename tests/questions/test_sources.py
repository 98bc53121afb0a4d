"""Reading documents: bad files are named and skipped, the rest still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions import sources
from questions.errors import DocumentError


def _write(folder: Path, name: str, data: bytes) -> None:
    (folder / name).write_bytes(data)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "is empty"),
        (b"   \n\t ", "is empty"),
        (b"\x89PNG\x00\x00binary", "binary"),
        ("Небо зовёт".encode("cp1251"), "not valid UTF-8"),
    ],
)
def test_read_corpus_skips_bad_document_and_names_it(tmp_path: Path, data: bytes, problem: str):
    _write(tmp_path, "bad.txt", data)
    _write(tmp_path, "good.txt", b"Planeta Bur (1962)\n")
    corpus = sources.read_corpus(tmp_path)
    assert [d.id for d in corpus.documents] == ["good"]
    assert len(corpus.problems) == 1
    assert corpus.problems[0].document == "bad.txt"
    assert problem in str(corpus.problems[0])


def test_read_document_rejects_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sources, "MAX_DOCUMENT_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("x" * 11)
    with pytest.raises(DocumentError, match="too large"):
        sources.read_document(path)


def test_read_document_strips_byte_order_mark(tmp_path: Path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffText".encode())
    assert sources.read_document(path).text == "Text"


def test_read_corpus_requires_a_folder(tmp_path: Path):
    with pytest.raises(DocumentError, match="not a folder"):
        sources.read_corpus(tmp_path / "missing")


def test_read_corpus_ignores_other_file_types(tmp_path: Path):
    _write(tmp_path, "notes.pdf", b"%PDF")
    (tmp_path / "sub").mkdir()
    corpus = sources.read_corpus(tmp_path)
    assert corpus.documents == ()
    assert corpus.problems == ()


def test_read_corpus_names_every_path_it_cannot_read_with_the_reason(tmp_path: Path):
    import os

    _write(tmp_path, "good.txt", b"Planeta Bur (1962)\n")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "dangling.md").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe-without-suffix")
    (tmp_path / "link.txt").symlink_to(tmp_path / "good.txt")
    corpus = sources.read_corpus(tmp_path)
    assert [d.id for d in corpus.documents] == ["good", "link"]
    assert sorted(str(problem) for problem in corpus.problems) == [
        f"dangling.md: is a dangling link (to {tmp_path / 'gone.txt'}, which does not exist)",
        "folder.txt: is a folder, not a document",
        "loop.txt: is a symlink loop",
        "pipe-without-suffix: is a FIFO (named pipe), not a document",
        "pipe.txt: is a FIFO (named pipe), not a document",
    ]


def test_documents_are_read_in_one_spelling_of_every_letter(tmp_path):
    import unicodedata

    from questions.sources import read_document

    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", "Небо зовёт (1959)"), encoding="utf-8")
    assert read_document(path).text == "Небо зовёт (1959)"
