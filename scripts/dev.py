#!/usr/bin/env python3
"""Set up the project's virtual environment when needed, then play or run every check.

    python3 scripts/dev.py play [trivia play options]   # quiz in the terminal (SQLite)
    python3 scripts/dev.py test [pytest options]        # lint, format, types, tests

Needs only Python 3.11+ and the package registry. The environment lives in ``.venv`` and is
reinstalled whenever ``pyproject.toml`` changes. ``test`` also installs Debian's Chromium and
its driver for the browser tests when they are missing and ``apt-get`` can be run (as root);
without them those tests are skipped, unless ``CI`` is set.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed"


def _run(*command: str | Path) -> None:
    completed = subprocess.run([str(c) for c in command], cwd=ROOT, check=False)  # noqa: S603
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def ensure_environment() -> None:
    """Create .venv and install the project with its development tools if out of date."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and (BIN / "trivia").exists():
        return
    if not (BIN / "python").exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing the project and its tools (first run only) ...", flush=True)
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--editable", ".[dev]")
    STAMP.write_text(wanted)


BROWSER_PACKAGES = ("chromium", "chromium-driver")


def ensure_browser() -> None:
    """Install Chromium and chromedriver with apt-get when missing and allowed (root)."""
    if shutil.which("chromium") and shutil.which("chromedriver"):
        return
    apt = shutil.which("apt-get")
    if apt is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        print("Chromium is missing and apt-get cannot be run here: browser tests may skip.")
        return
    print(f"Installing {' and '.join(BROWSER_PACKAGES)} for the browser tests ...", flush=True)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    wait_for_lock = ("-o", "DPkg::Lock::Timeout=300")  # apt may be busy just after boot
    steps = (
        [apt, *wait_for_lock, "update", "-qq"],
        [apt, *wait_for_lock, "install", "-y", "-qq", "--no-install-recommends", *BROWSER_PACKAGES],
    )
    for step in steps:
        try:
            done = subprocess.run(  # noqa: S603 - apt-get with fixed arguments
                step,
                env=environment,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=1200,
                check=False,
            )
        except subprocess.TimeoutExpired:
            print(f"apt-get {step[3]} took over 20 minutes: browser tests may skip.")
            return
        if done.returncode != 0:
            # what apt said, so that a failing browser test has its cause beside it
            print("\n".join(done.stdout.strip().splitlines()[-15:]))
            print(f"apt-get {step[3]} failed ({done.returncode}): browser tests may skip.")
            return


def run_checks(pytest_args: list[str]) -> None:
    """Everything CI checks, in order, stopping at the first failure."""
    _run(BIN / "ruff", "check", ".")
    _run(BIN / "ruff", "format", "--check", ".")
    _run(BIN / "mypy")
    # one pytest worker per core (pytest-xdist): the suite is mostly CPU-bound, and every
    # worker has its own temporary folders and its own PostgreSQL database
    _run(BIN / "pytest", "-n", "auto", "--cov", "--cov-report=term", *pytest_args)


def main(argv: list[str]) -> None:
    """Dispatch ``play`` or ``test``."""
    if not argv or argv[0] not in {"play", "test"}:
        sys.exit(__doc__)
    ensure_environment()
    if argv[0] == "play":
        os.execv(BIN / "trivia", [str(BIN / "trivia"), "play", *argv[1:]])  # noqa: S606
    ensure_browser()
    run_checks(argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
