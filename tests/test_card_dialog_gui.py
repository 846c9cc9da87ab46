"""Adding and editing a card in the window: both languages in wide fields and a task function, typed and
clicked with real events (issue 10, item 12)."""

from __future__ import annotations

from gui_helpers import drag_card_to, zone_point
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from workshop_app.domain.diagnosis import diagnose
from workshop_app.domain.model import Zone
from workshop_app.ui.card_dialog import TEXT_COLUMNS, CardDialog


def answer_card_dialog(de: str | None, en: str | None, function_name: str | None, seen: list) -> None:
    """When the card dialog shows, replace the texts given (typed), choose the function, click OK."""
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CardDialog):
            QTimer.singleShot(20, fill)
            return
        seen.append((dialog.text_de(), dialog.text_en(), dialog.de_edit.width(), dialog.en_edit.width(),
                     QFontMetrics(dialog.de_edit.font()).averageCharWidth()))
        for edit, text in ((dialog.de_edit, de), (dialog.en_edit, en)):
            if text is not None:
                edit.selectAll()
                QTest.keyClick(edit, Qt.Key.Key_Delete)
                QTest.keyClicks(edit, text)
        if function_name is not None:
            dialog.function_box.setCurrentIndex(dialog.function_box.findText(function_name))
        QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)


def test_a_new_card_gets_both_texts_and_a_function_that_counts(qtbot, window):
    seen: list = []
    answer_card_dialog("Messestand planen", "Plan the trade fair stand", "Advertising", seen)
    window.add_card_action.trigger()
    [card] = [card for card in window.board.cards() if card.custom]
    assert (card.text_de, card.text_en, card.function) == ("Messestand planen", "Plan the trade fair stand",
                                                           "advertising")
    _, _, de_width, en_width, char_width = seen[0]
    assert min(de_width, en_width) >= TEXT_COLUMNS * char_width  # wide enough for a whole task
    drag_card_to(qtbot, window.view, card.id, zone_point(window.view, Zone.SALES))
    assert card.id in diagnose(window.board).off_reference  # advertising belongs to marketing


def test_f2_edits_both_languages_on_the_board(qtbot, window):
    answer_card_dialog("Alt", "Old", None, [])
    window.add_card_action.trigger()
    [card] = [card for card in window.board.cards() if card.custom]
    window.selection.select(card.id)
    seen: list = []
    answer_card_dialog("Neu auf Deutsch", "New in English", "Advertising", seen)
    window.activateWindow()  # back from the add dialog
    window.view.setFocus()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0][:2] == ("Alt", "Old")  # the dialog showed both texts
    edited = window.board.card(card.id)
    assert (edited.text_de, edited.text_en, edited.function) == ("Neu auf Deutsch", "New in English",
                                                                 "advertising")
    assert window.view.card_item(card.id).text == "New in English"  # the window is in English
    window.undo_stack.undo()
    assert (window.board.card(card.id).text_de, window.board.card(card.id).text_en) == ("Alt", "Old")
