"""Persistence: repository protocols and their SQLAlchemy and in-memory implementations."""
