"""Grenzziehung: a workshop board for the boundary between marketing and sales."""

__version__ = "0.1.0"
