"""Safe file access: atomic writes, bounded reads of regular files only, inter-process locks.

Every file the project writes (banks, packs, moderators' decisions, reference templates)
goes through :func:`write_atomically`: readers see the old file or the new one, never half
of one, even after a full disk or a crash. Every file it reads goes through
:func:`read_bounded`, which refuses FIFOs, devices and folders before reading a byte and
never reads more than the caller's limit (``/dev/zero`` is refused, not read forever).
Files that several processes update by reading, changing and writing back are changed
under :func:`exclusive`, a lock file beside them.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import filelock

from questions.errors import FileRefusedError

LOCK_TIMEOUT_SECONDS = 30.0
READ_CHUNK = 1 << 16
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def describe_kind(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words ("a FIFO (named pipe)", "a folder" …)."""
    return next((words for test, words in _KINDS if test(mode)), "not a regular file")


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    The file is opened without blocking (a FIFO with no writer does not hang) and checked
    on the open descriptor, so what is checked is what is read.

    Raises:
        FileRefusedError: ``path`` is not a regular file, or holds more than ``limit`` bytes.
        OSError: it cannot be opened or read (missing, no permission, a symlink loop …).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        # Checked before fdopen, which refuses a folder with an IsADirectoryError of its own.
        mode = os.fstat(descriptor).st_mode
    except BaseException:
        os.close(descriptor)
        raise
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise FileRefusedError(f"{path}: {describe_kind(mode)}, not a regular file")
    with os.fdopen(descriptor, "rb", buffering=0) as file:
        chunks: list[bytes] = []
        size = 0
        while chunk := file.read(min(READ_CHUNK, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise FileRefusedError(f"{path}: too large (more than {limit:,} bytes)")
    return b"".join(chunks)


def read_text_bounded(path: Path, limit: int) -> str:
    """The UTF-8 text of a regular file of at most ``limit`` bytes (a BOM is dropped).

    Raises:
        FileRefusedError: as :func:`read_bounded`.
        OSError: as :func:`read_bounded`.
        UnicodeDecodeError: the file is not UTF-8.
    """
    return read_bounded(path, limit).decode("utf-8-sig")


def write_atomically(data: str | bytes, path: Path, limit: int | None = None) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8), all at once.

    The data goes to a temporary file in the same folder, is flushed to disk (``fsync``)
    and renamed over ``path``; the folder is synced so the rename survives a crash. A
    symbolic link is written through (its target is replaced, the link stays), and the
    file keeps its permission bits. On any
    failure (a full disk, ``path`` being a folder) the temporary file is removed and
    ``path`` is left as it was.

    Raises:
        FileRefusedError: ``data`` is larger than ``limit`` bytes (nothing is written).
        OSError: the folder cannot be created or the file cannot be written.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if limit is not None and len(raw) > limit:
        raise FileRefusedError(
            f"{path}: not written: {len(raw):,} bytes is over the limit of {limit:,}"
        )
    named, path = path, _target(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_of(path)
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # O_EXCL: never follow or reuse a file someone left at the temporary name.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(partial, flags, 0o666)
        with os.fdopen(descriptor, "wb") as file:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(descriptor, mode)  # a 0600 decisions file stays 0600
            file.write(raw)
            file.flush()
            os.fsync(descriptor)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        if exc.filename is None:  # a failed write names no file; say which one it was
            raise OSError(exc.errno, exc.strerror, str(named)) from exc
        raise
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _target(path: Path) -> Path:
    """The file a symbolic link points at (through every link), else ``path``.

    Renaming over the link itself would replace it with a regular file, cutting it from
    the file it shared (a decisions file kept on another volume, say).
    """
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _mode_of(path: Path) -> int | None:
    """The permission bits of the file being replaced (None: it does not exist yet)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (the rename) to disk where the system allows it."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename itself is still atomic
    finally:
        os.close(descriptor)


def lock_path(path: Path) -> Path:
    """The lock file that guards ``path``: beside it, with ``.lock`` added."""
    return path.with_name(path.name + ".lock")


@contextmanager
def exclusive(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the inter-process lock of ``path`` (threads and processes wait their turn).

    Use it around read-change-write cycles, so two writers never lose each other's update.

    Raises:
        FileRefusedError: another process held the lock for ``timeout`` seconds.
        OSError: the lock file cannot be created.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(lock_path(path), timeout=timeout, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise FileRefusedError(
            f"{path}: another process has been changing it for {timeout:g} s ({exc.lock_file})"
        ) from exc
    try:
        yield
    finally:
        lock.release()
