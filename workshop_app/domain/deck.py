"""Task functions and decks, read from data files in `resources/`.

A facilitator can change the deck texts or add a deck without touching code; these loaders validate
the files and turn them into domain objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from workshop_app.domain.datafile import bilingual, read_json_object
from workshop_app.domain.model import PLACED_ZONES, Board, Card, Zone
from workshop_app.paths import resource


class DeckError(ValueError):
    """A deck or functions file that cannot be used."""


@dataclass(frozen=True)
class TaskFunction:
    """A task function from the domain reading, with the zone the article's healthy split gives it."""

    id: str
    reference: Zone
    name_de: str
    name_en: str

    def name(self, language: str) -> str:
        return self.name_de if language == "de" else self.name_en


@dataclass(frozen=True)
class Deck:
    """A deck of task cards (resources/decks): its id, its German and English names, its cards."""

    id: str
    name_de: str
    name_en: str
    cards: tuple[Card, ...]

    def board(self) -> Board:
        """A fresh board with every card of the deck in the tray."""
        return Board.from_cards(self.cards)


def _entries(data: dict, key: str, where: str) -> list[tuple[str, dict]]:
    """The objects listed under `key`, each with its id (a non-empty string); DeckError otherwise."""
    entries = data.get(key, [])
    if not isinstance(entries, list):
        raise DeckError(f"{where}: '{key}' must be a list")
    checked = []
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise DeckError(f"{where}: entry {position} of '{key}' must be an object")
        entry_id = entry.get("id")
        if not isinstance(entry_id, str) or not entry_id.strip():
            raise DeckError(f"{where}: entry {position} of '{key}' needs an id (a text)")
        checked.append((entry_id, entry))
    return checked


@cache
def load_functions(path: Path | None = None) -> dict[str, TaskFunction]:
    """The task functions by id, in file order; read once per path."""
    return read_functions(path)


def read_functions(path: Path | None = None) -> dict[str, TaskFunction]:
    """`load_functions` without the cache (undecorated, so that mutation testing reaches it)."""
    path = path or resource("functions.json")
    data = read_json_object(path, DeckError)
    functions: dict[str, TaskFunction] = {}
    for function_id, entry in _entries(data, "functions", path.name):
        where = f"{path.name}: function {function_id!r}"
        if entry.get("reference") not in {z.value for z in PLACED_ZONES}:
            raise DeckError(f"{where}: reference must be marketing, shared or sales")
        name_de, name_en = bilingual(entry, "name", where, DeckError)
        functions[function_id] = TaskFunction(function_id, Zone(entry["reference"]), name_de, name_en)
    if not functions:
        raise DeckError(f"{path.name}: no functions")
    return functions


@cache
def load_deck(path: Path | None = None) -> Deck:
    """A deck file; the default deck when `path` is None; read once per path."""
    return read_deck(path)


def read_deck(path: Path | None = None) -> Deck:
    """`load_deck` without the cache (undecorated, so that mutation testing reaches it)."""
    path = path or resource("decks", "default.json")
    data = read_json_object(path, DeckError)
    functions = load_functions()
    cards: list[Card] = []
    for card_id, entry in _entries(data, "cards", path.name):
        where = f"{path.name}: card {card_id!r}"
        function = entry.get("function")
        if function is not None and function not in functions:
            raise DeckError(f"{where}: unknown function {function!r}")
        text_de, text_en = bilingual(entry, "text", where, DeckError)
        cards.append(Card(card_id, text_de, text_en, function, custom=False))
    if len({card.id for card in cards}) != len(cards):
        raise DeckError(f"{path.name}: card ids repeat")
    name_de, name_en = bilingual(data, "name", path.name, DeckError)
    return Deck(str(data.get("id", path.stem)), name_de, name_en, tuple(cards))


def reference_board(deck: Deck | None = None) -> Board:
    """The deck with every card where the article's healthy split puts its function."""
    deck = deck or load_deck()
    functions = load_functions()
    placement = {card.id: functions[card.function].reference
                 for card in deck.cards if card.function in functions}
    return Board.from_cards(deck.cards, placement)
