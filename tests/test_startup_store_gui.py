"""At start the window shows the reopened session before its file is open for writing: read with the
standard library (lock held), painted, then the store (sqlite-utils) opens right after the first paint
(ui/later_store.py). Nothing the facilitator does in between is lost, a second instance is still refused
before it shows anything, and a store that cannot open after the paint offers the start's choice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from test_startup_choice_gui import answer_the_start_dialog

from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import Zone
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionStore, location, read_session, schema
from workshop_app.storage.errors import WriteFailedError
from workshop_app.ui.app import build_window
from workshop_app.ui.later_store import LaterStore
from workshop_app.ui.recent_sessions import KEY_LAST

FIXTURE_V1 = Path(__file__).parent / "fixtures" / "session_v1.sqlite"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setattr(location, "default_sessions_dir", lambda: tmp_path / "default-sessions")
    monkeypatch.delenv(location.SESSIONS_DIR_VARIABLE, raising=False)


def a_session(folder: Path) -> Path:
    board = load_deck().board()
    with SessionStore.create(folder, SessionInfo("Morgen", language="en"), board) as store:
        store.attach(board)
        board.move("terms", Zone.SALES)
        return store.path


def start_like_the_app(qtbot, folder: Path, last: Path | None = None):
    """The window as `workshop-app` builds it (deferred start), reopening `last`; not shown yet."""
    settings = QSettings(str(folder.parent / "settings.ini"), QSettings.Format.IniFormat)
    if last is not None:
        settings.setValue(KEY_LAST, str(last))
    window = build_window("en", sessions_dir=folder, settings=settings, defer_secondary=True)
    qtbot.addWidget(window)
    return window


def test_the_session_shows_before_its_store_opens_and_the_store_opens_after_the_paint(qtbot, tmp_path):
    path = a_session(tmp_path)
    window = start_like_the_app(qtbot, tmp_path, path)
    store = window.sessions.store
    assert isinstance(store, LaterStore) and not store.is_open  # read, not yet opened for writing
    assert window.board.zone_of("terms") is Zone.SALES and len(window.board_scene.items_by_id) == 22
    assert window.windowTitle().startswith("Morgen")
    window.show()
    qtbot.waitUntil(lambda: store.is_open)
    window.move_card("terms", Zone.MARKETING, None)
    window.close()
    assert read_session(path).board.zone_of("terms") is Zone.MARKETING


def test_a_move_before_the_store_opened_opens_it_and_is_saved(qtbot, tmp_path):
    path = a_session(tmp_path)
    window = start_like_the_app(qtbot, tmp_path, path)
    assert not window.sessions.store.is_open
    window.move_card("terms", Zone.SHARED, None)  # e.g. a click handled before the paint's follow-up
    assert window.sessions.store.is_open
    assert read_session(path).board.zone_of("terms") is Zone.SHARED  # committed at once, as ever
    window.undo_stack.undo()
    assert read_session(path).board.zone_of("terms") is Zone.SALES
    window.close()


def test_closing_before_the_store_opened_releases_the_file(qtbot, tmp_path):
    path = a_session(tmp_path)
    window = start_like_the_app(qtbot, tmp_path, path)
    window.close()
    with SessionStore.open(path) as store:  # not held any more
        assert store.load().board.zone_of("terms") is Zone.SALES


def test_a_second_window_is_refused_before_it_shows_the_session(qtbot, tmp_path):
    path = a_session(tmp_path)
    first = start_like_the_app(qtbot, tmp_path, path)  # holds the lock, store not open yet
    seen: list[str] = []
    answer_the_start_dialog("Go on without saving", seen)
    second = start_like_the_app(qtbot, tmp_path, path)
    assert len(seen) == 1 and "already open in another window" in seen[0]
    assert second.sessions.store is None and second.sessions.banner.isVisibleTo(second)
    first.close()
    second.close()


def test_a_store_that_cannot_open_after_the_paint_offers_the_start_choice(qtbot, tmp_path, monkeypatch):
    path = a_session(tmp_path)
    before = path.read_bytes()

    def refuse(_path, *, lock=None):
        lock.release()  # as SessionStore.open does when it fails
        raise WriteFailedError(path=_path.name, detail="disk full")

    monkeypatch.setattr(SessionStore, "open", refuse)
    window = start_like_the_app(qtbot, tmp_path, path)
    seen: list[str] = []
    answer_the_start_dialog("Go on without saving", seen)
    window.show()
    qtbot.waitUntil(lambda: bool(seen))
    assert "disk full" in seen[0]
    qtbot.waitUntil(lambda: window.sessions.banner.isVisible())
    assert window.sessions.store is None
    assert path.read_bytes() == before
    window.close()


def test_an_older_file_is_migrated_before_it_is_shown(qtbot, tmp_path):
    path = tmp_path / "alt.sqlite"
    shutil.copyfile(FIXTURE_V1, path)
    window = start_like_the_app(qtbot, tmp_path, path)
    store = window.sessions.store
    assert isinstance(store, SessionStore) and store.schema_version() == schema.current_version()
    assert window.sessions.current.stored
    window.close()
