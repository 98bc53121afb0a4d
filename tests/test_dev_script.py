"""scripts/dev.py's browser step: Chromium is installed only when missing and allowed."""

from __future__ import annotations

import importlib.util
import subprocess

import pytest

from tests.conftest import REPO_ROOT


@pytest.fixture
def dev():
    spec = importlib.util.spec_from_file_location("dev_script", REPO_ROOT / "scripts" / "dev.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _which(found: set[str]):
    return lambda name: f"/usr/bin/{name}" if name in found else None


def test_present_chromium_installs_nothing(dev, monkeypatch, capsys):
    monkeypatch.setattr(dev.shutil, "which", _which({"chromium", "chromedriver", "apt-get"}))
    monkeypatch.setattr(dev.subprocess, "run", lambda *a, **k: pytest.fail("ran apt-get"))
    dev.ensure_browser()
    assert capsys.readouterr().out == ""


def test_missing_chromium_is_installed_with_one_line_of_progress(dev, monkeypatch, capsys):
    ran: list[list[str]] = []

    def run(command, **options):
        ran.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(dev.shutil, "which", _which({"apt-get"}))
    monkeypatch.setattr(dev.os, "geteuid", lambda: 0)
    monkeypatch.setattr(dev.subprocess, "run", run)
    dev.ensure_browser()
    assert capsys.readouterr().out.splitlines() == [
        "Installing chromium and chromium-driver for the browser tests ..."
    ]
    assert ran[0][-2:] == ["update", "-qq"]
    assert "DPkg::Lock::Timeout=300" in ran[0]  # waits for apt busy just after boot
    assert ran[1][-2:] == ["chromium", "chromium-driver"]


def test_a_failed_install_shows_what_apt_said_and_one_line(dev, monkeypatch, capsys):
    def run(command, **options):
        said = "Reading package lists...\nE: Unable to locate package chromium-driver\n"
        return subprocess.CompletedProcess(command, 100, stdout=said)

    monkeypatch.setattr(dev.shutil, "which", _which({"apt-get"}))
    monkeypatch.setattr(dev.os, "geteuid", lambda: 0)
    monkeypatch.setattr(dev.subprocess, "run", run)
    dev.ensure_browser()
    shown = capsys.readouterr().out.splitlines()
    assert "E: Unable to locate package chromium-driver" in shown
    assert shown[-1] == "apt-get update failed (100): browser tests may skip."


def test_without_root_or_apt_get_nothing_is_run(dev, monkeypatch, capsys):
    monkeypatch.setattr(dev.shutil, "which", _which({"apt-get"}))
    monkeypatch.setattr(dev.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(dev.subprocess, "run", lambda *a, **k: pytest.fail("ran apt-get"))
    dev.ensure_browser()
    assert "cannot be run" in capsys.readouterr().out
