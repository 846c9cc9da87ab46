"""The board in the room: it uses the whole view, and it never re-zooms under a participant's hand."""

from __future__ import annotations

from gui_helpers import card_center, cards_settled, mouse_drag, zone_point
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from workshop_app.domain.model import Zone


def scene_size(window) -> tuple[float, float]:
    rect = window.board_scene.sceneRect()
    return rect.width(), rect.height()


def test_no_reflow_or_re_zoom_while_a_card_is_held(qtbot, window):
    view, board = window.view, window.board
    for card_id in board.ids_in(Zone.UNPLACED)[:18]:
        window.move_card(card_id, Zone.MARKETING.value, None)
    held = board.ids_in(Zone.UNPLACED)[0]
    viewport = view.viewport()
    start = card_center(view, held)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + (zone_point(view, Zone.SALES) - start) * 0.5)
    size, zoom = scene_size(window), view.scale_factor()
    others = {card_id: item.pos() for card_id, item in window.board_scene.items_by_id.items()
              if card_id != held}
    # meanwhile someone else (the other window, the keyboard) sends the rest of the tray to Marketing:
    # the zone needs more room than the board has, but nothing moves while the card is held
    for card_id in [c for c in board.ids_in(Zone.UNPLACED) if c != held]:
        window.move_card(card_id, Zone.MARKETING.value, None)
    qtbot.wait(20)
    assert scene_size(window) == size and view.scale_factor() == zoom
    assert {card_id: window.board_scene.items_by_id[card_id].pos() for card_id in others} == others
    end = zone_point(view, Zone.SALES)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert board.zone_of(held) is Zone.SALES
    cards_settled(qtbot, window.board_scene)
    marketing = window.board_scene.layout.zones[Zone.MARKETING]
    for index, card_id in enumerate(board.ids_in(Zone.MARKETING)):  # the hand is off: all in place
        assert window.board_scene.items_by_id[card_id].pos().toTuple() == marketing.slot_position(index)


def test_a_card_drop_that_still_fits_keeps_the_zoom(qtbot, window):
    view = window.view
    size, zoom = scene_size(window), view.scale_factor()
    for card_id in window.board.ids_in(Zone.UNPLACED)[:3]:
        mouse_drag(qtbot, view, card_center(view, card_id), zone_point(view, Zone.SHARED))
    assert window.board.ids_in(Zone.SHARED)
    assert scene_size(window) == size and view.scale_factor() == zoom
