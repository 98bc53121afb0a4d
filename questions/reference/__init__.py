"""The reference catalogue: facts with a cited public source, used to verify claims."""
