"""Atomic writes, bounded reads of regular files, and the inter-process lock."""

from __future__ import annotations

import errno
import multiprocessing
import os
from pathlib import Path

import pytest

from questions import files
from questions.errors import FileRefusedError


def test_read_bounded_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello")
    assert files.read_bounded(path, 5) == b"hello"


def test_read_bounded_refuses_a_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello!")
    with pytest.raises(FileRefusedError, match=r"too large \(more than 5 bytes\)"):
        files.read_bounded(path, 5)


def test_read_bounded_refuses_dev_zero_without_reading_it() -> None:
    with pytest.raises(FileRefusedError, match="a character device, not a regular file"):
        files.read_bounded(Path("/dev/zero"), 10)


def test_read_bounded_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(FileRefusedError, match=r"a FIFO \(named pipe\)"):
        files.read_bounded(fifo, 10)


def test_read_bounded_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(FileRefusedError, match="a folder, not a regular file"):
        files.read_bounded(tmp_path, 10)


def test_write_atomically_writes_through_a_link_and_keeps_the_mode(tmp_path: Path) -> None:
    volume = tmp_path / "volume"
    volume.mkdir()
    target = volume / "decisions.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    link = tmp_path / "decisions.yaml"
    link.symlink_to(target)
    files.write_atomically("new", link)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new"
    assert oct(target.stat().st_mode & 0o777) == oct(0o600)
    assert sorted(p.name for p in volume.iterdir()) == ["decisions.yaml"]
    # A link to a file not yet there creates the file at the link's target.
    (tmp_path / "later.yaml").symlink_to(volume / "later.yaml")
    files.write_atomically("first", tmp_path / "later.yaml")
    assert (volume / "later.yaml").read_text(encoding="utf-8") == "first"


def test_write_atomically_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "bank.json"
    files.write_atomically("old", path)
    files.write_atomically("новый", path)
    assert path.read_text(encoding="utf-8") == "новый"
    assert [p.name for p in path.parent.iterdir()] == ["bank.json"]


def test_write_atomically_over_the_limit_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bank.json"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(FileRefusedError, match="over the limit of 4"):
        files.write_atomically("12345", path, limit=4)
    assert path.read_text(encoding="utf-8") == "old"


def test_write_atomically_on_a_full_disk_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "decisions.yaml"
    path.write_text("version: 1\ndecisions: []\n", encoding="utf-8")

    def full_disk(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        files.write_atomically("version: 1\ndecisions: [cut", path)
    assert path.read_text(encoding="utf-8") == "version: 1\ndecisions: []\n"
    assert [p.name for p in tmp_path.iterdir()] == ["decisions.yaml"]


def _append_under_lock(path: str, count: int) -> None:
    target = Path(path)
    for _ in range(count):
        with files.exclusive(target):
            text = target.read_text(encoding="utf-8") if target.exists() else ""
            files.write_atomically(text + "x", target)


def test_exclusive_lets_two_processes_update_without_losing_any(tmp_path: Path) -> None:
    path = tmp_path / "counter.txt"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_append_under_lock, args=(str(path), 40)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert path.read_text(encoding="utf-8") == "x" * 80


def test_exclusive_times_out_with_a_named_file(tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    with (
        files.exclusive(path),
        pytest.raises(FileRefusedError, match="another process has been changing it"),
        files.exclusive(path, timeout=0.01),
    ):
        pass
