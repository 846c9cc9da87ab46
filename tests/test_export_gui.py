"""File > Export PDF… in the real window: the save dialog, the PDF written, the messages."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from gui_helpers import drag_card_to, show_window, zone_point
from pdf_helpers import all_text, page_sizes, squeeze
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from workshop_app.domain.model import Zone
from workshop_app.ui.app import build_window

KUNDENVERSTEHER_CARDS = ("needs_analysis", "product_proposal", "benefit_persuasion")


def when_modal(handler, seen: list) -> None:
    """Run `handler(widget)` on the next modal dialog as soon as it is shown (polling the event loop)."""
    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            QTimer.singleShot(20, poll)
            return
        seen.append(widget)
        handler(widget)
    QTimer.singleShot(0, poll)


@pytest.fixture
def window(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    folder = tmp_path / "sessions"
    folder.mkdir()
    window = build_window("en", sessions_dir=folder, settings=settings)
    window.export_action.settings = settings
    return show_window(qtbot, window)


def test_export_from_the_file_menu_writes_the_shown_session(window, qtbot, tmp_path):
    for card_id in KUNDENVERSTEHER_CARDS:
        drag_card_to(qtbot, window.view, card_id, zone_point(window.view, Zone.MARKETING))
    assert window.export_action.action in window.file_menu.actions()
    session_file = window.sessions.store.path
    before = hashlib.sha256(session_file.read_bytes()).hexdigest()
    target = tmp_path / "exports" / "summary.pdf"
    target.parent.mkdir()
    seen: list = []
    proposed: dict[str, str] = {}

    def save_dialog(dialog: QFileDialog) -> None:
        proposed["name"] = dialog.selectedFiles()[0] if dialog.selectedFiles() else ""
        proposed["filter"] = dialog.selectedNameFilter()
        dialog.selectFile(str(target))
        when_modal(done_message, seen)
        dialog.accept()

    def done_message(box: QMessageBox) -> None:
        proposed["message"] = box.text()
        proposed["buttons"] = [button.text() for button in box.buttons()]
        box.button(QMessageBox.StandardButton.Ok).click()

    when_modal(save_dialog, seen)
    window.export_action.action.trigger()
    qtbot.waitUntil(lambda: "message" in proposed, timeout=10000)

    title = window.sessions.session.info.title
    assert proposed["name"].endswith(f"{dt.date.today().isoformat()} {title}.pdf")
    assert str(target) in proposed["message"]
    assert any("Open folder" in text for text in proposed["buttons"])
    data = target.read_bytes()
    text = squeeze(all_text(data))
    assert squeeze(title) in text
    assert squeeze("The customer-understanders100%resembles") in text
    size = (612, 792) if "Letter" in proposed["filter"] else (595, 842)
    assert set(page_sizes(data)) == {size}
    assert hashlib.sha256(session_file.read_bytes()).hexdigest() == before
    assert window.export_action.last_path == target


def test_a_failed_export_says_so_and_writes_nothing(window, qtbot, tmp_path):
    seen: list = []
    texts: dict[str, str] = {}

    def warning(box: QMessageBox) -> None:
        texts["text"], texts["detail"] = box.text(), box.informativeText()
        box.close()

    when_modal(warning, seen)
    target = tmp_path / "missing" / "summary.pdf"
    assert window.export_action.export_to(target) is False
    assert "not written" in texts["text"] and "does not exist" in texts["detail"]
    assert not target.parent.exists()
    assert window.sessions.session is not None


def test_without_a_session_the_board_is_exported(qtbot, tmp_path):
    window = build_window("de")
    qtbot.addWidget(window)
    window.export_action.settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window.board.move("advertising", Zone.SALES)
    seen: list = []
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Ok).click(), seen)
    assert window.export_action.export_to(tmp_path / "board.pdf", "letter")
    data = (tmp_path / "board.pdf").read_bytes()
    assert set(page_sizes(data)) == {(612, 792)}
    assert squeeze("Werbung") in squeeze(all_text(data))


def test_an_export_onto_the_open_session_is_refused_and_the_moves_stay(window, qtbot, tmp_path):
    """Issue 10, item 1: in the window too, the PDF never replaces the session it comes from."""
    seen: list = []
    texts: dict[str, str] = {}

    def warning(box: QMessageBox) -> None:
        texts["detail"] = box.informativeText()
        box.close()

    path = window.sessions.store.path
    drag_card_to(qtbot, window.view, "terms", zone_point(window.view, Zone.SALES))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    when_modal(warning, seen)
    assert window.export_action.export_to(path) is False
    assert "session" in texts["detail"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    drag_card_to(qtbot, window.view, "advertising", zone_point(window.view, Zone.MARKETING))
    from workshop_app.storage import read_session

    assert read_session(path).board.zone_of("terms") is Zone.SALES
    assert read_session(path).board.zone_of("advertising") is Zone.MARKETING
