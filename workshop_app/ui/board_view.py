"""The board view: shows a `BoardScene` scaled to fit, and nothing else.

A view never changes the board, the scene's geometry or the selection: input is `BoardInput`'s (an
event filter on the view), the scene's size is `BoardGeometry`'s (the window feeds it). Several views of
different sizes can show one scene, each at its own zoom; `resized` tells whoever lays the board out.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView

from workshop_app.ui.board_scene import BoardScene
from workshop_app.ui.card_item import CardItem


class BoardView(QGraphicsView):
    resized = Signal(QSize)  # the viewport's new size

    def __init__(self, scene: BoardScene, parent=None) -> None:
        super().__init__(parent)
        # axis-aligned zones need no antialiasing; cards turn it on for their rounded corners
        self.setRenderHints(QPainter.RenderHint.TextAntialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setScene(scene)  # for good: another board is shown in the same scene (BoardScene.set_board)
        scene.layoutChanged.connect(self.fit)

    @property
    def board_scene(self) -> BoardScene:
        return self.scene()  # type: ignore[return-value]

    def fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit()
        self.resized.emit(self.viewport().size())

    def scale_factor(self) -> float:
        return self.transform().m11()

    def card_item(self, card_id: str) -> CardItem:
        return self.board_scene.items_by_id[card_id]
