"""Question generator: seed documents to verified facts to trivia items."""
