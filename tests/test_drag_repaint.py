"""A drag across a zone border repaints only what changes: the dragged card and the title bands of the
zone it leaves and the zone it enters, not every card of both zones (real mouse events; the regions
Qt asks the viewport to paint are read from its paint events)."""

from __future__ import annotations

from gui_helpers import card_center
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QRegion
from PySide6.QtTest import QTest

from workshop_app.domain.model import Zone


class PaintedRegion(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.region = QRegion()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.region = self.region.united(event.region())
        return False


def area(region: QRegion) -> int:
    return sum(rect.width() * rect.height() for rect in region)


def zone_on_screen(view, zone: Zone) -> QRect:
    rect = view.board_scene.layout.zones[zone].rect
    return QRect(view.mapFromScene(QPointF(rect.x, rect.y)),
                 view.mapFromScene(QPointF(rect.x + rect.w, rect.y + rect.h)))


def test_crossing_a_zone_border_repaints_neither_zone_as_a_whole(qtbot, window):
    view, board = window.view, window.board
    for card in board.cards()[:8]:
        window.move_card(card.id, Zone.MARKETING.value, None)
    qtbot.wait(10)
    card_id = board.ids_in(Zone.MARKETING)[0]
    marketing = view.board_scene.layout.zones[Zone.MARKETING].rect
    shared = view.board_scene.layout.zones[Zone.SHARED].rect
    border = view.mapFromScene(QPointF((marketing.x + marketing.w + shared.x) / 2, shared.y + shared.h / 2))
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     card_center(view, card_id))
    QTest.mouseMove(viewport, border - QPoint(10, 0))
    qtbot.wait(10)
    assert view.board_scene.zone_items[Zone.MARKETING].is_drop_target
    painted = PaintedRegion()
    viewport.installEventFilter(painted)
    QTest.mouseMove(viewport, border + QPoint(10, 0))  # the border is crossed here
    qtbot.wait(10)
    viewport.removeEventFilter(painted)
    assert view.board_scene.zone_items[Zone.SHARED].is_drop_target
    assert not view.board_scene.zone_items[Zone.MARKETING].is_drop_target
    marketing_on_screen = zone_on_screen(view, Zone.MARKETING)
    assert not painted.region.isEmpty()
    assert area(painted.region.intersected(QRegion(marketing_on_screen))) < 0.25 * area(
        QRegion(marketing_on_screen))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       border + QPoint(10, 0))
    qtbot.wait(10)
