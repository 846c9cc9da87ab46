"""The store of a session that was read and shown before its file was opened for writing.

At start the window reads the session it reopens with the standard library (`storage.first_read`,
lock held) and shows it at once; the `SessionStore` – sqlite-utils, the second check, the switch to
WAL – opens right after the board's first paint (`open`, called by the session controller when the
window has painted). Whatever needs the store earlier opens it then and there: the autosave's first
commit, or any other use of the store (every attribute not defined here is the opened store's). So no
change is ever committed without the store, and none is lost while it is not open yet: until then
nothing but the shown session has changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_app.domain.model import Board
from workshop_app.storage.first_read import LockedSession

if TYPE_CHECKING:
    from workshop_app.storage.store import SessionStore


class LaterStore:
    """Stands in for the `SessionStore` of `locked` until it is opened; holds the file's lock."""

    def __init__(self, locked: LockedSession) -> None:
        self.path = locked.path
        self._lock = locked.lock
        self._store: SessionStore | None = None
        self._board: Board | None = None  # the board attached before the store opened

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def open(self) -> SessionStore:
        """The store, opened now if it is not open yet (a SessionError when it cannot be)."""
        if self._store is None:
            from workshop_app.storage.store import SessionStore  # loads sqlite-utils

            store = SessionStore.open(self.path, lock=self._lock)
            if self._board is not None:
                store.attach(self._board, commit_each=False)
            self._store = store
        return self._store

    def attach(self, board: Board, *, commit_each: bool = True) -> None:
        if self._store is None and not commit_each:
            self._board = board  # attached to the store when it opens
        else:
            self.open().attach(board, commit_each=commit_each)

    def detach(self) -> None:
        self._board = None
        if self._store is not None:
            self._store.detach()

    def close(self) -> None:
        """Close the store, or release the file's lock if it was never opened."""
        if self._store is not None:
            self._store.close()
        else:
            self._lock.release()

    def __getattr__(self, name: str) -> object:  # commit, rewrite, load, events, db, ...: the store's
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.open(), name)
