"""Moderation shared by every format: review queue, curation, fact decisions and calibration."""
