"""A small Discord stand-in on loopback: REST and the gateway websocket, with aiohttp.

The real discord.py client logs in against it (``GET /users/@me``), asks it for the gateway
(``GET /gateway/bot``), identifies per shard and receives READY and GUILD_CREATE. Tests then
dispatch INTERACTION_CREATE and MESSAGE_CREATE events and read every REST call the bot made.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

API = "/api/v10"
BOT_ID = 900_000_000_000_000_001
ALL_PERMISSIONS = str((1 << 50) - 1)
TIMESTAMP = "2026-01-01T20:00:00+00:00"


@dataclass
class Call:
    """One REST request the bot made."""

    method: str
    path: str
    body: Any


@dataclass
class FakeGuild:
    """A guild with one text channel."""

    id: int
    channel_id: int
    name: str = "Quiz night"

    def shard(self, shard_count: int) -> int:
        return (self.id >> 22) % shard_count


@dataclass
class FakeDiscord:
    """The fake server; ``url`` is its REST base once started."""

    token: str = "fake-token"
    shard_count: int = 1
    guilds: list[FakeGuild] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    commands: list[dict[str, Any]] = field(default_factory=list)
    shards: dict[int, web.WebSocketResponse] = field(default_factory=dict)
    sequences: dict[int, Iterator[int]] = field(default_factory=dict)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1 << 40))
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)
    _runner: web.AppRunner | None = None
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def snowflake(self, shard_id: int | None = None) -> int:
        """A fresh id; with ``shard_id``, one whose guild would live on that shard."""
        while True:
            candidate = next(self._ids) << 22
            if shard_id is None or (candidate >> 22) % self.shard_count == shard_id:
                return candidate

    def add_guild(self, shard_id: int = 0) -> FakeGuild:
        guild = FakeGuild(self.snowflake(shard_id), self.snowflake())
        self.guilds.append(guild)
        return guild

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        for ws in list(self.shards.values()):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # ------------------------------------------------------------------ waiting

    async def wait_for(self, predicate: Callable[[], Any], within: float = 10.0) -> Any:
        """Wait until ``predicate()`` returns something truthy (checked after each change)."""
        async with asyncio.timeout(within):
            async with self._changed:
                while not (found := predicate()):
                    await self._changed.wait()
                return found

    async def wait_call(self, method: str, fragment: str, after: int = 0) -> Call:
        """The first call after index ``after`` with this method and ``fragment`` in its path."""

        def find() -> Call | None:
            return next(
                (c for c in self.calls[after:] if c.method == method and fragment in c.path), None
            )

        found: Call = await self.wait_for(find)
        return found

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # ------------------------------------------------------------------ gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 45_000}})
        sequence = itertools.count(1)
        async for message in ws:
            if message.type is not WSMsgType.TEXT:
                break
            payload = json.loads(message.data)
            if payload["op"] == 1:
                await ws.send_json({"op": 11})
            elif payload["op"] == 2:
                await self._identify(ws, payload["d"], sequence)
        return ws

    async def _identify(
        self, ws: web.WebSocketResponse, data: dict[str, Any], sequence: Iterator[int]
    ) -> None:
        if data["token"].removeprefix("Bot ") != self.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return
        shard_id, shard_count = data.get("shard", [0, 1])
        mine = [g for g in self.guilds if g.shard(shard_count) == shard_id]
        ready = {
            "v": 10,
            "user": _user(BOT_ID, "TriviaBot", bot=True),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in mine],
            "session_id": f"session-{shard_id}",
            "resume_gateway_url": self.gateway_url,
            "shard": [shard_id, shard_count],
            "application": {"id": str(BOT_ID), "flags": 0},
        }
        await ws.send_json({"op": 0, "t": "READY", "s": next(sequence), "d": ready})
        for guild in mine:
            await ws.send_json(
                {"op": 0, "t": "GUILD_CREATE", "s": next(sequence), "d": _guild(guild)}
            )
        self.shards[shard_id] = ws
        self.sequences[shard_id] = sequence
        await self._notify()

    async def dispatch(self, guild: FakeGuild, event: str, data: dict[str, Any]) -> None:
        """Send an event to the shard that owns ``guild``."""
        shard_id = guild.shard(self.shard_count)
        sequence = next(self.sequences[shard_id])
        await self.shards[shard_id].send_json({"op": 0, "t": event, "s": sequence, "d": data})

    # ------------------------------------------------------------------ REST

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body = await request.json() if request.can_read_body else None
        self.calls.append(Call(request.method, path, body))
        await self._notify()
        # Interaction callbacks and webhooks authenticate with their token in the path.
        by_token = path.startswith(("/interactions/", "/webhooks/"))
        if not by_token and request.headers.get("Authorization") != f"Bot {self.token}":
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        reply = self._reply(request.method, path, body)
        if reply is None:
            return _json({"message": "Unknown route", "code": 0}, status=404)
        if reply == 204:
            return web.Response(status=204)
        return _json(reply)

    def _reply(self, method: str, path: str, body: Any) -> Any:
        parts = path.strip("/").split("/")
        if path == "/users/@me":
            return _user(BOT_ID, "TriviaBot", bot=True)
        if path == "/gateway/bot":
            limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
            return {
                "url": self.gateway_url,
                "shards": self.shard_count,
                "session_start_limit": limit,
            }
        if path == "/oauth2/applications/@me":
            return _application()
        if path == "/gateway":
            return {"url": self.gateway_url}
        if parts[0] == "applications" and parts[-1] == "commands" and method == "PUT":
            self.commands = [
                {**c, "id": str(self.snowflake()), "application_id": str(BOT_ID)} for c in body
            ]
            return self.commands
        if parts[0] == "channels" and parts[-1] == "messages" and method == "POST":
            return self._store(int(parts[1]), body)
        if parts[0] == "channels" and len(parts) == 4 and method == "PATCH":
            stored = self.messages[int(parts[3])]
            stored.update(
                {k: v for k, v in body.items() if k in ("content", "embeds", "components")}
            )
            return stored
        if parts[0] == "interactions":
            return {"interaction": {"id": parts[1], "type": body["type"]}}
        if parts[0] == "webhooks":
            return self._webhook(method, parts, body)
        return None

    def _webhook(self, method: str, parts: list[str], body: Any) -> Any:
        if method == "POST":
            return self._store(0, body or {})
        return self._store(0, body or {}) if method == "PATCH" else {}

    def _store(self, channel_id: int, body: dict[str, Any]) -> dict[str, Any]:
        message: dict[str, Any] = {
            "id": str(self.snowflake()),
            "channel_id": str(channel_id),
            "author": _user(BOT_ID, "TriviaBot", bot=True),
            "content": body.get("content") or "",
            "timestamp": TIMESTAMP,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags") or 0,
        }
        self.messages[int(message["id"])] = message
        return message

    # ------------------------------------------------------------------ events

    def interaction(
        self,
        guild: FakeGuild,
        user_id: int,
        kind: int,
        data: dict[str, Any],
        message: dict[str, Any] | None = None,
        permissions: str = "0",
    ) -> dict[str, Any]:
        """An INTERACTION_CREATE payload from a member of ``guild``."""
        payload: dict[str, Any] = {
            "id": str(self.snowflake()),
            "application_id": str(BOT_ID),
            "type": kind,
            "token": f"token-{self.snowflake()}",
            "version": 1,
            "guild_id": str(guild.id),
            "channel_id": str(guild.channel_id),
            "channel": _channel(guild),
            "member": _member(user_id, permissions),
            "data": data,
            "locale": "en-US",
            "guild_locale": "en-US",
            "app_permissions": ALL_PERMISSIONS,
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(guild.id)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if message is not None:
            payload["message"] = message
        return payload

    def chat_message(self, guild: FakeGuild, user_id: int, content: str) -> dict[str, Any]:
        """A MESSAGE_CREATE payload typed by a member of ``guild``."""
        return {
            "id": str(self.snowflake()),
            "channel_id": str(guild.channel_id),
            "guild_id": str(guild.id),
            "author": _user(user_id, f"player{user_id % 1000}"),
            "member": {k: v for k, v in _member(user_id, "0").items() if k != "user"},
            "content": content,
            "timestamp": TIMESTAMP,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": [],
        }


def _json(data: Any, status: int = 200) -> web.Response:
    # discord.py only parses bodies whose content type is exactly application/json.
    body = json.dumps(data).encode()
    return web.Response(body=body, status=status, headers={"Content-Type": "application/json"})


def _application() -> dict[str, Any]:
    return {
        "id": str(BOT_ID),
        "name": "TriviaBot",
        "icon": None,
        "description": "",
        "summary": "",
        "bot_public": True,
        "bot_require_code_grant": False,
        "verify_key": "0" * 64,
        "owner": _user(1, "owner"),
        "team": None,
        "flags": 0,
    }


def _user(user_id: int, name: str, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": None,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
    }


def _member(user_id: int, permissions: str) -> dict[str, Any]:
    return {
        "user": _user(user_id, f"player{user_id % 1000}"),
        "roles": [],
        "joined_at": TIMESTAMP,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "permissions": permissions,
    }


def _channel(guild: FakeGuild) -> dict[str, Any]:
    return {
        "id": str(guild.channel_id),
        "type": 0,
        "guild_id": str(guild.id),
        "name": "trivia",
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
    }


def _guild(guild: FakeGuild) -> dict[str, Any]:
    everyone = {
        "id": str(guild.id),
        "name": "@everyone",
        "permissions": str(0x400 | 0x800 | 0x80000000),
        "position": 0,
        "color": 0,
        "hoist": False,
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }
    bot_member = {**_member(BOT_ID, ALL_PERMISSIONS), "user": _user(BOT_ID, "TriviaBot", True)}
    return {
        "id": str(guild.id),
        "name": guild.name,
        "icon": None,
        "owner_id": "1",
        "roles": [everyone],
        "channels": [_channel(guild)],
        "members": [bot_member],
        "member_count": 2,
        "features": [],
        "emojis": [],
        "stickers": [],
        "large": False,
        "unavailable": False,
        "voice_states": [],
        "presences": [],
        "threads": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "joined_at": TIMESTAMP,
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "system_channel_flags": 0,
    }
