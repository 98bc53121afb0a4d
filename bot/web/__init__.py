"""Read-only web pages: leaderboards, seasons, night recaps, the question bank, the fact report."""
