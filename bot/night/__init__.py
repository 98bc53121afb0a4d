"""Quiz nights and moderation: pure rules, recap, season table, review queue and podium."""
