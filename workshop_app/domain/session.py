"""A workshop session: the workshop model the window, the storage and the export share.

`Session` owns the board, the card notes, the next steps (action items) and the workshop details. As
`Board` does for moves, every change to them goes through a method that validates its input, applies the
change and returns a change record; listeners subscribed to the session receive the same record, and
also every record of the board (forwarded). The storage writes those records, the UI reacts to them.

Rounds (`domain.rounds`): a session holds one board per round (Ist, Soll, the two halves of a
perception-gap round) on the same deck; `board` is always the active round's board. Round records
(`RoundStarted`, `RoundSwitched`, `GroupRenamed`) reach the session's listeners like every other record.
"""

from __future__ import annotations

import datetime as _dt
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from workshop_app.domain import limits
from workshop_app.domain.agreement import Agreement, AgreementChange
from workshop_app.domain.model import LANGUAGES, Board, Change
from workshop_app.domain.rounds import (
    IST,
    SOLL,
    GroupRenamed,
    RoundChange,
    Rounds,
    RoundStarted,
    RoundSwitched,
)
from workshop_app.domain.timer import PhaseTimer, TimerChanged

DEFAULT_ROUND = "as_is"
MAX_NOTE_CHARS = limits.NOTE


class SessionModelError(ValueError):
    """A change the session refuses: a note on an unknown card, an empty title, an unknown language."""


@dataclass(frozen=True)
class ActionItem:
    """What is to be done, by whom, by when (free text: teams write dates their own way)."""

    what: str
    who: str = ""
    due: str = ""
    suggestion: str = ""  # the id of the suggested next step it was accepted from, "" for none


@dataclass
class SessionInfo:
    """The workshop's details: title, company, facilitator, date, language, participants."""

    title: str
    company: str = ""
    facilitator: str = ""
    date: str = field(default_factory=lambda: _dt.date.today().isoformat())
    language: str = "de"
    participants: list[str] = field(default_factory=list)

    def copy(self) -> SessionInfo:
        return replace(self, participants=list(self.participants))


# --- change records of the session (the board's own records are in domain.model) ---


@dataclass(frozen=True)
class NoteChanged:
    """A card's note changed."""

    card_id: str
    before: str  # "" when the card had no note
    after: str  # "" when the note was removed


@dataclass(frozen=True)
class ActionItemsChanged:
    """The next steps (action items) changed: the whole list before and after."""

    before: tuple[ActionItem, ...]
    after: tuple[ActionItem, ...]


@dataclass(frozen=True)
class InfoChanged:
    """The workshop's details changed."""

    before: SessionInfo
    after: SessionInfo


@dataclass(frozen=True)
class BoardReplaced:
    """Another board is shown (e.g. read from a board file); not an undo step."""

    before: Board
    after: Board


SessionChange = NoteChanged | ActionItemsChanged | InfoChanged | BoardReplaced
WorkshopChange = Change | SessionChange | RoundChange | AgreementChange | TimerChanged
ROUND_RECORDS = (RoundStarted, RoundSwitched, GroupRenamed)
SessionListener = Callable[[WorkshopChange], None]


@dataclass
class Session:
    """One workshop: its details, the rounds' boards, notes, next steps, agreement and timer."""

    info: SessionInfo
    board: Board
    notes: dict[str, str] = field(default_factory=dict)  # card id -> note
    action_items: list[ActionItem] = field(default_factory=list)
    round: str = DEFAULT_ROUND
    rounds: Rounds | None = None  # every round's board; `board` is the active round's
    _listeners: list[SessionListener] = field(default_factory=list, init=False, repr=False,
                                              compare=False)
    _board_unsubscribe: Callable[[], None] | None = field(default=None, init=False, repr=False,
                                                          compare=False)
    # the agreement on the Soll board (Ist before Soll); its records are forwarded like the board's
    agreement: Agreement = field(default=None, compare=False)  # type: ignore[assignment]
    _agreement_unsubscribe: Callable[[], None] | None = field(default=None, init=False, repr=False,
                                                              compare=False)
    # the phase timer (domain.timer); its records are forwarded too, so the storage keeps it
    timer: PhaseTimer = field(default_factory=PhaseTimer, compare=False)
    _timer_unsubscribe: Callable[[], None] = field(default=lambda: None, init=False, repr=False,
                                                   compare=False)

    def __post_init__(self) -> None:
        if self.rounds is None:
            self.rounds = Rounds({IST: self.board})
        _follow_rounds(self, self.rounds)
        if self.agreement is None:
            self.agreement = Agreement(self.agreement_board)

    def agreement_board(self) -> Board:
        """The board the agreement is about: Soll once it started, else Ist."""
        assert self.rounds is not None
        return self.rounds.board(SOLL if SOLL in self.rounds else IST)

    def ist_board(self) -> Board:
        assert self.rounds is not None
        return self.rounds.board(IST)

    # --- listeners ---

    def subscribe(self, listener: SessionListener) -> Callable[[], None]:
        """Call `listener` with every change record of the session and of its board; returns a function
        that unsubscribes. The board is followed only while someone listens, so copies of a session
        (`dataclasses.replace`) leave nothing behind on the board."""
        self._listeners.append(listener)
        if self._board_unsubscribe is None:
            self._board_unsubscribe = self.board.subscribe(self._announce)
        if self._agreement_unsubscribe is None:
            self._agreement_unsubscribe = self.agreement.subscribe(self._announce)
            self._timer_unsubscribe = self.timer.subscribe(self._announce)
        return lambda: self._unsubscribe(listener)

    def _unsubscribe(self, listener: SessionListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)
        if not self._listeners and self._board_unsubscribe is not None:
            self._board_unsubscribe()
            self._board_unsubscribe = None
        if not self._listeners and self._agreement_unsubscribe is not None:
            self._agreement_unsubscribe()
            self._agreement_unsubscribe = None
            self._timer_unsubscribe()

    def _announce(self, change):
        for listener in list(self._listeners):
            listener(change)
        return change

    # --- operations ---

    def set_note(self, card_id: str, note: str) -> NoteChanged:
        """Write a note on a card (an empty or blank note removes it)."""
        self.board.card(card_id)  # BoardError for an unknown card
        if not isinstance(note, str):
            raise SessionModelError("a note is text")
        note = note.strip()
        _check_lengths((note, MAX_NOTE_CHARS, "a note"))
        before = self.notes.get(card_id, "")
        if note:
            self.notes[card_id] = note
        else:
            self.notes.pop(card_id, None)
        return self._announce(NoteChanged(card_id, before, note))

    def set_action_items(self, items: Iterable[ActionItem]) -> ActionItemsChanged:
        """Replace the next steps; every step needs a "what"."""
        after = validated_action_items(items)
        before = tuple(self.action_items)
        self.action_items = list(after)
        return self._announce(ActionItemsChanged(before, after))

    def set_info(self, info: SessionInfo) -> InfoChanged:
        """Replace the workshop's details (title, company, facilitator, date, language, participants)."""
        after = _validated_info(info)
        before = self.info
        self.info = after
        return self._announce(InfoChanged(before, after))

    def rename(self, title: str) -> InfoChanged:
        return self.set_info(replace(self.info.copy(), title=title))

    def replace_board(self, board: Board) -> BoardReplaced:
        """The active round shows another board (a board file was opened); the notes stay with the
        cards that are still there."""
        if not isinstance(board, Board):
            raise SessionModelError("a session shows a Board")
        before = self.board
        assert self.rounds is not None
        self.rounds.replace_board(board)
        self._show_board(board)
        return self._announce(BoardReplaced(before, board))

    def _show_board(self, board: Board) -> None:
        """`board` is the active one now: board records are forwarded from it."""
        if self._board_unsubscribe is not None:
            self._board_unsubscribe()
            self._board_unsubscribe = board.subscribe(self._announce)
        self.board = board

    def _round_changed(self, change: RoundChange) -> None:
        assert self.rounds is not None
        if self.rounds.board() is not self.board:
            self._show_board(self.rounds.board())
        self._announce(change)


def _follow_rounds(session: Session, rounds: Rounds) -> None:
    """Keep `session.board` on the active round and forward round records, without the rounds keeping
    the session alive (copies made for an export are dropped and unsubscribe on the next record)."""
    ref = weakref.ref(session)

    def listener(change: RoundChange) -> None:
        target = ref()
        if target is None or target.rounds is not rounds:
            unsubscribe()
        else:
            target._round_changed(change)

    unsubscribe = rounds.subscribe(listener)


def _validated_info(info: SessionInfo) -> SessionInfo:
    if not isinstance(info, SessionInfo):
        raise SessionModelError("workshop details are a SessionInfo")
    texts = (info.title, info.company, info.facilitator, info.date, info.language)
    if not all(isinstance(text, str) for text in texts):
        raise SessionModelError("workshop details are text")
    if not info.title.strip():
        raise SessionModelError("a workshop needs a title")
    if info.language not in LANGUAGES:
        raise SessionModelError(f"unknown language {info.language!r}")
    if not all(isinstance(name, str) for name in info.participants):
        raise SessionModelError("participants are names")
    if len(info.participants) > limits.PARTICIPANTS:
        raise SessionModelError(f"a workshop has at most {limits.PARTICIPANTS} participants")
    _check_lengths((info.title.strip(), limits.TITLE, "a title"), (info.company, limits.TITLE, "a company"),
                   (info.facilitator, limits.NAME, "a facilitator's name"), (info.date, limits.DUE, "a date"),
                   *((name, limits.NAME, "a participant's name") for name in info.participants))
    _check_date(info.date, "the workshop's date")
    return replace(info.copy(), title=info.title.strip())


def validated_action_items(items: Iterable[ActionItem]) -> tuple[ActionItem, ...]:
    """The next steps as a session would take them; SessionModelError naming the first problem."""
    after = tuple(items)
    for item in after:
        if not isinstance(item, ActionItem) or not isinstance(item.what, str) or not item.what.strip():
            raise SessionModelError("every next step needs a text saying what is to be done")
        _check_lengths((item.what, limits.STEP, "a next step"), (item.who, limits.NAME, "who"),
                       (item.due, limits.DUE, "by when"))
        _check_date(item.due, "by when")
    return after


def validated_info(info: SessionInfo) -> SessionInfo:
    """The details as a session would take them (title stripped); SessionModelError naming the first
    problem, in one line."""
    return _validated_info(info)


def _check_date(text: str, what: str) -> None:
    """Refuse anything but an empty text or a date written YYYY-MM-DD ("bald" is no date)."""
    if text == "":
        return
    try:
        valid = len(text) == 10 and _dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        valid = False
    if not valid:
        raise SessionModelError(f"{what} must be a date (YYYY-MM-DD) or empty, not {text[:40]!r}")


def _check_lengths(*checks: tuple[object, int, str]) -> None:
    for text, limit, what in checks:
        reason = limits.too_long(text, limit, what) if isinstance(text, str) else f"{what} is text"
        if reason:
            raise SessionModelError(reason)
