"""The window's undo history: one QUndoStack per round, so that each round has its own history.

`UndoHistory` looks like one QUndoStack to the features (push, undo, redo, count, index, command,
clear and the usual signals), and always means the active round's stack. `use(name)` makes another
round's stack the active one without losing any stack's commands; `reset()` drops every history
(another session is shown). `stackChanged` tells listeners (the autosave) that the commands they see
now belong to another stack.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack


class UndoHistory(QObject):
    indexChanged = Signal(int)  # noqa: N815 - the active stack's index changed (push, undo, redo)
    canUndoChanged = Signal(bool)  # noqa: N815
    canRedoChanged = Signal(bool)  # noqa: N815
    undoTextChanged = Signal(str)  # noqa: N815
    redoTextChanged = Signal(str)  # noqa: N815
    stackChanged = Signal()  # noqa: N815 - another round's stack is the active one now

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self._stacks: dict[str, QUndoStack] = {}
        self._switching = False
        self.group.indexChanged.connect(self._relay_index)
        self.group.canUndoChanged.connect(self.canUndoChanged)
        self.group.canRedoChanged.connect(self.canRedoChanged)
        self.group.undoTextChanged.connect(self.undoTextChanged)
        self.group.redoTextChanged.connect(self.redoTextChanged)
        self.use("as_is")

    @property
    def stack(self) -> QUndoStack:
        stack = self.group.activeStack()
        assert stack is not None
        return stack

    @property
    def active(self) -> str:
        return next(name for name, stack in self._stacks.items() if stack is self.stack)

    def use(self, name: str) -> None:
        """Make round `name`'s stack the active one (made on first use)."""
        stack = self._stacks.get(name)
        if stack is None:
            stack = self._stacks[name] = QUndoStack(self)
            self.group.addStack(stack)
        if self.group.activeStack() is stack:
            return
        self._switching = True
        try:
            self.group.setActiveStack(stack)
        finally:
            self._switching = False
        self.stackChanged.emit()

    def reset(self, name: str = "as_is") -> None:
        """Drop every round's history and start with `name`'s (empty) stack."""
        for stack in self._stacks.values():
            stack.clear()
        self.use(name)

    def _relay_index(self, index: int) -> None:
        if not self._switching:
            self.indexChanged.emit(index)

    # --- the QUndoStack interface the features use ---

    def push(self, command: QUndoCommand) -> None:
        self.stack.push(command)

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def clear(self) -> None:
        self.stack.clear()

    def count(self) -> int:
        return self.stack.count()

    def index(self) -> int:
        return self.stack.index()

    def command(self, index: int) -> QUndoCommand:
        return self.stack.command(index)

    def canUndo(self) -> bool:  # noqa: N802 - QUndoStack's name
        return self.stack.canUndo()

    def canRedo(self) -> bool:  # noqa: N802 - QUndoStack's name
        return self.stack.canRedo()
