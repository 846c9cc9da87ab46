"""The session a window shows, as one object every feature holds.

The window's session changes when another one is opened; features keep this holder instead of a
`Session`, and react to its Qt signals: `sessionChanged` when another session is shown, `recorded` for
every change record of the shown session and its board (the domain's records, relayed), and
`overlayChanged` when the perception overlay is shown or hidden (a view state, not the session's).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from workshop_app.domain.model import Board
from workshop_app.domain.session import Session, WorkshopChange


class CurrentSession(QObject):
    sessionChanged = Signal(object)  # noqa: N815 - the Session now shown
    recorded = Signal(object)  # noqa: N815 - a change record (board or session) of that session
    overlayChanged = Signal(bool)  # noqa: N815 - the perception overlay is shown (True) or hidden

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._stored = False
        self._overlay_shown = False
        self._unsubscribe = session.subscribe(self._relay)

    @property
    def session(self) -> Session:
        return self._session

    @property
    def board(self) -> Board:
        return self._session.board

    @property
    def stored(self) -> bool:
        """True when a session file backs the session (False for the unsaved demo board)."""
        return self._stored

    @property
    def overlay_shown(self) -> bool:
        """True while the board shows the overlay of both perception groups."""
        return self._overlay_shown

    def show_overlay(self, shown: bool) -> None:
        if shown != self._overlay_shown:
            self._overlay_shown = shown
            self.overlayChanged.emit(shown)

    def show(self, session: Session, *, stored: bool) -> None:
        """Show another session (opened, created, or the unsaved demo)."""
        self._unsubscribe()
        self._session, self._stored = session, stored
        self._unsubscribe = session.subscribe(self._relay)
        self.sessionChanged.emit(session)

    def _relay(self, change: WorkshopChange) -> None:
        self.recorded.emit(change)
