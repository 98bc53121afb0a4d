"""Discord cogs: the thin adapter from slash commands to the game service."""
