"""Cards, zones and the board: the pure model under the workshop board.

Every change goes through a method of `Board` that validates its input, applies the change and returns
a change record; listeners subscribed to the board receive the same record. The UI, the storage and
the diagnosis react to those records and never poke at the board's state themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum

from workshop_app.domain import limits
from workshop_app.domain.announcer import Announcer


class Zone(StrEnum):
    """Where a card can be: one of the three board zones or the tray of unplaced cards."""

    MARKETING = "marketing"
    SHARED = "shared"
    SALES = "sales"
    UNPLACED = "unplaced"

    @property
    def is_placed(self) -> bool:
        return self is not Zone.UNPLACED


PLACED_ZONES: tuple[Zone, ...] = (Zone.MARKETING, Zone.SHARED, Zone.SALES)
ALL_ZONES: tuple[Zone, ...] = (*PLACED_ZONES, Zone.UNPLACED)
LANGUAGES: tuple[str, ...] = ("de", "en")
MAX_CARDS = 2000  # a workshop board holds a few dozen cards; a file with more is wrong or hostile


class BoardError(ValueError):
    """A change the board refuses: unknown card, duplicate id, index out of range, empty text."""


@dataclass(frozen=True)
class Card:
    """A task card. Deck cards come from a deck file; custom cards are typed in during a workshop."""

    id: str
    text_de: str
    text_en: str
    function: str | None = None
    custom: bool = False

    def text(self, language: str) -> str:
        """The card's text in `language`, falling back to the other language when one is empty."""
        primary, fallback = (self.text_de, self.text_en) if language == "de" else (
            self.text_en, self.text_de)
        return primary or fallback

    def validated(self) -> Card:
        if not isinstance(self.id, str) or not self.id.strip():
            raise BoardError("a card needs a non-empty id")
        for value in (self.id, self.text_de, self.text_en):
            if not isinstance(value, str):
                raise BoardError(f"card {self.id!r}: texts must be strings, not {type(value).__name__}")
            if not _is_valid_unicode(value):
                raise BoardError(f"card {self.id!r}: the text holds characters that are not valid "
                                 "Unicode (a lone surrogate)")
        if self.function is not None and not isinstance(self.function, str):
            raise BoardError(f"card {self.id!r}: a function is a function id or None")
        if not (self.text_de.strip() or self.text_en.strip()):
            raise BoardError(f"card {self.id!r} needs a text")
        for value in (self.id, self.text_de, self.text_en):
            reason = limits.too_long(value, limits.CARD_TEXT, f"card {self.id[:40]!r}: a card text")
            if reason:
                raise BoardError(reason)
        return self


def _is_valid_unicode(text: str) -> bool:
    """False for text that cannot be stored or shown: lone UTF-16 surrogates (from a JSON escape)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# --- change records ---


@dataclass(frozen=True)
class CardMoved:
    """A card went from one place (zone, index) to another; `is_noop` when it stayed."""

    card_id: str
    from_zone: Zone
    from_index: int
    to_zone: Zone
    to_index: int

    @property
    def is_noop(self) -> bool:
        return self.from_zone is self.to_zone and self.from_index == self.to_index


@dataclass(frozen=True)
class CardAdded:
    """A card was added to the board at `zone`, `index`."""

    card: Card
    zone: Zone
    index: int


@dataclass(frozen=True)
class CardEdited:
    """A card's text (or other fields) changed: the card before and after."""

    before: Card
    after: Card

    @property
    def card_id(self) -> str:
        return self.after.id


@dataclass(frozen=True)
class CardRemoved:
    """A card left the board; where it was, so an undo can put it back."""

    card: Card
    zone: Zone
    index: int


Change = CardMoved | CardAdded | CardEdited | CardRemoved
Listener = Callable[[Change], None]

_UNCHANGED = object()


@dataclass
class Board(Announcer[Change]):
    """Which card sits in which zone, and in what order.

    Invariants: every card is in exactly one zone; card ids are unique.
    """

    _cards: dict[str, Card] = field(default_factory=dict)
    _zones: dict[Zone, list[str]] = field(default_factory=lambda: {z: [] for z in ALL_ZONES})
    _listeners: list[Listener] = field(default_factory=list, repr=False, compare=False)

    # --- construction ---

    @classmethod
    def from_cards(cls, cards: Iterable[Card],
                   placement: dict[str, Zone] | None = None) -> Board:
        """A board holding `cards`, each in the zone `placement` gives it (default: unplaced)."""
        board = cls()
        placement = placement or {}
        for card in cards:
            board._check_room()
            card.validated()
            if card.id in board._cards:
                raise BoardError(f"duplicate card id {card.id!r}")
            board._cards[card.id] = card
            board._zones[Zone(placement.get(card.id, Zone.UNPLACED))].append(card.id)
        unknown = set(placement) - set(board._cards)
        if unknown:
            raise BoardError(f"placement names unknown cards: {', '.join(sorted(unknown))}")
        return board

    @classmethod
    def from_zones(cls, cards: Iterable[Card], zones: dict[Zone, list[str]]) -> Board:
        """A board holding `cards` (in that order) with each zone's cards in the order `zones` gives;
        cards that no zone lists go to the end of the tray. Used to restore a saved board."""
        board = cls.from_cards(cards)
        listed = [card_id for ids in zones.values() for card_id in ids]
        unknown = set(listed) - set(board._cards)
        if unknown:
            raise BoardError(f"placement names unknown cards: {', '.join(sorted(unknown))}")
        if len(listed) != len(set(listed)):
            raise BoardError("a card is placed twice")
        placed = set(listed)
        rest = [card_id for card_id in board._cards if card_id not in placed]
        board._zones = {zone: list(zones.get(zone, ())) for zone in ALL_ZONES}
        board._zones[Zone.UNPLACED].extend(rest)
        return board

    def _check_room(self) -> None:
        """BoardError when the board already holds MAX_CARDS cards (deck and custom counted alike)."""
        if len(self._cards) >= MAX_CARDS:
            raise BoardError(f"too many cards: a board holds at most {MAX_CARDS} (deck and custom "
                             "cards together)")

    def copy(self) -> Board:
        """An independent board with the same cards and placement and no listeners."""
        board = Board()
        board._cards = dict(self._cards)
        board._zones = {zone: list(ids) for zone, ids in self._zones.items()}
        return board

    def emptied(self) -> Board:
        """The same cards, every one back in the tray, in deck order."""
        return Board.from_cards(self.cards())

    # --- queries ---

    def __contains__(self, card_id: object) -> bool:
        return card_id in self._cards

    def __len__(self) -> int:
        return len(self._cards)

    def card(self, card_id: str) -> Card:
        try:
            return self._cards[card_id]
        except KeyError:
            raise BoardError(f"unknown card {card_id!r}") from None

    def cards(self) -> list[Card]:
        """All cards, in the order they were added."""
        return list(self._cards.values())

    def cards_in(self, zone: Zone) -> list[Card]:
        return [self._cards[card_id] for card_id in self._zones[Zone(zone)]]

    def ids_in(self, zone: Zone) -> tuple[str, ...]:
        return tuple(self._zones[Zone(zone)])

    def zone_of(self, card_id: str) -> Zone:
        self.card(card_id)
        for zone, ids in self._zones.items():
            if card_id in ids:
                return zone
        raise AssertionError(f"card {card_id!r} is in no zone")  # pragma: no cover - invariant

    def index_of(self, card_id: str) -> int:
        return self._zones[self.zone_of(card_id)].index(card_id)

    def placed(self) -> Iterator[tuple[Card, Zone]]:
        """Each placed card with its zone."""
        for zone in PLACED_ZONES:
            for card_id in self._zones[zone]:
                yield self._cards[card_id], zone

    def placement(self) -> dict[str, Zone]:
        """Each card's zone."""
        return {card_id: zone for zone, ids in self._zones.items() for card_id in ids}

    def snapshot(self) -> dict[str, tuple[str, ...]]:
        """Zone name to ordered card ids: equal snapshots mean equal boards."""
        return {zone.value: tuple(ids) for zone, ids in self._zones.items()}

    def check_invariants(self) -> None:
        """Raise AssertionError when a card is in no zone or several, or an id repeats."""
        listed = [card_id for ids in self._zones.values() for card_id in ids]
        assert len(listed) == len(set(listed)), "a card sits in two places"
        assert set(listed) == set(self._cards), "cards and zones disagree"

    # --- operations ---

    def move(self, card_id: str, zone: Zone | str, index: int | None = None) -> CardMoved:
        """Move a card to `zone` at `index` (None: at the end). Returns the change record."""
        zone = _zone(zone)
        from_zone = self.zone_of(card_id)
        from_index = self._zones[from_zone].index(card_id)
        target = [i for i in self._zones[zone] if i != card_id]
        index = _checked_index(index, len(target), zone)
        self._zones[from_zone].remove(card_id)
        self._zones[zone].insert(index, card_id)
        return self._announce(CardMoved(card_id, from_zone, from_index, zone, index))

    def add_card(self, card: Card, zone: Zone | str = Zone.UNPLACED,
                 index: int | None = None) -> CardAdded:
        """Add a card (custom or from a deck) to `zone` at `index` (None: at the end)."""
        card.validated()
        zone = _zone(zone)
        self._check_room()
        if card.id in self._cards:
            raise BoardError(f"duplicate card id {card.id!r}")
        ids = self._zones[zone]
        index = _checked_index(index, len(ids), zone)
        self._cards[card.id] = card
        ids.insert(index, card.id)
        return self._announce(CardAdded(card, zone, index))

    def edit_card(self, card_id: str, *, text_de: str | None = None, text_en: str | None = None,
                  function: object = _UNCHANGED) -> CardEdited:
        """Change a card's texts or function; the card keeps its id and place."""
        before = self.card(card_id)
        changes: dict[str, object] = {}
        if text_de is not None:
            changes["text_de"] = text_de
        if text_en is not None:
            changes["text_en"] = text_en
        if function is not _UNCHANGED:
            if function is not None and not isinstance(function, str):
                raise BoardError("a card's function is a function id or None")
            changes["function"] = function
        after = replace(before, **changes).validated()
        self._cards[card_id] = after
        return self._announce(CardEdited(before, after))

    def replace_card(self, card: Card) -> CardEdited:
        """Put back a whole card under its id (used to undo an edit)."""
        before = self.card(card.id)
        self._cards[card.id] = card.validated()
        return self._announce(CardEdited(before, card))

    def remove_card(self, card_id: str) -> CardRemoved:
        """Take a card off the board entirely; the record keeps it, its zone and index."""
        card = self.card(card_id)
        zone = self.zone_of(card_id)
        index = self._zones[zone].index(card_id)
        self._zones[zone].remove(card_id)
        del self._cards[card_id]
        return self._announce(CardRemoved(card, zone, index))

    def mirror(self, change: Change) -> None:
        """Apply a card change made on another round's board without announcing it, so that every
        round holds the same cards: an added card goes to the end of the tray, an edited card is
        replaced, a removed one taken off. Moves stay in their own round."""
        if isinstance(change, CardAdded) and change.card.id not in self._cards:
            self._cards[change.card.id] = change.card
            self._zones[Zone.UNPLACED].append(change.card.id)
        elif isinstance(change, CardEdited) and change.card_id in self._cards:
            self._cards[change.card_id] = change.after
        elif isinstance(change, CardRemoved) and change.card.id in self._cards:
            self._zones[self.zone_of(change.card.id)].remove(change.card.id)
            del self._cards[change.card.id]


def _checked_index(index: object, size: int, zone: Zone) -> int:
    """`index` as a position among the `size` cards of `zone` (None: at the end); BoardError when it
    is not a whole number in 0..size."""
    index = size if index is None else index
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index <= size:
        raise BoardError(f"index {index!r} is outside 0..{size} in zone {zone.value}")
    return index


def _zone(zone: Zone | str) -> Zone:
    try:
        return Zone(zone)
    except ValueError:
        raise BoardError(f"unknown zone {zone!r}") from None
