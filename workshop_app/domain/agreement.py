"""The agreement on the target (Soll) board: contested cards with the room's dot votes, handoffs on
the boundary, archetypes the group accepts on purpose, and whether the agreement is closed.

`Agreement` is a small state object in the style of `Board`: every change goes through a method that
validates its input, applies it and returns a change record (with `before` and `after`, so that undo
is the same method called with `before`); subscribers receive the same record. The session owns one
and forwards its records. It reads the target board through a function, because the session may show
another board object later (a board file opened, a round started).

State that a later board change makes irrelevant is kept, not deleted, so that undoing that change
brings it back: a handoff counts only while its card lies in the Schnittstelle, a contest only while
its card is on the board. `handoffs()` and `contests()` give what counts now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from workshop_app.domain.announcer import Announcer
from workshop_app.domain.archetype_ids import ARCHETYPE_IDS
from workshop_app.domain.model import PLACED_ZONES, Board, CardMoved, Zone
from workshop_app.domain.rounds import SOLL

LEAD_SIDES: tuple[Zone, ...] = (Zone.MARKETING, Zone.SALES)
MAX_DOTS = 999  # dots of one zone on one card: a room, not a referendum
MAX_HANDOFF_CHARS = 300
MAX_REASON_CHARS = 2000
AGREEMENT_ROUND = SOLL  # the agreement's rows are stored under the Soll round, also before it starts


class AgreementError(ValueError):
    """A change the agreement refuses; the message is one line naming the problem."""


@dataclass(frozen=True)
class Votes:
    """The room's dots on one contested card, per zone."""

    marketing: int = 0
    shared: int = 0
    sales: int = 0

    def count(self, zone: Zone) -> int:
        return getattr(self, _placed_zone(zone).value)

    def adjusted(self, zone: Zone, delta: int) -> Votes:
        """These votes with `delta` dots more (or fewer) in `zone`; never below zero."""
        zone = _placed_zone(zone)
        return replace(self, **{zone.value: max(0, self.count(zone) + delta)}).validated()

    @property
    def total(self) -> int:
        return self.marketing + self.shared + self.sales

    def winner(self) -> Zone | None:
        """The zone with the most dots; None without dots or when the top is tied."""
        counts = sorted(((self.count(zone), zone) for zone in PLACED_ZONES),
                        key=lambda pair: pair[0], reverse=True)
        (top, zone), (second, _) = counts[0], counts[1]
        return zone if top > second else None

    def validated(self) -> Votes:
        for zone in PLACED_ZONES:
            value = getattr(self, zone.value)
            if isinstance(value, bool) or not isinstance(value, int):
                raise AgreementError(f"votes for {zone.value} must be a whole number, not {value!r}")
            if not 0 <= value <= MAX_DOTS:
                raise AgreementError(f"votes for {zone.value} must be between 0 and {MAX_DOTS}, "
                                     f"not {value}")
        return self

    def to_json(self) -> dict[str, int]:
        return {zone.value: self.count(zone) for zone in PLACED_ZONES}


@dataclass(frozen=True)
class Contest:
    """A card the room disputes: its dots and, once decided, the reason (may be empty)."""

    votes: Votes = field(default_factory=Votes)
    resolution: str | None = None  # None: not resolved yet

    @property
    def resolved(self) -> bool:
        return self.resolution is not None


@dataclass(frozen=True)
class Handoff:
    """Who leads a task of the Schnittstelle, and what passes across to the other side."""

    lead: Zone
    what: str

    def validated(self) -> Handoff:
        if not isinstance(self.lead, Zone) or self.lead not in LEAD_SIDES:
            raise AgreementError(f"a handoff's lead is marketing or sales, not {self.lead!r}")
        what = _text(self.what, "a handoff's text", MAX_HANDOFF_CHARS)
        if not what.strip():
            raise AgreementError("a handoff needs a text: what passes across")
        return self

    @property
    def receiver(self) -> Zone:
        return Zone.SALES if self.lead is Zone.MARKETING else Zone.MARKETING


# --- change records ---


@dataclass(frozen=True)
class ContestChanged:
    """A card marked or unmarked as contested, its votes changed, or it resolved (then `move` is the
    board move that placed it, already announced by the board)."""

    card_id: str
    before: Contest | None
    after: Contest | None
    move: CardMoved | None = None


@dataclass(frozen=True)
class HandoffChanged:
    """The handoff of a task of the Schnittstelle changed (None: none agreed)."""

    card_id: str
    before: Handoff | None
    after: Handoff | None


@dataclass(frozen=True)
class ArchetypeAccepted:
    """An archetype the group accepts on purpose (`after` is the reason; None: no longer accepted)."""

    archetype_id: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class AgreementClosed:
    """The agreement was closed (signed off) or opened again."""

    before: bool
    after: bool


AgreementChange = ContestChanged | HandoffChanged | ArchetypeAccepted | AgreementClosed
Listener = Callable[[AgreementChange], None]


class Agreement(Announcer[AgreementChange]):
    """The agreement's state on the target board `target()`."""

    def __init__(self, target: Callable[[], Board],
                 archetype_ids: Iterable[str] = ARCHETYPE_IDS) -> None:
        self._target = target
        self._archetype_ids = frozenset(archetype_ids)
        self._contests: dict[str, Contest] = {}
        self._handoffs: dict[str, Handoff] = {}
        self._accepted: dict[str, str] = {}
        self._closed = False
        self._listeners: list[Listener] = []

    # --- queries ---

    @property
    def board(self) -> Board:
        return self._target()

    @property
    def closed(self) -> bool:
        return self._closed

    def contest(self, card_id: str) -> Contest | None:
        """The card's contest while the card is on the board, else None."""
        return self._contests.get(card_id) if card_id in self.board else None

    def contests(self) -> dict[str, Contest]:
        """Contested cards on the board, in the order they were marked."""
        board = self.board
        return {card_id: contest for card_id, contest in self._contests.items() if card_id in board}

    def handoff(self, card_id: str) -> Handoff | None:
        """The card's handoff while the card lies in the Schnittstelle, else None."""
        handoff = self._handoffs.get(card_id)
        if handoff is None or card_id not in self.board:
            return None
        return handoff if self.board.zone_of(card_id) is Zone.SHARED else None

    def stored_handoff(self, card_id: str) -> Handoff | None:
        """The handoff kept for the card, counting or not (it counts again when the card returns)."""
        return self._handoffs.get(card_id)

    def handoffs(self) -> dict[str, Handoff]:
        """The handoffs that count: of cards in the Schnittstelle, in Schnittstelle order."""
        return {card_id: self._handoffs[card_id] for card_id in self.board.ids_in(Zone.SHARED)
                if card_id in self._handoffs}

    def accepted(self) -> dict[str, str]:
        """Archetype id to the group's reason for accepting it."""
        return dict(self._accepted)

    def is_empty(self) -> bool:
        return not (self._contests or self._handoffs or self._accepted or self._closed)

    # --- operations ---

    def set_contest(self, card_id: str, contest: Contest | None) -> ContestChanged:
        """Mark a card contested (`Contest()`), change its votes or resolution, or unmark it (None)."""
        self._card(card_id)
        if contest is not None:
            contest = _checked_contest(contest)
        before = self._contests.get(card_id)
        self._put(self._contests, card_id, contest)
        return self._announce(ContestChanged(card_id, before, contest))

    def mark_contested(self, card_id: str, contested: bool = True) -> ContestChanged:
        current = self._contests.get(card_id)
        if contested:
            return self.set_contest(card_id, current or Contest())
        return self.set_contest(card_id, None)

    def set_votes(self, card_id: str, votes: Votes) -> ContestChanged:
        contest = self._open_contest(card_id)
        return self.set_contest(card_id, replace(contest, votes=votes))

    def add_dots(self, card_id: str, zone: Zone, delta: int = 1) -> ContestChanged:
        contest = self._open_contest(card_id)
        return self.set_votes(card_id, contest.votes.adjusted(zone, delta))

    def resolve(self, card_id: str, zone: Zone | str, reason: str = "") -> ContestChanged:
        """Place a contested card in `zone` (at the end) and record the decision with its reason."""
        contest = self._open_contest(card_id)
        zone = _placed_zone(zone)
        reason = _text(reason, "a reason", MAX_REASON_CHARS).strip()
        move = self.board.move(card_id, zone)
        after = replace(contest, resolution=reason)
        self._contests[card_id] = after
        return self._announce(ContestChanged(card_id, contest, after, move))

    def undo_resolve(self, change: ContestChanged) -> ContestChanged:
        """Put the card back where it stood and the contest as it was before `change` (a resolve)."""
        if change.move is None:
            raise AgreementError("this change placed no card")
        move = change.move
        board = self.board
        target = [card_id for card_id in board.ids_in(move.from_zone) if card_id != change.card_id]
        back = board.move(change.card_id, move.from_zone, min(move.from_index, len(target)))
        current = self._contests.get(change.card_id)
        self._put(self._contests, change.card_id, change.before)
        return self._announce(ContestChanged(change.card_id, current, change.before, back))

    def set_handoff(self, card_id: str, handoff: Handoff | None) -> HandoffChanged:
        """Agree who leads a Schnittstelle card and what passes across (None removes it)."""
        self._card(card_id)
        if handoff is not None:
            handoff.validated()
            zone = self.board.zone_of(card_id)
            if zone is not Zone.SHARED:
                raise AgreementError(f"card {card_id!r} is not in the Schnittstelle ({zone.value}): "
                                     "only Schnittstelle cards take a handoff")
        before = self._handoffs.get(card_id)
        self._put(self._handoffs, card_id, handoff)
        return self._announce(HandoffChanged(card_id, before, handoff))

    def set_accepted(self, archetype_id: str, reason: str | None) -> ArchetypeAccepted:
        """Accept an archetype the target board resembles, with the group's reason (None: withdraw)."""
        if archetype_id not in self._archetype_ids:
            raise AgreementError(f"unknown archetype {archetype_id!r}")
        if reason is not None:
            reason = _text(reason, "a reason", MAX_REASON_CHARS).strip()
            if not reason:
                raise AgreementError("accepting an archetype needs a reason")
        before = self._accepted.get(archetype_id)
        self._put(self._accepted, archetype_id, reason)
        return self._announce(ArchetypeAccepted(archetype_id, before, reason))

    def set_closed(self, closed: bool) -> AgreementClosed:
        if not isinstance(closed, bool):
            raise AgreementError(f"closed is true or false, not {closed!r}")
        before, self._closed = self._closed, closed
        return self._announce(AgreementClosed(before, closed))

    # --- helpers ---

    def _card(self, card_id: str) -> None:
        if not isinstance(card_id, str) or card_id not in self.board:
            raise AgreementError(f"unknown card {card_id!r}")

    def _open_contest(self, card_id: str) -> Contest:
        self._card(card_id)
        contest = self._contests.get(card_id)
        if contest is None:
            raise AgreementError(f"card {card_id!r} is not contested")
        return contest

    @staticmethod
    def _put(mapping: dict, key: str, value: object) -> None:
        if value is None:
            mapping.pop(key, None)
        else:
            mapping[key] = value


def restore(agreement: Agreement, contests: Mapping[str, Contest],
            handoffs: Mapping[str, Handoff], accepted: Mapping[str, str], closed: bool) -> Agreement:
    """Fill a new, unsubscribed agreement with stored state (validated like any change)."""
    for card_id, contest in contests.items():
        agreement.set_contest(card_id, contest)
    for card_id, handoff in handoffs.items():
        agreement.set_handoff(card_id, handoff)
    for archetype_id, reason in accepted.items():
        agreement.set_accepted(archetype_id, reason)
    agreement.set_closed(closed)
    return agreement


def _checked_contest(contest: Contest) -> Contest:
    if not isinstance(contest, Contest) or not isinstance(contest.votes, Votes):
        raise AgreementError("a contest holds votes and an optional resolution")
    contest.votes.validated()
    if contest.resolution is not None:
        _text(contest.resolution, "a reason", MAX_REASON_CHARS)
    return contest


def _placed_zone(zone: Zone | str) -> Zone:
    try:
        zone = Zone(zone)
    except ValueError:
        raise AgreementError(f"unknown zone {zone!r}") from None
    if not zone.is_placed:
        raise AgreementError("a card is resolved into marketing, shared or sales, not the tray")
    return zone


def _text(value: object, what: str, limit: int) -> str:
    if not isinstance(value, str):
        raise AgreementError(f"{what} must be a text, not {type(value).__name__}")
    if len(value) > limit:
        raise AgreementError(f"{what} is longer than {limit} characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise AgreementError(f"{what} holds characters that are not valid Unicode") from None
    return value

