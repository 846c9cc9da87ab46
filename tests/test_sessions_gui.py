"""Sessions in the window: start, autosave of real drags, reopen in a new window, the File menu, faults.

Every test works in a temporary sessions folder with its own settings file; the default folder is
redirected too, so that no test ever writes into the checkout's `sessions/`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from gui_helpers import answer_card_dialogs, drag_card_to, show_window, slot_point, zone_point
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from storage_helpers import as_unprivileged_user, folder_for_everyone, record_future_migration

from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import Zone
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionStore, location, read_session, schema
from workshop_app.ui.app import build_window
from workshop_app.ui.session_dialogs import NewWorkshopDialog, OpenSessionDialog

FIXTURE_V1 = Path(__file__).parent / "fixtures" / "session_v1.sqlite"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """A default folder under tmp_path, and no sessions folder from the environment; afterwards the
    checkout's `sessions/` must be exactly as before."""
    from workshop_app.paths import checkout_sessions_dir

    checkout = checkout_sessions_dir()
    before = _listing(checkout)
    default = tmp_path / "default-sessions"
    monkeypatch.setattr(location, "default_sessions_dir", lambda: default)
    monkeypatch.delenv(location.SESSIONS_DIR_VARIABLE, raising=False)
    yield default
    assert _listing(checkout) == before


def _listing(folder: Path | None) -> dict[str, float]:
    if folder is None:
        return {}
    return {path.name: path.stat().st_mtime for path in folder.iterdir()}


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "sessions"
    path.mkdir()
    return path


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "settings.ini"


class Shown(list):
    answer: dict


@pytest.fixture
def messages(monkeypatch):
    """Message boxes answer at once; the texts they would show are collected (with their format)."""
    shown = Shown()
    answer = {"button": QMessageBox.StandardButton.Ok}

    def exec_(box):
        shown.append((box.text(), box.textFormat()))
        return answer["button"]

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    shown.answer = answer
    return shown


def open_window(qtbot, folder, settings_path, sessions_dir=True):
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = build_window("en", sessions_dir=folder if sessions_dir else None, settings=settings)
    return show_window(qtbot, window)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- start, autosave, reopen ---


def test_first_start_creates_the_demo_workshop_session(qtbot, folder, settings_path, messages):
    window = open_window(qtbot, folder, settings_path)
    store = window.sessions.store
    assert store is not None and store.path.parent == folder
    assert window.windowTitle().startswith("Demo workshop")
    assert len(window.board) == 22 and not list(window.board.placed())
    assert messages == []


def _age(path: Path, seconds: float) -> None:
    """Make a session file (and its WAL) look `seconds` older than now."""
    when = path.stat().st_mtime - seconds
    for part in (path, Path(f"{path}-wal")):
        if part.exists():
            os.utime(part, (when, when))


def test_fresh_settings_reopen_the_newest_session_of_the_folder(qtbot, folder, tmp_path, messages):
    """Another laptop, fresh settings or a copied sessions folder: the settings remember nothing for the
    folder, but it holds sessions. The newest readable one opens; no further demo workshop is made."""
    older = SessionStore.create(folder, SessionInfo("Morning workshop"), load_deck().board())
    older.close()
    board = load_deck().board()
    board.move("advertising", Zone.MARKETING)
    newest = SessionStore.create(folder, SessionInfo("Afternoon workshop"), board)
    newest.close()
    _age(older.path, 3600)
    broken = folder / "broken.sqlite"
    broken.write_bytes(b"not a session at all")  # newest file, but unreadable: skipped
    before = sorted(p.name for p in folder.glob("*.sqlite"))

    window = open_window(qtbot, folder, tmp_path / "fresh-settings.ini")
    assert window.sessions.store.path == newest.path
    assert window.windowTitle().startswith("Afternoon workshop")
    assert window.board.zone_of("advertising") == Zone.MARKETING
    assert sorted(p.name for p in folder.glob("*.sqlite")) == before  # no new demo workshop
    assert messages == []


def test_dragged_cards_are_where_they_were_in_a_new_window(qtbot, folder, settings_path, messages):
    window = open_window(qtbot, folder, settings_path)
    view = window.view
    drag_card_to(qtbot, view, "advertising", zone_point(view, Zone.MARKETING))
    drag_card_to(qtbot, view, "terms", zone_point(view, Zone.SALES))
    drag_card_to(qtbot, view, "price_negotiation", slot_point(view, Zone.SALES, 0))
    drag_card_to(qtbot, view, "field_feedback", zone_point(view, Zone.SHARED))
    expected = window.board.snapshot()
    assert expected["sales"] == ("price_negotiation", "terms")
    path = window.sessions.store.path
    assert read_session(path).board.snapshot() == expected  # on disk before the window closes
    window.close()

    again = open_window(qtbot, folder, settings_path)
    assert again.sessions.store.path == path
    assert again.board.snapshot() == expected
    for card_id in ("advertising", "terms", "price_negotiation", "field_feedback"):
        zone = again.board.zone_of(card_id)
        rect = again.board_scene.layout.zones[zone].rect
        pos = again.view.card_item(card_id).pos()
        assert rect.contains(pos.x() + 1, pos.y() + 1)
    assert messages == []


def test_undo_and_redo_are_saved_and_logged(qtbot, folder, settings_path, messages):
    window = open_window(qtbot, folder, settings_path)
    view = window.view
    drag_card_to(qtbot, view, "terms", zone_point(view, Zone.SALES))
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    path = window.sessions.store.path
    assert read_session(path).board.zone_of("terms") is Zone.UNPLACED
    QTest.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert read_session(path).board.zone_of("terms") is Zone.SALES
    moves = [(e["action"], e["to_zone"]) for e in window.sessions.store.events() if e["kind"] == "move"]
    assert moves == [("do", "sales"), ("undo", "unplaced"), ("redo", "sales")]


def test_a_custom_card_and_its_edit_survive_a_restart(qtbot, folder, settings_path, messages,
                                                        monkeypatch):
    window = open_window(qtbot, folder, settings_path)
    answer_card_dialogs(monkeypatch, "Messestand planen")
    window.ask_add_card()
    custom = next(card for card in window.board.cards() if card.custom)
    drag_card_to(qtbot, window.view, custom.id, zone_point(window.view, Zone.SHARED))
    window.close()
    again = open_window(qtbot, folder, settings_path)
    assert again.board.card(custom.id).text_en == "Messestand planen"
    assert again.board.zone_of(custom.id) is Zone.SHARED


def test_a_board_loaded_by_another_feature_becomes_the_sessions_board(qtbot, folder, settings_path,
                                                                      messages):
    from workshop_app.domain.deck import reference_board

    window = open_window(qtbot, folder, settings_path)
    board = reference_board()
    window.set_board(board)
    assert read_session(window.sessions.store.path).board.snapshot() == board.snapshot()
    drag_card_to(qtbot, window.view, "terms", zone_point(window.view, Zone.MARKETING))
    assert read_session(window.sessions.store.path).board.zone_of("terms") is Zone.MARKETING


# --- File menu ---


def test_file_menu_has_the_session_entries(qtbot, folder, settings_path, messages):
    window = open_window(qtbot, folder, settings_path)
    texts = [action.text() for action in window.file_menu.actions()]
    for expected in ("&New workshop…", "&Open…", "Open &recent", "&Duplicate for the next team…",
                     "Rena&me…", "De&lete…"):
        assert expected in texts
    shown = [text for action, text in zip(window.file_menu.actions(), texts, strict=True)
             if action.isVisible() and not action.isSeparator()]
    assert shown.index("Wor&kshop details…") + 1 == shown.index("De&lete…")  # the order of before
    assert shown.index("Next &steps…") + 1 == shown.index("&Export PDF…")


def test_new_workshop_dialog_creates_and_shows_a_session(qtbot, folder, settings_path, messages,
                                                         monkeypatch):
    window = open_window(qtbot, folder, settings_path)
    first = window.sessions.store.path

    def fill_and_accept(dialog):
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.title_edit.setText("Vertrieb <Süd>")
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.company_edit.setText("Tom & Jerry GmbH")
        dialog.facilitator_edit.setText("Anna")
        dialog.participants_edit.setPlainText("Jonas\nMira, Ute\n")
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
        dialog.accept()
        return 1

    monkeypatch.setattr(NewWorkshopDialog, "exec", fill_and_accept)
    window.sessions.menu.new_action.trigger()
    store = window.sessions.store
    assert store.path != first and store.path.exists()
    info = read_session(store.path).info
    assert (info.title, info.company, info.facilitator, info.participants, info.language) == (
        "Vertrieb <Süd>", "Tom & Jerry GmbH", "Anna", ["Jonas", "Mira", "Ute"], "en")
    assert window.windowTitle().startswith("Vertrieb <Süd>")
    assert not list(window.board.placed())


def test_open_dialog_lists_searches_and_opens(qtbot, folder, settings_path, messages, monkeypatch):
    window = open_window(qtbot, folder, settings_path)
    drag_card_to(qtbot, window.view, "terms", zone_point(window.view, Zone.SALES))
    demo = window.sessions.store.path
    window.sessions.new_session(SessionInfo("Acme round", company="Acme"),
                                window.board.emptied())
    (folder / "broken.sqlite").write_text("garbage")
    seen = {}

    def search_and_open(dialog):
        seen["all"] = sorted(dialog.visible_titles())
        rows = {s.title: s for s in dialog.summaries}
        seen["placed"] = rows["Demo workshop"].placed
        dialog.search.setText("demo")
        seen["found"] = dialog.visible_titles()
        dialog._accept_selected()
        return 1

    monkeypatch.setattr(OpenSessionDialog, "exec", search_and_open)
    window.sessions.menu.open_action.trigger()
    assert seen["all"] == ["Acme round", "Demo workshop", "broken"]
    assert seen["placed"] == 1 and seen["found"] == ["Demo workshop"]
    assert window.sessions.store.path == demo
    assert window.board.zone_of("terms") is Zone.SALES



def test_open_dialog_tells_sessions_of_the_same_title_and_date_apart(qtbot, folder, settings_path,
                                                                     messages, monkeypatch):
    """Two workshops called alike on one day were two identical rows; the last change tells them
    apart (newest first, as the list is sorted)."""
    window = open_window(qtbot, folder, settings_path)
    demo = window.sessions.store.path
    window.sessions.new_session(SessionInfo("Demo workshop"), window.board.emptied())
    an_hour_ago = demo.stat().st_mtime - 3600
    for path in (demo, Path(f"{demo}-wal")):
        if path.exists():
            os.utime(path, (an_hour_ago, an_hour_ago))
    rows = []

    def read_rows(dialog):
        table = dialog.table
        header = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        rows.extend(tuple(table.item(r, c).text() for c in range(table.columnCount()))
                    for r in range(table.rowCount()))
        rows.append(header)
        return 0

    monkeypatch.setattr(OpenSessionDialog, "exec", read_rows)
    window.sessions.menu.open_action.trigger()
    header, first, second = rows[-1], rows[0], rows[1]
    assert header[-1] == "Last changed"
    assert first[0] == second[0] == "Demo workshop" and first != second
    assert first[-1] >= second[-1]  # ISO date and time: the newest change on top


def test_open_recent_lists_the_sessions_opened_before(qtbot, folder, settings_path, messages):
    window = open_window(qtbot, folder, settings_path)
    demo = window.sessions.store.path
    window.sessions.new_session(SessionInfo("Second"), window.board.emptied())
    window.sessions.menu.recent_menu.aboutToShow.emit()
    entries = window.sessions.menu.recent_menu.actions()
    assert [a.text() for a in entries][:2] == [window.sessions.store.path.name, demo.name]
    entries[1].trigger()
    assert window.sessions.store.path == demo


def test_duplicate_keeps_deck_and_cards_with_an_empty_board(qtbot, folder, settings_path, messages,
                                                            monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window = open_window(qtbot, folder, settings_path)
    answer_card_dialogs(monkeypatch, "Eigene Aufgabe")
    window.ask_add_card()
    drag_card_to(qtbot, window.view, "terms", zone_point(window.view, Zone.SALES))
    original = window.sessions.store.path
    cards = window.board.cards()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Team B", True))
    window.sessions.menu.duplicate_action.trigger()
    copy = window.sessions.store.path
    assert copy != original
    session = read_session(copy)
    assert session.info.title == "Team B"
    assert session.board.cards() == cards
    assert not list(session.board.placed())
    assert read_session(original).board.zone_of("terms") is Zone.SALES


def test_rename_changes_the_title_everywhere(qtbot, folder, settings_path, messages, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window = open_window(qtbot, folder, settings_path)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Kick-off <i>Nord</i>", True))
    window.sessions.menu.rename_action.trigger()
    assert window.windowTitle().startswith("Kick-off <i>Nord</i>")
    assert read_session(window.sessions.store.path).info.title == "Kick-off <i>Nord</i>"


def test_delete_asks_then_moves_the_file_to_trash(qtbot, folder, settings_path, messages):
    window = open_window(qtbot, folder, settings_path)
    drag_card_to(qtbot, window.view, "terms", zone_point(window.view, Zone.SALES))
    path = window.sessions.store.path
    messages.answer["button"] = QMessageBox.StandardButton.No
    window.sessions.menu.delete_action.trigger()
    assert path.exists() and "trash" in messages[-1][0]
    assert messages[-1][1] == Qt.TextFormat.PlainText
    messages.answer["button"] = QMessageBox.StandardButton.Yes
    window.sessions.menu.delete_action.trigger()
    trashed = folder / "trash" / path.name
    assert read_session(trashed).board.zone_of("terms") is Zone.SALES
    # it was the only session: a fresh demo workshop takes its place
    assert window.sessions.store is not None
    assert not list(read_session(window.sessions.store.path).board.placed())
    assert not list(window.board.placed())


# --- faults: a clear message, the file untouched ---


def _damage_not_sqlite(path: Path) -> None:
    path.write_text("these are my notes, not a session")


def _damage_truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:5000])


@pytest.mark.parametrize("damage,words", [(_damage_not_sqlite, "not a session file"),
                                          (_damage_truncate, "truncated"),
                                          (record_future_migration, "newer version")])
def test_a_bad_last_session_gives_a_message_and_stays_untouched(qtbot, folder, settings_path, messages,
                                                                damage, words):
    window = open_window(qtbot, folder, settings_path)
    path = window.sessions.store.path
    window.close()
    damage(path)
    before = digest(path)
    again = open_window(qtbot, folder, settings_path)
    assert len(messages) == 1 and words in messages[0][0] and path.name in messages[0][0]
    assert messages[0][1] == Qt.TextFormat.PlainText
    assert again.sessions.store is None and "not saved" in again.windowTitle()
    drag_card_to(qtbot, again.view, "terms", zone_point(again.view, Zone.SALES))  # still usable
    assert digest(path) == before


def test_a_session_open_in_another_window_is_refused(qtbot, folder, settings_path, messages):
    first = open_window(qtbot, folder, settings_path)
    path = first.sessions.store.path
    drag_card_to(qtbot, first.view, "terms", zone_point(first.view, Zone.SALES))
    before = digest(path)
    second = open_window(qtbot, folder, settings_path)
    assert len(messages) == 1 and "already open in another window" in messages[0][0]
    assert second.sessions.store is None
    assert digest(path) == before
    drag_card_to(qtbot, first.view, "advertising", zone_point(first.view, Zone.MARKETING))
    assert read_session(path).board.zone_of("advertising") is Zone.MARKETING


def test_a_missing_sessions_folder_falls_back_to_the_default_with_a_message(qtbot, tmp_path, isolated,
                                                                            settings_path, messages):
    window = open_window(qtbot, tmp_path / "unplugged-stick", settings_path)
    assert len(messages) == 1 and "does not exist" in messages[0][0]
    assert str(isolated) in messages[0][0]
    assert window.sessions.store.path.parent == isolated
    assert not (tmp_path / "unplugged-stick").exists()


def test_a_read_only_sessions_folder_gives_a_message(qtbot, settings_path, messages, monkeypatch):
    with folder_for_everyone() as folder:
        folder.chmod(0o555)
        with as_unprivileged_user():
            window = open_window(qtbot, folder, Path(folder) / "settings.ini", sessions_dir=True)
            window.sessions.new_session(SessionInfo("Another"), window.board.emptied())
        folder.chmod(0o755)
        assert messages and all("cannot be written" in text for text, _ in messages)
        assert window.sessions.store is None
        assert sorted(p.name for p in folder.iterdir()) == []


def test_opening_an_old_session_migrates_it(qtbot, folder, settings_path, messages):
    path = folder / "old.sqlite"
    shutil.copyfile(FIXTURE_V1, path)
    window = open_window(qtbot, folder, settings_path)
    assert window.sessions.open_path(path)
    assert window.sessions.store.schema_version() == schema.current_version()
    assert window.board.ids_in(Zone.MARKETING) == ("needs_analysis", "product_proposal",
                                                   "benefit_persuasion")
    assert window.windowTitle().startswith("Kundenversteher-Runde")


def test_a_failed_commit_is_reported_and_the_next_one_catches_up(qtbot, folder, settings_path, messages):
    import sqlite3

    window = open_window(qtbot, folder, settings_path)
    store = window.sessions.store
    store.db.conn.execute("PRAGMA busy_timeout = 50")
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # someone else holds the write lock
    drag_card_to(qtbot, window.view, "terms", zone_point(window.view, Zone.SALES))
    assert window.board.zone_of("terms") is Zone.SALES  # the board keeps the move
    assert len(messages) == 1 and "could not be saved" in messages[0][0]
    assert window.sessions.status.text() == "Not saved!"
    blocker.execute("ROLLBACK")
    blocker.close()
    drag_card_to(qtbot, window.view, "advertising", zone_point(window.view, Zone.MARKETING))
    saved = read_session(store.path).board
    assert saved.snapshot() == window.board.snapshot()
    assert saved.zone_of("terms") is Zone.SALES and len(messages) == 1
    assert window.sessions.status.text().startswith("Saved automatically")
