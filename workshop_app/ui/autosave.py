"""Autosave: every change record of the shown session goes to its file, one transaction per undo step.

The session's records (moves, card edits, notes, next steps, details, a replaced board) are collected as
they happen; when the undo stack's index changes (push, undo, redo) they are committed in one transaction
together with do/undo/redo. A change without an undo step is committed on the next turn of the event
loop, a replaced board or a round record at once. Redo is told apart from a new step by the undo
stack itself: the command now at the top is one that was there before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from workshop_app.domain.session import ROUND_RECORDS, BoardReplaced, Session, WorkshopChange
from workshop_app.storage import SessionError
from workshop_app.ui.undo_history import UndoHistory

if TYPE_CHECKING:
    from workshop_app.storage.store import SessionStore
    from workshop_app.ui.later_store import LaterStore


class Autosave:
    """Commits a session's change records to its store."""

    def __init__(self, store: SessionStore | LaterStore, session: Session, undo_stack: UndoHistory,
                 on_error: Callable[[SessionError], None],
                 on_recovered: Callable[[], None] = lambda: None) -> None:
        self.store, self.session, self.undo_stack = store, session, undo_stack
        self.on_error, self.on_recovered = on_error, on_recovered
        self.pending: list[WorkshopChange] = []
        self.out_of_step = False  # the file missed a change the session has
        self.last_index = undo_stack.index()
        self._known = [undo_stack.command(i) for i in range(undo_stack.count())]
        store.attach(session.board, commit_each=False)
        self._unsubscribe = session.subscribe(self._collect)
        undo_stack.indexChanged.connect(self._index_changed)
        undo_stack.stackChanged.connect(self._stack_changed)

    def stop(self) -> None:
        self.flush("do")
        self._unsubscribe()
        self.undo_stack.indexChanged.disconnect(self._index_changed)
        self.undo_stack.stackChanged.disconnect(self._stack_changed)
        self.store.detach()

    def _collect(self, change: WorkshopChange) -> None:
        if isinstance(change, (BoardReplaced, *ROUND_RECORDS)):  # never undo steps: written at once
            self.flush("do")  # what came before, with the board it belongs to
            self.pending.append(change)
            self.flush("do")
            self.store.attach(self.session.board, commit_each=False)  # another board from now on
            return
        self.pending.append(change)
        QTimer.singleShot(0, lambda: self.flush("do"))  # a change without an undo step

    def _stack_changed(self) -> None:
        """Another round's history is the active one: follow its commands from here on."""
        self.flush("do")
        self.last_index = self.undo_stack.index()
        self._known = [self.undo_stack.command(i) for i in range(self.undo_stack.count())]

    def _index_changed(self, index: int) -> None:
        self.flush(self._action(index))
        self.last_index = index

    def _action(self, index: int) -> str:
        """"undo", "redo" (the command that became done again is one the stack held before) or "do"."""
        if index < self.last_index:
            return "undo"
        if index == self.last_index:
            return "do"
        command = self.undo_stack.command(index - 1)
        if index - 1 < len(self._known) and self._known[index - 1] is command:
            return "redo"
        del self._known[index - 1:]  # a new step drops the steps that could have been redone
        self._known.append(command)
        return "do"

    def flush(self, action: str) -> None:
        if not self.pending:
            return
        changes, self.pending = self.pending, []
        try:
            if self.out_of_step:  # an earlier commit failed: write the whole session, then go on
                self.store.rewrite(self.session)
                self.out_of_step = False
                self.store.commit(changes, action)
                self.on_recovered()
                return
            self.store.commit(changes, action)
        except SessionError as exc:
            self.out_of_step = True
            self.on_error(exc)
