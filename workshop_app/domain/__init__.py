"""The pure model: cards, zones, the board, decks and the archetype engine. Never imports Qt."""

from workshop_app.domain.deck import Deck, DeckError, TaskFunction, load_deck, load_functions
from workshop_app.domain.model import (
    ALL_ZONES,
    LANGUAGES,
    PLACED_ZONES,
    Board,
    BoardError,
    Card,
    CardAdded,
    CardEdited,
    CardMoved,
    CardRemoved,
    Change,
    Zone,
)

__all__ = [
    "ALL_ZONES", "LANGUAGES", "PLACED_ZONES", "Board", "BoardError", "Card", "CardAdded",
    "CardEdited", "CardMoved", "CardRemoved", "Change", "Deck", "DeckError", "TaskFunction",
    "Zone", "load_deck", "load_functions",
]
