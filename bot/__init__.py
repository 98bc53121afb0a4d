"""Discord trivia bot for quiz nights about Soviet space cinema."""
