"""The workshop's rounds: Ist (as is), Soll (target), and the optional perception-gap round before them.

Every round is a `Board` over the same cards; only where the cards stand differs. `Rounds` holds the
boards, the active round and the names of the two perception groups; its methods validate, apply and
return (and announce) a change record, like `Board`'s.

- Soll starts as a copy of Ist (`start_soll`); `moves(ist, soll)` lists each card that stands
  elsewhere in Soll.
- The perception-gap round gives each of two named groups its own board (all cards in the tray at the
  start). `overlay(a, b)` compares them card by card: *agreed* cards both groups placed in the same
  zone, *disputed* cards at least one group placed and the two zones differ. The divergence is the
  share of disputed cards among the cards at least one group placed (None while neither placed one).
- `start_ist_from("a" | "b" | "agreed")` makes Ist a copy of group A's board, group B's, or of the
  agreed cards only (every other card back in the tray).
- Cards are shared: a card added, edited or removed in one round is added (to the tray), edited or
  removed in every other round as well, silently (`Board.mirror`), so all rounds always hold the same
  cards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from workshop_app.domain.announcer import Announcer
from workshop_app.domain.model import (
    ALL_ZONES,
    Board,
    CardAdded,
    CardEdited,
    CardRemoved,
    Change,
    Zone,
)

IST = "as_is"
SOLL = "target"
GROUP_A = "perception_a"
GROUP_B = "perception_b"
ROUND_ORDER: tuple[str, ...] = (GROUP_A, GROUP_B, IST, SOLL)
PERCEPTION_ROUNDS: tuple[str, str] = (GROUP_A, GROUP_B)
IST_SOURCES: tuple[str, ...] = ("a", "b", "agreed")
DEFAULT_GROUPS: dict[str, tuple[str, str]] = {"de": ("Marketing", "Verkauf"),
                                              "en": ("Marketing", "Sales")}
MAX_GROUP_NAME = 60


class RoundError(ValueError):
    """A round change that is refused: unknown round, Soll started twice, an empty group name."""


# --- comparing boards ---


@dataclass(frozen=True)
class Move:
    """A card that stands elsewhere in Soll than in Ist."""

    card_id: str
    from_zone: Zone
    to_zone: Zone


def moves(ist: Board, soll: Board) -> tuple[Move, ...]:
    """Each card whose zone differs between the two boards, in Soll's zone order."""
    before = ist.placement()
    found: list[Move] = []
    for zone in ALL_ZONES:
        for card_id in soll.ids_in(zone):
            origin = before.get(card_id)
            if origin is not None and origin is not zone:
                found.append(Move(card_id, origin, zone))
    return tuple(found)


@dataclass(frozen=True)
class CardPair:
    """Where each perception group put one card."""

    card_id: str
    zone_a: Zone
    zone_b: Zone

    @property
    def agreed(self) -> bool:
        return self.zone_a is self.zone_b and self.zone_a.is_placed

    @property
    def disputed(self) -> bool:
        return self.zone_a is not self.zone_b


@dataclass(frozen=True)
class Overlay:
    """Both groups' boards card by card (in group A's board order)."""

    pairs: tuple[CardPair, ...]

    @property
    def agreed(self) -> tuple[str, ...]:
        return tuple(pair.card_id for pair in self.pairs if pair.agreed)

    @property
    def disputed(self) -> tuple[str, ...]:
        return tuple(pair.card_id for pair in self.pairs if pair.disputed)

    @property
    def divergence(self) -> float | None:
        """Share of disputed cards among the cards at least one group placed; None if none is."""
        placed = sum(1 for pair in self.pairs if pair.zone_a.is_placed or pair.zone_b.is_placed)
        return len(self.disputed) / placed if placed else None


def overlay(a: Board, b: Board) -> Overlay:
    zones_b = b.placement()
    pairs = [CardPair(card_id, zone, zones_b.get(card_id, Zone.UNPLACED))
             for zone in ALL_ZONES for card_id in a.ids_in(zone)]
    return Overlay(tuple(pairs))


def agreed_board(a: Board, b: Board) -> Board:
    """Group A's board with only the agreed cards placed; every other card in the tray."""
    agreed = set(overlay(a, b).agreed)
    zones = {zone: [card_id for card_id in a.ids_in(zone) if card_id in agreed]
             for zone in ALL_ZONES if zone.is_placed}
    return Board.from_zones(a.cards(), zones)


# --- change records ---


@dataclass(frozen=True)
class RoundStarted:
    """`name` now holds `board` (Soll from Ist, a group's empty board, Ist from the groups)."""

    name: str
    board: Board
    source: str = ""
    groups: tuple[str, ...] = ()  # the perception groups' names, for a perception round


@dataclass(frozen=True)
class RoundSwitched:
    """The active round changed (the rounds' names, e.g. Ist to Soll)."""

    from_round: str
    to_round: str


@dataclass(frozen=True)
class GroupRenamed:
    """A perception group's name changed (group 0 or 1)."""

    index: int
    before: str
    after: str


RoundChange = RoundStarted | RoundSwitched | GroupRenamed
RoundListener = Callable[[RoundChange], None]


class Rounds(Announcer[RoundChange]):
    """The boards of a session by round name, the active round and the perception groups' names."""

    def __init__(self, boards: dict[str, Board], active: str = IST,
                 groups: Iterable[str] | None = None) -> None:
        for name in boards:
            _known(name)
        if IST not in boards:
            raise RoundError("a session always has an Ist round")
        self._boards = dict(boards)
        self._listeners: list[RoundListener] = []
        self._mirror_unsubscribers: dict[str, Callable[[], None]] = {}
        self.groups: tuple[str, str] = tuple(groups) if groups else DEFAULT_GROUPS["de"]  # type: ignore[assignment]
        if len(self.groups) != 2:
            raise RoundError("the perception round has exactly two groups")
        self.active = active if active in self._boards else IST
        for name, board in self._boards.items():
            self._watch(name, board)

    # --- queries ---

    def __contains__(self, name: object) -> bool:
        return name in self._boards

    def names(self) -> list[str]:
        """The rounds this session has, in workshop order."""
        return [name for name in ROUND_ORDER if name in self._boards]

    def board(self, name: str | None = None) -> Board:
        name = self.active if name is None else name
        try:
            return self._boards[name]
        except KeyError:
            raise RoundError(f"this session has no round {name!r}") from None

    @property
    def has_perception(self) -> bool:
        return GROUP_A in self._boards and GROUP_B in self._boards

    def moves(self) -> tuple[Move, ...]:
        """What moved from Ist to Soll (nothing while there is no Soll)."""
        return moves(self._boards[IST], self._boards[SOLL]) if SOLL in self._boards else ()

    def overlay(self) -> Overlay | None:
        if not self.has_perception:
            return None
        return overlay(self._boards[GROUP_A], self._boards[GROUP_B])

    def group_name(self, name: str) -> str:
        """The group a perception round belongs to ("" for Ist and Soll)."""
        return self.groups[PERCEPTION_ROUNDS.index(name)] if name in PERCEPTION_ROUNDS else ""

    # --- operations ---

    def start_soll(self) -> RoundStarted:
        """Soll starts as a copy of Ist and becomes the active round."""
        if SOLL in self._boards:
            raise RoundError("the Soll round has already started")
        return self._start(SOLL, self._boards[IST].copy(), "ist")

    def start_perception(self, groups: Iterable[str] | None = None) -> RoundStarted:
        """Both groups get a board with every card in the tray (two records: B's, then A's); group
        A's becomes active."""
        if self.has_perception:
            raise RoundError("the perception round has already started")
        if SOLL in self._boards:
            raise RoundError("the perception round comes before Soll")
        if groups is not None:
            names = tuple(groups)
            if len(names) != 2:
                raise RoundError("the perception round has exactly two groups")
            self.groups = (checked_group_name(names[0]), checked_group_name(names[1]))
        empty = self._boards[IST].emptied()
        self._start(GROUP_B, empty.copy(), "")
        return self._start(GROUP_A, empty, "")

    def start_ist_from(self, source: str) -> RoundStarted:
        """Ist becomes a copy of group A's board, group B's, or the agreed cards ("a", "b",
        "agreed"), and the active round."""
        if not self.has_perception:
            raise RoundError("there is no perception round to start Ist from")
        if SOLL in self._boards:
            raise RoundError("Ist cannot be restarted once Soll has started")
        a, b = self._boards[GROUP_A], self._boards[GROUP_B]
        boards = {"a": a.copy, "b": b.copy, "agreed": lambda: agreed_board(a, b)}
        if source not in boards:
            raise RoundError(f"unknown source {source!r} (use a, b or agreed)")
        return self._start(IST, boards[source](), source)

    def switch(self, name: str) -> RoundSwitched:
        self.board(name)
        before, self.active = self.active, name
        return self._announce(RoundSwitched(before, name))  # type: ignore[return-value]

    def rename_group(self, index: int, name: str) -> GroupRenamed:
        if index not in (0, 1):
            raise RoundError(f"group {index!r}: there are two groups, 0 and 1")
        before = self.groups[index]
        groups = list(self.groups)
        groups[index] = checked_group_name(name)
        self.groups = (groups[0], groups[1])
        return self._announce(GroupRenamed(index, before, self.groups[index]))  # type: ignore[return-value]

    def replace_board(self, board: Board) -> None:
        """The active round holds `board` from now on (a board file opened in the window). Silent: the
        session announces it as `BoardReplaced`."""
        old = self._mirror_unsubscribers.pop(self.active, None)
        if old is not None:
            old()
        self._boards[self.active] = board
        self._watch(self.active, board)

    def _start(self, name: str, board: Board, source: str) -> RoundStarted:
        old = self._mirror_unsubscribers.pop(name, None)
        if old is not None:
            old()
        self._boards[name] = board
        self._watch(name, board)
        self.active = name
        groups = self.groups if name in PERCEPTION_ROUNDS else ()
        return self._announce(RoundStarted(name, board, source, groups))  # type: ignore[return-value]

    # --- keeping the rounds' cards equal ---

    def _watch(self, name: str, board: Board) -> None:
        self._mirror_unsubscribers[name] = board.subscribe(
            lambda change: self._mirror(name, change))

    def _mirror(self, origin: str, change: Change) -> None:
        if not isinstance(change, CardAdded | CardEdited | CardRemoved):
            return
        for name, board in self._boards.items():
            if name != origin:
                board.mirror(change)


def _known(name: object) -> str:
    if name not in ROUND_ORDER:
        raise RoundError(f"unknown round {name!r} (rounds: {', '.join(ROUND_ORDER)})")
    return name  # type: ignore[return-value]


def checked_group_name(name: object) -> str:
    """A perception group's name as a session takes it (spaces folded); RoundError when it is empty
    or longer than MAX_GROUP_NAME."""
    if not isinstance(name, str) or not name.strip():
        raise RoundError("a group needs a name")
    if len(name) > MAX_GROUP_NAME:
        raise RoundError(f"a group name has at most {MAX_GROUP_NAME} characters")
    return " ".join(name.split())
