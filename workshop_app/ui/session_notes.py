"""What the group writes down besides the board: notes on cards, next steps, the workshop's details.

Each change is one undo step that calls one method of the session model (`domain.session.Session`);
the autosave writes its change record to the session file at once, like a move.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.session import (
    MAX_NOTE_CHARS,
    ActionItem,
    BoardReplaced,
    NoteChanged,
    Session,
    SessionInfo,
    SessionModelError,
    validated_action_items,
    validated_info,
)
from workshop_app.ui.date_delegate import DateDelegate
from workshop_app.ui.features import FeatureContext
from workshop_app.ui.messages import message_box
from workshop_app.ui.session_dialogs import NewWorkshopDialog
from workshop_app.ui.undo_commands import SetActionItemsCommand, SetInfoCommand, SetNoteCommand


class NextStepsDialog(QDialog):
    """A table of next steps: what, who, by when. Rows without a "what" are dropped."""

    def __init__(self, parent: QWidget | None, items: list[ActionItem]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Next steps"))
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Who"), self.tr("By when")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setItemDelegateForColumn(2, DateDelegate(self.table))
        for item in items:
            self.add_row(item)
        add = QPushButton(self.tr("&Add step"), self)
        add.clicked.connect(lambda: self._add_and_edit())
        remove = QPushButton(self.tr("&Remove step"), self)
        remove.clicked.connect(self.remove_selected_rows)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def add_row(self, item: ActionItem | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (item.what, item.who, item.due) if item else ("", "", "")  # due: ISO date or ""
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))
        if item is not None:  # a step accepted from a suggestion keeps where it came from
            self.table.item(row, 0).setData(Qt.ItemDataRole.UserRole, item.suggestion)
        return row

    def _add_and_edit(self) -> None:
        row = self.add_row()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_selected_rows(self) -> None:
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def items(self) -> list[ActionItem]:
        steps = []
        for row in range(self.table.rowCount()):
            what, who, due = (self._text(row, column) for column in range(3))
            if what:
                suggestion = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) or ""
                steps.append(ActionItem(what, who, due, suggestion))
        return steps

    def _text(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return " ".join(cell.text().split()) if cell is not None else ""


class SessionNotes(QObject):
    """The Edit menu's card note and the File menu's next steps and workshop details. Each change is
    one undo step calling one method of the session model; the cards show notes from its records."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.window = context.window
        self.current = context.current
        self.note_action = QAction(self.tr("&Note on selected card…"), self.window)
        self.note_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.note_action.triggered.connect(self.ask_note)
        self.steps_action = QAction(self.tr("Next &steps…"), self.window)
        self.steps_action.triggered.connect(self.ask_next_steps)
        self.details_action = QAction(self.tr("Wor&kshop details…"), self.window)
        self.details_action.triggered.connect(self.ask_details)
        context.menus.add("edit.notes", self.note_action)
        context.menus.add("file.details", self.details_action)
        context.menus.add("file.steps", self.steps_action)
        self.current.sessionChanged.connect(lambda _session: self.refresh())
        self.current.recorded.connect(self._recorded)
        context.selection.changed.connect(lambda _card_id: self._update_actions())
        self.refresh()

    @property
    def session(self) -> Session | None:
        """The session held in a file; None while the unsaved demo board is shown."""
        return self.current.session if self.current.stored else None

    def refresh(self) -> None:
        """Show the session's notes on the cards and enable what can be used."""
        session = self.session
        self.context.scene.show_notes(session.notes if session is not None else {})
        self._update_actions()

    def _recorded(self, change: object) -> None:
        if isinstance(change, NoteChanged):
            item = self.context.scene.items_by_id.get(change.card_id)
            if item is not None:
                item.set_note(change.after)
        elif isinstance(change, BoardReplaced):
            self.refresh()

    def _update_actions(self) -> None:
        has_session = self.session is not None
        self.note_action.setEnabled(has_session and self.context.selection.card_id is not None)
        self.steps_action.setEnabled(has_session)
        self.details_action.setEnabled(has_session)

    # --- card notes ---

    def ask_note(self) -> None:
        card_id = self.context.selection.card_id
        session = self.session
        if card_id is None or session is None:
            return
        card_text = session.board.card(card_id).text(self.context.language)
        note, ok = QInputDialog.getMultiLineText(
            self.window, self.tr("Note on the card"),
            self.tr("Note on “{card}”:").format(card=card_text[:80]), session.notes.get(card_id, ""))
        if ok:
            self.set_note(card_id, note)

    def set_note(self, card_id: str, note: str) -> bool:
        """Write a note on a card (an empty note removes it) as one undo step; False when there is no
        session or nothing changes."""
        session = self.session
        if session is None:
            return False
        note = note.strip()[:MAX_NOTE_CHARS]
        if note == session.notes.get(card_id, ""):
            return False
        self.context.undo_stack.push(SetNoteCommand(session, card_id, note, self.context.language))
        return True

    # --- next steps ---

    def ask_next_steps(self) -> None:
        session = self.session
        if session is None:
            return
        dialog = NextStepsDialog(self.window, list(session.action_items))
        if dialog.exec():
            self.set_next_steps(dialog.items())

    def set_next_steps(self, items: list[ActionItem]) -> bool:
        session = self.session
        if session is None or list(items) == session.action_items or not self._valid(
                validated_action_items, items, self.tr("Next steps")):
            return False
        self.context.undo_stack.push(SetActionItemsCommand(session, items))
        return True

    # --- workshop details ---

    def ask_details(self) -> None:
        session = self.session
        if session is None:
            return
        dialog = NewWorkshopDialog(self.window, self.context.language, session.info)
        dialog.setWindowTitle(self.tr("Workshop details"))
        if dialog.exec():
            self.set_details(dialog.info())

    def set_details(self, info: SessionInfo) -> bool:
        """Change the workshop's details as one undo step; False when there is no session, the title is
        empty or nothing changes."""
        session = self.session
        if session is None or not info.title.strip() or info == session.info or not self._valid(
                validated_info, info, self.tr("Workshop details")):
            return False
        self.context.undo_stack.push(SetInfoCommand(session, info))
        return True

    def _valid(self, check: Callable[[Any], object], value: object, title: str) -> bool:
        """True when the session would take `value`; else says why (one line) and returns False."""
        try:
            check(value)
        except SessionModelError as exc:
            message_box(self.window, QMessageBox.Icon.Warning, title, str(exc))
            return False
        return True
