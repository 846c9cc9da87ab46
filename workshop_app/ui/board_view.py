"""The board view: zoom to fit, and every way a person moves a card.

Mouse and touch share one path: a pointer (the mouse, or one finger of a touch) grabs a card, the card
follows it, and on release the view asks for a move with `cardDropped`. Each pointer drags its own
card, so two people can drag at once on a touch display. The view never changes the board: the main
window turns each request into one undo command.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QTouchEvent
from PySide6.QtWidgets import QFrame, QGraphicsView

from workshop_app.domain.model import PLACED_ZONES, Zone
from workshop_app.ui.board_scene import BoardScene, CardItem

MOUSE_POINTER = -1
ZONE_KEYS = {
    Qt.Key.Key_1: Zone.MARKETING,
    Qt.Key.Key_2: Zone.SHARED,
    Qt.Key.Key_3: Zone.SALES,
    Qt.Key.Key_0: Zone.UNPLACED,
}
ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
NAVIGATION_ORDER = (*PLACED_ZONES, Zone.UNPLACED)


@dataclass
class _Drag:
    card_id: str
    grab_offset: QPointF  # pointer position minus the card's top-left corner, in scene units


class BoardView(QGraphicsView):
    """Shows a `BoardScene` scaled to fit, and turns drags and keys into move requests."""

    cardDropped = Signal(str, str, int)  # noqa: N815 - card id, zone, index
    moveRequested = Signal(str, str)  # noqa: N815 - card id, zone (append at the end)
    selectionChanged = Signal(str)  # noqa: N815 - card id or ""

    def __init__(self, scene: BoardScene, parent=None) -> None:
        super().__init__(parent)
        # axis-aligned zones need no antialiasing; cards turn it on for their rounded corners
        self.setRenderHints(QPainter.RenderHint.TextAntialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self._drags: dict[int, _Drag] = {}
        self.selected_card_id: str | None = None
        self.setScene(scene)  # for good: another board is shown in the same scene (BoardScene.set_board)
        scene.layoutChanged.connect(self.fit)
        self._size_scene()

    @property
    def board_scene(self) -> BoardScene:
        return self.scene()  # type: ignore[return-value]

    # --- fitting ---

    def _size_scene(self) -> None:
        size = self.viewport().size()
        self.board_scene.set_available_size(size.width(), size.height())

    def fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._size_scene()

    def scale_factor(self) -> float:
        return self.transform().m11()

    # --- pointer drags (mouse and touch) ---

    def _begin(self, pointer: int, view_pos: QPointF) -> bool:
        scene_pos = self.mapToScene(view_pos.toPoint())
        item = self.board_scene.card_item_at(scene_pos.x(), scene_pos.y())
        if item is None or any(d.card_id == item.card_id for d in self._drags.values()):
            return False
        self._drags[pointer] = _Drag(item.card_id, scene_pos - item.pos())
        self.board_scene.begin_drag(item.card_id)
        self.select(item.card_id)
        return True

    def _follow(self, pointer: int, view_pos: QPointF) -> None:
        drag = self._drags.get(pointer)
        if drag is None:
            return
        scene_pos = self.mapToScene(view_pos.toPoint())
        item = self.board_scene.items_by_id.get(drag.card_id)
        if item is None:  # the card went away under the finger (undo of its creation)
            del self._drags[pointer]
            return
        item.setPos(scene_pos - drag.grab_offset)
        self.board_scene.show_drop_target(self.board_scene.layout.zone_at(scene_pos.x(),
                                                                           scene_pos.y()))

    def _finish(self, pointer: int, view_pos: QPointF | None) -> None:
        drag = self._drags.pop(pointer, None)
        if drag is None:
            return
        scene = self.board_scene
        slot = None
        if view_pos is not None and drag.card_id in scene.board:
            scene_pos = self.mapToScene(view_pos.toPoint())
            slot = scene.drop_slot(drag.card_id, scene_pos.x(), scene_pos.y())
        scene.end_drag(drag.card_id)
        if slot is not None and self._changes_board(drag.card_id, *slot):
            self.cardDropped.emit(drag.card_id, slot[0].value, slot[1])
        else:
            scene.relayout()  # back to where it was

    def _changes_board(self, card_id: str, zone: Zone, index: int) -> bool:
        board = self.board_scene.board
        return board.zone_of(card_id) is not zone or board.index_of(card_id) != index

    def cancel_drags(self) -> None:
        for pointer in list(self._drags):
            self._finish(pointer, None)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton and self._begin(MOUSE_POINTER,
                                                                        event.position()):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if MOUSE_POINTER in self._drags:
            self._follow(MOUSE_POINTER, event.position())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton and MOUSE_POINTER in self._drags:
            self._finish(MOUSE_POINTER, event.position())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
                            QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._touch(event)  # type: ignore[arg-type]
            return True
        return super().viewportEvent(event)

    def _touch(self, event: QTouchEvent) -> None:
        if event.type() == QEvent.Type.TouchCancel:
            for pointer in [p for p in self._drags if p != MOUSE_POINTER]:
                self._finish(pointer, None)
            return
        for point in event.points():
            state = point.state()
            if state == point.State.Pressed:
                self._begin(point.id(), point.position())
            elif state == point.State.Updated:
                self._follow(point.id(), point.position())
            elif state == point.State.Released:
                self._finish(point.id(), point.position())
        event.accept()

    # --- keyboard ---

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802,A002 - Qt API
        return False  # Tab selects cards instead of leaving the board

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            backwards = key == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.select_next(-1 if backwards else 1)
        elif key in ARROWS:
            self.select_towards(*ARROWS[key])
        elif key in ZONE_KEYS and self.selected_card_id is not None:
            self.moveRequested.emit(self.selected_card_id, ZONE_KEYS[key].value)
        elif key == Qt.Key.Key_Escape and self._drags:
            self.cancel_drags()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def navigation_order(self) -> list[str]:
        board = self.board_scene.board
        return [card_id for zone in NAVIGATION_ORDER for card_id in board.ids_in(zone)]

    def select(self, card_id: str | None) -> None:
        items = self.board_scene.items_by_id
        if self.selected_card_id in items:
            items[self.selected_card_id].set_selected(False)
        self.selected_card_id = card_id if card_id in items else None
        if self.selected_card_id is not None:
            items[self.selected_card_id].set_selected(True)
        self.selectionChanged.emit(self.selected_card_id or "")

    def select_next(self, step: int) -> None:
        order = self.navigation_order()
        if not order:
            return
        if self.selected_card_id not in order:
            self.select(order[0] if step > 0 else order[-1])
            return
        self.select(order[(order.index(self.selected_card_id) + step) % len(order)])

    def select_towards(self, dx: int, dy: int) -> None:
        """Select the nearest card in the arrow's direction."""
        items = self.board_scene.items_by_id
        current = items.get(self.selected_card_id or "")
        if current is None:
            self.select_next(1)
            return
        origin = current.pos()
        best: tuple[float, str] | None = None
        for card_id, item in items.items():
            delta = item.pos() - origin
            along = delta.x() * dx + delta.y() * dy
            if card_id == current.card_id or along <= 1:
                continue
            across = abs(delta.x() * dy) + abs(delta.y() * dx)
            score = along + 3 * across
            if best is None or score < best[0]:
                best = (score, card_id)
        if best is not None:
            self.select(best[1])

    def card_item(self, card_id: str) -> CardItem:
        return self.board_scene.items_by_id[card_id]
