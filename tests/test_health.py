"""The health file: what `trivia health` makes of a missing, old or disconnected note."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.health import GatewayState, gateway_problem, note_gateway, read_gateway

NOW = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)


def test_a_fresh_connected_note_is_healthy(tmp_path: Path):
    path = tmp_path / "health.json"
    note_gateway(GatewayState(True, NOW, "latency 40 ms"), path)
    assert read_gateway(path) == GatewayState(True, NOW, "latency 40 ms")
    assert gateway_problem(read_gateway(path), NOW + timedelta(seconds=60), path) is None


def test_missing_old_or_disconnected_notes_are_named(tmp_path: Path):
    path = tmp_path / "health.json"
    missing = gateway_problem(read_gateway(path), NOW, path)
    assert missing is not None
    assert "has noted no gateway connection" in missing
    path.write_text("{not json", encoding="utf-8")
    assert read_gateway(path) is None
    note_gateway(GatewayState(True, NOW, "ready"), path)
    late = gateway_problem(read_gateway(path), NOW + timedelta(minutes=5), path)
    assert late == f"the bot's last note in {path} is 300 s old (hung or gone)"
    note_gateway(GatewayState(False, NOW, "disconnected; reconnecting"), path)
    assert gateway_problem(read_gateway(path), NOW, path) == (
        "the gateway is disconnected (disconnected; reconnecting)"
    )
