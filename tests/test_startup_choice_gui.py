"""Which session the window opens at start, and what happens when it cannot (issue 10: items 13, 14).

The last session is remembered per sessions folder; when it cannot be opened (another window holds it,
it is damaged) the facilitator chooses: a new workshop, another session, quit, or going on unsaved, and
then a banner on the board says so until the work is saved. Buttons are clicked with real mouse events.
"""

from __future__ import annotations

import pytest
from gui_helpers import show_window
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from workshop_app.storage import location
from workshop_app.ui.app import build_window


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setattr(location, "default_sessions_dir", lambda: tmp_path / "default-sessions")
    monkeypatch.delenv(location.SESSIONS_DIR_VARIABLE, raising=False)


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "settings.ini"


def folder_named(tmp_path, name: str):
    path = tmp_path / name
    path.mkdir()
    return path


def open_window(qtbot, folder, settings_path):
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    return show_window(qtbot, build_window("en", sessions_dir=folder, settings=settings))


def answer_the_start_dialog(button_text: str, seen: list[str]) -> None:
    """When the start dialog shows, click the button `button_text` with the mouse."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        [button] = [b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == button_text]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


# --- item 13 ---


def test_each_sessions_folder_reopens_its_own_last_session(qtbot, tmp_path, settings_path):
    first, second = folder_named(tmp_path, "team-a"), folder_named(tmp_path, "team-b")
    window = open_window(qtbot, first, settings_path)
    in_first = window.sessions.store.path
    window.close()
    window = open_window(qtbot, second, settings_path)
    assert window.sessions.store.path.parent == second  # not the session of the other folder
    in_second = window.sessions.store.path
    window.close()
    assert open_window(qtbot, first, settings_path).sessions.store.path == in_first
    assert open_window(qtbot, second, settings_path).sessions.store.path == in_second


# --- item 14 ---


@pytest.fixture
def held_elsewhere(qtbot, tmp_path, settings_path):
    """The last session is open in another window: (that window, the sessions folder)."""
    folder = folder_named(tmp_path, "sessions")
    holder = open_window(qtbot, folder, settings_path)
    return holder, folder


def test_a_locked_last_session_offers_a_new_workshop_by_default(qtbot, held_elsewhere, settings_path):
    holder, folder = held_elsewhere
    seen: list[str] = []
    answer_the_start_dialog("New workshop", seen)
    window = open_window(qtbot, folder, settings_path)
    assert len(seen) == 1 and "already open in another window" in seen[0]
    assert window.sessions.store is not None and window.sessions.store.path != holder.sessions.store.path
    assert not window.sessions.banner.isVisible()


def test_going_on_unsaved_shows_a_banner_until_the_work_is_saved(qtbot, held_elsewhere, settings_path):
    _, folder = held_elsewhere
    answer_the_start_dialog("Go on without saving", [])
    window = open_window(qtbot, folder, settings_path)
    banner = window.sessions.banner
    assert window.sessions.store is None
    assert banner.isVisible() and "not saved" in banner.text().lower()
    assert banner.textFormat() == Qt.TextFormat.PlainText
    banner_bottom = banner.mapTo(window, QPoint(0, banner.height())).y()
    board_top = window.view.mapTo(window, QPoint(0, 0)).y()
    assert 0 <= board_top - banner_bottom <= 60  # right above the board, covering none of it
    assert banner.width() >= window.view.width() * 0.9
    from workshop_app.domain.deck import load_deck
    from workshop_app.ui.session_control import demo_info

    assert window.sessions.new_session(demo_info("en"), load_deck().board())
    assert not banner.isVisible()


def test_quit_closes_the_window(qtbot, held_elsewhere, settings_path):
    _, folder = held_elsewhere
    answer_the_start_dialog("Quit", [])
    window = open_window(qtbot, folder, settings_path)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.sessions.store is None


def test_open_another_shows_the_open_dialog(qtbot, held_elsewhere, settings_path, monkeypatch):
    holder, folder = held_elsewhere
    from workshop_app.ui.session_dialogs import OpenSessionDialog

    opened: list[int] = []
    monkeypatch.setattr(OpenSessionDialog, "exec", lambda dialog: opened.append(1) or 0)
    # the Open dialog is cancelled: the choice comes back, and then a new workshop is made
    answer_the_start_dialog("Open another…", [])
    QTimer.singleShot(200, lambda: answer_the_start_dialog("New workshop", []))
    window = open_window(qtbot, folder, settings_path)
    assert opened == [1]
    assert window.sessions.store is not None and window.sessions.store.path != holder.sessions.store.path
