"""Every way a person moves a card on one view: mouse, touch and keyboard.

`BoardInput` watches a `BoardView` (an event filter; the view itself only displays). Mouse and touch
share one path: a pointer (the mouse, or one finger of a touch) grabs a card, the card follows it, and on
release the handler asks for a move with `moveRequested(card_id, zone, index)`. Each pointer drags its
own card, so two people can drag at once on a touch display. Keys: Tab / Shift+Tab and the arrows select
a card; 1, 2, 3 and 0 ask to move it (index None: at the end of the zone). The handler never changes the
board: the main window turns each request into one undo command. Several views (a projector) each get
their own handler over the same scene and selection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal

from workshop_app.domain.model import PLACED_ZONES, Zone
from workshop_app.ui.board_view import BoardView
from workshop_app.ui.selection import CardSelection

if TYPE_CHECKING:  # annotations only: PySide makes the event classes when their first events arrive
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent

MOUSE_POINTER = -1
CLICK_SLOP = 6  # viewport pixels a pointer may wander and still click
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
TOUCH_EVENTS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                QEvent.Type.TouchCancel)
MOUSE_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease)


@dataclass
class _Drag:
    """One pointer's drag of a card."""

    card_id: str
    grab_offset: QPointF  # pointer position minus the card's top-left corner, in scene units
    press: QPointF  # where the pointer went down, in viewport pixels


class BoardInput(QObject):
    """Turns drags and keys on `view` into move requests and selection changes."""

    moveRequested = Signal(str, object, object)  # noqa: N815 - card id, Zone, index (int) or None
    cardClicked = Signal(str, QPointF)  # noqa: N815 - card id, where on the card (card coordinates)

    def __init__(self, view: BoardView, selection: CardSelection) -> None:
        super().__init__(view)
        self.view, self.selection = view, selection
        self.scene = view.board_scene
        self._drags: dict[int, _Drag] = {}
        self._viewport = view.viewport()  # kept: events may still come while the view is destroyed
        self._viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if watched is self._viewport:
            if kind in TOUCH_EVENTS:
                self._touch(event)  # type: ignore[arg-type]
                return True
            if kind in MOUSE_EVENTS:
                return self._mouse(event)  # type: ignore[arg-type]
        elif watched is self.view and kind == QEvent.Type.KeyPress:
            return self._key(event)  # type: ignore[arg-type]
        return False

    # --- pointer drags (mouse and touch) ---

    def _begin(self, pointer: int, view_pos: QPointF) -> bool:
        scene_pos = self.view.mapToScene(view_pos.toPoint())
        item = self.scene.card_item_at(scene_pos.x(), scene_pos.y())
        if item is None or any(d.card_id == item.card_id for d in self._drags.values()):
            return False
        self._drags[pointer] = _Drag(item.card_id, scene_pos - item.pos(), QPointF(view_pos))
        self.scene.begin_drag(item.card_id)
        self.selection.select(item.card_id)
        return True

    def _follow(self, pointer: int, view_pos: QPointF) -> None:
        drag = self._drags.get(pointer)
        if drag is None:
            return
        scene_pos = self.view.mapToScene(view_pos.toPoint())
        item = self.scene.items_by_id.get(drag.card_id)
        if item is None:  # the card went away under the finger (undo of its creation)
            del self._drags[pointer]
            return
        item.setPos(scene_pos - drag.grab_offset)
        self.scene.show_drop_target(self.scene.layout.zone_at(scene_pos.x(), scene_pos.y()))

    def _finish(self, pointer: int, view_pos: QPointF | None) -> None:
        drag = self._drags.pop(pointer, None)
        if drag is None:
            return
        scene = self.scene
        slot = None
        if view_pos is not None and drag.card_id in scene.board:
            scene_pos = self.view.mapToScene(view_pos.toPoint())
            slot = scene.drop_slot(drag.card_id, scene_pos.x(), scene_pos.y())
        scene.end_drag(drag.card_id)
        if slot is not None and self._changes_board(drag.card_id, *slot):
            self.moveRequested.emit(drag.card_id, slot[0], slot[1])
        else:
            scene.relayout()  # back to where it was
            if view_pos is not None and (view_pos - drag.press).manhattanLength() <= CLICK_SLOP:
                self.cardClicked.emit(drag.card_id, drag.grab_offset)

    def _changes_board(self, card_id: str, zone: Zone, index: int) -> bool:
        board = self.scene.board
        return board.zone_of(card_id) is not zone or board.index_of(card_id) != index

    def cancel_drags(self) -> None:
        for pointer in list(self._drags):
            self._finish(pointer, None)

    @property
    def dragging(self) -> bool:
        return bool(self._drags)

    def _mouse(self, event: QMouseEvent) -> bool:
        kind, left = event.type(), event.button() == Qt.MouseButton.LeftButton
        if kind == QEvent.Type.MouseButtonPress:
            return left and self._begin(MOUSE_POINTER, event.position())
        if MOUSE_POINTER not in self._drags:
            return False
        if kind == QEvent.Type.MouseMove:
            self._follow(MOUSE_POINTER, event.position())
            return True
        if left:
            self._finish(MOUSE_POINTER, event.position())
            return True
        return False

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

    def _key(self, event: QKeyEvent) -> bool:
        """Tab selects cards instead of leaving the board; the arrows, 1–3 and 0 work on cards."""
        key, card_id = event.key(), self.selection.card_id
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            backwards = key == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.select_next(-1 if backwards else 1)
        elif key in ARROWS:
            self.select_towards(*ARROWS[key])
        elif key in ZONE_KEYS and card_id is not None:
            self.moveRequested.emit(card_id, ZONE_KEYS[key], None)
        elif key == Qt.Key.Key_Escape and self._drags:
            self.cancel_drags()
        else:
            return False
        event.accept()
        return True

    def navigation_order(self) -> list[str]:
        board = self.scene.board
        return [card_id for zone in NAVIGATION_ORDER for card_id in board.ids_in(zone)]

    def select_next(self, step: int) -> None:
        order = self.navigation_order()
        if not order:
            return
        current = self.selection.card_id
        if current not in order:
            self.selection.select(order[0] if step > 0 else order[-1])
            return
        self.selection.select(order[(order.index(current) + step) % len(order)])

    def select_towards(self, dx: int, dy: int) -> None:
        """Select the nearest card in the arrow's direction."""
        items = self.scene.items_by_id
        current = items.get(self.selection.card_id or "")
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
            self.selection.select(best[1])
