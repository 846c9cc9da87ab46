"""The banner across the top of the board while the workshop shown is not being saved.

It stays until a session file holds the work (File > New workshop or Open), so nobody works unsaved
without seeing it. Plain text; it follows the board view's width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

STYLE = "QLabel { background: #b3261e; color: white; font-weight: bold; padding: 6px 12px; }"


class UnsavedBanner(QLabel):
    """A plain-text banner laid over the top edge of `board` (the main board view)."""

    def __init__(self, board: QWidget) -> None:
        super().__init__(board)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        self.setText(self.tr("Not saved: nothing done on this board is being saved. "
                             "File > New workshop saves it in a session."))
        self.hide()
        board.installEventFilter(self)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._fit()
        self.raise_()
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        board = self.parentWidget()
        if board is not None:
            width = board.width()
            self.setGeometry(0, 0, width, self.heightForWidth(width))
