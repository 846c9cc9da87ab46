"""What the group writes down besides the board: notes on cards, next steps, the workshop's details.

Each is saved to the session file the moment the dialog is confirmed (like the moves, there is no
save button). They are session records, not board moves, so they stay out of the undo history.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.session import ActionItem, Session, SessionInfo
from workshop_app.storage import SessionError
from workshop_app.ui.session_dialogs import NewWorkshopDialog

MAX_NOTE_CHARS = 5000


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
        values = (item.what, item.who, item.due) if item else ("", "", "")
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))
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
                steps.append(ActionItem(what, who, due))
        return steps

    def _text(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return " ".join(cell.text().split()) if cell is not None else ""


class SessionNotes(QObject):
    """The Edit menu's card note and the File menu's next steps and workshop details."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.note_action = QAction(self.tr("&Note on selected card…"), window)
        self.note_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.note_action.triggered.connect(self.ask_note)
        self.steps_action = QAction(self.tr("Next &steps…"), window)
        self.steps_action.triggered.connect(self.ask_next_steps)
        self.details_action = QAction(self.tr("Workshop &details…"), window)
        self.details_action.triggered.connect(self.ask_details)
        window.edit_menu.addAction(self.note_action)
        window.file_menu.insertAction(window.sessions.delete_action, self.details_action)
        window.file_menu.insertAction(window.export_action.action, self.steps_action)
        window.boardReplaced.connect(lambda _board: self.refresh())
        window.view.selectionChanged.connect(lambda _card_id: self._update_actions())
        self.refresh()

    @property
    def session(self) -> Session | None:
        return getattr(getattr(self.window, "sessions", None), "session", None)

    def refresh(self) -> None:
        """Show the open session's notes on the cards and enable what can be used."""
        session = self.session
        self.window.board_scene.show_notes(session.notes if session is not None else {})
        self._update_actions()

    def _update_actions(self) -> None:
        has_session = self.session is not None
        self.note_action.setEnabled(has_session and self.window.view.selected_card_id is not None)
        self.steps_action.setEnabled(has_session)
        self.details_action.setEnabled(has_session)

    # --- card notes ---

    def ask_note(self) -> None:
        card_id = self.window.view.selected_card_id
        session = self.session
        if card_id is None or session is None:
            return
        card_text = self.window.board.card(card_id).text(self.window.language)
        note, ok = QInputDialog.getMultiLineText(
            self.window, self.tr("Note on the card"),
            self.tr("Note on “{card}”:").format(card=card_text[:80]), session.notes.get(card_id, ""))
        if ok:
            self.set_note(card_id, note)

    def set_note(self, card_id: str, note: str) -> bool:
        """Save a note on a card (an empty note removes it); False when it could not be saved."""
        session = self.session
        if session is None:
            return False
        note = note.strip()[:MAX_NOTE_CHARS]
        if not self._save(lambda store: store.set_note(card_id, note)):
            return False
        if note:
            session.notes[card_id] = note
        else:
            session.notes.pop(card_id, None)
        self.window.board_scene.items_by_id[card_id].set_note(note)
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
        if session is None or not self._save(lambda store: store.set_action_items(items)):
            return False
        session.action_items = list(items)
        return True

    # --- workshop details ---

    def ask_details(self) -> None:
        session = self.session
        if session is None:
            return
        dialog = NewWorkshopDialog(self.window, self.window.language, session.info)
        dialog.setWindowTitle(self.tr("Workshop details"))
        if dialog.exec():
            self.set_details(replace(dialog.info(), date=session.info.date))

    def set_details(self, info: SessionInfo) -> bool:
        return self.window.sessions.update_info(info)

    # --- saving ---

    def _save(self, write) -> bool:
        store = self.window.sessions.store
        if store is None:
            return False
        try:
            write(store)
        except SessionError as exc:
            self.window.sessions.report(exc)
            return False
        return True


def install(window) -> SessionNotes:
    window.session_notes = SessionNotes(window)
    return window.session_notes

