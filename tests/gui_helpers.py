"""Real input for GUI tests: mouse drags and touch drags on the view's viewport."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from workshop_app.domain.model import Zone
from workshop_app.ui.after_paint import AfterPaint


def show_window(qtbot, window):
    """Show `window` at the size GUI tests use, wait until it is on screen, and return it."""
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    return window


def card_center(view, card_id: str) -> QPoint:
    """The viewport position of a card's centre."""
    item = view.card_item(card_id)
    return view.mapFromScene(item.sceneBoundingRect().center())


def zone_point(view, zone: Zone, fx: float = 0.5, fy: float = 0.8) -> QPoint:
    """A viewport point inside `zone`, at fractions (fx, fy) of its rectangle."""
    rect = view.board_scene.layout.zones[Zone(zone)].rect
    return view.mapFromScene(QPointF(rect.x + rect.w * fx, rect.y + rect.h * fy))


def slot_point(view, zone: Zone, index: int) -> QPoint:
    """The viewport point at the centre of slot `index` in `zone`."""
    from workshop_app.ui import layout as geo

    x, y = view.board_scene.layout.zones[Zone(zone)].slot_position(index)
    return view.mapFromScene(QPointF(x + geo.CARD_W / 2, y + geo.CARD_H / 2))


def mouse_drag(qtbot, view, start: QPoint, end: QPoint, steps: int = 8) -> None:
    """Press at `start`, move in steps, release at `end`, all on the viewport."""
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, steps + 1):
        point = start + (end - start) * (step / steps)
        QTest.mouseMove(viewport, point)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    qtbot.wait(1)
    cards_settled(qtbot, view.board_scene)


def cards_settled(qtbot, scene) -> None:
    """Wait until the cards have glided to their places (the move animation, at most 200 ms)."""
    qtbot.waitUntil(lambda: not scene.motion.running, timeout=1000)


def panels_followed(qtbot) -> None:
    """Wait until the side panels (diagnosis, rounds, agreement, the projector's header) have followed
    the last change: they refresh once the board has painted it (ui/after_paint.py)."""
    qtbot.waitUntil(lambda: not AfterPaint.any_pending(), timeout=2000)


def drag_card_to(qtbot, view, card_id: str, end: QPoint) -> None:
    mouse_drag(qtbot, view, card_center(view, card_id), end)


class Touch:
    """Touch events on the view as a touch screen delivers them: in window coordinates.

    (QTest's widget variant of touchEvent misplaces points by the height of the menu and tool bars on
    the offscreen platform; the window variant delivers them where a finger would be.)
    """

    def __init__(self, view) -> None:
        from PySide6.QtGui import QPointingDevice

        self.view = view
        self.window = view.window()
        self.device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)

    def _window_point(self, viewport_point: QPoint) -> QPoint:
        return self.view.viewport().mapTo(self.window, viewport_point)

    def sequence(self):
        return QTest.touchEvent(self.window.windowHandle(), self.device)

    def press(self, points: dict[int, QPoint]) -> None:
        seq = self.sequence()
        for touch_id, point in points.items():
            seq.press(touch_id, self._window_point(point))
        seq.commit()

    def move(self, points: dict[int, QPoint]) -> None:
        seq = self.sequence()
        for touch_id, point in points.items():
            seq.move(touch_id, self._window_point(point))
        seq.commit()

    def release(self, points: dict[int, QPoint]) -> None:
        seq = self.sequence()
        for touch_id, point in points.items():
            seq.release(touch_id, self._window_point(point))
        seq.commit()


def answer_card_dialogs(monkeypatch, text_de: str, text_en: str | None = None,
                        function: str | None = None) -> None:
    """The card dialogs that follow are answered at once: both texts filled in (English the same as
    German unless given), the function chosen, OK. The dialog's own code reads the fields."""
    from PySide6.QtWidgets import QDialog

    from workshop_app.ui.card_dialog import CardDialog

    def exec_(dialog: CardDialog) -> int:
        dialog.de_edit.setText(text_de)
        dialog.en_edit.setText(text_de if text_en is None else text_en)
        if function is not None:
            dialog.function_box.setCurrentIndex(dialog.function_box.findData(function))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(CardDialog, "exec", exec_)
