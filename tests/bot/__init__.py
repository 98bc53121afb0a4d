"""Behaviour tests of the Discord layer with simcord."""
