"""Errors raised by the question pipeline.

Hierarchy::

    QuestionGenError
    ├── DocumentError        a seed document cannot be read (names the document)
    ├── CatalogueError       the reference catalogue is malformed (names file and line)
    ├── DecisionsError       the moderator decisions file is malformed (names file and line)
    ├── BankError            a question bank or pack is malformed (names the problem)
    └── FileRefusedError     a file is not read or written: not a regular file, too large,
                             or locked by another process (names the file)
"""


class QuestionGenError(Exception):
    """Root of every error the question pipeline raises on purpose."""


class DocumentError(QuestionGenError):
    """A document could not be read or holds nothing usable."""

    def __init__(self, document: str, problem: str) -> None:
        super().__init__(f"{document}: {problem}")
        self.document = document
        self.problem = problem


class CatalogueError(QuestionGenError):
    """The reference catalogue is malformed."""


class DecisionsError(QuestionGenError):
    """The moderator decisions file is malformed."""


class BankError(QuestionGenError):
    """A question bank or pack failed validation."""


class FileRefusedError(QuestionGenError):
    """A file was refused: not a regular file, over its size limit, or locked too long."""
