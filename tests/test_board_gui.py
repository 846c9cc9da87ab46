"""The board window driven with the real mouse, touch and keyboard."""

from __future__ import annotations

import itertools

import pytest
from gui_helpers import (
    Touch,
    answer_card_dialogs,
    card_center,
    drag_card_to,
    mouse_drag,
    slot_point,
    zone_point,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from workshop_app.domain.model import ALL_ZONES, Zone
from workshop_app.ui import layout as geo
from workshop_app.ui.app import build_window


def place(window, card_id: str, zone: Zone) -> None:
    window.move_card(card_id, zone.value, None)


@pytest.mark.parametrize("source,target", list(itertools.permutations(ALL_ZONES, 2)))
def test_mouse_drag_moves_a_card_between_every_pair_of_zones(qtbot, window, source, target):
    board = window.board
    if source is not Zone.UNPLACED:
        place(window, "terms", source)
    drag_card_to(qtbot, window.view, "terms", zone_point(window.view, target))
    assert board.zone_of("terms") is target
    board.check_invariants()
    # the card's item sits inside its new zone
    rect = window.board_scene.layout.zones[target].rect
    pos = window.view.card_item("terms").pos()
    assert rect.contains(pos.x() + 1, pos.y() + 1)


def test_drop_outside_every_zone_puts_the_card_back(qtbot, window):
    view = window.view
    place(window, "terms", Zone.SALES)
    before = window.board.snapshot()
    home = view.card_item("terms").pos()
    outside = view.mapFromScene(QPointF(geo.MARGIN / 3, geo.MARGIN / 3))
    assert window.board_scene.layout.zone_at(geo.MARGIN / 3, geo.MARGIN / 3) is None
    drag_card_to(qtbot, view, "terms", outside)
    assert window.board.snapshot() == before
    assert view.card_item("terms").pos() == home
    assert window.undo_stack.count() == 1  # only the setup move


def test_drop_position_decides_the_order(qtbot, window):
    view = window.view
    for card_id in ("terms", "price_negotiation", "needs_analysis"):
        place(window, card_id, Zone.SALES)
    drag_card_to(qtbot, view, "product_proposal", slot_point(view, Zone.SALES, 1))
    assert window.board.ids_in(Zone.SALES) == ("terms", "product_proposal", "price_negotiation",
                                                "needs_analysis")
    drag_card_to(qtbot, view, "needs_analysis", slot_point(view, Zone.SALES, 0))
    assert window.board.ids_in(Zone.SALES)[0] == "needs_analysis"


def test_a_whole_drag_is_one_undo_step_and_undo_redo_restore_exactly(qtbot, window):
    view = window.view
    for card_id in ("terms", "price_negotiation", "advertising"):
        place(window, card_id, Zone.SALES)
    before = window.board.snapshot()
    drag_card_to(qtbot, view, "price_negotiation", zone_point(view, Zone.MARKETING))
    after = window.board.snapshot()
    assert window.undo_stack.count() == 4
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.board.snapshot() == before
    assert window.board.ids_in(Zone.SALES) == ("terms", "price_negotiation", "advertising")
    QTest.keyClick(view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.board.snapshot() == after
    window.undo_action.trigger()
    QTest.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.board.snapshot() == after
    # the items follow the model after undo
    window.undo_action.trigger()
    index = window.board.index_of("price_negotiation")
    expected = window.board_scene.layout.zones[Zone.SALES].slot_position(index)
    assert view.card_item("price_negotiation").pos() == QPointF(*expected)


def test_undo_and_redo_are_in_the_edit_menu_and_tool_bar(window):
    assert window.undo_action in window.edit_menu.actions()
    assert window.redo_action in window.edit_menu.actions()
    assert window.undo_action in window.toolbar.actions()
    assert window.redo_action in window.toolbar.actions()
    shortcuts = {s.toString() for s in window.redo_action.shortcuts()}
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= shortcuts


def test_keyboard_selects_and_moves_cards(qtbot, window):
    view = window.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Tab)
    first = window.selection.card_id
    assert first == window.board.ids_in(Zone.UNPLACED)[0]
    QTest.keyClick(view, Qt.Key.Key_Right)
    second = window.selection.card_id
    assert second == window.board.ids_in(Zone.UNPLACED)[1]
    QTest.keyClick(view, Qt.Key.Key_1)
    assert window.board.zone_of(second) is Zone.MARKETING
    QTest.keyClick(view, Qt.Key.Key_2)
    assert window.board.zone_of(second) is Zone.SHARED
    QTest.keyClick(view, Qt.Key.Key_3)
    assert window.board.zone_of(second) is Zone.SALES
    QTest.keyClick(view, Qt.Key.Key_0)
    assert window.board.zone_of(second) is Zone.UNPLACED
    assert window.undo_stack.count() == 4
    QTest.keyClick(view, Qt.Key.Key_Up)  # the card went to the end of the tray: go up a row
    assert window.selection.card_id not in (None, second)
    QTest.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.card_id is not None


def test_a_finger_drag_moves_a_card(qtbot, window):
    view = window.view
    touch = Touch(view)
    start = card_center(view, "advertising")
    end = zone_point(view, Zone.MARKETING)
    touch.press({0: start})
    for step in range(1, 6):
        touch.move({0: start + (end - start) * (step / 5)})
    touch.release({0: end})
    assert window.board.zone_of("advertising") is Zone.MARKETING
    assert window.undo_stack.count() == 1


def test_two_fingers_drag_two_cards_at_once(qtbot, window):
    view = window.view
    touch = Touch(view)
    a, b = card_center(view, "advertising"), card_center(view, "terms")
    to_a, to_b = zone_point(view, Zone.MARKETING), zone_point(view, Zone.SALES)
    touch.press({0: a, 1: b})
    touch.move({0: (a + to_a) / 2, 1: (b + to_b) / 2})
    touch.move({0: to_a, 1: to_b})
    touch.release({0: to_a, 1: to_b})
    assert window.board.zone_of("advertising") is Zone.MARKETING
    assert window.board.zone_of("terms") is Zone.SALES
    assert window.undo_stack.count() == 2


def test_cards_reflow_when_a_card_leaves(qtbot, window):
    view = window.view
    first, second = window.board.ids_in(Zone.UNPLACED)[:2]
    first_pos = view.card_item(first).pos()
    drag_card_to(qtbot, view, first, zone_point(view, Zone.MARKETING))
    assert view.card_item(second).pos() == first_pos


def test_the_whole_board_fits_and_text_is_large_at_1920x1080(qtbot, window):
    window.resize(1920, 1080)
    qtbot.wait(10)
    view = window.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(window.board_scene.sceneRect().adjusted(1, 1, -1, -1))
    assert geo.CARD_FONT_PX * view.scale_factor() >= 18
    for card_id in window.board.ids_in(Zone.UNPLACED):
        assert visible.contains(view.card_item(card_id).sceneBoundingRect())


def test_every_deck_text_fits_its_card(window):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    from workshop_app.ui.card_item import card_font

    metrics = QFontMetrics(card_font())
    flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
    for card in window.board.cards():
        for language in ("de", "en"):
            inner_w = int(geo.CARD_W - 2 * geo.TEXT_PAD_X)
            box = metrics.boundingRect(QRect(0, 0, inner_w, 1000), flags, card.text(language))
            assert box.width() <= inner_w, card.text(language)
            assert box.height() <= geo.CARD_H - 2 * geo.TEXT_PAD_Y, card.text(language)


def test_mouse_press_on_empty_board_does_nothing(qtbot, window):
    view = window.view
    before = window.board.snapshot()
    mouse_drag(qtbot, view, zone_point(view, Zone.SALES), zone_point(view, Zone.MARKETING))
    assert window.board.snapshot() == before
    assert window.undo_stack.count() == 0


def test_f11_toggles_full_screen(qtbot, window):
    QTest.keyClick(window.view, Qt.Key.Key_F11)
    assert window.isFullScreen()
    QTest.keyClick(window.view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_custom_card_add_and_remove_are_undoable(qtbot, window, monkeypatch):
    answer_card_dialogs(monkeypatch, "Messestand planen")
    window.ask_add_card()
    custom = [c for c in window.board.cards() if c.custom]
    assert len(custom) == 1 and custom[0].text_en == "Messestand planen"
    assert custom[0].id in window.board_scene.items_by_id
    drag_card_to(qtbot, window.view, custom[0].id, zone_point(window.view, Zone.SHARED))
    assert window.board.zone_of(custom[0].id) is Zone.SHARED
    window.selection.select(custom[0].id)
    window.remove_selected_card()
    assert custom[0].id not in window.board
    window.undo_action.trigger()
    assert window.board.zone_of(custom[0].id) is Zone.SHARED


def test_app_start_paints_the_board_first_then_adds_the_panel(qtbot, tmp_path):
    """As `workshop-app` starts: the dock, status bar and card caches come right after the first paint."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QGraphicsItem

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window("en", sessions_dir=tmp_path, settings=settings, defer_secondary=True)
    qtbot.addWidget(window)
    assert not hasattr(window, "diagnosis_panel")
    window.show()
    qtbot.waitUntil(lambda: hasattr(window, "diagnosis_panel"))
    assert window.diagnosis_panel.isVisible()
    assert window.sessions.status in window.statusBar().findChildren(type(window.sessions.status))
    cache = QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert all(item.cacheMode() == cache for item in window.board_scene.items_by_id.values())
    drag_card_to(qtbot, window.view, "needs_analysis", zone_point(window.view, Zone.MARKETING))
    assert window.diagnosis_panel.diagnosis.placed == 1
    window.close()


def test_the_undo_action_names_what_it_undoes(qtbot, window):
    assert not window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo"
    place(window, "terms", Zone.SALES)
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert window.undo_action.text() == "Undo: “Agree terms and conditions” to Sales"
    assert "Agree terms" in window.undo_action.toolTip()
    window.undo_action.trigger()
    assert window.redo_action.isEnabled() and not window.undo_action.isEnabled()
    assert "Agree terms" in window.redo_action.toolTip()


def test_the_tool_bar_keeps_a_short_undo_label_so_every_button_stays_visible(qtbot, window):
    """A long card name in "Undo: …" pushed Target, the timer, Presenter mode and Reveal into the
    tool bar's overflow menu at 1366x768; the button keeps "Undo", the tool tip says what."""
    window.resize(1366, 768)
    buttons = [window.toolbar.widgetForAction(action) for action in window.toolbar.actions()
               if not action.isSeparator()]
    qtbot.waitUntil(lambda: all(button.isVisible() for button in buttons if button is not None))
    place(window, "benefit_persuasion", Zone.SHARED)
    assert window.undo_action.text() == "Undo: “Convince the customer of the benefits” to Interface"
    undo_button = window.toolbar.widgetForAction(window.undo_action)
    assert undo_button.text() == "Undo"
    assert "Convince the customer" in undo_button.toolTip()
    qtbot.wait(50)
    hidden = [button.text() for button in buttons if button is not None and not button.isVisible()]
    assert hidden == []


def test_edit_and_remove_card_are_enabled_only_for_a_selected_card(qtbot, window, monkeypatch):
    """Edit > Edit selected card… needs a selected card; Remove selected card a selected custom card."""
    assert not window.edit_card_action.isEnabled() and not window.remove_card_action.isEnabled()
    deck_card = window.board.cards()[0].id
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=card_center(
        window.view, deck_card))
    assert window.selection.card_id == deck_card
    assert window.edit_card_action.isEnabled() and not window.remove_card_action.isEnabled()
    answer_card_dialogs(monkeypatch, "Messestand planen")
    window.ask_add_card()  # selects the new card
    assert window.edit_card_action.isEnabled() and window.remove_card_action.isEnabled()
    window.remove_card_action.trigger()
    assert not window.edit_card_action.isEnabled() and not window.remove_card_action.isEnabled()
