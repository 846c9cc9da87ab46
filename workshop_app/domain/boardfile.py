"""The JSON board file: which card stands where, readable and writable by hand.

    {"cards": [{"id": "needs_analysis", "zone": "marketing"},
               {"id": "c1", "text": "Messestand planen", "function": "advertising", "zone": "shared"}]}

- `zone` is one of marketing, shared, sales, unplaced; cards stand in each zone in file order.
- A deck card the file leaves out is unplaced. A card whose id is not in the deck is a custom card
  and needs a `text`: a string (both languages) or {"de": ..., "en": ...}. A deck card may carry a
  `text` too: it replaces the deck's text (the window writes it for edited deck cards).
- `function` is optional: a task function id (resources/functions.json) or null.
- Every problem raises `BoardFileError` with a one-line message that names it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from workshop_app.domain.deck import Deck, load_deck, load_functions
from workshop_app.domain.input_file import read_bounded
from workshop_app.domain.model import ALL_ZONES, LANGUAGES, MAX_CARDS, Board, BoardError, Card, Zone
from workshop_app.domain.write_target import WriteTargetError, check_write_target

T = TypeVar("T")
FORMAT_VERSION = 1
MAX_FILE_BYTES = 10_000_000
ZONE_NAMES = ", ".join(zone.value for zone in ALL_ZONES)


class BoardFileError(ValueError):
    """A board file that cannot be read; the message is one line naming the problem."""


# --- reading ---


def parse_board(text: str, deck: Deck | None = None) -> Board:
    """The board a board file's text describes, on `deck` (default: the default deck)."""
    deck = deck or load_deck()
    if len(text) > MAX_FILE_BYTES:
        raise BoardFileError(_too_large(len(text)))
    deck_cards = {card.id: card for card in deck.cards}
    cards: dict[str, Card] = dict(deck_cards)
    placement: list[tuple[str, Zone]] = []
    for card, zone in parse_entries(_json(text), deck_cards):
        cards[card.id] = card
        placement.append((card.id, zone))
    try:
        board = Board.from_cards(cards.values())
        for card_id, zone in placement:  # moving in file order keeps the file's order per zone
            board.move(card_id, zone)
    except BoardError as exc:
        raise BoardFileError(str(exc)) from None
    return board


def parse_entries(data: object, deck_cards: dict[str, Card]) -> list[tuple[Card, Zone]]:
    """Each card of a parsed board file (`{"cards": [...]}`) with its zone, in file order."""
    found: list[tuple[Card, Zone]] = []
    seen: set[str] = set()
    for number, entry in enumerate(_entries(data), start=1):
        card, zone = _card(entry, number, deck_cards)
        if card.id in seen:
            raise BoardFileError(f"duplicate id: card {card.id!r} appears more than once")
        seen.add(card.id)
        found.append((card, zone))
    return found


def read_board(path: Path | str) -> Board:
    """The board in the file at `path`; errors name the file."""
    return read_parsed(Path(path), parse_board, BoardFileError)


def read_parsed(path: Path, parse: Callable[[str], T], error: type[BoardFileError]) -> T:
    """`parse` applied to the text of the file at `path`; `error` naming the file when it fails."""
    text = read_text(path)
    try:
        return parse(text)
    except BoardFileError as exc:
        raise error(f"{path.name}: {exc}") from None


def read_text(path: Path) -> str:
    """The text of a JSON file of at most MAX_FILE_BYTES; BoardFileError naming the file otherwise.
    A FIFO or standard input is read once, whole; a device or a folder is refused, nothing blocks."""
    try:
        data = read_bounded(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise BoardFileError(f"{path}: no such file") from None
    except OSError as exc:
        raise BoardFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise BoardFileError(f"{path.name}: {_too_large(len(data))}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise BoardFileError(f"{path}: not a text file (UTF-8 expected)") from None


def parse_json(text: str) -> object:
    """The JSON value in `text`; BoardFileError with a one-line message when it is not JSON."""
    if len(text) > MAX_FILE_BYTES:
        raise BoardFileError(_too_large(len(text)))
    return _json(text)


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BoardFileError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") \
            from None
    except RecursionError:
        raise BoardFileError("not valid JSON: nested too deeply") from None
    except ValueError:  # e.g. a number of more than 4300 digits
        raise BoardFileError("not valid JSON: a number is too long") from None


def _too_large(size: int) -> str:
    return (f"too large to be a board file ({size / 1e6:.1f} MB; at most "
            f"{MAX_FILE_BYTES / 1e6:.0f} MB)")


def type_name(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false",
             type(None): "null", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def _entries(data: object) -> list:
    if not isinstance(data, dict):
        raise BoardFileError(f"the top level must be an object with \"cards\", not {type_name(data)}")
    if "cards" not in data:
        raise BoardFileError("the object has no \"cards\" list")
    entries = data["cards"]
    if not isinstance(entries, list):
        raise BoardFileError(f"\"cards\" must be a list, not {type_name(entries)}")
    if len(entries) > MAX_CARDS:
        raise BoardFileError(f"too many cards: {len(entries)} (a board holds at most {MAX_CARDS})")
    return entries


def _card(entry: object, number: int, deck_cards: dict[str, Card]) -> tuple[Card, Zone]:
    if not isinstance(entry, dict):
        raise BoardFileError(f"card {number}: must be an object, not {type_name(entry)}")
    card_id = entry.get("id")
    if not isinstance(card_id, str) or not card_id.strip():
        raise BoardFileError(f"card {number}: \"id\" must be a non-empty string, "
                             f"not {type_name(card_id)}")
    where = f"card {card_id!r}"
    zone = _zone(entry, where)
    function = _function(entry, where)
    texts = _text(entry, where)
    base = deck_cards.get(card_id)
    if base is None:
        if texts is None:
            raise BoardFileError(f"{where} is not in the deck and has no \"text\"")
        return Card(card_id, *texts, function, custom=True), zone
    card = base
    if texts is not None:
        card = Card(card_id, *texts, base.function, custom=False)
    if "function" in entry:
        card = Card(card.id, card.text_de, card.text_en, function, custom=False)
    return card, zone


def _zone(entry: dict, where: str) -> Zone:
    zone = entry.get("zone")
    if zone is None:
        raise BoardFileError(f"{where}: \"zone\" is missing (use {ZONE_NAMES})")
    if not isinstance(zone, str):
        raise BoardFileError(f"{where}: \"zone\" must be a string, not {type_name(zone)}")
    try:
        return Zone(zone)
    except ValueError:
        raise BoardFileError(f"{where}: unknown zone {zone!r} (use {ZONE_NAMES})") from None


def _function(entry: dict, where: str) -> str | None:
    function = entry.get("function")
    if function is None:
        return None
    if not isinstance(function, str):
        raise BoardFileError(f"{where}: \"function\" must be a string or null, "
                             f"not {type_name(function)}")
    if function not in load_functions():
        raise BoardFileError(f"{where}: unknown function {function!r}")
    return function


def _text(entry: dict, where: str) -> tuple[str, str] | None:
    """(German, English) text, or None when the entry has none."""
    text = entry.get("text")
    if text is None:
        return None
    if isinstance(text, str):
        texts = (text, text)
    elif isinstance(text, dict) and all(isinstance(text.get(k, ""), str) for k in LANGUAGES):
        texts = (text.get("de", ""), text.get("en", ""))
    else:
        raise BoardFileError(f"{where}: \"text\" must be a string or {{\"de\": ..., \"en\": ...}}, "
                             f"not {type_name(text)}")
    if not (texts[0].strip() or texts[1].strip()):
        raise BoardFileError(f"{where}: \"text\" is empty")
    return texts[0].strip(), texts[1].strip()


# --- writing ---


def board_to_dict(board: Board, deck: Deck | None = None) -> dict:
    """The board file's content: every card in zone order, texts only where they differ from the
    deck."""
    deck = deck or load_deck()
    deck_cards = {card.id: card for card in deck.cards}
    entries: list[dict] = []
    for zone in ALL_ZONES:
        for card in board.cards_in(zone):
            entries.append(_entry(card, zone, deck_cards.get(card.id)))
    return {"version": FORMAT_VERSION, "cards": entries}


def _entry(card: Card, zone: Zone, base: Card | None) -> dict:
    entry: dict = {"id": card.id, "zone": zone.value}
    if base is None or (card.text_de, card.text_en) != (base.text_de, base.text_en):
        entry["text"] = card.text_de if card.text_de == card.text_en else {
            "de": card.text_de, "en": card.text_en}
    if base is None or card.function != base.function:
        entry["function"] = card.function
    return entry


def board_to_json(board: Board, deck: Deck | None = None) -> str:
    return json.dumps(board_to_dict(board, deck), ensure_ascii=False, indent=2) + "\n"


def write_board(board: Board, path: Path | str, deck: Deck | None = None) -> None:
    """Write the board file; a temporary file and a rename keep an old file whole on failure."""
    write_text_atomically(Path(path), board_to_json(board, deck), BoardFileError)


def write_text_atomically(path: Path, text: str, error: type[BoardFileError]) -> None:
    """Write `text` to a temporary file beside `path` and rename it; `error` when that fails or when
    `path` is a session (never overwritten)."""
    try:
        check_write_target(path)
    except WriteTargetError as exc:
        raise error(str(exc)) from None
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise error(f"{path}: cannot write: {exc.strerror or exc}") from None
