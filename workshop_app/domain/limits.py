"""How long a text the app accepts, one limit per kind of text, each far beyond any real workshop (a
task card holds a few words, a title a line). Past a limit the input is refused with one line; the
limits keep every screen, file and PDF fast to make (the PDF's cost grows with the texts' length)."""

from __future__ import annotations

TITLE = 200  # workshop title, company
NAME = 100  # facilitator, each participant, who does a next step
PARTICIPANTS = 100
CARD_TEXT = 20_000  # each language of a card
NOTE = 5_000  # a note on a card
STEP = 1_000  # what a next step is
DUE = 100  # by when


def too_long(text: str, limit: int, what: str) -> str | None:
    """The one-line reason `text` is refused, or None when it is within `limit` characters."""
    if len(text) <= limit:
        return None
    return f"{what} holds at most {limit:,} characters ({len(text):,} given)"
