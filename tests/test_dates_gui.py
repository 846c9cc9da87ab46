"""Dates are dates: "by when" of a next step (or nothing), and the workshop's own date in its details,
which the PDF prints instead of the day the session was created (issue 10, item 15)."""

from __future__ import annotations

import io

import pytest
from gui_helpers import show_window
from pypdf import PdfReader
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDateEdit, QDialogButtonBox, QMessageBox

from workshop_app.domain.session import ActionItem, Session, SessionInfo, SessionModelError
from workshop_app.export import summary_pdf
from workshop_app.storage import read_session
from workshop_app.ui.app import build_window
from workshop_app.ui.session_dialogs import NewWorkshopDialog
from workshop_app.ui.session_notes import NextStepsDialog


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A window on a session in a fresh folder; message boxes answer at once."""
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Ok)
    folder = tmp_path / "sessions"
    folder.mkdir()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return show_window(qtbot, build_window("en", sessions_dir=folder, settings=settings))


def test_by_when_is_a_date_or_nothing(board):
    session = Session(SessionInfo("Termine"), board)
    session.set_action_items([ActionItem("Schulung", "Eva", "2026-03-31"), ActionItem("Offen")])
    for bad in ("bald", "31.03.2026", "2026-02-30"):
        with pytest.raises(SessionModelError, match="date"):
            session.set_action_items([ActionItem("Schulung", "Eva", bad)])
    with pytest.raises(SessionModelError, match="date"):
        session.set_info(SessionInfo("Termine", date="nächste Woche"))


def test_the_next_steps_dialog_takes_by_when_from_a_date_editor(qtbot):
    dialog = NextStepsDialog(None, [ActionItem("Schulung", "Eva", "2026-03-31"), ActionItem("Offen")])
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    table.setCurrentCell(1, 2)
    table.editItem(table.item(1, 2))
    editor = table.findChild(QDateEdit)
    assert editor is not None and editor.isVisible()
    editor.setDate(QDate(2026, 4, 15))
    QTest.keyClick(editor, Qt.Key.Key_Tab)  # leaving the cell commits the date
    assert [item.due for item in dialog.items()] == ["2026-03-31", "2026-04-15"]


def test_the_details_date_is_saved_and_printed(qtbot, window):
    def fill_and_accept() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewWorkshopDialog):
            QTimer.singleShot(20, fill_and_accept)
            return
        dialog.date_edit.setDate(QDate(2026, 5, 4))
        QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_and_accept)
    window.session_notes.ask_details()
    session = window.session_notes.session
    assert session.info.date == "2026-05-04"
    assert read_session(window.sessions.store.path).info.date == "2026-05-04"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(summary_pdf(session))).pages)
    assert "4 May 2026" in text
