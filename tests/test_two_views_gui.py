"""Two views of different sizes over one board scene (the facilitator's window and a projector): each
shows the whole board at its own zoom, neither resizes the scene or the other, and a move made in one
shows in both."""

from __future__ import annotations

import pytest
from gui_helpers import card_center, drag_card_to, show_window, zone_point
from PySide6.QtCore import QRectF

from workshop_app.domain.model import Zone
from workshop_app.ui.app import build_window
from workshop_app.ui.board_input import BoardInput
from workshop_app.ui.board_view import BoardView


@pytest.fixture
def window(qtbot):
    return show_window(qtbot, build_window("en"))


@pytest.fixture
def projector(qtbot, window):
    """A second, smaller view of the window's scene with its own input handler."""
    view = BoardView(window.board_scene)
    qtbot.addWidget(view)
    context = window.context  # what a presenter feature is given
    assert context.scene is window.board_scene
    handler = BoardInput(view, context.selection)
    handler.moveRequested.connect(context.move_card)
    view.resize(800, 450)
    view.show()
    qtbot.waitExposed(view)
    return view


def scene_rect(window) -> QRectF:
    return window.board_scene.sceneRect()


def inside_zone(view, card_id: str, zone: Zone) -> bool:
    """The card's centre, as this view shows it, lies in the zone as this view shows it."""
    rect = view.board_scene.layout.zones[zone].rect
    top_left = view.mapFromScene(rect.x, rect.y)
    bottom_right = view.mapFromScene(rect.right, rect.bottom)
    centre = card_center(view, card_id)
    return (top_left.x() <= centre.x() <= bottom_right.x()
            and top_left.y() <= centre.y() <= bottom_right.y())


def test_each_view_shows_the_whole_board_at_its_own_zoom(qtbot, window, projector):
    main = window.view
    assert projector.scale_factor() < main.scale_factor()
    for view in (main, projector):
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        assert shown.contains(scene_rect(window).adjusted(1, 1, -1, -1))


def test_resizing_the_second_view_never_resizes_the_scene_or_the_first(qtbot, window, projector):
    before, zoom = QRectF(scene_rect(window)), window.view.scale_factor()
    for width, height in ((1366, 768), (640, 480), (1024, 300)):
        projector.resize(width, height)
        qtbot.wait(5)
        assert scene_rect(window) == before
        assert window.view.scale_factor() == zoom


def test_a_move_in_one_view_appears_in_both(qtbot, window, projector):
    drag_card_to(qtbot, projector, "terms", zone_point(projector, Zone.SALES))
    assert window.board.zone_of("terms") is Zone.SALES
    assert window.undo_stack.count() == 1
    drag_card_to(qtbot, window.view, "advertising", zone_point(window.view, Zone.MARKETING))
    assert window.board.zone_of("advertising") is Zone.MARKETING
    for view in (window.view, projector):
        assert inside_zone(view, "terms", Zone.SALES)
        assert inside_zone(view, "advertising", Zone.MARKETING)
    window.undo_action.trigger()
    for view in (window.view, projector):
        assert not inside_zone(view, "advertising", Zone.MARKETING)
