"""The banner right above the board while the workshop shown is not being saved.

It stays until a session file holds the work (File > New workshop or Open), so nobody works unsaved
without seeing it. Plain text, in a bar of its own across the window (it covers no zone and no card).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar

STYLE = "QLabel { background: #b3261e; color: white; font-weight: bold; padding: 6px 12px; }"


class UnsavedBanner(QLabel):
    """A plain-text warning in a top bar of `window`; `show()`/`hide()` show and hide the bar."""

    def __init__(self, window: QMainWindow) -> None:
        self._bar = QToolBar(window)
        self._bar.setObjectName("unsaved_banner")
        self._bar.setMovable(False)
        self._bar.toggleViewAction().setVisible(False)
        super().__init__(self._bar)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setStyleSheet(STYLE)
        self.setText(self.tr("Not saved: nothing done on this board is being saved. "
                             "File > New workshop saves it in a session."))
        self._bar.addWidget(self)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self._bar)
        self._bar.hide()

    def show(self) -> None:
        self._bar.show()

    def hide(self) -> None:
        self._bar.hide()
