"""What the room sees besides the board: cards that glide after a drop, the undo that names what it
undoes and flashes the card it puts back, and note badges that open the note on a click."""

from __future__ import annotations

import pytest
from gui_helpers import answer_card_dialogs, card_center, cards_settled, show_window, zone_point
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from workshop_app.domain.model import Zone
from workshop_app.ui.app import build_window
from workshop_app.ui.card_item import badge_centre
from workshop_app.ui.card_motion import MOVE_MS
from workshop_app.ui.note_popup import NotePopup


@pytest.fixture
def german(qtbot):
    return show_window(qtbot, build_window("de"))


def drop(view, card_id: str, end) -> None:
    """Press, move and release without waiting for anything afterwards."""
    viewport, start = view.viewport(), card_center(view, card_id)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * (step / 5))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_after_a_drop_the_card_glides_to_its_place_within_200_ms(qtbot, german):
    view, scene = german.view, german.board_scene
    assert MOVE_MS <= 200
    end = zone_point(view, Zone.SALES, 0.9, 0.9)
    drop(view, "price_negotiation", end)
    item = view.card_item("price_negotiation")
    target = QPointF(*scene.layout.zones[Zone.SALES].slot_position(0))
    dropped_at = item.pos()
    assert german.board.zone_of("price_negotiation") is Zone.SALES
    assert scene.motion.running and dropped_at != target  # not a jump
    qtbot.wait(MOVE_MS // 2)
    halfway = item.pos()
    assert halfway != dropped_at and halfway != target
    qtbot.waitUntil(lambda: not scene.motion.running, timeout=MOVE_MS + 150)
    assert item.pos() == target


def test_a_keyboard_move_or_a_resize_places_cards_at_once(qtbot, german):
    view = german.view
    german.move_card("terms", Zone.SHARED, None)
    assert not german.board_scene.motion.running
    slot = german.board_scene.layout.zones[Zone.SHARED].slot_position(0)
    assert view.card_item("terms").pos() == QPointF(*slot)


def test_undo_says_what_it_undoes_and_the_card_flashes(qtbot, german):
    view = german.view
    drop(view, "price_negotiation", zone_point(view, Zone.SALES))
    cards_settled(qtbot, german.board_scene)
    assert german.undo_action.text() == "Rückgängig: „Preise verhandeln“ nach Verkauf"
    item = view.card_item("price_negotiation")
    assert not item.is_highlighted
    german.undo_action.trigger()
    assert german.board.zone_of("price_negotiation") is Zone.UNPLACED
    assert item.is_highlighted  # lit up at once on every view of the scene
    qtbot.waitUntil(lambda: not item.is_highlighted, timeout=400)
    qtbot.waitUntil(lambda: item.is_highlighted, timeout=400)  # and again: it flashes
    qtbot.wait(1000)
    assert not item.is_highlighted  # and then is as it was
    assert german.undo_action.text() == "&Rückgängig"


def test_an_ampersand_on_a_card_stays_text_in_the_undo_label(qtbot, german, monkeypatch):
    answer_card_dialogs(monkeypatch, "Preise & Rabatte")
    german.ask_add_card()
    card_id = next(c.id for c in german.board.cards() if c.custom)
    german.move_card(card_id, Zone.SALES, None)
    assert german.undo_action.text() == "Rückgängig: „Preise && Rabatte“ nach Verkauf"


# --- note badges ---


def badge_point(view, card_id: str):
    item = view.card_item(card_id)
    return view.mapFromScene(item.mapToScene(badge_centre()))


def click(view, point) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point)


def test_a_note_shows_a_badge_seen_from_the_room_and_opens_on_a_click(qtbot, german):
    german.current.session.set_note("terms", "Rabatte nur bis 5 % <b>ohne</b> Freigabe")
    item = german.view.card_item("terms")
    assert item.note
    badge_px = 2 * 17 * german.view.scale_factor()
    assert badge_px >= 24  # a badge a room can see, not a corner mark
    click(german.view, card_center(german.view, "terms"))  # a click on the card elsewhere: no note
    assert not isinstance(QApplication.activePopupWidget(), NotePopup)
    click(german.view, badge_point(german.view, "terms"))
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, NotePopup)
    assert popup.text() == "Rabatte nur bis 5 % <b>ohne</b> Freigabe"
    assert popup.textFormat() == Qt.TextFormat.PlainText
    assert german.board.zone_of("terms") is Zone.UNPLACED  # a click moves nothing
    popup.close()


def test_a_card_without_a_note_opens_nothing(qtbot, german):
    click(german.view, badge_point(german.view, "terms"))
    assert not isinstance(QApplication.activePopupWidget(), NotePopup)


def test_the_note_opens_on_the_projector_too(qtbot, german):
    german.current.session.set_note("advertising", "Budget klären")
    german.presenter.action.trigger()
    view = german.presenter.window.panel.view
    qtbot.waitExposed(german.presenter.window)
    click(view, badge_point(view, "advertising"))
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, NotePopup) and popup.text() == "Budget klären"
    assert popup.font().pixelSize() >= 24
    popup.close()



def test_the_key_hint_in_the_status_bar_is_whole_on_a_1366x768_laptop(qtbot, tmp_path):
    """The German hint was cut after "0 zurück in d" beside the autosave note at 1366x768."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLabel

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = show_window(qtbot, build_window("de", sessions_dir=tmp_path, settings=settings))
    window.resize(1366, 768)
    labels = window.statusBar().findChildren
    qtbot.waitUntil(lambda: any(label.text().startswith("Automatisch gespeichert: 20")
                                for label in labels(QLabel)))
    hint = next(label for label in labels(QLabel) if "Tab/Pfeil" in label.text())
    qtbot.waitUntil(lambda: hint.width() < 1000)
    assert hint.width() >= hint.sizeHint().width(), hint.text()
    assert hint.text().endswith("0 nicht zugeordnet.")  # the tray's name, as on the board
