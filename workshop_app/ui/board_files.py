"""File menu: save the board to a JSON board file and open one (the format `workshop-app diagnose`
reads; see workshop_app/domain/boardfile.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workshop_app.domain.boardfile import BoardFileError, read_board, write_board
from workshop_app.ui.features import FeatureContext
from workshop_app.ui.messages import message_box

STATUS_MS = 6000


class BoardFileActions(QObject):
    """"Save board…" and "Open board…" in the window's File menu."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context.window)
        self.window = window = context.window
        self.current, self.undo_stack = context.current, context.undo_stack
        self.folder = Path.home()
        self.saved_snapshot: dict | None = None
        self.save_action = QAction(self.tr("Save &board as file…"), window)
        self.save_action.triggered.connect(self.ask_save)
        self.open_action = QAction(self.tr("O&pen board file…"), window)
        self.open_action.triggered.connect(self.ask_open)
        context.menus.add("file.board_file", self.open_action)
        context.menus.add("file.board_file", self.save_action)

    def _warn(self, title: str, text: str) -> None:
        """A warning that shows `text` literally: it holds file names and card ids from the file."""
        message_box(self.window, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                    QMessageBox.StandardButton.Ok)

    def _filter(self) -> str:
        return self.tr("Board files (*.json);;All files (*)")

    # --- saving ---

    def ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save board"),
                                              str(self.folder / "board.json"), self._filter())
        if name:
            self.save(Path(name))

    def save(self, path: Path) -> bool:
        if not path.suffix:
            path = path.with_suffix(".json")
        try:
            write_board(self.current.board, path)
        except BoardFileError as exc:
            self._warn(self.tr("Save board"), self.tr("The board was not saved: {reason}").format(reason=exc))
            return False
        self.folder = path.parent
        self.saved_snapshot = self.current.board.snapshot()
        self.window.statusBar().showMessage(self.tr("Board saved to {path}").format(path=path),
                                            STATUS_MS)
        return True

    # --- opening ---

    def ask_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open board"), str(self.folder),
                                              self._filter())
        if name:
            self.open(Path(name))

    def open(self, path: Path) -> bool:
        """Show the board in `path`; a bad file leaves the current board as it is."""
        try:
            board = read_board(path)
        except BoardFileError as exc:
            self._warn(self.tr("Open board"),
                       self.tr("This board file cannot be used:\n{reason}").format(reason=exc))
            return False
        if not self._may_replace():
            return False
        self.folder = path.parent
        self.current.session.replace_board(board)  # the window shows it; autosave writes it
        self.saved_snapshot = board.snapshot()
        self.window.statusBar().showMessage(self.tr("Board opened from {path}").format(path=path),
                                            STATUS_MS)
        return True

    def _may_replace(self) -> bool:
        """Ask before replacing a board that has moves not saved to a board file."""
        if self.undo_stack.count() == 0 or self.current.board.snapshot() == self.saved_snapshot:
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Open board"),
            self.tr("The board shown now has moves that are not in a board file. Replace it anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
